"""Quality thresholds for ``summarize eval run``: parsing and checking.

Thresholds come from ``--min NAME=VALUE`` / ``--max NAME=VALUE`` options and
from a file (``--min-file``, ``summarize-thresholds/1``)::

    {"format": "summarize-thresholds/1",
     "min": {"grounding_rate": 0.95},            # on the aggregate (mean over suites)
     "max": {"loaded_per_100_words": 1.0},
     "suites": {"ganja": {"min": {"claim_recall_core": 0.4}}}}

A ``min`` is met when the score is at least the value, a ``max`` when it is
at most the value. A score that was not measured (``null``) misses its
threshold; a suite that was skipped has its own thresholds reported as not
checked."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from summarize.errors import ConfigError
from summarize.evaluation.scoring import ALL_SCORES

THRESHOLDS_FORMAT = "summarize-thresholds/1"
_EPS = 1e-9


@dataclass(frozen=True)
class Bound:
    score: str
    kind: str  # "min" or "max"
    value: float

    def met(self, actual: float | int | None) -> bool:
        if actual is None:
            return False
        if self.kind == "min":
            return actual >= self.value - _EPS
        return actual <= self.value + _EPS

    def __str__(self) -> str:
        return f"{self.score} {'>=' if self.kind == 'min' else '<='} {self.value:g}"


@dataclass
class Thresholds:
    aggregate: list[Bound] = field(default_factory=list)
    suites: dict[str, list[Bound]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.aggregate or any(self.suites.values()))

    def to_json(self) -> dict[str, Any]:
        def group(bounds: list[Bound]) -> dict[str, dict[str, float]]:
            out: dict[str, dict[str, float]] = {}
            for b in bounds:
                out.setdefault(b.kind, {})[b.score] = b.value
            return out

        return {
            "format": THRESHOLDS_FORMAT,
            **group(self.aggregate),
            "suites": {name: group(bounds) for name, bounds in self.suites.items()},
        }


@dataclass(frozen=True)
class Miss:
    """One threshold that was not met."""

    where: str  # "aggregate" or a suite name
    bound: Bound
    actual: float | int | None

    def __str__(self) -> str:
        shown = "not measured" if self.actual is None else f"{self.actual:g}"
        return f"{self.where}: {self.bound} but got {shown}"


def _bound(score: str, kind: str, value: object, where: str) -> Bound:
    if score not in ALL_SCORES:
        raise ConfigError(f"{where}: unknown score '{score}' (scores: {', '.join(ALL_SCORES)})")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{where}: {kind} for '{score}' must be a number (got {value!r})")
    return Bound(score, kind, float(value))


def parse_option(text: str, kind: str) -> Bound:
    """``NAME=VALUE`` from ``--min`` / ``--max``."""
    name, sep, raw = text.partition("=")
    if not sep:
        raise ConfigError(
            f"--{kind} takes NAME=VALUE, e.g. attribution_accuracy=0.9 (got {text!r})"
        )
    try:
        value = float(raw)
    except ValueError:
        raise ConfigError(f"--{kind} {text!r}: {raw!r} is not a number") from None
    return _bound(name.strip(), kind, value, f"--{kind}")


def _group(data: Mapping[str, Any], where: str) -> list[Bound]:
    bounds: list[Bound] = []
    for kind in ("min", "max"):
        entries = data.get(kind, {})
        if not isinstance(entries, dict):
            raise ConfigError(f"{where}: '{kind}' must be an object of score: number")
        bounds += [_bound(k, kind, v, f"{where}.{kind}") for k, v in entries.items()]
    return bounds


def load_thresholds(path: Path) -> Thresholds:
    """Read a ``summarize-thresholds/1`` file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read as JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != THRESHOLDS_FORMAT:
        raise ConfigError(f"{path}: field 'format' must be {THRESHOLDS_FORMAT!r}")
    unknown = set(data) - {"format", "about", "min", "max", "suites"}
    if unknown:
        raise ConfigError(f"{path}: unknown field(s) {', '.join(sorted(unknown))}")
    suites = data.get("suites", {})
    if not isinstance(suites, dict):
        raise ConfigError(f"{path}: 'suites' must be an object of suite name: thresholds")
    return Thresholds(
        _group(data, str(path)),
        {name: _group(group, f"{path}: suites.{name}") for name, group in suites.items()},
    )


def combine(file: Thresholds | None, options: Iterable[Bound]) -> Thresholds:
    """File thresholds with command-line ones on top (same score and kind: the option wins)."""
    result = Thresholds(list(file.aggregate) if file else [], dict(file.suites) if file else {})
    for bound in options:
        result.aggregate = [
            b for b in result.aggregate if (b.score, b.kind) != (bound.score, bound.kind)
        ] + [bound]
    return result


def check(
    thresholds: Thresholds,
    aggregate: Mapping[str, float | int | None],
    suites: Mapping[str, Mapping[str, float | int | None]],
) -> tuple[list[Miss], list[str]]:
    """(misses, notes): thresholds not met, and per-suite thresholds not checked."""
    misses = [
        Miss("aggregate", b, aggregate.get(b.score))
        for b in thresholds.aggregate
        if not b.met(aggregate.get(b.score))
    ]
    notes: list[str] = []
    for name, bounds in thresholds.suites.items():
        if name not in suites:
            notes.append(f"thresholds for suite '{name}' not checked: it was not scored")
            continue
        misses += [
            Miss(name, b, suites[name].get(b.score))
            for b in bounds
            if not b.met(suites[name].get(b.score))
        ]
    return misses, notes
