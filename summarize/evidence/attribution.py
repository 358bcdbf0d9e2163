"""Attribution extraction: (source, cue, content) relations with offsets.

Rules over a spaCy dependency parse. A cue is a reporting verb from
:mod:`summarize.evidence.cues` (with its auxiliaries, negation and adverbs
just before it, "has also denied") or the phrase "according to". Its source
is the verb's subject (inherited from the governing verb for "..., adding
that ..."); its content the clause it governs (or the direct object for verbs
such as "denied"), widened to the whole quotation when the clause lies inside
one, so multi-sentence quotes before "..., he said" are kept whole. A quote
that is split by its cue ("A," he said, "B.") gets both pieces. Pronoun and
surname-only sources are resolved to the last named source before them.

Only the attributions the article itself makes are reported. Speech reported
inside another relation's content ("Trump said Clinton once described the
deal as ...") or inside a direct quotation is part of that content: the outer
speaker's words, not the article's own attribution to the inner one."""

from __future__ import annotations

import bisect
import gc
import multiprocessing as mp
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from spacy.tokens import Doc, Token

from summarize.evidence.cues import (
    ALL_CUE_VERBS,
    CLAUSE_ONLY_VERBS,
    COGNITION_VERBS,
    NOUN_CUES,
    OBJECT_VERBS,
    PREP_VERBS,
    SPEECH_VERBS,
    XCOMP_VERBS,
    cue_lemma,
    form_table,
)
from summarize.evidence.layout import parse_view
from summarize.evidence.markers import dash_bylines, speaker_labels
from summarize.evidence.nlp import load_nlp
from summarize.evidence.quotes import ends_quote, quote_regions, starts_quote
from summarize.evidence.sentences import sentence_bounds
from summarize.evidence.speakers import Speaker, SpeakerMemory, describe_source
from summarize.evidence.types import Attribution, Span
from summarize.models import Article

_SUBJECT_DEPS = frozenset({"nsubj"})
_BLOCK_AFTER_COLON_RE = re.compile(r"[ \t]*\n\s*(\S[^\n]*)")
_POSSESSIVE_PRONOUNS_SKIPPED = frozenset({"its", "my", "our", "your"})
_ASIDE_TAIL_DEPS = frozenset({"npadvmod", "advmod", "prep", "dobj", "dative"})
_ASIDE_OPEN = frozenset({",", "\u201d", '"', "''"})
_ASIDE_CLOSE = frozenset({",", ".", "!", "?", ";"})
_OBJECT_TAIL_DEPS = frozenset({"oprd", "prep", "xcomp", "ccomp", "dative", "dobj"})
_CUE_RIGHT_DEPS = frozenset({"npadvmod", "advmod", "punct", "prt"})
_CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
_ASIDE_CLAUSE_DEPS = frozenset({"relcl", "acl"})
#: Prepositions whose gerund shares the subject of the verb they modify.
_SUBJECT_GERUND_PREPS = frozenset({"by", "before", "after", "while", "without"})
_NAME_GAP_RE = re.compile(r"[ \t,]*(?:[A-Z][\w.'\u2019-]*[ \t]+)+")
_SETTING_PREPS = frozenset({"in", "during"})
_SETTING_NOUNS = frozenset({"interview", "interviews"})
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp"})
_RELATIVE = frozenset({"who", "which", "that"})
_SPEAKER_PRONOUNS = frozenset({"i", "we", "you"})
_TRIM = " \t\r\n,.;:\u2013\u2014-"
_SOURCE_TRIM = _TRIM.replace(".", "") + "\"'\u201c\u201d\u2018\u2019"
_DATELINE_RE = re.compile(r"[A-Z][A-Z .,]+ (?:--|-|\u2014|\u2013|\u2015) ")
_CONTINUE_GAP_RE = re.compile(r"^[^\"\u201c\u201d\n]{0,80}?\n?\n?[ \t]*$")


@dataclass
class _Relation:
    source: tuple[int, int]
    cue: tuple[int, int]
    content: list[tuple[int, int]]
    lemma: str
    doc: Doc
    name: tuple[int, int]
    marked: bool = False  # found by punctuation: the source is a bare name
    object: bool = False  # the content is the cue verb's object, not a clause or a quote


def extract_attributions(article: Article) -> list[Attribution]:
    """Every attribution relation in ``article``, in text order."""
    return extract_many([article])[0]


def extract_many(
    articles: Sequence[Article], *, batch_size: int = 32, n_process: int = 1
) -> list[list[Attribution]]:
    """:func:`extract_attributions` for many articles, parsed in batches.

    ``n_process > 1`` shares the articles out to ``n_process - 1`` forked worker
    processes (where the platform can fork), which inherit the already loaded
    pipeline, and this process, which takes the first share itself."""
    nlp = load_nlp()
    if n_process > 1 and len(articles) > 1 and "fork" in mp.get_all_start_methods():
        shares = _balanced_shares([len(a.text) for a in articles], n_process)
        chunks = [[articles[i] for i in share] for share in shares]
        gc.freeze()  # the loaded pipeline is shared: no collector pass copies its pages
        try:
            with mp.get_context("fork").Pool(n_process - 1) as pool:
                rest = pool.map_async(partial(_extract_chunk, batch_size=batch_size), chunks[1:])
                parts = [_extract_chunk(chunks[0], batch_size), *rest.get()]
        finally:
            gc.unfreeze()
        out: list[list[Attribution]] = [[] for _ in articles]
        for share, part in zip(shares, parts, strict=True):
            for i, rels in zip(share, part, strict=True):
                out[i] = rels
        return out
    texts = (parse_view(a.text) for a in articles)
    docs = nlp.pipe(texts, batch_size=batch_size)
    return [attributions_from_doc(a, d) for a, d in zip(articles, docs, strict=True)]


def _balanced_shares(sizes: Sequence[int], n: int) -> list[list[int]]:
    """Indices of ``sizes`` dealt into ``n`` shares of near-equal total size
    (longest first, each to the lightest share), each share in input order:
    parse time grows with text length, so equal counts can leave one process
    idle while the other still parses."""
    shares: list[list[int]] = [[] for _ in range(n)]
    loads = [0] * n
    for i in sorted(range(len(sizes)), key=lambda k: -sizes[k]):
        lightest = loads.index(min(loads))
        shares[lightest].append(i)
        loads[lightest] += sizes[i]
    return [sorted(share) for share in shares]


def _extract_chunk(articles: list[Article], batch_size: int) -> list[list[Attribution]]:
    return extract_many(articles, batch_size=batch_size, n_process=1)


def attributions_from_doc(article: Article, doc: Doc) -> list[Attribution]:
    """Attribution relations of ``article`` given its parse ``doc`` (of ``parse_view(text)``)."""
    text = article.text
    quotes = quote_regions(text)
    relations: list[_Relation] = []
    candidates = _candidate_words()
    for tok in doc:
        if tok.lower_ not in candidates:  # most tokens: one look-up, no rule runs
            continue
        rel = _according_to(tok, text) if tok.lower_ == "according" else None
        if rel is None and tok.tag_.startswith("VB"):
            lemma = cue_lemma(tok.text)
            if lemma is not None:
                rel = _verb_relation(tok, lemma, text, quotes)
        elif rel is None and tok.tag_.startswith("NN") and tok.lower_ in NOUN_CUES:
            rel = _noun_relation(tok, text, quotes)
        if rel is not None:
            relations.append(rel)
    for mark in [*speaker_labels(text), *dash_bylines(text, quotes)]:
        relations.append(
            _Relation(mark.source, mark.cue, [mark.content], "say", doc, mark.source, marked=True)
        )
    relations = _dedupe(relations)
    _join_split_quotes(relations, text, quotes)
    return _finish(article, relations, quotes)


@lru_cache(maxsize=1)
def _candidate_words() -> frozenset[str]:
    """Lower-cased words that can head a relation: cue verb forms, cue nouns, "according"."""
    return frozenset(form_table()) | frozenset(NOUN_CUES) | {"according"}


# --- finding relations -----------------------------------------------------------------


def _subject(verb: Token) -> tuple[Token, Token] | None:
    """The verb's subject as written and the token that names the speaker
    (they differ for a relative pronoun: "Smith, who said ..." names Smith)."""
    current = verb
    for _ in range(4):
        # Two subjects: the parser took the end of a quote before '..., said X'
        # for one of them; the one after the verb is the speaker.
        subjects = [c for c in current.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            child = subjects[-1]
            if child.lower_ in _RELATIVE and current.dep_ == "relcl":
                return child, current.head
            return child, child
        if current.dep_ in ("relcl", "acl") and current.head.i < current.i:
            return current.head, current.head
        if current.dep_ not in _INHERIT_DEPS or current.head.i == current.i:
            return None
        current = current.head
        if current.dep_ == "prep" and current.lower_ in _SUBJECT_GERUND_PREPS:
            if current.head.tag_[:1] != "V":
                return None
            current = current.head  # "began by saying": the gerund's subject is the verb's
    return None


def _source_span(subject: Token, verb: Token, text: str) -> tuple[int, int]:
    """The subject's phrase, less a clause of it that holds the cue itself."""
    cut = [c for c in subject.children if _within(verb, c)] + _asides(subject)
    tokens = [t for t in subject.subtree if not any(_within(t, c) for c in cut)]
    if cut and cut[0].i > subject.i:
        tokens = [t for t in tokens if t.i < cut[0].left_edge.i]
    tokens = [t for t in tokens if not t.is_space] or [subject]
    first, last = tokens[0], tokens[-1]
    start, end = _trim_chars(text, first.idx, last.idx + len(last.text), _SOURCE_TRIM)
    dateline = _DATELINE_RE.match(text, start, end)
    if dateline is not None:
        start = dateline.end()
    phrase = text[start:end]
    if phrase.count("(") != phrase.count(")"):
        start, end = _trim_chars(text, start, end, _SOURCE_TRIM + "()")
        phrase = text[start:end]
    closing = text[end : end + 3].lstrip(" ")
    if ("," in phrase and closing.startswith(",")) or ("--" in phrase and closing[:2] == "--"):
        end = text.index(closing[:2] if closing[:2] == "--" else ",", end) + len(
            "--" if closing[:2] == "--" else ","
        )
    return start, end


def _asides(subject: Token) -> list[Token]:
    """Comma-set clauses of the subject that report something of their own
    ("Mr. Kamin, who emphasized that ..., said"; "Trump, speaking to veterans,
    said"): they are a separate attribution, not part of the speaker's name."""
    out: list[Token] = []
    for tok in subject.subtree:
        edge = tok.left_edge.i
        if tok.i <= subject.i or edge == 0 or tok.doc[edge - 1].text != ",":
            continue
        if tok.dep_ in _ASIDE_CLAUSE_DEPS and cue_lemma(tok.text) is not None:
            out.append(tok)
    return out


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


def _subtree_parts(tok: Token, exclude: Token) -> list[tuple[int, int]]:
    """``tok``'s subtree less ``exclude``'s, as one span per contiguous run."""
    parts: list[tuple[int, int]] = []
    run: list[Token] = []
    for t in tok.subtree:
        if _within(t, exclude):
            if run:
                parts.append((run[0].idx, run[-1].idx + len(run[-1].text)))
            run = []
        else:
            run.append(t)
    if run:
        parts.append((run[0].idx, run[-1].idx + len(run[-1].text)))
    return [p for p in parts if p[1] > p[0]]


def _within(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i


def _content(verb: Token, lemma: str, subject: Token) -> list[tuple[int, int]]:
    """The governed clause(s): one span per side of the verb (a split quote has two)."""
    kinds = {"ccomp"}
    if lemma in OBJECT_VERBS or lemma in SPEECH_VERBS:
        kinds.add("dobj")
    if lemma in XCOMP_VERBS:
        kinds |= {"xcomp", "dobj"}
    if lemma == "tell":  # "told reporters", "tell the truth": no content
        kinds.discard("dobj")
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses and _prep_content(verb, lemma, adjacent=True) is not None:
        return []  # "called for X": left to the preposition rule
    if not clauses and lemma not in CLAUSE_ONLY_VERBS:
        clauses = [c for c in verb.children if c.dep_ in kinds and c.i > verb.i]
    if not clauses and lemma in SPEECH_VERBS | COGNITION_VERBS:
        clauses = _misattached_that_clause(verb)
    if not clauses:
        head = verb.head
        if head.i < verb.i and verb.dep_ == "ccomp" and cue_lemma(head.text) is not None:
            # "<clause>, said the prosecutors said": the doubled cue's clause
            clauses = [c for c in head.children if c.dep_ == "ccomp" and c.i < head.i]
        else:
            return _around_aside(verb, subject)
    if not clauses:
        return []
    if all(c.dep_ != "ccomp" for c in clauses):  # an object: take what completes it too
        first_obj = min(c.i for c in clauses)
        clauses += [c for c in verb.rights if c.i > first_obj and c.dep_ in _OBJECT_TAIL_DEPS]
    parts = []
    for side in ([c for c in clauses if c.i < verb.i], [c for c in clauses if c.i > verb.i]):
        if side:
            first = min(side, key=lambda c: c.left_edge.i)
            last = max(side, key=lambda c: c.right_edge.i)
            parts.append((first.left_edge.idx, last.right_edge.idx + len(last.right_edge.text)))
    return parts


def _misattached_that_clause(verb: Token) -> list[Token]:
    """A that-clause the parser hung on a time or place phrase after the verb
    ("tweeted in the early morning hours that ...", "said Monday that ...")."""
    for child in verb.rights:
        if child.dep_ not in ("prep", "npadvmod"):
            continue
        for tok in child.subtree:
            # a complement, not a relative clause: it opens with "that" and has
            # a subject of its own ("hours that Machado was", not "hours that passed")
            if (
                tok.dep_ in ("acl", "ccomp", "relcl")
                and tok.left_edge.lower_ == "that"
                and any(c.dep_ == "nsubj" and c.lower_ != "that" for c in tok.children)
            ):
                return [tok]
    return []


def _around_aside(verb: Token, subject: Token) -> list[tuple[int, int]]:
    """For a cue set off by commas ("<A>, Smith said, <B>" or "<A>, Smith said."):
    the rest of the sentence, one span per side."""
    doc, sent = verb.doc, verb.sent
    lo = min(subject.left_edge.i, verb.i)
    hi = max(verb.i, subject.right_edge.i)
    for child in verb.rights:
        if child.i == hi + 1 and child.dep_ in _ASIDE_TAIL_DEPS:
            hi = child.right_edge.i
    if lo <= sent.start or doc[lo - 1].text not in _ASIDE_OPEN:
        return []
    after = doc[hi + 1] if hi + 1 < sent.end else None
    if after is not None and after.text not in _ASIDE_CLOSE:
        return []
    parts = [(sent[0].idx, doc[lo - 1].idx + len(doc[lo - 1].text))]
    if after is not None and after.text == "," and hi + 2 < sent.end:
        last = sent[-1]
        parts.append((doc[hi + 2].idx, last.idx + len(last.text)))
    return parts


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
    block = _BLOCK_AFTER_COLON_RE.match(text, colon + 1)
    if block is not None:  # "Limbaugh added:" and a block quotation as the next paragraph
        return block.span(1)
    return None


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


def _verb_relation(
    verb: Token, lemma: str, text: str, quotes: Sequence[tuple[int, int]]
) -> _Relation | None:
    if verb.dep_ in ("amod", "aux", "auxpass", "compound") or lemma not in ALL_CUE_VERBS:
        return None
    chain = _infinitive_chain(verb, lemma)
    if chain is None:
        return None  # an infinitive ("to say") reports nothing yet
    found = _subject(verb)
    opening: tuple[int, int] | None = None
    if found is None:
        passive = _passive_relation(verb, lemma, text, quotes)
        if passive is not None or lemma not in SPEECH_VERBS:
            return passive
        buried = _speaker_in_opening_phrase(verb, text)
        if buried is None:
            return None
        name_token, opening = buried
        found = (name_token, name_token)
    subject, namer = found
    if subject.lower_ == "you" or (
        lemma in COGNITION_VERBS and subject.lower_ in _SPEAKER_PRONOUNS
    ):
        return None  # "you say", "I believe": a turn of phrase, not a report
    source = opening or _source_span(subject, verb, text)
    cue = _cue_span(verb)
    if chain.i != verb.i:  # "continues to insist": the cue runs from the governing verb
        cue = (_cue_span(chain)[0], cue[1])
    colon = _colon_quote(verb, text, quotes)
    raw = [colon] if colon is not None else _content(verb, lemma, subject)
    if not raw and lemma in SPEECH_VERBS:
        after = _quote_just_after(verb, text, quotes)
        raw = [after] if after is not None else []
    if not raw:
        before = _quote_just_before(min(source[0], cue[0]), text, quotes)
        raw = [before] if before is not None else []
    if not raw:
        prep = _prep_content(verb, lemma)
        if prep is not None:
            cue, raw = (cue[0], prep[0]), [prep[1]]
    parts = [_minus(_widen_to_quotes(p, quotes, cue), [source, cue]) for p in raw]
    content = [p for p in parts if p is not None]
    if not content:
        return None
    content[0], source = _name_split_from_quote(content[0], source, text, quotes)
    content[0] = _after_inner_cue(content[0], cue, text)
    cue = _extend_cue(verb, cue, content[0][0])
    name = source if namer.i == subject.i else _source_span(namer, verb, text)
    obj = colon is None and _is_object(verb, content[0], text)
    return _Relation(source, cue, content, lemma, verb.doc, name, object=obj)


def _after_inner_cue(content: tuple[int, int], cue: tuple[int, int], text: str) -> tuple[int, int]:
    """Content that holds its own cue ("targets that the Pentagon said were used
    by militias", the cue inside a relative clause) is what follows the cue."""
    if content[0] < cue[0] and cue[1] < content[1] and not starts_quote(text[content[0] :]):
        return _trim_chars(text, cue[1], content[1])
    return content


_OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "attr", "dative"})


def _is_object(verb: Token, content: tuple[int, int], text: str) -> bool:
    """Whether ``content`` is the verb's object ("reiterated support for X",
    "urged them to stop") rather than a clause or a quotation."""
    if starts_quote(text[content[0] :]):
        return False
    first = verb.doc.char_span(content[0], content[1], alignment_mode="expand")
    if first is None or len(first) == 0:
        return False
    tok = first[0]
    while tok.head.i != verb.i and tok.head.i != tok.i:
        tok = tok.head
    return tok.head.i == verb.i and tok.dep_ in _OBJECT_DEPS


_TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today yesterday tonight
    """.split()  # noqa: SIM905
)


def _speaker_in_opening_phrase(verb: Token, text: str) -> tuple[Token, tuple[int, int]] | None:
    """ "On Monday Carlson, a critic of the president, said ...": with no subject
    found, a proper name that the parser took for the object of the sentence's
    opening phrase and that runs up to the verb is the speaker (time words and
    a longer run of capitalised words before it are the phrase's)."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = verb.doc
    before = verb.i - 1
    while before >= 0 and (doc[before].is_space or doc[before].text == ","):
        before -= 1
    for prep in (c for c in verb.lefts if c.dep_ == "prep"):
        for tok in prep.subtree:
            if tok.dep_ != "pobj" or tok.tag_ != "NNP":
                continue
            edge = tok.right_edge.i
            while edge > tok.i and (doc[edge].is_space or doc[edge].text == ","):
                edge -= 1
            if edge != before:
                continue
            start = tok
            left = [c for c in tok.lefts if c.dep_ == "compound" and c.tag_ == "NNP"]
            first = left[0] if len(left) == 1 else None
            if (
                first is not None
                and first.i == tok.i - 1
                and first.lower_ not in _TIME_WORDS
                and not any(True for _ in first.lefts)  # "Washington Post Trump": no name
            ):
                start = first  # a first name: "Joe Biden"
            end = tok.right_edge.idx + len(tok.right_edge.text)
            return tok, _trim_chars(text, start.idx, end, _SOURCE_TRIM)
    return None


def _passive_relation(
    verb: Token, lemma: str, text: str, quotes: Sequence[tuple[int, int]]
) -> _Relation | None:
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
    source = _trim_chars(
        text, agent.left_edge.idx, agent.right_edge.idx + len(agent.right_edge.text), _SOURCE_TRIM
    )
    cue = _cue_span(verb)
    if by.i == verb.i + 1:
        cue = (cue[0], by.idx + len(by.text))
    patient = patients[0]
    raw = (patient.left_edge.idx, patient.right_edge.idx + len(patient.right_edge.text))
    content = _minus(_widen_to_quotes(raw, quotes, cue), [source, cue])
    if content is None or source[1] <= source[0]:
        return None
    return _Relation(source, cue, [content], lemma, verb.doc, source)


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


def _name_split_from_quote(
    content: tuple[int, int],
    source: tuple[int, int],
    text: str,
    quotes: Sequence[tuple[int, int]],
) -> tuple[tuple[int, int], tuple[int, int]]:
    """For "\u201c...,\u201d Tulsa police Chief Chuck Jordan said" parsed with "Tulsa"
    inside the content: the quotation ends the content and capitalised words
    between it and the source belong to the source."""
    for q_start, q_end in quotes:
        if q_start == content[0] and q_end < content[1] <= source[0]:
            gap = text[q_end : source[0]]
            if _NAME_GAP_RE.fullmatch(gap):
                words = q_end + len(gap) - len(gap.lstrip(" \t,"))
                return (q_start, q_end), (words, source[1])
    return content, source


def _quote_just_after(
    verb: Token, text: str, quotes: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """A quotation opening right after the verb and a comma ("Trump said, \u201cWhen ...")
    when the parse does not hang it on the verb."""
    after = verb.idx + len(verb.text)
    for q_start, q_end in quotes:
        if q_start >= after:
            gap = text[after:q_start]
            return (q_start, q_end) if gap.strip() == "," else None
    return None


def _quote_just_before(
    pos: int, text: str, quotes: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """A quotation ending right before ``pos`` ("\u201cYou winning?\u201d she said")."""
    for q_start, q_end in quotes:
        if q_end <= pos and not text[q_end:pos].strip(" \t,"):
            return q_start, q_end
    return None


def _prep_content(
    verb: Token, lemma: str, *, adjacent: bool = False
) -> tuple[int, tuple[int, int]] | None:
    """For "spoke about X", "called for X", "accused her of X": the end of the
    cue (through the preposition) and the preposition's object as content.
    ``adjacent``: only a preposition right after the verb or its pronoun object."""
    if lemma not in PREP_VERBS:
        return None
    for child in verb.rights:
        gap = child.i - verb.i
        if adjacent and not (gap == 1 or (gap == 2 and verb.doc[verb.i + 1].tag_ == "PRP")):
            continue
        if child.dep_ == "prep" and child.lower_ in PREP_VERBS[lemma]:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                obj = objects[0]
                return child.idx + len(child.text), (
                    obj.left_edge.idx,
                    obj.right_edge.idx + len(obj.right_edge.text),
                )
    return None


def _noun_relation(noun: Token, text: str, quotes: Sequence[tuple[int, int]]) -> _Relation | None:
    """ "Trump's claim that X": the possessor is the source, the that-clause the content."""
    owners = [c for c in noun.children if c.dep_ == "poss" and c.i < noun.i]
    if not owners or owners[0].lower_ in _POSSESSIVE_PRONOUNS_SKIPPED:
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
    source = _trim_chars(text, start, end, _SOURCE_TRIM)
    lemma = NOUN_CUES[noun.lower_]
    content = _widen_to_quotes(content, quotes, cue)
    return _Relation(source, cue, [content], lemma, noun.doc, source)


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
    source = _source_span(subject, tok, text)
    cue = (tok.idx, to.idx + len(to.text))
    if tok.head.i == tok.i:  # parsed as the root: "According to X, Y." read from the text
        return _according_to_by_commas(tok, cue, text)
    closing = _closing_according_to(tok, subject, text)
    if closing is not None:
        return _Relation(source, cue, [closing], "according to", doc, source)
    inserted = _inserted_according_to(tok, subject, text)
    if inserted is not None:
        return _Relation(source, cue, inserted, "according to", doc, source)
    head = tok.head
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
    return _Relation(source, cue, [content], "according to", doc, source)


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
    content = _trim_chars(text, start, start + len(before))
    return content if content[1] > content[0] else None


_CLAUSE_JOINERS = frozenset({"and", "but", "while", "as", "so", "or"})


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
    first = _trim_chars(text, start, start + len(before))
    rest = _trim_chars(text, edge.nbor().idx + 1, sent[-1].idx + len(sent[-1].text))
    if first[1] <= first[0] or rest[1] <= rest[0]:
        return None
    has_verb = any(t.tag_.startswith("VB") for t in sent if first[0] <= t.idx < first[1])
    if text[rest[0] : rest[1]].split(maxsplit=1)[0].lower() in _CLAUSE_JOINERS and has_verb:
        return [first]
    return None if has_verb else [first, rest]


def _according_to_by_commas(tok: Token, cue: tuple[int, int], text: str) -> _Relation | None:
    """ "According to X, Y." when the parser made "According" the sentence's root
    (and so left no clause for the content): the source runs to the first comma,
    the content is the rest of the sentence."""
    sent = tok.sent
    start, end = sent[0].idx, sent[-1].idx + len(sent[-1].text)
    if _trim_chars(text, start, cue[0])[1] > start:
        return None  # only at the start of its sentence
    comma = text.find(",", cue[1], end)
    if comma < 0:
        return None
    source = _trim_chars(text, cue[1], comma, _SOURCE_TRIM)
    content = _trim_chars(text, comma + 1, end)
    if source[1] <= source[0] or content[1] <= content[0]:
        return None
    return _Relation(source, cue, [content], "according to", tok.doc, source)


# --- span arithmetic -------------------------------------------------------------------


def _trim_chars(text: str, start: int, end: int, chars: str = _TRIM) -> tuple[int, int]:
    while start < end and (text[start] in chars or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in chars or text[end - 1].isspace()):
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
    """Give a quote that ends before its cue the quotes that carry on after it
    ("A," he said. "B." / "A," he said, "B.") unless another cue claims them."""
    claimed = {q for q in quotes for r in relations for c in r.content if c[0] <= q[0] < c[1]}
    starts = [q[0] for q in quotes]
    for rel in relations:
        c_start, c_end = rel.content[-1]
        if not starts_quote(text[c_start:]) or c_end > rel.cue[0]:
            continue
        pos = max(rel.cue[1], rel.source[1])
        k = bisect.bisect_left(starts, pos)
        while k < len(quotes) and quotes[k] not in claimed:
            if not _CONTINUE_GAP_RE.match(text[pos : quotes[k][0]]):
                break
            rel.content.append(quotes[k])
            claimed.add(quotes[k])
            pos = quotes[k][1]
            k += 1


# --- output ----------------------------------------------------------------------------


def _content_span(text: str, bounds: tuple[int, int]) -> Span:
    start, end = bounds
    while start < end and text[start] in " \t\r\n":
        start += 1
    dateline = _DATELINE_RE.match(text, start, end)  # "WASHINGTON \u2015 Trump's ...": not said
    if dateline is not None and dateline.end() < end:
        start = dateline.end()
    while end > start and text[end - 1] in _TRIM and not ends_quote(text[start:end]):
        end -= 1
    return Span(start=start, end=end, text=text[start:end])


def _enclosing(rel: _Relation, relations: Sequence[_Relation]) -> _Relation | None:
    """The relation whose content holds ``rel``'s cue (``rel`` is reported inside it)."""
    for other in relations:
        if other is not rel and any(c[0] <= rel.cue[0] < c[1] for c in other.content):
            return other
    return None


def _finish(
    article: Article, relations: list[_Relation], quotes: Sequence[tuple[int, int]]
) -> list[Attribution]:
    text = article.text
    sentence_starts = [start for start, _ in sentence_bounds(text)]
    memory = SpeakerMemory()
    resolved: dict[int, Speaker] = {}
    outers = [_enclosing(rel, relations) for rel in relations]
    for n, rel in enumerate(relations):
        if rel.marked:
            resolved[n] = memory.resolve(Speaker(name=text[slice(*rel.name)], person=True))
            continue
        if outers[n] is not None:
            continue  # reported inside another relation's content: not reported, not remembered
        doc_span = rel.doc.char_span(*rel.name, alignment_mode="expand")
        if doc_span is None or rel.source[1] <= rel.source[0]:
            continue
        resolved[n] = memory.resolve(describe_source(doc_span))
    out: list[Attribution] = []
    for n, rel in enumerate(relations):
        parts = [_content_span(text, c) for c in rel.content]
        parts = [p for p in parts if p.end > p.start]
        if not parts or n not in resolved:
            continue
        if outers[n] is not None or any(a < rel.cue[0] < b for a, b in quotes):
            continue  # reported speech inside another's words: part of their content
        speaker = resolved[n]
        source = Span(start=rel.source[0], end=rel.source[1], text=text[slice(*rel.source)])
        cue = Span(start=rel.cue[0], end=rel.cue[1], text=text[rel.cue[0] : rel.cue[1]])
        k = bisect.bisect_right(sentence_starts, cue.start) - 1
        out.append(
            Attribution(
                id=f"{article.id}:a{len(out) + 1}",
                document=article.id,
                sentence_id=f"{article.id}:s{k + 1}" if k >= 0 else None,
                source=source,
                source_name=speaker.name,
                role=speaker.role,
                cue=cue,
                content=parts[0],
                direct=rel.marked or starts_quote(parts[0].text),  # a "Name:" line is theirs
                content_parts=parts if len(parts) > 1 else [],
                cue_lemma=rel.lemma,
                content_is_object=rel.object,
            )
        )
    return out
