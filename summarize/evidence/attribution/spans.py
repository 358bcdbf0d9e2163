"""Span arithmetic over the article text: trimming, taking one range out of
another, widening to quotations, and the quotations right before or after a cue."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Token

TRIM = " \t\r\n,.;:\u2013\u2014-"
SOURCE_TRIM = TRIM.replace(".", "") + "\"'\u201c\u201d\u2018\u2019"
DATELINE_RE = re.compile(r"[A-Z][A-Z .,]+ (?:--|-|\u2014|\u2013|\u2015) ")
_NAME_GAP_RE = re.compile(r"[ \t,]*(?:[A-Z][\w.'\u2019-]*[ \t]+)+")


def trim_chars(text: str, start: int, end: int, chars: str = TRIM) -> tuple[int, int]:
    while start < end and (text[start] in chars or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in chars or text[end - 1].isspace()):
        end -= 1
    return start, end


def minus(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    """``span`` less any of ``others`` that sits at its edge; None if nothing is left."""
    start, end = span
    for o_start, o_end in sorted(others):
        if o_start <= start < o_end:
            start = o_end
        elif o_start < end <= o_end:
            end = o_start
    return (start, end) if end > start else None


def within(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i


def widen_to_quotes(
    span: tuple[int, int], quotes: Sequence[tuple[int, int]], cue: tuple[int, int]
) -> tuple[int, int]:
    """``span`` widened to every quotation it overlaps, except one holding the cue.

    ``quotes`` are in text order and apart (:func:`~summarize.evidence.quotes.quote_regions`):
    those that can overlap are found by binary search, not by a pass over all of them."""
    start, end = span
    for q_start, q_end in quotes[bisect.bisect_right(quotes, start, key=_end) :]:
        if q_start >= end:  # this one and all after it start after the span
            break
        if not q_start <= cue[0] < q_end:
            start, end = min(start, q_start), max(end, q_end)
    return start, end


def quote_just_after(
    verb: Token, text: str, quotes: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """A quotation opening right after the verb and a comma ("Trump said, \u201cWhen ...")
    when the parse does not hang it on the verb."""
    after = verb.idx + len(verb.text)
    k = bisect.bisect_left(quotes, (after,))  # the first quotation from ``after`` on
    if k < len(quotes):
        q_start, q_end = quotes[k]
        return (q_start, q_end) if text[after:q_start].strip() == "," else None
    return None


def quote_just_before(
    pos: int, text: str, quotes: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """A quotation ending right before ``pos`` ("\u201cYou winning?\u201d she said").

    ``quotes`` are in text order (:func:`~summarize.evidence.quotes.quote_regions`):
    the first that ends in the run of spaces and commas before ``pos`` is found by
    binary search, not by a pass over all of them."""
    gap = min(pos, len(text))  # start of the spaces and commas before pos
    while gap > 0 and text[gap - 1] in " \t,":
        gap -= 1
    k = bisect.bisect_left(quotes, gap, key=_end)
    if k < len(quotes) and quotes[k][1] <= pos:
        return quotes[k]
    return None


def _end(quote: tuple[int, int]) -> int:
    return quote[1]


def name_split_from_quote(
    content: tuple[int, int],
    source: tuple[int, int],
    text: str,
    quotes: Sequence[tuple[int, int]],
) -> tuple[tuple[int, int], tuple[int, int]]:
    """For "\u201c...,\u201d Tulsa police Chief Chuck Jordan said" parsed with "Tulsa"
    inside the content: the quotation ends the content and capitalised words
    between it and the source belong to the source."""
    k = bisect.bisect_left(quotes, (content[0],))  # the quotation opening the content, if any
    for q_start, q_end in quotes[k : k + 1]:
        if q_start == content[0] and q_end < content[1] <= source[0]:
            gap = text[q_end : source[0]]
            if _NAME_GAP_RE.fullmatch(gap):
                words = q_end + len(gap) - len(gap.lstrip(" \t,"))
                return (q_start, q_end), (words, source[1])
    return content, source
