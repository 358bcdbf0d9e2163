"""Long articles are parsed in pieces: cost grows with length, results do not change."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from typer.testing import CliRunner

from summarize.cli import app
from summarize.evidence import nlp
from summarize.evidence.attribution import extract_attributions
from summarize.models import Article, SummaryBody
from summarize.verify import check as verify_check

PARAGRAPHS = [
    f"Officials in district {n} said on Monday that the river had risen by {n} metres. "
    f'"We are moving families to higher ground," said Mayor Ana Costa of district {n}.'
    for n in range(1, 13)
]


def test_pieces_join_back_to_the_text_and_cut_at_paragraph_breaks() -> None:
    text = "\n\n".join(PARAGRAPHS)
    parts = nlp.pieces(text, limit=400)
    assert "".join(parts) == text
    assert len(parts) > 3
    assert all(len(p) <= 400 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])


def test_a_long_article_parsed_in_pieces_gives_the_same_relations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = Article(id="long", text="\n\n".join(PARAGRAPHS))
    whole = extract_attributions(article)
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 400)
    assert len(nlp.pieces(article.text)) > 3  # the parse below really runs in pieces
    in_pieces = extract_attributions(article)
    assert len(whole) >= len(PARAGRAPHS)  # at least one relation per paragraph
    assert [(r.source_name, r.cue.start, r.content.text) for r in in_pieces] == [
        (r.source_name, r.cue.start, r.content.text) for r in whole
    ]
    assert all(article.text[r.cue.start : r.cue.end] == r.cue.text for r in in_pieces)


def test_pieces_shared_out_to_two_processes_give_the_same_relations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = Article(id="long", text="\n\n".join(PARAGRAPHS))
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 400)
    monkeypatch.setattr(nlp, "PIECES_PER_BATCH", 1)
    monkeypatch.setattr(nlp, "LONG_TEXT_PROCESSES", 1)
    alone = extract_attributions(article)
    monkeypatch.setattr(nlp, "LONG_TEXT_PROCESSES", 2)
    monkeypatch.setattr(nlp.os, "cpu_count", lambda: 2)
    assert nlp._processes(len(nlp.pieces(article.text))) == 2  # really shared out below
    shared = extract_attributions(article)
    assert len(alone) >= len(PARAGRAPHS)
    assert [r.model_dump() for r in shared] == [r.model_dump() for r in alone]


# -- progress on stderr ------------------------------------------------------------------
_SYLLABLES = ["ba", "ko", "ri", "mel", "tan", "su", "vo", "dar", "ne", "lis", "gu", "pe"]


def _name(n: int) -> str:
    """A made-up two-word name, different for each ``n`` below 12**4."""
    s = _SYLLABLES
    first = s[n % 12] + s[(n // 12) % 12]
    last = s[(n // 144) % 12] + s[(n // 1728) % 12] + "son"
    return f"{first.title()} {last.title()}"


def _long_article(chars: int) -> str:
    paragraphs: list[str] = []
    n = 0
    while sum(len(p) + 2 for p in paragraphs) < chars:
        n += 1
        who, town = _name(n), _name(n + 5000).split()[1]
        paragraphs.append(
            f"Officials in {town} said on Monday that {n + 2} roads had been closed by the flood. "
            f'"We are moving families to higher ground tonight," said {who}, the mayor of {town}.'
        )
    return "\n\n".join(paragraphs) + "\n"


def _run(folder: Path) -> Result:
    env = {"OPENAI_API_KEY": None, "OPENAI_BASE_URL": None, "SUMMARIZE_MODEL": None}
    return CliRunner().invoke(app, ["run", str(folder), "--engine", "offline"], env=env)


def test_a_long_run_reports_its_stages_on_stderr_and_a_short_one_does_not(
    tmp_path: Path,
) -> None:
    text = _long_article(nlp.CHUNK_CHARS + 5_000)  # just long enough to be parsed in pieces
    assert len({_name(n) for n in range(1, 400)}) == 399  # no paragraph repeats another
    long_folder = tmp_path / "long"
    long_folder.mkdir()
    (long_folder / "flood.txt").write_text(text, encoding="utf-8")
    result = _run(long_folder)
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    pieces = len(nlp.pieces(text, nlp.PIECE_CHARS))
    assert f"summarize: parsing flood: {pieces}/{pieces} pieces" in lines
    assert f"summarize: finding places in flood: {pieces}/{pieces} pieces" in lines
    assert "summarize: composing the summary" in lines
    assert "summarize: verifying the summary" in lines
    assert json.loads(result.stdout)["claims"]  # stdout is the record alone
    assert "pieces" not in result.stdout and "summarize:" not in result.stdout

    short_folder = tmp_path / "short"
    short_folder.mkdir()
    (short_folder / "flood.txt").write_text(_long_article(2_000), encoding="utf-8")
    result = _run(short_folder)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == ["summarize: 1 article, engine offline"]


# -- the verifier once per run -----------------------------------------------------------
def test_a_run_checks_the_record_it_writes_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, examples_dir: Path
) -> None:
    """``run`` verifies the record before returning it; its closing warnings and the
    Markdown page's verifier section reuse that report instead of checking again."""
    checked: Counter[str] = Counter()  # summary JSON -> checks of its prose (one a check)
    check_prose = verify_check.check_prose

    def counting(summary: SummaryBody, *args: Any) -> int:
        checked[summary.model_dump_json()] += 1
        return check_prose(summary, *args)

    monkeypatch.setattr(verify_check, "check_prose", counting)
    out = tmp_path / "ganja.md"
    env = {"OPENAI_API_KEY": None, "OPENAI_BASE_URL": None, "SUMMARIZE_MODEL": None}
    args = ["run", str(examples_dir), "--engine", "offline", "-f", "markdown", "-o", str(out)]
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0, result.stderr
    assert "## " in out.read_text(encoding="utf-8")
    assert checked and max(checked.values()) == 1
