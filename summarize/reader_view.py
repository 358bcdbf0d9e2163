"""What a reader sees of a record, shared by the HTML and Markdown renderings:
readable source labels with slant, claims grouped by speaker without the
speaker repeated, and each cited passage located in its article's text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from summarize.evidence.sentences import sentence_bounds
from summarize.models import Article, Claim, DocumentInfo, EventSummary, Speaker
from summarize.textnorm import fold, fold_casefold, occurs_verbatim

#: A numeric prefix ("000_") and a hash-like tail ("_bf8c89e02805decc") carry no name.
_NUMBER_PREFIX_RE = re.compile(r"\A[0-9]+(?:[_\-. ]+|\Z)")
_HASH_TAIL_RE = re.compile(r"(?:\A|[_\-. ]+)[0-9a-f]{8,}\Z", re.I)
_SEPARATORS_RE = re.compile(r"[_\-.]+")
_SLANTS = {
    "left": "left",
    "lean left": "lean left",
    "lean-left": "lean left",
    "center": "center",
    "centre": "center",
    "lean right": "lean right",
    "lean-right": "lean right",
    "right": "right",
}


@dataclass(frozen=True)
class Source:
    """One input document as a reader meets it."""

    id: str
    number: int  # 1-based position in the record's ``documents``
    label: str  # outlet, else a readable name; never a bare hash
    slant: str | None
    title: str | None
    on_event: bool
    reason: str | None
    article: Article | None = None


def slant_name(value: str | None) -> str | None:
    """``left``/``lean left``/``center``/``lean right``/``right``, else the value as given."""
    if not value or not value.strip():
        return None
    text = value.strip()
    return _SLANTS.get(text.casefold(), text)


def readable_name(doc_id: str, number: int) -> str:
    """A name for a document whose metadata names no outlet: its file name without
    numbering or hash (``left`` -> ``Left``), else ``Article <number>``."""
    name = _HASH_TAIL_RE.sub("", _NUMBER_PREFIX_RE.sub("", doc_id.strip()))
    name = _SEPARATORS_RE.sub(" ", name).strip()
    if not name or not any(ch.isalpha() for ch in name):
        return f"Article {number}"
    return name[0].upper() + name[1:]


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _first_line(text: str, limit: int = 110) -> str | None:
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "\u2026"
    return None


def sources(summary: EventSummary, articles: Sequence[Article] | None = None) -> list[Source]:
    """Every document of ``summary`` as a :class:`Source`, in the record's order."""
    by_id = {a.id: a for a in articles or ()}
    out: list[Source] = []
    for number, doc in enumerate(summary.documents, start=1):
        article = by_id.get(doc.id)
        out.append(_source(doc, number, article))
    return out


def _source(doc: DocumentInfo, number: int, article: Article | None) -> Source:
    outlet = doc.outlet or (article.outlet if article else None)
    title = doc.title or (article.title if article else None)
    label = outlet or _host(article.url if article else None) or readable_name(doc.id, number)
    if title is None and article is not None:
        title = _first_line(article.text)
    return Source(
        id=doc.id,
        number=number,
        label=label,
        slant=slant_name(article.slant if article else None),
        title=title,
        on_event=doc.on_event,
        reason=doc.reason,
        article=article,
    )


def labels_by_id(found: Sequence[Source]) -> dict[str, str]:
    """Document id -> label, labels made unique with the document's number."""
    counts: dict[str, int] = {}
    for source in found:
        counts[source.label] = counts.get(source.label, 0) + 1
    return {s.id: s.label if counts[s.label] == 1 else f"{s.label} ({s.number})" for s in found}


def name_documents(text: str, labels: dict[str, str]) -> str:
    """``text`` with document ids (and an "article(s)" before them) replaced by labels."""
    if not labels:
        return text
    ids = sorted(labels, key=len, reverse=True)
    pattern = re.compile(
        r"(?:\b[Aa]rticles? )?(?<![\w-])(" + "|".join(re.escape(i) for i in ids) + r")(?![\w-])"
    )
    return pattern.sub(lambda m: labels[m.group(1)], text)


def paragraphs(text: str, target: int = 420) -> list[str]:
    """``text`` cut at sentence ends into paragraphs of about ``target`` characters, so
    a long lead reads as paragraphs (a short one stays whole)."""
    out: list[str] = []
    current = ""
    for start, end in sentence_bounds(text):
        sentence = text[start:end]
        current = f"{current} {sentence}" if current else sentence
        if len(current) >= target:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out or [text]


def sentence_case(text: str) -> str:
    """``text`` with its first letter upper-cased (a topic shown as a heading)."""
    return text[:1].upper() + text[1:]


# claims ------------------------------------------------------------------------------


@dataclass
class SpeakerGroup:
    """One speaker and the claims made in their name, in record order."""

    speaker: Speaker
    claims: list[Claim] = field(default_factory=list)


def group_by_speaker(claims: Sequence[Claim]) -> list[SpeakerGroup]:
    """Claims grouped by speaker name (case-folded), the most quoted speaker first;
    ties keep the order of first appearance. A role or affiliation missing on the
    first claim is taken from a later one."""
    groups: dict[str, SpeakerGroup] = {}
    for claim in claims:
        key = fold_casefold(claim.speaker.name)
        group = groups.setdefault(key, SpeakerGroup(claim.speaker))
        if group.speaker.role is None and claim.speaker.role:
            group.speaker = claim.speaker
        group.claims.append(claim)
    ordered = list(groups.values())
    return sorted(ordered, key=lambda g: -len(g.claims))  # stable: ties keep first appearance


def without_speaker(statement: str, name: str) -> str:
    """``statement`` without the speaker's name in front ("Hikmet Hajiyev said X" ->
    "said X"), for lines shown under that speaker; unchanged when it does not start so."""
    folded = statement.casefold()
    for prefix in (name, f"the {name}"):
        p = prefix.casefold()
        if folded.startswith(p) and statement[len(p) : len(p) + 1] in (" ", ",", ":"):
            rest = statement[len(p) :].lstrip(" ,:")
            if rest:
                return rest
    return statement


def extra_quote(claim: Claim) -> str | None:
    """The claim's quote when its statement does not already show it (each quote once)."""
    if claim.quote and not occurs_verbatim(claim.quote, claim.statement):
        return claim.quote
    return None


def speaker_line(speaker: Speaker) -> str:
    """The speaker's role and affiliation, as one line (may be empty; a part that only
    repeats the name is left out)."""
    name = fold_casefold(speaker.name)
    parts = [x for x in (speaker.role, speaker.affiliation) if x and fold_casefold(x) != name]
    return ", ".join(parts)


# passages ----------------------------------------------------------------------------


@cache
def _fold_char(ch: str) -> str:
    return " " if ch.isspace() else fold(ch, compose=False)


def folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` folded as :func:`summarize.textnorm.fold` folds it (without NFC
    composition), and for each folded character the offset it came from."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for out in _fold_char(ch):
            if out == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(out)
            origin.append(i)
    return "".join(chars), origin


def locate(
    quote: str, text: str, start: int | None = None, end: int | None = None
) -> tuple[int, int] | None:
    """Where ``quote`` lies in ``text``: the evidence's own ``start``/``end`` when they
    hold it, else the first place it occurs after folding (outer quote marks allowed
    either way); None when it does not occur."""
    if (
        start is not None
        and end is not None
        and 0 <= start < end <= len(text)
        and _same(text[start:end], quote)
    ):
        return start, end
    folded, origin = folded_with_offsets(text)
    for needle in (fold(quote, compose=False), fold(quote, compose=False).strip("\"' ")):
        if not needle:
            continue
        at = folded.find(needle)
        if at >= 0:
            return origin[at], origin[at + len(needle) - 1] + 1
    return None


def _same(a: str, b: str) -> bool:
    return fold(a, compose=False).strip("\"' ") == fold(b, compose=False).strip("\"' ")
