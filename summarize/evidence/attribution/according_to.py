"""The "according to X" rules: the clause the phrase qualifies, read from the
parse or, where the parser went astray, from the sentence's commas."""

from __future__ import annotations

from spacy.tokens import Token

from summarize.evidence.attribution.relation import Relation
from summarize.evidence.attribution.spans import SOURCE_TRIM, trim_chars
from summarize.evidence.attribution.subjects import source_span
from summarize.lang.function_words import CLAUSE_JOINERS


def according_to(tok: Token, text: str) -> Relation | None:
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in tok.children if c.dep_ == "pobj"
    ]
    if not objects:
        return None
    subject = objects[0]
    source = source_span(subject, tok, text)
    cue = (tok.idx, to.idx + len(to.text))
    if tok.head.i == tok.i:  # parsed as the root: "According to X, Y." read from the text
        return _according_to_by_commas(tok, cue, text)
    closing = _closing_according_to(tok, subject, text)
    if closing is not None:
        return Relation(source, cue, [closing], "according to", doc, source)
    inserted = _inserted_according_to(tok, subject, text)
    if inserted is not None:
        return Relation(source, cue, inserted, "according to", doc, source)
    head = tok.head
    phrase = (tok.left_edge.i, tok.right_edge.i)
    clause = [t for t in head.subtree if not phrase[0] <= t.i <= phrase[1]]
    before = [t for t in clause if t.i < phrase[0]]
    after = [t for t in clause if t.i > phrase[1]]
    side = before if len(before) >= len(after) else after
    if not side:
        return None
    content = trim_chars(text, side[0].idx, side[-1].idx + len(side[-1].text))
    if content[1] <= content[0]:
        return None
    return Relation(source, cue, [content], "according to", doc, source)


def _closing_according_to(tok: Token, subject: Token, text: str) -> tuple[int, int] | None:
    """ "Y, according to X." closing its sentence: the content is all of Y,
    whatever clause the parser hung the phrase on."""
    sent = tok.sent
    start = sent[0].idx
    before = text[start : tok.idx].rstrip()
    if not before.endswith(","):
        return None
    last = sent[-1] if not sent[-1].is_space else sent[-2]
    if subject.right_edge.i < last.i - 1 or (last.i != subject.right_edge.i and not last.is_punct):
        return None
    content = trim_chars(text, start, start + len(before))
    return content if content[1] > content[0] else None


def _inserted_according_to(tok: Token, subject: Token, text: str) -> list[tuple[int, int]] | None:
    """ "Y1, according to X, Y2." set off by commas inside its sentence: the
    content is Y1 when it is a clause of its own and Y2 only joins another one
    ("Three houses collapsed, according to the police, and two people died"),
    otherwise both pieces ("The plan, according to officials, would cost $5bn")."""
    sent = tok.sent
    start = sent[0].idx
    before = text[start : tok.idx].rstrip()
    edge = subject.right_edge
    if not before.endswith(",") or edge.i + 1 >= sent.end or edge.nbor().text != ",":
        return None
    first = trim_chars(text, start, start + len(before))
    rest = trim_chars(text, edge.nbor().idx + 1, sent[-1].idx + len(sent[-1].text))
    if first[1] <= first[0] or rest[1] <= rest[0]:
        return None
    has_verb = any(t.tag_.startswith("VB") for t in sent if first[0] <= t.idx < first[1])
    if text[rest[0] : rest[1]].split(maxsplit=1)[0].lower() in CLAUSE_JOINERS and has_verb:
        return [first]
    return None if has_verb else [first, rest]


def _according_to_by_commas(tok: Token, cue: tuple[int, int], text: str) -> Relation | None:
    """ "According to X, Y." when the parser made "According" the sentence's root
    (and so left no clause for the content): the source runs to the first comma,
    the content is the rest of the sentence."""
    sent = tok.sent
    start, end = sent[0].idx, sent[-1].idx + len(sent[-1].text)
    if trim_chars(text, start, cue[0])[1] > start:
        return None  # only at the start of its sentence
    comma = text.find(",", cue[1], end)
    if comma < 0:
        return None
    source = trim_chars(text, cue[1], comma, SOURCE_TRIM)
    content = trim_chars(text, comma + 1, end)
    if source[1] <= source[0] or content[1] <= content[0]:
        return None
    return Relation(source, cue, [content], "according to", tok.doc, source)
