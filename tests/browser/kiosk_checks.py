"""What a person sees on a kiosk screen, measured in the browser: words that
spill out of their box, things drawn on top of each other, text the same
colour as what is behind it, and the long press that shows staff what waits."""

from playwright.sync_api import expect

# Sizes a kiosk meets: a 10-inch tablet either way up, a small phone, and a
# 1024×768 tablet at 200% zoom. Zoom is emulated with a viewport of half the
# CSS pixels (512×384): the layout a browser zoomed to 200% computes, where a
# device_scale_factor of 2 would only draw the same layout sharper.
VIEWPORTS = {
    "1024x768": {"width": 1024, "height": 768},
    "768x1024": {"width": 768, "height": 1024},
    "320x640": {"width": 320, "height": 640},
    "zoom-200%": {"width": 512, "height": 384},
}

# Every visible element with text or a control in it whose text runs past its
# own box, anything wider than the window, and pairs of controls and bits of
# text whose boxes cross. Text is measured by its own lines (a Range), so a
# word spilling out of a card is caught where it is drawn.
FIND_SPILLS = """() => {
  const problems = [];
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const screen = [...document.querySelectorAll("[data-screen]")].find((s) => !s.hidden);
  // A modal dialog ("Are you still there?") is all there is to read while it is open.
  const modal = document.querySelector("dialog:modal");
  const scope = modal ? [modal] : [document.querySelector(".kiosk-bar"), screen];
  if (document.documentElement.scrollWidth > innerWidth + 1)
    problems.push(`page is ${document.documentElement.scrollWidth}px wide in ${innerWidth}px`);
  const boxes = [];
  for (const part of scope) {
    for (const e of part.querySelectorAll("*")) {
      if (!shown(e)) continue;
      const style = getComputedStyle(e);
      if (style.display !== "inline" && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
        problems.push(`${e.tagName}.${e.className} "${e.textContent.trim().slice(0, 30)}" ` +
          `text ${e.scrollWidth}px in ${e.clientWidth}px`);
      if (e.matches("button, a"))
        boxes.push({ what: e.textContent.trim().slice(0, 30), e, r: e.getBoundingClientRect() });
    }
    const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      const owner = node.parentElement;
      if (!text || !shown(owner) || owner.closest("button, a")) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) boxes.push({ what: text.slice(0, 30), e: owner, r });
    }
  }
  const cross = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.e === b.e || a.e.contains(b.e) || b.e.contains(a.e)) continue;
      if (cross(a.r, b.r)) problems.push(`"${a.what}" overlaps "${b.what}"`);
    }
  }
  return problems;
}"""


def assert_nothing_spills(page, where: str):
    problems = page.evaluate(FIND_SPILLS)
    assert [] == problems, f"{where}: {problems}"


# For each visible button, link, heading, paragraph, list item and label: its
# text colour and the first non-transparent background behind it, found by
# walking up the page.
TEXT_ON_BACKGROUND = """() => {
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const clear = (c) => c === "transparent" || /rgba\\(.*,\\s*0\\)$/.test(c);
  const out = [];
  for (const e of document.querySelectorAll("button, a, h1, h2, p, li, label")) {
    if (!shown(e) || !e.textContent.trim()) continue;
    let behind = e;
    while (behind && clear(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
    const background = behind ? getComputedStyle(behind).backgroundColor : "rgb(255, 255, 255)";
    const color = getComputedStyle(e).color;
    out.push({ name: e.textContent.trim().slice(0, 40), color, background });
  }
  return out;
}"""


def assert_text_stands_out(page, where: str):
    """No visible button, link or text has the colour of its own background."""
    controls = page.evaluate(TEXT_ON_BACKGROUND)
    assert controls, where
    same = [c for c in controls if c["color"] == c["background"]]
    assert [] == same, f"{where}: {same}"


STAFF_NOTICE = "For staff"


def staff_notice(page):
    """What staff see after holding a finger (here the mouse) on the site name for 2 s."""
    site_name = page.locator(".kiosk-bar .site-name")
    box = site_name.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.wait_for_timeout(2_300)
    page.mouse.up()
    notice = page.get_by_role("dialog", name=STAFF_NOTICE)
    expect(notice).to_be_visible()
    return notice


def staff_see_waiting(page, words: str):
    """Staff hold the site name, read words in the notice, and close it."""
    notice = staff_notice(page)
    expect(notice).to_contain_text(words)
    notice.get_by_role("button", name="Close").click()
    expect(notice).to_be_hidden()
