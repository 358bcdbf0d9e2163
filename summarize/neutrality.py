"""Loaded language in the narrator's voice.

Text inside quotation marks (straight or curly, single or double) is the
source's voice; everything else is the narrator's. A loaded term found in the
narrator's voice is a neutrality failure; the same term quoted is not."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from summarize.resources import package_data

_OPEN_DOUBLE = "\u201c\u201e\u00ab"
_CLOSE_DOUBLE = "\u201d\u00bb"
_SINGLE = "'\u2018\u2019\u201a\u2039\u203a"


@dataclass(frozen=True)
class LoadedHit:
    """One loaded term found in the narrator's voice."""

    term: str
    category: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Lexicon:
    """Loaded terms by category; ``terms`` maps each lower-cased term to its category.

    ``exceptions`` are fixed expressions in which a listed term is not loaded
    (names such as "Homeland Security", idioms such as "claimed responsibility");
    a hit that lies inside one is not reported."""

    version: str
    terms: dict[str, str]
    exceptions: tuple[str, ...] = ()

    def with_extra(self, extra: Iterable[str], category: str = "event_specific") -> Lexicon:
        merged = dict(self.terms)
        for term in extra:
            if term.strip():
                merged.setdefault(term.strip().lower(), category)
        return Lexicon(self.version, merged, self.exceptions)


@cache
def load_lexicon() -> Lexicon:
    """The project's own loaded-language lexicon (``summarize/data/loaded_lexicon.json``)."""
    data = json.loads(package_data("loaded_lexicon.json").read_text(encoding="utf-8"))
    terms: dict[str, str] = {}
    for category, entries in data["categories"].items():
        for entry in entries:
            terms.setdefault(entry.lower(), category)
    exceptions = tuple(str(e) for e in data.get("exceptions", []))
    return Lexicon(str(data["version"]), terms, exceptions)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` that lie inside quotation marks.

    Double quotes pair up in order; a straight ``"`` toggles. A single quote
    opens only at the start of a word (after space or an opening bracket) and
    closes only at the end of one, so apostrophes (Armenia's, don't) are not
    taken for quotes. An unclosed double quote runs to the end of its paragraph
    (excerpts are often cut mid-quote); an unclosed single quote was an
    apostrophe after all ('90s, 'em, rock 'n' roll) and quotes nothing."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    open_kind = ""
    n = len(text)
    apostrophes: set[int] = set()
    i = 0
    while i <= n:
        ch = text[i] if i < n else "\n"
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else "\n"
        if open_at is None:
            if i == n:
                break
            if ch == '"' or ch in _OPEN_DOUBLE:
                open_at, open_kind = i, "double"
            elif (
                ch in _SINGLE
                and i not in apostrophes
                and (prev.isspace() or prev in "([{-\u2014")
                and not nxt.isspace()
            ):
                open_at, open_kind = i, "single"
        elif i == n or (ch == "\n" and nxt == "\n"):
            if open_kind == "single":
                # never closed: it was an apostrophe; scan again from just after it
                apostrophes.add(open_at)
                i, open_at = open_at + 1, None
                continue
            spans.append((open_at, i))
            open_at = None
        elif (open_kind == "double" and (ch == '"' or ch in _CLOSE_DOUBLE)) or (
            open_kind == "single" and ch in _SINGLE and not prev.isspace() and not nxt.isalnum()
        ):
            spans.append((open_at, i + 1))
            open_at = None
        i += 1
    return spans


@cache
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(terms, key=len, reverse=True)
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:s|es)?(?![\w-])", re.IGNORECASE)


def find_loaded(
    text: str, extra_terms: Iterable[str] = (), *, quoted_ok: bool = True
) -> list[LoadedHit]:
    """Loaded terms in ``text``; with ``quoted_ok`` (default), only those outside quotes."""
    lexicon = load_lexicon().with_extra(extra_terms)
    if not lexicon.terms or not text:
        return []
    spans = quoted_spans(text) if quoted_ok else []
    if lexicon.exceptions:
        spans += [m.span() for m in _pattern(tuple(sorted(lexicon.exceptions))).finditer(text)]
    hits: list[LoadedHit] = []
    for match in _pattern(tuple(sorted(lexicon.terms))).finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        found = re.sub(r"\s+", " ", match.group(0)).lower()
        term = found if found in lexicon.terms else _strip_plural(found, lexicon.terms)
        hits.append(
            LoadedHit(
                term,
                lexicon.terms.get(term, "event_specific"),
                match.start(),
                match.end(),
                match.group(0),
            )
        )
    return hits


def _strip_plural(found: str, terms: dict[str, str]) -> str:
    for suffix in ("es", "s"):
        if found.endswith(suffix) and found[: -len(suffix)] in terms:
            return found[: -len(suffix)]
    return found


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:['\u2019]\w+)?", text))
