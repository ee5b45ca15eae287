"""``rfm completion bash|zsh|tcsh``: a shell completion script for ``rfm`` (made by shtab from
the same parser, so it never lags behind the options)."""

from __future__ import annotations

import argparse

from rfm_engine import ConfigError

from .console import Console
from .help_text import examples

SHELLS = ("bash", "zsh", "tcsh")
#: Options that name a file or folder complete paths.
PATH_METAVARS = ("INPUT", "FILE.json", "NAME|FILE.json", "PATH", "PATH.xlsx", "DIR")


def add_completion_command(commands: argparse._SubParsersAction) -> None:
    cmd = commands.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or tcsh)",
        description="Print a script that completes rfm's commands, options and file names in "
        "your shell. Needs shtab (pip install shtab, or rfm-segments[cli]).",
        epilog=examples(
            ('eval "$(rfm completion bash)"', "in ~/.bashrc: complete rfm in bash"),
            (
                "rfm completion zsh > ~/.zfunc/_rfm",
                "zsh: a file in a folder of $fpath (then: autoload -U compinit && compinit)",
            ),
        ),
    )
    cmd.add_argument("shell", choices=SHELLS)
    cmd.set_defaults(handler=run_completion)


def run_completion(args: argparse.Namespace) -> int:
    try:
        import shtab
    except ImportError:
        raise ConfigError(
            "shell completion needs shtab: pip install shtab (or rfm-segments[cli])",
            code="shtab_missing",
        ) from None
    from .main import build_parser

    parser = build_parser()
    _complete_paths(parser, shtab)
    script = shtab.complete(parser, shell=args.shell)
    console = Console.of(args)
    console.set(shell=args.shell, script=script)
    console.out(script.rstrip("\n"))
    return 0


def _complete_paths(parser: argparse.ArgumentParser, shtab) -> None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                _complete_paths(sub, shtab)
        elif action.metavar in PATH_METAVARS:
            action.complete = shtab.DIRECTORY if action.metavar == "DIR" else shtab.FILE
