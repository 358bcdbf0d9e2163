"""Stage 5, render: an :class:`EventSummary` as JSON (schema-valid), Markdown or HTML
(the HTML page lives in :mod:`summarize.render_html`)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

import jsonschema

from summarize.models import Article, Claim, EventSummary
from summarize.reader_view import (
    Source,
    extra_quote,
    group_by_speaker,
    labels_by_id,
    name_documents,
    sources,
    speaker_line,
    without_speaker,
)
from summarize.render_html import render_html
from summarize.resources import load_schema
from summarize.verify import check_summary

FORMATS: tuple[str, ...] = ("json", "markdown", "html")
SUMMARY_SCHEMA = "event_summary.schema.json"
#: Characters that start Markdown markup at a line's start or inside it.
_MD_SPECIAL_RE = re.compile(r"[\\`*_\[\]<>]|^[#>+\-=]|^\d+\.(?= )")


def summary_dict(summary: EventSummary) -> dict[str, Any]:
    data: dict[str, Any] = summary.model_dump(mode="json")
    return data


@cache
def _summary_validator() -> jsonschema.Draft202012Validator:
    """The schema's validator, built once (it caches resolved references inside)."""
    return jsonschema.Draft202012Validator(load_schema(SUMMARY_SCHEMA))


def validate_summary_dict(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` breaks the shipped schema."""
    _summary_validator().validate(data)


def render_json(summary: EventSummary) -> str:
    data = summary_dict(summary)
    validate_summary_dict(data)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _md(text: str) -> str:
    """``text`` on one Markdown line, with the characters that would start markup escaped."""
    text = " ".join(text.split())
    return _MD_SPECIAL_RE.sub(r"\\\g<0>", text)


def _md_cell(text: str) -> str:
    return _md(text).replace("|", "\\|")


def _md_source(source: Source, labels: dict[str, str]) -> str:
    slant = f" ({source.slant})" if source.slant else ""
    return f"{_md(labels[source.id])}{slant}"


def render_markdown(summary: EventSummary, articles: Sequence[Article] | None = None) -> str:
    """The reader's view (as :func:`summarize.render_html.render_html`) in Markdown text:
    lead summary, sources with slant, disputes as tables, claims by speaker, off-event
    articles, items left out; with ``articles``, each claim's cited passages as excerpts."""
    ev = summary.event
    found = sources(summary, articles)
    labels = labels_by_id(found)
    lines = [f"# {_md(ev.title)}", ""]
    meta = [x for x in (ev.date.isoformat() if ev.date else None, ev.location) if x]
    if meta:
        lines += [" · ".join(meta), ""]
    lines += [_md(name_documents(summary.summary, labels)), "", "## Sources", ""]
    for s in found:
        off = " — **off event**" if not s.on_event else ""
        title = f": {_md(s.title)}" if s.title else ""
        lines.append(f"- **{_md_source(s, labels)}**{title}{off} (file `{s.id}`)")
    claims = {c.id: c for c in summary.claims}

    def outlets(claim: Claim) -> str:
        ids = list(dict.fromkeys([*(e.document for e in claim.evidence), *claim.reported_by]))
        return ", ".join(_md(labels.get(i, i)) for i in ids)

    if summary.disputes:
        lines += ["", "## Disputes"]
        for d in summary.disputes:
            lines += ["", f"### {_md(d.topic)}", ""]
            if d.description:
                lines += [_md(name_documents(d.description, labels)), ""]
            lines += ["| Who | Says | Reported by |", "|---|---|---|"]
            for cid in d.claim_ids:
                c = claims.get(cid)
                if c is not None:
                    says = without_speaker(c.statement, c.speaker.name)
                    lines.append(
                        f"| {_md_cell(c.speaker.name)} | {_md_cell(says)} ({c.id}) "
                        f"| {outlets(c).replace('|', '/')} |"
                    )
    lines += ["", "## Who said what"]
    for group in group_by_speaker(summary.claims):
        role = speaker_line(group.speaker)
        lines += ["", f"### {_md(group.speaker.name)}" + (f" ({_md(role)})" if role else ""), ""]
        for c in group.claims:
            lines.append(
                f"- {_md(without_speaker(c.statement, group.speaker.name))} "
                f"*({outlets(c)}; {c.id})*"
            )
            quote = extra_quote(c)
            if quote:
                lines.append(f"  > {_md(quote)}")
    elsewhere = [s for s in found if not s.on_event]
    if elsewhere:
        lines += ["", "## Off event", ""]
        lines += [
            f"- **{_md_source(s, labels)}**: {_md(s.reason or 'no reason given')}"
            for s in elsewhere
        ]
    if summary.dropped:
        lines += ["", "## Left out", ""]
        for item in summary.dropped:
            what = item.statement or item.claim_id or "an item"
            lines.append(f"- {_md(what)}: *{_md(item.reason)}*")
    if articles is not None:
        issues = check_summary(summary, articles).issues
        if issues:
            lines += ["", "## Verifier warnings", ""]
            lines += [f"- {issue.severity}: {_md(str(issue))}" for issue in issues]
    p = summary.provenance
    lines += [
        "",
        "---",
        "",
        f"*engine {p.engine}, model {p.model or '-'}, prompt {p.prompt_version or '-'}, "
        f"schema {p.schema_version}, {p.usage.total_tokens} tokens*",
        "",
    ]
    return "\n".join(lines)


def render(
    summary: EventSummary, fmt: str = "json", *, articles: Sequence[Article] | None = None
) -> str:
    """Render in ``fmt`` (one of :data:`FORMATS`). ``articles`` (the summarized ones)
    let the HTML view ship each article with its cited passages highlighted and the
    Markdown view quote them; without them neither shows article text."""
    if fmt == "json":
        return render_json(summary)
    if fmt == "markdown":
        return render_markdown(summary, articles)
    if fmt == "html":
        return render_html(summary, articles)
    raise ValueError(f"unknown format '{fmt}' (choose from: {', '.join(FORMATS)})")
