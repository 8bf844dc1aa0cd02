"""The ``diplograph`` command: a thin layer that parses options, calls the library, renders results.

Exit codes: 0 all good; 1 some inputs failed or the graph violates the shapes;
2 nothing could be done. Errors are one line on standard error; a Python
traceback only with ``--debug``.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..errors import DiplographError

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


def _err(message: str) -> None:
    click.echo(message, err=True)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn diplograph's errors into one line and exit code 2; tracebacks only with --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return func(*args, **kwargs)
        except DiplographError as exc:
            if debug:
                raise
            _err(f"error: {exc}")
            sys.exit(EXIT_FAILED)
        except (OSError, ValueError) as exc:
            if debug:
                raise
            _err(f"error: {exc}")
            sys.exit(EXIT_FAILED)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="diplograph")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
def main(debug: bool) -> None:
    """Turn diplomatic press releases into a knowledge graph of who met whom."""


# Each module registers its commands on ``main``; imported last so they can import ``main``.
from . import build as _build  # noqa: E402,F401
from . import query as _query  # noqa: E402,F401
from . import store as _store  # noqa: E402,F401
from . import viz as _viz  # noqa: E402,F401
from . import network as _network  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    main()
