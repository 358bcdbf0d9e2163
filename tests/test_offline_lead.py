"""The summary says what happened (issue #12): it opens with the sentence most
articles carry, quoted and attributed, so no summary is only "N articles
report on ..." even when no attributed claim exists."""

from __future__ import annotations

import re

from summarize import summarize_articles
from summarize.models import Article

FIRE = Article(
    id="fire",
    outlet="Daily",
    text=(
        "Warehouse Fire Closes Harbour Road\n\n"
        "A fire destroyed a warehouse near the harbour in Port Ellis on Tuesday night and "
        "closed the harbour road for several hours.\n\n"
        "The building had stood empty since the spring."
    ),
)
FIRE_TOO = Article(
    id="fire2",
    outlet="Courier",
    text=(
        "Traffic was diverted through the town centre.\n\n"
        "An empty warehouse near the harbour in Port Ellis was destroyed by a fire on Tuesday "
        "night, and the harbour road was closed for several hours."
    ),
)
OTHER = Article(
    id="other",
    outlet="Gazette",
    text=(
        "Residents of Port Ellis watched the smoke from their gardens.\n\n"
        "The warehouse near the harbour burned through Tuesday night, closing the harbour road."
    ),
)


def test_with_no_attributed_claim_the_summary_still_says_what_happened() -> None:
    summary = summarize_articles([FIRE, FIRE_TOO, OTHER], engine="offline")
    assert not summary.claims
    assert "destroyed a warehouse near the harbour" in summary.summary
    assert 'Article fire reports: "A fire destroyed a warehouse' in summary.summary
    # the words are quoted and attributed; the other articles that carry it are named
    assert "also reported by article" in summary.summary and "fire2" in summary.summary


def test_the_lead_is_the_sentence_the_articles_share_not_an_aside() -> None:
    text = summarize_articles([FIRE, FIRE_TOO, OTHER], engine="offline").summary
    assert "stood empty since the spring" not in text
    assert "watched the smoke" not in text  # a second sentence only if another source has it
    assert "Traffic was diverted" not in text
    assert "Warehouse Fire Closes" not in text  # a headline is never the lead


def test_each_quoted_lead_sentence_is_in_the_article_it_is_credited_to() -> None:
    articles = [OTHER, FIRE_TOO, FIRE]  # the shared sentence is no longer in the first article
    summary = summarize_articles(articles, engine="offline")
    texts = {a.id: a.text for a in articles}
    leads = re.findall(r'Article (\S+) reports: "([^"]+)"', summary.summary)
    assert leads
    for doc, quote in leads:
        assert quote in texts[doc], (doc, quote)
