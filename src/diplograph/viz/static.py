"""Static network figures (SVG, PNG) for reports, drawn with matplotlib.

The layout is seeded (``spring_layout(seed=42)`` over nodes in sorted order),
so the same graph gives the same picture on every run, and SVG output carries
no date and fixed element ids, so a figure in version control only changes when
the graph does. Labels use a Thai-capable font (see :mod:`.fonts`).
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx

from ..errors import DiplographError
from ..network.measures import communities
from .fonts import font_families
from .style import STATUS_COLOURS, STATUS_LABELS, bloc_groups, group_colours, node_groups

FORMATS = (".svg", ".png")
KAMADA_KAWAI_MAX = 300  # its cost grows with the square of the nodes
GAP = 1.2  # between components, room for their labels


def layout(graph: nx.Graph, *, seed: int = 42) -> dict[str, tuple[float, float]]:
    """Node positions that depend only on the graph and the seed, not on insertion order.

    Each connected component is laid out on its own (a spring layout of the whole
    graph flings small components to the edges and crams the big one) and the
    components are then packed in rows, largest first. Kamada-Kawai (deterministic,
    and far more readable than a spring layout for a few hundred nodes) up to
    ``KAMADA_KAWAI_MAX`` nodes, a seeded spring layout beyond.
    """
    comps = sorted((sorted(map(str, c)) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    boxes: list[dict[str, tuple[float, float]]] = []
    for members in comps:
        sub = nx.Graph()
        sub.add_nodes_from(members)
        sub.add_edges_from(sorted((str(a), str(b), {"weight": max(d.get("weight", 1), 0.5)})
                                  for a, b, d in graph.subgraph(_originals(graph, members)).edges(data=True)))
        radius = 0.2 + 0.6 * math.sqrt(len(members))
        if len(members) == 1:
            pos = {members[0]: (0.0, 0.0)}
        elif len(members) <= KAMADA_KAWAI_MAX:
            pos = nx.kamada_kawai_layout(sub, weight=None, scale=radius)
        else:
            pos = nx.spring_layout(sub, seed=seed, k=1.5 / math.sqrt(len(members)), iterations=50,
                                   weight="weight", scale=radius)
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


def draw_network(graph: nx.Graph, out: Path, *, title: str = "", seed: int = 42, lang: str = "en",
                 country_names: dict[str, str] | None = None) -> Path:
    """Write the network to ``out`` (.svg or .png): node size = meetings, colour = country (people)
    or bloc (countries), edge width = meetings, MoU links coloured by their status."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise DiplographError(f"{out}: a figure is .svg or .png (or .html for the interactive page)")
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    countries_view = str(graph.graph.get("view", "people")).startswith("countr")
    groups = node_groups(graph, bloc_groups(graph, communities(graph)) if countries_view else None)
    colours = group_colours(groups)
    labels = {str(n): str(d.get("label") or n) for n, d in graph.nodes(data=True)}
    pos = layout(graph, seed=seed)
    n = max(graph.number_of_nodes(), 1)
    xs, ys = [p[0] for p in pos.values()] or [0.0], [p[1] for p in pos.values()] or [0.0]
    width, height = max(xs) - min(xs) + 2, max(ys) - min(ys) + 2
    side = min(7 + math.sqrt(n) * 1.3, 24)
    size = (side, max(4.0, min(side * height / width, side * 1.2)))
    with plt.rc_context({"font.family": font_families(list(labels.values()) + [title]),
                         "svg.hashsalt": "diplograph", "svg.fonttype": "path"}):
        fig, ax = plt.subplots(figsize=size)
        try:
            g = nx.relabel_nodes(graph, {x: str(x) for x in graph.nodes})
            edges = sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))
            top = max([d.get("weight", 1) for _, _, d in edges] or [1]) or 1
            nx.draw_networkx_edges(
                g, pos, ax=ax, edgelist=[(a, b) for a, b, _ in edges],
                width=[0.8 + 5 * d.get("weight", 0) / top for _, _, d in edges],
                edge_color=[STATUS_COLOURS.get(d.get("mou_status") or "", "#8899aa") for _, _, d in edges],
                style=["dashed" if d.get("weight", 0) == 0 else "solid" for _, _, d in edges], alpha=0.8)
            nodes = sorted(g.nodes)
            most = max([g.nodes[x].get("meetings", 1) for x in nodes] or [1]) or 1
            nx.draw_networkx_nodes(g, pos, ax=ax, nodelist=nodes, edgecolors="#555555", linewidths=0.6,
                                   node_color=[colours[groups[x]] for x in nodes],
                                   node_size=[120 + 900 * g.nodes[x].get("meetings", 1) / most for x in nodes])
            above = {x: (px, py + 0.12) for x, (px, py) in pos.items()}
            nx.draw_networkx_labels(g, above, labels=labels, ax=ax, font_size=9 if n < 60 else 7,
                                    font_family=font_families(list(labels.values())), verticalalignment="bottom",
                                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.6})
            if countries_view:
                mou = {(a, b): STATUS_LABELS[d["mou_status"]] for a, b, d in edges if d.get("mou_status")}
                nx.draw_networkx_edge_labels(g, pos, edge_labels={k: f"MoU {v}" for k, v in mou.items()},
                                             ax=ax, font_size=7)
            names = country_names or {}
            handles = [Line2D([], [], marker="o", ls="", color=c, label=names.get(grp, grp))
                       for grp, c in colours.items() if grp][:16]
            handles += [Line2D([], [], color=STATUS_COLOURS[s], lw=2, label=f"MoU {STATUS_LABELS[s]}")
                        for s in STATUS_COLOURS if countries_view]
            if handles:
                ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 0.0), fontsize=8,
                          frameon=False, ncol=4)
            ax.set_title(title, fontsize=12)
            ax.set_aspect("equal")
            ax.margins(0.08)
            ax.set_axis_off()
            fig.tight_layout()
            out.parent.mkdir(parents=True, exist_ok=True)
            fig.savefig(out, dpi=150 if suffix == ".png" else None, metadata=_metadata(suffix))
        finally:
            plt.close(fig)
    return out


def _metadata(suffix: str) -> dict[str, str | None]:
    """No creation date, so the same graph gives the same bytes."""
    return {"Date": None} if suffix == ".svg" else {"Software": "diplograph"}


__all__ = ["FORMATS", "draw_network", "layout"]
