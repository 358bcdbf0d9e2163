"""Finding an excerpt in a document: exactly (with offsets) or nearly (snapping).

:func:`locate` finds where a verbatim excerpt lies in a document, under the
same narrow folding as :func:`summarize.textnorm.occurs_verbatim` (quote marks,
white space, invisible characters), and returns its character offsets.

:func:`snap_quote` repairs a *near*-verbatim quote, the kind a model writes
when it copies a sentence and changes a dash, an ellipsis, the case of a word
or a letter or two. It is deliberately tight; a quote is snapped only when

- after *loose folding* (case, accents, every quote mark and apostrophe
  dropped, dashes to ``-``, ``…`` to ``...``, white space to one space) the
  best-aligned window of the document scores at least :data:`SNAP_MIN_SCORE`
  (rapidfuzz ``fuzz.partial_ratio_alignment``, 0..100), and
- the window's length is within :data:`SNAP_MAX_LENGTH_DIFF` (10%) of the
  quote's, so a quote that adds or drops a clause is not "repaired".

The window is then widened to word boundaries. Anything looser is not the
source's words and must be dropped, not snapped."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from summarize.evidence.types import Span
from summarize.textnorm import fold

SNAP_MIN_SCORE = 90.0
SNAP_MAX_LENGTH_DIFF = 0.10

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


def loose_fold(text: str) -> str:
    """Fold case, accents, quote marks (dropped), dashes, ellipses and white space."""
    return " ".join("".join(_loose_char(c) for c in text).split())


def _loose_with_map(text: str) -> tuple[str, list[int]]:
    """:func:`loose_fold` of ``text`` and, for each output character, its offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for c in _loose_char(ch):
            if c == " " and (not out or out[-1] == " "):
                continue
            out.append(c)
            where.append(i)
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def locate(excerpt: str, text: str) -> tuple[int, int] | None:
    """``(start, end)`` of ``excerpt`` in ``text`` under verbatim folding, or None.

    Outer quote marks of the excerpt are optional, as in ``occurs_verbatim``."""
    needle = fold(excerpt).strip("\"' ")
    if not needle:
        return None
    pattern = []
    for ch in needle:
        if ch == " ":
            pattern.append(_GAP)
        elif ch == "'":
            pattern.append(_SINGLE)
        elif ch == '"':
            pattern.append(_DOUBLE)
        else:
            pattern.append(re.escape(ch))
    match = re.search("".join(pattern), unicodedata.normalize("NFC", text))
    if match is None:
        match = re.search("".join(pattern), text)
    return (match.start(), match.end()) if match else None


def snap_quote(quote: str, document_text: str) -> Span | None:
    """The document's own words for a near-verbatim ``quote``, or None (see the module doc)."""
    exact = locate(quote, document_text)
    if exact is not None:
        return Span(start=exact[0], end=exact[1], text=document_text[exact[0] : exact[1]])
    needle = loose_fold(quote).strip(" .,;:")
    hay, where = _loose_with_map(document_text)
    if len(needle) < 8 or len(hay) < len(needle) * (1 - SNAP_MAX_LENGTH_DIFF):
        return None
    found = fuzz.partial_ratio_alignment(needle, hay, score_cutoff=SNAP_MIN_SCORE)
    if found is None:
        return None
    lo, hi = found.dest_start, found.dest_end
    if abs((hi - lo) - len(needle)) > SNAP_MAX_LENGTH_DIFF * len(needle):
        return None
    start, end = where[lo], where[hi - 1] + 1
    while start > 0 and document_text[start - 1].isalnum():
        start -= 1
    while end < len(document_text) and document_text[end].isalnum():
        end += 1
    last = quote.rstrip().rstrip(_QUOTE_MARKS).rstrip()[-1:]
    if last and last in ".,;:!?" and document_text[end : end + 1] == last:
        end += 1  # the quote's own closing punctuation, which the match left out
    if abs((end - start) - len(quote)) > SNAP_MAX_LENGTH_DIFF * max(len(quote), 1) + 4:
        return None
    return Span(start=start, end=end, text=document_text[start:end])
