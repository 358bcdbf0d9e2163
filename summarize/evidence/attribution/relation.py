"""The record every rule returns: one attribution relation as character
ranges into the article text, before speakers are resolved."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass
class Relation:
    """``source``, ``cue`` and each ``content`` piece are (start, end) offsets into
    the article text; ``name`` is the range that names the speaker (it differs from
    ``source`` for "Smith, who said ..."); ``lemma`` is the cue's lemma."""

    source: tuple[int, int]
    cue: tuple[int, int]
    content: list[tuple[int, int]]
    lemma: str
    doc: Doc
    name: tuple[int, int]
    marked: bool = False  # found by punctuation: the source is a bare name
    object: bool = False  # the content is the cue verb's object, not a clause or a quote
