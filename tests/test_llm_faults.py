"""Faults of the model's replies and of the transport, through the fake server.

Each reply fault is retried within --max-retries and then fails with a typed
error carrying the last reply; transport faults are retried by the openai
client and then become a ModelError that says what happened and what to do,
without the API key."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fake_openai import FakeOpenAI, Reply
from llm_fixtures import TEST_KEY, bundle, good_reply, make_engine

from summarize.config import Settings
from summarize.engines.llm import LLMEngine
from summarize.errors import ConfigError, ModelError, ValidationExhaustedError


def _unknown_document() -> dict[str, Any]:
    """Both claims cite a document that does not exist: nothing is left to keep."""
    reply = good_reply()
    for claim in reply["claims"]:
        claim["evidence"][0]["document"] = "gamma"
    return reply


def _schema_breaking() -> dict[str, Any]:
    reply = good_reply()
    del reply["claims"][0]["speaker"]
    reply["documents"][0]["on_event"] = "maybe"
    return reply


GOOD_TEXT = json.dumps(good_reply())

REPLY_FAULTS = {
    "malformed_json": (Reply.text('{"event": {"title": "Strike"}, "claims": ['), "not valid JSON"),
    "schema_breaking": (Reply.json(_schema_breaking()), "schema: claims.0.speaker: Field required"),
    "unknown_document": (
        Reply.json(_unknown_document()),
        "cites document 'gamma', which does not exist",
    ),
    "truncated_at_length": (
        Reply.text(GOOD_TEXT, finish_reason="length"),
        "cut off at the length limit",
    ),
    "empty": (Reply.text(""), "the reply was empty"),
    "null_content": (Reply.text(None), "the reply was empty"),
}


@pytest.mark.parametrize("fault", sorted(REPLY_FAULTS))
async def test_reply_fault_is_retried_then_a_good_reply_wins(
    fake_openai: FakeOpenAI, fault: str
) -> None:
    reply, _ = REPLY_FAULTS[fault]
    fake_openai.script(reply, good_reply())
    summary = await make_engine(fake_openai, max_retries=1).compose(bundle())
    assert [c.id for c in summary.claims] == ["c1", "c2"]
    assert summary.provenance.usage.requests == 2
    assert len(fake_openai.chat_requests) == 2


@pytest.mark.parametrize("fault", sorted(REPLY_FAULTS))
async def test_reply_fault_exhausts_retries_with_a_typed_error_and_the_last_reply(
    fake_openai: FakeOpenAI, fault: str
) -> None:
    reply, expected = REPLY_FAULTS[fault]
    fake_openai.script(reply, reply, reply, good_reply())
    with pytest.raises(ValidationExhaustedError) as caught:
        await make_engine(fake_openai, max_retries=2).compose(bundle())
    err = caught.value
    assert len(fake_openai.chat_requests) == 3, "one attempt plus --max-retries 2"
    assert fake_openai.pending == 1, "the good reply was never asked for"
    assert err.last_reply == (reply.content or "")
    assert any(expected in failure for failure in err.failures), err.failures
    assert expected in str(err)


async def test_a_reply_cut_at_the_length_limit_is_never_accepted_even_if_it_parses(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.script(Reply.text(GOOD_TEXT, finish_reason="length"))
    with pytest.raises(ValidationExhaustedError):
        await make_engine(fake_openai, max_retries=0).compose(bundle())


async def test_tools_mode_reply_without_a_tool_call_is_retried(fake_openai: FakeOpenAI) -> None:
    # the fake answers tools requests with a tool call unless content is None;
    # a raw completion with plain text content stands for a model that ignored the tool
    plain = {
        "id": "x",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "I think the summary is..."},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 5, "completion_tokens": 5, "total_tokens": 10},
    }
    fake_openai.script(Reply.raw(json.dumps(plain).encode()), good_reply())
    summary = await make_engine(fake_openai, mode="tools", max_retries=1).compose(bundle())
    assert len(summary.claims) == 2
    reask = fake_openai.chat_requests[1]["messages"][-1]
    assert "Validation Error found" in reask["content"]


TRANSPORT_FAULTS = {
    "http_500": (lambda: Reply.error(500), "HTTP 500"),
    "http_429": (lambda: Reply.error(429, retry_after=0), "HTTP 429"),
    "dropped_connection": (Reply.dropped, "could not reach the model endpoint"),
    "truncated_body": (Reply.truncated, "closed the connection in the middle of its reply"),
}


@pytest.mark.parametrize("fault", sorted(TRANSPORT_FAULTS))
async def test_transport_fault_is_retried_then_succeeds(
    fake_openai: FakeOpenAI, fault: str
) -> None:
    make_fault, _ = TRANSPORT_FAULTS[fault]
    fake_openai.script(make_fault(), good_reply())
    summary = await make_engine(fake_openai, transport_retries=1).compose(bundle())
    assert len(summary.claims) == 2
    assert len(fake_openai.chat_requests) == 2


@pytest.mark.parametrize("fault", sorted(TRANSPORT_FAULTS))
async def test_transport_fault_after_retries_is_a_model_error_without_the_key(
    fake_openai: FakeOpenAI, fault: str
) -> None:
    make_fault, expected = TRANSPORT_FAULTS[fault]
    fake_openai.script(make_fault(), make_fault(), good_reply())
    with pytest.raises(ModelError) as caught:
        await make_engine(fake_openai, transport_retries=1).compose(bundle())
    assert not isinstance(caught.value, ValidationExhaustedError)
    assert expected in str(caught.value)
    assert fake_openai.base_url in str(caught.value)
    assert TEST_KEY not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert len(fake_openai.chat_requests) == 2


async def test_a_server_slower_than_the_timeout_is_a_model_error(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.hang(5), Reply.hang(5))
    with pytest.raises(ModelError) as caught:
        await make_engine(fake_openai, transport_retries=0, timeout=0.5).compose(bundle())
    assert "did not answer within 0.5 s" in str(caught.value)


async def test_a_timeout_is_retried_by_the_transport(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.hang(5), good_reply())
    summary = await make_engine(fake_openai, transport_retries=1, timeout=0.5).compose(bundle())
    assert len(summary.claims) == 2


async def test_a_rejected_key_says_which_variable_to_set_and_never_echoes_it(
    fake_openai: FakeOpenAI,
) -> None:
    fake_openai.script(Reply.error(401, message=f"Incorrect API key provided: {TEST_KEY}"))
    with pytest.raises(ModelError) as caught:
        await make_engine(fake_openai).compose(bundle())
    message = str(caught.value)
    assert "HTTP 401" in message and "OPENAI_API_KEY" in message
    assert TEST_KEY not in message


async def test_instructor_log_records_are_redacted(
    fake_openai: FakeOpenAI, caplog: pytest.LogCaptureFixture
) -> None:
    fake_openai.script(Reply.error(401, message=f"Incorrect API key provided: {TEST_KEY}"))
    with caplog.at_level(logging.DEBUG), pytest.raises(ModelError):
        await make_engine(fake_openai).compose(bundle())
    assert "[redacted]" in caplog.text  # the application's own logging still sees the event
    assert TEST_KEY not in caplog.text


_UNCONFIGURED_LOGGING_RUN = """
import asyncio, sys
sys.path.insert(0, sys.argv[2])
from llm_fixtures import bundle, make_engine
from fake_openai import FakeOpenAI
server = FakeOpenAI()
server.port = int(sys.argv[1]); server.host = "127.0.0.1"
try:
    asyncio.run(make_engine(server).compose(bundle()))
except Exception as exc:
    print(type(exc).__name__)
"""


def test_with_logging_unconfigured_nothing_reaches_stderr(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.error(401, message=f"Incorrect API key provided: {TEST_KEY}"))
    tests_dir = str(Path(__file__).resolve().parent)
    proc = subprocess.run(
        [sys.executable, "-c", _UNCONFIGURED_LOGGING_RUN, str(fake_openai.port), tests_dir],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stdout.strip() == "ModelError", proc.stderr
    assert proc.stderr == ""


async def test_a_400_suggests_another_mode(fake_openai: FakeOpenAI) -> None:
    fake_openai.script(Reply.error(400, message="response_format json_schema is not supported"))
    with pytest.raises(ModelError) as caught:
        await make_engine(fake_openai).compose(bundle())
    assert "json_schema is not supported" in str(caught.value)
    assert "--mode md_json" in str(caught.value)


async def test_a_local_server_needs_no_key(
    fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    fake_openai.script(good_reply())
    settings = Settings(engine="llm", model="m", base_url=fake_openai.base_url)
    await LLMEngine(settings).compose(bundle())
    assert fake_openai.requests[0].headers["authorization"] == "Bearer not-needed"


def test_a_remote_server_without_a_key_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MY_KEY", raising=False)
    settings = Settings(
        engine="llm", model="m", base_url="https://models.example.com/v1", api_key_env="MY_KEY"
    )
    with pytest.raises(ConfigError, match="set MY_KEY"):
        LLMEngine(settings)


async def test_the_key_comes_from_the_named_variable(
    fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MY_KEY", "sk-from-my-key")
    fake_openai.script(good_reply())
    settings = Settings(
        engine="llm", model="m", base_url=fake_openai.base_url, api_key_env="MY_KEY"
    )
    await LLMEngine(settings).compose(bundle())
    assert fake_openai.requests[0].headers["authorization"] == "Bearer sk-from-my-key"
