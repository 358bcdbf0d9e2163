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


STORM_A = Article(
    id="a",
    text=(
        "A storm flooded the river town of Lamberton on Sunday night.\n\n"
        "The flood cut power to four thousand homes across the valley.\n\n"
        "Rescue boats took forty residents from the roofs of their houses."
    ),
)
STORM_B = Article(
    id="b",
    text=(
        "The river town of Lamberton was flooded by a storm on Sunday night.\n\n"
        "Four thousand homes in the valley lost power in the flood.\n\n"
        "Forty residents were taken from house roofs by rescue boats."
    ),
)
STORM_C = Article(
    id="c",
    text=(
        "Sunday night's storm left Lamberton, a river town, under water.\n\n"
        "Power to four thousand valley homes was cut by the flood.\n\n"
        "Rescue boats lifted forty residents from roofs."
    ),
)


def test_the_lead_gives_each_fact_most_articles_carry_not_only_the_first() -> None:
    text = summarize_articles([STORM_A, STORM_B, STORM_C], engine="offline").summary
    assert "flooded" in text or "flood" in text
    assert "four thousand" in text.lower()  # the second shared fact
    assert "rescue boats" in text.lower()  # and the third


def test_an_article_quoted_twice_in_the_lead_is_credited_once() -> None:
    text = summarize_articles([STORM_A, STORM_B, STORM_C], engine="offline").summary
    credited = re.findall(r"Article (\S+) reports:", text)
    assert credited and len(credited) == len(set(credited)), text


def test_words_quoted_in_the_lead_are_not_quoted_again_as_a_claim() -> None:
    said = "Mayor Ann Lee said the harbour road would reopen on Friday after the repairs."
    articles = [
        Article(id="p", text=f"{said}\n\nA fire closed the harbour road in Port Ellis."),
        Article(id="q", text=f"A fire in Port Ellis closed the harbour road.\n\n{said}"),
        Article(id="r", text="The harbour road in Port Ellis was closed by a fire."),
    ]
    summary = summarize_articles(articles, engine="offline")
    assert summary.claims  # the mayor's words are a claim in the record
    assert summary.summary.count("would reopen on Friday") == 1, summary.summary


def test_a_sentence_that_points_back_to_the_one_before_is_not_the_lead() -> None:
    shared = "the port authority closed the harbour road in Port Ellis after the fire"
    articles = [
        Article(id="u", text=f"Smoke rose over the docks.\n\nHowever, {shared}."),
        Article(id="v", text=f"Crews worked all night.\n\nOn the other hand, {shared}."),
        Article(id="w", text=f"It was a long night.\n\nThey said {shared}."),
    ]
    text = summarize_articles(articles, engine="offline").summary
    assert "However," not in text and "On the other hand" not in text, text
    assert '"They said' not in text, text
