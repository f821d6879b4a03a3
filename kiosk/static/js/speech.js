// Read-aloud with the browser's own speech: no network, nothing recorded.
// Where the browser has no speech, the button stays hidden.

export function canSpeak() {
  return "speechSynthesis" in window && typeof SpeechSynthesisUtterance === "function";
}

export function say(text) {
  if (!canSpeak() || !text) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = document.documentElement.lang || "en-GB";
  utterance.rate = 0.9;
  window.speechSynthesis.speak(utterance);
}

export function hush() {
  if (canSpeak()) window.speechSynthesis.cancel();
}
