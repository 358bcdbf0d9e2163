"""Snap a quote a model gives to the exact span of the source it copies.

A model that copies a passage changes small things: curly quotes become
straight ones, an en dash a hyphen, ``...`` an ellipsis, a capital letter a
small one, a word is misspelt, outer quote marks come or go. The quote is
accepted when, after folding those (:func:`normalise`), it occurs in the
source exactly, or when rapidfuzz finds an alignment scoring at least
:data:`MIN_SCORE` in which every word that differs is a spelling variant of
its counterpart (character similarity at least :data:`MIN_WORD_SCORE`,
never a number, never a negation, same word count). Anything else (another
number, "admitted" for "denied", a dropped "not", a paraphrase) is not
snapped and the caller drops the quote. A quote with an ellipsis is snapped
piece by piece; the span then runs from the first piece to the last.

The span returned indexes the original ``text``; ``text[start:end]`` is what
the record carries, so evidence is verbatim by construction.

:func:`summarize.grounding.snap_quote` gives the same span as a ``Span``; the
llm engine and the verifier's benchmark both snap through here.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from summarize.lang.function_words import NEGATION_WORDS

#: Minimum rapidfuzz ``ratio`` (0-100) between the folded quote and the folded
#: source window it aligns with.
MIN_SCORE = 90.0
#: Minimum ``ratio`` between a differing word and its counterpart (a misspelling).
MIN_WORD_SCORE = 75.0

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200b": "",
        "\u00ad": "",
        "\u2060": "",
        "\ufeff": "",
    }
)
_ELLIPSIS_RE = re.compile(r"\s*(?:\.\s?\.\s?\.|\u2026)\s*")
_WORD_RE = re.compile(r"\w+(?:'\w+)?")
_EDGE = " \"'-.,;:"
_QUOTE_EDGE = " \"'"


def normalise(text: str) -> tuple[str, list[int]]:
    """``text`` folded (quote marks, dashes, invisible characters, case, white space
    runs to one space) and, for each folded character, its offset in ``text``."""
    out: list[str] = []
    where: list[int] = []
    previous_space = True
    for i, ch in enumerate(text):
        folded = ch.translate(_FOLD)
        if not folded:
            continue
        if folded.isspace():
            if previous_space:
                continue
            folded, previous_space = " ", True
        else:
            previous_space = False
        for c in folded.casefold():
            out.append(c)
            where.append(i)
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def _is_number(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _words_agree(quote: str, window: str) -> bool:
    """True when ``quote`` and ``window`` differ only by misspelt words."""
    a, b = _WORD_RE.findall(quote), _WORD_RE.findall(window)
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if _is_number(x) or _is_number(y) or x in NEGATION_WORDS or y in NEGATION_WORDS:
            return False
        if x.endswith("n't") != y.endswith("n't"):
            return False
        if fuzz.ratio(x, y) < MIN_WORD_SCORE:
            return False
    return True


def _widen(norm: str, start: int, end: int) -> tuple[int, int]:
    """Extend an alignment to whole words (rapidfuzz may cut a word)."""
    while start > 0 and norm[start - 1].isalnum() and norm[start].isalnum():
        start -= 1
    while end < len(norm) and norm[end - 1].isalnum() and norm[end].isalnum():
        end += 1
    return start, end


def _snap_piece(piece: str, norm: str, lo: int) -> tuple[int, int] | None:
    """Span (in ``norm``, searching from ``lo``) of one ellipsis-free piece."""
    for candidate in (piece, piece.strip(_EDGE)):
        at = norm.find(candidate, lo) if candidate else -1
        if at >= 0:
            return at, at + len(candidate)
    piece = piece.strip(_EDGE)
    if len(piece) < 12:
        return None  # too short to tell a misspelling from another word
    found = fuzz.partial_ratio_alignment(piece, norm[lo:], score_cutoff=MIN_SCORE)
    if found is None:
        return None
    start, end = _widen(norm, lo + found.dest_start, lo + found.dest_end)
    window = norm[start:end]
    if fuzz.ratio(piece, window) < MIN_SCORE or not _words_agree(piece, window):
        return None
    return start, end


def snap_offsets(quote: str, text: str) -> tuple[int, int] | None:
    """The ``(start, end)`` of ``text`` that ``quote`` copies, or ``None``."""
    norm_quote, _ = normalise(quote)
    pieces = [p.strip(_QUOTE_EDGE) for p in _ELLIPSIS_RE.split(norm_quote)]
    pieces = [p for p in pieces if p.strip(_EDGE)]
    if not pieces:
        return None
    norm, where = normalise(text)
    spans: list[tuple[int, int]] = []
    lo = 0
    for piece in pieces:
        span = _snap_piece(piece, norm, lo)
        if span is None:
            return None
        spans.append(span)
        lo = span[1]
    start, end = spans[0][0], spans[-1][1]
    return where[start], where[end - 1] + 1
