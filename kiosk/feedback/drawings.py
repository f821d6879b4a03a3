"""Check a drawing sent from the feedback box, and keep only its pixels.

The drawing comes from a stranger's phone, so it is treated as hostile until
Pillow has decoded it under tight limits. A PNG only states its width and
height in its first bytes: a file of a few kilobytes can declare 20000 x 20000
pixels and ask for gigabytes when decoded (a pixel flood). So the size is
checked against the canvas before a single pixel is decoded, and Pillow's own
decompression-bomb guard is lowered to the canvas and made an error.

What is kept is a new PNG made from the pixels alone, flattened onto white:
no text chunks, EXIF, ICC profile, timestamps or other metadata can carry a
name, a device or a time (see DESIGN.md, Anonymity), and no hidden colours
survive under transparent pixels. White is what a child drew on, and a
flattened drawing reads the same on any staff page or printout.
"""

import io
import threading
import warnings

from PIL import Image

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The modes a PNG decodes to that a drawing can be in; 16-bit and the rest are refused.
DRAWING_MODES = {"1", "L", "LA", "P", "PA", "RGB", "RGBA"}


def N_(message: str) -> str:
    """Marks a message for the catalogues; the page that shows it translates it
    (kiosk/feedback/views.py), so this module needs no request."""
    return message


TOO_BIG = N_("That drawing is too big.")
UNREADABLE = N_("We could not read that drawing. Please try again.")
MOVING = N_("That picture moves. Please send a drawing that stays still.")

# Image.MAX_IMAGE_PIXELS and the warning filters belong to the whole process:
# drawings are decoded one at a time so that each sees its own limit.
_decoding = threading.Lock()


class InvalidDrawing(ValueError):
    """A drawing we will not keep; the message is plain enough to show a child."""


def clean_drawing(
    drawing: bytes, *, max_width: int, max_height: int, max_bytes: int
) -> bytes | None:
    """A drawing's PNG bytes, re-encoded as a PNG with nothing but its pixels;
    None for a blank canvas. The page sends the canvas as an image/png file part;
    a form without JavaScript has no drawing to send.

    The limits have no defaults: the feedback box passes its config (DRAWING_WIDTH,
    DRAWING_HEIGHT, DRAWING_MAX_BYTES), which also sizes the page's canvas, so the
    two can never disagree."""
    png = _png_bytes(drawing, max_bytes)
    with _decoding, warnings.catch_warnings():
        # Only this warning: the filters are shared with every thread, and another
        # request's harmless warning must not become its error.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        previous_limit = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = max_width * max_height
        try:
            pixels = _decode(png, max_width, max_height)
        finally:
            Image.MAX_IMAGE_PIXELS = previous_limit
    if _is_blank(pixels):
        return None
    out = io.BytesIO()
    pixels.save(out, format="PNG")  # optimize=True: 5x slower for 8% smaller
    return out.getvalue()


def _png_bytes(drawing: bytes, max_bytes: int) -> bytes:
    """The bytes of the PNG, refusing anything that is not one before decoding it."""
    if not isinstance(drawing, bytes):
        raise InvalidDrawing(UNREADABLE)
    if len(drawing) > max_bytes:
        raise InvalidDrawing(TOO_BIG)
    if not drawing.startswith(PNG_SIGNATURE):
        raise InvalidDrawing(UNREADABLE)
    return drawing


def _decode(png: bytes, max_width: int, max_height: int) -> Image.Image:
    """Decode within the canvas and return the pixels flattened onto white, as a
    new image that carries no metadata at all."""
    try:
        with Image.open(io.BytesIO(png), formats=["PNG"]) as image:
            # Image.open has read only the header: nothing is decoded yet.
            width, height = image.size
            if not (0 < width <= max_width and 0 < height <= max_height):
                raise InvalidDrawing(TOO_BIG)
            if getattr(image, "n_frames", 1) != 1:
                raise InvalidDrawing(MOVING)
            if image.mode not in DRAWING_MODES:
                raise InvalidDrawing(UNREADABLE)
            image.load()
            drawn = image.convert("RGBA")
    except InvalidDrawing:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Image.open itself refuses a header far bigger than the canvas.
        raise InvalidDrawing(TOO_BIG) from None
    except Exception:
        # Pillow reports a broken file through many kinds of error (OSError,
        # SyntaxError, zlib.error, struct.error, DecompressionBombError...):
        # for a drawing every one of them means the same thing.
        raise InvalidDrawing(UNREADABLE) from None
    paper = Image.new("RGBA", drawn.size, "white")
    paper.alpha_composite(drawn)
    return paper.convert("RGB")


def _is_blank(pixels: Image.Image) -> bool:
    """Every pixel the same colour: nothing was drawn (a clear canvas is all white
    once flattened, and a canvas filled with one colour says nothing either)."""
    return all(low == high for low, high in pixels.getextrema())


def drawing_from_upload(upload, config) -> bytes | None:
    """The drawing part of the feedback form (a Werkzeug FileStorage, or None
    when there is none) as clean PNG bytes, under the app's DRAWING_ limits;
    None when nothing was sent or the canvas was left blank."""
    if upload is None:
        return None
    if upload.mimetype != "image/png":
        raise InvalidDrawing(UNREADABLE)
    return clean_drawing(
        upload.stream.read(config["DRAWING_MAX_BYTES"] + 1),
        max_width=config["DRAWING_WIDTH"],
        max_height=config["DRAWING_HEIGHT"],
        max_bytes=config["DRAWING_MAX_BYTES"],
    )
