"""Generate ``schemas/event_summary.schema.json`` from the pydantic models.

Run ``python -m summarize.schema_gen`` after changing :mod:`summarize.models`;
a test fails while the file and the models disagree."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from summarize.models import SCHEMA_VERSION, EventSummary

SCHEMA_ID = "https://summarize.invalid/schemas/event_summary.schema.json"


def event_summary_schema() -> dict[str, Any]:
    schema = EventSummary.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "version": SCHEMA_VERSION,
        **schema,
    }


def schema_text() -> str:
    return json.dumps(event_summary_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("schemas/event_summary.schema.json")
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
