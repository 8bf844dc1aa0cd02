"""What a store holds, in numbers: releases, triples, events by type and year, busiest country pairs.

Everything is a SPARQL query (two of them shipped ones), so the same figures
come from the embedded store and from a remote server; triple counts cover
diplograph's graphs only (a Virtuoso database holds system triples too).
Events and agreements are counted as :mod:`diplograph.counting` defines them —
held events by default, each once — the same way ``doctor``, ``partners``,
``network`` and ``timeline`` count them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import counting, queries
from .changes import Backend
from .store_layout import DERIVED_GRAPH, PREFIXES


@dataclass
class Stats:
    releases: int = 0
    release_triples: int = 0  # in the releases' named graphs
    shared_triples: int = 0  # shared descriptions
    derived_triples: int = 0  # facts derived across releases
    events: int = 0  # held ones (scheduled too with include_planned), each once
    agreements: int = 0
    people: int = 0
    include_planned: bool = False
    events_by_type_and_year: list[tuple[str, int | None, int]] = field(default_factory=list)
    top_country_pairs: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return self.release_triples + self.shared_triples + self.derived_triples

    def to_json(self) -> dict:
        return {
            "releases": self.releases, "triples": self.triples, "release_triples": self.release_triples,
            "shared_triples": self.shared_triples, "derived_triples": self.derived_triples,
            "events": self.events, "agreements": self.agreements, "people": self.people,
            "include_planned": self.include_planned,
            "events_by_type_and_year": [{"type": t, "year": y, "events": n} for t, y, n in self.events_by_type_and_year],
            "top_country_pairs": [{"country1": a, "country2": b, "events": n} for a, b, n in self.top_country_pairs],
        }


def _count(backend: Backend, where: str, what: str = "*") -> int:
    rows = backend.select(f"{PREFIXES}SELECT (COUNT({what}) AS ?n) WHERE {{ {where} }}").rows
    return int(rows[0][0].value) if rows and rows[0][0] is not None else 0


def totals(backend: Backend) -> Stats:
    """Releases and triples only: what an ingest reports when it is done. Seconds at most on a
    store of 100 000 releases, where the aggregates of :func:`stats` take half a minute."""
    out = Stats()
    out.releases = _count(backend, "GRAPH ?g { ?g a dg:PressRelease }", "DISTINCT ?g")
    # The graphs that are releases, by their release node: a join Oxigraph does 8× faster than
    # testing every quad's graph name with STRSTARTS.
    out.release_triples = _count(backend, "GRAPH ?g { ?g a dg:PressRelease . ?s ?p ?o }")
    out.shared_triples = _count(backend, f"{backend.shared_clause} {{ ?s ?p ?o }}")
    out.derived_triples = _count(backend, f"GRAPH {DERIVED_GRAPH} {{ ?s ?p ?o }}")
    return out


def stats(backend: Backend, top: int = 10, *, include_planned: bool = False) -> Stats:
    """The figures for a store (embedded or remote): held events, or held and scheduled ones with
    ``include_planned`` (postponed and cancelled events never count); years without events between
    the first and the last are in the year table with 0."""
    out = totals(backend)
    out.include_planned = include_planned
    out.events = counting.count_events(backend, include_planned=include_planned)
    out.agreements = counting.count_agreements(backend)
    out.people = _count(backend, f"{backend.shared_clause} {{ ?p a dg:Person }}", "DISTINCT ?p")
    planned = {"include_planned": "yes"} if include_planned else {}
    for row in queries.run(backend, queries.load("events-by-type-and-year"), planned).rows:
        kind, year, n = row
        out.events_by_type_and_year.append((kind.value.rsplit("#", 1)[-1], int(year.value) if year else None,
                                            int(n.value)))
    for row in queries.run(backend, queries.load("top-country-pairs"), planned).rows[:top]:
        out.top_country_pairs.append((row[0].value, row[1].value, int(row[2].value)))
    return out


store_stats = stats

__all__ = ["Stats", "stats", "store_stats", "totals"]
