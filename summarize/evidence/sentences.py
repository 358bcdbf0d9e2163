"""Sentence splitting with stable ids and offsets into the article text.

A rule splitter, no model: a sentence ends at ``.``, ``!`` or ``?`` (with any
closing quote marks or brackets) when the next word starts a new sentence,
and at every line break. Titles and initials ("Mr.", "Sen.", "U.S.", "J.")
do not end a sentence, and neither does a full stop inside a quotation that
closes later on the same line (``He said: "We will fight. We will win." Then``
is one sentence up to ``win."``), so a quotation is never split: copies of it
are compared whole, and its speaker stays in the sentence that quotes them."""

from __future__ import annotations

import re

from summarize.evidence.types import Sentence
from summarize.lang.abbreviations import ABBREVIATIONS
from summarize.models import Article

_END_RE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]*[A-Z0-9])|\n")
#: Dotted initials ("G.K", "J.R.R"; the final dot is stripped before matching).
_INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` ends an abbreviation ("Sept.", "U.S.", "J.")."""
    match = _WORD_BEFORE_RE.search(text, max(0, dot - 12), dot)
    if match is None:
        return False
    word = match.group(1).lower().rstrip(".")
    return len(word) == 1 or word in ABBREVIATIONS or _INITIALS_RE.fullmatch(word) is not None


def inside_quotation(text: str, line_start: int, at: int) -> bool:
    """True when ``at`` lies inside a double quotation opened after ``line_start``
    that closes later on the same line (an unclosed mark quotes nothing; a
    straight mark right after a letter or digit opens nothing)."""
    open_quote = False
    previous = " "
    for ch in text[line_start:at]:
        if ch == "\u201c":
            open_quote = True
        elif ch == "\u201d":
            open_quote = False
        elif ch == '"':  # opens only after a space or bracket: 5" is inches
            open_quote = False if open_quote else not previous.isalnum()
        previous = ch
    if not open_quote:
        return False
    line_end = text.find("\n", at)
    rest = text[at : len(text) if line_end < 0 else line_end]
    return "\u201d" in rest or '"' in rest


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``, white space trimmed."""
    bounds: list[tuple[int, int]] = []
    start = 0
    line_start = 0
    for match in _END_RE.finditer(text):
        if match.group(0) == "\n":
            line_start = match.end()
        elif is_abbreviation(text, match.start()) or inside_quotation(
            text, line_start, match.end()
        ):
            continue
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return trim_spans(text, bounds)


def trim_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with white space trimmed from both ends; spans left empty are dropped."""
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def document_alias(index: int) -> str:
    """The short name of the ``index``-th document (from 1) of a folder: ``d2``."""
    return f"d{index}"


def sentence_id(index: int, n: int) -> str:
    """The id of sentence ``n`` (from 1) of the ``index``-th document: ``d2.s14``."""
    return f"{document_alias(index)}.s{n}"


def split_sentences(article: Article, index: int = 1) -> list[Sentence]:
    """Sentences of ``article``, the ``index``-th document (from 1) of its folder, in
    order; ids are ``d<index>.s<n>`` with n from 1 (see :func:`sentence_id`)."""
    return [
        Sentence(
            id=sentence_id(index, n),
            document=article.id,
            start=start,
            end=end,
            text=article.text[start:end],
        )
        for n, (start, end) in enumerate(sentence_bounds(article.text), start=1)
    ]
