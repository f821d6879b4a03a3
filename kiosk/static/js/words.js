// Words that depend on a count, from the page in its own language: the page
// gives one phrase for each of the language's plural forms (kiosk/app/languages.py),
// and the browser's own plural rules pick one. "%(num)d" stands for the count.

export function countWords(phrases) {
  const forms = JSON.parse(phrases);
  const rules = new Intl.PluralRules(document.documentElement.lang);
  return (count) => (forms[rules.select(count)] ?? Object.values(forms).at(-1)).replace("%(num)d", count);
}
