// A survey on a phone works without this script. With it, a question answered
// by mistake can be left unanswered again: a chosen radio button cannot be
// unchosen by tapping it, and every question may be skipped. Read-aloud
// (speech.js) reads the page's heading, promises and help, or one question.

import { offerReadAloud } from "./speech.js";

offerReadAloud();

for (const question of document.querySelectorAll("fieldset.question")) {
  const radios = Array.from(question.querySelectorAll("input[type=radio]"));
  if (!radios.length) continue;
  const clear = document.createElement("button");
  clear.type = "button";
  clear.className = "clear-answer";
  clear.textContent = document.querySelector("main").dataset.clearAnswer;
  const show = () => {
    clear.hidden = !radios.some((radio) => radio.checked);
  };
  clear.addEventListener("click", () => {
    for (const radio of radios) radio.checked = false;
    show();
    radios[0].focus();
  });
  for (const radio of radios) radio.addEventListener("change", show);
  question.querySelector(".options").after(clear);
  show();
}
