// Idle reset: nobody has touched the tablet for a while, so ask kindly,
// then clear everything. No countdown is shown: nothing should feel like a timer.
// A child listening to read-aloud is not idle: while speech goes on (whenQuiet,
// from speech.js, has not resolved), neither the question nor the reset comes;
// once it ends, the wait starts again from the beginning.

export function watchIdle({
  idleSeconds,
  stillThereSeconds,
  isBusy,
  ask,
  reset,
  speaking = () => false,
  whenQuiet = () => Promise.resolve(),
}) {
  let timer = null;
  let round = 0; // a touch starts a new round: waits of an older one are void

  // After the given seconds, do `then`; if speech is going on then, wait
  // until it ends and count the seconds again.
  function after(seconds, then) {
    const mine = round;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (mine !== round) return;
      if (!speaking()) {
        then();
        return;
      }
      whenQuiet().then(() => {
        if (mine === round) after(seconds, then);
      });
    }, seconds * 1000);
  }

  function restart() {
    round += 1;
    after(idleSeconds, () => {
      if (!isBusy()) return;
      ask();
      after(stillThereSeconds, reset);
    });
  }

  for (const type of ["pointerdown", "keydown", "touchstart", "wheel"]) {
    window.addEventListener(type, restart, { passive: true, capture: true });
  }
  restart();
  return { restart };
}
