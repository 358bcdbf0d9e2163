"""Hand-built articles and attribution relations for the compose tests.

Offsets are found by searching the article text, so each test reads like the
article it describes; the extractor itself is not involved."""

from __future__ import annotations

from summarize.evidence.duplicates import find_duplicates
from summarize.evidence.sentences import split_sentences
from summarize.evidence.types import Attribution, EvidenceBundle, Span
from summarize.models import Article


def span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span(start=start, end=start + len(part), text=part)


def relation(
    article: Article,
    source: str,
    cue: str,
    content: str,
    *,
    name: str | None = None,
    role: str | None = None,
    lemma: str | None = None,
    direct: bool = False,
    n: int = 0,
) -> Attribution:
    """A relation whose source, cue and content are the first matches in ``article``."""
    text = article.text
    content_span = span(text, content)
    return Attribution(
        id=f"{article.id}:a{n}",
        document=article.id,
        source=span(text, source),
        source_name=name or source,
        role=role,
        cue=span(text, cue),
        content=content_span,
        direct=direct,
        cue_lemma=lemma,
    )


def bundle_of(articles: list[Article], relations: list[Attribution]) -> EvidenceBundle:
    """A bundle as the evidence stage builds it, with the given relations."""
    bundle = EvidenceBundle(articles=articles)
    for article in articles:
        bundle.sentences.extend(split_sentences(article))
    bundle.attributions.extend(relations)
    bundle.duplicates.extend(find_duplicates(bundle.sentences))
    return bundle
