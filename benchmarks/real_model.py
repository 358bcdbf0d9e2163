"""The llm engine against a real model behind a real OpenAI-compatible server.

Not for CI: on two CPU cores a 1.5B model takes minutes per folder. Give a
running server with ``--base-url``, or a GGUF with ``--gguf`` to start
llama-cpp-python's server (``../shared/tools/local-model/serve.sh``, which
reads ``LOCAL_MODEL_ROOT``) for the run and stop it afterwards. Each folder
(the seed folder and the eval suites; AllSides suites are assembled from
``../shared/data`` into a temporary folder) is summarized once per
``--mode``, and one row is printed per run: record written or not,
attempts, claims kept / dropped, repairs, prompt and output tokens, wall
time, and (for eval suites) attribution accuracy, core claim recall and
grounding rate against the gold record.

    python benchmarks/real_model.py --gguf qwen2.5-coder-1.5b-instruct-q4_k_m.gguf \\
        evals/nsa-carlson evals/haiti-moise
    python benchmarks/real_model.py --base-url http://127.0.0.1:8080/v1 --model local \\
        --mode auto --mode md_json examples/ganja

Records, failed replies and a JSON line per run go to ``--out`` (default a
temporary folder, printed).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SERVE = REPO.parent / "shared" / "tools" / "local-model" / "serve.sh"

from summarize.api import compose_verified  # noqa: E402
from summarize.config import Settings  # noqa: E402
from summarize.engines.llm import LLMEngine  # noqa: E402
from summarize.errors import SummarizeError, ValidationExhaustedError  # noqa: E402
from summarize.evaluation.gold import load_gold  # noqa: E402
from summarize.evaluation.scoring import score_summary  # noqa: E402
from summarize.evaluation.suites import assemble_articles, load_suite  # noqa: E402
from summarize.evidence.bundle import build_bundle  # noqa: E402
from summarize.loader import load_folder  # noqa: E402
from summarize.models import Article  # noqa: E402

SCORES = ("attribution_accuracy", "claim_recall_core", "grounding_rate")


@dataclass
class Row:
    """One run: a folder in one mode."""

    folder: str
    mode: str
    written: bool = False
    attempts: int = 0
    claims: int = 0
    dropped: int = 0
    repaired: int = 0
    prompt_tokens: int = 0
    output_tokens: int = 0
    seconds: float = 0.0
    scores: dict[str, float | int | None] = field(default_factory=dict)
    error: str | None = None


def folders(paths: list[str], work: Path) -> list[tuple[str, list[Article], Any]]:
    """(name, articles, gold or None) per given folder or eval suite."""
    out: list[tuple[str, list[Article], Any]] = []
    for raw in paths:
        path = Path(raw)
        if (path / "gold.json").is_file():
            suite = assemble_articles(load_suite(path), work)
            assert suite.articles is not None
            out.append((suite.name, load_folder(suite.articles), load_gold(suite.gold_path)))
        else:
            out.append((path.name, load_folder(path), None))
    return out


async def run_one(
    settings: Settings, name: str, articles: list[Article], gold: Any, out: Path
) -> Row:
    row = Row(folder=name, mode=settings.mode)
    engine = LLMEngine(settings)
    bundle = build_bundle(articles)
    started = time.monotonic()
    try:
        summary = await compose_verified(engine, bundle)
        row.written = True
        (out / f"{name}.{settings.mode}.json").write_text(
            summary.model_dump_json(indent=2), encoding="utf-8"
        )
        row.claims = len(summary.claims)
        row.dropped = sum(1 for d in summary.dropped if d.claim_id)
        if gold is not None:
            card = score_summary(summary, gold, articles)
            row.scores = {s: card.value(s) for s in SCORES}
    except ValidationExhaustedError as exc:
        row.error = str(exc)[:300]
        failed = out / f"{name}.{settings.mode}.failed.json"
        failed.write_text(exc.last_reply or "", encoding="utf-8")
    except SummarizeError as exc:
        row.error = str(exc)[:300]
    row.seconds = round(time.monotonic() - started, 1)
    run = engine.last_run
    if run is not None:
        row.attempts = run.attempts
        row.prompt_tokens = run.usage.prompt_tokens
        row.output_tokens = run.usage.completion_tokens
        row.mode = f"{settings.mode}->{run.mode}" if settings.mode == "auto" else settings.mode
        if run.grounding is not None:
            row.repaired = len(run.grounding.repairs)
    return row


def table(rows: list[Row]) -> str:
    head = (
        f"{'folder':<22} {'mode':<14} {'record':<6} {'att':>3} {'claims':>6} {'drop':>4} "
        f"{'rep':>3} {'prompt':>7} {'output':>6} {'secs':>6}  "
        + "  ".join(f"{s[:14]:>14}" for s in SCORES)
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        scores = "  ".join(
            f"{r.scores.get(s) if r.scores.get(s) is not None else '-':>14}" for s in SCORES
        )
        lines.append(
            f"{r.folder:<22} {r.mode:<14} {'yes' if r.written else 'NO':<6} {r.attempts:>3} "
            f"{r.claims:>6} {r.dropped:>4} {r.repaired:>3} {r.prompt_tokens:>7} "
            f"{r.output_tokens:>6} {r.seconds:>6}  {scores}"
        )
        if r.error:
            lines.append(f"    error: {r.error}")
    return "\n".join(lines)


def start_server(gguf: str, port: int) -> int:
    out = subprocess.run(
        ["bash", str(SERVE), gguf, str(port), "local"], check=True, capture_output=True, text=True
    )
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", default=[str(REPO / "examples" / "ganja")])
    parser.add_argument("--base-url")
    parser.add_argument("--gguf", help="start llama-cpp-python's server on this GGUF")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--model", default="local")
    parser.add_argument("--mode", action="append", help="auto (default), json, md_json, tools")
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--max-retries", type=int, default=1)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    out = args.out or Path(tempfile.mkdtemp(prefix="real_model_"))
    out.mkdir(parents=True, exist_ok=True)
    pid = start_server(args.gguf, args.port) if args.gguf else None
    base_url = args.base_url or f"http://127.0.0.1:{args.port}/v1"
    rows: list[Row] = []
    try:
        runs = folders(args.folders, out)
        for mode in args.mode or ["auto"]:
            settings = Settings(
                engine="llm",
                model=args.model,
                base_url=base_url,
                mode=mode,
                timeout=args.timeout,
                max_retries=args.max_retries,
            )
            for name, articles, gold in runs:
                row = asyncio.run(run_one(settings, name, articles, gold, out))
                rows.append(row)
                with (out / "runs.jsonl").open("a", encoding="utf-8") as f:
                    f.write(json.dumps(asdict(row)) + "\n")
                print(table([row]).splitlines()[-1], flush=True)
    finally:
        if pid is not None:
            try:
                os.kill(pid, 15)
            except ProcessLookupError:
                print(f"the server (pid {pid}) had already exited; see its log", file=sys.stderr)
    print(f"\nserver {base_url}, model {args.model}; records in {out}\n")
    print(table(rows))


if __name__ == "__main__":
    sys.exit(main())
