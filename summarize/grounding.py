"""Finding an excerpt in a document: exactly (with offsets) or nearly (snapping).

:func:`locate` finds where a verbatim excerpt lies in a document, under the
same narrow folding as :func:`summarize.textnorm.occurs_verbatim` (quote marks,
white space, invisible characters), and returns its character offsets.

:func:`snap_quote` repairs a *near*-verbatim quote, the kind a model writes
when it copies a sentence and changes a dash, an ellipsis, the case of a word
or a letter or two; the rule is :mod:`summarize.snapping`'s (rapidfuzz score
at least 90 over the aligned window, every differing word a spelling variant
of its counterpart, never another number or negation, an ellipsis snapped
piece by piece). Anything looser is not the source's words and must be
dropped, not snapped."""

from __future__ import annotations

import bisect
import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

from summarize.evidence.types import Span
from summarize.snapping import snap_offsets
from summarize.textnorm import CharMap, fold

_QUOTE_MARKS = (
    "\"'`\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u00ab\u00bb\u2039\u203a"
)
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_SINGLE = "['\u2018\u2019\u201a\u201b\u2032`\u00b4\u2039\u203a]"
_DOUBLE = '["\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]'
_GAP = "[\\s\u00a0\u2007\u202f\u200b\u00ad\u2060\ufeff]+"


def _loose_char(ch: str) -> str:
    if ch in _QUOTE_MARKS:
        return ""
    if ch in _DASHES:
        return "-"
    if ch == "\u2026":
        return "..."
    if ch.isspace() or ch in "\u200b\u00ad\u2060\ufeff":
        return " "
    base = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in base if not unicodedata.combining(c)).casefold()


_LOOSE_TABLE = CharMap(_loose_char)  # one C-level pass over a long article


def loose_fold(text: str) -> str:
    """Fold case, accents, quote marks (dropped), dashes, ellipses and white space."""
    return " ".join(text.translate(_LOOSE_TABLE).split())


_GAP_RE = re.compile(_GAP)
_MARKS = str.maketrans({**dict.fromkeys(_SINGLE[1:-1], "'"), **dict.fromkeys(_DOUBLE[1:-1], '"')})
#: Texts at least this long keep their :class:`_Canonical` form between calls.
_KEEP_CHARS = 20_000


@dataclass(frozen=True)
class _Canonical:
    """A text with each run of white space and invisible characters as one space and
    each quote mark as ``'`` or ``"``, and where each run lay in the text: finding a
    folded excerpt in it is one ``str.find``, where a regular expression built per
    excerpt cost more to compile (its character classes) than to run."""

    text: str
    runs: array[int]  # position in ``text`` of each run's space
    run_starts: array[int]  # where that run starts in the original text
    run_ends: array[int]  # and where it ends

    def original(self, i: int) -> int:
        """Where character ``i`` (not a run's space) lies in the original text."""
        k = bisect.bisect_right(self.runs, i) - 1
        return i if k < 0 else self.run_ends[k] + (i - self.runs[k] - 1)


def _canonical(text: str) -> _Canonical:
    parts: list[str] = []
    runs, starts, ends = array("q"), array("q"), array("q")
    pos = size = 0
    for m in _GAP_RE.finditer(text):
        parts.append(text[pos : m.start()])
        size += m.start() - pos
        runs.append(size)
        starts.append(m.start())
        ends.append(m.end())
        parts.append(" ")
        size += 1
        pos = m.end()
    parts.append(text[pos:])
    return _Canonical("".join(parts).translate(_MARKS), runs, starts, ends)


_kept_canonical = lru_cache(maxsize=8)(_canonical)


def _find(needle: str, text: str) -> tuple[int, int] | None:
    """Where ``needle`` (folded, stripped) occurs in ``text``, a white-space run in
    the text matching each of its spaces and any quote mark each of its marks."""
    canonical = _kept_canonical(text) if len(text) >= _KEEP_CHARS else _canonical(text)
    i = canonical.text.find(needle)
    if i < 0:
        return None
    # the needle neither starts nor ends with a space: both ends are characters of
    # the text itself, not runs
    return canonical.original(i), canonical.original(i + len(needle) - 1) + 1


def locate(excerpt: str, text: str) -> tuple[int, int] | None:
    """``(start, end)`` of ``excerpt`` in ``text`` under verbatim folding, or None.

    Outer quote marks of the excerpt are optional, as in ``occurs_verbatim``."""
    needle = fold(excerpt).strip("\"' ")
    if not needle:
        return None
    return _find(needle, unicodedata.normalize("NFC", text)) or _find(needle, text)


def snap_quote(quote: str, document_text: str) -> Span | None:
    """The document's own words for a near-verbatim ``quote``, or None: the span
    :func:`summarize.snapping.snap_offsets` finds (one snapping rule for the whole
    project: case, quote marks, dashes, ellipses and misspelt words are forgiven, a
    changed number or negation never)."""
    found = snap_offsets(quote, document_text)
    if found is None:
        return None
    start, end = found
    return Span(start=start, end=end, text=document_text[start:end])
