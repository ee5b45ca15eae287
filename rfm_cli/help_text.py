"""Help text shared by the commands: worked examples, kept as written (argparse would re-wrap
them into one paragraph)."""

from __future__ import annotations

import argparse


def examples(*items: tuple[str, str]) -> str:
    """An ``examples:`` block for a parser's epilog: each command line, then what it does."""
    lines = ["examples:"]
    for command, what in items:
        lines.append(f"  {command}")
        lines.append(f"      {what}")
    return "\n".join(lines)


#: Above this many options, usage is one short line instead of every option in brackets.
SHORT_USAGE_OPTIONS = 12


class Parser(argparse.ArgumentParser):
    """argparse with the epilog printed as written, and a usage error as one line
    ``error: …`` with exit status 2."""

    def format_help(self) -> str:
        epilog, self.epilog = self.epilog, None
        usage = self.usage
        if usage is None and len(self._actions) > SHORT_USAGE_OPTIONS:
            self.usage = self.short_usage()
        try:
            text = super().format_help()
        finally:
            self.epilog, self.usage = epilog, usage
        return f"{text}\n{epilog}\n" if epilog else text

    def short_usage(self) -> str:
        """``rfm analyze [options] [INPUT ...]``: the options are listed below anyway."""
        formatter = self._get_formatter()
        args = [
            formatter._format_args(a, a.metavar or a.dest) for a in self._get_positional_actions()
        ]
        return " ".join(["%(prog)s", "[options]", *args])

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"error: {message} (see '{self.prog} --help')\n")
