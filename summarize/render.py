"""Stage 5, render: an :class:`EventSummary` as JSON (schema-valid), Markdown or HTML."""

from __future__ import annotations

import html
import json
from functools import cache
from typing import Any

import jsonschema

from summarize.models import EventSummary
from summarize.resources import load_schema

FORMATS: tuple[str, ...] = ("json", "markdown", "html")
SUMMARY_SCHEMA = "event_summary.schema.json"


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


def render_markdown(summary: EventSummary) -> str:
    ev = summary.event
    lines = [f"# {ev.title}", ""]
    meta = [x for x in (ev.date.isoformat() if ev.date else None, ev.location) if x]
    if meta:
        lines += [" · ".join(meta), ""]
    lines += [summary.summary, "", "## Claims", ""]
    for c in summary.claims:
        who = c.speaker.name + (f" ({c.speaker.role})" if c.speaker.role else "")
        lines.append(
            f"- **{c.id}** {c.statement} — *{who}*; reported by {', '.join(c.reported_by)}"
        )
        if c.quote:
            lines.append(f"  > {c.quote}")
    if summary.disputes:
        lines += ["", "## Disputes", ""]
        for d in summary.disputes:
            lines.append(f"- **{d.topic}** ({', '.join(d.claim_ids)}): {d.description}")
    lines += ["", "## Documents", ""]
    for doc in summary.documents:
        status = "on event" if doc.on_event else "**off event**"
        label = doc.outlet or doc.title or ""
        reason = f": {doc.reason}" if doc.reason else ""
        lines.append(f"- `{doc.id}` {label} ({status}){reason}")
    p = summary.provenance
    lines += [
        "",
        f"<sub>engine {p.engine}, model {p.model or '-'}, prompt {p.prompt_version or '-'}, "
        f"schema {p.schema_version}, {p.usage.total_tokens} tokens</sub>",
        "",
    ]
    return "\n".join(lines)


def render_html(summary: EventSummary) -> str:
    e = html.escape
    ev = summary.event
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(ev.title)}</title>",
        "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;"
        "padding:0 1rem}blockquote{color:#444;border-left:3px solid #ccc;margin:.3rem 0;"
        "padding-left:.7rem}.off{color:#a40}small{color:#666}</style></head><body>",
        f"<h1>{e(ev.title)}</h1>",
        f"<p><small>{e(ev.date.isoformat() if ev.date else 'date unknown')}"
        f" · {e(ev.location or 'location unknown')}</small></p>",
        f"<p>{e(summary.summary)}</p>",
        "<h2>Claims</h2><ul>",
    ]
    for c in summary.claims:
        quote = f"<blockquote>{e(c.quote)}</blockquote>" if c.quote else ""
        parts.append(
            f'<li id="{e(c.id)}"><b>{e(c.speaker.name)}</b>: {e(c.statement)} '
            f"<small>reported by {e(', '.join(c.reported_by))}</small>{quote}</li>"
        )
    parts.append("</ul>")
    if summary.disputes:
        parts.append("<h2>Disputes</h2><ul>")
        for d in summary.disputes:
            links = ", ".join(f'<a href="#{e(cid)}">{e(cid)}</a>' for cid in d.claim_ids)
            parts.append(f"<li><b>{e(d.topic)}</b> ({links}): {e(d.description)}</li>")
        parts.append("</ul>")
    parts.append("<h2>Documents</h2><ul>")
    for doc in summary.documents:
        cls = "" if doc.on_event else ' class="off"'
        status = "on event" if doc.on_event else "off event"
        parts.append(
            f"<li{cls}><code>{e(doc.id)}</code> {e(doc.outlet or doc.title or '')} "
            f"({status}){': ' + e(doc.reason) if doc.reason else ''}</li>"
        )
    p = summary.provenance
    parts.append(
        f"</ul><p><small>engine {e(p.engine)}, model {e(p.model or '-')}, "
        f"prompt {e(p.prompt_version or '-')}, schema {e(p.schema_version)}</small></p>"
        "</body></html>\n"
    )
    return "\n".join(parts)


def render(summary: EventSummary, fmt: str = "json") -> str:
    """Render in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return render_json(summary)
    if fmt == "markdown":
        return render_markdown(summary)
    if fmt == "html":
        return render_html(summary)
    raise ValueError(f"unknown format '{fmt}' (choose from: {', '.join(FORMATS)})")
