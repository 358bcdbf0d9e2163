"""Attribution extraction: (source, cue, content) relations with offsets."""

from __future__ import annotations

from summarize.evidence.types import Attribution
from summarize.models import Article


def extract_attributions(article: Article) -> list[Attribution]:
    """Every attribution relation in ``article``. (Being written: see issue 3.)"""
    return []
