"""Gold records (``summarize-gold/1``): strict loading and validation.

A gold record is read against ``schemas/gold_record.schema.json`` first, then
checked for what a schema cannot say: unique ids, claims naming actors and
documents that exist, disputes naming claims that exist, required sides that
some actor has, a real calendar date. Every problem is raised as a
:class:`GoldFormatError` whose ``field`` is a path such as
``claims[2].must_include[0]``; nothing is guessed or repaired."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.errors import GoldFormatError
from summarize.resources import load_schema

GOLD_FORMAT = "summarize-gold/1"
SCHEMA_NAME = "gold_record.schema.json"


@dataclass(frozen=True)
class GoldDocument:
    id: str
    on_event: bool
    note: str | None = None


@dataclass(frozen=True)
class GoldActor:
    id: str
    name: str
    aliases: tuple[str, ...]
    side: str

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldClaim:
    id: str
    weight: str
    speakers: tuple[str, ...]
    statement: str
    must_include: tuple[tuple[str, ...], ...]
    documents: tuple[str, ...]

    @property
    def core(self) -> bool:
        return self.weight == "core"


@dataclass(frozen=True)
class GoldDispute:
    id: str
    topic: str
    claims: tuple[str, ...]


@dataclass(frozen=True)
class GoldEvent:
    description: str
    date: dt.date | None
    location: tuple[str, ...]


@dataclass(frozen=True)
class GoldRecord:
    """One validated gold record. ``path`` is where it was read from, if a file."""

    event_id: str
    event: GoldEvent
    documents: tuple[GoldDocument, ...]
    actors: tuple[GoldActor, ...]
    claims: tuple[GoldClaim, ...]
    disputes: tuple[GoldDispute, ...]
    required_sides: tuple[str, ...]
    loaded_terms: tuple[str, ...]
    path: str | None = None

    def actor(self, actor_id: str) -> GoldActor:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)

    def claim(self, claim_id: str) -> GoldClaim:
        for claim in self.claims:
            if claim.id == claim_id:
                return claim
        raise KeyError(claim_id)

    @property
    def off_event_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.documents if not d.on_event)

    @property
    def on_event_ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.documents if d.on_event)


def _field(path: Iterable[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _schema_problem(error: Any) -> tuple[str, str]:
    """(field, problem) for one jsonschema error, in words a record author can act on."""
    path = list(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        name = missing[0] if missing else "?"
        return _field([*path, name]), "is required but missing"
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        name = extra[0] if extra else "?"
        return _field([*path, name]), f"is not a field of {GOLD_FORMAT} (allowed here: " + (
            ", ".join(allowed) + ")"
        )
    if kind == "const":
        return _field(path), f"must be {error.validator_value!r} (got {error.instance!r})"
    if kind == "enum":
        choices = ", ".join(repr(v) for v in error.validator_value)
        return _field(path), f"must be one of {choices} (got {error.instance!r})"
    if kind == "type":
        got = type(error.instance).__name__ if error.instance is not None else "null"
        return _field(path), f"must be of type {error.validator_value} (got {got})"
    if kind == "minItems":
        return _field(path), f"must have at least {error.validator_value} item(s)"
    if kind in ("minLength", "pattern") and isinstance(error.instance, str):
        if not error.instance.strip():
            return _field(path), "must not be empty"
        return _field(path), f"must match {error.validator_value!r} (got {error.instance!r})"
    if kind == "oneOf" and path and path[-1] == "date":
        return _field(path), f"must be an ISO date YYYY-MM-DD or null (got {error.instance!r})"
    return _field(path), error.message


def _check_schema(data: Any, source: str) -> None:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(load_schema(SCHEMA_NAME))
    errors = sorted(
        validator.iter_errors(data),
        key=lambda e: (
            e.validator != "const",  # a wrong version tag explains everything else
            len(list(e.absolute_path)),
            [str(p) for p in e.absolute_path],
        ),
    )
    if errors:
        field, problem = _schema_problem(errors[0])
        more = f" ({len(errors) - 1} more problem(s) after this one)" if len(errors) > 1 else ""
        raise GoldFormatError(source, field, problem + more)


def _unique(ids: Sequence[str], where: str, source: str) -> None:
    seen: set[str] = set()
    for n, value in enumerate(ids):
        if value in seen:
            raise GoldFormatError(source, f"{where}[{n}].id", f"id {value!r} is used twice")
        seen.add(value)


def _check_references(data: dict[str, Any], source: str) -> None:
    doc_ids = [d["id"] for d in data["documents"]]
    actor_ids = [a["id"] for a in data["actors"]]
    claim_ids = [c["id"] for c in data["claims"]]
    _unique(doc_ids, "documents", source)
    _unique(actor_ids, "actors", source)
    _unique(claim_ids, "claims", source)
    dispute_ids = [d["id"] for d in data["disputes"] if "id" in d]
    _unique(dispute_ids, "disputes", source)
    for n, claim in enumerate(data["claims"]):
        for k, speaker in enumerate(claim["speakers"]):
            if speaker not in actor_ids:
                raise GoldFormatError(
                    source,
                    f"claims[{n}].speakers[{k}]",
                    f"names actor {speaker!r}, not in actors[]",
                )
        for k, doc in enumerate(claim["documents"]):
            if doc not in doc_ids:
                raise GoldFormatError(
                    source,
                    f"claims[{n}].documents[{k}]",
                    f"names document {doc!r}, not in documents[]",
                )
    for n, dispute in enumerate(data["disputes"]):
        for k, claim_id in enumerate(dispute["claims"]):
            if claim_id not in claim_ids:
                raise GoldFormatError(
                    source,
                    f"disputes[{n}].claims[{k}]",
                    f"names claim {claim_id!r}, not in claims[]",
                )
        if len(set(dispute["claims"])) < 2:
            raise GoldFormatError(
                source, f"disputes[{n}].claims", "must name at least two different claims"
            )
    sides = {a["side"] for a in data["actors"]}
    for n, side in enumerate(data["required_sides"]):
        if side not in sides:
            raise GoldFormatError(
                source,
                f"required_sides[{n}]",
                f"side {side!r} is no actor's side (actors' sides: {', '.join(sorted(sides))})",
            )


def _parse_date(value: str | None, source: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise GoldFormatError(source, "event.date", f"{value!r} is not a calendar date") from None


def parse_gold(data: Any, source: str = "<gold>") -> GoldRecord:
    """Validate parsed JSON ``data`` as a gold record; ``source`` names it in errors."""
    _check_schema(data, source)
    _check_references(data, source)
    event = data["event"]
    return GoldRecord(
        event_id=data["event_id"],
        event=GoldEvent(
            description=event["description"],
            date=_parse_date(event["date"], source),
            location=tuple(event["location"]),
        ),
        documents=tuple(
            GoldDocument(d["id"], d["on_event"], d.get("note")) for d in data["documents"]
        ),
        actors=tuple(
            GoldActor(a["id"], a["name"], tuple(a["aliases"]), a["side"]) for a in data["actors"]
        ),
        claims=tuple(
            GoldClaim(
                id=c["id"],
                weight=c["weight"],
                speakers=tuple(c["speakers"]),
                statement=c["statement"],
                must_include=tuple(tuple(group) for group in c["must_include"]),
                documents=tuple(c["documents"]),
            )
            for c in data["claims"]
        ),
        disputes=tuple(
            GoldDispute(d.get("id") or f"d{n + 1}", d.get("topic", ""), tuple(d["claims"]))
            for n, d in enumerate(data["disputes"])
        ),
        required_sides=tuple(data["required_sides"]),
        loaded_terms=tuple(data["loaded_terms"]),
        path=None if source.startswith("<") else source,
    )


def load_gold(path: Path | str) -> GoldRecord:
    """Read and validate the gold record at ``path``."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise GoldFormatError(file, "(file)", f"cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise GoldFormatError(file, "(file)", "is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise GoldFormatError(
            file, "(file)", f"is not valid JSON ({exc.msg}, line {exc.lineno} column {exc.colno})"
        ) from None
    return parse_gold(data, str(file))


def check_documents(gold: GoldRecord, article_ids: Iterable[str], folder: str) -> None:
    """Raise when ``documents[]`` and the article folder disagree (each must list the other)."""
    present = set(article_ids)
    listed = {d.id for d in gold.documents}
    source = gold.path or "<gold>"
    for n, doc in enumerate(gold.documents):
        if doc.id not in present:
            raise GoldFormatError(
                source, f"documents[{n}].id", f"{doc.id!r} has no article file in {folder}"
            )
    extra = sorted(present - listed)
    if extra:
        raise GoldFormatError(
            source,
            "documents",
            f"article file(s) {', '.join(extra)} in {folder} are not listed in documents[] "
            "(every file must be)",
        )
