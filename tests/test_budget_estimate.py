"""The budget estimate (issue #13): measured prompt plus a reply sized by the schema
and the event, calibrated by finished events, and recorded beside the actual cost."""

from __future__ import annotations

import json
from pathlib import Path

from batch_fakes import make_events
from fake_openai import FakeOpenAI, auto_reply

from summarize.batch.pricing import (
    Calibration,
    Estimate,
    completion_chars,
    schema_prompt_chars,
    tokens_for,
)
from summarize.batch.runner import BatchOptions, BatchResult, BatchRunner
from summarize.config import Settings
from summarize.evidence.bundle import build_bundle
from summarize.models import Article
from summarize.resources import load_schema


def settings_for(fake: FakeOpenAI) -> Settings:
    return Settings(engine="llm", model="fake-model", base_url=fake.base_url, timeout=5.0)


async def run(settings: Settings, **kw: object) -> BatchResult:
    options = BatchOptions(progress=False, use_cache=False, **kw)  # type: ignore[arg-type]
    return await BatchRunner(settings, options).run()


def _prices(tmp_path: Path) -> Path:
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"fake-model": {"input": 1000, "output": 1000}}))
    return prices


def test_the_reply_estimate_grows_with_the_attributions() -> None:
    one = [Article(id="a", text="The mayor said the bridge will close on Monday.")]
    many = [
        Article(
            id="a",
            text=" ".join(
                f"Official {name} said the bridge {n} will close on Monday."
                for n, name in enumerate(["Ruiz", "Chen", "Okafor", "Berg", "Silva"])
            ),
        )
    ]
    small, large = completion_chars(build_bundle(one)), completion_chars(build_bundle(many))
    assert len(build_bundle(many).attributions) >= 4
    assert large > small * 2


def test_the_schema_is_billed_compact_without_unbilled_keys() -> None:
    schema = load_schema("event_summary.schema.json")
    billed = schema_prompt_chars(schema)
    assert billed < len(json.dumps(schema))
    assert billed > 1000
    assert tokens_for(7) == 2


def test_calibration_scales_later_estimates_by_what_finished_events_used() -> None:
    calibration = Calibration()
    estimate = Estimate(prompt_tokens=1000, completion_tokens=1000)
    assert calibration.adjust(estimate) == estimate  # nothing finished yet
    calibration.observe(estimate, 800, 250)
    calibration.observe(estimate, 0, 0)  # a cached or failed call teaches nothing
    assert calibration.adjust(Estimate(2000, 400)) == Estimate(1600, 100)


async def test_manifest_records_the_estimate_beside_the_cost(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = auto_reply
    make_events(tmp_path / "root", 3)
    result = await run(
        settings_for(fake_openai),
        root=tmp_path / "root",
        out_dir=tmp_path / "out",
        concurrency=1,
        prices=_prices(tmp_path),
    )
    lines = (tmp_path / "out" / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    for line, entry in zip(lines, result.entries, strict=True):
        data = json.loads(line)
        assert data["status"] == "ok"
        assert data["estimated_usd"] > 0 and data["cost_usd"] > 0
        assert set(data["estimated_tokens"]) == {"prompt", "completion"}
        assert entry.estimated_usd == data["estimated_usd"]
    # after the first event the estimate is calibrated: within 20% of what was spent
    later = [json.loads(line) for line in lines[1:]]
    estimated = sum(d["estimated_usd"] for d in later)
    spent = sum(d["cost_usd"] for d in later)
    assert abs(estimated - spent) <= 0.2 * spent


async def test_a_budget_just_above_the_cost_runs_every_event(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    """The issue: a budget the whole batch fits in ran 1 event of 10 (the estimate
    was several times the cost; here the old one ran 8 of 10)."""
    fake_openai.responder = auto_reply
    make_events(tmp_path / "root", 10, articles=3)
    prices = _prices(tmp_path)
    free = await run(
        settings_for(fake_openai), root=tmp_path / "root", out_dir=tmp_path / "o1", prices=prices
    )
    total = sum(e.cost_usd or 0.0 for e in free.entries)
    budgeted = await run(
        settings_for(fake_openai),
        root=tmp_path / "root",
        out_dir=tmp_path / "o2",
        concurrency=1,  # admissions in order, each after the previous outcome: deterministic
        prices=prices,
        budget_usd=total * 1.05,
    )
    assert [e.status for e in budgeted.entries] == ["ok"] * 10
