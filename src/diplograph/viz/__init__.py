"""Pictures of the graph: an interactive page (.html) or a static figure (.svg, .png).

>>> from diplograph.viz import render
>>> render("dev.trig", "people.html")                              # doctest: +SKIP
>>> render("store/", "th.png", view="country:TH", since="2023")    # doctest: +SKIP
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ..errors import DiplographError, NothingToShow
from ..network import DateLike, load_facts
from ..network.data import Facts
from ..network.files import FILE_SUFFIXES, write_network
from ..network.source import GraphSource
from ..network.views import most_connected, parse_view, project
from .page import network_html
from .static import draw_network, layout

OUTPUTS = (".html", ".svg", ".png", *FILE_SUFFIXES)  # .gexf and .graphml: the network for Gephi and others
FIGURE_TOP = {"people": 60, "countries": 100}  # nodes of a static figure unless asked: what a page can name


@dataclass(frozen=True)
class Rendered:
    path: Path
    nodes: int
    edges: int
    of_nodes: int = 0  # nodes in the view before keeping the ``top`` ones (as many as ``nodes`` if all drawn)


def describe_filters(*, since: DateLike = None, until: DateLike = None, topic: str | None = None,
                     include_planned: bool = False) -> str:
    parts = []
    if since or until:
        parts.append(f"{since or '…'} to {until or '…'}")
    if topic:
        parts.append(f"topic: {topic}")
    if include_planned:
        parts.append("scheduled events included")
    return "; ".join(parts)


def title_for(view: str) -> str:
    kind, target = parse_view(view)
    return {"people": "Who met whom", "countries": "Country relations",
            "country": f"Relations of {target}", "person": f"Meetings of {target}"}[kind]


def render(source: GraphSource | Facts, out: Path | str, *, view: str = "people", since: DateLike = None,
           until: DateLike = None, topic: str | None = None, lang: str = "en", radius: int = 1,
           title: str | None = None, include_planned: bool = False, top: int | None = None) -> Rendered:
    """Draw one view of ``source`` into ``out``; its extension picks the output (.html, .svg, .png, or
    the network itself as .gexf or .graphml for Gephi and other tools).
    Held meetings are drawn (scheduled ones too with ``include_planned``), counted as ``partners``
    counts them. ``top`` keeps the nodes with the most distinct partners (an ego view's centre
    always): all of them on the page by default, ``FIGURE_TOP`` in a figure.

    Raises :class:`~diplograph.errors.NothingToShow` when the view is empty (nothing is written).
    """
    out = Path(out)
    if out.suffix.lower() not in OUTPUTS:
        raise DiplographError(f"{out}: unknown output (use {', '.join(OUTPUTS)})")
    kind, _ = parse_view(view)
    facts = load_facts(source, since=since, until=until, topic=topic, include_planned=include_planned)
    graph = project(facts, view, lang=lang, radius=radius)
    subtitle = describe_filters(since=since, until=until, topic=topic, include_planned=facts.include_planned)
    noun = "countries" if kind.startswith("countr") else "people"
    if graph.number_of_nodes() == 0:
        raise NothingToShow("nothing to draw: no meeting in this graph matches these filters"
                            + (f" ({subtitle})" if subtitle else ""))
    suffix = out.suffix.lower()
    static = suffix in (".svg", ".png")
    graph = most_connected(graph, top if top is not None or not static else FIGURE_TOP[noun],
                           keep=graph.graph.get("center"))
    title = title or title_for(view)
    if suffix in FILE_SUFFIXES:
        graph.graph.update(title=title, filters=subtitle, include_planned=facts.include_planned)
        write_network(graph, out)
    elif suffix == ".html":
        write_text_atomic(out, network_html(graph, facts, title=title, subtitle=subtitle, lang=lang))
    else:
        names = {iso: f"{info.name(lang)} ({iso})" for iso, info in facts.countries.items()}
        draw_network(graph, out, title=f"{title} — {subtitle}" if subtitle else title, lang=lang,
                     country_names=names, caption=figure_caption(graph, noun))
    return Rendered(out, graph.number_of_nodes(), graph.number_of_edges(), graph.graph["of_nodes"])


def figure_caption(graph: nx.Graph, noun: str) -> str:
    """What the sizes mean, and how much of the view is drawn."""
    shown, total = graph.number_of_nodes(), graph.graph.get("of_nodes", graph.number_of_nodes())
    partners = "countries" if noun == "countries" else "people"
    part = (f"The {shown} {noun} with the most partners, of {total:,}. " if shown < total else "")
    return (part + f"Circle: {partners} met; line: meetings"
            + ("; colour: bloc, or MoU status." if noun == "countries" else "; colour: state.")
            + (" Where labels would overlap, the less connected give way." if shown > 1 else ""))


def write_text_atomic(out: Path, text: str) -> None:
    """Write through a temporary file, so a reader never sees half a page."""
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a page is meant to be shared
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


__all__ = ["FIGURE_TOP", "OUTPUTS", "Rendered", "describe_filters", "draw_network", "figure_caption", "layout",
           "network_html", "render", "title_for", "write_text_atomic"]
