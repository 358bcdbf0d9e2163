"""Estimated cost of model calls: a small price table, overridable per run.

Prices are USD per one million tokens, input (prompt) and output (completion).
The built-in table holds list prices published by OpenAI for a few common
models as of 2025; they change, so treat them as an assumption and pass your
own with ``--prices FILE``, a JSON object such as::

    {"gpt-4o-mini": {"input": 0.15, "output": 0.60},
     "my-local-model": {"input": 0, "output": 0}}

A model name matches an entry exactly, or else the longest entry it starts with
(``gpt-4o-mini-2024-07-18`` is priced as ``gpt-4o-mini``). A model with no entry
has an unknown price: its cost counts as 0 and the run warns once.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from summarize.errors import ConfigError


@dataclass(frozen=True)
class Price:
    """USD per one million input and output tokens."""

    input: float
    output: float

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        """USD for the given token counts."""
        return (prompt_tokens * self.input + completion_tokens * self.output) / 1_000_000


#: Assumed list prices, USD per 1M tokens (input, output), as of 2025.
BUILTIN_PRICES: dict[str, Price] = {
    "gpt-4o": Price(2.50, 10.00),
    "gpt-4o-mini": Price(0.15, 0.60),
    "gpt-4.1": Price(2.00, 8.00),
    "gpt-4.1-mini": Price(0.40, 1.60),
    "gpt-4.1-nano": Price(0.10, 0.40),
    "o4-mini": Price(1.10, 4.40),
    "gpt-3.5-turbo": Price(0.50, 1.50),
}


@dataclass(frozen=True)
class PriceTable:
    """Prices by model name; see the module doc for how a name is matched."""

    prices: Mapping[str, Price]

    def lookup(self, model: str | None) -> Price | None:
        """The price of ``model``, or None when the table does not know it."""
        if not model:
            return None
        if model in self.prices:
            return self.prices[model]
        prefixes = [name for name in self.prices if model.startswith(name)]
        return self.prices[max(prefixes, key=len)] if prefixes else None


def _number(value: object, where: str, path: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{path}: {where} must be a number (USD per 1M tokens)")
    number = float(value)
    if not math.isfinite(number) or number < 0:
        raise ConfigError(f"{path}: {where} must be a finite number, 0 or more")
    return number


def parse_prices(data: object, path: Path) -> dict[str, Price]:
    """Price entries from a parsed ``--prices`` file; errors name the field."""
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: must be a JSON object of model name -> {{input, output}}")
    prices: dict[str, Price] = {}
    for model, entry in data.items():
        if not isinstance(entry, dict):
            raise ConfigError(f"{path}: {model}: must be an object with 'input' and 'output'")
        unknown = sorted(set(entry) - {"input", "output"})
        if unknown:
            raise ConfigError(f"{path}: {model}: unknown field(s) {', '.join(unknown)}")
        for key in ("input", "output"):
            if key not in entry:
                raise ConfigError(f"{path}: {model}.{key}: missing (USD per 1M tokens)")
        prices[model] = Price(
            input=_number(entry["input"], f"{model}.input", path),
            output=_number(entry["output"], f"{model}.output", path),
        )
    return prices


def load_price_table(path: Path | None) -> PriceTable:
    """The built-in table, with the entries of ``path`` (if given) on top."""
    prices = dict(BUILTIN_PRICES)
    if path is not None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read price file ({exc.strerror or exc})") from None
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
        prices.update(parse_prices(data, path))
    return PriceTable(prices)


@dataclass
class Budget:
    """Spending so far against an optional limit (USD).

    Before an event starts, :meth:`admit` adds its estimated cost to what is
    spent and reserved by running events; an event that would pass the limit
    is refused, and so is every event after it (the batch stops starting new
    events, it does not look for smaller ones that still fit)."""

    limit: float | None
    spent: float = 0.0
    reserved: float = 0.0
    exhausted: bool = False

    def admit(self, estimate: float) -> bool:
        """Reserve ``estimate`` for a new event, or refuse it (and all later ones)."""
        if self.limit is None:
            return True
        if self.exhausted or self.spent + self.reserved + estimate > self.limit:
            self.exhausted = True
            return False
        self.reserved += estimate
        return True

    def settle(self, estimate: float, actual: float) -> None:
        """An admitted event finished: release its reservation, book its actual cost."""
        if self.limit is not None:
            self.reserved = max(0.0, self.reserved - estimate)
        self.spent += actual
