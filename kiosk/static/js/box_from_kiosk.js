// The feedback box opened from the kiosk ("Tell us more" after Send): one tablet
// screen. The child chooses "Write it" or "Draw it" and that part fills the
// screen, with Send and Back to the start in view; both parts keep what was
// done in them, so a child can write and draw. The header's "Read to me" reads
// what shows; with "Read everything to me" on at the kiosk, each view is read
// as it comes. Left alone, the box goes back to the kiosk's Start.

import { watchIdle } from "./idle.js";
import { takeReadingAll } from "./reading_all.js";
import { hush, say, speaking, whenQuiet, whenVoicesChange, wordsOf } from "./speech.js";

export function openedFromKiosk(root, { onIdle }) {
  const readingAll = takeReadingAll();
  const readAloud = root.querySelector(".kiosk-bar [data-read-aloud]");
  const modeButtons = Array.from(root.querySelectorAll("[data-box-mode]"));

  // What the header's "Read to me" reads: speech.js reads the parts that show.
  const readWhatShows = () => readAloud?.click();

  function choose(mode) {
    hush();
    root.dataset.mode = mode;
    for (const button of modeButtons) {
      button.setAttribute("aria-pressed", String(button.dataset.boxMode === mode));
    }
    for (const panel of root.querySelectorAll("[data-box-panel]")) {
      panel.hidden = panel.dataset.boxPanel !== mode;
    }
    for (const part of root.querySelectorAll("[data-while-choosing]")) part.hidden = true;
    for (const part of root.querySelectorAll("[data-once-chosen]")) part.hidden = false;
    if (mode === "write") root.querySelector("textarea")?.focus({ preventScroll: true });
    if (readingAll) readWhatShows();
  }

  for (const button of modeButtons) {
    button.addEventListener("click", () => choose(button.dataset.boxMode));
  }

  const stillThere = root.querySelector("[data-still-there]");
  if (stillThere) {
    stillThere.querySelector("[data-action='still-here']").addEventListener("click", () => stillThere.close());
    watchIdle({
      idleSeconds: Number(root.dataset.idleSeconds),
      stillThereSeconds: Number(root.dataset.stillThereSeconds),
      isBusy: () => true,
      ask: () => {
        stillThere.showModal();
        if (readingAll) say(wordsOf(stillThere));
      },
      reset: onIdle,
      speaking,
      whenQuiet,
    });
  }
  // Voices may arrive a moment after the page: read once there is one.
  let readOnOpening = readingAll;
  whenVoicesChange((voice) => {
    if (!voice || !readOnOpening) return;
    readOnOpening = false;
    readWhatShows();
  });

  return {
    // The thank-you has its own way back: no Stop beside it.
    thanked() {
      for (const stop of root.querySelectorAll("[data-stop]")) stop.hidden = true;
      if (readingAll) readWhatShows();
    },
  };
}
