"""The llm engine on real kinds of server, imitated by the fake: the request form
each one takes (--mode auto), the wire schema's strictness, reply limits, context
checks and errors that say what happened."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, ClassVar

import pytest
from fake_openai import FakeOpenAI, Reply, auto_reply
from llguidance import LLMatcher, LLTokenizer, TokenizerWrapper
from llm_fixtures import bundle, good_reply, make_engine

from summarize.engines.llm.budget import MIN_REPLY_TOKENS
from summarize.engines.llm.endpoints import LLAMA_CPP, OLLAMA, OPENAI
from summarize.engines.llm.wire import SummaryReply, wire_schema
from summarize.errors import ModelError, PromptTooLongError, ValidationExhaustedError
from summarize.models import Article
from summarize.resources import schemas_dir
from summarize.schema_gen import wire_schema_text

LONG = Article(
    id="long",
    text=" ".join(
        f"The council met on day {n} and talked about item {7 * n}." for n in range(2500)
    ),
)


async def test_llama_cpp_python_gets_json_object_with_the_schema(fake_openai: FakeOpenAI) -> None:
    fake_openai.model_card = {"owned_by": "me"}  # llama_cpp/server/app.py get_models
    fake_openai.imitation.refuse_json_schema = True
    fake_openai.responder = auto_reply
    summary = await make_engine(fake_openai, mode="auto").compose(bundle())
    [request] = fake_openai.chat_requests
    assert request["response_format"] == {
        "type": "json_object",
        "schema": SummaryReply.model_json_schema(),
    }
    assert summary.provenance.mode == "json" and summary.claims


async def test_auto_falls_back_to_md_json_when_an_unknown_server_refuses_the_schema(
    fake_openai: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    fake_openai.imitation.refuse_json_schema = True
    fake_openai.responder = auto_reply
    engine = make_engine(fake_openai, mode="auto", transport_retries=0)
    with caplog.at_level(logging.WARNING, logger="summarize"):
        summary = await engine.compose(bundle())
    first, last = fake_openai.chat_requests[0], fake_openai.chat_requests[-1]
    assert first["response_format"]["type"] == "json_schema"
    assert "response_format" not in last and "tools" not in last
    assert summary.provenance.mode == "md_json" and summary.claims
    assert any("refused the JSON schema" in r.getMessage() for r in caplog.records)


async def test_explicit_json_mode_on_a_server_refusing_the_schema_says_so(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.imitation.refuse_json_schema = True
    with pytest.raises(ModelError) as caught:
        await make_engine(fake_openai, mode="json", transport_retries=0).compose(bundle())
    text = str(caught.value)
    assert "refused the JSON schema" in text and "HTTP 500" in text
    assert "--mode auto" in text and "md_json" in text
    assert "try again later" not in text


async def test_openai_gets_strict_json_schema(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(good_reply())
    engine = make_engine(fake_openai, mode="json")
    engine._endpoint = OPENAI  # as for api.openai.com
    await engine.compose(bundle())
    [request] = fake_openai.chat_requests
    wrapped = request["response_format"]["json_schema"]
    assert wrapped["strict"] is True
    assert wrapped["schema"] == SummaryReply.model_json_schema()


async def test_openai_tools_are_strict(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(good_reply())
    engine = make_engine(fake_openai, mode="tools")
    engine._endpoint = OPENAI
    await engine.compose(bundle())
    [tool] = fake_openai.chat_requests[0]["tools"]
    assert tool["function"]["strict"] is True


async def test_llama_cpp_server_tools_mode_forces_the_call_with_required(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.model_card = {"owned_by": "llamacpp"}  # tools/server: owned_by "llamacpp"
    fake_openai.script(good_reply())
    await make_engine(fake_openai, mode="tools").compose(bundle())
    assert fake_openai.chat_requests[0]["tool_choice"] == "required"
    assert make_engine(fake_openai).mode_for(LLAMA_CPP) == "json"


async def test_a_prompt_larger_than_a_vllm_context_is_refused_before_sending(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.model_card = {"owned_by": "vllm", "max_model_len": 2000}
    with pytest.raises(PromptTooLongError) as caught:
        await make_engine(fake_openai, mode="auto").compose(bundle(LONG))
    assert fake_openai.chat_requests == []
    assert "context of 2000 tokens" in str(caught.value)
    assert "--max-model-len" in str(caught.value)


async def test_a_prompt_over_ollamas_default_context_names_num_ctx(fake_openai: FakeOpenAI) -> None:
    engine = make_engine(fake_openai, mode="auto")
    engine._endpoint = OLLAMA
    with pytest.raises(PromptTooLongError) as caught:
        await engine.compose(bundle(LONG))
    assert "4096" in str(caught.value) and "num_ctx" in str(caught.value)
    assert fake_openai.chat_requests == []


async def test_a_configured_context_is_checked_too(fake_openai: FakeOpenAI) -> None:
    with pytest.raises(PromptTooLongError):
        await make_engine(fake_openai, context_tokens=MIN_REPLY_TOKENS).compose(bundle())


async def test_max_tokens_is_sized_from_the_prompt_unless_set(fake_openai: FakeOpenAI) -> None:
    fake_openai.responder = auto_reply
    await make_engine(fake_openai).compose(bundle())
    await make_engine(fake_openai).compose(bundle(LONG))
    await make_engine(fake_openai, max_tokens=777).compose(bundle())
    small, large, fixed = (r["max_tokens"] for r in fake_openai.chat_requests)
    assert 1024 <= small < large <= 8192
    assert fixed == 777


async def test_a_reply_cut_at_max_tokens_is_reported_as_cut(fake_openai: FakeOpenAI) -> None:
    fake_openai.imitation.max_tokens = True
    fake_openai.responder = auto_reply
    with pytest.raises(ValidationExhaustedError) as caught:
        await make_engine(fake_openai, max_tokens=40, max_retries=1).compose(bundle())
    assert "cut at max_tokens 40" in str(caught.value) and "--max-tokens" in str(caught.value)
    assert any("cut off at the length limit" in f for f in caught.value.failures)


# -- the wire schema --------------------------------------------------------------------

#: Keywords OpenAI's strict structured outputs do not take (structured outputs
#: guide, "Supported schemas": composition other than anyOf, conditionals,
#: string length, and object-size keywords).
OPENAI_UNSUPPORTED = {
    "default", "minLength", "maxLength", "allOf", "oneOf", "not", "if", "then", "else",
    "patternProperties", "unevaluatedProperties", "propertyNames", "minProperties",
    "maxProperties", "unevaluatedItems", "contains", "minContains", "maxContains",
    "uniqueItems", "dependentRequired", "dependentSchemas",
}  # fmt: skip
OPENAI_FORMATS = {
    "date-time",
    "time",
    "date",
    "duration",
    "email",
    "hostname",
    "ipv4",
    "ipv6",
    "uuid",
}


def strict_problems(node: Any, where: str = "$") -> list[str]:
    """Where ``node`` leaves OpenAI's strict subset of JSON Schema."""
    problems: list[str] = []
    if isinstance(node, list):
        for n, item in enumerate(node):
            problems += strict_problems(item, f"{where}[{n}]")
        return problems
    if not isinstance(node, dict):
        return problems
    problems += [f"{where}: {key}" for key in OPENAI_UNSUPPORTED & node.keys()]
    if "format" in node and node["format"] not in OPENAI_FORMATS:
        problems.append(f"{where}: format {node['format']}")
    if "$ref" in node and not str(node["$ref"]).startswith("#/"):
        problems.append(f"{where}: remote $ref")
    if node.get("type") == "object" or "properties" in node:
        if node.get("additionalProperties") is not False:
            problems.append(f"{where}: additionalProperties is not false")
        if sorted(node.get("required", [])) != sorted(node.get("properties", {})):
            problems.append(f"{where}: not every property is required")
    for key, value in node.items():
        if key in ("properties", "$defs"):
            for name, sub in value.items():
                problems += strict_problems(sub, f"{where}.{key}.{name}")
        elif isinstance(value, dict | list):
            problems += strict_problems(value, f"{where}.{key}")
    return problems


def test_the_wire_schema_is_in_openais_strict_subset() -> None:
    schema = wire_schema()
    assert schema["type"] == "object" and "anyOf" not in schema
    assert strict_problems(schema) == []


def test_the_output_schema_is_not_and_the_checker_says_why() -> None:
    found = strict_problems(SummaryReply.model_json_schema(mode="validation"))
    assert any("not every property is required" in p for p in found)


class _ByteTokens:
    """A tokenizer with one token per byte (and an end token), for grammar checks."""

    eos_token_id = 256
    bos_token_id = None
    tokens: ClassVar[list[bytes]] = [bytes([i]) for i in range(256)] + [b"<eos>"]
    special_token_ids: ClassVar[list[int]] = [256]

    def __call__(self, text: bytes | str) -> list[int]:
        return list(text if isinstance(text, bytes) else text.encode())


def _accepts(schema: dict[str, Any], document: str) -> bool:
    tokenizer = LLTokenizer(TokenizerWrapper(_ByteTokens()), slices=[])
    grammar = LLMatcher.grammar_from_json_schema(schema)
    is_error, messages = LLMatcher.validate_grammar_with_warnings(grammar, tokenizer)
    assert not is_error, messages
    matcher = LLMatcher(tokenizer, grammar)
    return matcher.consume_tokens(list(document.encode())) and matcher.is_accepting()


def test_llguidance_compiles_the_wire_schema_and_accepts_quotes_and_backslashes() -> None:
    reply = good_reply()
    for claim in reply["claims"]:
        claim["evidence"] = [{"sentence_ids": ["d1.s1"], "quote": 'a "quoted" C:\\path'}]
        claim["statement"] = 'Officials said "10 people" died \\ were hurt.'
    reply["documents"] = [
        {"id": d["id"], "on_event": True, "reason": None} for d in reply["documents"]
    ]
    document = json.dumps(reply, separators=(",", ":"))
    assert '\\"' in document and "\\\\" in document
    assert _accepts(wire_schema(), document)
    assert not _accepts(wire_schema(), document.replace('"on_event":true', '"on_event":"yes"'))


def test_the_wire_schema_file_is_generated_from_the_models() -> None:
    on_disk = (schemas_dir() / "llm_reply.wire.schema.json").read_text(encoding="utf-8")
    assert on_disk == wire_schema_text(), "stale: run `python -m summarize.schema_gen`"


# -- the run command ----------------------------------------------------------------------


def _run(*args: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from summarize.cli import app

    result = CliRunner().invoke(app, list(args), env={"OPENAI_API_KEY": "sk-test"})
    return result.exit_code, result.stderr


def test_run_keeps_the_last_failed_reply_next_to_the_output(
    fake_openai: FakeOpenAI, examples_dir: Path, tmp_path: Path
) -> None:
    fake_openai.script(Reply.text('{"event": '), Reply.text('{"event": {"title"'))
    out = tmp_path / "out.json"
    code, stderr = _run(
        "run", str(examples_dir), "--engine", "llm", "--model", "m",
        "--base-url", fake_openai.base_url, "--max-retries", "1", "-o", str(out),
    )  # fmt: skip
    failed = tmp_path / "out.failed.json"
    assert code == 1 and not out.exists()
    assert failed.read_text(encoding="utf-8") == '{"event": {"title"'
    assert str(failed) in stderr


def test_run_checks_a_given_context_before_sending(
    fake_openai: FakeOpenAI, examples_dir: Path
) -> None:
    code, stderr = _run(
        "run", str(examples_dir), "--engine", "llm", "--model", "m",
        "--base-url", fake_openai.base_url, "--context", "2000",
    )  # fmt: skip
    assert code == 2 and "context of 2000 tokens" in stderr
    assert fake_openai.chat_requests == []
