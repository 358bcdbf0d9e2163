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

import re
import unicodedata

from summarize.evidence.types import Span
from summarize.snapping import snap_offsets
from summarize.textnorm import fold

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
    """The document's own words for a near-verbatim ``quote``, or None: the span
    :func:`summarize.snapping.snap_offsets` finds (one snapping rule for the whole
    project: case, quote marks, dashes, ellipses and misspelt words are forgiven, a
    changed number or negation never)."""
    found = snap_offsets(quote, document_text)
    if found is None:
        return None
    start, end = found
    return Span(start=start, end=end, text=document_text[start:end])
