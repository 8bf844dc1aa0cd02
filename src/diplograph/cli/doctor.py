"""``diplograph doctor``: check a store's health (the library's :func:`diplograph.doctor.check_store`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import EXIT_OK, EXIT_PARTIAL, count, events_label, handle_errors, include_planned_option, main
from .targets import open_target, target_options


@main.command()
@target_options()
@click.option("--limit", type=click.IntRange(0, 100_000), default=20, show_default=True,
              help="Problems listed per check (all are counted).")
@include_planned_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: the whole report, for scripts.")
@handle_errors
def doctor(store: Path | None, endpoint: str | None, timeout: float, limit: int, include_planned: bool,
           fmt: str) -> None:
    """Check a store: provenance and evidence of every fact, release nodes, shapes, derived facts,
    shared descriptions.

    Exit 0 healthy, 1 problems found (listed with counts), 2 the store cannot be opened. Every
    event is checked; the events and agreements it reports are counted as stats counts them.
    """
    from ..doctor import CHECKS, check_store

    with open_target(store=store, endpoint=endpoint, timeout=timeout) as target:
        report = check_store(target, include_planned=include_planned)
        where = target.describe()
    if fmt == "json":
        click.echo(json.dumps({"store": where, **report.to_json()}, ensure_ascii=False, indent=1))
        sys.exit(EXIT_OK if report.healthy else EXIT_PARTIAL)
    counts = report.counts()
    cur = report.curation  # warnings: a rule may wait for a release not ingested yet
    for rule, label in cur.stale[:limit]:
        click.echo(f"warning: curation rule {label} ({rule}) matches nothing in the store")
    for release in cur.outdated[:limit]:
        click.echo(f"warning: {release} was changed by a curation rule the store no longer keeps; ingest it again")
    if cur.rules or cur.outdated:
        click.echo(f"curation: {count(cur.rules, 'rule')}, {len(cur.stale)} matching nothing, "
                   f"{count(len(cur.outdated), 'release')} to ingest again")
    for check in CHECKS:
        found = [p for p in report.problems if p.check == check]
        for p in found[:limit]:
            click.echo(f"{check}: {p.node}: {p.message}")
        if len(found) > limit:
            click.echo(f"{check}: … and {len(found) - limit} more")
    figures = (f"{count(report.releases, 'release')} ({events_label(include_planned, report.events)} and "
               f"{count(report.agreements, 'agreement')}, as stats counts them), "
               f"{report.shared_triples} shared and {count(report.derived_triples, 'derived triple')} checked")
    if report.healthy:
        click.echo(f"{where}: healthy — {figures}; {count(report.warnings, 'shape warning')}")
        sys.exit(EXIT_OK)
    summary = ", ".join(f"{n} {check}" for check, n in counts.items() if n)
    click.echo(f"{where}: {count(len(report.problems), 'problem')} ({summary}) — {figures}; "
               f"{count(report.warnings, 'shape warning')}")
    sys.exit(EXIT_PARTIAL)
