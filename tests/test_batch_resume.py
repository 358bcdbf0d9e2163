"""A batch killed mid-way and resumed loses nothing and repeats nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from batch_fakes import make_events
from fake_openai import FakeOpenAI, auto_reply


def test_a_killed_batch_resumed_loses_nothing_and_repeats_nothing(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = auto_reply
    fake_openai.latency = 0.25
    names = make_events(tmp_path / "root", 8)
    out = tmp_path / "out"
    cmd = [
        sys.executable, "-m", "summarize", "batch", str(tmp_path / "root"), "-o", str(out),
        "--model", "fake-model", "--base-url", fake_openai.base_url,
        "--cache-dir", str(tmp_path / "cache"), "--concurrency", "2", "--quiet",
    ]  # fmt: skip
    env = {**os.environ, "OPENAI_API_KEY": "sk-test"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        done = manifest.read_text().count("\n") if manifest.exists() else 0
        if done >= 3:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    finished_first = [json.loads(line)["event"] for line in manifest.read_text().splitlines()]
    assert 3 <= len(finished_first) < len(names), "the kill must land mid-way"
    # outputs are written whole before their manifest line: the kill can fall between
    written_first = sorted(p.stem for p in out.glob("*.json"))
    assert set(finished_first) <= set(written_first) and len(written_first) < len(names)
    sent_first = len(fake_openai.chat_requests)

    resumed = subprocess.run([*cmd, "--resume"], env=env, capture_output=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr.decode()
    lines = [json.loads(line) for line in manifest.read_text().splitlines()]
    assert [line["event"] for line in lines] == names  # one line per event, nothing lost
    assert all(line["status"] == "ok" for line in lines)
    # a resume trusts every whole output, also one whose manifest line the kill cut off
    assert {line["event"] for line in lines if line["resumed"]} == set(written_first)
    # nothing repeated: finished events were not asked again; an event in flight at
    # the kill may be asked again (or served from the cache), nothing else
    sent_second = len(fake_openai.chat_requests) - sent_first
    assert sent_second <= len(names) - len(written_first)
    asked = [json.dumps(r["messages"]) for r in fake_openai.chat_requests]
    for event in written_first:
        number = int(event.removeprefix("event"))
        marker = f"town number {number} met"
        assert sum(marker in a for a in asked) == 1, event
    visible = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert visible == sorted([*(f"{n}.json" for n in names), "manifest.jsonl"])
