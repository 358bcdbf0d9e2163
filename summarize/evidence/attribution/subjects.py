"""Who speaks: a cue verb's subject (inherited from the governing verb for
"..., adding that ..."), its phrase less asides that report on their own, and a
speaker the parser hung on the sentence's opening phrase."""

from __future__ import annotations

from spacy.tokens import Token

from summarize.evidence.attribution.clauses import speaker_conjunct, speaker_participle
from summarize.evidence.attribution.spans import DATELINE_RE, SOURCE_TRIM, trim_chars, within
from summarize.evidence.cues import cue_lemma
from summarize.lang.calendar import MONTHS, RELATIVE_DAYS, WEEKDAYS
from summarize.lang.function_words import GERUND_SUBJECT_PREPOSITIONS

_SUBJECT_DEPS = frozenset({"nsubj"})
_RELATIVE = frozenset({"who", "which", "that"})
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp"})
_ASIDE_CLAUSE_DEPS = frozenset({"relcl", "acl"})
_TIME_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | RELATIVE_DAYS


def find_subject(verb: Token) -> tuple[Token, Token] | None:
    """The verb's subject as written and the token that names the speaker
    (they differ for a relative pronoun: "Smith, who said ..." names Smith)."""
    clause = verb.head
    act = speaker_conjunct(clause) if verb.dep_ == "conj" and clause.dep_ == "ccomp" else None
    if act is not None and act.i == verb.i:
        verb = clause.head  # "Trump said he would order ... and warned": Trump warned
    if verb.dep_ == "advcl":
        clause = verb.head
        for _ in range(4):
            if clause.dep_ == "ccomp" or clause.head.i == clause.i:
                break
            clause = clause.head
        going_on = speaker_participle(clause) if clause.dep_ == "ccomp" else None
        if going_on is not None and going_on.i == verb.i:
            verb = clause.head  # "said ..., adding that ...": the speaker adds
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
        if current.dep_ == "prep" and current.lower_ in GERUND_SUBJECT_PREPOSITIONS:
            if current.head.tag_[:1] != "V":
                return None
            current = current.head  # "began by saying": the gerund's subject is the verb's
    return None


def quoted_as(verb: Token) -> tuple[Token, Token] | None:
    """ "A spokesman was quoted (by Reuters) as saying ...": for a gerund under
    "as" that completes a passive verb, that verb's passive subject is the
    speaker. Returns ``(passive subject, passive verb)``, or None."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "as":
        return None
    passive = prep.head
    if not any(c.dep_ == "auxpass" for c in passive.children):
        return None
    subjects = [c for c in passive.children if c.dep_ == "nsubjpass" and c.i < passive.i]
    return (subjects[0], passive) if subjects else None


def source_span(subject: Token, verb: Token, text: str) -> tuple[int, int]:
    """The subject's phrase, less a clause of it that holds the cue itself."""
    cut = [c for c in subject.children if within(verb, c)] + _asides(subject)
    tokens = [t for t in subject.subtree if not any(within(t, c) for c in cut)]
    if cut and cut[0].i > subject.i:
        tokens = [t for t in tokens if t.i < cut[0].left_edge.i]
    tokens = [t for t in tokens if not t.is_space] or [subject]
    first, last = tokens[0], tokens[-1]
    start, end = trim_chars(text, first.idx, last.idx + len(last.text), SOURCE_TRIM)
    dateline = DATELINE_RE.match(text, start, end)
    if dateline is not None:
        start = dateline.end()
    phrase = text[start:end]
    if phrase.count("(") != phrase.count(")"):
        start, end = trim_chars(text, start, end, SOURCE_TRIM + "()")
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


def speaker_in_opening_phrase(verb: Token, text: str) -> tuple[Token, tuple[int, int]] | None:
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
            return tok, trim_chars(text, start.idx, end, SOURCE_TRIM)
    return None
