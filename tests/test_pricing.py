"""Price table, ``--prices`` overrides and the budget gate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.batch.pricing import BUILTIN_PRICES, Budget, Price, load_price_table
from summarize.errors import ConfigError


def test_cost_is_per_million_tokens_in_and_out() -> None:
    assert Price(0.15, 0.60).cost(1_000_000, 500_000) == pytest.approx(0.45)


def test_dated_model_names_take_the_longest_matching_entry() -> None:
    table = load_price_table(None)
    assert table.lookup("gpt-4o-mini-2024-07-18") == BUILTIN_PRICES["gpt-4o-mini"]
    assert table.lookup("gpt-4o-2024-08-06") == BUILTIN_PRICES["gpt-4o"]
    assert table.lookup("llama3:8b") is None


def test_a_price_file_overrides_and_adds(tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text(
        json.dumps({"gpt-4o": {"input": 1, "output": 2}, "local": {"input": 0, "output": 0}})
    )
    table = load_price_table(path)
    assert table.lookup("gpt-4o") == Price(1, 2)
    assert table.lookup("local") == Price(0, 0)


@pytest.mark.parametrize(
    ("content", "names"),
    [
        ("[1, 2]", "JSON object"),
        ('{"m": {"input": 1}}', "m.output"),
        ('{"m": {"input": "cheap", "output": 1}}', "m.input"),
        ('{"m": {"input": -1, "output": 1}}', "m.input"),
        ('{"m": {"input": 1, "output": 1, "cached": 1}}', "cached"),
        ("{oops", "not valid JSON"),
    ],
)
def test_a_bad_price_file_names_the_problem(tmp_path: Path, content: str, names: str) -> None:
    path = tmp_path / "p.json"
    path.write_text(content)
    with pytest.raises(ConfigError, match=names):
        load_price_table(path)


def test_budget_refuses_the_event_that_would_pass_it_and_all_later_ones() -> None:
    budget = Budget(limit=1.0)
    assert budget.admit(0.4)
    budget.settle(0.4, 0.3)
    assert budget.admit(0.6)  # 0.3 spent + 0.6 = 0.9
    assert not budget.admit(0.2)  # 0.3 + 0.6 reserved + 0.2 > 1
    budget.settle(0.6, 0.1)
    assert not budget.admit(0.01)  # stopped: no new events once refused
    assert Budget(limit=None).admit(1e9)
