"""``python -m rfm_cli`` and the ``rfm`` command (its entry point is :func:`main` here).

Importing the command line takes a second or two (pandas, the engine); Ctrl+C in that time
would show Python's traceback. So this module imports nothing heavy itself: :func:`main`
imports the command inside a guard, and an interrupt before the command's own handling
(:func:`rfm_cli.exit_status.run_guarded`) takes over ends with the same one line and status.

While the command imports, Ctrl+C is also noted by a handler of its own: an interrupt that
lands inside a compiled module's set-up can come out as another error (numpy reports an
``ImportError``) or be swallowed, and either way it still means "stop".
"""

import contextlib
import signal
import sys

#: As :data:`rfm_cli.exit_status.INTERRUPTED` and its line (not imported: that is the point).
INTERRUPTED = 130
INTERRUPTED_LINE = "error: interrupted"


def main() -> int:
    """Run ``rfm`` with the arguments of this process; Ctrl+C at any point gives status 130
    and one line on stderr."""
    pressed: list[int] = []

    def on_interrupt(signum: int, frame: object) -> None:
        pressed.append(signum)
        raise KeyboardInterrupt

    try:
        try:
            previous = _set_sigint(on_interrupt)
            try:
                from .main import main as run
            finally:
                _set_sigint(previous)
        except Exception:
            if pressed:  # Ctrl+C inside a compiled module's import, reported as its error
                return interrupted()
            raise
        if pressed:  # Ctrl+C that the import swallowed
            return interrupted()
        return run()
    except KeyboardInterrupt:
        return interrupted()


def interrupted() -> int:
    """The line and the status of an interrupted run."""
    with contextlib.suppress(OSError, KeyboardInterrupt):  # stderr gone, a second Ctrl+C
        print(INTERRUPTED_LINE, file=sys.stderr)
    return INTERRUPTED


def _set_sigint(handler):
    """Install ``handler`` for SIGINT where Python may (the main thread); the one replaced."""
    if handler is None:
        return None
    try:
        return signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread
        return None


if __name__ == "__main__":
    sys.exit(main())
