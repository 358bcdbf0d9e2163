"""The offline engine end to end on hand-made articles: neutral, attributed, verifiable."""

from __future__ import annotations

import json

from compose_helpers import bundle_of, relation

from summarize.engines.base import Engine
from summarize.engines.offline import OfflineEngine
from summarize.models import Article
from summarize.neutrality import find_loaded
from summarize.render import render_json
from summarize.verify import check_summary

A = Article(
    id="a",
    outlet="Daily One",
    text=(
        "Protesters marched through Riverton on Saturday. Police chief Tom Hale said that "
        "\u201cthugs and radicals\u201d had smashed 30 shop windows. "
        "\u201cThis was a peaceful march that the regime tried to crush,\u201d organiser "
        "Maria Lind said."
    ),
)
B = Article(
    id="b",
    outlet="Evening Two",
    text=(
        "A march in Riverton on Saturday ended in clashes. Hale said that thugs and radicals "
        "had smashed 30 shop windows. Maria Lind, an organiser, said police used brutal force."
    ),
)


def _bundle():
    return bundle_of(
        [A, B],
        [
            relation(
                A,
                "Police chief Tom Hale",
                "said",
                "that \u201cthugs and radicals\u201d had smashed 30 shop windows",
                name="Tom Hale",
                role="Police chief",
            ),
            relation(
                A,
                "Maria Lind",
                "said",
                "\u201cThis was a peaceful march that the regime tried to crush,\u201d",
                role="organiser",
                direct=True,
                n=1,
            ),
            relation(B, "Hale", "said", "that thugs and radicals had smashed 30 shop windows"),
            relation(B, "Maria Lind", "said", "police used brutal force", role="an organiser", n=1),
        ],
    )


async def test_offline_engine_is_an_engine_and_names_itself() -> None:
    engine = OfflineEngine()
    assert isinstance(engine, Engine)
    summary = await engine.compose(_bundle())
    assert summary.provenance.engine == "offline"


async def test_loaded_words_appear_only_inside_quotation_marks() -> None:
    summary = await OfflineEngine().compose(_bundle())
    assert find_loaded(summary.summary) == []
    for claim in summary.claims:
        assert find_loaded(claim.statement) == [], claim.statement
    loaded_inside = [c for c in summary.claims if find_loaded(c.statement, quoted_ok=False)]
    assert loaded_inside, "the sources' loaded words should be kept, quoted"


async def test_statements_attribute_with_neutral_verbs_and_quote_verbatim() -> None:
    summary = await OfflineEngine().compose(_bundle())
    lind = next(c for c in summary.claims if c.speaker.name == "Maria Lind" and c.quote)
    assert lind.statement == (
        'Maria Lind said: "This was a peaceful march that the regime tried to crush"'
    )
    assert lind.quote is not None and lind.quote in A.text
    for claim in summary.claims:
        assert claim.statement.startswith(claim.speaker.name) or claim.statement.startswith("The ")
        assert " said" in claim.statement


async def test_record_verifies_and_validates_against_the_schema() -> None:
    summary = await OfflineEngine().compose(_bundle())
    report = check_summary(summary, [A, B])
    assert report.errors == []
    data = json.loads(render_json(summary))
    assert data["provenance"]["engine"] == "offline"
    hale = [c for c in summary.claims if c.speaker.name == "Tom Hale"]
    assert len(hale) == 1 and hale[0].reported_by == ["a", "b"]
