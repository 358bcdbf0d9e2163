"""The noun rules: "Trump's claim that X", the possessor the source and the
that-clause the content; "vows of retaliation from the militants", the object
of "from" the source and the object of "of" (or the that-clause) the content."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from summarize.evidence.attribution.relation import Relation
from summarize.evidence.attribution.spans import SOURCE_TRIM, trim_chars, widen_to_quotes
from summarize.lang.function_words import UNNAMED_POSSESSORS
from summarize.lang.verbs import FROM_SOURCE_NOUNS, NOUN_CUES


def noun_relation(noun: Token, text: str, quotes: Sequence[tuple[int, int]]) -> Relation | None:
    """ "Trump's claim that X": the possessor is the source, the that-clause the content."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c.i < noun.i]
    if not owners and noun.lower_ in FROM_SOURCE_NOUNS:
        return _from_relation(noun, text, quotes)
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


def _that_clause(noun: Token) -> Token | None:
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in child.children
        ):
            return child
    return None


def _from_phrase(noun: Token, content: Token) -> Token | None:
    """The "from" phrase naming the speaker: on the noun, on the verb the noun
    is the object of ("drew criticism from X"), or closing the content phrase
    (the parser hangs "protests of a violation from the military" on "violation")."""
    candidates = list(noun.rights)
    if noun.dep_ == "dobj":
        candidates += [c for c in noun.head.rights if c.i > noun.i]
    candidates += [c for c in content.rights if c.right_edge.i == content.right_edge.i]
    for prep in candidates:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "from"
            and prep.i > noun.i
            and any(c.dep_ == "pobj" for c in prep.children)
        ):
            return prep
    return None


def _from_relation(noun: Token, text: str, quotes: Sequence[tuple[int, int]]) -> Relation | None:
    """ "vows of retaliation from the militants", "a warning from the CDC that X"."""
    clause = _that_clause(noun)
    ofs = [c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"]
    objects = [o for c in ofs[:1] for o in c.children if o.dep_ == "pobj"]
    head = clause if clause is not None else (objects[0] if objects else None)
    if head is None or (clause is None and ofs[0].i != noun.i + 1):
        return None
    prep = _from_phrase(noun, head)
    if prep is None:
        return None
    speaker = next(c for c in prep.children if c.dep_ == "pobj")
    joined = [c.i for c in speaker.rights if c.dep_ in ("cc", "conj")]
    last = speaker.doc[min(joined) - 1] if joined else speaker.right_edge
    source = trim_chars(text, speaker.left_edge.idx, last.idx + len(last.text), SOURCE_TRIM)
    tokens = [t for t in head.subtree if not prep.i <= t.i <= prep.right_edge.i]
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    if head.i < prep.i < tokens[-1].i:
        return None  # the "from" phrase sits inside the content: no clean span
    cue = (noun.idx, noun.idx + len(noun.text))
    content = widen_to_quotes(trim_chars(text, start, end), quotes, cue)
    if content[1] <= content[0] or source[1] <= source[0]:
        return None
    lemma = NOUN_CUES[noun.lower_]
    return Relation(source, cue, [content], lemma, noun.doc, source, object=clause is None)
