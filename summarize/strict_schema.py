"""The strict subset of JSON Schema that constrained decoders take.

OpenAI's structured outputs with ``strict: true`` (every property required,
nullable where optional, ``additionalProperties: false``, no ``default``),
vLLM's xgrammar backend (a ``minLength`` string is compiled without an escape
branch, so no ``"`` or ``\\`` can be generated: upstream issue #800), and
llama.cpp / llguidance grammars all take a schema in this form.
"""

from __future__ import annotations

from typing import Any

#: Keywords left out of a strict schema: OpenAI's strict mode refuses ``default``
#: and (per its structured-outputs guide) does not take ``minLength``/``maxLength``;
#: xgrammar compiles a ``minLength`` string without an escape branch (no ``"``
#: or ``\`` can be generated, upstream issue #800). ``title`` only costs tokens.
STRICT_DROPPED_KEYWORDS = frozenset({"default", "minLength", "maxLength", "title"})


def strict_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` in the strict subset of JSON Schema: every object lists all its
    properties in ``required`` and has ``additionalProperties: false``; optional
    values are the ones already nullable (``anyOf [..., null]``); no ``default``,
    ``minLength``, ``maxLength`` or ``title`` below the root. Checks such as non-empty strings
    stay in the pydantic models that parse the reply."""

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(n) for n in node]
        if not isinstance(node, dict):
            return node
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in STRICT_DROPPED_KEYWORDS:
                continue
            if key in ("properties", "$defs"):
                out[key] = {name: walk(sub) for name, sub in value.items()}
            else:
                out[key] = walk(value)
        if out.get("type") == "object" or "properties" in out:
            out["required"] = list(out.get("properties", {}))
            out["additionalProperties"] = False
        return out

    result: dict[str, Any] = walk(schema)
    if "title" in schema:  # the root's title names the function in tools mode
        result = {"title": schema["title"], **result}
    return result
