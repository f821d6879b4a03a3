// "Read everything to me", carried from the kiosk into its feedback box: one
// flag in this tab's sessionStorage, nothing about the child. The kiosk sets it
// while reading everything is on and clears it when that ends (Stop, the idle
// reset, the end of a visit); the box takes it once, as it opens, so it is never
// left behind for the next child.

const KEY = "kiosk-read-all";

function storage() {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage turned off: read-aloud simply starts off in the box
  }
}

export function carryReadingAll(on) {
  try {
    if (on) storage()?.setItem(KEY, "on");
    else storage()?.removeItem(KEY);
  } catch {
    // Full or refused: nothing to carry.
  }
}

// Whether reading everything was on at the kiosk; it is forgotten here.
export function takeReadingAll() {
  const on = storage()?.getItem(KEY) === "on";
  carryReadingAll(false);
  return on;
}
