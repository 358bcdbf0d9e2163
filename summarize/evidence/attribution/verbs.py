"""The verb rules: a reporting verb with its subject, cue span (auxiliaries,
negation and adverbs just before it, "has also denied"; time and manner words
after it) and content; the passive "was reported by X"."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from summarize.evidence.attribution.clauses import (
    after_inner_cue,
    colon_quote,
    governed_content,
    is_object,
    prep_content,
)
from summarize.evidence.attribution.relation import Relation
from summarize.evidence.attribution.spans import (
    SOURCE_TRIM,
    minus,
    name_split_from_quote,
    quote_just_after,
    quote_just_before,
    trim_chars,
    widen_to_quotes,
)
from summarize.evidence.attribution.subjects import (
    find_subject,
    quoted_as,
    source_span,
    speaker_in_opening_phrase,
)
from summarize.evidence.cues import ALL_CUE_VERBS
from summarize.lang.verbs import COGNITION_VERBS, SPEECH_VERBS

_CUE_RIGHT_DEPS = frozenset({"npadvmod", "advmod", "punct", "prt"})
_CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
_SETTING_PREPS = frozenset({"in", "during"})
_SETTING_NOUNS = frozenset({"interview", "interviews"})
_SPEAKER_PRONOUNS = frozenset({"i", "we", "you"})


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


def _infinitive_chain(verb: Token, lemma: str) -> Token | None:
    """``verb`` itself unless it is an infinitive; for "continues to insist that"
    (a reporting infinitive with its own clause) the governing verb; else None."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return verb
    head = verb.head
    if (
        verb.dep_ == "xcomp"
        and head.tag_.startswith("VB")
        and lemma in SPEECH_VERBS | COGNITION_VERBS
        and any(c.dep_ == "ccomp" for c in verb.children)
    ):
        return head
    return None


def verb_relation(
    verb: Token, lemma: str, text: str, quotes: Sequence[tuple[int, int]]
) -> Relation | None:
    if verb.dep_ in ("amod", "aux", "auxpass", "compound") or lemma not in ALL_CUE_VERBS:
        return None
    chain = _infinitive_chain(verb, lemma)
    if chain is None:
        return None  # an infinitive ("to say") reports nothing yet
    found = find_subject(verb)
    opening: tuple[int, int] | None = None
    passive_head = quoted_as(verb) if found is None and lemma in SPEECH_VERBS else None
    if passive_head is not None:
        found = (passive_head[0], passive_head[0])
        chain = passive_head[1]  # "was quoted as saying": the cue runs from "was quoted"
    if found is None:
        passive = _passive_relation(verb, lemma, text, quotes)
        if passive is not None or lemma not in SPEECH_VERBS:
            return passive
        buried = speaker_in_opening_phrase(verb, text)
        if buried is None:
            return None
        name_token, opening = buried
        found = (name_token, name_token)
    subject, namer = found
    if subject.lower_ == "you" or (
        lemma in COGNITION_VERBS and subject.lower_ in _SPEAKER_PRONOUNS
    ):
        return None  # "you say", "I believe": a turn of phrase, not a report
    source = opening or source_span(subject, verb, text)
    cue = _cue_span(verb)
    if chain.i != verb.i:  # "continues to insist": the cue runs from the governing verb
        cue = (_cue_span(chain)[0], cue[1])
    colon = colon_quote(verb, text, quotes)
    raw = [colon] if colon is not None else governed_content(verb, lemma, subject)
    if not raw and lemma in SPEECH_VERBS:
        after = quote_just_after(verb, text, quotes)
        raw = [after] if after is not None else []
    if not raw:
        before = quote_just_before(min(source[0], cue[0]), text, quotes)
        raw = [before] if before is not None else []
    if not raw:
        prep = prep_content(verb, lemma)
        if prep is not None:
            cue, raw = (cue[0], prep[0]), [prep[1]]
    parts = [minus(widen_to_quotes(p, quotes, cue), [source, cue]) for p in raw]
    content = [p for p in parts if p is not None]
    if not content:
        return None
    content[0], source = name_split_from_quote(content[0], source, text, quotes)
    content[0] = after_inner_cue(content[0], cue, text)
    cue = _extend_cue(verb, cue, content[0][0])
    name = source if namer.i == subject.i else source_span(namer, verb, text)
    obj = colon is None and is_object(verb, content[0], text)
    return Relation(source, cue, content, lemma, verb.doc, name, object=obj)


def _passive_relation(
    verb: Token, lemma: str, text: str, quotes: Sequence[tuple[int, int]]
) -> Relation | None:
    """ "The issue was first reported by The Washington Post": the agent of a
    passive cue verb is the source, its passive subject the content; the cue runs
    through "by" when the agent follows the verb directly."""
    agents = [c for c in verb.children if c.dep_ == "agent" and c.i > verb.i]
    patients = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    if not agents or not patients:
        return None
    objects = [c for c in agents[0].children if c.dep_ == "pobj"]
    if not objects:
        return None
    by, agent = agents[0], objects[0]
    source = trim_chars(
        text, agent.left_edge.idx, agent.right_edge.idx + len(agent.right_edge.text), SOURCE_TRIM
    )
    cue = _cue_span(verb)
    if by.i == verb.i + 1:
        cue = (cue[0], by.idx + len(by.text))
    patient = patients[0]
    raw = (patient.left_edge.idx, patient.right_edge.idx + len(patient.right_edge.text))
    content = minus(widen_to_quotes(raw, quotes, cue), [source, cue])
    if content is None or source[1] <= source[0]:
        return None
    return Relation(source, cue, [content], lemma, verb.doc, source)


def _extend_cue(verb: Token, cue: tuple[int, int], content_start: int) -> tuple[int, int]:
    """Stretch the cue over the time and manner words right after the verb
    ("said Monday", "said sarcastically") and a colon before the content."""
    end = cue[1]
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and doc[i].idx >= end:
        tok = doc[i]
        if (
            tok.head.i == verb.i
            and _interview_phrase(tok)
            and not tok.idx <= content_start <= tok.right_edge.idx
        ):
            last = tok.right_edge  # "said in an interview (with CNN)": where it was said
            end, i = last.idx + len(last.text), last.i + 1
            continue
        if tok.idx >= max(content_start, end + 1):
            break
        top = tok
        while top.head.i not in (verb.i, top.i) and top.head.i > verb.i:
            top = top.head
        if tok.is_space or top.head.i != verb.i or top.dep_ not in _CUE_RIGHT_DEPS:
            break
        if tok.dep_ == "punct" and tok.text != ":":
            break
        end = tok.idx + len(tok.text)
        i += 1
    return cue[0], end


def _interview_phrase(prep: Token) -> bool:
    """ "in an interview", "during a phone interview": the setting of a reported remark,
    which PolNeAR's cue conventions keep with the verb."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ in _SETTING_PREPS
        and any(c.dep_ == "pobj" and c.lower_ in _SETTING_NOUNS for c in prep.children)
    )
