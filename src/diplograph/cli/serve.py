"""``diplograph serve``: a local SPARQL endpoint with a query page and the network page."""

from __future__ import annotations

from pathlib import Path

import click

from . import _err, handle_errors, main
from .viz import graph_source, source_of


@main.command()
@graph_source
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the store to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update (the store is opened for writing).")
@click.option("--allow-service", is_flag=True, help="Accept SERVICE clauses (queries to other endpoints).")
@handle_errors
def serve(file: Path | None, store: Path | None, host: str, port: int, allow_update: bool,
          allow_service: bool) -> None:
    """Serve a store (or a graph FILE, in memory) as a SPARQL 1.1 endpoint at /sparql, with a query
    page at / (the shipped queries one click away) and the network page at /network.

    Read-only unless --allow-update. Stop with Ctrl-C.
    """
    from ..serve import create_app, open_for_serving, run

    db = open_for_serving(source_of(file, store), allow_update=allow_update)
    loopback = host in ("127.0.0.1", "localhost", "::1")
    # on loopback only local host names are accepted (DNS rebinding); elsewhere clients use any name
    app = create_app(db, allow_update=allow_update, allow_service=allow_service, hosts=None if loopback else ["*"])
    if not loopback:
        _err(f"warning: listening on {host}: anyone who can reach it can query the store")
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"serving {store or file} at http://{shown}:{port}/ (SPARQL endpoint /sparql, "
               f"{'updates allowed' if allow_update else 'read-only'}); Ctrl-C to stop")
    run(app, host=host, port=port)
