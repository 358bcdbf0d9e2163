"""A self-contained HTML report of one or more saved eval runs.

One file, no scripts, no external assets: the aggregate per run, a bar chart
(inline SVG) comparing the runs score by score, a per-suite table, and every
score's explanation. Runs are what :func:`summarize.evaluation.runner.load_run`
returns, so runs from different engines, models or days can be compared."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from summarize.evaluation.registry import registered, score_info
from summarize.evaluation.scoring import ALL_SCORES, SHARE_SCORES
from summarize.render_css import BASE_CSS

#: Short column labels, as each scorer declares them.
SHORT = {i.name: i.label for i in registered()}
#: Scores drawn as bars on the 0..1 chart: shares and verifier shares.
CHART_SCORES = tuple(i.name for i in registered() if i.kind in ("share", "verified"))
_BAD = ' class="bad"'
COLOURS = ("#2f6db5", "#d9822b", "#3a9a5b", "#a34ea3", "#c23b3b", "#6b6b6b")

# The shared stylesheet, then what only the report needs (wide score tables).
_CSS = (
    BASE_CSS
    + """
body{max-width:1100px;font-size:15px}table{width:auto;font-size:.92em}
th,td{padding:.25em .55em;text-align:right}th:first-child,td:first-child{text-align:left}
td.text{text-align:left}td.bad{background:#fbe3e3}td.good{background:#e5f4e8}
.expl{margin:.3em 0 .3em 1.2em}.expl dt{font-weight:600}.expl dd{margin:0 0 .4em 1em}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em}
svg{max-width:100%;height:auto}
@media (max-width:40rem){table{display:block;overflow-x:auto}}
"""
)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _fmt(value: object) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.0f}"
    return str(value)


def _label(run: dict[str, Any], n: int) -> str:
    return f"#{n + 1} {run.get('label', '?')} ({str(run.get('started', ''))[:16]})"


def chart_svg(runs: Sequence[dict[str, Any]], scores: Sequence[str] = CHART_SCORES) -> str:
    """Grouped bars: one group per share score, one bar per run, on a 0..1 axis."""
    width, height, left, top, bottom = 1040, 330, 46, 20, 70
    plot_w, plot_h = width - left - 10, height - top - bottom
    group_w = plot_w / len(scores)
    bar_w = min(28.0, (group_w - 14) / max(1, len(runs)))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="scores by run">'
    ]
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = top + plot_h * (1 - tick)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" '
            f'stroke="{"#999" if tick == 0 else "#e2e2e2"}"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{tick:g}</text>'
        )
    for g, score in enumerate(scores):
        x0 = left + g * group_w + (group_w - bar_w * len(runs)) / 2
        for r, run in enumerate(runs):
            value = (run.get("aggregate") or {}).get(score)
            x = x0 + r * bar_w
            colour = COLOURS[r % len(COLOURS)]
            if value is None:
                parts.append(
                    f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h - 4}" font-size="9" '
                    f'text-anchor="middle" fill="#999">n/a</text>'
                )
                continue
            h = plot_h * max(0.0, min(1.0, float(value)))
            parts.append(
                f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar_w - 2:.1f}" '
                f'height="{h:.1f}" fill="{colour}"><title>{_e(_label(run, r))}: {_e(SHORT[score])} '
                f"{_fmt(value)}</title></rect>"
                f'<text x="{x + (bar_w - 2) / 2:.1f}" y="{top + plot_h - h - 3:.1f}" font-size="9" '
                f'text-anchor="middle">{_fmt(value)}</text>'
            )
        parts.append(
            f'<text x="{left + (g + 0.5) * group_w:.1f}" y="{top + plot_h + 18}" font-size="12" '
            f'text-anchor="middle">{_e(SHORT[score])}</text>'
        )
    for r, run in enumerate(runs):
        x = left + (r % 3) * 330
        y = height - 28 + (r // 3) * 16
        parts.append(
            f'<rect x="{x}" y="{y - 10}" width="11" height="11" '
            f'fill="{COLOURS[r % len(COLOURS)]}"/>'
            f'<text x="{x + 16}" y="{y}" font-size="12">{_e(_label(run, r))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _aggregate_table(runs: Sequence[dict[str, Any]]) -> str:
    head = "".join(f"<th>{_e(SHORT[s])}</th>" for s in ALL_SCORES)
    rows = []
    for n, run in enumerate(runs):
        agg = run.get("aggregate") or {}
        swatch = f'<span class="swatch" style="background:{COLOURS[n % len(COLOURS)]}"></span>'
        cells = "".join(f"<td>{_fmt(agg.get(s))}</td>" for s in ALL_SCORES)
        scored = run.get("suites_scored", 0)
        rows.append(f"<tr><td>{swatch}{_e(_label(run, n))} · {scored} suites</td>{cells}</tr>")
    return (
        f"<table><thead><tr><th>run</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _cell_class(score: str, value: object) -> str:
    info = score_info(score)
    if not isinstance(value, int | float) or info.kind not in ("share", "verified"):
        return "" if not info.lower_is_better or not value else ' class="bad"'
    if info.lower_is_better:
        return ' class="good"' if value <= 0.001 else (' class="bad"' if value > 0.5 else "")
    return ' class="good"' if value >= 0.999 else (' class="bad"' if value < 0.5 else "")


def _suite_table(run: dict[str, Any]) -> str:
    head = "".join(f"<th>{_e(SHORT[s])}</th>" for s in ALL_SCORES)
    rows = []
    for name, suite in (run.get("suites") or {}).items():
        if suite.get("status") != "ok":
            rows.append(
                f'<tr><td>{_e(name)}</td><td colspan="{len(ALL_SCORES)}" class="muted">'
                f"{_e(suite.get('status'))}: {_e(suite.get('message', ''))}</td></tr>"
            )
            continue
        scores = suite.get("scores") or {}
        detail = (suite.get("card") or {}).get("scores") or {}
        cells = "".join(
            f'<td class="muted" title="nothing to count">{_fmt(scores.get(s))} †</td>'
            if (detail.get(s) or {}).get("denominator") == 0
            else f"<td{_cell_class(s, scores.get(s))}>{_fmt(scores.get(s))}</td>"
            for s in ALL_SCORES
        )
        rows.append(f"<tr><td>{_e(name)}</td>{cells}</tr>")
    return (
        f"<table><thead><tr><th>suite</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _explanations(name: str, card: dict[str, Any]) -> str:
    items = "".join(
        f"<dt>{_e(SHORT.get(s, s))}: {_fmt(card.get(s))}</dt><dd>{_e(text)}</dd>"
        for s, text in (card.get("explanations") or {}).items()
    )
    hits = card.get("loaded_hits") or []
    hit_rows = "".join(
        f"<tr><td><code>{_e(h['text'])}</code></td><td>{_e(h['category'])}</td>"
        f'<td>{_e(h["where"])} @ {_e(h["start"])}</td><td class="text">{_e(h["context"])}</td></tr>'
        for h in hits
    )
    hit_table = (
        "<table><thead><tr><th>term</th><th>category</th><th>where</th><th>context</th></tr>"
        f"</thead><tbody>{hit_rows}</tbody></table>"
        if hits
        else ""
    )
    match_rows = "".join(
        f"<tr><td>{_e(m['gold'])}</td><td>{_e(m['summary'])}</td><td>{_e(m['weight'])}</td>"
        f"<td>{_fmt(m['overlap'])}</td><td{_BAD if not m['speaker_ok'] else ''}>"
        f'{_e(m["speaker"])}</td><td class="text">{_e(m["summary_statement"])}</td></tr>'
        for m in card.get("matches") or []
    )
    match_table = (
        "<table><thead><tr><th>gold</th><th>summary</th><th>weight</th><th>overlap</th>"
        "<th>speaker</th><th>summary statement</th></tr></thead>"
        f"<tbody>{match_rows}</tbody></table>"
        if match_rows
        else ""
    )
    flawed = bool(hits) or any(
        isinstance(card.get(s), int | float) and card[s] < 1 for s in SHARE_SCORES
    )
    return (
        f"<details{' open' if flawed else ''}><summary>{_e(name)}</summary>"
        f'<dl class="expl">{items}</dl>'
        f"{match_table}{hit_table}</details>"
    )


def render_report(runs: Sequence[dict[str, Any]], title: str = "summarize eval report") -> str:
    """The whole report as one HTML string."""
    body = [
        f"<h1>{_e(title)}</h1>",
        f'<p class="muted">{len(runs)} run(s). Shares are in [0, 1], higher is better; '
        "loaded terms are counts and a rate, lower is better, and so is the share of "
        "unsupported statements; claims / gold is summary claims per gold claim, read with "
        "precision. A share with nothing to count is 1.0, marked † in the suite tables "
        "(its explanation says so).</p>",
        "<h2>Aggregate (mean over scored suites)</h2>",
        _aggregate_table(runs),
        chart_svg(runs),
    ]
    for n, run in enumerate(runs):
        body.append(f"<h2>{_e(_label(run, n))}</h2>")
        body.append(f'<p class="muted">from <code>{_e(run.get("folder", ""))}</code></p>')
        body.append(_suite_table(run))
        for name, suite in (run.get("suites") or {}).items():
            if suite.get("card"):
                body.append(_explanations(name, suite["card"]))
        misses = run.get("misses") or []
        if misses:
            body.append("<p><strong>Thresholds missed:</strong></p><ul>")
            body += [f"<li>{_e(m)}</li>" for m in misses]
            body.append("</ul>")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>"
        + "\n".join(body)
        + "</body></html>\n"
    )
