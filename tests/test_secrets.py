"""The API key never leaves the process except in the Authorization header.

Runs the installed CLI in a subprocess with a known fake key against the
loopback fake server (a good run with --verbose, a 401 whose body echoes the
key) and in-process (a batch run with its cache and manifest, repeated 500s,
an unreachable server: spares interpreter start-ups), then searches
everything printed and every file the runs wrote (outputs, manifest, reply
cache, anything under HOME and the cache folders) for the key."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI, Reply, auto_reply
from typer.testing import CliRunner

from summarize.cli import app

KEY = "sk-test-SECRET-1234567890"
FRAGMENTS = (KEY, "SECRET-1234567890")
ARTICLES = {
    "alpha.txt": "Officials said the bridge will close on Monday for repairs.\n",
    "beta.txt": "The transport ministry said the repairs would take three weeks.\n",
}


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """An event folder inside a batch root, and a HOME and cache folder for the run."""
    event = tmp_path / "root" / "bridge"
    event.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (event / name).write_text(text)
    (tmp_path / "home").mkdir()
    return tmp_path


def run_cli(sandbox: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZE_MODEL")
    }
    env.update(
        OPENAI_API_KEY=KEY,
        HOME=str(sandbox / "home"),
        XDG_CACHE_HOME=str(sandbox / "home" / ".cache"),
        XDG_DATA_HOME=str(sandbox / "home" / ".local" / "share"),
        XDG_STATE_HOME=str(sandbox / "home" / ".local" / "state"),
        TMPDIR=str(sandbox / "home"),
    )
    return subprocess.run(
        [sys.executable, "-m", "summarize", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=sandbox,
        timeout=300,
    )


def assert_no_key(sandbox: Path, *procs: subprocess.CompletedProcess[str]) -> int:
    """Fail if the key is in anything printed or any file under ``sandbox``;
    return how many files were searched."""
    for proc in procs:
        for fragment in FRAGMENTS:
            assert fragment not in proc.stdout
            assert fragment not in proc.stderr
    searched = 0
    for path in sandbox.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            searched += 1
            for fragment in FRAGMENTS:
                assert fragment.encode() not in data, path
    return searched


def invoke_in_process(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch, *args: str
) -> subprocess.CompletedProcess[str]:
    """``summarize`` run in this process (no interpreter start-up), as a CompletedProcess."""
    monkeypatch.chdir(sandbox)
    for name in ("HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(sandbox / "home"))
    result = CliRunner().invoke(app, list(args), env={"OPENAI_API_KEY": KEY})
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def llm_args(base_url: str) -> list[str]:
    return ["--engine", "llm", "--model", "test-model", "--base-url", base_url]


def test_a_good_run_and_a_batch_run_write_and_print_no_key(
    fake_openai: FakeOpenAI, sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_openai.responder = auto_reply
    out = sandbox / "out.json"
    single = run_cli(
        sandbox, "run", str(sandbox / "root" / "bridge"), *llm_args(fake_openai.base_url),
        "-o", str(out), "--verbose",
    )  # fmt: skip
    assert single.returncode == 0, single.stderr
    assert out.exists()
    batch = invoke_in_process(
        sandbox, monkeypatch, "batch", str(sandbox / "root"), *llm_args(fake_openai.base_url),
        "-o", str(sandbox / "batch_out"), "--cache-dir", str(sandbox / "cache"),
    )  # fmt: skip
    assert batch.returncode == 0, batch.stderr
    assert any((sandbox / "cache").rglob("*")), "the reply cache was written"
    assert assert_no_key(sandbox, single, batch) >= 4
    requests = fake_openai.requests
    assert requests, "the server was asked"
    for request in requests:
        assert request.headers["authorization"] == f"Bearer {KEY}", "sent where it belongs"
        assert KEY.encode() not in request.raw, "and nowhere else in the request"


def test_a_401_that_echoes_the_key_is_reported_without_it(
    fake_openai: FakeOpenAI, sandbox: Path
) -> None:
    fake_openai.script(
        *(Reply.error(401, message=f"Incorrect API key provided: {KEY}") for _ in range(3))
    )
    out = sandbox / "out.json"
    proc = run_cli(
        sandbox, "run", str(sandbox / "root" / "bridge"), *llm_args(fake_openai.base_url),
        "-o", str(out), "--verbose",
    )  # fmt: skip
    assert proc.returncode == 1
    assert "HTTP 401" in proc.stderr and "OPENAI_API_KEY" in proc.stderr
    assert not out.exists()
    assert_no_key(sandbox, proc)


def test_repeated_500s_are_reported_without_the_key(
    fake_openai: FakeOpenAI, sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_openai.script(
        *(
            Reply.error(500, message=f"internal error for key {KEY}", retry_after=0.01)
            for _ in range(6)
        )
    )
    proc = invoke_in_process(
        sandbox, monkeypatch, "run", str(sandbox / "root" / "bridge"),
        *llm_args(fake_openai.base_url), "--verbose",
    )  # fmt: skip
    assert proc.returncode == 1
    assert "HTTP 500" in proc.stderr
    assert_no_key(sandbox, proc)


def test_an_unreachable_server_is_reported_without_the_key(
    sandbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = invoke_in_process(
        sandbox, monkeypatch, "run", str(sandbox / "root" / "bridge"),
        *llm_args(f"http://127.0.0.1:{port}/v1"), "--verbose",
    )  # fmt: skip
    assert proc.returncode == 1
    assert "could not reach the model endpoint" in proc.stderr
    assert_no_key(sandbox, proc)


def test_a_verbose_traceback_masks_the_key(sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    async def leaky(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"something went wrong with Authorization: Bearer {KEY}")

    monkeypatch.setattr("summarize.api.asummarize_articles", leaky)
    result = CliRunner().invoke(
        app,
        ["run", str(sandbox / "root" / "bridge"), "--engine", "offline", "--verbose"],
        env={"OPENAI_API_KEY": KEY},
    )
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "Bearer ***" in result.stderr
    for fragment in FRAGMENTS:
        assert fragment not in result.stderr + result.stdout
