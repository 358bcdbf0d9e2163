"""Line layout of an article: which line breaks end a paragraph (or headline)
and which only wrap a sentence that goes on."""

from __future__ import annotations

import bisect
import re

from summarize.evidence.cues import form_table
from summarize.evidence.quotes import quote_regions
from summarize.evidence.sentences import sentence_bounds
from summarize.lang.function_words import DETERMINERS
from summarize.lang.verbs import FROM_SOURCE_NOUNS, NOUN_LIKE_CUE_FORMS

_WORD_RE = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?")
_NEWLINE_RE = re.compile(r"[ \t]*\n[ \t]*")
_TERMINAL = frozenset('.!?:;"\u201d\u2019)]')
#: Share of line breaks followed by a lower-case word above which a text is hard-wrapped.
_WRAPPED_SHARE = 0.2


def _joins(text: str) -> list[tuple[int, int, bool, bool]]:
    """``(start, end, ends_sentence, next_is_lower)`` for every single line break."""
    out = []
    for match in _NEWLINE_RE.finditer(text):
        start, end = match.span()
        if (end < len(text) and text[end] == "\n") or (start > 0 and text[start - 1] == "\n"):
            continue
        before = text[start - 1] if start > 0 else "."
        after = text[end] if end < len(text) else "A"
        out.append((start, end, before in _TERMINAL, after.islower() or after.isdigit()))
    return out


def unwrap(text: str) -> str:
    """``text`` with wrapping line breaks replaced by spaces (same length, same offsets).

    A break followed by a lower-case word always wraps. In a hard-wrapped text
    (many such breaks) every break that does not follow sentence-final
    punctuation wraps too; elsewhere such a break ends a headline or a list item."""
    text = text.replace("\r", " ")
    joins = _joins(text)
    if not joins:
        return text
    wrapped = sum(lower for *_, lower in joins) / len(joins) >= _WRAPPED_SHARE
    chars = list(text)
    for start, end, terminal, lower in joins:
        if lower or (wrapped and not terminal):
            for i in range(start, end):
                chars[i] = " "
    return "".join(chars)


def _may_attribute(sentence: str, cue_forms: dict[str, str]) -> bool:
    previous = ""
    previous_end = 0
    words = [m.group(0).lower() for m in _WORD_RE.finditer(sentence)]
    if "from" in words and not FROM_SOURCE_NOUNS.isdisjoint(words):
        return True  # "vows of retaliation from the militants"
    for match in _WORD_RE.finditer(sentence):
        lowered = match.group(0).lower()
        if not sentence[previous_end : match.start()].isspace():
            previous = ""  # punctuation between: '"No," said X' is no determiner
        if lowered == "according" or (
            lowered in cue_forms
            and lowered not in NOUN_LIKE_CUE_FORMS
            and previous not in DETERMINERS  # "the report", "a claim": a noun
        ):
            return True
        previous, previous_end = lowered, match.end()
    return False


def parse_view(text: str) -> str:
    """What the parser is given: :func:`unwrap`-ed text in which every sentence
    without a cue word is blanked out with spaces. Same length, same offsets;
    the parser's cost is per token, and most sentences attribute nothing."""
    text = unwrap(text)
    cue_forms = form_table()
    bounds = sentence_bounds(text)
    keep = [_may_attribute(text[start:end], cue_forms) for start, end in bounds]
    _keep_whole_quotes(bounds, keep, quote_regions(text))
    chars = list(text)
    for (start, end), kept in zip(bounds, keep, strict=True):
        if not kept:
            for i in range(start, end):
                if not chars[i].isspace():
                    chars[i] = " "
    return "".join(chars)


def _keep_whole_quotes(
    bounds: list[tuple[int, int]], keep: list[bool], quotes: list[tuple[int, int]]
) -> None:
    """Keep every sentence of a quotation one kept sentence reaches into: the
    parser must see the opening mark of '"A. B," said X', or it takes "B" for
    the speaker's subject and finds no quote."""
    starts = [s for s, _ in bounds]  # sentences in text order: the ones a quote
    ends = [e for _, e in bounds]  # overlaps are a run, found by binary search
    for q_start, q_end in quotes:
        lo, hi = bisect.bisect_right(ends, q_start), bisect.bisect_left(starts, q_end)
        inside = [i for i in range(lo, hi) if bounds[i][0] < q_end and q_start < bounds[i][1]]
        if len(inside) > 1 and any(keep[i] for i in inside):
            for i in inside:
                keep[i] = True
