"""Build the evidence bundle the compose stage works from."""

from __future__ import annotations

from collections.abc import Sequence

from summarize.evidence.attribution import extract_many
from summarize.evidence.duplicates import find_duplicates
from summarize.evidence.sentences import split_sentences
from summarize.evidence.types import EvidenceBundle
from summarize.models import Article


def build_bundle(articles: Sequence[Article]) -> EvidenceBundle:
    """Sentences, attribution relations and cross-article duplicate passages."""
    bundle = EvidenceBundle(articles=list(articles))
    for article in articles:
        bundle.sentences.extend(split_sentences(article))
    for relations in extract_many(articles):
        bundle.attributions.extend(relations)
    bundle.duplicates.extend(find_duplicates(bundle.sentences))
    return bundle
