"""The QR code on a site's poster: one fixed code per site, never a per-scan token.

It encodes only the site's public feedback URL, so scanning it tells the
server nothing about who scanned or when. Error correction Q (25%): posters
in a waiting room get pinned through, folded, laminated with glare and drawn
on, and a page URL still fits in a code a phone reads from arm's length. The
quiet zone is the standard four modules, so a scanner finds the code on a busy
noticeboard.
"""

from io import BytesIO
from urllib.parse import urlsplit
from xml.etree import ElementTree

import qrcode
from markupsafe import Markup
from qrcode.constants import ERROR_CORRECT_Q
from qrcode.image.pil import PilImage
from qrcode.image.svg import SvgPathFillImage

QUIET_ZONE = 4  # modules of white around the code, the minimum the standard asks for
DEFAULT_BOX_SIZE = 10  # pixels per module in the PNG: about 4 cm wide at 300 dpi
MAX_BOX_SIZE = 40


def qr_svg(url: str, label: str | None = None) -> Markup:
    """The QR code as an SVG element, ready to put inline in a page or to serve
    as image/svg+xml.

    It has role="img", an aria-label and a <title> (by default "QR code for"
    and the URL, so someone who cannot scan can still read where it goes), a
    white background, and no id, so two codes can share a printed page.
    """
    image = _qr_code(url).make_image(image_factory=SvgPathFillImage)
    svg = image.get_image()
    text = label or f"QR code for {url}"
    svg.set("role", "img")
    svg.set("aria-label", text)
    title = ElementTree.Element("title")
    title.text = text
    svg.insert(0, title)
    for element in svg.iter():
        element.attrib.pop("id", None)
    # ElementTree escapes the label and the URL, so the markup is safe to embed.
    return Markup(ElementTree.tostring(svg, encoding="unicode"))  # noqa: S704


def qr_png(url: str, box_size: int = DEFAULT_BOX_SIZE) -> bytes:
    """The QR code as a black-and-white PNG, `box_size` pixels per module."""
    if not isinstance(box_size, int) or not 1 <= box_size <= MAX_BOX_SIZE:
        raise ValueError(f"box_size must be from 1 to {MAX_BOX_SIZE} pixels.")
    image = _qr_code(url, box_size).make_image(image_factory=PilImage)
    out = BytesIO()
    image.save(out)
    return out.getvalue()


def _qr_code(url: str, box_size: int = DEFAULT_BOX_SIZE) -> qrcode.QRCode:
    """A QR code for an absolute web address: a relative one would print a
    poster that no phone can open (say, PUBLIC_BASE_URL left unset)."""
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"A QR code needs a full http or https address, not {url!r}.")
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_Q, box_size=box_size, border=QUIET_ZONE)
    code.add_data(url)
    code.make(fit=True)
    return code
