"""The quality bar on the seed folder (examples/ganja), end to end with the real extractor."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from summarize.engines.offline import OfflineEngine
from summarize.evidence.bundle import build_bundle
from summarize.loader import load_folder
from summarize.models import Claim, EventSummary
from summarize.neutrality import find_loaded
from summarize.render import render_json
from summarize.verify import check_summary

SEED = Path(__file__).resolve().parents[1] / "examples" / "ganja"


@pytest.fixture(scope="module")
def seed() -> tuple[EventSummary, list]:
    import asyncio

    articles = load_folder(SEED)
    summary = asyncio.run(OfflineEngine().compose(build_bundle(articles)))
    return summary, articles


def _text(claim: Claim) -> str:
    return f"{claim.statement} {claim.quote or ''}"


def _has(claim: Claim, *patterns: str) -> bool:
    return all(re.search(p, _text(claim), re.IGNORECASE) for p in patterns)


def _claims(summary: EventSummary, speaker: str, *patterns: str) -> list[Claim]:
    return [
        c
        for c in summary.claims
        if speaker.lower() in c.speaker.name.lower() and _has(c, *patterns)
    ]


def test_prosecutor_and_aide_figures_are_separate_disputed_claims(seed) -> None:
    summary, _ = seed
    prosecutor = _claims(summary, "prosecutor", r"\b12\b", r"\b40\b")
    toll = _claims(summary, "prosecutor", r"\b47\b", r"\b222\b")
    aide = _claims(summary, "hajiyev", r"\bten\b", r"\btwo children\b", r"\b35\b")
    houses = _claims(summary, "hajiyev", r"\b20 houses\b")
    assert prosecutor and toll and aide and houses
    assert len(houses) == 1, "the houses claim is one claim across outlets"
    assert set(houses[0].reported_by) >= {"000_bf8c89e02805decc", "001_99b36236ab0dfe2e"}
    disputed = [
        d for d in summary.disputes if prosecutor[0].id in d.claim_ids and aide[0].id in d.claim_ids
    ]
    assert disputed, "the prosecutor's and the aide's figures should be one dispute"
    assert "Hikmet Hajiyev" in disputed[0].description
    assert "Prosecutor" in disputed[0].description


def test_armenian_denial_is_a_claim_and_a_dispute(seed) -> None:
    summary, _ = seed
    denials = [
        c
        for c in summary.claims
        if "denied" in c.statement and (c.speaker.affiliation == "Armenia")
    ]
    assert denials
    denial_ids = {c.id for c in denials}
    assert any(denial_ids & set(d.claim_ids) for d in summary.disputes)
    assert "denied" in summary.summary


def test_the_running_toll_is_not_contradicted_by_the_denial(seed) -> None:
    """Armenia denies that its army struck Ganja; that does not dispute the count of
    civilians killed since the fighting began."""
    summary, _ = seed
    toll = _claims(summary, "prosecutor", r"\b47\b", r"\b222\b")
    assert toll
    denials = [d for d in summary.disputes if d.topic.startswith("denial")]
    assert denials, "the denial should still dispute the accusation"
    for dispute in denials:
        assert toll[0].id not in dispute.claim_ids
        assert "47" not in dispute.description


def test_earlier_strike_article_is_flagged_and_unused(seed) -> None:
    summary, _ = seed
    off = [d for d in summary.documents if not d.on_event]
    assert [d.id for d in off] == ["003_2105b4721b65a7a3"]
    assert off[0].reason
    for claim in summary.claims:
        assert "003_2105b4721b65a7a3" not in claim.reported_by


def test_event_fields(seed) -> None:
    summary, _ = seed
    assert summary.event.location == "Ganja"
    assert summary.event.date is not None and summary.event.date.isoformat() == "2020-10-17"
    assert find_loaded(summary.event.title) == []


def test_no_loaded_term_in_the_narrators_voice(seed) -> None:
    summary, _ = seed
    assert find_loaded(summary.summary) == []
    for claim in summary.claims:
        assert find_loaded(claim.statement) == [], claim.statement
    for name in ("Hajiyev", "Prosecutor", "12", "40", "35", "47", "222"):
        assert name in summary.summary


def test_record_passes_check_and_the_schema(seed) -> None:
    summary, articles = seed
    report = check_summary(summary, articles)
    assert report.errors == []
    data = json.loads(render_json(summary))
    assert data["provenance"]["engine"] == "offline"
    assert all(c["evidence"] for c in data["claims"])


def test_no_two_claims_say_the_same_thing(seed) -> None:
    summary, _ = seed
    seen = [(c.speaker.name, c.statement) for c in summary.claims]
    assert len(seen) == len(set(seen))
