"""``summarize eval ...``: score summaries against gold records. (Being written: issue 4.)"""

from __future__ import annotations

import typer

eval_app = typer.Typer(
    help="Score summaries against hand-labelled gold records.", no_args_is_help=True
)


@eval_app.callback()
def _eval() -> None:
    """Score summaries against hand-labelled gold records."""
