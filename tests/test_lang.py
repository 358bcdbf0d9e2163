"""Language data has one home, ``summarize/lang``: each word list is defined once
there, and no other module spells out a list of words of its own."""

from __future__ import annotations

import ast
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.glossary import GLOSSARY

import summarize

PACKAGE = Path(summarize.__file__).parent
LANG = PACKAGE / "lang"
LANG_MODULES = sorted(p.stem for p in LANG.glob("*.py") if p.stem != "__init__")
_WORD_RE = re.compile(r"[a-z][a-z'.-]+")
#: Literal lists of words outside ``lang`` that are not language data, and why.
NOT_LANGUAGE_DATA = {
    "htmltext.py": "HTML tag names and front-matter field names",
    "evidence/nlp.py": "spaCy pipeline component names",
    "loader.py": "file suffixes and front-matter / JSON field names",
    "cli/commands.py": "JSON field names of the check report",
    "verify/check.py": "JSON field names of check issues",
    "evaluation/registry.py": "kinds of score (a Literal type)",
    "reader_view.py": "slant ratings as article metadata writes them (AllSides' labels)",
    "evidence/language.py": "stop-word profiles of other languages, to tell them from English",
    "evaluation/runner.py": "JSON field names of eval reports",
    "evaluation/scoring.py": "JSON field names of score details",
    "evaluation/thresholds.py": "JSON field names of the thresholds file",
    # Gold matching keeps its own stop words: a score must not move when the
    # pipeline's lists are tuned.
    "evaluation/matching.py": "the scorer's own stop words for matching gold claims",
}
#: Few enough words to be one rule's own tuning (a regex alternation aside).
MIN_WORDS = 4


def _lang_lists() -> dict[str, frozenset[str]]:
    found: dict[str, frozenset[str]] = {}
    for module in LANG_MODULES:
        mod = importlib.import_module(f"summarize.lang.{module}")
        for name, value in vars(mod).items():
            if name.startswith("_") or not isinstance(value, frozenset | tuple | dict):
                continue
            words = frozenset(value)
            if all(isinstance(w, str) for w in words):
                found[f"{module}.{name}"] = words
    return found


def _literal_words(node: ast.AST) -> list[str] | None:
    """The strings of a literal collection, a ``"...".split()`` or a ``word_set("...")``."""
    if isinstance(node, ast.Set | ast.Tuple | ast.List):
        elts: list[ast.expr | None] = list(node.elts)
    elif isinstance(node, ast.Dict):
        elts = list(node.keys)
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "split"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
        and not node.args
    ):
        return node.func.value.value.split()
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "word_set"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value.split()
    else:
        return None
    strings = [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return strings if len(strings) == len(elts) else None


def _outside_literals() -> Iterator[tuple[str, int, list[str]]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if LANG in path.parents:
            continue
        rel = path.relative_to(PACKAGE).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # the values of a type (Literal["named", "role", ...]) are no word list
        typed = {id(n.slice) for n in ast.walk(tree) if isinstance(n, ast.Subscript)}
        for node in ast.walk(tree):
            if id(node) in typed:
                continue
            strings = _literal_words(node)
            if strings is not None:
                words = [s for s in strings if _WORD_RE.fullmatch(s) and s not in GLOSSARY]
                yield rel, getattr(node, "lineno", 0), words


def test_no_module_outside_lang_spells_out_a_word_list() -> None:
    found = [
        f"{rel}:{line}: {' '.join(words[:8])}"
        for rel, line, words in _outside_literals()
        if len(words) >= MIN_WORDS and rel not in NOT_LANGUAGE_DATA
    ]
    assert found == [], "word lists belong in summarize/lang:\n" + "\n".join(found)


def test_no_literal_repeats_a_lang_list() -> None:
    lists = {words: name for name, words in _lang_lists().items() if len(words) >= 2}
    found = [
        f"{rel}:{line} repeats {lists[frozenset(words)]}"
        for rel, line, words in _outside_literals()
        if len(words) >= 2 and frozenset(words) in lists
    ]
    assert found == []


def test_calendar_words_are_spelled_only_in_lang() -> None:
    from summarize.lang.calendar import MONTHS, WEEKDAYS

    calendar = {w for w in (*WEEKDAYS, *MONTHS) if w != "may"}  # "may" is also a verb
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if LANG in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                hits = calendar & set(re.findall(r"[a-z]+", node.value))
                if len(hits) >= 2:  # a list of them, not a word in a message
                    found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


def test_no_two_lang_lists_are_the_same() -> None:
    seen: dict[frozenset[str], str] = {}
    for name, words in _lang_lists().items():
        assert words not in seen, f"{name} repeats {seen.get(words)}"
        seen[words] = name


@pytest.mark.parametrize("module", LANG_MODULES)
def test_lang_words_are_lower_case_and_written_sorted_without_duplicates(module: str) -> None:
    source = (LANG / f"{module}.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        words = _literal_words(node)
        if words is None or not isinstance(node, ast.Call):
            continue  # tuples and dicts keep their own order (calendar order, by kind)
        assert words == sorted(words), f"{module}:{node.lineno} not sorted"
        assert len(words) == len(set(words)), f"{module}:{node.lineno} has a duplicate"
    for name, words in _lang_lists().items():
        if name.startswith(f"{module}."):
            assert all(w == w.lower() and w == w.strip() and w for w in words), name
    mod = importlib.import_module(f"summarize.lang.{module}")
    for name, value in vars(mod).items():
        if isinstance(value, tuple) and not name.startswith("_"):
            assert len(value) == len(set(value)), f"{module}.{name} has a duplicate"


def test_lists_composed_together_share_no_word() -> None:
    """Lists that a rule reads as one union are parts of one concept: a word
    belongs to one part only."""
    from summarize.lang import events, function_words, titles

    groups = [
        (titles.ROLE_NOUNS, titles.OTHER_PERSON_TITLES),
        (titles.ROLE_NOUNS, titles.TITLE_QUALIFIERS, titles.TITLE_BODIES, titles.NAME_JOINERS),
        (titles.ORG_WORDS, titles.SOURCE_BODY_WORDS, titles.NAME_BODY_WORDS),
        (function_words.FUNCTION_WORDS, events.GENERAL_WORDS),
    ]
    for parts in groups:
        for i, a in enumerate(parts):
            for b in parts[i + 1 :]:
                assert not a & b, sorted(a & b)


def test_lang_is_a_leaf_package() -> None:
    """Language data depends on nothing else in the project, so any stage may read it."""
    for path in sorted(LANG.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("summarize"):
                assert node.module == "summarize.lang", f"{path.name} imports {node.module}"


def test_weekday_order_is_the_calendar_s() -> None:
    import datetime as dt

    from summarize.lang.calendar import MONTHS, WEEKDAYS

    monday = dt.date(2020, 10, 12)
    for i, day in enumerate(WEEKDAYS):
        assert (monday + dt.timedelta(days=i)).strftime("%A").lower() == day
    assert [dt.date(2020, m, 1).strftime("%B").lower() for m in range(1, 13)] == list(MONTHS)
