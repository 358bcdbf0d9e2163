"""What is said: the clause, object, preposition object or quotation after a
colon that a cue verb governs."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Token

from summarize.evidence.attribution.spans import trim_chars
from summarize.evidence.cues import cue_lemma
from summarize.evidence.quotes import starts_quote
from summarize.lang.calendar import TIME_WORDS
from summarize.lang.verbs import (
    CLAUSE_ONLY_VERBS,
    COGNITION_VERBS,
    MANNER_OF_SPEAKING_NOUNS,
    OBJECT_VERBS,
    PREP_VERBS,
    SPEECH_VERBS,
    XCOMP_VERBS,
)

_BLOCK_AFTER_COLON_RE = re.compile(r"[ \t]*\n\s*(\S[^\n]*)")
_ASIDE_TAIL_DEPS = frozenset({"npadvmod", "advmod", "prep", "dobj", "dative"})
_ASIDE_OPEN = frozenset({",", "\u201d", '"', "''"})
_ASIDE_CLOSE = frozenset({",", ".", "!", "?", ";"})
_OBJECT_TAIL_DEPS = frozenset({"oprd", "prep", "xcomp", "ccomp", "dative", "dobj"})
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "attr", "dative"})
#: Endings a past or third-person verb form has and its base form has not.
_FINITE_ENDINGS = {"VBD": "ed", "VBZ": "s"}


def governed_content(verb: Token, lemma: str, subject: Token) -> list[tuple[int, int]]:
    """The governed clause(s): one span per side of the verb (a split quote has two)."""
    kinds = {"ccomp"}
    if lemma in OBJECT_VERBS or lemma in SPEECH_VERBS:
        kinds.add("dobj")
    if lemma in XCOMP_VERBS:
        kinds |= {"xcomp", "dobj"}
    if lemma == "tell":  # "told reporters", "tell the truth": no content
        kinds.discard("dobj")
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses and prep_content(verb, lemma, adjacent=True) is not None:
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
            end = last.right_edge
            act = speaker_conjunct(last) if last.i > verb.i else None
            joiners = [c for c in last.rights if act and c.dep_ == "cc" and c.i < act.i]
            if joiners and joiners[-1].i > first.left_edge.i:
                end = last.doc[joiners[-1].i - 1]
            going_on = speaker_participle(last) if last.i > verb.i and not act else None
            if going_on is not None and going_on.left_edge.i - 2 > first.left_edge.i:
                end = last.doc[going_on.left_edge.i - 2]  # up to the comma before it
            parts.append((first.left_edge.idx, end.idx + len(end.text)))
    return parts


def speaker_conjunct(clause: Token) -> Token | None:
    """A finite verb without a subject, joined by "and" to a clause whose verb is
    not finite: in 'said the plan "will fail" and then walked out', "walked"
    cannot share "will", so it is the speaker's next act (narration, not part of
    what was said, and its subject is the speaker's). Only unambiguous forms
    ("walked", "says"): "would fail and cost millions" has a base form the
    tagger may call a past."""
    if clause.tag_ != "VB" or not any(c.tag_ == "MD" for c in clause.children):
        return None
    for conj in clause.rights:
        if conj.dep_ != "conj" or not conj.lower_.endswith(_FINITE_ENDINGS.get(conj.tag_, "\0")):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
            continue
        if any(c.dep_ == "cc" and c.i < conj.i for c in clause.rights):
            return conj
    return None


def speaker_participle(clause: Token) -> Token | None:
    """A subjectless participle of a speech verb set off by a comma at the end of
    a said-clause ("said the strikes killed 12, adding that the toll could rise"):
    the speaker's next statement, not part of the first, and its subject is the
    speaker's. The parser may hang it on any verb of the clause."""
    doc = clause.doc
    end = clause.right_edge.i
    while end > clause.i and doc[end].is_punct:
        end -= 1
    for tok in clause.subtree:
        if (
            tok.dep_ == "advcl"
            and tok.tag_ == "VBG"
            and tok.i > clause.i
            and tok.right_edge.i >= end
            and tok.left_edge.i == tok.i
            and doc[tok.i - 1].text == ","
            and cue_lemma(tok.text) in SPEECH_VERBS
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        ):
            return tok
    return None


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
    if _opening_circumstance(verb, sent.start, lo - 1):
        parts = []  # "Asked about X, Smith said, ...": the question, not what Smith said
    if after is not None and after.text == "," and hi + 2 < sent.end:
        last = sent[-1]
        parts.append((doc[hi + 2].idx, last.idx + len(last.text)))
    return parts


def _opening_circumstance(verb: Token, start: int, comma: int) -> bool:
    """Whether the words from ``start`` up to the ``comma`` before the cue are
    one subjectless participle clause of the cue verb ("Asked about the device,
    O'Neill said"; "Speaking to reporters, Smith said"): a circumstance of the
    saying, not what was said."""
    for child in verb.lefts:
        if (
            child.dep_ == "advcl"
            and child.tag_ in ("VBN", "VBG")
            and child.left_edge.i == start
            and child.right_edge.i == comma - 1
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children)
        ):
            return True
    return False


def colon_quote(
    verb: Token, text: str, quotes: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    after = verb.idx + len(verb.text)
    rest = text[after : after + 4]
    if not rest.lstrip().startswith(":"):
        return None
    colon = after + rest.index(":")
    # the first quotation after the colon (quotes are in text order; any later one
    # has that one's marks between it and the colon)
    k = bisect.bisect_left(quotes, (colon + 1,))
    if k < len(quotes) and not text[colon + 1 : quotes[k][0]].strip():
        return quotes[k]
    block = _BLOCK_AFTER_COLON_RE.match(text, colon + 1)
    if block is not None:  # "Limbaugh added:" and a block quotation as the next paragraph
        return block.span(1)
    return None


def prep_content(
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
            if objects and _setting_object(objects[0]):
                continue  # "speaking on Monday", "on condition of anonymity": no topic
            if objects:
                obj = objects[0]
                return child.idx + len(child.text), (
                    obj.left_edge.idx,
                    obj.right_edge.idx + len(obj.right_edge.text),
                )
    return None


def _setting_object(obj: Token) -> bool:
    """A preposition object that dates or frames the speaking, not its topic."""
    return (
        obj.lower_ in TIME_WORDS
        or obj.lower_ in MANNER_OF_SPEAKING_NOUNS
        or obj.ent_type_ in ("DATE", "TIME")
    )


def after_inner_cue(content: tuple[int, int], cue: tuple[int, int], text: str) -> tuple[int, int]:
    """Content that holds its own cue ("targets that the Pentagon said were used
    by militias", the cue inside a relative clause) is what follows the cue."""
    if content[0] < cue[0] and cue[1] < content[1] and not starts_quote(text[content[0] :]):
        return trim_chars(text, cue[1], content[1])
    return content


def is_object(verb: Token, content: tuple[int, int], text: str) -> bool:
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
