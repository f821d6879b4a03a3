// This tablet's token for a site's kiosk. Staff set a tablet up once, with a
// one-time code; the token it gets is kept here, per site, and sent with each
// submission. It says which tablet is set up, never which child answered.

const TOKEN = "kiosk-tablet-token:";
// The token the server stopped taking: shown again when the tablet is set up
// again, so answers it kept from before still count.
const PREVIOUS = "kiosk-tablet-previous:";
// Private mode or full storage: the page's memory holds them until reload.
const memory = new Map();

function get(key) {
  try {
    return localStorage.getItem(key) ?? memory.get(key) ?? null;
  } catch {
    return memory.get(key) ?? null;
  }
}

function put(key, value) {
  if (value === null) memory.delete(key);
  else memory.set(key, value);
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Kept in memory above.
  }
}

// Tokens are kept by the address answers go to, so answers waiting in the
// queue find the right token whichever site's page is open.
export function tokenFor(submitUrl) {
  return get(TOKEN + submitUrl);
}

export function wasSetUpBefore(submitUrl) {
  return get(PREVIOUS + submitUrl) !== null;
}

// The server no longer takes this token: put it aside until staff set the
// tablet up again. Only if it is still the one held (a new one may have come).
export function setAside(submitUrl, token) {
  if (!token || tokenFor(submitUrl) !== token) return;
  put(PREVIOUS + submitUrl, token);
  put(TOKEN + submitUrl, null);
}

// A setup code in the page's address (#enrol=K7P2-9QXM, from the QR code). The
// fragment never reaches a server; it is taken out of the address at once.
export function takeCodeFromAddress() {
  // Spaces typed into a link arrive as %20; anything else is not a code.
  const match = /^#enrol=([A-Za-z0-9 -]{1,40})$/.exec(location.hash.replaceAll("%20", " "));
  if (!match) return null;
  history.replaceState(null, "", location.pathname + location.search);
  return match[1];
}

// "ready", "wrong" (the server says the code does not work) or "later".
async function ask(url, submitUrl, body) {
  let response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
  } catch {
    return "later";
  }
  const type = response.headers.get("Content-Type") || "";
  const reply = type.startsWith("application/json") ? await response.json().catch(() => null) : null;
  if (response.status === 201 && reply?.status === "ready" && typeof reply.token === "string") {
    put(TOKEN + submitUrl, reply.token);
    put(PREVIOUS + submitUrl, null);
    return "ready";
  }
  if (response.status === 422 && reply?.reason === "code") return "wrong";
  return "later";
}

export function setUpWithCode(tabletUrl, submitUrl, code) {
  const previous = tokenFor(submitUrl) || get(PREVIOUS + submitUrl);
  return ask(tabletUrl, submitUrl, previous ? { code, previous } : { code });
}

export function setUpAutomatically(autoUrl, submitUrl) {
  return ask(autoUrl, submitUrl, {});
}
