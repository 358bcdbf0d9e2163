"""Attributions marked by punctuation rather than a verb: a speaker label
before a colon at the start of a line ("WALLACE: Let's start ..."; headlines
such as "Pence: Flowers won't be at debate") and a dash byline after a quote
("\u201c...\u201d \u2015 Sonya Herridge")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.evidence.sentences import sentence_bounds
from summarize.lang.page import NOT_SPEAKER_LABELS
from summarize.lang.verbs import INVERTED_LABEL_VERBS

#: "LABEL: text" at a line start: one to four capitalised words, then a colon.
_LABEL_RE = re.compile(
    r"^[ \t]*[\"\u201c]?(?P<label>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,3}):"
    r"[ \t\u00a0]+(?P<content>\S[^\n]*)",
    re.MULTILINE,
)
#: A dash and a name after a closing quote mark.
_BYLINE_RE = re.compile(
    r"[ \t]*(?P<dash>[\u2015\u2014])[ \t]*"
    r"(?P<name>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z\u00c0-\u024f][\w.'\u2019-]*){0,4})"
)


@dataclass(frozen=True)
class Marked:
    """One punctuation-marked attribution: character ranges into the text."""

    source: tuple[int, int]
    cue: tuple[int, int]
    content: tuple[int, int]


def speaker_labels(text: str) -> list[Marked]:
    """``LABEL: content`` lines.

    A label that opens the text and is its only one (:func:`opening_label`) is a
    headline ("Dem Report: NRA Was 'Foreign Asset' for Russia. The National Rifle
    Association ..."), not a transcript line: its content ends with its first
    sentence, or, when the loader glued the body to it, it would run over the
    whole first paragraph and hide every relation reported there."""
    out = []
    first_line_end = text.find("\n", len(text) - len(text.lstrip()))
    if first_line_end < 0:
        first_line_end = len(text)
    for match in _LABEL_RE.finditer(text):
        label = match.group("label")
        if label.split()[0].lower() in NOT_SPEAKER_LABELS or label.endswith("."):
            continue
        start, end = match.span("content")
        content = text[start:end].rstrip()
        if content.endswith(("\u201d", '"')) and not content.startswith(("\u201c", '"')):
            content = content[:-1].rstrip()
        colon = match.end("label")
        label_start, label_end = match.span("label")
        verb, _, name = label.partition(" ")
        if verb.lower() in INVERTED_LABEL_VERBS and name:  # "Said Ellis: ..." names Ellis
            source = (label_start + len(verb) + 1, label_end)
            out.append(
                Marked(
                    source, (label_start, label_start + len(verb)), (start, start + len(content))
                )
            )
            continue
        out.append(
            Marked((label_start, label_end), (colon, colon + 1), (start, start + len(content)))
        )
    if len(out) == 1 and out[0].source[0] < first_line_end:
        start, end = out[0].content
        end = min(end, next(e for s, e in sentence_bounds(text) if e > start))
        return [Marked(out[0].source, out[0].cue, (start, end))]
    return out


def opening_label(text: str) -> Marked | None:
    """The "Name: headline" label that opens ``text`` when it is the text's only
    label: a headline naming the story's subject, not that person's words."""
    labels = speaker_labels(text)
    if len(labels) != 1:
        return None
    first_line_end = text.find("\n", len(text) - len(text.lstrip()))
    return labels[0] if first_line_end < 0 or labels[0].source[0] < first_line_end else None


def dash_bylines(text: str, quotes: Sequence[tuple[int, int]]) -> list[Marked]:
    """``"quote" \u2015 Name`` bylines."""
    out = []
    for q_start, q_end in quotes:
        match = _BYLINE_RE.match(text, q_end)
        if match is None:
            continue
        name_start, name_end = match.span("name")
        while name_end > name_start and text[name_end - 1] in ".,":
            name_end -= 1
        out.append(Marked((name_start, name_end), match.span("dash"), (q_start, q_end)))
    return out
