"""The ``summarize`` command line. Data goes to stdout, messages to stderr.

Exit codes: 0 ok, 1 runtime error, 2 usage or input error, 3 eval threshold missed.

``options`` declares every shared option and helper once; ``commands`` holds
``run``/``check``/``schema``/``version``, ``batch`` and ``eval`` their groups.
Only this module puts them together, so none of them imports another command."""

from __future__ import annotations

import sys

import typer

from summarize.cli.batch import batch_command
from summarize.cli.commands import check, run, schema, version
from summarize.cli.eval import eval_app
from summarize.errors import EXIT_USAGE

app = typer.Typer(
    name="summarize",
    help="Neutral, attributed event summaries from folders of news articles.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    # Plain help: the rich renderer shows every flag as taking a <bool> value.
    rich_markup_mode=None,
)
app.command("run")(run)
app.command("check")(check)
app.command("schema")(schema)
app.command("version")(version)
app.command("batch")(batch_command)
app.add_typer(eval_app, name="eval")

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point."""
    try:
        app()
    except SystemExit as exc:
        code = exc.code
        if isinstance(code, int) and code not in (0, 1, 2, 3, 130):
            sys.exit(EXIT_USAGE)
        raise
