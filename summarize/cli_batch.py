"""``summarize batch ROOT``: many event folders at once. (Being written: issue 5.)"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def batch_command(
    root: Annotated[Path, typer.Argument(help="Folder whose subfolders are events.")],
) -> None:
    """Summarize every subfolder of ROOT (one event each)."""
    typer.echo("summarize: batch is not available yet", err=True)
    raise typer.Exit(1)
