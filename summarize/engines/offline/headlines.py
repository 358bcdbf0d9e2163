"""Where an article's headline ends, so that nothing in it is taken for speech.

A headline is the article's opening when that opening is
- the article's ``title`` (metadata), or
- a first line without final punctuation, followed by a blank line or by a
  paragraph ("Sir David Amess: Conservative MP stabbed to death" then the
  body; a hard-wrapped first line, followed by another short unfinished line,
  is not one), or
- a first sentence in title case ("Death Toll Soars: 50+ Killed, 400+ Wounded
  in Las Vegas Shooting."), which is how headlines read when glued to the body, or
- a first sentence opening with the text's only "Name:" label ("Sir David Amess:
  Conservative MP stabbed to death. The Conservative MP ..."), in any case.

"Name: words" in a headline is the subject of the story, not a transcript line."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarize.evidence.markers import opening_label
from summarize.evidence.types import Sentence
from summarize.lang.function_words import TITLE_CASE_MINOR_WORDS
from summarize.models import Article

_FINAL_PUNCT = ".!?\"'\u201d\u2019)\u2026"
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*")
MIN_TITLE_CASE_WORDS = 4
TITLE_CASE_SHARE = 0.8
WRAPPED_LINE_CHARS = 100


def _title_case(text: str) -> bool:
    words = [w for w in _WORD_RE.findall(text) if w.lower() not in TITLE_CASE_MINOR_WORDS]
    if len(words) < MIN_TITLE_CASE_WORDS:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised >= TITLE_CASE_SHARE * len(words)


def _paragraph_follows(text: str, newline: int) -> bool:
    """After the line break at ``newline``: a blank line, or a whole paragraph (a line
    that ends a sentence or is longer than a wrapped line), not a wrapped line."""
    rest = text[newline + 1 :]
    if not rest.strip() or rest.lstrip(" \t").startswith(("\n", "\r")):
        return True
    end = rest.find("\n")
    line = (rest if end < 0 else rest[:end]).rstrip()
    return len(line) > WRAPPED_LINE_CHARS or (bool(line) and line[-1] in _FINAL_PUNCT)


def headline_end(article: Article, sentences: Sequence[Sentence]) -> int:
    """Offset where the article's headline ends in its text (0: no headline)."""
    text = article.text
    lead = len(text) - len(text.lstrip())
    title = (article.title or "").strip()
    if title and text[lead:].startswith(title):
        return lead + len(title)
    newline = text.find("\n", lead)
    if newline > lead:
        line = text[lead:newline].rstrip()
        if line and line[-1] not in _FINAL_PUNCT and _paragraph_follows(text, newline):
            return newline
    first = next((s for s in sentences if s.end > lead), None)
    if first is not None and (_title_case(first.text) or opening_label(text) is not None):
        return first.end
    return 0
