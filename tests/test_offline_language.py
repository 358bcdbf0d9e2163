"""Articles the offline engine cannot read are listed with the reason and a
warning, never silently turned into zero claims (issue #12)."""

from __future__ import annotations

import logging

import pytest

from summarize import summarize_articles
from summarize.evidence.language import detect_language, language_of
from summarize.models import Article

ENGLISH = (
    "Floods closed the main bridge in the capital on Friday. The mayor said the bridge "
    "would reopen on Monday after engineers had checked it."
)
ENGLISH_TOO = (
    "The main bridge in the capital was closed by floods on Friday. Engineers said that "
    "the water had damaged the road on the bridge."
)
SPANISH = (
    "Las inundaciones cerraron el puente principal de la capital el viernes. El alcalde dijo "
    "que el puente se abrirá el lunes, cuando los ingenieros terminen de revisarlo, y que "
    "no hay heridos por el momento."
)
GERMAN = (
    "Das Hochwasser hat am Freitag die wichtigste Brücke der Hauptstadt geschlossen. Der "
    "Bürgermeister sagte, die Brücke werde am Montag wieder geöffnet, wenn die Ingenieure "
    "sie geprüft haben."
)


def test_a_spanish_article_is_listed_as_unread_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    articles = [
        Article(id="en1", text=ENGLISH),
        Article(id="en2", text=ENGLISH_TOO),
        Article(id="es", text=SPANISH),
    ]
    with caplog.at_level(logging.WARNING, logger="summarize"):
        summary = summarize_articles(articles, engine="offline")
    doc = next(d for d in summary.documents if d.id == "es")
    assert doc.on_event is False
    assert doc.reason == "written in Spanish (es); the offline engine reads English only"
    assert any("es" in r.getMessage() and "Spanish" in r.getMessage() for r in caplog.records)
    assert not [c for c in summary.claims if "es" in c.reported_by]
    assert any("reopen on Monday" in c.statement for c in summary.claims)
    assert "Article es was left out" in summary.summary


def test_a_folder_with_no_english_article_says_why_it_has_no_claims() -> None:
    summary = summarize_articles(
        [Article(id="es", text=SPANISH), Article(id="de", text=GERMAN)], engine="offline"
    )
    reasons = {d.id: d.reason for d in summary.documents}
    assert reasons["de"] == "written in German (de); the offline engine reads English only"
    assert all(not d.on_event for d in summary.documents)
    assert "German" in summary.summary and "Spanish" in summary.summary
    assert "0 articles" not in summary.event.title


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (ENGLISH + " " + ENGLISH_TOO, "en"),
        (SPANISH, "es"),
        (GERMAN, "de"),
        (
            "Le gouvernement a annoncé mardi que la réforme des retraites sera présentée au "
            "Parlement dans les prochaines semaines, selon le ministre.",
            "fr",
        ),
        (
            "Il governo ha annunciato che la riforma sarà presentata al parlamento nelle "
            "prossime settimane, secondo il ministro della giustizia.",
            "it",
        ),
        (
            "O governo anunciou que a reforma será apresentada ao parlamento nas próximas "
            "semanas, disse o ministro da justiça em Brasília.",
            "pt",
        ),
        (
            "De regering heeft dinsdag besloten dat de nieuwe regels vanaf januari gelden, zo "
            "heeft een woordvoerder van het ministerie gezegd.",
            "nl",
        ),
        ("Президент заявил, что переговоры продолжатся на следующей неделе.", "ru"),
        ("Too short to tell.", None),
    ],
)
def test_the_language_is_told_from_its_function_words(text: str, code: str | None) -> None:
    assert detect_language(text) == code


def test_metadata_names_the_language_before_detection() -> None:
    assert language_of(Article(id="a", text=ENGLISH, language="es-MX")) == "es"
    assert language_of(Article(id="a", text=SPANISH, language="Spanish")) == "es"
