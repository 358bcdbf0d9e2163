"""How often the off-event detector flags an article in folders that have none.

Every AllSides story with three articles (left, centre, right) is one folder
about one event, and so is every NeuS test cluster (three articles), so any
flag is a false positive. Prints the counts.

    /work/venv/bin/python benchmarks/offline_relevance.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarize.evidence.dates import reference_date, report_date
from summarize.evidence.features import document_features
from summarize.evidence.relevance import judge_relevance
from summarize.models import Article

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "allsides"
NEUS = DATA.parent / "neus-test" / "clusters"


def flags_any(articles: list[Article]) -> bool:
    """Whether the detector flags any of ``articles`` off-event."""
    ref = reference_date(articles)
    verdicts = judge_relevance(
        [document_features(a.id, a.text, report_date(a, ref)) for a in articles]
    )
    return any(not v.on_event for v in verdicts)


def neus() -> None:
    if not NEUS.is_dir():
        print(f"skipped: {NEUS} not found", file=sys.stderr)
        return
    paths = sorted(NEUS.glob("test_*.json"))
    flagged = 0
    for path in paths:
        sources = json.loads(path.read_text(encoding="utf-8"))["source"]
        flagged += flags_any([Article(id=f"a{n}", text=t) for n, t in enumerate(sources)])
    print(f"NeuS test clusters (3 articles, one event): {len(paths)}")
    print(f"clusters with an article flagged off-event (false positives): {flagged}")


def main() -> int:
    path = DATA / "allsides-2021.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found", file=sys.stderr)
        return 0
    folders = flagged = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        articles = []
        for side in ("left", "center", "right"):
            item = (story.get("news") or {}).get(side) or {}
            if item.get("newBody"):
                body = "\n".join(item["newBody"])
                articles.append(Article(id=side, text=f"{item.get('newsTitle') or ''}\n{body}"))
        if len(articles) < 3:
            continue
        folders += 1
        flagged += flags_any(articles)
    print(f"AllSides folders (3 articles, one event): {folders}")
    print(f"folders with an article flagged off-event (false positives): {flagged}")
    print(f"false-positive rate: {flagged / max(folders, 1):.1%}")
    neus()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
