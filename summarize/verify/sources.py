"""Where each evidence excerpt lies in its document, and what the evidence stage
says about that place: its sentences and the attribution relations covering it.

Relations and sentences come from an :class:`EvidenceBundle` when the caller
has one; otherwise they are computed per cited document, once, and only when
a check first needs them."""

from __future__ import annotations

import bisect
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.evidence.attribution import extract_attributions
from summarize.evidence.sentences import split_sentences
from summarize.evidence.types import Attribution, EvidenceBundle, Sentence
from summarize.grounding import locate
from summarize.intervals import SpanIndex
from summarize.models import Article, Evidence, SummaryBody

_SENTENCE_ID_RE = re.compile(r"^d(\d+)\.s(\d+)$")


@dataclass(frozen=True)
class Cited:
    """One evidence excerpt located in its document."""

    document: str
    start: int
    end: int
    sentences: list[Sentence]
    relations: list[Attribution]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _DocumentIndex:
    """A document's sentences and relations, found by the span they overlap without
    a pass over all of them (citing each excerpt of a long article would otherwise
    be quadratic in its length). Results are in the lists' own order."""

    def __init__(self, sentences: list[Sentence], relations: list[Attribution]) -> None:
        self.sentences = sentences
        self.relations = relations
        self._starts = [s.start for s in sentences]
        self._ends = [s.end for s in sentences]
        self._sorted = self._starts == sorted(self._starts) and self._ends == sorted(self._ends)
        self._parts = [
            [(p.start, p.end) for p in [r.content, *r.content_parts, r.cue]] for r in relations
        ]
        self._near = SpanIndex()
        for n, parts in enumerate(self._parts):
            self._near.add(n, parts)

    def overlapping(self, span: tuple[int, int]) -> tuple[list[Sentence], list[Attribution]]:
        if self._sorted:  # sentences in text order: those overlapping are consecutive
            lo = bisect.bisect_right(self._ends, span[0])
            hi = bisect.bisect_left(self._starts, span[1])
            sentences = [s for s in self.sentences[lo:hi] if _overlaps((s.start, s.end), span)]
        else:
            sentences = [s for s in self.sentences if _overlaps((s.start, s.end), span)]
        relations = [
            self.relations[n]
            for n in self._near.near(*span)
            if any(_overlaps(p, span) for p in self._parts[n])
        ]
        return sentences, relations


#: Articles whose relations are kept, most recently used last (bounded: a batch
#: checks many events in one process).
_KEPT = 64
_relations: OrderedDict[Article, tuple[Attribution, ...]] = OrderedDict()
_lock = threading.Lock()


def _keep(article: Article, relations: tuple[Attribution, ...]) -> None:
    with _lock:
        _relations[article] = relations
        _relations.move_to_end(article)
        while len(_relations) > _KEPT:
            _relations.popitem(last=False)


def _relations_of(article: Article) -> tuple[Attribution, ...]:
    """The article's attribution relations, parsed once per process: a record is often
    checked more than once (by the engine, before it is returned, by ``run``'s
    warnings), and a check without the evidence bundle reuses what a check with it
    (or an earlier one) found instead of parsing the article again."""
    with _lock:
        found = _relations.get(article)
    if found is None:
        found = tuple(extract_attributions(article))
    _keep(article, found)
    return found


class Sources:
    """Articles by id, with sentences and relations fetched lazily."""

    def __init__(self, articles: Sequence[Article], bundle: EvidenceBundle | None = None) -> None:
        self.texts = {a.id: a.text for a in articles}
        self._articles = {a.id: a for a in articles}
        self._sentences: dict[str, list[Sentence]] = {}
        self._relations: dict[str, list[Attribution]] = {}
        self._index: dict[str, _DocumentIndex] = {}
        if bundle is not None and bundle.sentences:  # a bundle build_bundle filled in
            for s in bundle.sentences:
                self._sentences.setdefault(s.document, []).append(s)
            for r in bundle.attributions:
                self._relations.setdefault(r.document, []).append(r)
            for a in bundle.articles:
                self._sentences.setdefault(a.id, [])
                _keep(a, tuple(self._relations.setdefault(a.id, [])))

    def is_document_voice(self, speaker: str, doc: str) -> bool:
        """True when ``speaker`` is document ``doc`` itself: it names its id or its outlet."""
        article = self._articles.get(doc)
        if article is None:
            return False
        said = speaker.casefold().split()
        return doc.casefold() in said or bool(
            article.outlet and article.outlet.casefold() == speaker.casefold().removeprefix("the ")
        )

    def sentences(self, doc: str) -> list[Sentence]:
        if doc not in self._sentences:
            self._sentences[doc] = split_sentences(self._articles[doc])
        return self._sentences[doc]

    def relations(self, doc: str) -> list[Attribution]:
        if doc not in self._relations:
            self._relations[doc] = list(_relations_of(self._articles[doc]))
        return self._relations[doc]

    def span(self, ev: Evidence) -> tuple[int, int] | None:
        """Offsets of ``ev.quote`` in its document: ``start``/``end`` when they hold the
        excerpt, else where the excerpt occurs verbatim; None when it does not."""
        text = self.texts.get(ev.document)
        if text is None:
            return None
        if ev.start is not None and ev.end is not None and ev.end <= len(text):
            inner = locate(ev.quote, text[ev.start : ev.end])
            if inner is not None:
                return ev.start + inner[0], ev.start + inner[1]
        return locate(ev.quote, text)

    def cite(self, ev: Evidence) -> Cited | None:
        span = self.span(ev)
        if span is None:
            return None
        doc = ev.document
        if doc not in self._index:
            self._index[doc] = _DocumentIndex(self.sentences(doc), self.relations(doc))
        sentences, relations = self._index[doc].overlapping(span)
        return Cited(doc, span[0], span[1], sentences, relations)

    def sentence_ids_mismatch(self, summary: SummaryBody, ev: Evidence) -> str | None:
        """A message when ``ev.sentence_ids`` name sentences the excerpt does not lie in."""
        if not ev.sentence_ids:
            return None
        order = {d.id: n for n, d in enumerate(summary.documents, start=1)}
        span = self.span(ev)
        if span is None or ev.document not in order:
            return None
        sentences = self.sentences(ev.document)
        for sid in ev.sentence_ids:
            m = _SENTENCE_ID_RE.match(sid)
            if m is None or int(m.group(1)) != order[ev.document]:
                return f"sentence id '{sid}' does not name a sentence of '{ev.document}'"
            n = int(m.group(2))
            if not 1 <= n <= len(sentences) or not _overlaps(
                (sentences[n - 1].start, sentences[n - 1].end), span
            ):
                return f"sentence id '{sid}' is not where the excerpt lies in '{ev.document}'"
        return None
