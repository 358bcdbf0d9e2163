"""The package layout, read from its imports: every module of ``summarize`` is
parsed with ``ast`` (nothing is imported) and its ``import`` statements, at
module level and inside functions alike, are checked against the table below
and for cycles."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import summarize


@dataclass(frozen=True)
class Rule:
    """Modules under ``importers`` (but not under ``exempt``) import nothing under
    ``forbidden`` except what is under ``allowed``. A module name covers itself and
    everything below it."""

    name: str
    importers: tuple[str, ...]
    forbidden: tuple[str, ...]
    allowed: tuple[str, ...] = ()
    exempt: tuple[str, ...] = ()
    xfail: str | None = None
    """Why the rule does not hold yet (the offending import), for a strict xfail."""


# -- the layout ---------------------------------------------------------------------
RULES = (
    Rule(
        "the offline engine does not import the llm engine",
        importers=("summarize.engines.offline",),
        forbidden=("summarize.engines.llm",),
    ),
    Rule(
        "the llm engine does not import the offline engine",
        importers=("summarize.engines.llm",),
        forbidden=("summarize.engines.offline",),
    ),
    Rule(
        "evidence (stage 2) imports no later stage",
        importers=("summarize.evidence",),
        forbidden=(
            "summarize.engines",
            "summarize.batch",
            "summarize.evaluation",
            "summarize.cli",
            "summarize.verify",
            "summarize.render",
        ),
    ),
    Rule(
        "batch talks to engines only through summarize.engines.base",
        importers=("summarize.batch",),
        forbidden=("summarize.engines",),
        allowed=("summarize.engines.base",),
    ),
    Rule(
        "evaluation talks to engines only through summarize.engines.base",
        importers=("summarize.evaluation",),
        forbidden=("summarize.engines",),
        allowed=("summarize.engines.base",),
    ),
    Rule(
        "only the command line imports the command line",
        importers=("summarize",),
        forbidden=("summarize.cli",),
        exempt=("summarize.cli", "summarize.__main__"),
    ),
)


# -- reading the package ------------------------------------------------------------
def under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


PACKAGE_DIR = Path(summarize.__file__).resolve().parent


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int
    in_function: bool

    def __str__(self) -> str:
        where = "inside a function" if self.in_function else "at module level"
        return f"{self.importer}:{self.line} imports {self.imported} ({where})"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {
    module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py")) if "__pycache__" not in p.parts
}


def _resolve(base: str, names: list[str]) -> Iterator[str]:
    """``from base import a, b``: each name that is a module is the import, else ``base``."""
    for name in names:
        yield f"{base}.{name}" if f"{base}.{name}" in MODULES else base


def _absolute(module: str, level: int, target: str | None) -> str:
    if level == 0:
        return target or ""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{target}" if target else package


def imports_of(module: str) -> list[Import]:
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"), filename=str(MODULES[module]))
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            if isinstance(child, ast.Import | ast.ImportFrom):
                if isinstance(child, ast.Import):
                    targets = [alias.name for alias in child.names]
                else:
                    base = _absolute(module, child.level, child.module)
                    targets = list(_resolve(base, [alias.name for alias in child.names]))
                for target in dict.fromkeys(targets):
                    if under(target, ("summarize",)):
                        found.append(Import(module, target, child.lineno, inside))
            visit(child, inside)

    visit(tree, False)
    return found


IMPORTS: list[Import] = [i for m in MODULES for i in imports_of(m)]


def broken(rule: Rule) -> list[Import]:
    """The imports that break ``rule``."""
    return [
        imp
        for imp in IMPORTS
        if under(imp.importer, rule.importers)
        and not under(imp.importer, rule.exempt)
        and under(imp.imported, rule.forbidden)
        and not under(imp.imported, rule.allowed)
    ]


def cycles() -> list[list[str]]:
    """Every strongly connected group of two or more modules (Tarjan), each sorted."""
    graph: dict[str, list[str]] = {m: [] for m in MODULES}
    for imp in IMPORTS:
        if imp.imported in MODULES and imp.imported != imp.importer:
            graph[imp.importer].append(imp.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(set(graph[node])):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return sorted(groups)


# -- the tests ------------------------------------------------------------------------
def test_the_walk_sees_the_package_and_its_imports() -> None:
    assert {"summarize.cli", "summarize.api", "summarize.engines.base"} <= set(MODULES)
    assert any(
        i.importer == "summarize.cli" and i.imported == "summarize.cli.commands" for i in IMPORTS
    )
    assert any(i.in_function for i in IMPORTS), "imports inside functions are read too"


def test_no_import_cycle_between_modules() -> None:
    found = cycles()
    detail = [
        str(i)
        for group in found
        for i in IMPORTS
        if i.importer in group and i.imported in group and i.imported != i.importer
    ]
    assert not found, "import cycles:\n" + "\n".join(detail)


@pytest.mark.parametrize(
    "rule",
    [
        pytest.param(
            r, id=r.name, marks=[pytest.mark.xfail(strict=True, reason=r.xfail)] if r.xfail else []
        )
        for r in RULES
    ],
)
def test_layout_rule(rule: Rule) -> None:
    bad = broken(rule)
    assert not bad, f"{rule.name}:\n" + "\n".join(str(i) for i in bad)


def test_a_cycle_and_a_wrong_way_import_are_caught() -> None:
    """The checks themselves can fail: fed a made-up circle and a wrong-way import."""
    fake = [
        Import("summarize.version", "summarize.textnorm", 1, False),
        Import("summarize.textnorm", "summarize.version", 1, True),
        Import("summarize.evidence.bundle", "summarize.engines.llm", 1, True),
    ]
    evidence_rule = next(r for r in RULES if r.importers == ("summarize.evidence",))
    cli_rule = next(r for r in RULES if r.forbidden == ("summarize.cli",))
    assert fake[2] not in broken(evidence_rule)
    IMPORTS.extend(fake)
    try:
        assert ["summarize.textnorm", "summarize.version"] in cycles()
        assert fake[2] in broken(evidence_rule)
        assert not broken(cli_rule), "summarize.cli importing itself is allowed"
    finally:
        del IMPORTS[-len(fake) :]
