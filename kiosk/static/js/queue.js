// The offline queue: a submission waits here until the server acknowledges it,
// then it is gone. Only face answers ever wait here (never free text), and
// each carries a random id made by the page, so a repeat is never stored twice.
// The tablet's token is added as each one is sent, never kept in the item: a
// tablet set up again sends what waits with its new token.

import { tokenFor } from "./tablet.js";

const KEY = "kiosk-submissions-waiting";
const RETRY_SECONDS = [3, 10, 30, 60];
// A Retry-After longer than this (a misconfigured proxy) is not waited out in full.
const LONGEST_WAIT_SECONDS = 3600;
// The page's own copy of the list. It is the one to trust whenever the last
// write to storage failed: storage then still holds an older list.
let memoryQueue = [];
let storageBehind = false;
let flushing = null;
let retryTimer = null;
let failures = 0;
// No submission is sent before this time (Date.now()): the server said how
// long to wait (Retry-After), for a disk that is full or a file held by a tidy.
let notBefore = 0;

function read() {
  if (storageBehind) return memoryQueue;
  try {
    return JSON.parse(localStorage.getItem(KEY) || "[]");
  } catch {
    return memoryQueue;
  }
}

function write(items) {
  memoryQueue = items;
  try {
    if (items.length) localStorage.setItem(KEY, JSON.stringify(items));
    else localStorage.removeItem(KEY);
    storageBehind = false;
  } catch {
    // Private mode or full storage: the page's memory holds them, and is read
    // from until a write to storage works again.
    storageBehind = true;
  }
  document.dispatchEvent(new CustomEvent("queue-changed", { detail: items.length }));
}

export function waitingCount() {
  return read().length;
}

export function newSubmissionId() {
  // crypto.getRandomValues works on plain http too (randomUUID does not).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function enqueue(url, body) {
  write([...read(), { url, body }]);
}

function remove(id) {
  write(read().filter((item) => item.body.id !== id));
}

async function post(item, token) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(item.url, { method: "POST", headers, body: JSON.stringify(item.body) });
}

// The statuses our submit endpoint gives for a submission it will never take
// (unreadable, unknown site, too big, not JSON, answers it does not offer or a
// date it cannot take).
const REFUSED = new Set([400, 404, 413, 415, 422]);
// The statuses it gives when this tablet is not (or no longer) set up for the
// site: the answers wait until staff set it up again.
const TABLET_REFUSED = new Set([401, 403]);

// Our server's JSON, or null: a captive portal, proxy or login page answers
// with its own page, and that must never count as the server's word.
async function ourJson(response) {
  if (response.redirected) return null;
  const type = response.headers.get("Content-Type") || "";
  if (!type.startsWith("application/json")) return null;
  try {
    const body = await response.json();
    return body && typeof body === "object" ? body : null;
  } catch {
    return null;
  }
}

// What to do with an answer from the server. "done" and "refused" remove the
// submission, so each needs our server's own JSON saying so; "set up" keeps it
// and stops trying until the tablet is set up again; anything else (a portal's
// page, a proxy's 403, a server error, too many at once) keeps it for later.
async function outcome(item, response) {
  const body = await ourJson(response);
  if (!body) return "later";
  if (response.status === 201 && body.status === "stored" && body.id === item.body.id) return "done";
  if (response.status === 409 && body.reason === "duplicate") return "done";
  if (TABLET_REFUSED.has(response.status) && body.status === "error" && body.reason === "tablet") {
    return "set up";
  }
  if (REFUSED.has(response.status) && body.status === "error" && typeof body.message === "string") {
    return "refused";
  }
  return "later";
}

// The seconds a reply's Retry-After asks for (a number or an HTTP date), or 0.
function retryAfterSeconds(response) {
  const value = (response.headers.get("Retry-After") || "").trim();
  if (!value) return 0;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  if (!Number.isFinite(seconds)) return 0;
  return Math.min(Math.max(seconds, 0), LONGEST_WAIT_SECONDS);
}

function waitAtLeast(seconds) {
  notBefore = Math.max(notBefore, Date.now() + seconds * 1000);
}

async function sendAll() {
  // Addresses whose tablet token was refused in this round: what else waits
  // for them stays, untried, until the tablet is set up again.
  const needSetUp = new Set();
  for (const item of read()) {
    if (needSetUp.has(item.url)) continue;
    const token = tokenFor(item.url);
    const response = await post(item, token);
    const result = await outcome(item, response);
    if (result === "later") {
      waitAtLeast(retryAfterSeconds(response));
      throw new Error("not acknowledged yet");
    }
    if (result === "set up") {
      needSetUp.add(item.url);
      const detail = { url: item.url, token };
      document.dispatchEvent(new CustomEvent("tablet-refused", { detail }));
      continue;
    }
    if (result === "refused") console.warn("The server refused a submission; it cannot be sent.");
    remove(item.body.id);
  }
}

function retryIn(milliseconds) {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(flush, milliseconds);
}

function scheduleRetry() {
  const seconds = RETRY_SECONDS[Math.min(failures - 1, RETRY_SECONDS.length - 1)];
  retryIn(Math.max(seconds * 1000, notBefore - Date.now()));
}

export function flush() {
  if (flushing) return flushing;
  if (!read().length) return Promise.resolve();
  // Asked to wait: a new answer, or the Wi-Fi coming back, does not send sooner.
  const wait = notBefore - Date.now();
  if (wait > 0) {
    retryIn(wait);
    return Promise.resolve();
  }
  flushing = sendAll()
    .then(() => {
      failures = 0;
    })
    .catch(() => {
      failures += 1;
      scheduleRetry();
    })
    .finally(() => {
      flushing = null;
    });
  return flushing;
}

export function keepSending() {
  window.addEventListener("online", flush);
  // Other tabs on the same tablet may have queued submissions too.
  window.addEventListener("storage", (event) => {
    if (event.key === KEY) document.dispatchEvent(new CustomEvent("queue-changed", { detail: waitingCount() }));
  });
  flush();
}
