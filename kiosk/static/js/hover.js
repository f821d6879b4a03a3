// A new screen comes up under a mouse that has not moved (it was on Start,
// or on the answer just tapped): whatever is under it now must not look
// picked out. Hover styles wait until the pointer really moves
// (kiosk.css: .kiosk-frame:not([data-pointer-resting])).

export function calmHoverOnNewScreen(root) {
  const rest = () => {
    root.dataset.pointerResting = "";
  };
  new MutationObserver(rest).observe(root, {
    subtree: true,
    attributes: true,
    attributeFilter: ["hidden"],
  });
  root.addEventListener("pointermove", (event) => {
    if (event.movementX || event.movementY) delete root.dataset.pointerResting;
  });
  rest();
}
