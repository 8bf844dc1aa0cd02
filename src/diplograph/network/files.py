"""A network as a file other tools open: GEXF (Gephi) and GraphML (Gephi, Cytoscape, yEd, igraph).

Both formats hold only plain values — text, whole and decimal numbers, true/false — so
:func:`plain` turns a view's attributes into those: a list or set (an edge's meetings, topics,
agreements) becomes one text with its items joined by ``"; "`` (a set sorted first), a date its ISO
text, and an attribute with no value (a person of no known country, a pair with no MoU) is left out,
as both formats expect. ``to_networkx`` gives such graphs, so ``networkx.write_gexf`` and
``networkx.write_graphml`` take them as they are; :func:`write_network` writes one by the file's
extension, whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import DiplographError

FILE_SUFFIXES = (".gexf", ".graphml")
SEP = "; "


def plain(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` whose graph, node and edge attributes are all str, int, float or bool."""
    out = graph.__class__()
    out.graph.update(_plain(graph.graph))
    out.add_nodes_from((n, _plain(d)) for n, d in graph.nodes(data=True))
    out.add_edges_from((a, b, _plain(d)) for a, b, d in graph.edges(data=True))
    return out


def _plain(attributes: Mapping[str, Any]) -> dict[str, str | int | float | bool]:
    return {k: v for k, value in attributes.items() if (v := _value(value)) is not None}


def _value(value: Any) -> str | int | float | bool | None:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    if isinstance(value, Iterable):
        return SEP.join(str(_value(v)) for v in value if v is not None)
    return str(value)


def write_network(graph: nx.Graph, out: Path | str) -> Path:
    """Write ``graph`` (its plain form) to ``out``: ``.gexf`` or ``.graphml``, whole or not at all."""
    from ..pipeline import atomic_file

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in FILE_SUFFIXES:
        raise DiplographError(f"{out}: not a network file (use {' or '.join(FILE_SUFFIXES)})")
    flat = plain(graph)
    with atomic_file(out) as handle:
        if suffix == ".gexf":
            nx.write_gexf(flat, handle)
        else:
            nx.write_graphml(flat, handle)
    return out


__all__ = ["FILE_SUFFIXES", "SEP", "plain", "write_network"]
