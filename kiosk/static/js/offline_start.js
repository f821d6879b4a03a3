// The kiosk as a tablet's app: it opens with no network once opened once (the
// service worker, /kiosk/sw.js), a new version takes over only at the start
// screen, and the screen stays awake while the kiosk is open.
// Service workers and the wake lock need a secure page (https, or this
// computer's own address): elsewhere the kiosk works as before, online only.

const CHECK_EVERY_MS = 30 * 60 * 1000;
let registration = null;
let lastCheck = 0;
let takingOver = false;

// The kiosk's pages in each language it offers, kept for a start with no network
// (never this page's own address: it may hold a setup code, used once).
function pagesToKeep(root, settings) {
  const urls = [settings.startUrl];
  for (const link of root.querySelectorAll("[data-language-choice]")) urls.push(link.href);
  return urls;
}

async function register(root, settings) {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  if (!navigator.onLine) {
    // Opened from what the tablet keeps: the worker is there; it checks for news once online.
    await new Promise((ready) => window.addEventListener("online", ready, { once: true }));
  }
  try {
    registration = await navigator.serviceWorker.register(settings.serviceWorkerUrl, {
      scope: settings.serviceWorkerScope,
    });
  } catch {
    return; // Private mode or a browser that refuses: online only, as before.
  }
  lastCheck = Date.now();
  const worker = (await navigator.serviceWorker.ready).active;
  if (worker) worker.postMessage({ type: "keep", urls: pagesToKeep(root, settings) });
}

// A new version waits for the start screen: then it takes over and the kiosk
// opens again at its start address. True when that is happening.
export function takeOverAtStart(startUrl) {
  if (takingOver) return true;
  const waiting = registration && registration.waiting;
  if (!waiting || !navigator.serviceWorker.controller) {
    if (registration && navigator.onLine && Date.now() - lastCheck > CHECK_EVERY_MS) {
      lastCheck = Date.now();
      registration.update().catch(() => {});
    }
    return false;
  }
  takingOver = true;
  navigator.serviceWorker.addEventListener(
    "controllerchange",
    () => window.location.replace(startUrl),
    { once: true },
  );
  waiting.postMessage({ type: "take-over" });
  return true;
}

// A version that arrives while the kiosk rests on its start screen takes over
// at once; one that arrives during a visit waits for its end (kiosk.js).
function watchForNewVersion(settings, atStart) {
  if (!registration) return;
  const whenInstalled = (worker) => {
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed" && atStart()) takeOverAtStart(settings.startUrl);
    });
  };
  if (registration.installing) whenInstalled(registration.installing);
  registration.addEventListener("updatefound", () => whenInstalled(registration.installing));
  if (registration.waiting && atStart()) takeOverAtStart(settings.startUrl);
}

// The screen stays on while the kiosk is open; the browser lets the lock go
// when the page is hidden, so it is asked for again when the page comes back.
async function keepAwake() {
  if (!("wakeLock" in navigator)) return;
  try {
    await navigator.wakeLock.request("screen");
  } catch {
    // Low battery or a browser that says no: the tablet's own settings rule.
  }
}

export async function keepForOffline(root, settings, atStart) {
  keepAwake();
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") keepAwake();
  });
  await register(root, settings);
  watchForNewVersion(settings, atStart);
}
