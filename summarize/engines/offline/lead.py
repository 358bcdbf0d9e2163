"""The lead: what happened, in the articles' own words, as most of them report it.

Each candidate is a whole body sentence of an on-event article (not its
headline, not a quotation, not a question, no loaded term, no instruction-like
passage, 8 to 60 words). Its score is how much of it the *other* articles
carry: for each other article, the best cosine overlap of content words with
one of its sentences, summed; articles that share wire copy with the
candidate's article count once, as one source. A sentence early in its
article (a news lead) is preferred at equal overlap. The lead is the best
sentence, and a second one from another source when another source carries
it too and it adds what the first does not say. Each is quoted verbatim and
attributed to the articles that carry it, so the narrator states nothing in
its own voice."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.engines.offline.headlines import headline_end
from summarize.evidence.types import EvidenceBundle, Sentence
from summarize.injection import instruction_lines
from summarize.lang.function_words import FUNCTION_WORDS
from summarize.neutrality import find_loaded

MIN_WORDS = 8
MAX_WORDS = 60
MAX_LEAD_SENTENCES = 2
#: An article "carries" a sentence when one of its sentences overlaps this much.
CARRIED = 0.35
#: A second sentence must overlap the first less than this (it adds something).
NEW_ENOUGH = 0.3
EARLY_SENTENCES = 3
EARLY_BONUS = 0.25
_WORD_RE = re.compile(r"[a-z][a-z'-]+")
_QUOTE_MARKS = '"\u201c\u201d'


@dataclass(frozen=True)
class LeadSentence:
    """One lead sentence: its verbatim text, the article it is quoted from, and
    the other articles that carry it in their own words."""

    text: str
    document: str
    also: tuple[str, ...]
    sentence_id: str


def _content(text: str) -> frozenset[str]:
    return frozenset(
        w for w in _WORD_RE.findall(text.lower()) if len(w) > 2 and w not in FUNCTION_WORDS
    )


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def _candidate(sentence: Sentence, headline: int, tainted: Sequence[str]) -> bool:
    text = sentence.text.strip()
    words = len(text.split())
    return (
        sentence.start >= headline
        and MIN_WORDS <= words <= MAX_WORDS
        and text[-1:] == "."
        and not any(q in text for q in _QUOTE_MARKS)
        and not find_loaded(text, quoted_ok=False)
        and not any(text in line or line in text for line in tainted)
    )


def choose_lead(
    bundle: EvidenceBundle, on_event: Sequence[str], copies: Sequence[Sequence[str]]
) -> list[LeadSentence]:
    """Up to two lead sentences, most widely carried first."""
    source_of = {doc: doc for doc in on_event}
    for group in copies:
        for doc in group:
            source_of[doc] = group[0]  # wire copy: one source
    sentences: dict[str, list[tuple[Sentence, frozenset[str]]]] = {d: [] for d in on_event}
    for s in bundle.sentences:
        if s.document in sentences:
            sentences[s.document].append((s, _content(s.text)))
    scored: list[tuple[float, int, Sentence, frozenset[str], tuple[str, ...]]] = []
    for order, doc in enumerate(on_event):
        article = bundle.article(doc)
        doc_sentences = [s for s, _ in sentences[doc]]
        headline = headline_end(article, doc_sentences)
        tainted = [line.text for line in instruction_lines(article)]
        body = [(s, w) for s, w in sentences[doc] if s.start >= headline]
        for position, (sentence, words) in enumerate(body):
            if not _candidate(sentence, headline, tainted):
                continue
            best: dict[str, float] = {}
            carriers: list[str] = []
            for other in on_event:
                if other == doc:
                    continue
                overlap = max((_cosine(words, w) for _, w in sentences[other]), default=0.0)
                if overlap >= CARRIED:
                    carriers.append(other)
                source = source_of[other]
                if source != source_of[doc]:
                    best[source] = max(best.get(source, 0.0), overlap)
            score = sum(best.values())
            if position < EARLY_SENTENCES:
                score += EARLY_BONUS * (EARLY_SENTENCES - position) / EARLY_SENTENCES
            scored.append((score, order, sentence, words, tuple(carriers)))
    scored.sort(key=lambda item: (-item[0], item[1], item[2].start))
    lead: list[tuple[Sentence, frozenset[str], tuple[str, ...]]] = []
    for _, _, sentence, words, also in scored:
        if len(lead) >= MAX_LEAD_SENTENCES:
            break
        if lead and (
            source_of[sentence.document] == source_of[lead[0][0].document]
            or not any(source_of[d] != source_of[sentence.document] for d in also)
            or _cosine(words, lead[0][1]) >= NEW_ENOUGH
        ):
            continue
        lead.append((sentence, words, also))
    return [LeadSentence(s.text.strip(), s.document, also, s.id) for s, _, also in lead]
