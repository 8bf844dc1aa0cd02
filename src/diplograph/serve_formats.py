"""Content negotiation for served results: the formats offered and the one an Accept header prefers."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

SELECT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON, "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML, "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV, "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG,
}


def preferred(accept: str, offered: dict[str, Any], default: str) -> str | None:
    """The offered media type the Accept header likes best (None: nothing acceptable)."""
    best, best_q = None, 0.0
    for part in accept.split(",") if accept.strip() else ["*/*"]:
        fields = [f.strip() for f in part.split(";")]
        kind, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        match = default if kind in ("*/*", default.split("/")[0] + "/*") else kind if kind in offered else None
        if match and q > best_q:
            best, best_q = match, q
    return best


__all__ = ["GRAPH_TYPES", "SELECT_TYPES", "preferred"]
