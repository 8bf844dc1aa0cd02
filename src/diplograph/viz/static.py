"""Static network figures (SVG, PNG) for reports, drawn with matplotlib.

What makes them read: a node's size is its number of distinct partners (its
degree), an edge's width its number of meetings; labels are placed by
:mod:`.labels` — inside the axes, never overlapping, the most connected people
first — so a label that would collide is left out rather than drawn over
another. A large network is reduced before it gets here (``render(top=…)``):
a figure of three thousand people is a grey blot whatever the layout.

The layout is seeded (Kamada-Kawai, or a seeded spring layout for a very large
component, over nodes in sorted order), so the same graph gives the same picture
on every run, and SVG output carries no date and fixed element ids, so a figure
in version control only changes when the graph does. Labels use a Thai-capable
font (see :mod:`.fonts`).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import DiplographError
from ..network.measures import communities
from .fonts import font_families
from .labels import Candidate, fit_limits, label_sizes, place_labels, shorten
from .style import OTHER, STATUS_COLOURS, STATUS_LABELS, bloc_groups, group_colours, node_groups

FORMATS = (".svg", ".png")
KAMADA_KAWAI_MAX = 300  # its cost grows with the square of the nodes
GAP = 1.2  # between components, room for their labels
LABEL_PT = 9.0  # every label, node or edge, the same size
TITLE_PT, CAPTION_PT, LEGEND_PT = 12.0, 9.0, 8.0
DPI = 150


def layout(graph: nx.Graph, *, seed: int = 42) -> dict[str, tuple[float, float]]:
    """Node positions that depend only on the graph and the seed, not on insertion order.

    Each connected component is laid out on its own (a spring layout of the whole
    graph flings small components to the edges and crams the big one) and the
    components are then packed in rows, largest first. Up to three nodes on a
    circle; Kamada-Kawai (deterministic, and far more readable than a spring layout
    for a few hundred nodes) up to ``KAMADA_KAWAI_MAX`` nodes, a seeded spring
    layout beyond.
    """
    comps = sorted((sorted(map(str, c)) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    boxes: list[dict[str, tuple[float, float]]] = []
    for members in comps:
        radius = 0.2 + 0.6 * math.sqrt(len(members))
        if len(members) == 1:
            pos = {members[0]: (0.0, 0.0)}
        elif len(members) <= 3:  # a pair or a trio: Kamada-Kawai would spend 10 ms to find the circle
            pos = nx.circular_layout(members, scale=radius)
        else:
            sub = nx.Graph()
            sub.add_nodes_from(members)
            sub.add_edges_from(sorted((str(a), str(b), {"weight": max(d.get("weight", 1), 0.5)})
                                      for a, b, d in graph.subgraph(_originals(graph, members)).edges(data=True)))
            if len(members) <= KAMADA_KAWAI_MAX:
                pos = nx.kamada_kawai_layout(sub, weight=None, scale=radius)
            else:
                pos = nx.spring_layout(sub, seed=seed, k=1.5 / math.sqrt(len(members)), iterations=50,
                                       weight="weight", scale=radius, method="force")
        boxes.append({n: (float(x), float(y)) for n, (x, y) in pos.items()})
    placed: dict[str, tuple[float, float]] = {}
    extents = [(min(p[0] for p in b.values()), max(p[0] for p in b.values()),
                min(p[1] for p in b.values()), max(p[1] for p in b.values())) for b in boxes]
    row_width = max([6.0] + [right - left for left, right, _, _ in extents[:1]])
    x = y = row_height = 0.0
    for pos, (left, right, bottom, top) in zip(boxes, extents, strict=True):
        if x > 0 and x + right - left > row_width:
            x, y, row_height = 0.0, y - row_height - GAP, 0.0
        for n, (px, py) in pos.items():
            placed[n] = (round(x + px - left, 6), round(y + py - top, 6))
        x += right - left + 2 * GAP
        row_height = max(row_height, top - bottom)
    return placed


def _originals(graph: nx.Graph, members: list[str]) -> list[object]:
    wanted = set(members)
    return [n for n in graph.nodes if str(n) in wanted]


def draw_network(graph: nx.Graph, out: Path, *, title: str = "", caption: str = "", seed: int = 42,
                 lang: str = "en", country_names: dict[str, str] | None = None) -> Path:
    """Write the network to ``out`` (.svg or .png): node size = distinct partners, colour = country
    (people) or bloc (countries), edge width = meetings, MoU links coloured by their status and
    labelled (as the nodes are, where there is room)."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise DiplographError(f"{out}: a figure is .svg or .png (or .html for the interactive page)")
    with network_figure(graph, title=title, caption=caption, seed=seed, country_names=country_names) as fig:
        out.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(out, dpi=DPI if suffix == ".png" else None, metadata=_metadata(suffix))
    return out


@contextmanager
def network_figure(graph: nx.Graph, *, title: str = "", caption: str = "", seed: int = 42,
                   country_names: dict[str, str] | None = None) -> Iterator[Any]:
    """The matplotlib figure of :func:`draw_network`, closed when the block ends; its labels are
    the axes' texts (``fig.axes[0].texts``), title and caption the figure's."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    g = nx.relabel_nodes(graph, {x: str(x) for x in graph.nodes})
    countries_view = str(graph.graph.get("view", "people")).startswith("countr")
    groups = node_groups(g, bloc_groups(g, communities(g)) if countries_view else None)
    colours = group_colours(groups)
    pos = layout(g, seed=seed)
    nodes = sorted(g.nodes)
    most = max([g.degree(x) for x in nodes] or [1]) or 1
    area = {x: 60 + 640 * g.degree(x) / most for x in nodes}  # points²: marker area grows with partners
    names = {x: str(g.nodes[x].get("label") or x) for x in nodes}
    edges = sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))
    mou = {(a, b): f"MoU {STATUS_LABELS[d['mou_status']]}" for a, b, d in edges if d.get("mou_status")}
    handles = _legend(colours, country_names or {}, mou=countries_view)
    family = font_families([*names.values(), *mou.values(), title, caption])
    size, frame = _figure_size(pos, len(nodes), title, caption, len(handles))
    with plt.rc_context({"font.family": family, "svg.hashsalt": "diplograph", "svg.fonttype": "path"}):
        fig = plt.figure(figsize=size, dpi=DPI)
        try:
            ax = fig.add_axes(frame)
            ax.set_axis_off()
            top = max([d.get("weight", 1) for _, _, d in edges] or [1]) or 1
            nx.draw_networkx_edges(
                g, pos, ax=ax, edgelist=[(a, b) for a, b, _ in edges], node_size=[area[x] for x in nodes],
                nodelist=nodes, width=[0.6 + 4 * d.get("weight", 0) / top for _, _, d in edges],
                edge_color=[STATUS_COLOURS.get(d.get("mou_status") or "", "#8899aa") for _, _, d in edges],
                style=["dashed" if d.get("weight", 0) == 0 else "solid" for _, _, d in edges], alpha=0.7)
            nx.draw_networkx_nodes(g, pos, ax=ax, nodelist=nodes, edgecolors="#555555", linewidths=0.6,
                                   node_color=[colours[groups[x]] for x in nodes], node_size=[area[x] for x in nodes])
            order = sorted(nodes, key=lambda x: (-g.degree(x), -int(g.nodes[x].get("meetings", 0)), x))
            markers = [Candidate(names[x], *pos[x], radius=math.sqrt(area[x]) / 2 + 0.3) for x in order]
            on_edges = [Candidate(text, (pos[a][0] + pos[b][0]) / 2, (pos[a][1] + pos[b][1]) / 2)
                        for (a, b), text in sorted(mou.items(), key=lambda m: (-g.edges[m[0]].get("weight", 0), m))]
            sizes = label_sizes(ax, [shorten(c.text) for c in markers + on_edges], LABEL_PT)
            _fit(ax, pos, markers, sizes)
            place_labels(ax, markers + on_edges, fontsize=LABEL_PT, markers=markers, sizes=sizes,
                         bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75})
            _titles(fig, title, caption)
            if handles:
                fig.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.01), fontsize=LEGEND_PT,
                           frameon=False, ncol=_columns(size[0]))
            yield fig
        finally:
            plt.close(fig)


def _fit(ax: Any, pos: dict[str, tuple[float, float]], markers: list[Candidate],
         sizes: dict[str, tuple[float, float]]) -> None:
    """Limits with room for a label beside any node: the widest label's half and the tallest
    label above the largest node."""
    px_per_pt = ax.figure.dpi / 72
    measured = [sizes[shorten(m.text)] for m in markers] or [(0.0, 0.0)]
    widest, tallest = max(w for w, _ in measured), max(h for _, h in measured)
    largest = max([m.radius for m in markers] or [0.0]) * px_per_pt
    xs, ys = [p[0] for p in pos.values()] or [0.0], [p[1] for p in pos.values()] or [0.0]
    fit_limits(ax, xs, ys, widest / 2 + 2 * px_per_pt, largest + tallest + 4 * px_per_pt)


def _figure_size(pos: dict[str, tuple[float, float]], n: int, title: str, caption: str,
                 legend: int) -> tuple[tuple[float, float], list[float]]:
    """The figure's size in inches, and the axes' frame in it: the layout's shape, larger for more
    nodes, with room above for the title and caption and below for the legend."""
    xs, ys = [p[0] for p in pos.values()] or [0.0], [p[1] for p in pos.values()] or [0.0]
    ratio = min(max((max(ys) - min(ys) + 1) / (max(xs) - min(xs) + 1), 0.6), 1.3)
    width = min(7 + math.sqrt(max(n, 1)) * 0.8, 18)
    above = 0.25 + 0.22 * len(_wrap(title, width, TITLE_PT)) + 0.18 * len(_wrap(caption, width, CAPTION_PT))
    below = 0.15 + 0.2 * math.ceil(legend / _columns(width)) if legend else 0.15
    height = width * ratio + above + below
    return (width, height), [0.02, below / height, 0.96, 1 - (above + below) / height]


def _wrap(text: str, width: float, points: float) -> list[str]:
    """Lines of ``text`` that fit the figure's width (an average glyph is about half its size)."""
    return textwrap.wrap(text, max(20, int(width * 72 * 0.9 / (points * 0.55)))) if text else []


def _titles(fig: Any, title: str, caption: str) -> None:
    height = fig.get_size_inches()[1]
    lines = _wrap(title, fig.get_size_inches()[0], TITLE_PT)
    if lines:
        fig.text(0.5, 1 - 0.15 / height, "\n".join(lines), ha="center", va="top", fontsize=TITLE_PT)
    if caption:
        y = 1 - (0.2 + 0.22 * len(lines)) / height
        fig.text(0.5, y, "\n".join(_wrap(caption, fig.get_size_inches()[0], CAPTION_PT)), ha="center", va="top",
                 fontsize=CAPTION_PT, color="#444444")


def _columns(width: float) -> int:
    return max(2, int(width / 2.4))


def _legend(colours: dict[str, str], names: dict[str, str], *, mou: bool) -> list[Any]:
    from matplotlib.lines import Line2D

    shown = [(grp, c) for grp, c in colours.items() if grp and c != OTHER]
    handles = [Line2D([], [], marker="o", ls="", color=c, label=shorten(names.get(grp, grp))) for grp, c in shown]
    if any(c == OTHER for grp, c in colours.items() if grp):
        handles.append(Line2D([], [], marker="o", ls="", color=OTHER, label="others"))
    handles += [Line2D([], [], color=STATUS_COLOURS[s], lw=2, label=f"MoU {STATUS_LABELS[s]}")
                for s in STATUS_COLOURS if mou]
    return handles


def _metadata(suffix: str) -> dict[str, str | None]:
    """No creation date, so the same graph gives the same bytes."""
    return {"Date": None} if suffix == ".svg" else {"Software": "diplograph"}


__all__ = ["DPI", "FORMATS", "LABEL_PT", "draw_network", "layout", "network_figure"]
