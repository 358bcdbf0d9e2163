"""How often the off-event detector flags an article in folders that have none.

Every AllSides story with three articles (left, centre, right) is one folder
about one event, so any flag is a false positive. Prints the count.

    /work/venv/bin/python benchmarks/offline_relevance.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from summarize.evidence.dates import reference_date, report_date
from summarize.evidence.relevance import document_features, judge_relevance
from summarize.models import Article

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "allsides"


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
        ref = reference_date(articles)
        verdicts = judge_relevance(
            [document_features(a.id, a.text, report_date(a, ref)) for a in articles]
        )
        flagged += any(not v.on_event for v in verdicts)
    print(f"AllSides folders (3 articles, one event): {folders}")
    print(f"folders with an article flagged off-event (false positives): {flagged}")
    print(f"false-positive rate: {flagged / max(folders, 1):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
