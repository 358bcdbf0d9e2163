"""The reader's HTML view of an :class:`EventSummary`: one self-contained page.

Lead summary first, then the sources with their slant, disputes side by side,
claims grouped by speaker, off-event articles set apart, items left out and the
verifier's warnings, and, when the articles are given, every article (escaped)
with each cited passage highlighted: a claim's source link opens its passage
(``#p<doc>-<n>``, styled with ``:target``; no script, no network)."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from summarize.models import Article, Claim, EventSummary
from summarize.reader_view import (
    Source,
    extra_quote,
    group_by_speaker,
    labels_by_id,
    locate,
    name_documents,
    paragraphs,
    sentence_case,
    sources,
    speaker_line,
    without_speaker,
)
from summarize.render_css import BASE_CSS, SUMMARY_CSS
from summarize.verify import CheckIssue, check_summary

_BLANK_LINES_RE = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_WEB_URL_RE = re.compile(r"\Ahttps?://", re.I)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _text(value: str) -> str:
    """Article text for a ``pre-line`` block: escaped, runs of blank lines made one."""
    return _e(_BLANK_LINES_RE.sub("\n\n", value))


@dataclass
class _Passages:
    """The cited passages of one article: ``(start, end) -> element id``."""

    anchor: str
    spans: dict[tuple[int, int], str] = field(default_factory=dict)
    claims: dict[str, list[str]] = field(default_factory=dict)  # element id -> claim ids

    def add(self, span: tuple[int, int], claim_id: str) -> str:
        if span not in self.spans:
            self.spans[span] = f"p{self.anchor}-{len(self.spans) + 1}"
        pid = self.spans[span]
        cited = self.claims.setdefault(pid, [])
        if claim_id not in cited:
            cited.append(claim_id)
        return pid


class _Page:
    """One rendering: sources, labels and located passages shared by every part."""

    def __init__(self, summary: EventSummary, articles: Sequence[Article] | None) -> None:
        self.summary = summary
        self.articles = {a.id: a for a in articles} if articles is not None else None
        self.sources = sources(summary, articles)
        self.by_id = {s.id: s for s in self.sources}
        self.labels = labels_by_id(self.sources)
        self.passages = {s.id: _Passages(str(s.number)) for s in self.sources}
        # claim id -> [(document id, passage element id or None)]
        self.cited: dict[str, list[tuple[str, str | None]]] = {}
        for claim in summary.claims:
            self.cited[claim.id] = self._cite(claim)

    def _cite(self, claim: Claim) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        for ev in claim.evidence:
            article = self.articles.get(ev.document) if self.articles is not None else None
            span = locate(ev.quote, article.text, ev.start, ev.end) if article else None
            passages = self.passages.get(ev.document)
            pid = passages.add(span, claim.id) if span and passages else None
            if (ev.document, pid) not in out:
                out.append((ev.document, pid))
        return out

    def label(self, doc_id: str) -> str:
        return self.labels.get(doc_id, doc_id)

    def source_name(self, source: Source) -> str:
        slant = ""
        if source.slant:
            cls = re.sub(r"[^a-z]+", "-", source.slant.casefold()).strip("-")
            slant = f' <span class="slant slant-{_e(cls)}">{_e(source.slant)}</span>'
        return f'<span class="src-name">{_e(self.label(source.id))}</span>{slant}'

    def doc_href(self, doc_id: str) -> str | None:
        source = self.by_id.get(doc_id)
        if source is None or self.articles is None or doc_id not in self.articles:
            return None
        return f"#doc{source.number}"

    def link_title(self, doc_id: str, what: str) -> str:
        source = self.by_id.get(doc_id)
        title = f"{source.title}: " if source and source.title else ""
        return _e(f"{title}open {what}")

    def reported_by(self, claim: Claim) -> str:
        """The claim's outlets, each a link to its cited passage (further passages in
        the same article as small numbered links), else to its article."""
        passages: dict[str, list[str]] = {}
        for doc_id, pid in self.cited.get(claim.id, []):
            found = passages.setdefault(doc_id, [])
            if pid:
                found.append(pid)
        for doc_id in claim.reported_by:
            passages.setdefault(doc_id, [])
        links: list[str] = []
        for doc_id, pids in passages.items():
            name = _e(self.label(doc_id))
            href = f"#{pids[0]}" if pids else self.doc_href(doc_id)
            title = self.link_title(doc_id, "the cited passage" if pids else "the article")
            link = f'<a href="{href}" title="{title}">{name}</a>' if href else name
            for n, pid in enumerate(pids[1:], start=2):
                link += f' <a class="cid" href="#{pid}" title="{title}">[{n}]</a>'
            links.append(link)
        return ", ".join(links)


def _head(page: _Page) -> list[str]:
    ev = page.summary.event
    meta = [ev.date.isoformat() if ev.date else "date unknown", ev.location or "place unknown"]
    on = sum(1 for s in page.sources if s.on_event)
    meta.append(f"{on} of {len(page.sources)} articles on this event")
    toc = [("lead", "Summary"), ("sources", "Sources")]
    if page.summary.disputes:
        toc.append(("disputes", "Disputes"))
    toc.append(("claims", "Who said what"))
    if any(not s.on_event for s in page.sources):
        toc.append(("off-event", "Off event"))
    if page.articles is not None:
        toc.append(("articles", "Articles"))
    nav = " ".join(f'<a href="#{i}">{_e(t)}</a>' for i, t in toc)
    lead = name_documents(page.summary.summary, page.labels)
    return [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(ev.title)}</title>",
        f"<style>{BASE_CSS}{SUMMARY_CSS}</style></head><body>",
        f"<header><h1>{_e(ev.title)}</h1>",
        f'<p class="meta">{" · ".join(_e(m) for m in meta)}</p>',
        f'<nav class="toc" aria-label="sections">{nav}</nav></header>',
        '<div class="lead" id="lead">',
        *(f"<p>{_e(p)}</p>" for p in paragraphs(lead)),
        "</div>",
    ]


def _sources(page: _Page) -> list[str]:
    parts = ['<section id="sources"><h2>Sources</h2>', '<ul class="sources">']
    for s in page.sources:
        off = '<span class="badge-off">off event</span>' if not s.on_event else ""
        href = page.doc_href(s.id)
        name = page.source_name(s)
        name = f'<a href="{href}">{name}</a>' if href else name
        title = f'<span class="src-title">{_e(s.title)}</span>' if s.title else ""
        if href is None:  # no article pane to carry the file name
            title += f'<span class="src-title">file <code>{_e(s.id)}</code></span>'
        cls = ' class="off"' if not s.on_event else ""
        parts.append(f"<li{cls}>{name}{off}{title}</li>")
    parts.append("</ul></section>")
    return parts


def _disputes(page: _Page) -> list[str]:
    if not page.summary.disputes:
        return []
    claims = {c.id: c for c in page.summary.claims}
    parts = ['<section id="disputes"><h2>Disputes</h2>']
    for d in page.summary.disputes:
        parts.append(f'<section class="dispute"><h3>{_e(sentence_case(d.topic))}</h3>')
        if d.description:
            parts.append(f"<p>{_e(name_documents(d.description, page.labels))}</p>")
        parts.append(
            "<table><thead><tr><th>Who</th><th>Says</th><th>Reported by</th></tr></thead><tbody>"
        )
        for cid in d.claim_ids:
            c = claims.get(cid)
            if c is None:
                continue
            says = without_speaker(c.statement, c.speaker.name)
            parts.append(
                f'<tr><td class="who">{_e(c.speaker.name)}</td>'
                f'<td>{_e(says)} <a class="cid" href="#claim-{_e(c.id)}">{_e(c.id)}</a></td>'
                f'<td class="by">{page.reported_by(c)}</td></tr>'
            )
        parts.append("</tbody></table></section>")
    parts.append("</section>")
    return parts


def _claims(page: _Page) -> list[str]:
    parts = ['<section id="claims"><h2>Who said what</h2>']
    if not page.summary.claims:
        parts.append('<p class="muted">No attributed claims.</p>')
    for group in group_by_speaker(page.summary.claims):
        sp = group.speaker
        role = speaker_line(sp)
        parts.append(f'<section class="speaker"><h3>{_e(sp.name)}</h3>')
        if role:
            parts.append(f'<p class="role">{_e(role)}</p>')
        parts.append('<ol class="claims">')
        for c in group.claims:
            quote = extra_quote(c)
            block = f"<blockquote>{_e(quote)}</blockquote>" if quote else ""
            parts.append(
                f'<li id="claim-{_e(c.id)}">{_e(without_speaker(c.statement, sp.name))}{block}'
                f'<div class="by">Reported by {page.reported_by(c)}</div></li>'
            )
        parts.append("</ol></section>")
    parts.append("</section>")
    return parts


def _off_event(page: _Page) -> list[str]:
    off = [s for s in page.sources if not s.on_event]
    if not off:
        return []
    parts = ['<section id="off-event"><h2>Off event</h2>']
    parts.append('<p class="muted">Read, but about something else; left out of the summary.</p>')
    for s in off:
        href = page.doc_href(s.id)
        name = page.source_name(s)
        name = f'<a href="{href}">{name}</a>' if href else name
        title = f" · {_e(s.title)}" if s.title else ""
        reason = _e(s.reason) if s.reason else "no reason given"
        parts.append(f'<div class="off-event">{name}{title}<br>{reason}</div>')
    parts.append("</section>")
    return parts


def _notices(page: _Page, issues: Sequence[CheckIssue]) -> list[str]:
    parts: list[str] = []
    if page.summary.dropped:
        parts.append('<section id="dropped"><h2>Left out</h2><div class="notice"><ul>')
        for item in page.summary.dropped:
            what = item.statement or item.claim_id or "an item"
            parts.append(f"<li>{_e(what)}: <i>{_e(item.reason)}</i></li>")
        parts.append("</ul></div></section>")
    if issues:
        parts.append('<section id="warnings"><h2>Verifier warnings</h2><div class="notice"><ul>')
        for issue in issues:
            parts.append(f"<li><b>{_e(issue.severity)}</b> {_e(issue)}</li>")
        parts.append("</ul></div></section>")
    return parts


def _marked(
    text: str, spans: Sequence[tuple[int, int, str]], lo: int, hi: int, titles: dict[str, str]
) -> str:
    """``text[lo:hi]`` escaped, each span (nested or apart, sorted) a ``<mark>``."""
    out: list[str] = []
    pos = lo
    i = 0
    while i < len(spans):
        start, end, pid = spans[i]
        j = i + 1
        while j < len(spans) and spans[j][0] < end:
            j += 1
        out.append(_text(text[pos:start]))
        inner = _marked(text, spans[i + 1 : j], start, end, titles)
        out.append(f'<mark id="{pid}" title="{_e(titles.get(pid, ""))}">{inner}</mark>')
        pos = end
        i = j
    out.append(_text(text[pos:hi]))
    return "".join(out)


def _laminar(spans: dict[tuple[int, int], str]) -> tuple[list[tuple[int, int, str]], list[str]]:
    """Spans that nest or stand apart (sorted outer first), and the ids of those that
    cross one already taken (shown apart, since markup cannot cross)."""
    taken: list[tuple[int, int, str]] = []
    crossing: list[str] = []
    for (start, end), pid in sorted(spans.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if any(s < start < e < end for s, e, _ in taken):
            crossing.append(pid)
        else:
            taken.append((start, end, pid))
    return taken, crossing


def _articles(page: _Page) -> list[str]:
    if page.articles is None:
        return []
    parts = ['<section class="articles" id="articles"><h2>Articles</h2>']
    parts.append(
        '<p class="muted">As read, with every cited passage highlighted; '
        "a claim's source link opens its passage.</p>"
    )
    for s in page.sources:
        article = page.articles.get(s.id)
        if article is None:
            continue
        passages = page.passages[s.id]
        spans, crossing = _laminar(passages.spans)
        by_pid = {pid: span for span, pid in passages.spans.items()}
        cls = "doc" if s.on_event else "doc off"
        info = [x for x in (article.published.isoformat() if article.published else None,) if x]
        if article.url and _WEB_URL_RE.match(article.url):
            info.append(f'<a href="{_e(article.url)}" rel="noreferrer">{_e(article.url)}</a>')
        elif article.url:  # a javascript: or data: address from the metadata stays text
            info.append(_e(article.url))
        info.append(f"file <code>{_e(s.id)}</code>")
        off = '<span class="badge-off">off event</span>' if not s.on_event else ""
        title = f'<span class="title">{_e(s.title)}</span>' if s.title else ""
        parts.append(
            f'<article class="{cls}" id="doc{s.number}"><header>{page.source_name(s)}{off}'
            f"{title}<small>{' · '.join(info)}</small></header>"
        )
        for pid in crossing:
            start, end = by_pid[pid]
            parts.append(
                f'<p class="also">Cited passage (overlaps another): '
                f'<mark id="{pid}">{_text(article.text[start:end])}</mark></p>'
            )
        titles = {pid: "cited for " + ", ".join(ids) for pid, ids in passages.claims.items()}
        body = _marked(article.text, spans, 0, len(article.text), titles).strip()
        parts.append(f'<div class="doc-text">{body}</div></article>')
    parts.append("</section>")
    return parts


def _footer(summary: EventSummary) -> str:
    p = summary.provenance
    usage = f", {p.usage.total_tokens} tokens" if p.usage.total_tokens else ""
    return (
        f"<footer>engine {_e(p.engine)}, model {_e(p.model or '-')}, "
        f"prompt {_e(p.prompt_version or '-')}, schema {_e(p.schema_version)}, "
        f"summarize {_e(p.tool_version)}{usage}</footer></body></html>\n"
    )


def render_html(summary: EventSummary, articles: Sequence[Article] | None = None) -> str:
    """The page for ``summary``; with ``articles``, their text ships inside it and each
    claim links to its highlighted passage, and the verifier's findings are listed."""
    page = _Page(summary, articles)
    issues = check_summary(summary, articles).issues if articles is not None else []
    parts = [
        *_head(page),
        *_sources(page),
        *_disputes(page),
        *_claims(page),
        *_off_event(page),
        *_notices(page, issues),
        *_articles(page),
        _footer(summary),
    ]
    return "\n".join(parts)
