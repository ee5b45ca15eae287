"""``python -m rfm_cli`` and the ``rfm`` command (its entry point is :func:`main` here).

Importing the command line takes a second or two (pandas, the engine); Ctrl+C in that time
would show Python's traceback. So this module imports nothing heavy itself: :func:`main`
imports the command inside a guard, and an interrupt before the command's own handling
(:func:`rfm_cli.exit_status.run_guarded`) takes over ends with the same one line and status.
"""

import contextlib
import sys

#: As :data:`rfm_cli.exit_status.INTERRUPTED` and its line (not imported: that is the point).
INTERRUPTED = 130
INTERRUPTED_LINE = "error: interrupted"


def main() -> int:
    """Run ``rfm`` with the arguments of this process; Ctrl+C at any point gives status 130
    and one line on stderr."""
    try:
        from .main import main as run

        return run()
    except KeyboardInterrupt:
        with contextlib.suppress(OSError, KeyboardInterrupt):  # stderr gone, a second Ctrl+C
            print(INTERRUPTED_LINE, file=sys.stderr)
        return INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
