"""The drawing check: a real drawing keeps its pixels and loses everything else;
anything that is not a small still PNG is refused with a plain message."""

import base64
import io
import struct
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, PngImagePlugin

from kiosk.app.factory import DEFAULTS
from kiosk.feedback.drawings import (
    MOVING,
    PNG_SIGNATURE,
    TOO_BIG,
    UNREADABLE,
    InvalidDrawing,
    clean_drawing,
)

RED = (220, 40, 40)
# The limits the feedback box passes: the app's own, which also size the page's canvas.
WIDTH, HEIGHT = DEFAULTS["DRAWING_WIDTH"], DEFAULTS["DRAWING_HEIGHT"]
LIMITS = {"max_width": WIDTH, "max_height": HEIGHT, "max_bytes": DEFAULTS["DRAWING_MAX_BYTES"]}


def drawn_canvas(size=(300, 200)) -> Image.Image:
    """What the feedback page sends: a transparent canvas with a red stroke."""
    canvas = Image.new("RGBA", size, (0, 0, 0, 0))
    ImageDraw.Draw(canvas).line([(10, 10), (size[0] - 10, size[1] - 10)], fill=RED, width=8)
    return canvas


def png_bytes(image: Image.Image, **save_options) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", **save_options)
    return out.getvalue()


def chunk_types(png: bytes) -> list[bytes]:
    assert png.startswith(PNG_SIGNATURE)
    types, position = [], len(PNG_SIGNATURE)
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        types.append(png[position + 4 : position + 8])
        position += 12 + length
    return types


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def pixel_flood(width=20000, height=20000, complete=True) -> bytes:
    """A 1-bit grey PNG that is a few kilobytes on the wire and `width` x `height` decoded."""
    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
    squeeze, row = zlib.compressobj(9), b"\x00" * (1 + (width + 7) // 8)
    rows = height if complete else 10
    pixels = b"".join(squeeze.compress(row) for _ in range(rows)) + squeeze.flush()
    return PNG_SIGNATURE + header + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_a_drawing_keeps_its_pixels_and_loses_its_metadata():
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Sam from class 4")
    sent = png_bytes(drawn_canvas(), pnginfo=text, icc_profile=b"not really", dpi=(300, 300))
    assert b"Sam from class 4" in sent

    kept = clean_drawing(sent, **LIMITS)

    assert b"Sam from class 4" not in kept
    assert set(chunk_types(kept)) == {b"IHDR", b"IDAT", b"IEND"}
    with Image.open(io.BytesIO(kept)) as image:
        assert image.format == "PNG"
        assert image.size == (300, 200)
        assert image.info == {}
        assert image.getpixel((150, 100)) == RED
        assert image.getpixel((290, 10)) == (255, 255, 255)  # transparent became white paper


def test_a_kept_drawing_is_kept_again_unchanged():
    kept = clean_drawing(png_bytes(drawn_canvas()), **LIMITS)
    assert clean_drawing(kept, **LIMITS) == kept


def test_a_drawing_the_full_size_of_the_canvas_is_kept():
    assert clean_drawing(png_bytes(drawn_canvas((WIDTH, HEIGHT))), **LIMITS) is not None


@pytest.mark.parametrize(
    "size",
    [(WIDTH + 1, 100), (100, HEIGHT + 1), (4000, 4000), (10000, 1)],
    ids=lambda size: "x".join(map(str, size)),
)
def test_a_drawing_bigger_than_the_canvas_is_refused(size):
    with pytest.raises(InvalidDrawing, match=TOO_BIG):
        clean_drawing(png_bytes(Image.new("1", size)), **LIMITS)


def test_a_site_with_a_smaller_canvas_refuses_a_bigger_drawing():
    with pytest.raises(InvalidDrawing, match=TOO_BIG):
        clean_drawing(
            png_bytes(drawn_canvas((300, 200))), **{**LIMITS, "max_width": 200, "max_height": 200}
        )


@pytest.mark.parametrize("complete", [True, False], ids=["whole", "header-only"])
def test_a_pixel_flood_is_refused_before_any_pixel_is_decoded(complete):
    flood = pixel_flood(complete=complete)
    assert len(flood) < 60_000  # 400 million pixels in a file smaller than this page
    # TOO_BIG is said only before load(): by Image.open under the lowered pixel limit,
    # or by the size check. Nothing was decoded.
    with pytest.raises(InvalidDrawing, match=TOO_BIG):
        clean_drawing(flood, **LIMITS)


def test_the_process_wide_pixel_limit_is_put_back_after_each_drawing():
    before = Image.MAX_IMAGE_PIXELS
    clean_drawing(png_bytes(drawn_canvas()), **LIMITS)
    with pytest.raises(InvalidDrawing):
        clean_drawing(pixel_flood(complete=False), **LIMITS)
    assert Image.MAX_IMAGE_PIXELS == before


@pytest.mark.parametrize("max_bytes", [100, 1000])
def test_a_drawing_over_the_byte_limit_is_refused_undecoded(max_bytes):
    sent = png_bytes(drawn_canvas())
    assert len(sent) > max_bytes
    with pytest.raises(InvalidDrawing, match=TOO_BIG):
        clean_drawing(sent, **{**LIMITS, "max_bytes": max_bytes})


def other_format(format_name: str) -> bytes:
    out = io.BytesIO()
    drawn_canvas().convert("RGB").save(out, format=format_name)
    return out.getvalue()


def animated_png() -> bytes:
    frames = [drawn_canvas(), drawn_canvas().rotate(90)]
    return png_bytes(frames[0], save_all=True, append_images=frames[1:])


@pytest.mark.parametrize(
    "sent",
    [
        pytest.param(b"", id="zero-bytes"),
        pytest.param(b"hello, this is not a picture", id="text"),
        pytest.param(bytes(range(256)) * 4, id="random-bytes"),
        pytest.param(other_format("JPEG"), id="jpeg"),
        pytest.param(other_format("GIF"), id="gif"),
        pytest.param(other_format("WEBP"), id="webp"),
        pytest.param(png_bytes(drawn_canvas())[:300], id="truncated-png"),
        pytest.param(PNG_SIGNATURE, id="signature-only"),
        pytest.param(png_bytes(Image.new("I;16", (20, 20))), id="16-bit-png"),
        pytest.param(base64.b64encode(png_bytes(drawn_canvas())).decode(), id="base64-text"),
        pytest.param(None, id="nothing"),
    ],
)
def test_anything_but_a_png_drawing_is_refused_plainly(sent):
    with pytest.raises(InvalidDrawing, match=UNREADABLE):
        clean_drawing(sent, **LIMITS)


def test_a_moving_picture_is_refused():
    with pytest.raises(InvalidDrawing, match=MOVING):
        clean_drawing(animated_png(), **LIMITS)


@pytest.mark.parametrize(
    "canvas",
    [
        Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0)),
        Image.new("RGBA", (WIDTH, HEIGHT), (255, 255, 255, 255)),
        Image.new("RGB", (300, 300), (40, 90, 200)),
        Image.new("1", (300, 300)),
    ],
    ids=["clear", "white", "filled", "one-bit-black"],
)
def test_a_blank_canvas_is_no_drawing(canvas):
    assert clean_drawing(png_bytes(canvas), **LIMITS) is None


def test_a_faint_drawing_is_not_mistaken_for_a_blank_one():
    canvas = Image.new("RGBA", (100, 100), (0, 0, 0, 0))
    canvas.putpixel((50, 50), (0, 0, 0, 30))
    assert clean_drawing(png_bytes(canvas), **LIMITS) is not None


def refused_or_clean(sent) -> None:
    try:
        kept = clean_drawing(sent, **LIMITS)
    except InvalidDrawing as refusal:
        assert str(refusal) in {TOO_BIG, UNREADABLE, MOVING}
        return
    assert kept is None or chunk_types(kept)[0] == b"IHDR"


@settings(deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes_are_only_ever_refused(junk):
    refused_or_clean(junk)
    refused_or_clean(PNG_SIGNATURE + junk)


SMALL_DRAWING = png_bytes(drawn_canvas((40, 30)))


@settings(deadline=None)
@given(st.integers(0, len(SMALL_DRAWING) - 1), st.binary(min_size=1, max_size=16))
def test_a_damaged_drawing_is_kept_or_refused_never_anything_else(position, damage):
    refused_or_clean(SMALL_DRAWING[:position] + damage + SMALL_DRAWING[position + len(damage) :])
