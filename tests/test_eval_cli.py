"""`summarize eval score|run|report|validate` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.cli import app
from summarize.evaluation.convert import gold_to_summary
from summarize.evaluation.gold import load_gold
from summarize.evaluation.scoring import ALL_SCORES
from summarize.loader import load_folder

ROOT = Path(__file__).resolve().parents[1]
GANJA = ROOT / "evals" / "ganja"
runner = CliRunner()


@pytest.fixture(scope="module")
def gold_summary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gold = load_gold(GANJA / "gold.json")
    path = tmp_path_factory.mktemp("s") / "summary.json"
    path.write_text(
        gold_to_summary(gold, load_folder(GANJA / "articles")).model_dump_json(), encoding="utf-8"
    )
    return path


def test_score_prints_every_documented_key_as_json(gold_summary: Path) -> None:
    result = runner.invoke(
        app,
        [
            "eval",
            "score",
            "--summary",
            str(gold_summary),
            "--gold",
            str(GANJA / "gold.json"),
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ALL_SCORES:
        assert key in data
        assert key in data["explanations"]
    assert data["grounding_rate"] == 1.0  # articles/ beside the gold was found
    assert isinstance(data["matched_claims"], int)


def test_score_without_json_prints_a_readable_table(gold_summary: Path) -> None:
    result = runner.invoke(
        app, ["eval", "score", "--summary", str(gold_summary), "--gold", str(GANJA / "gold.json")]
    )
    assert result.exit_code == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("attribution_accuracy"))
    assert "1.000" in line and "right speaker" in line


def test_score_refuses_a_broken_gold_with_exit_2(gold_summary: Path, tmp_path: Path) -> None:
    bad = json.loads((GANJA / "gold.json").read_text(encoding="utf-8"))
    bad["claims"][3]["weight"] = "key"
    (tmp_path / "gold.json").write_text(json.dumps(bad), encoding="utf-8")
    result = runner.invoke(
        app,
        ["eval", "score", "--summary", str(gold_summary), "--gold", str(tmp_path / "gold.json")],
    )
    assert result.exit_code == 2
    assert "claims[3].weight" in result.stderr


def test_run_offline_on_the_seed_suite_then_rescore_against_thresholds(tmp_path: Path) -> None:
    out = tmp_path / "run"
    result = runner.invoke(
        app,
        [
            "eval",
            "run",
            str(GANJA),
            str(ROOT / "evals" / "README.md"),
            "--engine",
            "offline",
            "--out",
            str(out),
            "--min",
            "claim_recall_all=0",
            "--html",
            str(tmp_path / "r.html"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "passed over" in result.stderr and "README.md" in result.stderr
    assert (out / "ganja" / "summary.json").is_file()
    scores = json.loads((out / "ganja" / "scores.json").read_text(encoding="utf-8"))
    aggregate = json.loads((out / "aggregate.json").read_text(encoding="utf-8"))
    assert aggregate["suites"]["ganja"]["status"] == "ok"
    assert aggregate["aggregate"]["claim_recall_all"] == scores["claim_recall_all"]
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<svg" in html and "ganja" in html and "<script" not in html

    # Thresholds: one just above what the run reached fails with 3, one at it passes.
    summary_before = (out / "ganja" / "summary.json").read_bytes()
    reached = scores["grounding_rate"]
    above = (
        ["--min", f"grounding_rate={reached + 0.01}"]
        if reached < 1
        else ["--max", "loaded_per_100_words=-1"]
    )
    missed = runner.invoke(app, ["eval", "run", str(GANJA), "--out", str(out), "--rescore", *above])
    assert missed.exit_code == 3, missed.output
    assert "threshold missed" in missed.stderr
    met = runner.invoke(
        app,
        [
            "eval",
            "run",
            str(GANJA),
            "--out",
            str(out),
            "--rescore",
            "--min",
            f"grounding_rate={reached}",
        ],
    )
    assert met.exit_code == 0, met.output
    assert (out / "ganja" / "summary.json").read_bytes() == summary_before  # no model call


def test_the_project_thresholds_file_loads_and_names_real_scores() -> None:
    from summarize.evaluation.thresholds import load_thresholds

    limits = load_thresholds(ROOT / "evals" / "thresholds.json")
    assert limits.aggregate and "ganja" in limits.suites


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--min", "attribution=0.9"], "unknown score"),
        (["--min", "attribution_accuracy"], "NAME=VALUE"),
        (["--rescore"], "--rescore needs --out"),
    ],
)
def test_bad_options_exit_2(args: list[str], words: str) -> None:
    result = runner.invoke(app, ["eval", "run", str(GANJA), *args])
    assert result.exit_code == 2
    assert words in result.stderr


def test_a_sourced_suite_without_shared_data_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    suite = next(p.parent for p in (ROOT / "evals").glob("*/source.json"))
    monkeypatch.setenv("SUMMARIZE_SHARED_DATA", str(tmp_path / "nowhere"))
    result = runner.invoke(
        app, ["eval", "run", str(suite), "--engine", "offline", "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 0, result.output
    assert "skipped" in result.stderr and "shared" in result.stderr
    aggregate = json.loads((tmp_path / "o" / "aggregate.json").read_text(encoding="utf-8"))
    assert aggregate["suites"][suite.name]["status"] == "skipped"


def test_validate_reports_each_gold_record() -> None:
    golds = [str(p) for p in sorted((ROOT / "evals").glob("*/gold.json"))]
    result = runner.invoke(app, ["eval", "validate", *golds])
    assert result.exit_code == 0
    assert result.stdout.count("ok: ") == len(golds)


def test_schema_gold_prints_the_gold_schema() -> None:
    result = runner.invoke(app, ["schema", "--gold"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "summarize-gold/1"
