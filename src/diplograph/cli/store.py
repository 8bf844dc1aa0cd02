"""``diplograph ingest``, ``remove`` and ``stats``: the store, embedded or remote."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import (EXIT_FAILED, EXIT_INTERRUPTED, _err, count, debugging, events_label, handle_errors,
               include_planned_option, main)
from .targets import open_target, target_options


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@target_options(write=True)
@click.option("--allow-invalid", is_flag=True, help="Store releases whose graphs violate the shapes too.")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=50, show_default=True,
              help="Releases per transaction.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="Worker processes that read, extract and validate (default: one per core; 1: none).")
@click.option("--curation", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Analysts' corrections (a TOML curation file): kept in the store and applied to this and "
                   "every later ingest; releases stored before need ingesting again.")
@click.option("-v", "--verbose", is_flag=True, help="A line for each release stored.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@handle_errors
def ingest(inputs: tuple[Path, ...], store: Path | None, endpoint: str | None, update_url: str | None,
           gsp_url: str | None, upgrade: bool, timeout: float, allow_invalid: bool, batch_size: int,
           jobs: int | None, curation: Path | None, verbose: bool, quiet: bool) -> None:
    """Read releases (files, directories, .jsonl) and store them: one named graph each.

    A release already in the store is replaced (same id: a file's name without
    extension, a JSONL line's id); releases whose graphs violate the shapes are
    held back unless --allow-invalid. The store's curation rules (--curation, kept
    from an earlier ingest) correct every release stored. Each batch is one transaction: an
    interrupted ingest leaves every release it reported whole, and running it
    again completes it. Exit 0 all stored, 1 some failed or held back, 2 nothing
    could be stored.
    """
    from ..curation import load
    from ..ingest import Summary, release_items, use_curation
    from ..ingest import ingest as run_ingest
    from ..rdf import mapping
    from ..stats import totals

    summary = Summary()
    given = load(curation) if curation is not None else None  # a malformed file stops here, nothing written
    activity, activity_triples = mapping.activity_iri()
    with open_target(store=store, endpoint=endpoint, update_url=update_url, gsp_url=gsp_url, timeout=timeout,
                     write=True, upgrade=upgrade) as target:
        rules = use_curation(target, given)
        if rules and not quiet:
            _err(f"note: {count(len(rules.rules), 'curation rule')} applied"
                 + (" (kept in the store for later ingests)" if given is not None else " (kept in the store)"))
        try:
            items = release_items(inputs, activity, activity_triples, jobs=jobs, allow_invalid=allow_invalid,
                                  debug=debugging(), curation=rules)
            for event in run_ingest(target, items, activity=activity_triples,
                                    allow_invalid=allow_invalid, batch_size=batch_size):
                summary.add(event)
                _render(event, verbose=verbose, quiet=quiet)
        except KeyboardInterrupt:
            _err(f"interrupted: {count(summary['stored'] + summary['replaced'], 'release')} stored, each of them whole "
                 "and nothing half-written; run the same command again to finish")
            sys.exit(EXIT_INTERRUPTED)
        figures = totals(target) if not quiet else None
    if summary.exit_code == EXIT_FAILED and not summary["held"]:
        _err("error: no release could be stored")
    if figures is not None:
        click.echo(f"{target.describe()}: {summary['stored']} stored, {summary['replaced']} replaced, "
                   f"{summary['skipped']} skipped (same text), {summary['held']} held back (violations), "
                   f"{summary['failed']} failed; it holds {count(figures.releases, 'release')}, {count(figures.triples, 'triple')}")
    sys.exit(summary.exit_code)


def _render(event, *, verbose: bool, quiet: bool) -> None:
    if event.kind == "failed":
        _err(f"error: {event.message}")
    elif event.kind == "held":
        _err(f"held back: {event.message}")
    elif event.kind in ("stored", "replaced", "removed"):
        if verbose and not quiet:
            click.echo(f"{event.kind} {event.release} ({event.message})")
        elif event.kind == "removed" and not quiet:
            _err(f"note: removed {event.release}: {event.message}")
    elif not quiet:  # notes, releases skipped as copies of others
        _err(f"note: {event.release}: {event.message}" if event.release else f"note: {event.message}")


@main.command()
@click.argument("releases", nargs=-1, required=True)
@target_options(write=True)
@handle_errors
def remove(releases: tuple[str, ...], store: Path | None, endpoint: str | None, update_url: str | None,
           gsp_url: str | None, upgrade: bool, timeout: float) -> None:
    """Take RELEASES out of the store, with everything only they supported.

    A release is named by its id (a file's name without extension, a JSONL id),
    its IRI or its source URL. Shared descriptions no other release needs go too;
    derived facts (latest statuses, dg:hasMoUWith) are recomputed. Exit 0 all
    removed, 1 some not found, 2 none found.
    """
    from ..ingest import Summary
    from ..ingest import remove as run_remove

    summary = Summary()
    with open_target(store=store, endpoint=endpoint, update_url=update_url, gsp_url=gsp_url, timeout=timeout,
                     write=True, upgrade=upgrade) as target:
        for event in run_remove(target, releases):
            summary.add(event)
            if event.kind == "missing":
                _err(f"error: {event.message}")
            else:
                click.echo(f"removed {event.release}")
    sys.exit(summary.exit_code)


@main.command("stats")
@target_options()
@click.option("--top", type=click.IntRange(0, 1000), default=10, show_default=True,
              help="How many country pairs to list.")
@include_planned_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def stats_command(store: Path | None, endpoint: str | None, timeout: float, top: int, include_planned: bool,
                  fmt: str) -> None:
    """What the store holds: releases, triples, events by type and year, top country pairs.

    Events are counted as the README's "What is counted" says: held ones, each once.
    """
    from rich.console import Console
    from rich.table import Table

    from ..stats import stats

    with open_target(store=store, endpoint=endpoint, timeout=timeout) as target:
        figures = stats(target, top=top, include_planned=include_planned)
        where = target.describe()
    if fmt == "json":
        click.echo(json.dumps(figures.to_json(), ensure_ascii=False, indent=1))
        return
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    console.print(f"{where}: {count(figures.releases, 'release')}, {count(figures.triples, 'triple')} "
                  f"({figures.release_triples} in release graphs, {figures.shared_triples} shared, "
                  f"{figures.derived_triples} derived); {events_label(include_planned, figures.events)}, "
                  f"{count(figures.agreements, 'agreement')}, {count(figures.people, 'person', 'people')}")
    years = sorted({y for _, y, _ in figures.events_by_type_and_year}, key=lambda y: (y is None, y or 0))
    table = Table(title=f"{events_label(include_planned)} by type and year")
    table.add_column("type")
    for y in years:
        table.add_column(str(y) if y is not None else "undated", justify="right")
    counts = {(t, y): n for t, y, n in figures.events_by_type_and_year}
    for kind in sorted({t for t, _, _ in figures.events_by_type_and_year}):
        table.add_row(kind, *[str(counts.get((kind, y), "")) for y in years])
    console.print(table)
    if figures.top_country_pairs:
        pairs = Table(title="country pairs with the most meetings")
        for name, justify in (("country 1", "left"), ("country 2", "left"), ("meetings", "right")):
            pairs.add_column(name, justify=justify)
        for a, b, n in figures.top_country_pairs:
            pairs.add_row(a, b, str(n))
        console.print(pairs)
