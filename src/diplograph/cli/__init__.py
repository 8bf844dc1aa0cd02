"""The ``diplograph`` command: a thin layer that parses options, calls the library, renders results.

Exit codes: 0 all good; 1 some inputs failed or the graph violates the shapes;
2 nothing could be done; 130 interrupted (Ctrl-C). Errors are one line on
standard error; a Python traceback only with ``--debug`` — also for a bug
(an unexpected exception), which is reported as ``internal error`` in one line.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..errors import DiplographError, NothingToShow
from ..wording import count

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader went away (``diplograph query … | head``)

_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029]+\s*")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def one_line(message: str) -> str:
    """The message on one line: line breaks (a server's multi-line answer) become spaces and other
    control characters (from a file name) escapes, so every error stays one line on a terminal."""
    message = _LINE_BREAKS.sub(" ", message.strip())
    return _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), message)


def _err(message: str) -> None:
    click.echo(one_line(message), err=True)


def debugging() -> bool:
    """Whether ``--debug`` was given (tracebacks wanted)."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().params.get("debug", False))


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Every way a command can fail, as one line and an exit code; tracebacks only with --debug.

    diplograph's own errors and OS errors (a full disk, a missing file) are exit 2, except an
    empty selection (:class:`~diplograph.errors.NothingToShow`: valid, but nothing to draw), exit 1;
    any other exception is a bug, shown as ``error: internal error (…)``, exit 2;
    Ctrl-C is exit 130; a closed pipe on standard output ends quietly (141).
    click's own exceptions (usage errors, ``--help``) pass through to click.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = debugging()
        try:
            return func(*args, **kwargs)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(EXIT_BROKEN_PIPE)
        except KeyboardInterrupt:
            if debug:
                raise
            _err("interrupted: stopped before the end; files are written whole or not at all")
            sys.exit(EXIT_INTERRUPTED)
        except NothingToShow as exc:
            if debug:
                raise
            _err(str(exc))
            sys.exit(EXIT_PARTIAL)
        except (DiplographError, OSError, ValueError) as exc:
            if debug:
                raise
            _err(f"error: {exc}")
            sys.exit(EXIT_FAILED)
        except Exception as exc:  # noqa: BLE001 — the last net: a bug must not print a traceback
            if debug:
                raise
            detail = f": {exc}" if str(exc) else ""
            _err(f"error: internal error ({type(exc).__name__}{detail}); this is a bug in diplograph — "
                 "run again with --debug for the traceback and report it")
            sys.exit(EXIT_FAILED)

    return wrapper


def _silence_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so Python's own flush at exit stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@contextmanager
def atomic_path(out: Path) -> Iterator[Path]:
    """A temporary path beside ``out`` (same extension) that becomes ``out`` only if the block succeeds.

    For writers that take a file name (matplotlib's ``savefig``): a crash or Ctrl-C
    while writing leaves any previous ``out`` untouched and no partial file.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=out.suffix, dir=out.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def include_planned_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--include-planned``, written once for every command that counts events (README: What is counted)."""
    return click.option("--include-planned", is_flag=True,
                        help="Count scheduled events too (by default only held ones count; postponed and "
                             "cancelled ones never do).")(func)


class DateParam(click.ParamType):
    """A date option in the one syntax of every command (:mod:`diplograph.periods`): ``2024``,
    ``2024-03`` or ``2024-03-05``; a year or month as an end (``--until``) means its last day."""

    name = "date"

    def __init__(self, *, end: bool = False) -> None:
        self.end = end

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "YYYY[-MM[-DD]]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from ..periods import parse_date

        if value is None or isinstance(value, dt.date):
            return value
        try:
            return parse_date(str(value), end=self.end)
        except DiplographError as exc:
            self.fail(str(exc), param, ctx)


SINCE, UNTIL = DateParam(), DateParam(end=True)


def events_label(include_planned: bool, n: int | None = None) -> str:
    """What an events figure counts, said next to it (with ``n``: the figure too, ``1 held event``)."""
    noun = "held and scheduled event" if include_planned else "held event"
    return count(n, noun) if n is not None else noun + "s"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="diplograph")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
def main(debug: bool) -> None:
    """Turn diplomatic press releases into a knowledge graph of who met whom."""


# Each module registers its commands on ``main``; imported last so they can import ``main``.
from . import build as _build  # noqa: E402,F401
from . import collect as _collect  # noqa: E402,F401
from . import doctor as _doctor  # noqa: E402,F401
from . import network as _network  # noqa: E402,F401
from . import query as _query  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401
from . import store as _store  # noqa: E402,F401
from . import viz as _viz  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    main()
