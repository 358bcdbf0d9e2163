"""What each kind of OpenAI-compatible server accepts, and how to tell them apart.

``--mode auto`` (the default) picks the structured-output mode per endpoint
from :data:`PROFILES`; the explicit modes keep their mode but still send the
request in the form the server takes (the schema under ``response_format``
as the server reads it, the tool forced the way it honours). The server is
known from the base URL's host (hosted APIs), else from one ``GET /models``
(the ``owned_by`` each server writes into its model list), else from its
default port. Each row names the code or document it rests on:

- **OpenAI** (``api.openai.com``): ``response_format: {"type": "json_schema",
  "json_schema": {..., "strict": true}}`` constrains decoding to the schema
  (structured outputs guide: strict mode needs every property required,
  ``additionalProperties: false``, no ``default``); tools take ``strict`` too.
- **vLLM** (``owned_by: "vllm"``, ``vllm/entrypoints/openai/protocol.py``
  ``ModelCard``, which also carries ``max_model_len``): ``json_schema`` is
  compiled by its structured-outputs backend (xgrammar by default; docs
  "Structured Outputs").
- **llama.cpp server** (``owned_by: "llamacpp"``, ``tools/server``):
  ``oaicompat_chat_params_parse`` reads the schema from ``json_schema.schema``
  or from ``json_object`` + ``schema``; ``tool_choice`` is read as a string
  (``json_value(body, "tool_choice", "auto")``), so the object form that names
  a function falls back to ``"auto"``: tools mode sends ``"required"``.
- **llama-cpp-python** (``owned_by: "me"``, ``llama_cpp/server/app.py``):
  ``ChatCompletionRequestResponseFormat`` is ``type: Literal["text",
  "json_object"]`` with an optional ``schema`` (``llama_cpp/llama_types.py``),
  so ``json_schema`` is an HTTP 500; json mode sends ``{"type":
  "json_object", "schema": S}``, which ``_grammar_for_response_format``
  (``llama_chat_format.py``) turns into a grammar.
- **Ollama** (port 11434; ``openai/openai.go``): ``json_schema`` becomes the
  native ``format`` (constrained); the request has no ``tool_choice`` (tools
  mode cannot force the call) and no ``num_ctx``: the context is the server's
  (4096 tokens by default; ``OLLAMA_CONTEXT_LENGTH`` or a Modelfile
  ``PARAMETER num_ctx``), and a longer prompt is cut silently.
- **LM Studio** (port 1234): ``json_schema`` structured output (LM Studio docs,
  "Structured Output").
- **Anthropic** OpenAI-SDK compatibility (``api.anthropic.com``): ignores
  ``response_format``: md_json, the schema in the prompt, fences stripped.
- **Gemini** OpenAI compatibility (``generativelanguage.googleapis.com``):
  ``response_format`` ``json_schema`` supported (Gemini "OpenAI compatibility"
  docs, structured output).
- **anything else**: json; when the server refuses the schema (HTTP 400, 422
  or 500 naming ``response_format`` or the schema), ``auto`` falls back to
  md_json and says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any, Literal
from urllib.parse import urlsplit

import openai

LOG = logging.getLogger("summarize")

SchemaForm = Literal["json_schema", "json_schema_strict", "json_object_schema"]
ToolChoice = Literal["function", "required"]
#: Seconds to wait for the ``GET /models`` that tells servers apart.
PROBE_TIMEOUT = 5.0


@dataclass(frozen=True)
class Profile:
    """How to ask one kind of server for structured output."""

    server: str
    mode: str  # what --mode auto uses: json, md_json or tools
    schema_form: SchemaForm = "json_schema"
    tool_choice: ToolChoice = "function"
    strict_tools: bool = False
    context_tokens: int | None = None  # the server's context when it is known
    context_setting: str | None = None  # how to raise it, for the error message
    constrained: bool = True  # whether json mode constrains decoding


OPENAI = Profile("OpenAI", "json", "json_schema_strict", strict_tools=True)
VLLM = Profile("vLLM", "json", context_setting="vllm serve --max-model-len")
LLAMA_CPP = Profile(
    "llama.cpp server", "json", tool_choice="required", context_setting="llama-server -c"
)
LLAMA_CPP_PYTHON = Profile(
    "llama-cpp-python", "json", "json_object_schema", context_setting="--n_ctx"
)
OLLAMA = Profile(
    "Ollama",
    "json",
    context_tokens=4096,
    context_setting="Ollama's num_ctx (OLLAMA_CONTEXT_LENGTH, or PARAMETER num_ctx in a Modelfile)",
)
LM_STUDIO = Profile("LM Studio", "json", context_setting="the model's context length in LM Studio")
ANTHROPIC = Profile("Anthropic (OpenAI compatibility)", "md_json", constrained=False)
GEMINI = Profile("Gemini (OpenAI compatibility)", "json")
UNKNOWN = Profile("unknown server", "json")

PROFILES: tuple[Profile, ...] = (
    OPENAI,
    VLLM,
    LLAMA_CPP,
    LLAMA_CPP_PYTHON,
    OLLAMA,
    LM_STUDIO,
    ANTHROPIC,
    GEMINI,
    UNKNOWN,
)
_BY_HOST = {
    "api.openai.com": OPENAI,
    "api.anthropic.com": ANTHROPIC,
    "generativelanguage.googleapis.com": GEMINI,
}
_BY_OWNER = {"vllm": VLLM, "llamacpp": LLAMA_CPP, "me": LLAMA_CPP_PYTHON}
_BY_PORT = {11434: OLLAMA, 1234: LM_STUDIO}


def profile_for_url(base_url: str | None) -> Profile | None:
    """The profile a base URL alone tells (a hosted API, or a default port)."""
    if not base_url:
        return OPENAI
    parts = urlsplit(base_url)
    host = (parts.hostname or "").lower()
    if host in _BY_HOST:
        return _BY_HOST[host]
    return None


async def detect(client: openai.AsyncOpenAI, base_url: str | None) -> Profile:
    """The endpoint's profile: by host, else by ``owned_by`` in ``GET /models``
    (with the context length when the server reports it), else by port."""
    known = profile_for_url(base_url)
    if known is not None:
        return known
    owner, context = await _probe(client)
    profile = _BY_OWNER.get(owner or "")
    if profile is None:
        port = urlsplit(base_url or "").port
        profile = _BY_PORT.get(port or 0, UNKNOWN)
    if context:
        profile = replace(profile, context_tokens=context)
    return profile


async def _probe(client: openai.AsyncOpenAI) -> tuple[str | None, int | None]:
    """``owned_by`` of the first model the endpoint lists, and its context length
    when given (vLLM's ``max_model_len``); ``(None, None)`` when it lists none."""
    try:
        page = await client.with_options(timeout=PROBE_TIMEOUT, max_retries=0).models.list()
    except (openai.OpenAIError, ValueError) as exc:
        LOG.debug("GET /models failed (%s); the server kind stays unknown", type(exc).__name__)
        return None, None
    models: list[Any] = list(getattr(page, "data", None) or [])
    if not models:
        return None, None
    first = models[0]
    owner = getattr(first, "owned_by", None)
    extra = getattr(first, "model_extra", None) or {}
    context = extra.get("max_model_len")
    return (str(owner) if owner else None), (int(context) if isinstance(context, int) else None)


def refuses_schema(exc: openai.APIStatusError) -> bool:
    """True when an HTTP error is the server refusing the request's JSON schema
    (``response_format``), not a fault of the key, the model or the load."""
    if exc.status_code not in (400, 422, 500):
        return False
    text = f"{exc.message} {exc.body}".lower()
    return any(word in text for word in ("response_format", "json_schema", "schema"))


def response_format(form: SchemaForm, name: str, schema: dict[str, Any]) -> dict[str, Any]:
    """The ``response_format`` value json mode sends in ``form``."""
    if form == "json_object_schema":
        return {"type": "json_object", "schema": schema}
    wrapped: dict[str, Any] = {"name": name, "schema": schema}
    if form == "json_schema_strict":
        wrapped["strict"] = True
    return {"type": "json_schema", "json_schema": wrapped}
