"""Build the evidence bundle: every fact about the articles, computed once."""

from __future__ import annotations

from collections.abc import Sequence

from summarize.evidence.attribution import extract_many
from summarize.evidence.dates import reference_date, report_date
from summarize.evidence.duplicates import find_duplicates
from summarize.evidence.features import document_features
from summarize.evidence.figures import find_figures
from summarize.evidence.grouping import group_events
from summarize.evidence.relevance import judge_relevance
from summarize.evidence.sentences import document_alias, split_sentences
from summarize.evidence.types import Attribution, EvidenceBundle
from summarize.models import Article


def build_bundle(articles: Sequence[Article], *, processes: int = 1) -> EvidenceBundle:
    """Sentences (ids ``d<k>.s<n>``), attribution relations (``d<k>.a<n>``),
    cross-article duplicate passages, report dates, figures, event groups and
    relevance per document. Places (an entity-recogniser pass) are computed on first use by
    :meth:`EvidenceBundle.gazetteer`. ``processes > 1`` parses in that many
    processes; the bundle is the same whatever the number."""
    bundle = EvidenceBundle(articles=list(articles))
    for k, article in enumerate(articles, start=1):
        bundle.sentences.extend(split_sentences(article, k))
    for k, relations in enumerate(extract_many(articles, n_process=processes), start=1):
        bundle.attributions.extend(_with_ids(relations, document_alias(k)))
    bundle.duplicates.extend(find_duplicates(bundle.sentences))
    ref = reference_date(articles)
    bundle.reference_date = ref
    bundle.report_dates = {a.id: report_date(a, ref) for a in articles}
    bundle.figures = {a.id: find_figures(a.text) for a in articles}
    features = [
        document_features(
            a.id, a.text, bundle.report_dates[a.id], bundle.figures[a.id], headline=a.title
        )
        for a in articles
    ]
    bundle.groups = group_events(features)
    bundle.relevance = judge_relevance(features, bundle.groups)
    return bundle


def _with_ids(relations: Sequence[Attribution], alias: str) -> list[Attribution]:
    """Relations renamed into the bundle's id scheme: ``<alias>.a<n>``, and the
    sentence id ``<alias>.s<n>`` of the sentence their cue is in (the extractor
    splits sentences with the same splitter, so its numbering is the bundle's)."""
    out = []
    for n, rel in enumerate(relations, start=1):
        sentence = rel.sentence_id.rsplit(":s", 1)[-1] if rel.sentence_id else None
        out.append(
            rel.model_copy(
                update={
                    "id": f"{alias}.a{n}",
                    "sentence_id": f"{alias}.s{sentence}" if sentence else None,
                }
            )
        )
    return out
