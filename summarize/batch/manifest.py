"""``manifest.jsonl``: one JSON line per event saying what became of it.

Fields: ``event``, ``status`` (``ok``, ``failed`` or ``skipped-budget``),
``output`` (the record's path, or null), ``attempts`` (HTTP requests sent to
the model for the event, transport retries and re-asks included),
``cache_hits``, ``tokens`` (``prompt``/``completion``/``total`` received from
the endpoint), ``cached_tokens`` (served from the cache, not paid for),
``cost_usd`` (null when the model's price is unknown), ``estimated_usd`` and
``estimated_tokens`` (``prompt``/``completion``: what the budget estimate
expected before the model call; null when nothing was estimated), ``latency_s``,
``error`` (``{"type", "message"}`` or null), ``finished_at`` (UTC ISO time)
and ``resumed`` (true when ``--resume`` kept an earlier output).

While a batch runs each line is appended and flushed as its event finishes,
so a killed run leaves every finished event on record. When the batch ends
the file is rewritten (atomically) with exactly one line per event, in event
order, the latest outcome winning.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from summarize.atomic import write_atomic
from summarize.batch.pricing import Estimate, Price
from summarize.errors import OutputError

MANIFEST_NAME = "manifest.jsonl"

OK = "ok"
FAILED = "failed"
SKIPPED_BUDGET = "skipped-budget"


@dataclass
class ManifestEntry:
    """One event's outcome."""

    event: str
    status: str
    output: str | None = None
    attempts: int = 0
    cache_hits: int = 0
    tokens: dict[str, int] = field(
        default_factory=lambda: {"prompt": 0, "completion": 0, "total": 0}
    )
    cached_tokens: int = 0
    cost_usd: float | None = 0.0
    estimated_usd: float | None = None
    estimated_tokens: dict[str, int] | None = None
    latency_s: float = 0.0
    error: dict[str, Any] | None = None
    finished_at: str | None = None
    resumed: bool = False

    def record_estimate(self, estimate: Estimate, price: Price) -> float:
        """Keep ``estimate`` (priced at ``price``) beside the actual cost; return its USD."""
        usd = estimate.cost(price)
        self.estimated_usd = usd
        self.estimated_tokens = {
            "prompt": estimate.prompt_tokens,
            "completion": estimate.completion_tokens,
        }
        return usd

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ManifestEntry:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


def read_manifest(path: Path) -> dict[str, ManifestEntry]:
    """The latest entry per event in an existing manifest (unreadable lines skipped,
    so a line cut short by a kill does not block a resume)."""
    entries: dict[str, ManifestEntry] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return entries
    except OSError as exc:
        raise OutputError(path, f"cannot read the manifest ({exc.strerror or exc})") from None
    for line in lines:
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and isinstance(data.get("event"), str):
            with contextlib.suppress(TypeError):
                entries[data["event"]] = ManifestEntry.from_dict(data)
    return entries


class ManifestWriter:
    """Appends entries as events finish; :meth:`finalize` compacts the file."""

    def __init__(self, path: Path, *, keep_existing: bool) -> None:
        self.path = path
        self.previous = read_manifest(path) if keep_existing else {}
        self.written: dict[str, ManifestEntry] = {}
        try:
            self._handle: TextIO | None = path.open("a" if keep_existing else "w", encoding="utf-8")
        except OSError as exc:
            raise OutputError(path, f"cannot write the manifest ({exc.strerror or exc})") from None

    def append(self, entry: ManifestEntry) -> None:
        """Record one finished event. The line is flushed to the operating system at
        once, so it survives the process being killed; the output files themselves
        are fsynced (``write_atomic``), and a resume trusts them, not this line."""
        self.written[entry.event] = entry
        if self._handle is None:
            return
        self._handle.write(entry.to_json() + "\n")
        self._handle.flush()

    def finalize(self, order: Iterable[str]) -> None:
        """Rewrite the manifest with one line per event of ``order``."""
        self.close()
        merged = {**self.previous, **self.written}
        lines = [merged[e].to_json() for e in order if e in merged]
        write_atomic(self.path, "".join(line + "\n" for line in lines))

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
