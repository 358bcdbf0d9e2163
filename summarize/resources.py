"""Where the package's data files live: ``prompts/`` and ``schemas/``.

In an installed wheel they sit inside the package (``summarize/prompts``,
``summarize/schemas``); in a source checkout they sit at the repository's top
level. Both layouts are found the same way."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The directory ``name`` (``prompts`` or ``schemas``), installed or in a checkout."""
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"data directory '{name}' is missing from the installation")


def prompts_dir() -> Path:
    return data_dir("prompts")


def schemas_dir() -> Path:
    return data_dir("schemas")


@cache
def load_schema(name: str) -> dict[str, Any]:
    """A JSON schema from ``schemas/`` by file name."""
    data: dict[str, Any] = json.loads((schemas_dir() / name).read_text(encoding="utf-8"))
    return data


def package_data(name: str) -> Path:
    """A file under ``summarize/data``."""
    return _PACKAGE_DIR / "data" / name
