"""The output schema file and the pydantic models are one definition."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from summarize.models import EventSummary
from summarize.schema_gen import event_summary_schema

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "schemas" / "event_summary.schema.json"


def _minimal() -> dict[str, object]:
    return {
        "event": {"title": "Bridge closed", "date": "2031-03-02", "location": "Riverton"},
        "summary": "The mayor said the bridge will stay closed.",
        "claims": [
            {
                "id": "c1",
                "statement": "The mayor said the bridge will stay closed for six weeks.",
                "speaker": {"name": "Jane Roe", "role": "mayor", "affiliation": None},
                "quote": None,
                "evidence": [{"document": "a", "quote": "closed for six weeks"}],
                "reported_by": ["a"],
            }
        ],
        "disputes": [],
        "documents": [{"id": "a", "outlet": None, "title": None, "on_event": True, "reason": None}],
        "provenance": {"engine": "offline", "tool_version": "0.1.0"},
    }


def test_schema_file_is_generated_from_models() -> None:
    on_disk = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert on_disk == event_summary_schema(), (
        "schemas/event_summary.schema.json is stale: run `python -m summarize.schema_gen`"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_and_models_agree_on_a_record() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text()))
    record = _minimal()
    validator.validate(record)
    EventSummary.model_validate(record)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("claims", 0, "evidence"), []),
        (("claims", 0, "speaker", "name"), ""),
        (("documents", 0, "on_event"), "yes"),
        (("event", "date"), "17 October"),
        (("claims", 0, "surprise"), 1),
    ],
)
def test_schema_and_models_reject_the_same_breakage(
    path: tuple[object, ...], value: object
) -> None:
    record = _minimal()
    target: object = record
    for key in path[:-1]:
        target = target[key]  # type: ignore[index]
    target[path[-1]] = value  # type: ignore[index]
    validator = jsonschema.Draft202012Validator(
        json.loads(SCHEMA_FILE.read_text()), format_checker=jsonschema.FormatChecker()
    )
    assert list(validator.iter_errors(record)), "schema accepted a broken record"
    with pytest.raises(ValueError):
        EventSummary.model_validate(record)
