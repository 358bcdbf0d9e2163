"""Attribution relations -> draft claims: who said what, in which document,
with a verbatim excerpt as evidence and a neutral statement.

A statement never paraphrases a source in the narrator's voice: the source's
content goes inside quotation marks exactly as written (inner double quotes
become single ones), introduced by a neutral reporting verb:
``Hikmet Hajiyev said that "more than 20 houses were destroyed"``.
Relations that are not claims a reader needs are left out: ones nested inside
another relation's content (a quote within a quote), sources that are not
speakers ("preliminary reports", "civilians", "we"), and non-speech cues with
a bare noun phrase ("issued a new warning")."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarize.engines.offline.headlines import headline_end
from summarize.engines.offline.speakers import (
    ParsedSpeaker,
    SpeakerIndex,
    is_agent,
    is_pronoun,
    parse_speaker,
    role_head,
)
from summarize.evidence.cues import cue_lemma
from summarize.evidence.figures import Figure, find_figures
from summarize.evidence.places import Gazetteer
from summarize.evidence.types import Attribution, EvidenceBundle, Sentence, Span
from summarize.intervals import SpanIndex
from summarize.lang.calendar import TIME_WORDS
from summarize.lang.function_words import (
    AUXILIARIES,
    FUNCTION_WORDS,
    LOWERABLE_OPENERS,
    NAMELESS,
)
from summarize.lang.titles import EVIDENCE_NOUNS, MEDIUM_NOUNS
from summarize.lang.verbs import CLAUSE_CUES, DENIAL_CUES, OBJECT_CUES, REPORTING_VERBS
from summarize.neutrality import find_loaded
from summarize.textnorm import fold

MAX_EXCERPT_CHARS = 700
MIN_CONTENT_WORDS = 3

_ANAPHORIC_DESCRIPTIONS = re.compile(
    r"^(?:the\s+)(?:latter|former|official|spokesman|spokeswoman|spokesperson|minister|"
    r"aide|diplomat|envoy|officer|source)$",
    re.IGNORECASE,
)
#: Words in or just before a cue that make it no statement: "did not say",
#: "could not confirm", "declined to say", "may have said", "has yet to say".
_HEDGE_RE = re.compile(
    r"\b(?:not|never|neither|nor|yet|may|might|could|would|should|cannot|"
    r"declined?|declines|declining|refused?|refuses|refusing|failed|fails|"
    r"[a-z]+n['\u2019]t)\b",
    re.IGNORECASE,
)
#: Cue lemmas that withhold a statement: "declined to comment", "refused to say".
_WITHHOLDING_CUES: frozenset[str] = frozenset({"decline", "refuse", "fail"})
_ELLIPSIS = " \u2026 "
_OUTER_PUNCT = " \t\n,;:"
_TRAILING_RE = re.compile(r"[\s,]+(?:but|and|or|while|before|after)$", re.IGNORECASE)
_DOUBLE_QUOTES = '"\u201c\u201d\u00ab\u00bb'
_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


@dataclass
class DraftClaim:
    """One attribution relation kept as a claim of one document."""

    attribution: Attribution
    document: str
    parsed: ParsedSpeaker
    content: str  # verbatim content, outer quote marks and punctuation trimmed
    excerpt: str  # verbatim sentence(s) holding the relation
    direct: bool
    cue_lemma: str
    position: int  # offset of the cue in the article
    sentence: int  # index of the cue's sentence in the article
    first_sentence: int  # index of the sentence the relation starts in (a quote before its cue)
    figures: list[Figure] = field(default_factory=list)
    speaker: int = -1  # number in the SpeakerIndex
    denied: DraftClaim | None = None  # for a denial of "this": the claim it answers
    more: list[str] = field(default_factory=list)  # a split quote's later pieces, trimmed
    excerpt_span: tuple[int, int] = (0, 0)  # offsets of ``excerpt`` in the article
    sentence_ids: list[str] = field(default_factory=list)  # bundle sentences ``excerpt`` covers

    @property
    def denial(self) -> bool:
        return self.cue_lemma in DENIAL_CUES

    @property
    def clause(self) -> bool:
        raw = self.attribution.content.text.lstrip(_QUOTE_CHARS + _OUTER_PUNCT).lower()
        return (
            self.direct
            or raw.startswith("that ")
            or (self.cue_lemma in CLAUSE_CUES and not self.attribution.content_is_object)
        )


def _lemma(att: Attribution) -> str:
    if att.cue_lemma:
        return att.cue_lemma.lower().replace(" ", "_")
    words = fold(att.cue.text).lower().split()
    if words[:2] == ["according", "to"]:
        return "according_to"
    for word in reversed(words):
        lemma = cue_lemma(word)
        if lemma:
            return lemma
    return words[-1] if words else ""


def trim_content(text: str) -> tuple[int, int]:
    """Offsets into ``text`` without outer punctuation, a leading 'that', a trailing
    conjunction, and quotation marks that wrap the whole of it (not ones that open or
    close a quoted phrase inside)."""
    start, end = 0, len(text)
    while True:
        before = (start, end)
        while start < end and text[start] in _OUTER_PUNCT:
            start += 1
        while end > start and text[end - 1] in _OUTER_PUNCT:
            end -= 1
        if text[start : start + 5].lower() == "that ":
            start += 5
        tail = _TRAILING_RE.search(text, start, end)
        if tail is not None:
            end = tail.start()
        if end - start >= 2 and text[start] in _QUOTE_CHARS and text[end - 1] in _QUOTE_CHARS:
            inner = text[start + 1 : end - 1]
            if not any(ch in _DOUBLE_QUOTES for ch in inner):
                start, end = start + 1, end - 1
        if (start, end) == before:
            return start, end


def _no_subject(content: str, direct: bool) -> bool:
    words = content.split(maxsplit=1)
    return not direct and bool(words) and words[0].lower() in AUXILIARIES


def _trimmed(text: str) -> str:
    a, b = trim_content(text)
    return text[a:b]


def _source_span(att: Attribution) -> list[Span]:
    return [att.source] if att.source is not None else []


def _sentence_index(sentences: Sequence[Sentence], offset: int) -> int:
    """Index of the sentence holding ``offset`` (else of the last one ending before it);
    ``sentences`` are in text order, so a binary search finds it."""
    n = bisect.bisect_right(sentences, offset, key=_start) - 1
    if n >= 0 and offset < sentences[n].end:
        return n
    return max(0, bisect.bisect_right(sentences, offset, key=_end) - 1)


def _start(sentence: Sentence) -> int:
    return sentence.start


def _end(sentence: Sentence) -> int:
    return sentence.end


def _excerpt(
    text: str, sentences: Sequence[Sentence], start: int, end: int
) -> tuple[int, int, list[str]]:
    """Offsets of the excerpt that cites ``text[start:end]`` (the whole sentences it
    lies in, unless they are too long) and the ids of those sentences."""
    lo = bisect.bisect_right(sentences, start, key=_end)  # text order: a run of them
    hi = bisect.bisect_left(sentences, end, key=_start)
    covering = [s for s in sentences[lo:hi] if s.end > start and s.start < end]
    ids = [s.id for s in covering]
    if covering:
        a, b = covering[0].start, covering[-1].end
        if b - a <= MAX_EXCERPT_CHARS:
            return a, b, ids
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end, ids


def _nested(atts: Sequence[Attribution]) -> list[bool]:
    """For each relation, whether it sits inside another relation's content (a quote
    within a quote), other than a nameless medium's (:func:`_nameless_medium`).
    (The others are looked up among those whose content lies near its cue, not by a
    pass over all of them.)"""
    index = SpanIndex()
    for n, other in enumerate(atts):
        if not _nameless_medium(other):
            index.add(n, [(other.content.start, other.content.end)])
    out = []
    for att in atts:
        start = att.cue.start  # a content holding the cue covers this or the previous character
        near = index.near(max(start - 1, 0), start + 1)
        out.append(any(_holds(atts[n], att) for n in near if atts[n] is not att))
    return out


def _holds(other: Attribution, att: Attribution) -> bool:
    c = other.content
    return (
        c.start <= att.cue.start
        and att.cue.end <= c.end
        and (c.end - c.start) > (att.content.end - att.content.start)
        and (att.source is None or (c.start <= att.source.start and att.source.end <= c.end))
    )


def _hedged(att: Attribution, text: str) -> bool:
    """True when the cue is negated or only possible ("Police did not say whether
    ...", "could not confirm", "declined to say", "may have said"): the source
    made no such statement, so it is no claim."""
    if (att.cue_lemma or "").lower() in _WITHHOLDING_CUES:
        return True
    start = att.cue.start
    if att.source is not None and att.source.end <= att.cue.start:
        start = att.source.end  # "Police have not yet said"
    window = text[start : att.cue.end]
    if len(window) > len(att.cue.text) + 40:
        window = att.cue.text
    return _HEDGE_RE.search(window) is not None


def _is_speaker(att: Attribution, parsed: ParsedSpeaker) -> bool:
    name = fold(att.source_name).strip()
    if not name or is_pronoun(name) or _ANAPHORIC_DESCRIPTIONS.match(name):
        return False
    if not any(ch.isupper() for ch in name) and not name.lower().startswith("the "):
        return False  # "civilians", "officials": nobody in particular
    if "," in parsed.surface and (not parsed.person or " including " in parsed.surface):
        return False  # "World powers, including Russia, France, and the US": no one speaker
    words = re.findall(r"[\w']+", name.lower())
    return bool(words) and words[-1] not in EVIDENCE_NOUNS and len(words) <= 10


_MEDIUM_WORDS = "|".join(sorted(MEDIUM_NOUNS | {"report"}))
_MEDIUM_RE = re.compile(
    r"^(?:a|an|the)\s+(?:[\w-]+\s+)?(?:" + _MEDIUM_WORDS + r")s?\s+"
    r"(?:from|by|of|issued\s+by)\s+(\S.*)$",
    re.IGNORECASE,
)
#: A medium that names no one: "an interview aired Sunday", "a statement released
#: Monday", "the video posted online".
_NAMELESS_MEDIUM_RE = re.compile(
    r"^(?:a|an|the)\s+(?:[a-z-]+\s+)?(?:"
    + _MEDIUM_WORDS
    + r")s?\b(?:[^A-Z]|"
    + "|".join(w.capitalize() for w in sorted(TIME_WORDS))
    + r")*$"
)


def _nameless_medium(att: Attribution) -> bool:
    """The source is a statement, interview or the like that names no speaker: it
    tells where the words were said, and a relation inside its content ("according
    to an interview aired Sunday, Colin Powell said ...") says who said them."""
    return bool(_NAMELESS_MEDIUM_RE.match(fold(att.source_name).strip()))


def _behind_medium(source_name: str) -> str:
    """Who speaks through a document: "a statement from Pentagon spokesperson
    John Kirby" -> "Pentagon spokesperson John Kirby"."""
    match = _MEDIUM_RE.match(source_name.strip())
    return match.group(1) if match else source_name


def _split_appositive(source_name: str, role: str | None) -> tuple[str, str | None]:
    """ "Azerbaijan's aide to the president, Hikmat Hajiyev" -> name and role."""
    if "," not in source_name:
        return source_name, role
    head, _, tail = source_name.rpartition(",")
    tail = tail.strip()
    tokens = tail.split()
    if 1 <= len(tokens) <= 4 and all(t[:1].isupper() for t in tokens):
        return tail, role or head.strip()
    return source_name, role


def draft_claims(
    bundle: EvidenceBundle, documents: Sequence[str], gaz: Gazetteer
) -> list[DraftClaim]:
    """Draft claims of ``documents`` (in their order), speakers not yet grouped."""
    drafts: list[DraftClaim] = []
    for doc_id in documents:
        article = bundle.article(doc_id)
        sentences = [s for s in bundle.sentences if s.document == doc_id]
        atts = sorted(
            (a for a in bundle.attributions if a.document == doc_id), key=lambda a: a.cue.start
        )
        doc_drafts: list[DraftClaim] = []
        headline = headline_end(article, sentences)
        nested = _nested(atts)
        for att, inner in zip(atts, nested, strict=True):
            if (
                att.cue.start < headline
                or inner
                or _hedged(att, article.text)
                or _nameless_medium(att)
            ):
                continue
            name, role = _split_appositive(_behind_medium(att.source_name), att.role)
            parsed = parse_speaker(name, role, gaz)
            determiner = fold(name).strip().lower().startswith(("the ", "a ", "an "))
            if (
                not _is_speaker(att, parsed)
                or not is_agent(parsed, determiner, gaz)
                or find_loaded(parsed.name)
            ):
                continue
            content = _trimmed(att.content.text)
            draft = DraftClaim(
                attribution=att,
                document=doc_id,
                parsed=parsed,
                content=content,
                excerpt="",
                direct=att.direct,
                cue_lemma=_lemma(att),
                position=att.cue.start,
                sentence=_sentence_index(sentences, att.cue.start),
                first_sentence=_sentence_index(
                    sentences, min(s.start for s in [att.cue, att.content, *_source_span(att)])
                ),
                figures=find_figures(content),
            )
            words = len(content.split())
            if draft.denial:
                if words < MIN_CONTENT_WORDS:
                    draft.denied = _previous_in_sentence(doc_drafts, draft)
                    if draft.denied is None:
                        continue
            elif (
                (words < MIN_CONTENT_WORDS and not _named_object(draft, content))
                or (not draft.clause and draft.cue_lemma not in OBJECT_CUES)
                or _no_subject(content, draft.direct)
            ):
                continue
            if draft.direct:
                draft.more = [_trimmed(p.text) for p in att.content_parts[1:]]
            spans = [att.cue, att.content, *att.content_parts, *_source_span(att)]
            a, b, draft.sentence_ids = _excerpt(
                article.text,
                sentences,
                min(s.start for s in spans),
                max(s.end for s in spans),
            )
            draft.excerpt, draft.excerpt_span = article.text[a:b], (a, b)
            doc_drafts.append(draft)
        _resolve_descriptions(doc_drafts)
        drafts.extend(doc_drafts)
    return drafts


def _named_object(draft: DraftClaim, content: str) -> bool:
    """A short object of an object cue that names a thing ("condemned the attack",
    "urged calm", "denied wrongdoing") is a whole statement; a pronoun or a bare
    function word ("confirmed it", "announced this") is not."""
    if draft.clause or draft.cue_lemma not in OBJECT_CUES:
        return False
    words = [w.strip(".,;:'\"\u2019").lower() for w in content.split()]
    return (
        bool(words)
        and all(w not in NAMELESS for w in words)
        and any(w.isalpha() and w not in FUNCTION_WORDS for w in words)
    )


def _previous_in_sentence(doc_drafts: Sequence[DraftClaim], draft: DraftClaim) -> DraftClaim | None:
    """What "denied this" answers: the last claim of another speaker just before it."""
    for prev in reversed(doc_drafts):
        if draft.sentence - prev.sentence > 1:
            break
        if prev.parsed.key != draft.parsed.key and not prev.denial:
            return prev
    return None


def _resolve_descriptions(doc_drafts: list[DraftClaim]) -> None:
    """Wire style names a speaker after describing him: "a top Azerbaijani official
    said ..." then "Hikmet Hajiyev, assistant to the Azerbaijani president, said ...".

    An indefinite description, or a definite one of a person's role ("Turkey's
    ruling party spokesperson"), takes the next named person of the same country
    within two sentences (one with no role given, or the same role). A definite
    role description first takes the one person of the document given that
    role anywhere ("the Azerbaijani president" -> "President Ilham Aliyev")."""
    people = [d.parsed for d in doc_drafts if d.parsed.person]
    for n, draft in enumerate(doc_drafts):
        described = draft.parsed.described
        if not draft.parsed.generic and described is None:
            continue
        if described is not None:
            holders = {p.key: p for p in people if _may_be(p, draft.parsed, same_role=True)}
            if len(holders) == 1:
                draft.parsed = _with_role(next(iter(holders.values())), draft.parsed)
                continue
        for later in doc_drafts[n + 1 :]:
            if later.first_sentence - draft.sentence > 2:
                break
            p = later.parsed
            if p.person and _may_be(p, draft.parsed, same_role=False):
                draft.parsed = _with_role(p, draft.parsed)
                break


def _with_role(person: ParsedSpeaker, description: ParsedSpeaker) -> ParsedSpeaker:
    """``person``, given the role and country a definite description names where
    it has none of its own."""
    if description.described is None:
        return person
    return dataclasses.replace(
        person,
        role=person.role or description.surface,
        affiliation=person.affiliation or description.affiliation,
    )


def _may_be(person: ParsedSpeaker, description: ParsedSpeaker, *, same_role: bool) -> bool:
    """Whether ``person`` can be who ``description`` describes: no other country,
    and the described role if one is asked for (or if the person has one)."""
    if description.affiliation and person.affiliation not in (None, description.affiliation):
        return False
    if description.described is None:
        return True
    head = role_head(person.role)
    if same_role:
        return head == description.described
    # a person the text gives another role ("Jane Doe, the city engineer") is not
    # who "the mayor" is
    return person.role is None or head == description.described


def assign_speakers(drafts: Sequence[DraftClaim]) -> SpeakerIndex:
    """Group the drafts' speakers across documents; sets ``draft.speaker``."""
    index = SpeakerIndex()
    ordered = sorted(drafts, key=lambda d: (not d.parsed.person, -len(d.parsed.key)))
    for draft in ordered:
        draft.speaker = index.add(draft.parsed, draft.document)
    return index


def quoted(text: str, *, lower_first: bool = False) -> str:
    """``text`` in double quotes, its own double quotes turned to single ones (closed
    if the excerpt cut one off); ``lower_first`` lower-cases a leading function word
    ("More than 20 houses" -> "more than 20 houses") for a quote run into a sentence."""
    inner = re.sub(r"\s+", " ", text).strip()
    inner, inner_quotes = re.subn('["\u201c\u201d\u00ab\u00bb]', "'", inner)
    if inner_quotes % 2:
        inner += "'"
    if lower_first:
        first = inner.split(" ", 1)[0]
        if first.lower() in LOWERABLE_OPENERS:
            inner = inner[0].lower() + inner[1:]
    return f'"{inner}"'


def speaker_phrase(name: str, person: bool, *, capital: bool = True) -> str:
    """How a statement names a speaker: bodies described by common nouns take 'the'."""
    words = name.split()
    needs_article = not person and (
        (len(words) > 1 and not re.search(r"['\u2019]s\b", words[0])) or name[:1].islower()
    )
    phrase = f"the {name}" if needs_article else name
    return phrase[0].upper() + phrase[1:] if capital else phrase


def reporting_verb(draft: DraftClaim) -> str:
    """A neutral verb for the cue: denied, reported, stated, announced, or said."""
    if not draft.clause and draft.cue_lemma in OBJECT_CUES:
        return OBJECT_CUES[draft.cue_lemma]
    return REPORTING_VERBS.get(draft.cue_lemma, "said")


def statement(draft: DraftClaim, speaker: str) -> str:
    """The claim in neutral words: the speaker, a neutral verb, the content quoted."""
    verb = reporting_verb(draft)
    if draft.denied is not None:
        return f"{speaker} denied that {quoted(draft.denied.content, lower_first=True)}"
    if draft.direct:
        # a split quote's pieces, the attribution between them left out
        pieces = _ELLIPSIS.join([quoted(draft.content), *(quoted(p) for p in draft.more if p)])
        return f"{speaker} {verb}: {pieces}"
    if draft.clause:
        return f"{speaker} {verb} that {quoted(draft.content, lower_first=True)}"
    return f"{speaker} {verb} {quoted(draft.content, lower_first=True)}"
