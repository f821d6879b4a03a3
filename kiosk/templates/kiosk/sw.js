// The kiosk's service worker (kiosk/surveys/offline_start.py): the kiosk opens with
// no network once it has been opened once. Its scope is /kiosk/: the staff area,
// the feedback box and phone surveys never pass through here.
//
// - This version's kiosk files are kept at install, and served from here.
// - A kiosk page comes from the network when it answers within a few seconds
//   (and is kept), else the page kept from before. A page made by another
//   version is never mixed with this version's files: the kept one is served,
//   and the new version waits until the kiosk's next Start (kiosk.js asks it then).
// - Answers are never touched here: the page's own queue sends them (queue.js).

const VERSION = {{ version | tojson }};
const CACHE = `kiosk-${VERSION}`;
const ASSETS = {{ assets | tojson }};
const ASSET_PATHS = new Set(ASSETS);
const PAGE_SECONDS = {{ page_seconds | tojson }};
const VERSION_HEADER = {{ version_header | tojson }};
// /kiosk/<site>: a site's kiosk page; nothing deeper (the submit address, the
// tablet setup, the manifest) is a page.
const KIOSK_PAGE = /^\/kiosk\/[^/]+$/;

function isKioskPage(url) {
  return url.origin === self.location.origin && KIOSK_PAGE.test(url.pathname);
}

// A page to keep: a kiosk page in one of its languages, nothing else in its
// address (a setup code in it is used once, and never kept).
function worthKeeping(url) {
  return isKioskPage(url) && [...url.searchParams.keys()].every((name) => name === "lang");
}

function madeByThisVersion(response) {
  return response.ok && !response.redirected && response.headers.get(VERSION_HEADER) === VERSION;
}

// The pages an older version kept, fetched again for this one: a tablet that
// takes the new version over while offline still opens.
async function keepPagesFromBefore(cache) {
  for (const name of await caches.keys()) {
    if (!name.startsWith("kiosk-") || name === CACHE) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      if (!isKioskPage(new URL(request.url))) continue;
      try {
        const response = await fetch(request.url, { cache: "no-store" });
        if (madeByThisVersion(response)) await cache.put(request.url, response);
      } catch {
        // Offline now: kept once this version serves it.
      }
    }
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Asked as the browser would ("no-cache" files: a file the page has just
      // loaded costs a short "not modified", a changed one comes anew).
      await cache.addAll(ASSETS);
      await keepPagesFromBefore(cache);
    })(),
  );
  // No skipWaiting here: never in the middle of a child's answers.
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("kiosk-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  // The kiosk is on its start screen: a waiting version takes over now.
  if (message.type === "take-over") self.skipWaiting();
  // The page opened before this worker ran: keep it (and its other languages).
  if (message.type === "keep" && Array.isArray(message.urls)) {
    event.waitUntil(keepPages(message.urls));
  }
});

async function keepPages(urls) {
  const cache = await caches.open(CACHE);
  for (const href of urls) {
    const url = new URL(href, self.location.origin);
    if (!worthKeeping(url)) continue;
    try {
      const response = await fetch(url.href, { cache: "no-store" });
      if (madeByThisVersion(response)) await cache.put(url.href, response);
    } catch {
      // Offline: the next visit online keeps it.
    }
  }
}

function withinSeconds(promise, seconds) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("too slow")), seconds * 1000);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

const NOT_KEPT = `<!doctype html><html lang="en-GB"><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>No internet</title><body><main><h1>No internet</h1>
<p>This kiosk needs the internet the first time it opens. Connect the tablet to the
Wi-Fi, then open this page again.</p></main></body></html>`;

async function kioskPage(request) {
  const cache = await caches.open(CACHE);
  let response;
  try {
    response = await withinSeconds(fetch(request), PAGE_SECONDS);
  } catch {
    const kept = await cache.match(request.url);
    if (kept) return kept;
    return new Response(NOT_KEPT, {
      status: 503,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  if (madeByThisVersion(response)) {
    if (worthKeeping(new URL(request.url))) await cache.put(request.url, response.clone());
    return response;
  }
  if (response.ok && response.headers.has(VERSION_HEADER)) {
    // A newer version's page: this version's kept page until the new one takes over.
    const kept = await cache.match(request.url);
    self.registration.update();
    if (kept) return kept;
    return response;
  }
  // Retired (410), unknown (404), renamed (a redirect): as the server says, and forgotten.
  await cache.delete(request.url);
  return response;
}

async function keptFile(request) {
  const kept = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return kept || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (request.mode === "navigate") {
    if (isKioskPage(url)) event.respondWith(kioskPage(request));
    return;
  }
  if (url.origin === self.location.origin && ASSET_PATHS.has(url.pathname)) {
    event.respondWith(keptFile(request));
  }
});
