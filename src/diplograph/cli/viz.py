"""``diplograph viz`` and ``diplograph timeline``: pictures of a graph file or a store.

Both read either a graph FILE (TriG, N-Quads, Turtle …) or ``--store PATH`` (an
embedded store, opened read-only), and share the filter options written once
below.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import click

from . import _err, atomic_path, count, handle_errors, include_planned_option, main


def graph_source(func: Callable[..., Any]) -> Callable[..., Any]:
    """FILE argument or --store PATH: where the graph comes from."""
    func = click.option("--store", "store", type=click.Path(path_type=Path, exists=True, file_okay=False),
                        help="An embedded store directory instead of FILE (or DIPLOGRAPH_STORE); "
                        "only read, unless serve --allow-update.")(func)
    return click.argument("file", required=False,
                          type=click.Path(path_type=Path, exists=True, dir_okay=False))(func)


def filters(func: Callable[..., Any]) -> Callable[..., Any]:
    """--since, --until, --topic, --include-planned: which events count."""
    func = include_planned_option(func)
    func = click.option("--topic", help="Only events (and agreements) on this topic or a narrower one: "
                        "its notation (tourism) or label.")(func)
    func = click.option("--until", help="Only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")(func)
    return click.option("--since", help="Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")(func)


def source_of(file: Path | None, store: Path | None) -> Path:
    """FILE, or --store PATH, or else the store DIPLOGRAPH_STORE names (as the store commands do)."""
    if file is not None and store is not None:
        raise click.UsageError("give either a graph FILE or --store PATH, not both")
    if file is None and store is None and os.environ.get("DIPLOGRAPH_STORE"):
        store = Path(os.environ["DIPLOGRAPH_STORE"])
    if file is None and store is None:
        raise click.UsageError("give either a graph FILE or --store PATH (or set DIPLOGRAPH_STORE)")
    return store if store is not None else file  # type: ignore[return-value]


def echo_warnings(caught: list[warnings.WarningMessage]) -> None:
    for w in caught:
        _err(f"warning: {w.message}")


@contextmanager
def _written(out: Path) -> Iterator[Path]:
    """Where to draw ``out``: .svg/.png through a temporary file renamed at the end (matplotlib
    writes the file name it is given as it goes); .html pages are written atomically already."""
    with atomic_path(out) if out.suffix.lower() in (".svg", ".png") else nullcontext(out) as target:
        yield target


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024:.0f} KiB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MiB"


@main.command()
@graph_source
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="Output file: .html (interactive, works offline), .svg or .png; .gexf or .graphml: the "
                   "network itself, for Gephi, Cytoscape or networkx.")
@click.option("--view", default="people", show_default=True,
              help="people, countries, country:ISO (e.g. country:TH) or person:KEY (key or name).")
@filters
@click.option("--radius", default=1, show_default=True, type=click.IntRange(1, 5),
              help="Steps from the centre of a country:/person: view.")
@click.option("--top", type=click.IntRange(1), metavar="N",
              help="Draw only the N people (or countries) with the most distinct partners "
                   "[default: all on the .html page; 60 people or 100 countries in a figure].")
@click.option("--lang", type=click.Choice(["en", "th"]), default="en", show_default=True, help="Language of labels.")
@click.option("--title", help="Title of the picture.")
@handle_errors
def viz(file: Path | None, store: Path | None, out: Path, view: str, since: str | None, until: str | None,
        topic: str | None, include_planned: bool, radius: int, top: int | None, lang: str, title: str | None) -> None:
    """Draw who met whom (or country relations) from a graph FILE or --store PATH.

    The HTML page is interactive: zoom, drag, search, hover for a name, position
    and country, click a link for the meetings with their dates, topics, evidence
    sentences and source releases. SVG and PNG are static figures with a
    repeatable layout: circle size = distinct partners, line width = meetings,
    labels where they fit (the most connected first). People are linked when they
    met someone of another state, not to their own delegation. An empty view is
    said, not drawn (exit 1). GEXF and GraphML files hold the network itself
    (nodes and edges with their attributes) for Gephi, Cytoscape or networkx.
    """
    from ..viz import render

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with _written(out) as target:
            result = render(source_of(file, store), target, view=view, since=since, until=until, topic=topic,
                            lang=lang, radius=radius, title=title, include_planned=include_planned, top=top)
    echo_warnings(caught)
    drawn = count(result.nodes, "node") if result.nodes == result.of_nodes else \
        f"{result.nodes} of {count(result.of_nodes, 'node')} (the most connected; --top N for more)"
    click.echo(f"wrote {out}: {drawn}, {count(result.edges, 'edge')} ({_size(out)})")


@main.command()
@graph_source
@click.option("--country", required=True, help="ISO code of the country, e.g. TH.")
@click.option("--partner", help="ISO code of a partner: only events and agreements involving both.")
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="Output file: .png, .svg or .html (figure and tables, works offline).")
@click.option("--by", type=click.Choice(["month", "year"]),
              help="Period of the bars [default: month when the events span at most three years, else year].")
@filters
@handle_errors
def timeline(file: Path | None, store: Path | None, country: str, partner: str | None, out: Path,
             by: str | None, since: str | None, until: str | None, topic: str | None, include_planned: bool) -> None:
    """Meetings per month or year by type between COUNTRY (and PARTNER), agreements' status changes marked.

    Meetings are counted as partners and network count them (held ones; scheduled ones too with
    --include-planned); every period from --since to --until is shown, empty or not.
    """
    from ..timeline import render_timeline

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with _written(out) as target:
            tl = render_timeline(source_of(file, store), target, country, partner=partner,
                                 by=by, since=since, until=until, topic=topic,  # type: ignore[arg-type]
                                 include_planned=include_planned)
    echo_warnings(caught)
    events = sum(sum(c.values()) for _, c in tl.bins)
    click.echo(f"wrote {out}: {count(events, 'meeting')} in {count(len(tl.bins), tl.by)}, "
               f"{count(len(tl.changes), 'status change')}"
               + (f", {count(tl.undated, 'undated meeting')} left out" if tl.undated else ""))
