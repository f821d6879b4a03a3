// Read-aloud with the browser's own speech: no network, nothing recorded.
// It speaks the page's language (<html lang>) with a voice the device has for it.
// Where there is no such voice, or no speech at all, read-aloud buttons stay
// hidden: a button that does nothing, or reads Polish words with an English
// voice, would only pretend.

const RATE = 0.9;

// A speech engine can go quiet without saying so: Chrome's online voices stop
// after about 15 seconds and never fire "end", and some engines lose "end" now
// and then. Whatever waits for the end of speech (the thank-you, the idle
// reset) would then wait for ever, and the next child would find the last
// child's screen. So every reading also counts as over after a ceiling: 10
// seconds plus 0.2 seconds a letter, about three times as long as reading it
// out at our rate takes. The kiosk's thank-you (about 200 letters in English,
// 15 to 20 seconds of speech) waits at most about 50 seconds.
const CEILING_BASE_MS = 10_000;
const CEILING_MS_PER_LETTER = 200;

// Sentence ends in the shipped scripts: . ! ? and Arabic/Urdu ؟ ۔ and Gurmukhi ।
const SENTENCE = /[^.!?؟۔।]+[.!?؟۔।]*\s*/g;

let reading = null; // the reading going on now: { done, finish }

function hasEngine() {
  return "speechSynthesis" in window && typeof window.SpeechSynthesisUtterance === "function";
}

function pageLanguage() {
  return (document.documentElement.lang || "en").toLowerCase().replace("_", "-");
}

function primary(tag) {
  return (tag || "").toLowerCase().replace("_", "-").split("-")[0];
}

// The device's best voice for the page's language: the same tag ("pl-PL"),
// else any voice of the same primary language ("pl" matches "pl-PL"),
// preferring the device's default and one that works offline.
export function voiceFor(language = pageLanguage()) {
  if (!hasEngine()) return null;
  const voices = window.speechSynthesis.getVoices() || [];
  const same = voices.filter((voice) => primary(voice.lang) === primary(language));
  const tag = (voice) => voice.lang.toLowerCase().replace("_", "-");
  return (
    same.find((voice) => tag(voice) === language && voice.localService) ||
    same.find((voice) => tag(voice) === language) ||
    same.find((voice) => voice.default) ||
    same.find((voice) => voice.localService) ||
    same[0] ||
    null
  );
}

export function canSpeak() {
  return voiceFor() !== null;
}

// Calls back now with canSpeak(), and again whenever that may change: the
// browser's voices often arrive a moment after the page ("voiceschanged"),
// and the page's language may change.
export function whenVoicesChange(callback) {
  const update = () => callback(canSpeak());
  update();
  if (hasEngine() && typeof window.speechSynthesis.addEventListener === "function") {
    window.speechSynthesis.addEventListener("voiceschanged", update);
  }
  new MutationObserver(update).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["lang"],
  });
}

// True while something is being read out (until its end, Stop or the ceiling).
export function speaking() {
  return reading !== null;
}

// Resolves once nothing is being read out: a reading that replaced the one
// going on (a second tap on "Read to me") is waited for too.
export async function whenQuiet() {
  while (reading) await reading.done;
}

// Reads the text out, a sentence at a time (short utterances are what every
// engine handles best). Resolves true once all of it has been read (or the
// ceiling passed), false if it was stopped or there is no voice.
export function say(text) {
  hush();
  const voice = voiceFor();
  const words = (text || "").trim();
  if (!voice || !words) return Promise.resolve(false);
  const sentences = words.match(SENTENCE) || [words];
  let left = sentences.length;
  let finish;
  const done = new Promise((resolve) => {
    finish = (completed) => {
      if (reading !== thisReading) return;
      clearTimeout(ceiling);
      reading = null;
      resolve(completed);
    };
  });
  const thisReading = { done, finish };
  const ceiling = setTimeout(() => finish(true), CEILING_BASE_MS + words.length * CEILING_MS_PER_LETTER);
  reading = thisReading;
  for (const sentence of sentences) {
    const utterance = new window.SpeechSynthesisUtterance(sentence.trim());
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = RATE;
    const over = () => {
      left -= 1;
      if (left === 0) finish(true);
    };
    utterance.addEventListener("end", over);
    utterance.addEventListener("error", over);
    window.speechSynthesis.speak(utterance);
  }
  return done;
}

export function hush() {
  // Over first: cancel() may fire "end" or "error" on what it stops.
  if (reading) reading.finish(false);
  if (hasEngine()) window.speechSynthesis.cancel();
}

// The words an element stands for: its data-say when it has one (a phone
// number written out digit by digit, say), else the text it shows.
export function wordsOf(element) {
  return element.dataset.say || element.innerText;
}

// A part read out ends as a sentence, so the voice pauses between parts.
function asSentence(words) {
  const trimmed = words.trim().replace(/\s+/g, " ");
  return !trimmed || /[.!?؟۔।:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

// The phone pages: every button[data-read-aloud] is shown only while the device
// has a voice for the page's language. A tap reads out the [data-read-part]
// elements of the button's own [data-read-scope] (else its <main>) that show
// now, in page order, leaving out those of a smaller scope inside it (a
// question's own button reads that question). A scope's own <legend> is a part.
export function offerReadAloud(root = document) {
  whenVoicesChange((voice) => {
    for (const button of root.querySelectorAll("button[data-read-aloud]")) button.hidden = !voice;
  });
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-read-aloud]");
    if (!button) return;
    const scope = button.closest("[data-read-scope]") || button.closest("main") || document.body;
    const parts = Array.from(
      scope.querySelectorAll("[data-read-part], [data-read-scope] > legend"),
    ).filter(
      (part) => !part.closest("[hidden]") && (part.closest("[data-read-scope]") || scope) === scope,
    );
    say(parts.map((part) => asSentence(wordsOf(part))).join(" "));
  });
}
