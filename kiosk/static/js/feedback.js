// The feedback box page: a live letter count, the drawing pad, and a send that
// keeps the message in this page's memory (never in browser storage) until the
// server has it, saying "not sent yet" and trying again meanwhile.
// From the kiosk, the page is one tablet screen, with no receipt code, and it
// goes back to Start when left alone (box_from_kiosk.js).
// Read-aloud (speech.js) reads the page's heading, promises and help, or the
// thank-you; from the kiosk, the way back to Start waits while it reads.

import { openedFromKiosk } from "./box_from_kiosk.js";
import { attachDrawingPad } from "./drawing.js";
import { countWords } from "./words.js";
import { hush, offerReadAloud, whenQuiet } from "./speech.js";

const root = document.getElementById("feedback");
const form = root.querySelector("[data-feedback-form]");
const settings = root.dataset;
const fromKiosk = "fromKiosk" in settings;
const RETRY_SECONDS = [3, 10, 30, 60];
let kiosk = null; // the kiosk's part, when opened from the kiosk

function backToStart() {
  window.location.replace(settings.kioskUrl);
}

// The server works out how long a thank-you stays (feedback.py says why).
// Never while the thank-you or its help is being read out: then once it ends.
function backToStartAfterThanks() {
  setTimeout(() => whenQuiet().then(backToStart), Number(settings.thanksSeconds) * 1000);
}

// receiptCode: none from the kiosk, whose thank-you has no place for one.
function showThanks(receiptCode) {
  const thanks = root.querySelector("[data-feedback-thanks]");
  const codePlace = thanks.querySelector("[data-receipt-code]");
  if (codePlace) codePlace.textContent = receiptCode || "";
  hush();
  root.querySelector("[data-feedback-box]").remove();
  thanks.hidden = false;
  thanks.querySelector("h1").focus();
  window.scrollTo(0, 0);
  if (fromKiosk) {
    kiosk.thanked();
    backToStartAfterThanks();
  }
}

function setUpForm() {
  const text = form.querySelector("textarea[name='text']");
  const counter = form.querySelector("[data-counter]");
  const problem = form.querySelector("[data-send-problem]");
  const sendButton = form.querySelector("button[type='submit']");
  const padElement = form.querySelector("[data-drawing-pad]");
  const pad = padElement ? attachDrawingPad(padElement) : null;
  const maxChars = Number(settings.maxChars);
  const lettersLeft = countWords(settings.lettersLeft);
  let failures = 0;

  function updateCounter() {
    const left = maxChars - text.value.length;
    counter.textContent = lettersLeft(left);
    counter.classList.toggle("near-limit", left < 50);
  }

  function say(message) {
    problem.textContent = message;
    problem.hidden = !message;
  }

  async function attempt(fields) {
    let response;
    try {
      const tokenReply = await fetch(settings.tokenUrl, { cache: "no-store", credentials: "same-origin" });
      const token = (await tokenReply.json()).token;
      fields.set("csrf_token", token);
      response = await fetch(form.action, {
        method: "POST",
        body: fields,
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRFToken": token },
      });
    } catch {
      response = null;
    }
    if (response && (response.status === 200 || response.status === 201)) {
      showThanks((await response.json()).receipt_code);
      return;
    }
    const busy = !response || response.status === 408 || response.status === 429 || response.status >= 500;
    if (!busy) {
      const reply = await response.json().catch(() => ({}));
      say(reply.message || settings.sendFailed);
      sendButton.disabled = false;
      return;
    }
    say(settings.sendLater);
    const seconds = RETRY_SECONDS[Math.min(failures, RETRY_SECONDS.length - 1)];
    failures += 1;
    setTimeout(() => attempt(fields), seconds * 1000);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    // Off before the drawing is made into a file, so a second tap cannot send twice.
    sendButton.disabled = true;
    const fields = new FormData(form);
    // The pad's pen choices are for the page, not the server.
    fields.delete("drawing-colour");
    fields.delete("drawing-thickness");
    const drawing = pad ? await pad.toBlob() : null;
    if (drawing) fields.set("drawing", drawing, "drawing.png");
    if (!text.value.trim() && !drawing) {
      say(settings.sendEmpty);
      sendButton.disabled = false;
      text.focus();
      return;
    }
    say("");
    failures = 0;
    attempt(fields);
  });

  text.addEventListener("input", updateCounter);
  updateCounter();
}

if (form) setUpForm();
offerReadAloud(root);

if (fromKiosk) {
  kiosk = openedFromKiosk(root, { onIdle: backToStart });
  // The thank-you after a send without JavaScript's help.
  if (!form) backToStartAfterThanks();
}

// Brought back from history: the page must not show what was typed.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) window.location.reload();
});
