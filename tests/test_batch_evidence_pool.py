"""The batch's evidence stage in a worker process gives the same outputs and the
same failure reports as in a thread, and the automatic choice keeps small
batches (and small machines) in a thread."""

from __future__ import annotations

import json
from pathlib import Path

from batch_fakes import make_events
from fake_openai import FakeOpenAI, auto_reply

from summarize.batch.evidence_pool import (
    PROCESS_MIN_CPUS,
    PROCESS_MIN_EVENTS,
    auto_workers,
)
from summarize.batch.runner import BatchOptions, BatchResult, BatchRunner
from summarize.config import Settings


async def run(fake: FakeOpenAI, root: Path, out: Path, workers: int) -> BatchResult:
    settings = Settings(engine="llm", model="fake-model", base_url=fake.base_url, timeout=5.0)
    options = BatchOptions(
        root=root, out_dir=out, use_cache=False, progress=False, evidence_workers=workers
    )
    return await BatchRunner(settings, options).run()


def records(out: Path) -> dict[str, object]:
    found: dict[str, object] = {}
    for path in sorted(out.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["provenance"].pop("usage", None)
        found[path.name] = data
    return found


async def test_a_worker_process_gives_the_outputs_and_failures_a_thread_gives(
    fake_openai: FakeOpenAI, tmp_path: Path
) -> None:
    fake_openai.responder = auto_reply
    names = make_events(tmp_path / "root", 3)
    (tmp_path / "root" / "no-articles").mkdir()
    threaded = await run(fake_openai, tmp_path / "root", tmp_path / "thread", 0)
    pooled = await run(fake_openai, tmp_path / "root", tmp_path / "process", 1)
    assert sorted(records(tmp_path / "process")) == sorted(f"{n}.json" for n in names)
    assert records(tmp_path / "process") == records(tmp_path / "thread")
    for result in (threaded, pooled):
        assert [e.event for e in result.failed] == ["no-articles"]
        assert result.failed[0].error is not None
        assert result.failed[0].error["type"] == "NoArticlesError"
        assert "has no article files" in result.failed[0].error["message"]
        assert result.evidence_cpu_s > 0
    assert threaded.failed[0].error == pooled.failed[0].error


def test_small_batches_and_small_machines_keep_the_evidence_stage_in_a_thread() -> None:
    assert auto_workers(PROCESS_MIN_EVENTS - 1, cpus=16) == 0
    assert auto_workers(1000, cpus=PROCESS_MIN_CPUS - 1) == 0
    assert auto_workers(1000, cpus=PROCESS_MIN_CPUS) >= 1
