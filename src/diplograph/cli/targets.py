"""The options every store command shares, written once: where the store is, and opening it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from ..errors import DiplographError
from . import _err


def target_options(*, data: bool = False, write: bool = False) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--store / --endpoint and --timeout; --update-url and --gsp-url for commands that write;
    --data for a command that can read a graph file instead."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        func = click.option("--timeout", type=click.FloatRange(1, 3600), default=60.0, show_default=True,
                            help="Seconds to wait for each request to a remote server.")(func)
        if write:
            func = click.option("--upgrade", is_flag=True,
                                help="Let Oxigraph convert a store written by an older version (pyoxigraph 0.3) "
                                     "to its current format, in place and for good: copy the folder first."
                                )(func)
            func = click.option("--gsp-url", metavar="URL",
                                help="The server's Graph Store Protocol URL (default: guessed from --endpoint)."
                                )(func)
            func = click.option("--update-url", metavar="URL",
                                help="The server's SPARQL Update URL (default: guessed from --endpoint).")(func)
        func = click.option("--endpoint", metavar="URL",
                            help="A SPARQL 1.1 server's query URL instead of the embedded store "
                                 "(or DIPLOGRAPH_ENDPOINT). Credentials: DIPLOGRAPH_USER and "
                                 "DIPLOGRAPH_PASSWORD, or ~/.config/diplograph/credentials.toml.")(func)
        if data:
            func = click.option("--data", type=click.Path(path_type=Path, exists=True, dir_okay=False),
                                help="An RDF file diplograph wrote (.trig .nq .ttl .jsonld), queried in memory.")(func)
        func = click.option("--store", type=click.Path(path_type=Path, file_okay=False), metavar="PATH",
                            help="The embedded store's directory (or DIPLOGRAPH_STORE).")(func)
        return func

    return decorate


@contextmanager
def open_target(*, store: Path | None, endpoint: str | None, update_url: str | None = None,
                gsp_url: str | None = None, timeout: float = 60.0, data: Path | None = None,
                data_option: bool = False, write: bool = False, upgrade: bool = False) -> Iterator[Any]:
    """The store the options name, opened for reading or writing, closed afterwards (``upgrade``:
    an embedded store in an older Oxigraph format may be converted, see EmbeddedStore.open)."""
    from ..remote import RemoteStore
    from ..store import EmbeddedStore

    given = [name for name, value in (("--store", store), ("--endpoint", endpoint), ("--data", data)) if value]
    if not given:
        if os.environ.get("DIPLOGRAPH_STORE"):
            store, given = Path(os.environ["DIPLOGRAPH_STORE"]), ["--store"]
        elif os.environ.get("DIPLOGRAPH_ENDPOINT"):
            endpoint, given = os.environ["DIPLOGRAPH_ENDPOINT"], ["--endpoint"]
    if len(given) != 1:
        choices = "--store PATH or --endpoint URL" + (" or --data FILE" if data_option else "")
        raise click.UsageError(f"give one of {choices}" + (f" (not {' and '.join(given)})" if given else ""))
    if upgrade and store is None:
        raise click.UsageError("--upgrade converts an embedded store (--store PATH); a server upgrades its own")
    if data is not None:
        target = EmbeddedStore.in_memory(data)
    elif store is not None:
        target = EmbeddedStore.open(store, write=write, upgrade=upgrade)
        if target.writer_pid:
            who = f"process {target.writer_pid}" if target.writer_pid > 0 else "another process"
            _err(f"note: {who} is writing {store}; you see the store as it was when this command started")
    else:
        target = RemoteStore.connect(endpoint, update_url, gsp_url, timeout=timeout)
    try:
        yield target
    except BaseException:
        try:
            target.close()
        except DiplographError:
            pass  # the error that ended the command is the one to report (a damaged store fails both)
        raise
    target.close()
