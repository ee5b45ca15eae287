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


class Parser(argparse.ArgumentParser):
    """argparse with the epilog printed as written, and a usage error as one line
    ``error: …`` with exit status 2."""

    def format_help(self) -> str:
        epilog, self.epilog = self.epilog, None
        try:
            text = super().format_help()
        finally:
            self.epilog = epilog
        return f"{text}\n{epilog}\n" if epilog else text

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"error: {message} (see '{self.prog} --help')\n")
