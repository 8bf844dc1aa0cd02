"""``diplograph query``, ``queries`` and ``export``: reading a store."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from . import SINCE, UNTIL, _err, count, handle_errors, include_planned_option, main
from .targets import open_target, target_options


@main.command()
@click.argument("name", required=False, metavar="NAME|FILE.rq")
@click.option("--sparql", metavar="QUERY", help="An ad-hoc SELECT or ASK query instead of NAME.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query (see diplograph queries); repeat for more.")
@include_planned_option
@target_options(data=True)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="json is the W3C SPARQL 1.1 Query Results JSON format, alone on stdout.")
@handle_errors
def query(name: str | None, sparql: str | None, params: tuple[str, ...], include_planned: bool,
          store: Path | None, data: Path | None, endpoint: str | None, timeout: float, fmt: str) -> None:
    """Run a shipped query (NAME), a .rq file or --sparql on a store, a server or a graph file.

    Parameters are checked and bound as RDF terms: a country is an ISO code
    (TH), a date 2024, 2024-03 or 2024-03-05, a person an IRI or a name (diplograph queries
    lists them). Example:

    \b
        diplograph query meetings-between -p country1=TH -p country2=SG \\
            --store out/store
    """
    from .. import queries
    from ..errors import QueryError
    from ..results import write

    if (name is None) == (sparql is None):
        raise click.UsageError("give a query NAME (or FILE.rq), or --sparql QUERY")
    chosen = queries.adhoc(sparql) if sparql is not None else queries.load(name)
    values: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {item!r}: write NAME=VALUE")
        if key.strip() in values:
            raise QueryError(f"--param {key.strip()} given twice")
        values[key.strip()] = value
    if include_planned:  # the same as -p include_planned=yes, for the queries that count events
        if chosen.param("include_planned") is None:
            raise QueryError(f"{chosen.name}: --include-planned is for queries that count events "
                             "(it has no include_planned parameter)")
        values.setdefault("include_planned", "yes")
    with open_target(store=store, endpoint=endpoint, timeout=timeout, data=data, data_option=True) as target:
        results = queries.run(target, chosen, values)
    if fmt != "table":
        write(results, fmt, sys.stdout)
        return
    _table(results)


def _table(results) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..results import display

    console = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
    if results.boolean is not None:
        console.print("yes" if results.boolean else "no")
        return
    table = Table(show_lines=False)
    for var in results.vars:
        table.add_column(var, overflow="fold")
    for row in results.rows:
        table.add_row(*[display(t) for t in row])
    console.print(table)
    _err(count(len(results.rows), "row"))


@main.command("queries")
@click.argument("name", required=False)
@handle_errors
def list_queries(name: str | None) -> None:
    """List the shipped queries with their parameters and columns (NAME: show one, with its SPARQL)."""
    import textwrap

    from .. import queries
    from ..queries import PARAM_TYPES

    chosen = [queries.load(name)] if name else list(queries.shipped().values())
    for q in chosen:
        click.echo(f"{q.name}: {q.title}")
        if q.description:
            click.echo(textwrap.fill(q.description, width=100, initial_indent="    ", subsequent_indent="    "))
        for p in q.params:
            need = "required" if p.required else "optional"
            click.echo(f"    --param {p.name}={p.type.upper()}  ({need}) {p.description or PARAM_TYPES[p.type]}")
        if q.columns:
            click.echo(f"    columns: {', '.join(q.columns)}")
        if name:
            click.echo("")
            click.echo(q.text.rstrip())


@main.command()
@target_options()
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Output file; its extension picks the format: .ttl .trig .nq .jsonld .csv "
                   "(with --table: .csv .tsv .parquet)")
@click.option("--table", type=click.Choice(["events", "dyads", "agreements"]),
              help="An analyst table instead of the graph: events by pair of states, the dyad-period panel, "
                   "agreements (codebook: docs/datasets.md).")
@click.option("--by", type=click.Choice(["year", "quarter", "month"]), default="year", show_default=True,
              help="--table dyads: the period of each row.")
@click.option("--complete", is_flag=True, help="--table dyads: zero rows for every period between a pair's "
                                                "first and last contact.")
@click.option("--include-planned", is_flag=True, help="--table dyads: count scheduled events too (default: held "
                                                       "events only; postponed and cancelled never count).")
@click.option("--release", "releases", multiple=True, metavar="ID",
              help="Only this release (id, IRI or URL); repeat for more.")
@click.option("--since", type=SINCE, help="Only releases issued on or after this date (with --table: rows "
                                          "dated on or after it); 2024 is its first day.")
@click.option("--until", type=UNTIL, help="--table: only rows dated on or before this date; 2024 is its last day.")
@click.option("--country", "countries", multiple=True, metavar="CODE",
              help="--table: only rows with this country (ISO alpha-2 or alpha-3); repeat for more.")
@handle_errors
def export(store: Path | None, endpoint: str | None, timeout: float, out: Path, table: str | None, by: str,
           complete: bool, include_planned: bool, releases: tuple[str, ...], since: dt.date | None,
           until: dt.date | None, countries: tuple[str, ...]) -> None:
    """Write the store, some of its releases, or an analyst table to a file (written whole or not at all).

    .trig and .nq keep one named graph per release; .ttl merges them; .jsonld
    carries a context; .csv is one row per event (date, type, countries,
    participants, topics, sources) for spreadsheets. --table writes a dataset
    for pandas, R or Stata with ISO alpha-3, COW, CAMEO and PLOVER codes:

    \b
        diplograph export --store out/store --table events -o events.parquet
        diplograph export --store out/store --table dyads --by quarter --complete -o panel.csv
    """
    from ..export import export as run_export

    if table is None:
        given = [name for name, value in (("--until", until), ("--country", countries), ("--complete", complete),
                                          ("--include-planned", include_planned), ("--by", by != "year")) if value]
        if given:
            raise click.UsageError(f"{', '.join(given)}: only with --table")
    elif releases:
        raise click.UsageError("--release: not with --table (use --since, --until, --country)")
    with open_target(store=store, endpoint=endpoint, timeout=timeout) as target:
        if table is not None:
            from .. import tables

            result = tables.table(target, table, by=by, include_planned=include_planned, complete=complete,
                                  since=since, until=until,
                                  country=countries)
            tables.write(result, out)
            click.echo(f"wrote {out}: {count(len(result.rows), 'row')} ({table} table; columns explained in "
                       "docs/datasets.md)")
            for note in result.notes:
                _err(f"note: {note}")
            sys.exit(0)
        summary = run_export(target, out, releases=releases, since=since)
    rows = f", {count(summary.rows, 'event')}" if out.suffix.lower() == ".csv" else ""
    click.echo(f"wrote {out}: {count(summary.releases, 'release')}, {count(summary.quads, 'quad')}{rows}")
    if not summary.releases:
        _err("note: no release matched; the file holds no release")
    sys.exit(0)
