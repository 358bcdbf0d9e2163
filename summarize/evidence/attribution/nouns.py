"""The noun rule: "Trump's claim that X", the possessor the source and the
that-clause the content."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from summarize.evidence.attribution.relation import Relation
from summarize.evidence.attribution.spans import SOURCE_TRIM, trim_chars, widen_to_quotes
from summarize.lang.function_words import UNNAMED_POSSESSORS
from summarize.lang.verbs import NOUN_CUES


def noun_relation(noun: Token, text: str, quotes: Sequence[tuple[int, int]]) -> Relation | None:
    """ "Trump's claim that X": the possessor is the source, the that-clause the content."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c.i < noun.i]
    if not owners or owners[0].lower_ in UNNAMED_POSSESSORS:
        return None
    owner = owners[0]
    cue = (noun.idx, noun.idx + len(noun.text))
    content: tuple[int, int] | None = None
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            content = (child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text))
            break
    if content is None:
        return None
    start, end = owner.left_edge.idx, owner.right_edge.idx + len(owner.right_edge.text)
    source = trim_chars(text, start, end, SOURCE_TRIM)
    lemma = NOUN_CUES[noun.lower_]
    content = widen_to_quotes(content, quotes, cue)
    return Relation(source, cue, [content], lemma, noun.doc, source)
