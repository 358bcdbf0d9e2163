"""What a sentence asserts, as the verifier reads it: quoted fragments,
numbers, dates, capitalised names, negations, and speaker-name matching.

Dates rule. A date written out ("17 October 2020", "Oct. 17", "2020-10-17",
"October 2020") or a weekday ("Saturday") is *not* a figure: its digits are
removed before numbers are compared, so "On 17 October 2020, X said ..." is
not flagged for 17 and 2020. Dates are checked on their own and only softly
(a warning, see :mod:`summarize.verify.statements`). A bare year (``1992``)
is a number like any other, except that the year of a cited document's
published date needs no further support."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set as AbstractSet
from functools import lru_cache

from summarize.evidence.dates import MONTH_PATTERN
from summarize.lang.calendar import MONTHS, WEEKDAYS
from summarize.lang.function_words import CONTENT_STOP_WORDS, NEGATION_WORDS
from summarize.lang.numbers import NUMBER_WORDS
from summarize.lang.titles import GENERIC_SPEAKER_WORDS, TITLE_WORDS_NOT_NAMES
from summarize.lang.titles import NAME_GLUE as _NAME_GLUE
from summarize.lang.verbs import DENIAL_FORMS, SAYING_FORMS
from summarize.textnorm import CharMap, fold

_DATE_RE = re.compile(
    rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN}(?:,?\s+\d{{4}})?"
    rf"|\b{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
    rf"|\b{MONTH_PATTERN}\s+\d{{4}}\b"
    rf"|\b(?:{'|'.join(WEEKDAYS)})\b",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?!\w)")
_YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
#: A straight double quote opens after a space or bracket and closes before one.
_QUOTED_RE = re.compile(r'(?:^|(?<=[\s(\[\u2014-]))"([^"]+?)"(?=[\s,.;:!?)\]\u2014-]|$)')
_ELLIPSIS_RE = re.compile(r"\.\.\.|\u2026|\[\s*\.\.\.\s*\]")
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*")
_NAME_RE = re.compile(r"(?<![\w'\u2019])[A-Z][\w\u2019'-]*")
_DOTTED_RE = re.compile(r"\b(?:[A-Za-z]\.){2,}")
_CAPS_RUN_RE = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][\w-]*)+")
_NUMBER_WORD_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)

#: Negation cues: a statement that restates a negated clause must keep one.
NEGATIONS: frozenset[str] = NEGATION_WORDS | DENIAL_FORMS
#: Words that connect the parts of a name ("Ministry *of* Defence").
NAME_GLUE = _NAME_GLUE
#: Words of role and body names that do not identify a speaker on their own.
GENERIC: frozenset[str] = GENERIC_SPEAKER_WORDS
#: Function words left out when comparing content words.
FUNCTION: frozenset[str] = NAME_GLUE | CONTENT_STOP_WORDS
#: Verbs that attribute words to a speaker; not content of their own.
SAY_VERBS: frozenset[str] = SAYING_FORMS
#: Capitalised words of titles ("Foreign Minister", "Secretary-General"), not names.
TITLES: frozenset[str] = TITLE_WORDS_NOT_NAMES
_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(m[:3] for m in MONTHS)


def ascii_fold(text: str) -> str:
    """Casefold and drop accents (spelling folding for names)."""
    return text.translate(_ASCII_FOLD)


def _ascii_fold_char(ch: str) -> str:
    # decomposition and case folding act character by character, and canonical
    # reordering moves only combining marks, which are dropped: folding each
    # character alone folds the text
    base = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in base if not unicodedata.combining(c)).casefold()


_ASCII_FOLD = CharMap(_ascii_fold_char)


def words(text: str) -> list[str]:
    """Lower-case words of ``text``: accents folded, possessive 's dropped, n't -> not,
    dotted abbreviations closed up ("U.S." -> "us"), a hyphenated word also as its parts."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """:func:`words`, kept: each check of a record (and a record is checked several
    times) reads the same evidence excerpts."""
    text = _DOTTED_RE.sub(lambda m: m.group(0).replace(".", ""), fold(text))
    text = ascii_fold(text).replace("n't", " not").replace("cannot", "can not")
    out: list[str] = []
    for w in _WORD_RE.findall(text):
        w = w.strip("'-")
        if w.endswith("'s"):
            w = w[:-2]
        for p in w.split("'"):
            if p:
                out.append(p)
                if "-" in p:
                    out += [q for q in p.split("-") if q]
    return tuple(out)


def acronyms(text: str) -> set[str]:
    """Initials of runs of capitalised words ("National Security Agency" -> "nsa"),
    so an acronym in one text is backed by the full name in another."""
    found: set[str] = set()
    for run in _CAPS_RUN_RE.finditer(fold(text)):
        initials = [w[0].lower() for w in run.group(0).split() if w[0].isupper()]
        for i in range(len(initials)):
            for j in range(i + 2, min(len(initials), i + 6) + 1):
                found.add("".join(initials[i:j]))
    return found


def stem(word: str) -> str:
    """A crude stem for name matching: the first five letters ("Armenia" ~ "Armenian")."""
    return word[:5]


def without_dates(text: str) -> str:
    return _DATE_RE.sub(" ", text)


def dates(text: str) -> list[str]:
    """Date expressions in ``text`` (see the module doc), as written."""
    return [m.group(0) for m in _DATE_RE.finditer(text)]


def numbers(text: str, *, spelled: bool = False) -> set[str]:
    """Digit numbers of ``text`` outside dates, commas dropped ("30,000" -> "30000").

    ``spelled=True`` adds number words as digits ("ten" -> "10"): used on the
    evidence side, so a statement may write as digits what its source spells out."""
    return set(_numbers(text, spelled))


@lru_cache(maxsize=8192)
def _numbers(text: str, spelled: bool) -> frozenset[str]:
    """:func:`numbers`, kept (the same excerpts are read by each check of a record)."""
    plain = without_dates(fold(text))
    found = {m.group(0).replace(",", "") for m in _NUMBER_RE.finditer(plain)}
    if spelled:
        found |= {str(NUMBER_WORDS[m.group(1).lower()]) for m in _NUMBER_WORD_RE.finditer(plain)}
    return frozenset(found)


@lru_cache(maxsize=64)
def years_in(text: str) -> frozenset[str]:
    """The bare years a document states, found once per document (every claim that
    cites it asks)."""
    return frozenset(n for n in numbers(text) if is_year(n))


def is_year(number: str) -> bool:
    return bool(_YEAR_RE.match(number))


def quoted_fragments(text: str) -> list[str]:
    """Pieces of text inside double quote marks; an ellipsis splits a quote into pieces."""
    out: list[str] = []
    for m in _QUOTED_RE.finditer(fold(text)):
        for piece in _ELLIPSIS_RE.split(m.group(1)):
            piece = piece.strip(" ,.;:!?'")
            if any(c.isalnum() for c in piece):
                out.append(piece)
    return out


def outside_quotes(text: str) -> str:
    """``text`` with double-quoted passages blanked (kept the same length)."""
    folded = fold(text)
    return _QUOTED_RE.sub(lambda m: " " * len(m.group(0)), folded)


def names(text: str, known: set[str]) -> list[str]:
    """Capitalised words of ``text`` outside quotes that are not a sentence's first word,
    not calendar words and not in ``known`` (already-folded words), in order, once each."""
    plain = outside_quotes(text)
    out: list[str] = []
    for m in _NAME_RE.finditer(plain):
        before = plain[: m.start()].rstrip()
        if not before or before[-1] in ".!?:;(":
            continue
        for w in words(m.group(0).replace("-", " ")):
            if w in known or w in _CALENDAR or w in FUNCTION or w in GENERIC or w in out:
                continue
            if w in TITLES:
                continue
            out.append(w)
    return out


def has_word(word: str, stems: AbstractSet[str], exact: AbstractSet[str]) -> bool:
    return word in exact or (len(word) >= 5 and stem(word) in stems)


def name_words(name: str) -> list[str]:
    return [w for w in words(name) if w not in NAME_GLUE]


def is_person_name(name: str) -> bool:
    """Two to four capitalised words, none of them generic ("Hikmet Hajiyev")."""
    raw = [w for w in fold(name).split() if w.casefold() not in NAME_GLUE]
    want = name_words(name)
    return (
        2 <= len(raw) <= 4
        and all(w not in GENERIC for w in want)
        and all(w[:1].isupper() for w in raw)
    )


@lru_cache(maxsize=512)
def _name_index(
    text: str,
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words of ``text``, their stems and its :func:`acronyms`, found once per
    text: every claim's speaker is looked for in the same few documents and
    sentences, and reading a long article's words once per claim was quadratic."""
    got = words(text)
    return frozenset(got), frozenset(stem(w) for w in got if len(w) >= 5), frozenset(acronyms(text))


def names_speaker(name: str, text: str) -> bool:
    """True when ``text`` names the speaker ``name`` (case and accents folded).

    A person ("Hikmet Hajiyev": two to four capitalised words, none generic) is
    named by the surname alone. A body or role ("Azerbaijan's Prosecutor
    General's Office") is named when every distinctive (non-generic) word of
    it occurs, or at least two thirds of them when it has more than two; a name
    made only of generic words ("The official") needs all its words."""
    want = name_words(name)
    if not want:
        return False
    plain, stems, initials = _name_index(text)
    own = [w for w in fold(name).split() if w[:1].isupper()]
    if len(own) >= 2 and "".join(w[0] for w in own).lower() in plain:
        return True  # "NSA" names the National Security Agency
    exact = plain | initials
    distinctive = [w for w in want if w not in GENERIC]
    if is_person_name(name):
        return has_word(want[-1], stems, exact)
    if not distinctive:
        return all(has_word(w, stems, exact) for w in want)
    hits = sum(has_word(w, stems, exact) for w in distinctive)
    return hits == len(distinctive) if len(distinctive) <= 2 else hits * 3 >= len(distinctive) * 2


def role_matches(role: str | None, text: str) -> bool:
    """True when every word of ``role`` occurs in ``text`` (a weaker link than a name)."""
    if not role:
        return False
    want = name_words(role)
    got = words(text)
    exact, stems = set(got), {stem(w) for w in got if len(w) >= 5}
    return bool(want) and all(has_word(w, stems, exact) for w in want)


def negated(tokens: list[str], at: int, reach: int = 4) -> bool:
    """True when a negation cue occurs among the ``reach`` tokens before ``at``."""
    return any(t in NEGATIONS for t in tokens[max(0, at - reach) : at])
