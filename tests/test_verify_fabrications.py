"""The fabrications a reader could not catch, each caught by ``check`` on the seed folder.

The starting point is the offline engine's record for examples/ganja, which
verifies with no errors; each test changes it the way a careless or
misled model would and expects an error that names the fabrication."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from summarize.engines.offline import OfflineEngine
from summarize.evidence.bundle import build_bundle
from summarize.evidence.types import EvidenceBundle
from summarize.loader import load_folder
from summarize.models import Article, Claim, EventSummary, Speaker
from summarize.verify import CheckReport, check_summary

SEED = Path(__file__).resolve().parents[1] / "examples" / "ganja"
Seed = tuple[EventSummary, list[Article], EvidenceBundle]


@pytest.fixture(scope="module")
def seed() -> Seed:
    articles = load_folder(SEED)
    bundle = build_bundle(articles)
    return asyncio.run(OfflineEngine().compose(bundle)), articles, bundle


def _check(seed: Seed, summary: EventSummary) -> CheckReport:
    return check_summary(summary, seed[1], bundle=seed[2])


def _claim(summary: EventSummary, speaker: str, words: str) -> Claim:
    return next(c for c in summary.claims if c.speaker.name == speaker and words in c.statement)


def _replace(summary: EventSummary, claim: Claim) -> EventSummary:
    claims = [claim if c.id == claim.id else c for c in summary.claims]
    return summary.model_copy(update={"claims": claims})


def test_the_seed_record_verifies(seed: Seed) -> None:
    report = _check(seed, seed[0])
    assert report.errors == []
    # computing the relations itself gives the same verdict as reading the bundle
    assert check_summary(seed[0], seed[1]).errors == []


def test_a_quote_in_no_article_credited_in_the_prose_is_an_error(seed: Seed) -> None:
    summary = seed[0]
    fake = 'Hikmet Hajiyev said "Armenia has surrendered unconditionally".'
    report = _check(seed, summary.model_copy(update={"summary": f"{summary.summary} {fake}"}))
    (issue,) = report.errors
    assert issue.kind == "prose_unsupported"
    assert "Armenia has surrendered unconditionally" in issue.message
    assert issue.where.startswith("summary sentence")


def test_a_statement_changed_under_unchanged_evidence_is_an_error(seed: Seed) -> None:
    summary = seed[0]
    claim = _claim(summary, "Omer Celik", "must not go unpunished")
    changed = claim.model_copy(
        update={"statement": "Omer Celik said that Turkey will send troops to Ganja"}
    )
    report = _check(seed, _replace(summary, changed))
    (issue,) = report.errors
    assert (issue.kind, issue.claim, issue.field) == ("name_unsupported", claim.id, "statement")
    assert "ganja" in issue.message
    assert "attackers must not go unpunished" in issue.message  # names the evidence
    assert report.unsupported_claims == [claim.id]


def test_a_toll_credited_to_the_wrong_speaker_is_an_error(seed: Seed) -> None:
    summary = seed[0]
    claim = _claim(summary, "Azerbaijan's Prosecutor General's Office", "47")
    pashinyan = Speaker(name="Nikol Pashinyan", role="Armenian Prime Minister")
    swapped = claim.model_copy(
        update={
            "speaker": pashinyan,
            "statement": claim.statement.replace(claim.speaker.name, "Nikol Pashinyan"),
        }
    )
    report = _check(seed, _replace(summary, swapped))
    # the claim's speaker, and the prose that still credits the toll to the Office
    assert {i.kind for i in report.errors} == {"speaker_unconfirmed", "prose_unsupported"}
    (issue,) = [i for i in report.errors if i.kind == "speaker_unconfirmed"]
    assert (issue.claim, issue.field) == (claim.id, "speaker")
    assert "Nikol Pashinyan" in issue.message and "Prosecutor" in issue.message
    assert report.speakers[claim.id] is False
    # the same toll credited to him in the prose fails too
    prose = summary.summary.replace(
        "Azerbaijan's Prosecutor General's Office also gave a running toll",
        "Nikol Pashinyan also gave a running toll",
    )
    assert prose != summary.summary
    report = _check(seed, summary.model_copy(update={"summary": prose}))
    assert {i.kind for i in report.errors} == {"prose_unsupported"}
    assert all("Nikol Pashinyan" in i.message for i in report.errors)
    assert {"47", "222"} <= {w for i in report.errors for w in i.message.split()}


def test_a_number_added_to_the_prose_is_an_error(seed: Seed) -> None:
    summary = seed[0]
    report = _check(
        seed,
        summary.model_copy(
            update={"summary": summary.summary + " Officials said 999 people died."}
        ),
    )
    (issue,) = report.errors
    assert issue.kind == "prose_unsupported" and "number 999" in issue.message


def test_a_dropped_negation_is_an_error(seed: Seed) -> None:
    summary = seed[0]
    claim = _claim(summary, "Ilham Aliyev", "will not target civilians")
    changed = claim.model_copy(
        update={"statement": "Ilham Aliyev said his country will target civilians"}
    )
    report = _check(seed, _replace(summary, changed))
    (issue,) = report.errors
    assert (issue.kind, issue.claim) == ("negation_dropped", claim.id)
    assert "not target civilians" in issue.message


def test_dates_in_a_statement_are_not_figures(seed: Seed) -> None:
    summary = seed[0]
    claim = _claim(summary, "Omer Celik", "must not go unpunished")
    dated = claim.model_copy(update={"statement": f"On 17 October 2020, {claim.statement}"})
    report = _check(seed, _replace(summary, dated))
    assert report.errors == []
    saturday = claim.model_copy(update={"statement": f"{claim.statement} on Saturday"})
    assert _check(seed, _replace(summary, saturday)).errors == []
    made_up = claim.model_copy(update={"statement": f"{claim.statement}, 300 times"})
    assert [i.kind for i in _check(seed, _replace(summary, made_up)).errors] == [
        "number_unsupported"
    ]
