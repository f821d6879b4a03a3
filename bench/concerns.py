"""How many concerns the safeguarding matcher finds, and how many harmless messages
it flags, over the labelled messages in bench/concern_messages.tsv
(bench/README.md, "Finding concerns").

    .venv/bin/python bench/concerns.py [--misses tuning]

For each kind, for the tuning half, the held-out half and both: recall (concerning
messages flagged) and false flags (harmless messages flagged), for the matcher as
it was before issue 9 (BASELINE_PHRASES, run through the same machinery) beside
the matcher as it is now, and the time per message of each. Exits 0 when the
held-out half reaches the bar (recall >= 90%, false flags <= 20%), else 1.
Rules are tuned on the tuning half's misses only (--misses tuning); the held-out
half shows whether they carry over to messages nobody tuned for.

Then, language by language (issue 11), the same over
bench/concern_messages_languages.tsv: Polish, Romanian, Urdu, Punjabi and Arabic
in their own scripts, and Urdu, Punjabi and Arabic typed in Latin letters
("ur-Latn"), batch 1 (written with the rules) and batch 2 (written after them),
beside the English set's held-out half. "English only" counts only what the
English phrases and rules find, as the matcher did before issue 11. --misses
also lists the wrong answers there.
"""

import argparse
import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.feedback.concern_rules import LANGUAGE_RULES  # noqa: E402
from kiosk.feedback.safeguarding import concern_matches, is_concern  # noqa: E402

MESSAGES = Path(__file__).resolve().parent / "concern_messages.tsv"
LANGUAGE_MESSAGES = Path(__file__).resolve().parent / "concern_messages_languages.tsv"
LANGUAGES = {
    "pl": "Polish",
    "ro": "Romanian",
    "ur": "Urdu",
    "ur-Latn": "Urdu, English letters",
    "pa": "Punjabi (Gurmukhi)",
    "pa-Latn": "Punjabi, English letters",
    "ar": "Arabic",
    "ar-Latn": "Arabic, English letters",
}
HALVES = ("tuning", "held-out")
RECALL_BAR = 0.90
FALSE_FLAG_BAR = 0.20

# DEFAULT_CONCERN_PHRASES on main before issue 9 (commit 8659f10), copied so the
# figures show before and after in the same run.
BASELINE_PHRASES = (
    "hurt", "harm me", "hit me", "hit us", "beat me", "punch me", "kick me", "slap me",
    "choke me", "strangle", "burn me", "kill me", "abuse", "abusive", "neglect", "bully",
    "threaten",
    "rape", "rapist", "molest", "touch me", "touched my", "private parts", "privates",
    "sex with me", "nudes", "naked pictures", "naked photos", "groom me", "groomed",
    "our secret", "not allowed to tell",
    "unsafe", "not safe", "dont feel safe", "not feel safe", "scared to go home",
    "afraid to go home", "frightened to go home", "dont want to go home", "scared of my",
    "afraid of my", "run away from home", "no food at home",
    "self harm", "harm myself", "cut myself", "kill myself", "kms", "kill yourself", "kys",
    "suicide", "suicidal", "sucide", "suiside", "want to die", "wanna die", "want 2 die",
    "want to be dead", "wish i was dead", "wish i were dead", "better off dead",
    "end my life", "take my own life", "end it all", "overdose", "hang myself",
    "no reason to live", "dont want to live", "not want to live", "dont want to be alive",
)  # fmt: skip


def load_messages(path: Path = MESSAGES) -> list[dict]:
    """The labelled messages: half, kind, concern (True or False), message."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        row["concern"] = row["concern"] == "1"
    return rows


def figures(rows: list[dict], flagged: Callable[[str], bool]) -> dict:
    """Recall and false-flag rate for these rows, with the counts behind them."""
    concerning = [row for row in rows if row["concern"]]
    harmless = [row for row in rows if not row["concern"]]
    found = sum(flagged(row["message"]) for row in concerning)
    false = sum(flagged(row["message"]) for row in harmless)
    return {
        "found": found,
        "concerning": len(concerning),
        "false": false,
        "harmless": len(harmless),
        "recall": found / len(concerning) if concerning else None,
        "false_flags": false / len(harmless) if harmless else None,
    }


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} {100 * part / whole:3.0f}%" if whole else "-"


def print_table(title: str, rows: list[dict], matchers: dict[str, Callable]) -> dict:
    """One table: a line per kind and one for all kinds, each matcher side by side."""
    print(f"\n{title}")
    header = f"{'kind':<13}" + "".join(
        f"| {name + ' recall':<18}{name + ' false':<17}" for name in matchers
    )
    print(header)
    print("-" * len(header))
    kinds = sorted({row["kind"] for row in rows})
    overall = {}
    for kind in [*kinds, "all"]:
        chosen = rows if kind == "all" else [row for row in rows if row["kind"] == kind]
        line = f"{kind:<13}"
        for name, flagged in matchers.items():
            result = figures(chosen, flagged)
            line += f"| {_share(result['found'], result['concerning']):<18}"
            line += f"{_share(result['false'], result['harmless']):<17}"
            if kind == "all":
                overall[name] = result
        print(line)
    return overall


def time_per_message(rows: list[dict], flagged: Callable[[str], bool], repeats: int = 5) -> float:
    """Microseconds per message, the best of `repeats` passes over every message."""
    texts = [row["message"] for row in rows]
    for text in texts:  # compile and cache the patterns before timing
        flagged(text)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for text in texts:
            flagged(text)
        best = min(best, time.perf_counter() - start)
    return 1e6 * best / len(texts)


def print_misses(rows: list[dict]) -> None:
    """Every message the matcher gets wrong in these rows, with the rule that flagged it."""
    for row in rows:
        matched = concern_matches(row["message"])
        if bool(matched) != row["concern"]:
            label = "MISSED" if row["concern"] else f"FALSE {matched}"
            print(f"{row['kind']:<13}{label:<40}{row['message']}")


def english_only(text: str) -> bool:
    """What the matcher finds with the English phrases and rules alone."""
    return any(name not in LANGUAGE_RULES for name in concern_matches(text))


def print_languages(english: list[dict], misses: bool) -> None:
    """Recall and false flags language by language, for each batch and both."""
    rows = load_messages(LANGUAGE_MESSAGES)
    print(f"\nlanguages ({len(rows)} messages; English: the held-out half above)")
    header = (
        f"{'language':<26}| {'batch 1 recall':<16}{'false':<13}| {'batch 2 recall':<16}"
        f"{'false':<13}| {'both recall':<14}{'false':<13}| English only: recall, false"
    )
    print(header)
    print("-" * len(header))
    held_out = [row for row in english if row["half"] == "held-out"]
    for lang in [*LANGUAGES, "en"]:
        chosen = held_out if lang == "en" else [row for row in rows if row["lang"] == lang]
        line = f"{LANGUAGES.get(lang, 'English (held-out half)'):<26}"
        for batch in ("1", "2", None):
            part = [row for row in chosen if batch is None or row.get("batch") == batch]
            result = figures(part, is_concern)
            width = 14 if batch is None else 16
            line += f"| {_share(result['found'], result['concerning']):<{width}}"
            line += f"{_share(result['false'], result['harmless']):<13}"
        before = figures(chosen, english_only)
        line += f"| {_share(before['found'], before['concerning'])}, "
        line += _share(before["false"], before["harmless"])
        print(line)
    if misses:
        print("\nwrong answers, languages:")
        for row in rows:
            matched = concern_matches(row["message"])
            if bool(matched) != row["concern"]:
                label = "MISSED" if row["concern"] else f"FALSE {matched}"
                print(f"{row['lang']:<9}{row['kind']:<11}{label:<40}{row['message']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", choices=[*HALVES, "both"], help="list the wrong answers")
    options = parser.parse_args()
    rows = load_messages()
    matchers = {
        "before": lambda text: is_concern(text, BASELINE_PHRASES),
        "now": is_concern,
    }
    results = {}
    for half in [*HALVES, "both"]:
        chosen = rows if half == "both" else [row for row in rows if row["half"] == half]
        results[half] = print_table(f"{half} ({len(chosen)} messages)", chosen, matchers)
    print("\ntime per message (best of 5 passes over all messages):")
    for name, flagged in matchers.items():
        print(f"  {name}: {time_per_message(rows, flagged):.1f} µs")
    if options.misses:
        chosen = (
            rows if options.misses == "both" else [r for r in rows if r["half"] == options.misses]
        )
        print(f"\nwrong answers, {options.misses}:")
        print_misses(chosen)
    print_languages(rows, bool(options.misses))
    held_out = results["held-out"]["now"]
    met = held_out["recall"] >= RECALL_BAR and held_out["false_flags"] <= FALSE_FLAG_BAR
    print(
        f"\nheld-out: recall {held_out['recall']:.0%} (bar {RECALL_BAR:.0%}), "
        f"false flags {held_out['false_flags']:.0%} (bar {FALSE_FLAG_BAR:.0%}): "
        + ("met" if met else "NOT met")
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
