"""The one list of scores: each scorer declares, where it is defined, the
scores it returns with their name, label and direction.

Modelled on inspect_ai's ``@scorer`` decorator (``scorer/_scorer.py``), which
registers a scorer with its metrics as metadata at definition time, so that
nothing else has to keep a parallel list of names. Here one scorer may return
several scores (claim matching yields recall, attribution and counts at
once), so the decorator takes one :class:`ScoreInfo` per score; the registry
keeps them in definition order, which is the order of ``eval score --json``
and of every table."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

#: ``share``: a share in [0, 1] against the gold record; ``verified``: a share of
#: the record's own claims that the verifier passes or fails (no gold needed);
#: ``count``: a count; ``rate``: a rate; ``ratio``: a ratio whose ideal is 1.
Kind = Literal["share", "verified", "count", "rate", "ratio"]
#: Which way is better: ``higher``, ``lower``, or ``none`` (read it with another score).
Direction = Literal["higher", "lower", "none"]


@dataclass(frozen=True)
class ScoreInfo:
    """What a score is: its key, a short label for tables, its kind and direction."""

    name: str
    label: str
    kind: Kind
    direction: Direction = "higher"
    needs_articles: bool = False

    @property
    def lower_is_better(self) -> bool:
        return self.direction == "lower"


_SCORES: dict[str, ScoreInfo] = {}
_SCORERS: list[tuple[Callable[..., Any], tuple[ScoreInfo, ...]]] = []
F = TypeVar("F", bound=Callable[..., Any])


def scorer(*infos: ScoreInfo) -> Callable[[F], F]:
    """Register the decorated function as the scorer of ``infos`` (in that order)."""

    def register(fn: F) -> F:
        for info in infos:
            if info.name in _SCORES:
                raise ValueError(f"score '{info.name}' is registered twice")
            _SCORES[info.name] = info
        _SCORERS.append((fn, infos))
        return fn

    return register


def scorers() -> list[tuple[Callable[..., Any], tuple[ScoreInfo, ...]]]:
    """Every registered scorer with the scores it declares, in definition order."""
    return list(_SCORERS)


def registered() -> tuple[ScoreInfo, ...]:
    """Every registered score, in definition order."""
    return tuple(_SCORES.values())


def score_info(name: str) -> ScoreInfo:
    """The :class:`ScoreInfo` of ``name``; KeyError when no scorer declares it."""
    return _SCORES[name]
