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

Before an event's model call, :func:`estimate_event` sizes it for the budget:
the prompt is the characters the call sends (the rendered messages, measured,
plus the response schema as an endpoint bills it, :func:`schema_prompt_chars`)
at :data:`CHARS_PER_TOKEN`; the reply is the JSON the schema asks for, sized
by the event: a fixed part (event, summary), one ``DocumentInfo`` per article
and one ``Claim`` per attribution relation the evidence stage found (its
statement, speaker and the sentence it quotes). :class:`Calibration` then
scales both by what finished events actually used against their estimates, so
a model that writes less (or an endpoint that bills the schema differently)
is learnt from the first events of a batch.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.errors import ConfigError
from summarize.evidence.types import Attribution, EvidenceBundle
from summarize.models import Claim, DocumentInfo, Event, Evidence, Speaker, SummaryBody

#: Characters per token: OpenAI's rule of thumb for English text ("one token
#: generally corresponds to ~4 characters"); a tokenizer such as tiktoken would
#: download its encodings at run time, which an offline install cannot.
CHARS_PER_TOKEN = 4
#: Schema keywords an endpoint leaves out when it bills a response schema, and the
#: tokens it adds around it (openai/openai-cookbook issue #2140, measured there
#: against billed usage: JSON of the schema without these keys, plus 9 tokens).
SCHEMA_UNBILLED_KEYS = frozenset({"required", "additionalProperties", "$schema"})
SCHEMA_EXTRA_TOKENS = 9
#: Characters a model writes for a free-text field the event does not size:
#: the event title and one document's ``reason``.
TITLE_CHARS = 60
REASON_CHARS = 80
#: The summary prose, per claim it reports (about one attributed clause each).
SUMMARY_CHARS_PER_CLAIM = 90


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


def _billed(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _billed(v) for k, v in node.items() if k not in SCHEMA_UNBILLED_KEYS}
    if isinstance(node, list):
        return [_billed(v) for v in node]
    return node


def schema_prompt_chars(schema: Mapping[str, Any]) -> int:
    """Prompt characters a response schema costs: its compact JSON without the keys
    an endpoint does not bill, plus :data:`SCHEMA_EXTRA_TOKENS` (module constants)."""
    compact = json.dumps(_billed(dict(schema)), separators=(",", ":"), ensure_ascii=False)
    return len(compact) + SCHEMA_EXTRA_TOKENS * CHARS_PER_TOKEN


def tokens_for(chars: int) -> int:
    """Tokens for ``chars`` characters at :data:`CHARS_PER_TOKEN` (rounded up)."""
    return -(-max(0, chars) // CHARS_PER_TOKEN)


def _json_chars(model: SummaryBody | Claim | DocumentInfo) -> int:
    """Characters of ``model`` as a model writes JSON (``", "`` and ``": "`` between items)."""
    return len(json.dumps(model.model_dump(mode="json"), ensure_ascii=False))


def _claim_chars(relation: Attribution, sentence: str) -> int:
    """One claim for ``relation``: the schema's keys and ids around its statement
    (speaker, cue, content), speaker name, the sentence as evidence and, for a direct
    quotation, the quote."""
    skeleton = Claim(
        id="c00",
        statement="-",
        speaker=Speaker(name=relation.source_name),
        quote=None,
        evidence=[Evidence(document=relation.document, quote="-")],
        reported_by=[relation.document],
    )
    statement = len(relation.source_name) + len(relation.cue.text) + len(relation.content.text)
    quote = len(relation.content.text) if relation.direct else 0
    return _json_chars(skeleton) + statement + len(sentence) + quote


def completion_chars(bundle: EvidenceBundle) -> int:
    """Characters of the reply the schema asks for, sized by ``bundle`` (module doc)."""
    sentences = {s.id: s.text for s in bundle.sentences}
    empty = SummaryBody(event=Event(title="-"), summary="", claims=[], documents=[])
    chars = _json_chars(empty) + TITLE_CHARS
    for article in bundle.articles:
        info = DocumentInfo(id=article.id, on_event=True, reason="-")
        chars += _json_chars(info) + REASON_CHARS
    for relation in bundle.attributions:
        sentence = sentences.get(relation.sentence_id or "", relation.content.text)
        chars += _claim_chars(relation, sentence) + SUMMARY_CHARS_PER_CLAIM
    return chars


@dataclass(frozen=True)
class Estimate:
    """An event's expected tokens before its model call."""

    prompt_tokens: int
    completion_tokens: int

    def cost(self, price: Price) -> float:
        return price.cost(self.prompt_tokens, self.completion_tokens)


def estimate_event(prompt_chars: int, bundle: EvidenceBundle) -> Estimate:
    """The estimate for an event whose call sends ``prompt_chars`` characters."""
    return Estimate(tokens_for(prompt_chars), tokens_for(completion_chars(bundle)))


@dataclass
class Calibration:
    """Tokens finished events used against what was estimated for them, to scale
    the next estimates (prompt and completion apart). Until an event has finished
    with tokens from the endpoint (not the cache), estimates pass unchanged."""

    estimated_prompt: int = 0
    actual_prompt: int = 0
    estimated_completion: int = 0
    actual_completion: int = 0

    def observe(self, estimate: Estimate, prompt_tokens: int, completion_tokens: int) -> None:
        """An event estimated as ``estimate`` used these tokens (0 when not known)."""
        if prompt_tokens > 0 and completion_tokens > 0:
            self.estimated_prompt += estimate.prompt_tokens
            self.actual_prompt += prompt_tokens
            self.estimated_completion += estimate.completion_tokens
            self.actual_completion += completion_tokens

    def adjust(self, estimate: Estimate) -> Estimate:
        """``estimate`` scaled by the ratios observed so far."""
        if not self.estimated_prompt or not self.estimated_completion:
            return estimate
        return Estimate(
            round(estimate.prompt_tokens * self.actual_prompt / self.estimated_prompt),
            round(estimate.completion_tokens * self.actual_completion / self.estimated_completion),
        )
