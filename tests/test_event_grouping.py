"""A folder that mixes events (#12): its articles are grouped by event, the largest
group is summarized, the others are flagged off-event with their topic, and
``run --split`` writes one record per event; single-event folders stay whole."""

from __future__ import annotations

import json
import re
from collections import Counter
from math import comb
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarize.api import split_articles
from summarize.cli import app
from summarize.evidence.bundle import build_bundle
from summarize.evidence.features import document_features
from summarize.evidence.grouping import MAX_ARTICLES, group_events
from summarize.evidence.relevance import judge_relevance
from summarize.loader import load_folder
from summarize.models import Article

ROOT = Path(__file__).resolve().parents[1]
ALLSIDES = ROOT.parent / "shared" / "data" / "allsides" / "allsides-2021.jsonl"
NEUS = ROOT.parent / "shared" / "data" / "neus-test" / "clusters"
NO_MODEL_ENV: dict[str, str | None] = {
    "OPENAI_API_KEY": None,
    "OPENAI_BASE_URL": None,
    "SUMMARIZE_MODEL": None,
}

BRIDGE = [
    Article(
        id="b1",
        title="Riverton bridge closed after crack found in main span",
        text="Riverton bridge closed after crack found in main span\n"
        "Engineers closed the Riverton bridge on Monday after inspectors found a crack in "
        "the main steel span. The city engineer said traffic would be diverted over the "
        "old ferry road while the span is examined. Commuters faced long queues at both "
        "ends of the bridge, and buses were rerouted through the harbour district.",
    ),
    Article(
        id="b2",
        title="Crack in steel span shuts Riverton bridge",
        text="Crack in steel span shuts Riverton bridge\n"
        "The Riverton bridge was shut on Monday when inspectors discovered a crack in its "
        "steel main span, city officials said. Traffic was diverted to the ferry road and "
        "commuters reported queues. Engineers will examine the span this week before "
        "deciding whether the bridge can reopen to buses and cars.",
    ),
    Article(
        id="b3",
        title="Commuters queue as Riverton bridge stays closed",
        text="Commuters queue as Riverton bridge stays closed\n"
        "Long queues formed on the ferry road as the Riverton bridge stayed closed after "
        "inspectors found a crack in the span. The city engineer said engineers were "
        "examining the steel and that buses would keep using the diverted route through "
        "the harbour district until the bridge reopens.",
    ),
]
CUP = Article(
    id="c1",
    title="Harbour United win the cup final on penalties",
    text="Harbour United win the cup final on penalties\n"
    "Harbour United beat Lakeside Rovers on penalties to lift the cup in front of a "
    "sell-out crowd. Goalkeeper Maria Sousa saved two spot kicks, and the captain praised "
    "a squad that had trailed for most of the match. Supporters celebrated late into "
    "the night.",
)


def _groups(articles: list[Article]) -> list[tuple[str, ...]]:
    return [g.documents for g in group_events([document_features(a.id, a.text) for a in articles])]


def test_article_on_another_event_is_flagged_with_its_topic() -> None:
    verdicts = judge_relevance([document_features(a.id, a.text) for a in [*BRIDGE, CUP]])
    off = {v.document: v for v in verdicts if not v.on_event}
    assert list(off) == ["c1"]
    reason = off["c1"].reason or ""
    assert reason.startswith('another event (headlined "Harbour United win the cup final')
    assert '"penalties"' in reason.split(";", 1)[1]  # a word only its group uses
    # everything taken from the article is quoted as the article writes it
    quoted = re.findall(r'"([^"]+)"', reason)
    assert "Maria Sousa" in quoted
    assert all(q in CUP.text for q in quoted)


def test_grouping_does_not_depend_on_article_order() -> None:
    forward = _groups([CUP, *BRIDGE])
    backward = _groups([*reversed(BRIDGE), CUP])
    assert forward[0] == ("b1", "b2", "b3")
    assert [set(g) for g in forward] == [set(g) for g in backward]


def test_tied_groups_make_the_earliest_one_the_event() -> None:
    cup_reports = [
        CUP,
        CUP.model_copy(update={"id": "c2", "text": CUP.text.replace("sell-out", "packed")}),
    ]
    groups = _groups([*cup_reports, BRIDGE[0], BRIDGE[1]])
    assert groups == [("c1", "c2"), ("b1", "b2")]


def test_seed_folder_is_one_event_and_keeps_its_earlier_strike_flag(examples_dir: Path) -> None:
    bundle = build_bundle(load_folder(examples_dir))
    assert len(bundle.groups) == 1
    off = [v for v in bundle.relevance if not v.on_event]
    assert [v.document for v in off] == ["003_2105b4721b65a7a3"]
    assert "group" not in off[0].signals


def test_split_articles_returns_the_event_first() -> None:
    groups = split_articles([CUP, *BRIDGE])
    assert [[a.id for a in g] for g in groups] == [["b1", "b2", "b3"], ["c1"]]


def _write_folder(folder: Path, articles: list[Article]) -> Path:
    folder.mkdir()
    for a in articles:
        (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    return folder


def test_run_split_writes_one_record_per_event(tmp_path: Path) -> None:
    folder = _write_folder(tmp_path / "mixed", [*BRIDGE, CUP])
    out = tmp_path / "out.json"
    result = CliRunner().invoke(
        app,
        ["run", str(folder), "--engine", "offline", "--split", "-o", str(out)],
        env=NO_MODEL_ENV,
    )
    assert result.exit_code == 0, result.output
    second = tmp_path / "out.group2.json"
    assert f"wrote {out}" in result.output and f"wrote {second}" in result.output
    main = json.loads(out.read_text(encoding="utf-8"))
    other = json.loads(second.read_text(encoding="utf-8"))
    assert [d["id"] for d in main["documents"]] == ["b1", "b2", "b3"]
    assert [d["id"] for d in other["documents"]] == ["c1"]
    assert all(d["on_event"] for d in main["documents"] + other["documents"])


def test_run_without_split_warns_and_flags(tmp_path: Path) -> None:
    folder = _write_folder(tmp_path / "mixed", [*BRIDGE, CUP])
    out = tmp_path / "out.json"
    result = CliRunner().invoke(
        app, ["run", str(folder), "--engine", "offline", "-o", str(out)], env=NO_MODEL_ENV
    )
    assert result.exit_code == 0, result.output
    assert "mixes 2 events" in result.output and "--split" in result.output
    assert not (tmp_path / "out.group2.json").exists()
    docs = {d["id"]: d for d in json.loads(out.read_text(encoding="utf-8"))["documents"]}
    assert not docs["c1"]["on_event"] and "Harbour United" in docs["c1"]["reason"]


def test_run_split_needs_an_output_file(tmp_path: Path) -> None:
    folder = _write_folder(tmp_path / "mixed", [*BRIDGE, CUP])
    result = CliRunner().invoke(
        app, ["run", str(folder), "--engine", "offline", "--split"], env=NO_MODEL_ENV
    )
    assert result.exit_code != 0 and "--output" in result.output


# -- real folders built from AllSides stories ----------------------------------------
def _allsides() -> dict[int, list[Article]]:
    stories: dict[int, list[Article]] = {}
    for line in ALLSIDES.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        for side in ("left", "center", "right"):
            item = (story.get("news") or {}).get(side) or {}
            if item.get("newBody"):
                title = item.get("newsTitle") or ""
                text = title + "\n" + "\n".join(item["newBody"])
                stories.setdefault(story["id"], []).append(
                    Article(id=f"{story['id']}-{side}", text=text, title=title)
                )
    return stories


needs_allsides = pytest.mark.skipif(
    not ALLSIDES.is_file(), reason="../shared/data/allsides/allsides-2021.jsonl is absent"
)


@needs_allsides
def test_mcafee_story_among_southwest_articles_is_flagged() -> None:
    stories = _allsides()
    mcafee = next(a for a in stories[5926] if a.id.endswith("center"))  # AP
    articles = [*stories[5628], mcafee]  # Southwest cancellations
    verdicts = judge_relevance(
        [document_features(a.id, a.text, headline=a.title) for a in articles]
    )
    off = [v for v in verdicts if not v.on_event]
    assert [v.document for v in off] == [mcafee.id]
    assert (off[0].reason or "").startswith("another event (")
    assert "McAfee" in (off[0].reason or "")


AFGHANISTAN = (5651, 5690, 5693, 5723, 5742, 5750, 5760, 5782, 5866)


def _adjusted_rand(truth: list[int], found: list[int]) -> float:
    index = sum(comb(c, 2) for c in Counter(zip(truth, found, strict=True)).values())
    a = sum(comb(c, 2) for c in Counter(truth).values())
    b = sum(comb(c, 2) for c in Counter(found).values())
    expected = a * b / comb(len(truth), 2)
    return (index - expected) / ((a + b) / 2 - expected)


@needs_allsides
def test_nine_afghanistan_events_are_not_one_record() -> None:
    stories = _allsides()
    articles = [a for sid in AFGHANISTAN for a in stories[sid]]
    groups = split_articles(articles)
    where = {a.id: k for k, g in enumerate(groups) for a in g}
    truth = [int(a.id.split("-")[0]) for a in articles]
    assert len(groups) >= 5
    assert _adjusted_rand(truth, [where[a.id] for a in articles]) >= 0.5
    # the three reports of the drone strike are together, apart from the mosque bombing
    assert where["5690-left"] == where["5690-center"] == where["5690-right"]
    assert where["5690-left"] != where["5651-left"]


@pytest.mark.skipif(not NEUS.is_dir(), reason="../shared/data/neus-test is not present")
def test_neus_clusters_are_single_events() -> None:
    split = []
    for path in sorted(NEUS.glob("test_*.json")):
        sources = json.loads(path.read_text(encoding="utf-8"))["source"]
        features = [document_features(f"a{n}", t) for n, t in enumerate(sources)]
        if len(group_events(features)) > 1:
            split.append(path.name)
    assert split == []


def test_folders_beyond_the_grouping_limit_stay_one_group() -> None:
    articles = [BRIDGE[n % 3].model_copy(update={"id": f"b{n}"}) for n in range(MAX_ARTICLES)]
    articles.append(CUP)
    assert len(_groups(articles)) == 1
    assert len(_groups(articles[-4:])) == 2
