"""Attribution extraction: (source, cue, content) relations with offsets.

Rules over a spaCy dependency parse. A cue is a reporting verb from
:mod:`summarize.evidence.cues` (with its auxiliaries, negation and adverbs
just before it, "has also denied") or the phrase "according to". Its source
is the verb's subject (inherited from the governing verb for "..., adding
that ..."); its content the clause it governs (or the direct object for verbs
such as "denied"), widened to the whole quotation when the clause lies inside
one, so multi-sentence quotes before "..., he said" are kept whole. A quote
that is split by its cue ("A," he said, "B.") gets both pieces. Pronoun and
surname-only sources are resolved to the last named source before them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from summarize.evidence.cues import (
    ALL_CUE_VERBS,
    CLAUSE_ONLY_VERBS,
    OBJECT_VERBS,
    XCOMP_VERBS,
    cue_lemma,
)
from summarize.evidence.layout import unwrap
from summarize.evidence.nlp import load_nlp
from summarize.evidence.quotes import quote_regions
from summarize.evidence.sentences import split_sentences
from summarize.evidence.speakers import FIRST_PERSON, Speaker, SpeakerMemory, describe_source
from summarize.evidence.types import Attribution, Span
from summarize.models import Article

_SUBJECT_DEPS = frozenset({"nsubj"})
_CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp"})
_RELATIVE = frozenset({"who", "which", "that"})
_OPEN_MARKS = '"\u201c\u201e'
_TRIM = " \t\r\n,.;:\u2013\u2014-"
_SOURCE_TRIM = _TRIM + "\"'\u201c\u201d\u2018\u2019()"
_SPLIT_GAP_RE = re.compile(r"^[\s,;:]*$")


@dataclass
class _Relation:
    source: tuple[int, int]
    cue: tuple[int, int]
    content: list[tuple[int, int]]
    lemma: str
    subject: Token


def extract_attributions(article: Article) -> list[Attribution]:
    """Every attribution relation in ``article``, in text order."""
    return extract_many([article])[0]


def extract_many(
    articles: Sequence[Article], *, batch_size: int = 8, n_process: int = 1
) -> list[list[Attribution]]:
    """:func:`extract_attributions` for many articles, parsed in batches
    (``n_process > 1`` parses in worker processes)."""
    nlp = load_nlp()
    texts = (unwrap(a.text) for a in articles)
    docs = nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
    return [attributions_from_doc(a, d) for a, d in zip(articles, docs, strict=True)]


def attributions_from_doc(article: Article, doc: Doc) -> list[Attribution]:
    """Attribution relations of ``article`` given its parse ``doc`` (of ``unwrap(text)``)."""
    text = article.text
    quotes = quote_regions(text)
    relations: list[_Relation] = []
    for tok in doc:
        rel = _according_to(tok, text) if tok.lower_ == "according" else None
        if rel is None and tok.tag_.startswith("VB"):
            lemma = cue_lemma(tok.text)
            if lemma is not None:
                rel = _verb_relation(tok, lemma, text, quotes)
        if rel is not None:
            relations.append(rel)
    relations = _dedupe(relations)
    _join_split_quotes(relations, text, quotes)
    return _finish(article, relations)


# --- finding relations -----------------------------------------------------------------


def _subject(verb: Token) -> Token | None:
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS:
                if child.lower_ in _RELATIVE and current.dep_ == "relcl":
                    return current.head
                return child
        if current.dep_ == "relcl" and current.head.i < current.i:
            return current.head
        if current.dep_ not in _INHERIT_DEPS or current.head is current:
            return None
        current = current.head
    return None


def _source_span(subject: Token) -> tuple[int, int]:
    """The subject's phrase, less any relative clause (which may hold the cue itself)."""
    cut = [c for c in subject.children if c.dep_ == "relcl"]
    tokens = [t for t in subject.subtree if not any(_within(t, c) for c in cut)]
    tokens = [t for t in tokens if t.i <= subject.i or not cut or t.i < cut[0].left_edge.i]
    first, last = tokens[0], tokens[-1]
    return _trim_chars(subject.doc.text, first.idx, last.idx + len(last.text), _SOURCE_TRIM)


def _cue_span(verb: Token) -> tuple[int, int]:
    doc = verb.doc
    start = verb.i
    left = sorted((c for c in verb.children if c.i < verb.i), key=lambda c: -c.i)
    for child in left:
        if child.i == start - 1 and child.dep_ in _CUE_LEFT_DEPS:
            start = child.i
        else:
            break
    end = verb.i
    for child in verb.children:
        if child.dep_ == "prt" and child.i == end + 1:
            end = child.i
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def _subtree_span(tok: Token, exclude: Token | None = None) -> tuple[int, int]:
    tokens = [t for t in tok.subtree if exclude is None or not _within(t, exclude)]
    first, last = min(tokens, key=lambda t: t.i), max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _within(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i


def _content(verb: Token, lemma: str) -> list[tuple[int, int]]:
    """The governed clause(s): one span per side of the verb (a split quote has two)."""
    kinds = {"ccomp"}
    if lemma in OBJECT_VERBS:
        kinds.add("dobj")
    if lemma in XCOMP_VERBS:
        kinds |= {"xcomp", "dobj"}
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses and lemma not in CLAUSE_ONLY_VERBS:
        clauses = [c for c in verb.children if c.dep_ in kinds and c.i > verb.i]
    if not clauses:
        head = verb.head
        if head.i < verb.i and verb.dep_ == "ccomp" and cue_lemma(head.text) is not None:
            # "<clause>, said the prosecutors said": the doubled cue's clause
            clauses = [c for c in head.children if c.dep_ == "ccomp" and c.i < head.i]
        elif _reported_before(verb):
            return [_subtree_span(head, exclude=verb)]
    if not clauses:
        return []
    parts = []
    for side in ([c for c in clauses if c.i < verb.i], [c for c in clauses if c.i > verb.i]):
        if side:
            first = min(side, key=lambda c: c.left_edge.i)
            last = max(side, key=lambda c: c.right_edge.i)
            parts.append((first.left_edge.idx, last.right_edge.idx + len(last.right_edge.text)))
    return parts


def _reported_before(verb: Token) -> bool:
    """True for "<clause>, X said" parsed with "said" hanging off the clause."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "ccomp") or not head.i < verb.i < len(verb.doc):
        return False
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return before is not None and before.text in {",", "\u201d", '"'} and head.tag_.startswith("VB")


def _widen_to_quotes(
    span: tuple[int, int], quotes: Sequence[tuple[int, int]], cue: tuple[int, int]
) -> tuple[int, int]:
    """``span`` widened to every quotation it overlaps, except one holding the cue."""
    start, end = span
    for q_start, q_end in quotes:
        if q_start < end and start < q_end and not q_start <= cue[0] < q_end:
            start, end = min(start, q_start), max(end, q_end)
    return start, end


def _colon_quote(
    verb: Token, text: str, quotes: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    after = verb.idx + len(verb.text)
    rest = text[after : after + 4]
    if not rest.lstrip().startswith(":"):
        return None
    colon = after + rest.index(":")
    for q_start, q_end in quotes:
        if q_start > colon and not text[colon + 1 : q_start].strip():
            return q_start, q_end
    return None


def _verb_relation(
    verb: Token, lemma: str, text: str, quotes: Sequence[tuple[int, int]]
) -> _Relation | None:
    if verb.dep_ in ("amod", "aux", "auxpass", "compound") or lemma not in ALL_CUE_VERBS:
        return None
    subject = _subject(verb)
    if subject is None:
        return None
    colon = _colon_quote(verb, text, quotes)
    raw = [colon] if colon is not None else _content(verb, lemma)
    source = _source_span(subject)
    cue = _cue_span(verb)
    parts = [_minus(_widen_to_quotes(p, quotes, cue), [source, cue]) for p in raw]
    content = [p for p in parts if p is not None]
    if not content:
        return None
    return _Relation(source=source, cue=cue, content=content, lemma=lemma, subject=subject)


def _according_to(tok: Token, text: str) -> _Relation | None:
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
    source = _source_span(subject)
    cue = (tok.idx, to.idx + len(to.text))
    head = tok.head if tok.head is not tok else tok
    phrase = (tok.left_edge.i, tok.right_edge.i)
    clause = [t for t in head.subtree if not phrase[0] <= t.i <= phrase[1]]
    before = [t for t in clause if t.i < phrase[0]]
    after = [t for t in clause if t.i > phrase[1]]
    side = before if len(before) >= len(after) else after
    if not side:
        return None
    content = _trim_chars(text, side[0].idx, side[-1].idx + len(side[-1].text))
    if content[1] <= content[0]:
        return None
    return _Relation(
        source=source, cue=cue, content=[content], lemma="according to", subject=subject
    )


# --- span arithmetic -------------------------------------------------------------------


def _trim_chars(text: str, start: int, end: int, chars: str = _TRIM) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _minus(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    """``span`` less any of ``others`` that sits at its edge; None if nothing is left."""
    start, end = span
    for o_start, o_end in sorted(others):
        if o_start <= start < o_end:
            start = o_end
        elif o_start < end <= o_end:
            end = o_start
    return (start, end) if end > start else None


def _dedupe(relations: list[_Relation]) -> list[_Relation]:
    seen: dict[tuple[int, int], _Relation] = {}
    for rel in relations:
        seen.setdefault(rel.cue, rel)
    return sorted(seen.values(), key=lambda r: r.cue)


def _join_split_quotes(
    relations: list[_Relation], text: str, quotes: Sequence[tuple[int, int]]
) -> None:
    claimed = {q for q in quotes for r in relations for c in r.content if c[0] <= q[0] < c[1]}
    starts = [q[0] for q in quotes]
    for rel in relations:
        c_start, c_end = rel.content[0]
        if text[c_start] not in _OPEN_MARKS or c_end > rel.cue[0]:
            continue
        after = max(rel.cue[1], rel.source[1])
        k = bisect.bisect_left(starts, after)
        if k >= len(quotes) or quotes[k] in claimed:
            continue
        gap = text[after : quotes[k][0]]
        if _SPLIT_GAP_RE.match(gap):
            rel.content.append(quotes[k])
            claimed.add(quotes[k])


# --- output ----------------------------------------------------------------------------


def _content_span(text: str, bounds: tuple[int, int]) -> Span:
    start, end = bounds
    while start < end and text[start] in " \t\r\n":
        start += 1
    while end > start and text[end - 1] in _TRIM and not _closes_quote(text, start, end):
        end -= 1
    return Span(start=start, end=end, text=text[start:end])


def _closes_quote(text: str, start: int, end: int) -> bool:
    return text[end - 1] in '"\u201d' and end - start > 1


def _enclosing(rel: _Relation, relations: Sequence[_Relation]) -> _Relation | None:
    """The relation whose content holds ``rel``'s cue (``rel`` is reported inside it)."""
    for other in relations:
        if other is not rel and any(c[0] <= rel.cue[0] < c[1] for c in other.content):
            return other
    return None


def _finish(article: Article, relations: list[_Relation]) -> list[Attribution]:
    text = article.text
    sentences = split_sentences(article)
    sentence_starts = [s.start for s in sentences]
    memory = SpeakerMemory()
    resolved: dict[int, Speaker] = {}
    for n, rel in enumerate(relations):
        doc_span = rel.subject.doc.char_span(*rel.source, alignment_mode="expand")
        if doc_span is None or rel.source[1] <= rel.source[0]:
            continue
        outer = _enclosing(rel, relations)
        speaker = describe_source(doc_span)
        resolved[n] = memory.resolve(speaker, remember=outer is None)
    out: list[Attribution] = []
    for n, rel in enumerate(relations):
        parts = [_content_span(text, c) for c in rel.content]
        parts = [p for p in parts if p.end > p.start]
        if not parts or n not in resolved:
            continue
        speaker = resolved[n]
        outer = _enclosing(rel, relations)
        if outer is not None and speaker.name.lower() in FIRST_PERSON:
            outer_n = relations.index(outer)
            if outer_n in resolved and text[outer.content[0][0]] in _OPEN_MARKS:
                speaker = resolved[outer_n]
        source = Span(start=rel.source[0], end=rel.source[1], text=text[slice(*rel.source)])
        cue = Span(start=rel.cue[0], end=rel.cue[1], text=text[rel.cue[0] : rel.cue[1]])
        k = bisect.bisect_right(sentence_starts, cue.start) - 1
        out.append(
            Attribution(
                id=f"{article.id}:a{len(out) + 1}",
                document=article.id,
                sentence_id=sentences[k].id if k >= 0 else None,
                source=source,
                source_name=speaker.name,
                role=speaker.role,
                cue=cue,
                content=parts[0],
                direct=parts[0].text[:1] in _OPEN_MARKS,
                content_parts=parts if len(parts) > 1 else [],
                cue_lemma=rel.lemma,
                nested=outer is not None,
            )
        )
    return out
