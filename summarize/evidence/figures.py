"""Casualty and damage figures in text: "12 people were killed", "injuring 40",
"the destruction of as many as 20 houses", "Two kids are among the dead".

A figure is a count of one *kind* (killed, injured, destroyed) of one *group*
(people, children, soldiers, houses). Numbers may be digits or words; a
qualifier ("at least", "more than") is kept. Only a number that is the count
of the kind is a figure: the object of a kill/injure verb ("killing 12"), the
subject of one ("five were killed"), or a number whose noun is a group counted
("40 civilians injured"). A number that counts anything else is not ("over 80
days of protests", "led GE for 20 years, died", "2 gunshot wounds ... death"),
nor an age ("Brooks, 27, died", "a 27-year-old man"), money, a year, a time,
a distance or a percentage. Both the evidence stage (relevance) and the
offline engine (claims, the summary's "N people were killed") read figures
from here."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.lang.events import BETWEEN_COUNT_AND_KIND, GROUPS, KIND_VERBS, KIND_WORDS
from summarize.lang.numbers import NUMBER_WORDS, SCALES

_QUALIFIER = (
    r"at\s+least|more\s+than|over|about|around|some|nearly|almost|up\s+to|as\s+many\s+as|"
    r"fewer\s+than|less\s+than|approximately|roughly|an\s+estimated"
)
_NUM = r"\d{1,3}(?:,\d{3})+|\d+|" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(NUMBER_WORDS, key=len, reverse=True)
)
_NUMBER_RE = re.compile(
    rf"(?<![\w.,:/-])(?:(?P<qual>{_QUALIFIER})\s+)?(?P<num>{_NUM})"
    rf"(?:\s+(?P<scale>thousand|million))?(?![\w%:/-]|\.\d|,\d)",
    re.IGNORECASE,
)

_AGE_BEFORE_RE = re.compile(r"(?:\b(?:aged?|age\s+of)\s*$)|(?:[A-Z][\w'\u2019-]*,\s*$)|\(\s*$")
_MONEY_BEFORE_RE = re.compile(r"[$\u00a3\u20ac\u00a5]\s*$")
_STOP_RE = re.compile(r"[.;!?\n]")
_WORD_RE = re.compile(r"[A-Za-z][\w'-]*")


@dataclass(frozen=True)
class Figure:
    """One count in a text. ``start``/``end`` index the text it was found in."""

    kind: str
    group: str
    value: int
    qualifier: str | None
    number_text: str
    noun: str | None
    start: int
    end: int
    included: bool = False  # "including two children": part of the figure before it

    @property
    def key(self) -> tuple[str, str]:
        """What is counted: (kind, group)."""
        return (self.kind, self.group)

    def phrase(self) -> str:
        """A neutral phrase for the figure, e.g. ``at least 10 civilians were killed``."""
        amount = f"{self.qualifier} {self.number_text}" if self.qualifier else self.number_text
        noun = self.noun or ("houses" if self.group == "houses" else "people")
        verb = "were" if self.value != 1 else "was"
        return f"{amount} {noun} {verb} {self.kind}"


def parse_number(text: str, scale: str | None = None) -> int | None:
    """``"ten"`` -> 10, ``"1,200"`` -> 1200, ``"30,000"`` -> 30000."""
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    value: int | None
    if cleaned.replace(",", "").isdigit():
        value = int(cleaned.replace(",", ""))
    else:
        value = NUMBER_WORDS.get(cleaned)
    if value is not None and scale:
        value *= SCALES[scale.lower()]
    return value


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(text)]


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order."""
    matches = list(_NUMBER_RE.finditer(text))
    figures: list[Figure] = []
    for i, m in enumerate(matches):
        value = parse_number(m.group("num"), m.group("scale"))
        if value is None:
            continue
        prev_end = matches[i - 1].end() if i else 0
        next_start = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        before = text[max(prev_end, m.start() - 60) : m.start()]
        before = _STOP_RE.split(before)[-1]
        stop = _STOP_RE.search(text, m.end(), min(next_start, m.end() + 90))
        after = text[m.end() : stop.start() if stop else min(next_start, m.end() + 90)]
        figure = _classify(m, value, before, after, figures)
        if figure is not None:
            figures.append(figure)
    return figures


def _not_a_count(before: str, after: str) -> bool:
    """An age ("Brooks, 27, died", "aged 27", "(27)") or money ("$20")."""
    if _MONEY_BEFORE_RE.search(before):
        return True
    return _AGE_BEFORE_RE.search(before) is not None and after.lstrip()[:1] in (",", ")")


def _kind_after(after_words: Sequence[str]) -> str | None:
    """The kind a number is the count of, from the words after it (as written): a
    kind word reached through group nouns, capitalised modifiers ("Azerbaijani")
    and auxiliaries only."""
    for raw in after_words:
        word = raw.lower()
        found = next((k for k, words in KIND_WORDS.items() if word in words), None)
        if found:
            return found
        if word not in GROUPS and word not in BETWEEN_COUNT_AND_KIND and not raw[:1].isupper():
            return None
    return None


def _classify(
    m: re.Match[str], value: int, before: str, after: str, earlier: list[Figure]
) -> Figure | None:
    if _not_a_count(before, after):
        return None
    after_words = _words(after)[:9]
    before_words = _words(before)
    noun: str | None = None
    if after_words and after_words[0] in GROUPS:
        noun = after_words[0]
    elif len(after_words) > 1 and after_words[1] in GROUPS and after_words[0] not in KIND_WORDS:
        noun = after_words[1]  # "40 Azerbaijani civilians"
    kind: str | None = None
    included = False
    tail = " ".join(before_words[-4:])
    # "killing 12", "injuring at least 40", "destruction of as many as 20 houses"
    verb_before = before_words and not before.rstrip().endswith(",")  # "Killed, 400 Wounded"
    if verb_before and before_words[-1] in KIND_VERBS:
        kind = KIND_VERBS[before_words[-1]]
    elif (
        verb_before
        and len(before_words) > 1
        and before_words[-1] == "of"
        and before_words[-2] in KIND_VERBS
    ):
        kind = KIND_VERBS[before_words[-2]]
    elif re.search(r"\b(?:death\s+toll|toll)\b(?:\s+\w+){0,3}$", " ".join(before_words[-5:])):
        kind = "killed"
    else:
        kind = _kind_after(_WORD_RE.findall(after)[:9])
    if kind is None and tail.endswith("including") and earlier:
        kind, included = earlier[-1].kind, True
    if kind is None:
        return None
    if tail.endswith("including"):
        included = True
    group = GROUPS.get(noun or "", "houses" if kind == "destroyed" else "people")
    if kind == "destroyed" and group != "houses":
        return None
    qual = m.group("qual")
    return Figure(
        kind=kind,
        group=group,
        value=value,
        qualifier=re.sub(r"\s+", " ", qual.lower()) if qual else None,
        number_text=m.group("num") + (f" {m.group('scale')}" if m.group("scale") else ""),
        noun=noun,
        start=m.start(),
        end=m.end(),
        included=included,
    )
