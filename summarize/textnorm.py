"""Text folding used wherever a quote must be found verbatim in an article.

Folding is deliberately narrow: quote marks and apostrophes become straight
ones, every run of white space becomes one space, invisible characters that
scraped pages scatter inside words (zero-width space, soft hyphen, word
joiner, BOM) are dropped, and Unicode is NFC-composed.
Nothing else (case, punctuation, spelling) is forgiven, so "verbatim" keeps
its meaning."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_QUOTE_MAP = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u0060": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": "",
        "\u00ad": "",
        "\u2060": "",
        "\ufeff": "",
    }
)
_SPACE_RE = re.compile(r"\s+")


class CharMap(dict[int, str]):
    """A ``str.translate`` table for a per-character folding ``fold_char``, filled in
    as characters are met: a long text is folded in one C-level pass instead of one
    Python call per character."""

    def __init__(self, fold_char: Callable[[str], str]) -> None:
        super().__init__()
        self.fold_char = fold_char

    def __missing__(self, code: int) -> str:
        folded = self.fold_char(chr(code))
        self[code] = folded
        return folded


def fold(text: str, *, compose: bool = True) -> str:
    """Fold quote marks and white space; see the module doc.

    ``compose=False`` skips NFC composition (used as a second try, so that an
    excerpt cut between a letter and its combining accent is still found)."""
    if compose:
        text = unicodedata.normalize("NFC", text)
    return _SPACE_RE.sub(" ", text.translate(_QUOTE_MAP)).strip()


def fold_strip_quotes(text: str) -> str:
    """Fold, then drop quote marks at both ends (models often add or drop them)."""
    return fold(text).strip("\"' ")


def occurs_verbatim(excerpt: str, text: str) -> bool:
    """True when ``excerpt`` occurs in ``text`` after folding both.

    Outer quote marks on the excerpt are ignored, since an excerpt of a quoted
    passage may or may not carry them."""
    needle = fold_strip_quotes(excerpt)
    if not needle:
        return False
    if needle in _folded_document(text, True):
        return True
    raw_needle = fold(excerpt, compose=False).strip("\"' ")
    return bool(raw_needle) and raw_needle in _folded_document(text, False)


@lru_cache(maxsize=32)
def _folded_document(text: str, compose: bool) -> str:
    """:func:`fold` of a whole document, kept: every quote of every claim is looked
    up in the same few documents, and folding a long one each time made checking a
    record quadratic in its length. (A ``str`` keeps its hash, so a hit is cheap.)"""
    return fold(text, compose=compose)


def fold_casefold(text: str) -> str:
    """Fold and casefold, for name and keyword matching (not for grounding)."""
    return fold(text).casefold()
