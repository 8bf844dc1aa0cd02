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
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update by POST, from the query page or with the update token "
                   "(the store is opened for writing).")
@click.option("--update-token", metavar="TOKEN",
              help="The token a client without an Origin header sends (Authorization: Bearer TOKEN) to update; "
                   "default: a random one, printed at start-up.")
@click.option("--allow-service", is_flag=True,
              help="Accept SERVICE and LOAD (requests to other hosts on a query's behalf).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds a query may take, waiting included; then it is stopped.")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Queries run at once, each in a process of its own.")
@click.option("--max-waiting", default=128, show_default=True, type=click.IntRange(0),
              help="Queries that may wait for a worker; more are turned away with 503.")
@click.option("--max-result-mb", default=256, show_default=True, type=click.IntRange(1),
              help="Largest result sent, in MB; a larger one is cut off.")
@handle_errors
def serve(file: Path | None, store: Path | None, host: str, port: int, allow_update: bool,
          update_token: str | None, allow_service: bool, timeout: float, workers: int, max_waiting: int,
          max_result_mb: int) -> None:
    """Serve a store (or a graph FILE) as a SPARQL 1.1 endpoint at /sparql, with a query
    page at / (the shipped queries one click away) and the network page at /network.

    Read-only unless --allow-update; no request to other hosts unless --allow-service.
    Stop with Ctrl-C.
    """
    from ..query_pool import ServeLimits
    from ..serve import create_app, open_for_serving, run

    served = open_for_serving(source_of(file, store), allow_update=allow_update)
    loopback = host in ("127.0.0.1", "localhost", "::1")
    limits = ServeLimits(timeout=timeout, workers=workers, waiting=max_waiting,
                         max_result_bytes=max_result_mb * 2**20)
    # on loopback only local host names are accepted (DNS rebinding); elsewhere clients use any name
    app = create_app(served, allow_update=allow_update, allow_service=allow_service,
                     hosts=None if loopback else ["*"], limits=limits, update_token=update_token)
    if not loopback:
        _err(f"warning: listening on {host}: anyone who can reach it can query the store")
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"serving {store or file} at http://{shown}:{port}/ (SPARQL endpoint /sparql, "
               f"{'updates allowed' if allow_update else 'read-only'}); Ctrl-C to stop")
    if allow_update and not update_token:
        click.echo(f"update token (for clients without an Origin header): {app.state.update_token}")
    run(app, host=host, port=port)
