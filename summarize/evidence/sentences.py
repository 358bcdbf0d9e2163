"""Sentence splitting with stable ids and offsets into the article text."""

from __future__ import annotations

import re

from summarize.evidence.types import Sentence
from summarize.models import Article

_BOUNDARY_RE = re.compile(r"[^\n.!?]*(?:[.!?]+[\"'\u201d\u2019)]*|\n|$)")


def split_sentences(article: Article) -> list[Sentence]:
    """Sentences of ``article`` in order; ids are ``<document>:s<n>`` from 1."""
    out: list[Sentence] = []
    for match in _BOUNDARY_RE.finditer(article.text):
        start, end = match.span()
        raw = match.group(0)
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        start, end = start + lead, end - trail
        if end > start:
            n = len(out) + 1
            out.append(
                Sentence(
                    id=f"{article.id}:s{n}",
                    document=article.id,
                    start=start,
                    end=end,
                    text=article.text[start:end],
                )
            )
    return out
