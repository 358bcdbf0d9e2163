"""Titles are grammatical noun phrases from the headlines, accents kept (issue #12:
"the storm government in Hong Kong", "Quer taro" for Querétaro)."""

from __future__ import annotations

from summarize import summarize_articles
from summarize.models import Article


def _folder(*texts: str) -> list[Article]:
    return [Article(id=f"a{k}", text=text) for k, text in enumerate(texts, start=1)]


def test_a_title_keeps_the_accents_of_the_place_it_names() -> None:
    articles = _folder(
        "Bus crash kills travellers near Querétaro\n\n"
        "A bus crash on the highway near Querétaro killed several travellers on Monday, "
        "officials in the state said.",
        "Deadly bus crash on Querétaro highway\n\n"
        "The bus crash happened before dawn on the highway outside Querétaro, and rescue "
        "crews worked for hours.",
        "Travellers die in Querétaro bus crash\n\n"
        "Several travellers died when their bus crashed on the highway near Querétaro.",
    )
    summary = summarize_articles(articles, engine="offline")
    assert summary.event.title == "Bus crash in Querétaro", summary.event.title
    assert "Quer taro" not in summary.summary and "Quer taro" not in summary.event.title
    assert "Querétaro" in summary.summary or "Querétaro" in summary.event.title


def test_a_title_is_a_noun_phrase_the_headlines_share_not_a_join_across_phrases() -> None:
    articles = _folder(
        "Storm closes schools as government orders shutdown\n\n"
        "A tropical storm closed schools across the territory on Tuesday after the "
        "government ordered a shutdown of public offices.",
        "Government shuts offices as tropical storm nears\n\n"
        "The government shut public offices and schools on Tuesday as the tropical storm "
        "approached the coast.",
        "Tropical storm brings heavy rain\n\n"
        "Heavy rain from the tropical storm flooded streets on Tuesday; the government "
        "had closed schools and offices the day before.",
    )
    title = summarize_articles(articles, engine="offline").event.title
    assert title.lower().startswith("tropical storm"), title
    assert "storm government" not in title.lower()


def test_a_title_keeps_letters_outside_ascii_in_the_word_pair_fallback() -> None:
    from summarize.engines.offline.event import _pairs

    pairs = _pairs("La reunión económica terminó sin acuerdo en Querétaro.", set())
    assert all("\ufffd" not in p and " " in p for p in pairs)
    assert any("económica" in p or "reunión" in p for p in pairs), pairs


def test_a_shared_word_pair_that_crosses_a_phrase_boundary_is_no_title() -> None:
    # every article has "case against" (a noun and the preposition after it) and
    # "opened fire" (a verb and its object); neither names the event
    articles = _folder(
        "Prosecutors built their case against the gunman who opened fire at the depot. "
        "The depot shooting left two guards wounded, police said.",
        "The case against the man who opened fire rests on video, prosecutors said. "
        "Two guards were wounded in the depot shooting.",
        "Lawyers will contest the case against the suspect who opened fire on Friday. "
        "The depot shooting wounded two guards.",
    )
    title = summarize_articles(articles, engine="offline").event.title
    assert "against" not in title.lower() and "opened" not in title.lower(), title
