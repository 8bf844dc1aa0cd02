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

from ..errors import DiplographError
from ..network import DateLike, load_facts
from ..network.data import Facts
from ..network.files import FILE_SUFFIXES, write_network
from ..network.source import GraphSource
from ..network.views import parse_view, project
from .page import network_html
from .static import draw_network, layout

OUTPUTS = (".html", ".svg", ".png", *FILE_SUFFIXES)  # .gexf and .graphml: the network for Gephi and others


@dataclass(frozen=True)
class Rendered:
    path: Path
    nodes: int
    edges: int


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
           title: str | None = None, include_planned: bool = False) -> Rendered:
    """Draw one view of ``source`` into ``out``; its extension picks the output (.html, .svg, .png, or
    the network itself as .gexf or .graphml for Gephi and other tools).
    Held meetings are drawn (scheduled ones too with ``include_planned``), counted as ``partners``
    counts them."""
    out = Path(out)
    if out.suffix.lower() not in OUTPUTS:
        raise DiplographError(f"{out}: unknown output (use {', '.join(OUTPUTS)})")
    parse_view(view)
    facts = load_facts(source, since=since, until=until, topic=topic, include_planned=include_planned)
    graph = project(facts, view, lang=lang, radius=radius)
    title = title or title_for(view)
    subtitle = describe_filters(since=since, until=until, topic=topic, include_planned=facts.include_planned)
    if out.suffix.lower() in FILE_SUFFIXES:
        graph.graph.update(title=title, filters=subtitle, include_planned=facts.include_planned)
        write_network(graph, out)
    elif out.suffix.lower() == ".html":
        write_text_atomic(out, network_html(graph, facts, title=title, subtitle=subtitle, lang=lang))
    else:
        names = {iso: f"{info.name(lang)} ({iso})" for iso, info in facts.countries.items()}
        draw_network(graph, out, title=f"{title} — {subtitle}" if subtitle else title, lang=lang,
                     country_names=names)
    return Rendered(out, graph.number_of_nodes(), graph.number_of_edges())


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


__all__ = ["OUTPUTS", "Rendered", "describe_filters", "draw_network", "layout", "network_html",
           "render", "title_for", "write_text_atomic"]
