"""The offline engine's event titles on the NeuS test clusters, against the
editors' headlines (the AllSides story headline, which names the event).

    PYTHONPATH=. .venv/bin/python benchmarks/event_titles.py --limit 153   # tuning half
    PYTHONPATH=. .venv/bin/python benchmarks/event_titles.py --skip 153    # held-out half

Each cluster's three "title. body" strings are one folder (articles d1, d2,
d3) run through ``summarize_articles`` (offline engine); its ``event.title`` is
compared with the editor's headline: the ``issue`` of the AllSides story whose
headline the cluster's ``target`` ("headline. roundup") opens with
(``../shared/data/allsides/allsides-2021.jsonl``), else the target up to its
first ". ".

Printed: the share of generic titles (the fallbacks "Reports from <place>",
"Event reported by N articles"), and ROUGE-1 recall, precision and F1 of the
title's content words (lower-cased, accents folded, function words left out,
no stemming) against the headline's, macro-averaged x100; then
``--examples`` titles beside their headlines, evenly spread over the clusters.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from neus import DATA, add_range_options, chosen_clusters

ALLSIDES = DATA.parent / "allsides" / "allsides-2021.jsonl"
GENERIC = ("Reports from ", "Event reported by ")
_TOKEN_RE = re.compile(r"[a-z0-9]+")


def _key(text: str) -> str:
    """Letters and digits only, lower-cased: a headline's key for matching."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _first_sentence(text: str) -> str:
    """``text`` up to the first period that ends a sentence: not one after a capital
    ("U.S. While") or an abbreviation ("Rep. Ilhan Omar")."""
    from summarize.lang.abbreviations import ABBREVIATIONS

    for match in re.finditer(r"\.\s+", text):
        before = text[: match.start()].rsplit(None, 1)[-1] if text[: match.start()].strip() else ""
        if before[-1:].isupper() or before.lower() in ABBREVIATIONS:
            continue
        return text[: match.start()]
    return text


def editor_headlines(targets: Sequence[str]) -> list[str]:
    """Each target's headline: the AllSides ``issue`` it opens with, else its
    text up to the first ". "."""
    issues: list[str] = []
    if ALLSIDES.is_file():
        for line in ALLSIDES.read_text(encoding="utf-8").splitlines():
            issue = str(json.loads(line).get("issue") or "").strip()
            if issue:
                issues.append(issue)
    issues.sort(key=len, reverse=True)  # the longest headline that matches
    out: list[str] = []
    for target in targets:
        key = _key(target[:400])
        match = next((i for i in issues if key.startswith(_key(i))), None)
        out.append(match or _first_sentence(target))
    return out


def content_words(text: str) -> list[str]:
    """Lower-cased, accent-folded words of ``text`` that are no function words."""
    from summarize.lang.function_words import FUNCTION_WORDS

    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [w for w in _TOKEN_RE.findall(bare.lower()) if w not in FUNCTION_WORDS]


def overlap_scores(title: str, headline: str) -> tuple[float, float, float]:
    """ROUGE-1 recall, precision and F1 of content words (clipped counts)."""
    ours, ref = Counter(content_words(title)), Counter(content_words(headline))
    hit = sum((ours & ref).values())
    if not hit:
        return 0.0, 0.0, 0.0
    recall, precision = hit / sum(ref.values()), hit / sum(ours.values())
    return recall, precision, 2 * recall * precision / (recall + precision)


def offline_titles(clusters: Sequence[dict[str, object]]) -> list[str]:
    """The offline engine's event title for each cluster."""
    from summarize import summarize_articles
    from summarize.models import Article

    titles: list[str] = []
    start = time.monotonic()
    for i, cluster in enumerate(clusters):
        sources = [str(s) for s in cluster["source"]]  # type: ignore[attr-defined]
        articles = [Article(id=f"d{k + 1}", text=text) for k, text in enumerate(sources)]
        titles.append(summarize_articles(articles, engine="offline").event.title)
        if (i + 1) % 50 == 0:
            print(f"  {i + 1}/{len(clusters)}, {time.monotonic() - start:.0f} s", file=sys.stderr)
    return titles


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    add_range_options(parser)
    parser.add_argument("--examples", type=int, default=20, help="titles listed (default 20)")
    parser.add_argument("--save", type=Path, help="write the titles (JSON lines)")
    args = parser.parse_args(argv)
    chosen = chosen_clusters(args)
    if chosen is None:
        return 0
    clusters, numbers = chosen
    titles = offline_titles(clusters)
    headlines = editor_headlines([str(c["target"]) for c in clusters])
    if args.save:
        args.save.write_text(
            "".join(
                json.dumps({"cluster": f"test_{n}", "title": t, "headline": h}) + "\n"
                for n, t, h in zip(numbers, titles, headlines, strict=True)
            ),
            encoding="utf-8",
        )
    n = max(len(titles), 1)
    generic = sum(1 for t in titles if t.startswith(GENERIC))
    scores = [overlap_scores(t, h) for t, h in zip(titles, headlines, strict=True)]
    recall, precision, f1 = (100 * sum(s[k] for s in scores) / n for k in range(3))
    words = sum(len(t.split()) for t in titles) / n
    first, last = (numbers[0], numbers[-1]) if numbers else (0, 0)
    print(f"NeuS test_{first}..test_{last}: {len(titles)} clusters")
    print(f"generic titles: {generic}/{len(titles)} ({100 * generic / n:.1f}%)")
    print(
        f"content-word ROUGE-1 vs editor headline: R {recall:.1f}  P {precision:.1f}  "
        f"F {f1:.1f}; mean title words {words:.1f}"
    )
    step = max(1, len(titles) // max(args.examples, 1))
    for k in range(0, len(titles), step)[: args.examples]:
        print(f"  test_{numbers[k]:<4} {titles[k]!r:45}  | {headlines[k]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
