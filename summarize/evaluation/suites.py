"""Eval suites: finding them, and assembling the ones whose articles live in ``../shared``.

A suite is a folder with ``gold.json`` and either

* ``articles/`` (the input folder, committed with the suite), or
* ``source.json`` pointing at a story in a third-party data set under the
  project's sibling ``shared/data/`` folder. Such articles are never copied
  into the project: :func:`assemble_articles` writes them into a work folder
  at run time. Without ``shared/data`` the suite is skipped with a message.

``source.json`` (``summarize-suite-source/1``)::

    {"format": "summarize-suite-source/1", "dataset": "allsides",
     "file": "allsides/allsides-2021.jsonl", "story_id": 5904,
     "sides": ["left", "center", "right"]}

Each side becomes ``articles/<side>.txt`` with the outlet, title, link and
story date as front matter and the side's ``newBody`` paragraphs as text."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.atomic import write_atomic
from summarize.errors import InputError

SOURCE_FORMAT = "summarize-suite-source/1"
SHARED_ENV = "SUMMARIZE_SHARED_DATA"


@dataclass(frozen=True)
class StorySource:
    """Where an assembled suite's articles come from."""

    dataset: str
    file: str
    story_id: int
    sides: tuple[str, ...]


@dataclass(frozen=True)
class Suite:
    """One eval suite. ``articles`` is None until assembled, for sourced suites."""

    name: str
    root: Path
    gold_path: Path
    articles: Path | None
    source: StorySource | None = None


@dataclass(frozen=True)
class Passed:
    """A path given as a suite that is not one, and why (printed, never fatal)."""

    path: str
    reason: str


def _read_source(path: Path) -> StorySource:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"cannot be read as JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != SOURCE_FORMAT:
        raise InputError(path, f"field 'format' must be {SOURCE_FORMAT!r}")
    if data.get("dataset") != "allsides":
        raise InputError(path, "field 'dataset': only 'allsides' is supported")
    story, file, sides = data.get("story_id"), data.get("file"), data.get("sides")
    if not isinstance(story, int):
        raise InputError(path, "field 'story_id' must be an integer")
    if not isinstance(file, str) or not file:
        raise InputError(path, "field 'file' must be a path under shared/data")
    if not isinstance(sides, list) or not sides or not all(isinstance(s, str) for s in sides):
        raise InputError(path, "field 'sides' must be a non-empty list of strings")
    return StorySource("allsides", file, story, tuple(sides))


def load_suite(folder: Path) -> Suite:
    """The suite in ``folder``; raise :class:`InputError` when it is not one."""
    gold = folder / "gold.json"
    if not gold.is_file():
        raise InputError(folder, "is not a suite (no gold.json)")
    articles = folder / "articles"
    source_file = folder / "source.json"
    if articles.is_dir():
        return Suite(folder.name, folder, gold, articles)
    if source_file.is_file():
        return Suite(folder.name, folder, gold, None, _read_source(source_file))
    raise InputError(folder, "is not a suite (neither articles/ nor source.json)")


def discover(paths: Iterable[Path]) -> tuple[list[Suite], list[Passed]]:
    """Suites from command-line paths: a suite folder, or a folder of suite folders.

    Anything else (``evals/README.md`` from a shell glob, say) is passed over
    with a reason. Suite names must be unique."""
    suites: list[Suite] = []
    passed: list[Passed] = []

    def add(folder: Path) -> None:
        try:
            suites.append(load_suite(folder))
        except InputError as exc:
            passed.append(Passed(str(folder), exc.problem))

    for path in paths:
        if not path.exists():
            raise InputError(path, "does not exist")
        if not path.is_dir():
            passed.append(Passed(str(path), "not a folder"))
        elif (path / "gold.json").is_file():
            add(path)
        else:
            children = [p for p in sorted(path.iterdir()) if (p / "gold.json").is_file()]
            if not children:
                passed.append(Passed(str(path), "holds no gold.json and no suite folders"))
            for child in children:
                add(child)
    names = [s.name for s in suites]
    for name in names:
        if names.count(name) > 1:
            raise InputError(name, "two suites have this name; suite folder names must differ")
    return suites, passed


def _ancestors(start: Path) -> Iterator[Path]:
    here = start.resolve()
    yield here
    yield from here.parents


def shared_data_dir(start: Path) -> Path | None:
    """``$SUMMARIZE_SHARED_DATA``, else the first ``shared/data`` beside ``start`` or above."""
    env = os.environ.get(SHARED_ENV)
    if env:
        return Path(env) if Path(env).is_dir() else None
    for folder in _ancestors(start):
        candidate = folder / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


def _story(data_file: Path, story_id: int) -> dict[str, Any]:
    with data_file.open(encoding="utf-8") as handle:
        for line in handle:
            if f'"id": {story_id},' not in line and f'"id":{story_id},' not in line:
                continue
            row: dict[str, Any] = json.loads(line)
            if row.get("id") == story_id:
                return row
    raise InputError(data_file, f"has no story with id {story_id}")


def _front_matter_value(value: object) -> str:
    return " ".join(str(value or "").split())


def assemble_articles(suite: Suite, work_dir: Path) -> Suite:
    """Write a sourced suite's articles into ``work_dir/<suite>/articles`` and return
    the suite pointing at them. Suites with their own ``articles/`` are returned as is.

    Raises :class:`InputError` when the shared data is absent (callers skip the suite)."""
    if suite.source is None:
        return suite
    shared = shared_data_dir(suite.root)
    if shared is None:
        raise InputError(
            suite.root,
            "needs the reference data in ../shared/data (set SUMMARIZE_SHARED_DATA to its "
            "location); it is not part of the project",
        )
    data_file = shared / suite.source.file
    if not data_file.is_file():
        raise InputError(data_file, "is missing from the shared reference data")
    story = _story(data_file, suite.source.story_id)
    target = work_dir / suite.name / "articles"
    target.mkdir(parents=True, exist_ok=True)
    for side in suite.source.sides:
        news = (story.get("news") or {}).get(side)
        if not news or not news.get("newBody"):
            raise InputError(data_file, f"story {suite.source.story_id} has no '{side}' article")
        head = [
            "---",
            f"title: {_front_matter_value(news.get('newsTitle'))}",
            f"outlet: {_front_matter_value(news.get('newsSource'))}",
            f"url: {_front_matter_value(news.get('newsLink'))}",
            f"date: {str(story.get('date', ''))[:10]}",
            "---",
        ]
        body = "\n\n".join(p.strip() for p in news["newBody"] if p.strip())
        write_atomic(target / f"{side}.txt", "\n".join(head) + "\n" + body + "\n")
    return Suite(suite.name, suite.root, suite.gold_path, target, suite.source)
