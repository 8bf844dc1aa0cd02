"""A store — or the releases of it you pick — out to a file: Turtle, TriG, N-Quads, JSON-LD or CSV.

The file looks like what ``diplograph build`` writes for the same releases:
each release's statements in its named graph, shared descriptions and derived
facts in the default graph (``.ttl`` merges everything, ``.csv`` is one row per
event for spreadsheets). A subset (``releases``, ``since``) carries the shared
descriptions of the nodes its releases mention and the derived facts about
them (a ``dg:hasMoUWith`` only when one of its MoUs supports it).

Quads stream graph by graph from the store (TriG and N-Quads never hold the
store in memory; Turtle, JSON-LD and CSV keep what they must merge or sort),
and the file appears only when complete (:func:`diplograph.pipeline.atomic_file`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Protocol

import pyoxigraph as ox

from .errors import DiplographError, StoreError
from .ingest import resolve_release
from .pipeline import atomic_file
from .periods import DateLike, as_date
from .rdf.namespaces import DCTERMS, DG, PREFIXES, PROV, RDF, SCHEMA, SKOS, RDFS
from .rdf.terms import XSD_STRING, iri
from .results import Results, compact
from .sparql import values_block

SUFFIXES = (".ttl", ".trig", ".nq", ".jsonld", ".csv")
CSV_COLUMNS = ("event", "type", "date", "end_date", "name", "mode", "status", "countries", "participants",
               "topics", "release_ids", "source_urls")
_EVENT_TYPES = {iri(str(DG[k])) for k in ("BilateralMeeting", "MultilateralMeeting", "OfficialVisit",
                                           "CourtesyCall", "AgreementSigning")}
_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}


class Source(Protocol):
    """What export reads from a store (embedded or remote)."""

    max_values: int

    def select(self, query: str) -> Results: ...

    def release_graphs(self) -> list[ox.NamedNode]: ...

    def graph_quads(self, graphs: Sequence[ox.NamedNode]) -> Iterator[ox.Quad]: ...

    def shared_quads(self, subjects: Iterable[ox.NamedNode] | None = None) -> Iterator[ox.Quad]: ...

    def derived_quads(self, subjects: Iterable[ox.NamedNode] | None = None) -> Iterator[ox.Quad]: ...


@dataclass
class ExportSummary:
    path: Path
    releases: int = 0
    quads: int = 0
    rows: int = 0  # CSV: events written


def select_releases(source: Source, releases: Sequence[str] = (), since: dt.date | None = None
                    ) -> list[ox.NamedNode]:
    """The release graphs to export: the named ones (ids, IRIs or URLs), those issued on or after
    ``since``, both (the intersection), or all."""
    if releases:
        chosen: set[ox.NamedNode] = set()
        for ref in releases:
            found = resolve_release(source, ref)
            if not found:
                raise StoreError(f"{ref}: no such release in the store (give its id, IRI or URL)")
            chosen.update(found)
    else:
        chosen = set(source.release_graphs())
    if since is not None:
        day = ox.Literal(since.isoformat(), datatype=iri("http://www.w3.org/2001/XMLSchema#date"))
        rows = source.select(f"SELECT ?g WHERE {{ {values_block(['since'], [[day]])} GRAPH ?g {{ ?g a <{DG.PressRelease}> ; "
                             f"<{DCTERMS.issued}> ?issued }} FILTER(?issued >= ?since) }}").rows
        chosen &= {r[0] for r in rows}
    return sorted(chosen, key=str)


def export(source: Source, out: Path, *, releases: Sequence[str] = (), since: DateLike = None
           ) -> ExportSummary:
    """Write the store (or the chosen releases) to ``out``, in the format its extension names;
    ``since``: a date, or text in the one date syntax (``2024``, ``2024-03``, ``2024-03-05``)."""
    out = Path(out)
    since = as_date(since)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise DiplographError(f"{out}: unknown export format (use {', '.join(SUFFIXES)})")
    graphs = select_releases(source, releases, since)
    summary = ExportSummary(out, releases=len(graphs))
    quads = _counting(_quads(source, graphs, subset=bool(releases) or since is not None), summary)
    with atomic_file(out) as handle:
        if suffix in (".trig", ".nq"):
            fmt = ox.RdfFormat.TRIG if suffix == ".trig" else ox.RdfFormat.N_QUADS
            ox.serialize(quads, handle, fmt, prefixes=_PREFIXES if fmt == ox.RdfFormat.TRIG else None)
        elif suffix == ".ttl":
            triples = sorted({q.triple for q in quads}, key=str)
            ox.serialize(triples, handle, ox.RdfFormat.TURTLE, prefixes=_PREFIXES)
        elif suffix == ".jsonld":
            _write_jsonld(quads, handle)
        else:
            summary.rows = _write_csv(quads, handle)
    return summary


def _counting(quads: Iterator[ox.Quad], summary: ExportSummary) -> Iterator[ox.Quad]:
    for q in quads:
        summary.quads += 1
        yield q


def _quads(source: Source, graphs: list[ox.NamedNode], subset: bool) -> Iterator[ox.Quad]:
    """Release graphs (each sorted), then shared and derived facts in the default graph."""
    default = ox.DefaultGraph()
    nodes: set[ox.NamedNode] = set()
    mous: set[ox.NamedNode] = set()
    parties: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    for i in range(0, len(graphs), 50):
        chunk = graphs[i:i + 50]
        by_graph: dict[ox.NamedNode, list[ox.Quad]] = {g: [] for g in chunk}
        for q in source.graph_quads(chunk):
            by_graph[q.graph_name].append(q)
            if subset:
                nodes.update(t for t in (q.subject, q.object) if isinstance(t, ox.NamedNode))
                if q.predicate.value == str(RDF.type) and q.object.value == str(DG.MemorandumOfUnderstanding):
                    mous.add(q.subject)
                elif q.predicate.value == str(DG.party):
                    parties.setdefault(q.subject, set()).add(q.object)
        for g in chunk:
            yield from sorted(by_graph[g], key=str)
    shared: list[ox.Quad] = []
    if not subset:
        shared = list(source.shared_quads())
    else:
        frontier, seen = set(nodes), set()
        while frontier:  # the descriptions of what the releases mention, and what those mention
            seen |= frontier
            found = list(source.shared_quads(frontier))
            shared += found
            frontier = {q.object for q in found if isinstance(q.object, ox.NamedNode)} - seen
    derived = list(source.derived_quads(None if not subset else nodes))
    if subset:
        signed = {q.subject for q in derived if q.predicate.value == str(DG.status)
                  and q.object.value == str(DG.Signed) and q.subject in mous}
        pairs = {(x, y) for a in signed for x in parties.get(a, ()) for y in parties.get(a, ()) if x != y}
        derived = [q for q in derived if q.predicate.value != str(DG.hasMoUWith) or (q.subject, q.object) in pairs]
    yield from sorted({ox.Quad(q.subject, q.predicate, q.object, default) for q in [*shared, *derived]}, key=str)


def _write_jsonld(quads: Iterable[ox.Quad], handle: BinaryIO) -> None:
    """JSON-LD 1.1 with a context of diplograph's prefixes: default-graph nodes, then one
    ``@graph`` object per release. Written node by node."""
    by_graph: dict[str, dict[str, dict]] = {}
    for q in quads:
        g = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        node = by_graph.setdefault(g, {}).setdefault(_node_id(q.subject), {"@id": _node_id(q.subject)})
        if q.predicate.value == str(RDF.type) and not isinstance(q.object, ox.Literal):
            node.setdefault("@type", []).append(_node_id(q.object))
        else:
            node.setdefault(_compact(q.predicate.value), []).append(_value(q.object))
    text = io.TextIOWrapper(handle, encoding="utf-8", newline="\n")
    text.write('{\n"@context": ' + json.dumps(_PREFIXES, ensure_ascii=False) + ',\n"@graph": [\n')
    first = True
    for g in sorted(by_graph, key=lambda k: (k != "", k)):
        nodes = [by_graph[g][k] for k in sorted(by_graph[g])]
        items = nodes if not g else [{"@id": _compact(g), "@graph": nodes}]
        for item in items:
            text.write(("" if first else ",\n") + json.dumps(item, ensure_ascii=False, sort_keys=True))
            first = False
    text.write("\n]\n}\n")
    text.flush()
    text.detach()


def _compact(value: str) -> str:
    short = compact(value)
    return short if short != value and not short.split(":", 1)[1].startswith("//") else value


def _node_id(term: ox.NamedNode | ox.BlankNode) -> str:
    return "_:" + term.value if isinstance(term, ox.BlankNode) else _compact(term.value)


def _value(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict:
    if not isinstance(term, ox.Literal):
        return {"@id": _node_id(term)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value != XSD_STRING:
        return {"@value": term.value, "@type": _compact(term.datatype.value)}
    return {"@value": term.value}


@dataclass
class _Row:
    type: str = ""
    date: str = ""
    end_date: str = ""
    names: set[str] = field(default_factory=set)
    modes: set[str] = field(default_factory=set)
    status: str = ""
    countries: set[ox.NamedNode] = field(default_factory=set)
    participants: set[ox.NamedNode] = field(default_factory=set)
    topics: set[ox.NamedNode] = field(default_factory=set)
    releases: set[ox.NamedNode] = field(default_factory=set)


def _write_csv(quads: Iterable[ox.Quad], handle: BinaryIO) -> int:
    """One row per event: date, type, countries, participants, topics, sources. UTF-8 with a byte
    order mark, so spreadsheet programs read Thai correctly."""
    rows: dict[ox.NamedNode, _Row] = {}
    release_ids: dict[ox.NamedNode, str] = {}
    urls: dict[ox.NamedNode, str] = {}
    iso: dict[ox.NamedNode, str] = {}
    labels: dict[ox.NamedNode, dict[str, str]] = {}
    statuses: dict[ox.NamedNode, str] = {}
    facts: list[ox.Quad] = []
    for q in quads:
        p = q.predicate.value
        if p == str(RDF.type) and q.object in _EVENT_TYPES:
            rows.setdefault(q.subject, _Row()).type = q.object.value.rsplit("#", 1)[-1]
        elif p == str(DG.releaseId):
            release_ids[q.subject] = q.object.value
        elif p == str(SCHEMA.url):
            urls[q.subject] = q.object.value
        elif p == str(DG.iso3166):
            iso[q.subject] = q.object.value
        elif p in (str(RDFS.label), str(SKOS.prefLabel)) and isinstance(q.object, ox.Literal):
            lang = (q.object.language or "").lower()
            current = labels.setdefault(q.subject, {})
            if lang not in current or q.object.value < current[lang]:
                current[lang] = q.object.value
        elif p == str(DG.eventStatus):
            statuses[q.subject] = _local(q.object.value)
        else:
            facts.append(q)
    for q in facts:
        row = rows.get(q.subject)
        if row is None:
            continue
        p = q.predicate.value
        if p in (str(DG.heldOn), str(DG.startDate)):
            row.date = q.object.value
        elif p == str(DG.endDate):
            row.end_date = q.object.value
        elif p == str(DG.eventName):
            row.names.add(q.object.value)
        elif p == str(DG.mode):
            row.modes.add(_local(q.object.value))
        elif p == str(DG.involvesCountry):
            row.countries.add(q.object)
        elif p == str(DG.participant):
            row.participants.add(q.object)
        elif p == str(DG.topic):
            row.topics.add(q.object)
        elif p == str(PROV.wasDerivedFrom):
            row.releases.add(q.object)

    def label(node: ox.NamedNode) -> str:
        found = labels.get(node, {})
        return found.get("en") or next(iter(sorted(found.values())), "") or node.value.rsplit("/", 1)[-1]

    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event, row in sorted(rows.items(), key=lambda item: (item[1].date or "9999", item[0].value)):
        writer.writerow([
            event.value, row.type, row.date, row.end_date, "; ".join(sorted(row.names)), "; ".join(sorted(row.modes)),
            statuses.get(event, ""), "; ".join(sorted(iso.get(c, c.value) for c in row.countries)),
            "; ".join(sorted(label(p) for p in row.participants)), "; ".join(sorted(label(t) for t in row.topics)),
            "; ".join(sorted(release_ids.get(r, r.value) for r in row.releases)),
            "; ".join(sorted(urls[r] for r in row.releases if r in urls)),
        ])
    text.flush()
    text.detach()
    return len(rows)


def _local(value: str) -> str:
    return value.rsplit("#", 1)[-1]


export_store = export

__all__ = ["SUFFIXES", "CSV_COLUMNS", "ExportSummary", "export", "export_store", "select_releases"]
