"""``diplograph network``: who is central, which countries form blocs, how partners changed."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import count, handle_errors, main
from .viz import filters, graph_source, source_of

if TYPE_CHECKING:
    from ..network import NetworkReport, PartnerChange, PersonMeetings


@main.command()
@graph_source
@filters
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="Rows per ranking.")
@click.option("--sort", type=click.Choice(["degree", "meetings", "betweenness"]), default="degree",
              show_default=True, help="Rank by distinct partners, meetings, or brokerage (betweenness).")
@click.option("--partners", "partners_of", metavar="ISO",
              help="Also compare this country's partners between --first and --second.")
@click.option("--first", "first", metavar="PERIOD", help="First period: 2020, 2019..2021, ..2021-06.")
@click.option("--second", "second", metavar="PERIOD", help="Second period, same forms.")
@click.option("--person", metavar="NAME",
              help="Also list whom this person met: a key or a name, whole or part, Thai or Latin script "
                   "(Prayut or Prayuth Chan-o-cha).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@handle_errors
def network(file: Path | None, store: Path | None, since: str | None, until: str | None, topic: str | None,
            include_planned: bool, top: int, sort: str, partners_of: str | None, first: str | None,
            second: str | None, person: str | None, fmt: str) -> None:
    """Network measures: the most connected people and countries, blocs of countries, partner changes.

    Meetings are counted as partners counts them (held ones; scheduled ones too with --include-planned).
    People are linked to those of other states they met, not to their own delegation. Nothing to
    measure is said, not printed as empty tables (exit 1).
    """
    from ..errors import NothingToShow
    from ..network import country_code, load_facts, measures, parse_period, partner_change, person_meetings

    if partners_of and not (first and second):
        raise click.UsageError("--partners needs --first and --second periods")
    partners_of = country_code(partners_of) if partners_of else None  # an unknown code fails before reading
    facts = load_facts(source_of(file, store), since=since, until=until, topic=topic,
                       include_planned=include_planned)
    report = measures(facts, top=top, sort=sort)
    if not report.people and not report.countries:
        raise NothingToShow("nothing to measure: no meeting in this graph matches these filters")
    change = partner_change(facts, partners_of, parse_period(first), parse_period(second)) \
        if partners_of and first and second else None
    met = person_meetings(facts, person) if person else None
    if fmt == "json":
        data = {"people": [asdict(r) for r in report.people], "countries": [asdict(r) for r in report.countries],
                "communities": report.communities}
        if change:
            data["partners"] = {"country": change.country, "first": [d and d.isoformat() for d in change.first],
                                "second": [d and d.isoformat() for d in change.second], "before": change.before,
                                "after": change.after, "gained": change.gained, "lost": change.lost,
                                "kept": change.kept}
        if met:
            data["person"] = asdict(met)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_tables(report, change, met, sort)


def _print_tables(report: NetworkReport, change: PartnerChange | None, met: PersonMeetings | None,
                  sort: str) -> None:
    from rich.console import Console
    from rich.table import Table

    from ..periods import describe

    console = Console()
    for title, rows in (("People", report.people), ("Countries", report.countries)):
        table = Table(title=f"{title}, by {sort}")
        for col in ("", "degree", "meetings", "betweenness"):
            table.add_column(col, justify="left" if not col else "right")
        for r in rows:
            table.add_row(f"{r.label} ({r.node})", str(r.degree), str(r.meetings), f"{r.betweenness:.3f}")
        console.print(table)
    table = Table(title="Blocs of countries that meet among themselves (Louvain, seed 42)")
    table.add_column("bloc", justify="right")
    table.add_column("countries")
    for i, bloc in enumerate(report.communities, 1):
        table.add_row(str(i), " ".join(bloc))
    console.print(table)
    if change:
        table = Table(title=f"Partners of {change.country}: {describe(change.first)} vs {describe(change.second)}")
        for col in ("partner", "first", "second", ""):
            table.add_column(col)
        for label, codes in (("gained", change.gained), ("lost", change.lost), ("kept", change.kept)):
            for code in codes:
                table.add_row(code, str(change.before.get(code, 0)), str(change.after.get(code, 0)), label)
        console.print(table)
    if met:
        where = f", {met.country}" if met.country else ""
        table = Table(title=f"Whom {met.label} ({met.node}{where}) met: {count(met.meetings, 'meeting')}, "
                            f"{count(len(met.counterparts), 'counterpart')}")
        for col in ("counterpart", "country", "meetings", "first", "last"):
            table.add_column(col, justify="right" if col == "meetings" else "left")
        for r in met.counterparts:
            table.add_row(f"{r.label} ({r.node})", r.country or "", str(r.meetings), r.first or "", r.last or "")
        console.print(table)
