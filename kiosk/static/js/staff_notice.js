// For staff only: how many answers wait on this tablet. Children never see it.
// It opens after a long press (2 s) on the site name in the top bar; from a
// keyboard, hold Enter or Space on the site name for 2 s, or press Shift+F10
// (or the menu key) there. In English, like the staff area. Close shuts it,
// and it shuts itself after 20 s so a child never finds it left open.

const HOLD_MS = 2000;
const OPEN_MS = 20000;

export function offerStaffNotice(trigger, notice, count) {
  const words = notice.dataset;
  const text = notice.querySelector("[data-staff-notice-words]");
  let holding = null;
  let closing = null;

  function fill() {
    const waiting = count();
    if (waiting === 0) text.textContent = words.none;
    else if (waiting === 1) text.textContent = words.one;
    else text.textContent = words.many.replace("{count}", waiting);
  }

  function open() {
    fill();
    if (!notice.open) notice.show();
    notice.querySelector("button").focus();
    clearTimeout(closing);
    closing = setTimeout(close, OPEN_MS);
  }

  function close() {
    clearTimeout(closing);
    if (!notice.open) return;
    const hadFocus = notice.contains(document.activeElement);
    notice.close();
    if (hadFocus) trigger.focus();
  }

  function hold() {
    clearTimeout(holding);
    holding = setTimeout(open, HOLD_MS);
  }

  function letGo() {
    clearTimeout(holding);
  }

  trigger.addEventListener("pointerdown", (event) => {
    if (event.isPrimary) hold();
  });
  for (const type of ["pointerup", "pointercancel", "pointerleave"]) {
    trigger.addEventListener(type, letGo);
  }
  // A long touch would open the browser's own menu or select the name.
  trigger.addEventListener("contextmenu", (event) => event.preventDefault());
  trigger.addEventListener("keydown", (event) => {
    if ((event.shiftKey && event.key === "F10") || event.key === "ContextMenu") {
      event.preventDefault();
      open();
    } else if ((event.key === "Enter" || event.key === " ") && !event.repeat) {
      event.preventDefault();
      hold();
    }
  });
  trigger.addEventListener("keyup", letGo);
  notice.querySelector("[data-action='close-staff-notice']").addEventListener("click", close);
  // A dialog that is not modal gets no "cancel" from Escape: listen for the key.
  notice.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  document.addEventListener("queue-changed", () => {
    if (notice.open) fill();
  });
}
