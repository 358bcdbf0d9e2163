"""Build the evidence bundle the compose stage works from."""

from __future__ import annotations

from collections.abc import Sequence

from summarize.evidence.attribution import extract_attributions
from summarize.evidence.sentences import split_sentences
from summarize.evidence.types import EvidenceBundle
from summarize.models import Article


def build_bundle(articles: Sequence[Article]) -> EvidenceBundle:
    """Sentences and attribution relations for every article."""
    bundle = EvidenceBundle(articles=list(articles))
    for article in articles:
        bundle.sentences.extend(split_sentences(article))
        bundle.attributions.extend(extract_attributions(article))
    return bundle
