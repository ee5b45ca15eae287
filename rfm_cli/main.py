"""``rfm``: RFM segments from a sales export, from the command line.

Each command lives in its own module with an ``add_…_command(commands)`` function and is
registered by one line in :data:`COMMANDS`. What every command shares is set up here:
``--json``, ``-q/--quiet``, ``-v/--verbose`` on each of them, the output policy
(:class:`rfm_cli.console.Console`), and the exit statuses (:mod:`rfm_cli.exit_status`):
expected problems print one line ``error: …`` on stderr and exit with status 3 (2 for usage),
nothing is written then, and earlier output stays as it was.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import signal
import sys
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path

from rfm_engine import __version__
from rfm_engine.notes import RfmWarning

from . import json_output
from .analyze import add_analyze_command
from .check import add_check_command
from .compare import add_compare_command
from .completion import add_completion_command
from .console import Console
from .exit_status import (
    BROKEN_PIPE,
    EXIT_CODES_HELP,
    closed_pipe,
    flush_stdout,
    prepare_streams,
    run_guarded,
)
from .export import add_export_command
from .help_text import Parser, examples
from .history import add_history_command
from .predict import add_predict_command
from .report_command import add_report_command
from .workspace import add_workspace_command

#: One line per command: ``add_…_command(commands)`` registers it on the sub-command parser.
COMMANDS = (
    add_analyze_command,
    add_predict_command,
    add_check_command,
    add_export_command,
    add_compare_command,
    add_workspace_command,
    add_history_command,
    add_report_command,
    add_completion_command,
)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="rfm",
        description="RFM customer segmentation for shop sales exports.",
        epilog=examples(
            ("rfm check orders.csv", "how the file is read and mapped, before any scoring"),
            ("rfm analyze orders.csv --out results/", "segments, written as CSV tables"),
            ("rfm export orders.csv --segments at_risk --out winback.csv", "a mailing list"),
            ("rfm compare orders.csv --days 90", "who moved between segments in 90 days"),
            ("rfm COMMAND --help", "the options and examples of one command"),
        )
        + "\n\nlanguage: --lang, else $RFM_LANG, else the system locale (zh_CN, zh_TW, else en)"
        + "\n\n"
        + EXIT_CODES_HELP,
    )
    parser.add_argument("--version", action="version", version=f"rfm {__version__}")
    add_output_flags(parser, default=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    commands.required = True
    for add_command in COMMANDS:
        add_command(commands)
    _add_output_flags_below(parser)
    return parser


def _add_output_flags_below(parser: argparse.ArgumentParser) -> None:
    """The shared flags on every sub-command, nested ones too (``rfm workspace add … --json``),
    unless a command brought its own."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                if "--json" not in sub._option_string_actions:
                    add_output_flags(sub, default=argparse.SUPPRESS)
                _add_output_flags_below(sub)


def add_output_flags(parser: argparse.ArgumentParser, *, default: object) -> None:
    """``--json``, ``-q``, ``-v``: before the command (``rfm --json analyze``) or after it.
    A sub-command's copies default to "not given" so that they do not undo the first ones."""
    group = parser.add_argument_group("output of the command line")
    group.add_argument(
        "--json",
        action="store_true",
        default=default,
        help="print one JSON object on stdout (summary, warnings, files written; see "
        "docs/cli-json.md) instead of text",
    )
    group.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=default,
        help="no progress on stderr (warnings, notes and errors still show)",
    )
    group.add_argument(
        "-v",
        "--verbose",
        action="count",
        default=default if default is argparse.SUPPRESS else 0,
        help="more detail on stderr: the columns chosen, the time of each stage",
    )


def library_warnings(caught: list[warnings.WarningMessage]) -> list[RfmWarning]:
    """Python warnings of the libraries underneath (a scipy integral that did not converge …)
    as one ``warning:`` line each, or in ``--json``'s warnings: never a multi-line dump."""
    seen: dict[str, RfmWarning] = {}
    for item in caught:
        category = item.category.__name__
        message = " ".join(str(item.message).split())
        seen.setdefault(
            f"{category}: {message}",
            RfmWarning(
                code="library_warning",
                message=f"{category}: {message}",
                stage="library",
                evidence={"category": category, "module": Path(item.filename).stem},
            ),
        )
    return list(seen.values())


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM unwinds like an interrupt, so temporary files are removed on the way out."""
    raise KeyboardInterrupt


def _on_sigterm(handler):
    """Install ``handler`` for SIGTERM (main thread only); return the one it replaces."""
    if handler is None or threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, handler)


def main(argv: Sequence[str] | None = None) -> int:
    prepare_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit:
        try:
            flush_stdout()  # `rfm --help | head`
        except BrokenPipeError:
            return closed_pipe()
        raise
    console = Console(json=args.json, quiet=args.quiet, verbose=args.verbose)
    args.console = console
    failure: list[tuple[str, BaseException | None]] = []

    def report(line: str, exc: BaseException | None) -> None:
        failure.append((line, exc))
        console.error(line)

    captured = io.StringIO()

    def run() -> int:
        with warnings.catch_warnings(record=True) as caught:
            try:
                if not console.json:
                    return args.handler(args)
                with contextlib.redirect_stdout(captured):  # a command that prints its own text
                    return args.handler(args)
            finally:
                console.warn(library_warnings(caught))

    previous = _on_sigterm(_terminated)
    try:
        code = run_guarded(run, report=report)
    finally:
        _on_sigterm(previous)
    console.end_progress()
    if console.json and code != BROKEN_PIPE:
        if captured.getvalue():
            console.set(text=captured.getvalue())
        error = json_output.error_object(*failure[-1], code) if failure else None
        if error is None and code:  # `rfm check` found problems: they are in the object
            error = json_output.error_object(f"{args.command}: problems found", None, code)
        data = json_output.envelope(args.command, console, exit_code=code, error=error)
        dumped = run_guarded(lambda: json_output.dump(data) or 0, report=report)
        code = dumped or code
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
