"""QR codes for posters: a phone that scans one opens the site's feedback page."""

import io
import re
from xml.etree import ElementTree

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from kiosk.app.qr import QUIET_ZONE, qr_png, qr_svg

SVG = "{http://www.w3.org/2000/svg}"
URLS = [
    "https://kiosk.example.org/feedback/waiting-room-a",
    "http://127.0.0.1:5000/feedback/youth-hub",
    "https://feedback.a-long-service-name.example.org.uk/feedback/family-centre-north-east",
    "https://kiosk.example.org/feedback/youth-hub?from=poster&lang=cy",
]


def scan(image: Image.Image) -> list:
    """What a phone would read: zxing-cpp, the decoder inside many scanning apps."""
    return zxingcpp.read_barcodes(image)


def rasterise(svg: str, scale: int = 8) -> Image.Image:
    """Draw the SVG's modules onto white, as a browser or printer would.

    qrcode's path draws each dark module as "Mx,yHx+1Vy+1Hxz"; the test reads only that.
    """
    root = ElementTree.fromstring(svg)
    _, _, width, height = (int(float(value)) for value in root.get("viewBox").split())
    image = Image.new("L", (width * scale, height * scale), 255)
    draw = ImageDraw.Draw(image)
    path = root.find(f"{SVG}path").get("d")
    modules = re.findall(r"M(\d+),(\d+)H(\d+)V(\d+)H\d+z", path)
    assert modules, "the SVG path is not in the shape this test can draw"
    for left, top, right, bottom in ((int(n) for n in module) for module in modules):
        draw.rectangle([left * scale, top * scale, right * scale - 1, bottom * scale - 1], fill=0)
    return image


@pytest.mark.parametrize("url", URLS)
def test_the_png_scans_back_to_the_site_address(url):
    with Image.open(io.BytesIO(qr_png(url))) as image:
        results = scan(image)
    assert [result.text for result in results] == [url]
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    assert results[0].ec_level == "Q"


@pytest.mark.parametrize("url", URLS)
def test_the_svg_scans_back_to_the_site_address(url):
    assert [result.text for result in scan(rasterise(qr_svg(url)))] == [url]


@pytest.mark.parametrize("box_size", [4, 10, 20])
def test_the_png_has_a_white_quiet_zone_and_the_asked_for_size(box_size):
    with Image.open(io.BytesIO(qr_png(URLS[0], box_size=box_size))) as image:
        assert image.format == "PNG"
        width, height = image.size
        assert width == height
        assert width % box_size == 0
        assert 21 + 2 * QUIET_ZONE <= width // box_size <= 177 + 2 * QUIET_ZONE
        margin = QUIET_ZONE * box_size
        border = [
            image.crop((0, 0, width, margin)),
            image.crop((0, height - margin, width, height)),
            image.crop((0, 0, margin, height)),
            image.crop((width - margin, 0, width, height)),
        ]
        assert all(strip.convert("L").getextrema() == (255, 255) for strip in border)


def test_the_same_address_always_gives_the_same_code():
    assert qr_png(URLS[0]) == qr_png(URLS[0])
    assert qr_svg(URLS[0]) == qr_svg(URLS[0])


def test_two_sites_get_different_codes():
    assert qr_png(URLS[0]) != qr_png(URLS[1])
    assert qr_svg(URLS[0]) != qr_svg(URLS[1])


def test_the_svg_has_a_name_for_screen_readers_and_can_sit_inline_in_a_page():
    svg = qr_svg(URLS[3])
    assert svg.startswith("<svg ")  # no XML declaration, so it embeds in HTML as it is
    root = ElementTree.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == f"QR code for {URLS[3]}"
    assert root[0].tag == f"{SVG}title"
    assert root[0].text == f"QR code for {URLS[3]}"
    assert root.find(f"{SVG}rect").get("fill") == "white"
    assert [element for element in root.iter() if "id" in element.attrib] == []


def test_a_template_can_give_the_svg_its_own_label_and_it_is_escaped():
    svg = qr_svg(URLS[0], label='Scan me to tell us what you think <3 & "thanks"')
    assert "<3" not in svg
    root = ElementTree.fromstring(svg)
    assert root.get("aria-label") == 'Scan me to tell us what you think <3 & "thanks"'
    assert root[0].text == 'Scan me to tell us what you think <3 & "thanks"'
    # Markup: Jinja puts it into a page as it is, without escaping it a second time.
    assert svg.__html__() == str(svg)


@pytest.mark.parametrize(
    "url",
    ["", "/feedback/waiting-room-a", "kiosk.example.org/feedback/a", "javascript:alert(1)",
     "ftp://kiosk.example.org/feedback/a", "https:///feedback/a", None],
)  # fmt: skip
def test_a_poster_is_never_made_for_an_address_a_phone_cannot_open(url):
    with pytest.raises(ValueError, match="full http or https address"):
        qr_png(url)
    with pytest.raises(ValueError, match="full http or https address"):
        qr_svg(url)


@pytest.mark.parametrize("box_size", [0, -1, 41, 10_000, 2.5])
def test_a_silly_box_size_is_refused_before_any_image_is_made(box_size):
    with pytest.raises(ValueError, match="box_size"):
        qr_png(URLS[0], box_size=box_size)
