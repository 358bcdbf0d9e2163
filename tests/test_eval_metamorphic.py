"""Metamorphic tests: change a summary in a known way, the score moves the known way.

The starting point is each suite's gold record written as a summary
(``gold_to_summary``), which must score 1.0 on every share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.evaluation.convert import gold_to_summary
from summarize.evaluation.gold import GoldRecord, load_gold
from summarize.evaluation.scoring import SHARE_SCORES, score_summary
from summarize.evaluation.suites import assemble_articles, discover, shared_data_dir
from summarize.loader import load_folder
from summarize.models import Article, Claim, EventSummary, Speaker

EVALS = Path(__file__).resolve().parents[1] / "evals"
SUITES, _ = discover([EVALS])
NAMES = [s.name for s in SUITES]
Case = tuple[GoldRecord, list[Article], EventSummary]


@pytest.fixture(scope="module", params=NAMES)
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Case:
    suite = next(s for s in SUITES if s.name == request.param)
    if suite.source is not None and shared_data_dir(suite.root) is None:
        pytest.skip(f"{suite.name}: needs ../shared/data (AllSides), which is absent")
    ready = assemble_articles(suite, tmp_path_factory.mktemp(suite.name))
    assert ready.articles is not None
    gold = load_gold(suite.gold_path)
    articles = load_folder(ready.articles)
    return gold, articles, gold_to_summary(gold, articles)


def with_claims(summary: EventSummary, claims: list[Claim]) -> EventSummary:
    return summary.model_copy(update={"claims": claims})


def test_the_gold_record_as_a_summary_scores_one_on_everything(case: Case) -> None:
    gold, articles, summary = case
    card = score_summary(summary, gold, articles)
    for name in SHARE_SCORES:
        assert card.value(name) == 1.0, (name, card.scores[name].explanation)
    assert card.value("matched_claims") == len(gold.claims)
    assert card.value("narrator_loaded_terms") == 0
    assert card.value("loaded_per_100_words") == 0.0


def speaker_pairs(gold: GoldRecord) -> Iterator[tuple[int, int]]:
    """Indices of two claims whose speakers cannot stand in for each other."""
    for i, a in enumerate(gold.claims):
        for j, b in enumerate(gold.claims[i + 1 :], i + 1):
            if not set(a.speakers) & set(b.speakers):
                yield i, j


def test_swapping_two_claims_speakers_lowers_attribution(case: Case) -> None:
    gold, articles, summary = case
    pairs = list(speaker_pairs(gold))
    if not pairs:
        pytest.skip("every claim shares a speaker")
    i, j = pairs[0]
    claims = list(summary.claims)
    a, b = claims[i].speaker, claims[j].speaker
    claims[i] = claims[i].model_copy(update={"speaker": b})
    claims[j] = claims[j].model_copy(update={"speaker": a})
    before = score_summary(summary, gold, articles)
    after = score_summary(with_claims(summary, claims), gold, articles)
    assert after.value("attribution_accuracy") < before.value("attribution_accuracy")  # type: ignore[operator]
    wrong = {w["summary"] for w in after.details["wrong_speakers"]}
    assert {claims[i].id, claims[j].id} <= wrong
    assert after.value("claim_recall_all") == before.value("claim_recall_all")


@pytest.mark.parametrize("word", ["brutal", "regime", "slammed"])
def test_a_loaded_word_counts_outside_quotes_and_not_inside(case: Case, word: str) -> None:
    gold, articles, summary = case
    base = score_summary(summary, gold, articles).value("narrator_loaded_terms")
    for text, added in (
        (f"{summary.summary} Officials described a {word} day.", 1),
        (f'{summary.summary} Officials described a "{word} day".', 0),
        (f"{summary.summary} Officials described a \u201c{word} day\u201d.", 0),
        (f"{summary.summary} Officials described a \u2018{word} day\u2019.", 0),
        (f"{summary.summary} Officials' account described a {word} day.", 1),
    ):
        changed = summary.model_copy(update={"summary": text})
        card = score_summary(changed, gold, articles)
        assert card.value("narrator_loaded_terms") == base + added, text  # type: ignore[operator]
    claims = list(summary.claims)
    claims[0] = claims[0].model_copy(update={"statement": f"{claims[0].statement} It was {word}."})
    card = score_summary(with_claims(summary, claims), gold, articles)
    assert card.value("narrator_loaded_terms") == base + 1  # type: ignore[operator]
    assert card.details["loaded_hits"][-1]["where"] == f"claims[{claims[0].id}].statement"


def test_deleting_a_core_claim_lowers_recall(case: Case) -> None:
    gold, articles, summary = case
    core = next(c.id for c in gold.claims if c.core)
    kept = [c for c in summary.claims if c.id != core]
    card = score_summary(with_claims(summary, kept), gold, articles)
    assert card.value("claim_recall_core") < 1.0  # type: ignore[operator]
    assert card.value("claim_recall_all") < 1.0  # type: ignore[operator]
    assert core in card.scores["claim_recall_core"].explanation


def test_fabricating_a_quote_lowers_grounding(case: Case) -> None:
    gold, articles, summary = case
    claims = list(summary.claims)
    made_up = "We will never accept anything less than total victory tomorrow"
    claims[0] = claims[0].model_copy(update={"quote": made_up})
    card = score_summary(with_claims(summary, claims), gold, articles)
    assert card.value("grounding_rate") < 1.0  # type: ignore[operator]
    assert card.details["ungrounded"][0]["where"] == f"claims[{claims[0].id}].quote"
    # the same words altered only in quote marks and spacing still count as grounded
    ev = claims[1].evidence[0]
    respaced = ev.quote.replace(" ", "  ").replace("'", "\u2019")
    claims = list(summary.claims)
    claims[1] = claims[1].model_copy(update={"quote": respaced})
    assert score_summary(with_claims(summary, claims), gold, articles).value("grounding_rate") == 1


def test_renaming_a_speaker_to_an_alias_keeps_attribution(case: Case) -> None:
    gold, articles, summary = case
    claims = list(summary.claims)
    for n, (c, gc) in enumerate(zip(claims, gold.claims, strict=True)):
        aliases = gold.actor(gc.speakers[0]).aliases
        if aliases:
            claims[n] = c.model_copy(update={"speaker": Speaker(name=aliases[-1].upper())})
    card = score_summary(with_claims(summary, claims), gold, articles)
    assert card.value("attribution_accuracy") == 1.0
