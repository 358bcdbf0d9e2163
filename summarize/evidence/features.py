"""What grouping and relevance compare about one article: its content words (with
the spelling the text first uses), counts, report day, headline and the runs
of capitalised words that name its people, places and bodies."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarize.evidence.figures import Figure, find_figures
from summarize.lang.calendar import TIME_WORDS
from summarize.lang.function_words import FUNCTION_WORDS
from summarize.textnorm import fold_casefold

HEADLINE_CHARS = 200
_WORD_RE = re.compile(r"[a-z][a-z'-]{2,}")
_SURFACE_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]{2,}")
_NAME_RUN_RE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*\w(?:[ \t]+[A-Z][\w'’-]*\w)*")
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;\"“”‘’'()\[\]\n])\s*$")


@dataclass
class DocumentFeatures:
    """What grouping and relevance compare, for one article."""

    document: str
    words: Counter[str]
    figures: set[tuple[str, int]]
    event_date: dt.date | None = None
    phrases: Counter[str] = field(default_factory=Counter)
    """Runs of capitalised words as written (:func:`name_phrases`)."""
    headline: str = ""
    """Its headline as the text gives it (verbatim), or empty."""
    forms: dict[str, str] = field(default_factory=dict)
    """Each of ``words`` as the text first writes it."""


def document_features(
    doc_id: str,
    text: str,
    event_date: dt.date | None = None,
    figures_found: Sequence[Figure] | None = None,
    headline: str | None = None,
) -> DocumentFeatures:
    """What relevance compares for one article; ``figures_found`` are its figures when
    already found (the bundle finds them once), else they are found here;
    ``headline`` is its title when the text carries it verbatim, else the text's
    first line when that is short (a headline, not a paragraph)."""
    words = Counter(w for w in _WORD_RE.findall(fold_casefold(text)) if w not in FUNCTION_WORDS)
    found = find_figures(text) if figures_found is None else figures_found
    figures = {(f.kind, f.value) for f in found if not f.included and f.value > 1}
    if not headline or headline.strip() not in text:
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        headline = first if len(first) <= HEADLINE_CHARS else ""
    return DocumentFeatures(
        doc_id,
        words,
        figures,
        event_date,
        name_phrases(text),
        headline.strip(),
        _surface_forms(text, words),
    )


def _surface_forms(text: str, words: Counter[str]) -> dict[str, str]:
    forms: dict[str, str] = {}
    for m in _SURFACE_RE.finditer(text):
        folded = fold_casefold(m.group())
        if folded in words and folded not in forms:
            forms[folded] = m.group()
    return forms


def name_phrases(text: str) -> Counter[str]:
    """Runs of capitalised words ("John McAfee", "Southwest Airlines") not opening a
    sentence, as written: what a topic is named by."""
    out: Counter[str] = Counter()
    for m in _NAME_RUN_RE.finditer(text):
        words = m.group().split()
        if _OPENS_SENTENCE.search(text[max(0, m.start() - 3) : m.start()]):
            words = words[1:]
        while words and _not_a_name(words[0]):
            words = words[1:]
        while words and _not_a_name(words[-1]):
            words = words[:-1]
        if words:
            out[" ".join(words)] += 1
    return out


def _not_a_name(word: str) -> bool:
    folded = fold_casefold(word)
    return word[0].islower() or folded in FUNCTION_WORDS or folded in TIME_WORDS
