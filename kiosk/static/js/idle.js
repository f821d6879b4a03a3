// Idle reset: nobody has touched the tablet for a while, so ask kindly,
// then clear everything. No countdown is shown: nothing should feel like a timer.

export function watchIdle({ idleSeconds, stillThereSeconds, isBusy, ask, reset }) {
  let idleTimer = null;
  let giveUpTimer = null;

  function restart() {
    clearTimeout(idleTimer);
    clearTimeout(giveUpTimer);
    idleTimer = setTimeout(() => {
      if (!isBusy()) return;
      ask();
      giveUpTimer = setTimeout(reset, stillThereSeconds * 1000);
    }, idleSeconds * 1000);
  }

  for (const type of ["pointerdown", "keydown", "touchstart", "wheel"]) {
    window.addEventListener(type, restart, { passive: true, capture: true });
  }
  restart();
  return { restart };
}
