"""``summarize batch`` against the loopback fake server: outputs, manifest,
failures that do not stop the batch, cache hits, budget stop and the fault mix."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from batch_fakes import faulty, make_events
from fake_openai import FakeOpenAI, Reply, auto_reply
from typer.testing import CliRunner

from summarize.batch.cache import CACHE_FILE
from summarize.batch.runner import BatchOptions, BatchResult, BatchRunner
from summarize.cli import app
from summarize.config import Settings
from summarize.models import EventSummary
from summarize.render import validate_summary_dict


def settings_for(fake: FakeOpenAI, **kw: object) -> Settings:
    base = Settings(engine="llm", model="fake-model", base_url=fake.base_url, timeout=5.0)
    from dataclasses import replace

    return replace(base, **kw)  # type: ignore[arg-type]


async def run(settings: Settings, **kw: object) -> BatchResult:
    options = BatchOptions(progress=False, **kw)  # type: ignore[arg-type]
    return await BatchRunner(settings, options).run()


def manifest(out: Path) -> list[dict[str, object]]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def outputs(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if not p.name.startswith("."))


async def test_every_event_gets_a_valid_output_and_one_manifest_line(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = auto_reply
    names = make_events(tmp_path / "root", 3)
    (tmp_path / "root" / "empty-folder").mkdir()
    out = tmp_path / "out"
    result = await run(
        settings_for(fake_openai), root=tmp_path / "root", out_dir=out, cache_dir=tmp_path / "c"
    )
    assert outputs(out) == sorted([*(f"{n}.json" for n in names), "manifest.jsonl"])
    for name in names:
        data = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        validate_summary_dict(data)
        assert EventSummary.model_validate(data).provenance.engine == "llm"
    lines = manifest(out)
    assert [line["event"] for line in lines] == sorted([*names, "empty-folder"])
    by_event = {line["event"]: line for line in lines}
    assert by_event["empty-folder"]["status"] == "failed"
    # worded as `summarize run` words it
    assert "has no article files (.txt, .md, .html, .json)" in str(
        by_event["empty-folder"]["error"]
    )
    for name in names:
        assert by_event[name]["status"] == "ok"
        assert by_event[name]["attempts"] == 1
        assert by_event[name]["tokens"]["total"] > 0  # type: ignore[index]
    assert [e.event for e in result.failed] == ["empty-folder"]


async def test_markdown_format_writes_the_record_and_the_rendering(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = auto_reply
    names = make_events(tmp_path / "root", 1)
    out = tmp_path / "out"
    await run(
        settings_for(fake_openai),
        root=tmp_path / "root",
        out_dir=out,
        fmt="markdown",
        use_cache=False,
    )
    assert (out / f"{names[0]}.md").read_text(encoding="utf-8").startswith("# ")
    assert manifest(out)[0]["output"] == str(out / f"{names[0]}.md")


async def test_a_rerun_of_the_same_batch_makes_zero_model_calls(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = auto_reply
    make_events(tmp_path / "root", 4)
    cache = tmp_path / "cache"
    first = await run(
        settings_for(fake_openai), root=tmp_path / "root", out_dir=tmp_path / "o1", cache_dir=cache
    )
    assert len(fake_openai.chat_requests) == 4
    fake_openai.reset()  # forgets the requests; no responder: a request would fail loudly
    second = await run(
        settings_for(fake_openai), root=tmp_path / "root", out_dir=tmp_path / "o2", cache_dir=cache
    )
    assert fake_openai.requests == []
    assert second.ok and first.ok
    assert all(e.cache_hits == 1 and e.attempts == 0 for e in second.entries)
    assert second.total_tokens == 0  # nothing paid for
    for e in first.entries:
        before = (tmp_path / "o1" / f"{e.event}.json").read_text(encoding="utf-8")
        after = (tmp_path / "o2" / f"{e.event}.json").read_text(encoding="utf-8")
        assert json.loads(before)["claims"] == json.loads(after)["claims"]


async def test_no_cache_and_refresh_call_the_model_again(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = auto_reply
    make_events(tmp_path / "root", 2)
    cache = tmp_path / "cache"
    root = tmp_path / "root"
    await run(settings_for(fake_openai), root=root, out_dir=tmp_path / "o1", cache_dir=cache)
    await run(
        settings_for(fake_openai), root=root, out_dir=tmp_path / "o2", cache_dir=cache, refresh=True
    )
    await run(settings_for(fake_openai), root=root, out_dir=tmp_path / "o3", use_cache=False)
    assert len(fake_openai.chat_requests) == 6


async def test_the_cache_keeps_neither_the_api_key_nor_errors_nor_truncated_replies(
    fake_openai: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = "sk-test-DO-NOT-STORE-4242"
    monkeypatch.setenv("SUMMARIZE_TEST_KEY", secret)
    names = make_events(tmp_path / "root", 1)
    body = auto_reply(
        {"messages": [{"role": "user", "content": '<document id="a0">\nx\n</document>'}]}
    )
    fake_openai.script(
        Reply.error(500),  # retried by the transport, never cached
        Reply.text(body.content, finish_reason="length"),  # truncated: re-asked, never cached
    )
    fake_openai.responder = auto_reply
    cache = tmp_path / "cache"
    result = await run(
        settings_for(fake_openai, api_key_env="SUMMARIZE_TEST_KEY", max_retries=2),
        root=tmp_path / "root",
        out_dir=tmp_path / "out",
        cache_dir=cache,
    )
    assert result.ok, result.entries
    assert fake_openai.requests[0].headers["authorization"] == f"Bearer {secret}"
    db = sqlite3.connect(cache / CACHE_FILE)
    rows = db.execute("SELECT body FROM replies").fetchall()
    db.close()
    assert len(rows) == 1  # only the one complete, successful reply
    assert b'"finish_reason": "length"' not in rows[0][0]
    for path in cache.iterdir():
        assert secret.encode() not in path.read_bytes()
    manifest_text = (tmp_path / "out" / "manifest.jsonl").read_text(encoding="utf-8")
    assert secret not in manifest_text
    assert json.loads(manifest_text.splitlines()[0])["event"] == names[0]


async def test_budget_stops_starting_events_and_lists_them(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = auto_reply
    make_events(tmp_path / "root", 5)
    prices = tmp_path / "prices.json"
    # 1000 USD per 1M tokens: one tiny event costs about one dollar (1052 tokens), so a
    # budget of three runs two or three events and skips the rest
    prices.write_text(json.dumps({"fake-model": {"input": 1000, "output": 1000}}))
    result = await run(
        settings_for(fake_openai),
        root=tmp_path / "root",
        out_dir=tmp_path / "out",
        use_cache=False,
        concurrency=1,
        prices=prices,
        budget_usd=3.0,
    )
    statuses = [e.status for e in result.entries]
    started = statuses.count("ok")
    assert 1 <= started < 5
    assert statuses == ["ok"] * started + ["skipped-budget"] * (5 - started)
    spent = sum(e.cost_usd or 0.0 for e in result.entries)
    assert spent <= 3.0
    assert len(fake_openai.chat_requests) == started
    lines = manifest(tmp_path / "out")
    assert [line["status"] for line in lines] == statuses


def test_cli_exit_code_and_failures_on_stderr(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    fake_openai.responder = auto_reply
    make_events(tmp_path / "root", 2)
    (tmp_path / "root" / "broken").mkdir()
    (tmp_path / "root" / "broken" / "x.json").write_text("{not json", encoding="utf-8")
    args = [
        "batch", str(tmp_path / "root"), "-o", str(tmp_path / "out"),
        "--model", "fake-model", "--base-url", fake_openai.base_url,
        "--cache-dir", str(tmp_path / "cache"), "--concurrency", "2",
    ]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 1
    assert "broken: failed:" in result.stderr
    assert "2/3 events ok" in result.stderr
    (tmp_path / "root" / "broken" / "x.json").unlink()
    (tmp_path / "root" / "broken" / "x.txt").write_text(
        "The minister said the road will reopen in May.", encoding="utf-8"
    )
    again = CliRunner().invoke(app, [*args, "--resume"])
    assert again.exit_code == 0, again.stderr
    assert len(fake_openai.chat_requests) == 3  # the two good events were not re-run


async def test_fault_mix_ends_with_outputs_or_listed_failures_and_resume_completes(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = faulty(0.3, hang=1.0)
    names = make_events(tmp_path / "root", 16)
    out = tmp_path / "out"
    settings = settings_for(fake_openai, timeout=0.5)
    first = await run(
        settings, root=tmp_path / "root", out_dir=out, cache_dir=tmp_path / "c", concurrency=8
    )
    assert {e.status for e in first.entries} <= {"ok", "failed"}
    for e in first.entries:
        if e.status == "ok":
            validate_summary_dict(json.loads((out / f"{e.event}.json").read_text("utf-8")))
        else:
            assert e.error and e.error["message"]
    faults = [r for r in fake_openai.chat_requests]
    assert len(faults) > len(names)  # faults happened and were retried
    fake_openai.responder = auto_reply
    second = await run(
        settings, root=tmp_path / "root", out_dir=out, cache_dir=tmp_path / "c", resume=True
    )
    assert second.ok
    assert outputs(out) == sorted([*(f"{n}.json" for n in names), "manifest.jsonl"])
    assert [line["event"] for line in manifest(out)] == names
    rerun = [e.event for e in second.entries if not e.resumed]
    assert sorted(rerun) == sorted(e.event for e in first.entries if e.status != "ok")
