"""Exit statuses of ``rfm``, and the one place that turns failures into them.

======  =====================================================================================
0       done
1       an unexpected failure (a bug: please report it; ``RFM_DEBUG=1`` shows the traceback)
2       usage: an unknown option, a missing or malformed argument (argparse)
3       the data or a setting cannot give an answer: unreadable or missing file, unknown
        column, no purchases left, a file locked by another program, ``rfm check`` problems
130     interrupted (Ctrl+C)
141     stdout was closed early (``rfm analyze | head``): the rest of the output is dropped
        quietly, as a Unix tool killed by SIGPIPE would be (128 + 13)
======  =====================================================================================
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
import traceback
from collections.abc import Callable

from rfm_engine import RfmError

from .error_text import error_line

OK = 0
INTERNAL = 1
USAGE = 2
DATA = 3
INTERRUPTED = 130
BROKEN_PIPE = 141

EXIT_CODES_HELP = """exit status:
  0    done
  1    unexpected failure (a bug; RFM_DEBUG=1 shows the traceback)
  2    usage: unknown option, missing or malformed argument
  3    data or setting problem: unreadable or locked file, unknown column, no purchases
       left, problems found by 'rfm check'
  130  interrupted (Ctrl+C)
  141  stdout closed early (e.g. '| head'); the rest of the output is dropped"""


def prepare_streams() -> None:
    """Text that the console's encoding cannot show (Chinese names on a cp1252 console) is
    replaced instead of ending the run with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and stream.errors == "strict":
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                reconfigure(errors="replace")


def run_guarded(
    command: Callable[[], int],
    *,
    report: Callable[[str, BaseException | None], None],
) -> int:
    """Run ``command``; map what it raises to an exit status and one line for ``report``.

    ``report(line, exc)`` prints the ``error:`` line (``line`` is empty for a closed pipe,
    which is not reported at all).
    """
    try:
        code = command() or OK
        flush_stdout()
        return code
    except BrokenPipeError:
        return closed_pipe()
    except RfmError as exc:
        report(error_line(exc), exc)
        return DATA
    except KeyboardInterrupt as exc:
        report("error: interrupted", exc)
        return INTERRUPTED
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            return closed_pipe()
        report(os_error_line(exc), exc)
        return DATA
    except Exception as exc:
        if os.environ.get("RFM_DEBUG"):
            traceback.print_exc()
        report(
            f"error: unexpected failure ({type(exc).__name__}: {exc}); "
            "set RFM_DEBUG=1 for details and please report it",
            exc,
        )
        return INTERNAL


def flush_stdout() -> None:
    """Flush now, so that a closed pipe shows up here and not at interpreter exit."""
    sys.stdout.flush()


def closed_pipe() -> int:
    """The reader went away: send the rest of stdout nowhere (Python would otherwise complain
    while flushing at exit) and stop quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):  # pragma: no cover - no real fd
        pass
    return BROKEN_PIPE


def os_error_line(exc: OSError) -> str:
    """One line for a file the system refuses (locked by Excel, no permission, a folder …)."""
    where = exc.filename or "a file"
    reason = exc.strerror or str(exc)
    if isinstance(exc, PermissionError):
        return (
            f"error: {where}: permission denied; if it is open in another program "
            "(such as Excel), close it there and try again"
        )
    return f"error: {where}: {reason}"
