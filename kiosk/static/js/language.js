// The kiosk's language lives only in the page's address (?lang=): no cookie,
// nothing kept in the browser, nothing sent with the answers. A language button
// opens the kiosk in that language; Stop, the idle reset and the end of a visit
// open it in the site's own language again (kiosk.js).
// The kiosk must keep working offline, so the page is left only once the server
// has answered: with no internet, the child stays on a page that works.

async function serverAnswers(url) {
  try {
    const response = await fetch(url, { method: "HEAD", cache: "no-store" });
    return response.ok;
  } catch {
    return false;
  }
}

async function openIn(url) {
  if (navigator.onLine && (await serverAnswers(url))) window.location.replace(url);
}

export function inStartLanguage(settings) {
  return settings.language === settings.startLanguage;
}

// After Stop, the idle reset or the thank-you: the next child starts in the site's language.
export function backToStartLanguage(settings) {
  if (!inStartLanguage(settings)) openIn(settings.startUrl);
}

export function offerLanguages(root) {
  const choices = root.querySelector(".kiosk-languages");
  for (const link of root.querySelectorAll("[data-language-choice]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      if (!link.hasAttribute("aria-current")) openIn(link.href);
    });
  }
  // Offline, another language's page cannot load: offer only this one.
  const update = () => {
    if (choices) choices.hidden = !navigator.onLine;
  };
  window.addEventListener("online", update);
  window.addEventListener("offline", update);
  update();
}
