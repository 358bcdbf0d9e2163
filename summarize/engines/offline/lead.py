"""The lead: what happened, in the articles' own words, as most of them report it.

Sentence centrality in the manner of LexRank (Erkan & Radev 2004; sumy's
``LexRankSummarizer``): sentences are bags of content words weighted by
tf-idf, each sentence of the folder counting as one document for the idf, and
compared by cosine. A candidate's centrality is how much of it the *other*
sources carry: for each other source, the best cosine with one of its
sentences, summed. Articles that share wire copy (the bundle's duplicate
groups) count once, as one source, so a story three outlets took from one
agency is not three votes. A sentence early in its article (a news lead) is
preferred at equal centrality.

Candidates are whole body sentences of on-event articles (not a headline
line, not a quotation, not a question, no loaded term, no instruction-like
passage, 8 to 60 words). The lead is picked greedily, most central first,
until :data:`LEAD_WORDS` words: a sentence joins only when another source
has a sentence on the same point (:data:`CARRIED`; the first excepted) and it
overlaps no sentence already picked (it adds something). Each is quoted
verbatim and attributed to the article it comes from, and to the others that
say much the same thing (:data:`ALSO`), so the narrator states nothing in its
own voice."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.engines.offline.headlines import headline_end
from summarize.evidence.types import EvidenceBundle, Sentence
from summarize.injection import instruction_lines
from summarize.lang.function_words import (
    CONNECTIVE_PHRASES,
    CONNECTIVES,
    FUNCTION_WORDS,
    POINTING,
    THIRD_PERSON,
)
from summarize.neutrality import find_loaded

MIN_WORDS = 8
MAX_WORDS = 60
MAX_LEAD_SENTENCES = 4
#: The lead stops once its quoted sentences hold this many words.
LEAD_WORDS = 50
#: A sentence joins the lead (after the first) only when another source has one
#: this similar: another outlet reports the same point.
CARRIED = 0.2
#: An article is named as also reporting a lead sentence when one of its
#: sentences is this similar: it says much the same thing in its own words.
ALSO = 0.35
#: A further sentence must be less similar than this to each one picked.
NEW_ENOUGH = 0.25
EARLY_SENTENCES = 3
EARLY_BONUS = 0.25
_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*")
_QUOTE_MARKS = '"\u201c\u201d'

Vector = dict[str, float]


@dataclass(frozen=True)
class LeadSentence:
    """One lead sentence: its verbatim text, the article it is quoted from, and
    the other articles that carry it in their own words."""

    text: str
    document: str
    also: tuple[str, ...]
    sentence_id: str


def _terms(text: str) -> list[str]:
    return [w for w in _WORD_RE.findall(text.lower()) if len(w) > 2 and w not in FUNCTION_WORDS]


def _vectors(texts: Sequence[str]) -> list[Vector]:
    """tf-idf vectors, each text one document for the idf (smoothed, never negative)."""
    bags = [Counter(_terms(t)) for t in texts]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
    vectors: list[Vector] = []
    for bag in bags:
        top = max(bag.values(), default=1)
        vectors.append({t: (c / top) * idf[t] for t, c in bag.items()})
    return vectors


def _cosine(a: Vector, b: Vector) -> float:
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(w * large[t] for t, w in small.items() if t in large)
    if not dot:
        return 0.0
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm


def _stands_alone(text: str) -> bool:
    """False when the sentence opens by pointing back at the one before it: a
    connective ("However, ...", "On the other hand, ...") or a pronoun ("He was
    ...", "This ..."), whose referent a reader of the lead does not have."""
    lowered = text.lower()
    first = lowered.split(" ", 1)[0].strip(",;:")
    if first in CONNECTIVES or first in THIRD_PERSON or first in POINTING:
        return False
    return not lowered.startswith(CONNECTIVE_PHRASES)


def _candidate(sentence: Sentence, headline: int, tainted: Sequence[str]) -> bool:
    text = sentence.text.strip()
    words = len(text.split())
    return (
        sentence.start >= headline
        and _stands_alone(text)
        and MIN_WORDS <= words <= MAX_WORDS
        and text[-1:] == "."
        and not any(q in text for q in _QUOTE_MARKS)
        and not find_loaded(text, quoted_ok=False)
        and not any(text in line or line in text for line in tainted)
    )


@dataclass(frozen=True)
class _Scored:
    score: float
    order: int
    sentence: Sentence
    vector: Vector
    carried: tuple[str, ...]  # other articles with a sentence on the same point
    also: tuple[str, ...]  # other articles saying much the same thing


def _scored(
    bundle: EvidenceBundle, on_event: Sequence[str], source_of: dict[str, str]
) -> list[_Scored]:
    """Every candidate with its centrality, most central first."""
    own = [s for s in bundle.sentences if s.document in source_of]
    vectors = _vectors([s.text for s in own])
    by_doc: dict[str, list[tuple[Sentence, Vector]]] = {d: [] for d in on_event}
    for sentence, vector in zip(own, vectors, strict=True):
        by_doc[sentence.document].append((sentence, vector))
    out: list[_Scored] = []
    for order, doc in enumerate(on_event):
        article = bundle.article(doc)
        headline = headline_end(article, [s for s, _ in by_doc[doc]])
        tainted = [line.text for line in instruction_lines(article)]
        body = [(s, v) for s, v in by_doc[doc] if s.start >= headline]
        for position, (sentence, vector) in enumerate(body):
            if not _candidate(sentence, headline, tainted):
                continue
            best: dict[str, float] = {}
            carriers: list[str] = []
            near: list[str] = []
            for other in on_event:
                if other == doc:
                    continue
                overlap = max((_cosine(vector, v) for _, v in by_doc[other]), default=0.0)
                if overlap >= CARRIED:
                    carriers.append(other)
                if overlap >= ALSO:
                    near.append(other)
                source = source_of[other]
                if source != source_of[doc]:
                    best[source] = max(best.get(source, 0.0), overlap)
            score = sum(best.values())
            if position < EARLY_SENTENCES:
                score += EARLY_BONUS * (EARLY_SENTENCES - position) / EARLY_SENTENCES
            out.append(_Scored(score, order, sentence, vector, tuple(carriers), tuple(near)))
    out.sort(key=lambda item: (-item.score, item.order, item.sentence.start))
    return out


def choose_lead(
    bundle: EvidenceBundle, on_event: Sequence[str], copies: Sequence[Sequence[str]]
) -> list[LeadSentence]:
    """The lead sentences, most widely carried first."""
    source_of = {doc: doc for doc in on_event}
    for group in copies:
        for doc in group:
            if doc in source_of:
                source_of[doc] = group[0]  # wire copy: one source
    lead: list[_Scored] = []
    words = 0
    for item in _scored(bundle, on_event, source_of):
        if len(lead) >= MAX_LEAD_SENTENCES or words >= LEAD_WORDS:
            break
        source = source_of[item.sentence.document]
        if lead and (
            not any(source_of[d] != source for d in item.carried)
            or any(_cosine(item.vector, p.vector) >= NEW_ENOUGH for p in lead)
        ):
            continue
        lead.append(item)
        words += len(item.sentence.text.split())
    return _joined(bundle, lead)


def _joined(bundle: EvidenceBundle, lead: Sequence[_Scored]) -> list[LeadSentence]:
    """The picked sentences, grouped by article (in the order each article was first
    picked) and in article order within one; sentences that follow each other in
    the article become one quotation, so each article is credited once."""
    docs = list(dict.fromkeys(p.sentence.document for p in lead))
    out: list[LeadSentence] = []
    for doc in docs:
        text = bundle.article(doc).text
        picked = sorted(
            (p for p in lead if p.sentence.document == doc), key=lambda p: p.sentence.start
        )
        runs: list[list[_Scored]] = []
        for p in picked:
            if runs and not text[runs[-1][-1].sentence.end : p.sentence.start].strip():
                runs[-1].append(p)
            else:
                runs.append([p])
        for run in runs:
            first, last = run[0].sentence, run[-1].sentence
            also = tuple(dict.fromkeys(d for p in run for d in p.also))
            out.append(LeadSentence(text[first.start : last.end].strip(), doc, also, first.id))
    return out
