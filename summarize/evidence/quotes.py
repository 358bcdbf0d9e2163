"""Quotation regions of an article: spans from an opening to a closing double
quote mark within one paragraph, marks included. Straight and curly marks
(and the typewriter pair ``''...''``) are paired in order, so a quote opened
with ``"`` and closed with ``\u201d`` (common in machine-translated copy) is
still found."""

from __future__ import annotations

import re

_OPEN = frozenset(['"', "\u201c", "\u201e", "''", "``"])
_CLOSE = frozenset(['"', "\u201d", "''"])
_MARK_RE = re.compile("''|``|[\"\u201c\u201d\u201e]|\\n[ \\t]*\\n")


def quote_regions(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every double-quoted region; ``text[start]`` is the
    opening mark and ``text[end - 1]`` the closing one."""
    out: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _MARK_RE.finditer(text):
        mark = match.group(0)
        if mark[0] == "\n":  # a paragraph break ends an unclosed quote
            opened = None
            continue
        if opened is None:
            if mark in _OPEN or _misturned_opening(text, match.start(), match.end()):
                opened = match.start()
        elif mark in _CLOSE:
            out.append((opened, match.end()))
            opened = None
        else:  # a second opening mark: the first one was stray
            opened = match.start()
    return out


def _misturned_opening(text: str, start: int, end: int) -> bool:
    """A closing curly mark used to open a quote: at a line or word start, before a word."""
    before = text[start - 1] if start > 0 else "\n"
    return text[start:end] == "\u201d" and before.isspace() and text[end : end + 1].isalnum()


def word_count(text: str) -> int:
    """Number of white-space separated words."""
    return len(text.split())


def starts_quote(text: str) -> bool:
    """True if ``text`` begins with an opening double quote mark."""
    return text[:1] in ('"', "\u201c", "\u201e") or text[:2] in ("''", "``")


def ends_quote(text: str) -> bool:
    """True if ``text`` ends with a closing double quote mark."""
    return len(text) > 1 and (text[-1] in ('"', "\u201d") or text[-2:] == "''")
