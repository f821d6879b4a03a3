// The kiosk: Start, the site's survey one question per screen, review, Send, thank you.
// Answers live only in this page's memory until Send; then in the offline queue
// until the server acknowledges them. Stop, the idle reset and Back all forget them.
// Until staff set the tablet up (tablet.js), it shows only the setup screen.
// A question answered in words has no keyboard here: its screen points to
// "Tell us more" after Send, and it is never in the answers sent.
// In a staff preview (data-preview) nothing is set up, kept or sent.
// "Read everything to me" on the start screen reads each screen out as it
// comes, until Stop, the idle reset or the end of the visit; while anything is
// read out, the thank-you and the idle reset wait for it to end (speech.js).

import { calmHoverOnNewScreen } from "./hover.js";
import { watchIdle } from "./idle.js";
import { backToStartLanguage, inStartLanguage, offerLanguages } from "./language.js";
import { keepForOffline, takeOverAtStart } from "./offline_start.js";
import { enqueue, flush, keepSending, newSubmissionId, waitingCount } from "./queue.js";
import { carryReadingAll } from "./reading_all.js";
import { hush, say, speaking, whenQuiet, whenVoicesChange, wordsOf } from "./speech.js";
import { offerStaffNotice } from "./staff_notice.js";
import {
  setAside,
  setUpAutomatically,
  setUpWithCode,
  takeCodeFromAddress,
  tokenFor,
  wasSetUpBefore,
} from "./tablet.js";

const root = document.getElementById("kiosk");
const settings = root.dataset;
const screens = Array.from(root.querySelectorAll("[data-screen]"));
const questionScreens = screens.filter((s) => s.dataset.screen === "question");
const questionKeys = questionScreens.map((s) => s.dataset.question);
// The questions whose answers are sent: those with choices.
const choiceKeys = questionScreens
  .filter((s) => !("wordsLater" in s.dataset))
  .map((s) => s.dataset.question);
const preview = "preview" in settings;
const stillThere = root.querySelector("[data-still-there]");
const stopButton = root.querySelector(".kiosk-bar [data-action='stop']");
const readAloudButton = root.querySelector("[data-action='read-aloud']");
const readAllButton = root.querySelector("[data-action='read-all']");
const tellUsMore = root.querySelector("[data-tell-us-more]");
const startScreen = root.querySelector("[data-screen='start']");
const thanksScreen = root.querySelector("[data-screen='thanks']");
const setupScreen = root.querySelector("[data-screen='setup']");
const setupWords = setupScreen.dataset;
const setupForm = setupScreen.querySelector("[data-setup-form]");
const codeInput = setupForm.querySelector("input");
const setupProblem = setupScreen.querySelector("[data-setup-problem]");

let answers = {};
let current = setupScreen;
let returnToReview = false;
let thanksTimer = null;
let readingAll = false;
let visit = 0; // a new one at every return to start

// What read-aloud says for a screen: its data-say; on the review, each
// question with the answer chosen, as the screen shows them.
function wordsFor(screen) {
  if (screen.dataset.screen !== "review") return wordsOf(screen);
  const rows = Array.from(screen.querySelectorAll(".review-list li"));
  const answered = rows.map((row) => {
    const question = row.querySelector(".review-question").textContent.trim();
    const chosen = row.querySelector(".review-answer").textContent.trim();
    return `${question} ${chosen}.`;
  });
  return [wordsOf(screen), ...answered].join(" ");
}

function readAll(on) {
  readingAll = on;
  carryReadingAll(on); // into the feedback box, if "Tell us more" opens it
  readAllButton.setAttribute("aria-pressed", String(on));
}

function show(screen) {
  hush();
  clearTimeout(thanksTimer);
  for (const s of screens) s.hidden = s !== screen;
  current = screen;
  // Not on the thank-you either: there Finish does the same, in words that fit the end.
  stopButton.hidden = [startScreen, setupScreen, thanksScreen].includes(screen);
  screen.querySelector("h1")?.focus({ preventScroll: true });
  window.scrollTo(0, 0);
  if (readingAll && screen !== setupScreen) say(wordsFor(screen));
}

function showQuestion(index) {
  const screen = questionScreens[index];
  const chosen = answers[screen.dataset.question];
  for (const choice of screen.querySelectorAll("button[data-word]")) {
    choice.setAttribute("aria-pressed", String(choice.dataset.answer === chosen));
  }
  show(screen);
}

// The word a child chose, as its button on the question's screen shows it.
function wordFor(key, answer) {
  const screen = questionScreens[questionKeys.indexOf(key)];
  const choices = Array.from(screen.querySelectorAll("button[data-word]"));
  const chosen = choices.find((button) => button.dataset.answer === answer);
  return chosen ? chosen.dataset.word : settings.skippedWord;
}

function showReview() {
  for (const key of choiceKeys) {
    const row = root.querySelector(`[data-review="${key}"]`);
    const answer = answers[key] || "skip";
    for (const img of row.querySelectorAll("[data-face]")) img.hidden = img.dataset.face !== answer;
    row.querySelector("[data-answer-word]").textContent = wordFor(key, answer);
  }
  returnToReview = false;
  show(root.querySelector("[data-screen='review']"));
}

function next(key) {
  const index = questionKeys.indexOf(key);
  if (returnToReview || index === questionKeys.length - 1) showReview();
  else showQuestion(index + 1);
}

function answer(key, value) {
  if (choiceKeys.includes(key)) answers[key] = value;
  next(key);
}

function startOver() {
  answers = {};
  returnToReview = false;
  visit += 1;
  readAll(false);
  if (stillThere.open) stillThere.close();
  show(preview || tokenFor(settings.submitUrl) ? startScreen : setupScreen);
  updateWaitingNote();
}

// Stop, the idle reset and the end of the thank-you: the next child starts
// afresh, in the site's own language.
// A new version of the kiosk, waiting, takes over here: between two children.
function endVisit() {
  startOver();
  if (preview || takeOverAtStart(settings.startUrl)) return;
  backToStartLanguage(settings);
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Back to start after the thank-you's seconds, but never while it (or
// anything) is being read out: then once the reading ends.
function showThanks() {
  answers = {};
  const thanks = thanksScreen;
  show(thanks);
  const thisVisit = visit;
  const leave = () => {
    if (current === thanks && visit === thisVisit) endVisit();
  };
  thanksTimer = setTimeout(() => whenQuiet().then(leave), Number(settings.thanksSeconds) * 1000);
}

function send() {
  if (preview) {
    showThanks();
    return;
  }
  const body = {
    id: newSubmissionId(),
    survey: settings.survey,
    version: Number(settings.version),
    date: today(),
    answers: {},
  };
  for (const key of choiceKeys) body.answers[key] = answers[key] || "skip";
  enqueue(settings.submitUrl, body);
  showThanks();
  flush();
}

// A preview sends nothing, so nothing of its own waits.
function answersWaiting() {
  return preview ? 0 : waitingCount();
}

// What waits is for staff: on the setup screen, and after a long press on the
// site name (staff_notice.js); never on the children's start screen.
function updateWaitingNote() {
  const count = answersWaiting();
  // "Tell us more" opens another page. Offline, or while answers still wait,
  // that page may not load, and the browser's error page has no way back.
  tellUsMore.hidden = !navigator.onLine || count > 0;
  updateSetupNotice(count);
}

// For staff: set up before (its token was refused since), and what waits.
function updateSetupNotice(count) {
  const parts = [];
  if (wasSetUpBefore(settings.submitUrl)) parts.push(setupWords.setupAgain);
  if (count === 1) parts.push(setupWords.waitingOne);
  if (count > 1) parts.push(setupWords.waitingMany.replace("{count}", count));
  setupScreen.querySelector("[data-setup-notice]").textContent = parts.join(" ");
}

async function setUp(attempt) {
  const result = await attempt;
  const problems = { ready: "", wrong: setupWords.codeWrong, later: setupWords.codeLater };
  setupProblem.textContent = problems[result];
  if (result !== "ready") return;
  codeInput.value = "";
  if (current === setupScreen) startOver();
  flush();
}

setupForm.addEventListener("submit", (event) => {
  event.preventDefault();
  setUp(setUpWithCode(settings.tabletUrl, settings.submitUrl, codeInput.value));
});

// The server stopped taking this tablet's token: the answers stay, and once
// the child in front of it is done, staff see the setup screen.
document.addEventListener("tablet-refused", (event) => {
  if (event.detail.url !== settings.submitUrl) return;
  setAside(settings.submitUrl, event.detail.token);
  updateWaitingNote();
  if (current === startScreen) show(setupScreen);
});

root.addEventListener("click", (event) => {
  const button = event.target.closest("button");
  if (!button) return;
  const screen = button.closest("[data-screen]");
  if (button.dataset.answer && screen?.dataset.question) {
    answer(screen.dataset.question, button.dataset.answer);
    return;
  }
  switch (button.dataset.action) {
    case "start":
      showQuestion(0);
      break;
    case "next":
      next(screen.dataset.question);
      break;
    case "back":
      showQuestion(questionKeys.indexOf(screen.dataset.question) - 1);
      break;
    case "change":
      returnToReview = true;
      showQuestion(questionKeys.indexOf(button.dataset.question));
      break;
    case "send":
      send();
      break;
    case "stop":
      endVisit();
      break;
    case "still-here":
      stillThere.close();
      if (readingAll) say(wordsFor(current));
      break;
    case "read-aloud":
      say(wordsFor(current));
      break;
    case "read-all":
      readAll(!readingAll);
      if (readingAll) say(wordsFor(current));
      else hush();
      break;
  }
});

// The Escape key closes a dialog: treat it as "I'm still here".
stillThere.addEventListener("cancel", () => idle.restart());

// A page brought back from the browser's history cache must not show old answers.
window.addEventListener("pageshow", (event) => {
  if (event.persisted) endVisit();
});

document.addEventListener("queue-changed", updateWaitingNote);
window.addEventListener("online", updateWaitingNote);
// Left in another language while offline: the site's own once the internet is back.
window.addEventListener("online", () => {
  if (current === startScreen && !preview) backToStartLanguage(settings);
});
window.addEventListener("offline", updateWaitingNote);

whenVoicesChange((voice) => {
  readAloudButton.hidden = !voice;
  readAllButton.hidden = !voice;
  if (!voice && readingAll) readAll(false);
});
offerLanguages(root);
offerStaffNotice(
  root.querySelector("[data-staff-notice-trigger]"),
  root.querySelector("[data-staff-notice]"),
  answersWaiting,
);
calmHoverOnNewScreen(root);

const idle = watchIdle({
  idleSeconds: Number(settings.idleSeconds),
  stillThereSeconds: Number(settings.stillThereSeconds),
  // Left with "Read everything to me" on, the start screen is busy too: the
  // idle reset turns it off before the next child comes. So is the start
  // screen in a language a child chose: the next child must find the site's own.
  isBusy: () =>
    readingAll ||
    (current !== setupScreen && (current !== startScreen || !inStartLanguage(settings))),
  ask: () => {
    stillThere.showModal();
    if (readingAll) say(wordsOf(stillThere));
  },
  reset: endVisit,
  speaking,
  whenQuiet,
});

// A preview stays on its page: "Tell us more" would open the real feedback box.
tellUsMore.addEventListener("click", (event) => {
  if (preview) event.preventDefault();
});

async function begin() {
  if (preview) {
    startOver();
    return;
  }
  const code = takeCodeFromAddress();
  if (code) {
    codeInput.value = code;
    await setUp(setUpWithCode(settings.tabletUrl, settings.submitUrl, code));
  } else if (!tokenFor(settings.submitUrl) && settings.autoEnrolUrl) {
    await setUp(setUpAutomatically(settings.autoEnrolUrl, settings.submitUrl));
  }
  startOver();
  keepSending();
  keepForOffline(root, settings, () => current === startScreen && !readingAll && inStartLanguage(settings));
}

begin();
