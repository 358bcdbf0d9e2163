"""Generate the JSON schemas in ``schemas/`` from the pydantic models.

- ``schemas/event_summary.schema.json``: the output record (:class:`EventSummary`);
- ``schemas/llm_reply.wire.schema.json``: what the ``llm`` engine asks the model
  for (:class:`summarize.engines.llm.wire.SummaryReply`), in the strict form that
  OpenAI's structured outputs, vLLM, llama.cpp and llguidance all constrain
  decoding with (:func:`summarize.strict_schema.strict_schema`).

Run ``python -m summarize.schema_gen`` after changing :mod:`summarize.models`
or the wire models; a test fails while a file and the models disagree."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from summarize.models import SCHEMA_VERSION, EventSummary

SCHEMA_ID = "https://summarize.invalid/schemas/event_summary.schema.json"
OUTPUT_SCHEMA_FILE = "event_summary.schema.json"
WIRE_SCHEMA_FILE = "llm_reply.wire.schema.json"


def event_summary_schema() -> dict[str, Any]:
    schema = EventSummary.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "version": SCHEMA_VERSION,
        **schema,
    }


def wire_reply_schema() -> dict[str, Any]:
    """The ``llm`` engine's wire schema, exactly as sent to the model."""
    from summarize.engines.llm.wire import wire_schema

    return wire_schema()


def schema_text() -> str:
    return json.dumps(event_summary_schema(), indent=2, ensure_ascii=False) + "\n"


def wire_schema_text() -> str:
    return json.dumps(wire_reply_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("schemas")
    if folder.suffix == ".json":  # the old form: one path, the output schema
        folder.write_text(schema_text(), encoding="utf-8")
        print(f"wrote {folder}", file=sys.stderr)
        return
    for name, text in ((OUTPUT_SCHEMA_FILE, schema_text()), (WIRE_SCHEMA_FILE, wire_schema_text())):
        (folder / name).write_text(text, encoding="utf-8")
        print(f"wrote {folder / name}", file=sys.stderr)


if __name__ == "__main__":
    main()
