"""Gold records: every project suite loads; broken records are refused naming the field."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from summarize.errors import GoldFormatError
from summarize.evaluation.gold import check_documents, load_gold, parse_gold
from summarize.evaluation.matching import must_include_holds
from summarize.neutrality import find_loaded

ROOT = Path(__file__).resolve().parents[1]
GOLDS = sorted((ROOT / "evals").glob("*/gold.json"))
SPEC = Path(__file__).resolve().parents[1].parent / "shared" / "docs" / "gold-format.md"

BRIDGE: dict[str, Any] = {
    "format": "summarize-gold/1",
    "event_id": "bridge-closure-2031",
    "event": {
        "description": "Closure of a river bridge after an inspection",
        "date": "2031-03-02",
        "location": ["Riverton"],
    },
    "documents": [
        {"id": "a", "on_event": True},
        {"id": "b", "on_event": False, "note": "about last year's closure"},
    ],
    "actors": [
        {"id": "mayor", "name": "Jane Roe", "aliases": ["Roe", "the mayor"], "side": "city"},
        {"id": "union", "name": "Transit Workers Union", "aliases": ["TWU"], "side": "workers"},
    ],
    "claims": [
        {
            "id": "c1",
            "weight": "core",
            "speakers": ["mayor"],
            "statement": "The bridge will stay closed for six weeks.",
            "must_include": [["six weeks", "6 weeks"]],
            "documents": ["a"],
        },
        {
            "id": "c2",
            "weight": "core",
            "speakers": ["union"],
            "statement": "The closure could last three months.",
            "must_include": [["three months", "3 months"]],
            "documents": ["a"],
        },
    ],
    "disputes": [{"id": "d1", "topic": "length of closure", "claims": ["c1", "c2"]}],
    "required_sides": ["city", "workers"],
    "loaded_terms": ["fiasco", "reckless"],
}


def broken(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(BRIDGE)
    change(data)
    return data


def test_the_documented_example_loads() -> None:
    gold = parse_gold(BRIDGE)
    assert gold.claim("c1").core and gold.actor("union").names == ("Transit Workers Union", "TWU")
    assert gold.off_event_ids == ("b",)
    assert str(gold.event.date) == "2031-03-02"


@pytest.mark.skipif(not SPEC.is_file(), reason="../shared/docs/gold-format.md is absent")
def test_the_example_in_the_spec_itself_loads() -> None:
    block = re.search(r"```json\n(.*?)```", SPEC.read_text(encoding="utf-8"), re.S)
    assert block is not None
    assert parse_gold(json.loads(block.group(1))).event_id == "bridge-closure-2031"


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        (lambda d: d.update(format="summarize-gold/2"), "format", "summarize-gold/1"),
        (lambda d: d.pop("loaded_terms"), "loaded_terms", "missing"),
        (lambda d: d["claims"][1].pop("must_include"), "claims[1].must_include", "missing"),
        (lambda d: d["claims"][0].update(weight="major"), "claims[0].weight", "core"),
        (lambda d: d["actors"][0].update(alias=["x"]), "actors[0].alias", "not a field"),
        (lambda d: d["claims"][0].update(must_include=[[]]), "claims[0].must_include[0]", "least"),
        (
            lambda d: d["claims"][0].update(must_include=["six"]),
            "claims[0].must_include[0]",
            "array",
        ),
        (lambda d: d["documents"][0].update(on_event="yes"), "documents[0].on_event", "boolean"),
        (lambda d: d["event"].update(date="2031-02-30"), "event.date", "calendar"),
        (lambda d: d["event"].update(date="March 2"), "event.date", "ISO date"),
        (lambda d: d["claims"][1].update(speakers=["council"]), "claims[1].speakers[0]", "council"),
        (lambda d: d["claims"][0].update(documents=["z"]), "claims[0].documents[0]", "'z'"),
        (lambda d: d["disputes"][0].update(claims=["c1", "c9"]), "disputes[0].claims[1]", "c9"),
        (lambda d: d["disputes"][0].update(claims=["c1", "c1"]), "disputes[0].claims", "two"),
        (lambda d: d.update(required_sides=["council"]), "required_sides[0]", "council"),
        (lambda d: d["actors"][1].update(id="mayor"), "actors[1].id", "twice"),
        (lambda d: d["actors"][0].update(name="  "), "actors[0].name", "empty"),
    ],
)
def test_a_broken_record_is_refused_naming_the_field(change: Any, field: str, words: str) -> None:
    with pytest.raises(GoldFormatError) as info:
        parse_gold(broken(change), "g.json")
    assert info.value.field == field
    assert words in info.value.problem
    assert str(info.value).startswith(f"g.json: {field}: ")


def test_unreadable_and_invalid_json_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="cannot be read"):
        load_gold(tmp_path / "missing.json")
    bad = tmp_path / "gold.json"
    bad.write_text('{"format": "summarize-gold/1",', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not valid JSON"):
        load_gold(bad)


def test_documents_must_match_the_article_folder() -> None:
    gold = parse_gold(BRIDGE, "g.json")
    check_documents(gold, ["a", "b"], "articles")
    with pytest.raises(GoldFormatError, match="'b' has no article file"):
        check_documents(gold, ["a"], "articles")
    with pytest.raises(GoldFormatError, match=r"file\(s\) c in articles are not listed"):
        check_documents(gold, ["a", "b", "c"], "articles")


def test_the_project_has_a_seed_suite_and_at_least_three_allsides_suites() -> None:
    names = {p.parent.name for p in GOLDS}
    assert "ganja" in names
    sourced = [p for p in GOLDS if (p.parent / "source.json").is_file()]
    assert len(sourced) >= 3
    for path in sourced:  # third-party text never lives in the project
        assert not (path.parent / "articles").exists()


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.parent.name)
def test_project_gold_records_are_valid_and_self_consistent(path: Path) -> None:
    gold = load_gold(path)
    terms = gold.loaded_terms
    for claim in gold.claims:
        # each statement satisfies its own matching key and is written neutrally
        assert must_include_holds(claim.must_include, claim.statement), claim.id
        assert not find_loaded(claim.statement, terms), claim.id
    assert not find_loaded(gold.event.description, terms)
    assert any(c.core for c in gold.claims)
