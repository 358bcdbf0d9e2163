"""Precision-side scores: each fabrication class lowers the score that reads it and fails check.

Starting points: each suite's gold record written as a summary (the answer
key) and, for the verifier's own scores, the offline engine's record of the
seed folder, which verifies with no errors."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from summarize.engines.offline import OfflineEngine
from summarize.evaluation.convert import gold_to_summary
from summarize.evaluation.gold import GoldRecord, load_gold
from summarize.evaluation.registry import registered, score_info
from summarize.evaluation.report_html import SHORT, render_report
from summarize.evaluation.scoring import (
    ALL_SCORES,
    LOWER_IS_BETTER,
    SHARE_SCORES,
    ScoreCard,
    score_summary,
)
from summarize.evaluation.suites import assemble_articles, discover, shared_data_dir
from summarize.evidence.bundle import build_bundle
from summarize.loader import load_folder
from summarize.models import Article, Claim, EventSummary, Speaker
from summarize.verify import check_summary

ROOT = Path(__file__).resolve().parents[1]
SUITES, _ = discover([ROOT / "evals"])
DESIGN_KEYS = (
    "attribution_accuracy",
    "claim_recall_core",
    "claim_recall_all",
    "matched_claims",
    "narrator_loaded_terms",
    "loaded_per_100_words",
    "grounding_rate",
    "dispute_recall",
    "side_coverage",
    "offevent_flagged",
)
Case = tuple[GoldRecord, list[Article], EventSummary]


def test_every_score_is_declared_once_with_a_label_and_direction() -> None:
    names = [i.name for i in registered()]
    assert names == list(ALL_SCORES) and len(set(names)) == len(names)
    assert tuple(n for n in ALL_SCORES if n in DESIGN_KEYS) == DESIGN_KEYS  # design.md order
    assert ALL_SCORES[: len(DESIGN_KEYS)] == tuple(DESIGN_KEYS)
    assert set(SHORT) == set(ALL_SCORES) and all(SHORT.values())
    assert {
        "narrator_loaded_terms",
        "loaded_per_100_words",
        "unsupported_statements",
    } == LOWER_IS_BETTER
    assert score_info("claims_per_gold_claim").direction == "none"
    assert "speaker_confirmed" not in SHARE_SCORES  # a verifier share, not a gold share


@pytest.fixture(scope="module", params=[s.name for s in SUITES])
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Case:
    suite = next(s for s in SUITES if s.name == request.param)
    if suite.source is not None and shared_data_dir(suite.root) is None:
        pytest.skip(f"{suite.name}: needs ../shared/data (AllSides), which is absent")
    ready = assemble_articles(suite, tmp_path_factory.mktemp(suite.name))
    assert ready.articles is not None
    gold = load_gold(suite.gold_path)
    articles = load_folder(ready.articles)
    return gold, articles, gold_to_summary(gold, articles)


def test_listing_every_claim_twice_scores_below_the_tight_summary(case: Case) -> None:
    gold, articles, summary = case
    padding = [
        c.model_copy(update={"id": f"{c.id}-again-{n}", "statement": f"Filler {n}."})
        for n, c in enumerate(summary.claims)
    ]
    padded = summary.model_copy(update={"claims": [*summary.claims, *padding]})
    tight, loose = (score_summary(s, gold, articles) for s in (summary, padded))
    assert tight.value("claim_precision") == 1.0 and tight.value("claims_per_gold_claim") == 1.0
    assert loose.value("claim_recall_all") == tight.value("claim_recall_all")
    assert loose.value("claim_precision") < 1.0  # type: ignore[operator]
    assert loose.value("claims_per_gold_claim") == 2.0


def test_grounding_is_read_from_the_verifier(case: Case) -> None:
    gold, articles, summary = case
    card = score_summary(summary, gold, articles)
    report = check_summary(summary, articles)
    score = card.scores["grounding_rate"]
    assert (score.numerator, score.denominator) == (
        report.quotes_grounded,
        report.quotes_checked,
    )
    without = score_summary(summary, gold, None)
    for name in ("grounding_rate", "speaker_confirmed", "unsupported_statements", "prose_backed"):
        assert without.value(name) is None


# --- fabrication classes on the seed record (verifies with no errors) -----------------

Seed = tuple[GoldRecord, list[Article], EventSummary]


@pytest.fixture(scope="module")
def seed() -> Seed:
    articles = load_folder(ROOT / "examples" / "ganja")
    summary = asyncio.run(OfflineEngine().compose(build_bundle(articles)))
    return load_gold(ROOT / "evals" / "ganja" / "gold.json"), articles, summary


def _claim(summary: EventSummary, pattern: str) -> Claim:
    return next(c for c in summary.claims if re.search(pattern, c.statement))


def _with(summary: EventSummary, claim: Claim, **update: object) -> EventSummary:
    changed = claim.model_copy(update=update)
    return summary.model_copy(
        update={"claims": [changed if c.id == claim.id else c for c in summary.claims]}
    )


def _prose(extra: str) -> Callable[[EventSummary], EventSummary]:
    return lambda s: s.model_copy(update={"summary": f"{s.summary} {extra}"})


FABRICATIONS: dict[str, tuple[Callable[[EventSummary], EventSummary], str, str]] = {
    "prose quote in no article": (
        _prose('Hikmet Hajiyev said "Armenia has surrendered unconditionally".'),
        "prose_backed",
        "prose_unsupported",
    ),
    "number added to the prose": (
        _prose("Officials said 999 people died."),
        "prose_backed",
        "prose_unsupported",
    ),
    "statement changed under its evidence": (
        lambda s: _with(
            s,
            _claim(s, "must not go unpunished"),
            statement="Omer Celik said that Turkey will send troops to Ganja",
        ),
        "unsupported_statements",
        "name_unsupported",
    ),
    "toll credited to another speaker": (
        lambda s: _with(
            s,
            _claim(s, "47 civilians"),
            speaker=Speaker(name="Nikol Pashinyan", role="Armenian Prime Minister"),
        ),
        "speaker_confirmed",
        "speaker_unconfirmed",
    ),
    "negation dropped": (
        lambda s: _with(
            s,
            _claim(s, "will not target civilians"),
            statement="Ilham Aliyev said that his country will target civilians",
        ),
        "unsupported_statements",
        "negation_dropped",
    ),
    "quote paraphrased": (
        lambda s: _with(
            s,
            _claim(s, "must not go unpunished"),
            quote="The attackers should be punished and Armenia must face prosecution",
        ),
        "grounding_rate",
        "not_verbatim",
    ),
}


def _moved_the_wrong_way(before: ScoreCard, after: ScoreCard, name: str) -> bool:
    old, new = before.value(name), after.value(name)
    assert isinstance(old, int | float) and isinstance(new, int | float)
    return new > old if name in LOWER_IS_BETTER else new < old


@pytest.mark.parametrize("fabrication", list(FABRICATIONS))
def test_each_fabrication_lowers_its_score_and_fails_check(seed: Seed, fabrication: str) -> None:
    gold, articles, summary = seed
    change, score, kind = FABRICATIONS[fabrication]
    assert check_summary(summary, articles).ok
    fabricated = change(summary)
    report = check_summary(fabricated, articles)
    assert kind in {i.kind for i in report.errors}, report.errors
    before, after = (score_summary(s, gold, articles) for s in (summary, fabricated))
    assert _moved_the_wrong_way(before, after, score), (score, after.scores[score].explanation)
    # a claim-level fabrication leaves the other claim-level score alone
    for other in ("speaker_confirmed", "unsupported_statements"):
        if other != score:
            assert after.value(other) == before.value(other), other


def test_a_score_card_keeps_every_score_beside_its_details(seed: Seed) -> None:
    gold, articles, summary = seed
    data = score_summary(summary, gold, articles).to_json()
    for name in ALL_SCORES:
        assert data[name] == data["scores"][name]["value"], name


def test_the_new_scores_reach_the_html_report(seed: Seed) -> None:
    gold, articles, summary = seed
    card = score_summary(summary, gold, articles).to_json()
    run = {"label": "offline", "aggregate": card, "suites": {"ganja": {"status": "ok"}}}
    page = render_report([run])
    for name in ("claim_precision", "claims_per_gold_claim", "speaker_confirmed"):
        assert f">{SHORT[name]}<" in page
