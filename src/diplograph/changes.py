"""What a store must change when releases come in or go out, computed once for every kind of store.

Layout (the same on the embedded store and on a remote server):

* one named graph per release, named by the release IRI, holding what the
  release states;
* shared descriptions (a country's code and labels, a person's names, topic
  labels, the extraction run) in the *shared graph*: the default graph of the
  embedded store, the named graph :data:`SHARED_GRAPH` on a server (Virtuoso's
  Graph Store Protocol has no default graph, and Fuseki's union default graph
  leaves the real default graph out);
* facts derived across releases (each agreement's latest ``dg:status``,
  ``dg:hasMoUWith``) in :data:`DERIVED_GRAPH`.

:func:`plan` reads the store through SPARQL (so the same code serves Oxigraph
and any SPARQL 1.1 server) and returns a :class:`ChangeSet`: graphs to drop,
quads to delete, graphs to put, quads to insert. Replacing a release is
removing it and adding it again, in one change set:

* a shared description goes when no release graph left mentions its node
  (directly, or through another kept description: a person's country), so a
  removal leaves neither dangling nor orphaned nodes, and a node only the
  replaced release mentioned gets exactly its new description;
* derived facts are recomputed for the agreements the change touches with
  :func:`diplograph.rdf.mapping.derived_triples` — the same function ``build``
  uses — so the result does not depend on the order releases came in.

The planner reads the store before the change is applied; the embedded store's
lock guarantees nobody writes in between.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox

from .rdf import mapping
from .rdf.namespaces import DCTERMS, DG, ID_IRI, PROV, RDF
from .rdf.terms import Term, iri, to_ox, to_rdflib
from .results import Results
from .sparql import values_block

RELEASE_PREFIX = ID_IRI + "release/"
DERIVED_GRAPH = iri(ID_IRI + "graph/derived")
SHARED_GRAPH = iri(ID_IRI + "graph/shared")
PREFIXES = f"PREFIX dg: <{DG._NS}>\nPREFIX prov: <{PROV}>\nPREFIX dct: <{DCTERMS}>\n"
_IS_RELEASE = f'STRSTARTS(STR(?g), "{RELEASE_PREFIX}")'
_DEFAULT = ox.DefaultGraph()


class Backend(Protocol):
    """What the planner needs from a store."""

    shared_clause: str  # "" (default graph) or "GRAPH <…>": where maintenance queries find shared descriptions
    max_values: int  # how many terms one VALUES block may carry

    def select(self, query: str) -> Results: ...

    def apply(self, change: ChangeSet) -> None: ...


@dataclass
class NewRelease:
    """A release ready to store: its IRI, its named-graph triples and the shared triples it needs."""

    iri: ox.NamedNode
    release_id: str
    content_hash: str
    triples: list[ox.Triple]
    shared: list[ox.Triple]

    @classmethod
    def from_graph(cls, graph: mapping.ReleaseGraph, release_id: str, content_hash: str,
                   extra_shared: Iterable[tuple] = ()) -> NewRelease:
        triples = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph.triples]
        shared = {ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in [*graph.shared, *extra_shared]}
        return cls(to_ox(graph.iri), release_id, content_hash, triples, sorted(shared, key=str))


@dataclass
class ChangeSet:
    drop: list[ox.NamedNode] = field(default_factory=list)  # release graphs removed or replaced
    delete: list[ox.Quad] = field(default_factory=list)  # shared/derived quads (shared = DefaultGraph)
    put: dict[ox.NamedNode, list[ox.Triple]] = field(default_factory=dict)  # release graphs to (re)write
    insert: list[ox.Quad] = field(default_factory=list)  # shared/derived quads to add

    def __bool__(self) -> bool:
        return bool(self.drop or self.delete or self.put or self.insert)


@dataclass
class Plan:
    change: ChangeSet
    replaced: set[ox.NamedNode]  # new releases that were already in the store (rewritten)
    removed: set[ox.NamedNode]  # stored releases the change takes out
    duplicates: dict[ox.NamedNode, ox.NamedNode]  # new release → the release with the same text that stays


def _chunks(items: Sequence, size: int) -> Iterable[Sequence]:
    for i in range(0, len(items), max(size, 1)):
        yield items[i:i + size]


def _select(backend: Backend, template: str, name: str, terms: Iterable[Term], **extra: str) -> list[tuple]:
    """Run ``template`` once per chunk of ``terms`` (bound to ``?name`` by a VALUES block); all rows.

    The template's ``{values}`` and ``{shared}`` are filled in, as are ``extra`` pieces (literal
    braces in the template are doubled).
    """
    terms = sorted(set(terms), key=str)
    rows: list[tuple] = []
    for chunk in _chunks(terms, backend.max_values):
        query = PREFIXES + template.format(values=values_block([name], [[t] for t in chunk]),
                                           shared=backend.shared_clause, **extra)
        rows.extend(backend.select(query).rows)
    return rows


def existing_releases(backend: Backend, releases: Iterable[ox.NamedNode]) -> set[ox.NamedNode]:
    rows = _select(backend, "SELECT ?g WHERE {{ {values} GRAPH ?g {{ ?g a dg:PressRelease }} }}", "g", releases)
    return {r[0] for r in rows}


def plan(backend: Backend, new: Sequence[NewRelease] = (), remove: Iterable[ox.NamedNode] = ()) -> Plan:
    """The change that stores ``new`` (replacing older versions) and removes ``remove``.

    Two releases with the same text are one release, whatever order they come in:
    the one with the smaller release id stands for both, as in ``build``.
    """
    remove = set(remove) - {r.iri for r in new}
    duplicates: dict[ox.NamedNode, ox.NamedNode] = {}
    by_hash: dict[str, NewRelease] = {}
    for r in sorted(new, key=lambda r: r.release_id):
        if r.content_hash in by_hash:
            duplicates[r.iri] = by_hash[r.content_hash].iri
        elif r.content_hash:
            by_hash[r.content_hash] = r
    hashes = {ox.Literal(h): r for h, r in by_hash.items()}
    rows = _select(backend, "SELECT ?h ?g ?id WHERE {{ {values} GRAPH ?g {{ ?g dg:contentHash ?h ; "
                            "dg:releaseId ?id }} }}", "h", hashes)
    for h, g, stored_id in rows:
        r = hashes[h]
        if g == r.iri or g in remove:
            continue
        if stored_id.value < r.release_id:
            duplicates[r.iri] = g
        else:
            remove.add(g)  # the stored one gives way to the same text under a smaller id
    for r, kept in list(duplicates.items()):
        duplicates[r] = duplicates.get(kept, kept)  # a copy of a copy: name the one that stays
    new = [r for r in new if r.iri not in duplicates]
    old = existing_releases(backend, [*(r.iri for r in new), *remove])

    change = ChangeSet(drop=sorted(old, key=str))
    shared: set[ox.Triple] = set()
    for r in new:
        change.put[r.iri] = r.triples
        shared.update(r.shared)
    dead = _dead_nodes(backend, old) if old else set()
    if dead:
        rows = _select(backend, "SELECT ?s ?p ?o WHERE {{ {values} {shared} {{ ?s ?p ?o }} }}", "s", dead)
        change.delete += [ox.Quad(s, p, o, _DEFAULT) for s, p, o in rows if ox.Triple(s, p, o) not in shared]
    change.insert += [ox.Quad(t.subject, t.predicate, t.object, _DEFAULT) for t in sorted(shared, key=str)]
    _derive(backend, change, old, new)
    return Plan(change, old & {r.iri for r in new}, old - {r.iri for r in new}, duplicates)


def _dead_nodes(backend: Backend, old: set[ox.NamedNode]) -> set[ox.NamedNode]:
    """Nodes of the old graphs (and of their shared descriptions) that nothing kept mentions."""
    candidates: set[ox.NamedNode] = set()
    for s, o in _select(backend, "SELECT DISTINCT ?s ?o WHERE {{ {values} GRAPH ?g {{ ?s ?p ?o }} }}", "g", old):
        candidates.update(t for t in (s, o) if isinstance(t, ox.NamedNode))
    frontier = set(candidates)
    while frontier:  # what their shared descriptions point to (a person's country) may go with them
        rows = _select(backend, "SELECT DISTINCT ?o WHERE {{ {values} {shared} {{ ?n ?p ?o }} }}", "n", frontier)
        frontier = {r[0] for r in rows if isinstance(r[0], ox.NamedNode)} - candidates
        candidates |= frontier
    keep = f"{_IS_RELEASE} && ?g NOT IN ({', '.join(str(g) for g in sorted(old, key=str))})"
    rows = _select(backend, "SELECT ?n WHERE {{ {values} FILTER(EXISTS {{ GRAPH ?g {{ ?n ?p ?o }} FILTER({keep}) }} "
                            "|| EXISTS {{ GRAPH ?g {{ ?s ?p ?n }} FILTER({keep}) }}) }}", "n", candidates, keep=keep)
    dead = candidates - {r[0] for r in rows}
    while dead:  # kept alive by a kept description that points to it
        rows = _select(backend, "SELECT DISTINCT ?x ?n WHERE {{ {values} {shared} {{ ?x ?p ?n }} }}", "n", dead)
        alive = {n for x, n in rows if x not in dead}
        if not alive:
            break
        dead -= alive
    return dead


def _derive(backend: Backend, change: ChangeSet, old: set[ox.NamedNode], new: Sequence[NewRelease]) -> None:
    """Recompute derived facts for the agreements and events the change touches; add the difference.

    The inputs of :func:`mapping.derived_triples` — status histories, reported event
    statuses, release dates, agreement kinds and parties — are read for the touched
    nodes from every release graph but the old ones, plus the new releases.
    """
    history, reported, party, mou_with = (to_ox(DG.statusHistory), to_ox(DG.reportedStatus), to_ox(DG.party),
                                          to_ox(DG.hasMoUWith))
    agreements = {t.subject for r in new for t in r.triples if t.predicate == history}
    events = {t.subject for r in new for t in r.triples if t.predicate == reported}
    if old:
        for n, p in _select(backend, "SELECT DISTINCT ?n ?p WHERE {{ {values} GRAPH ?g {{ ?n ?p ?o "
                                     "FILTER(?p IN (dg:statusHistory, dg:reportedStatus)) }} }}", "g", old):
            (agreements if p == history else events).add(n)
    if not agreements and not events:
        return
    quads: list[tuple] = []  # (s, p, o, g), oxigraph terms, from the graphs that stay

    def keep(g: ox.NamedNode, *triples: tuple) -> None:
        if g not in old:
            quads.extend((*t, g) for t in triples if all(x is not None for x in t))

    for g, a, c, status, date, r, issued in _select(
            backend, "SELECT ?g ?a ?c ?status ?date ?r ?issued WHERE {{ {values} GRAPH ?g {{ "
                     "?a dg:statusHistory ?c . ?c dg:status ?status OPTIONAL {{ ?c dg:date ?date }} "
                     "OPTIONAL {{ ?c prov:wasDerivedFrom ?r . ?r dct:issued ?issued }} }} }}", "a", agreements):
        keep(g, (a, history, c), (c, to_ox(DG.status), status), (c, to_ox(DG.date), date),
             (c, to_ox(PROV.wasDerivedFrom), r), (r, to_ox(DCTERMS.issued), issued))
    for g, a, kind in _select(backend, "SELECT ?g ?a ?t WHERE {{ {values} GRAPH ?g {{ ?a a ?t }} }}", "a", agreements):
        keep(g, (a, to_ox(RDF.type), kind))
    parties: dict[ox.NamedNode, set] = {}  # old graphs too: the pairs whose dg:hasMoUWith may change
    for g, a, x in _select(backend, "SELECT ?g ?a ?x WHERE {{ {values} GRAPH ?g {{ ?a dg:party ?x }} }}",
                           "a", agreements):
        parties.setdefault(a, set()).add(x)
        keep(g, (a, party, x))
    for g, e, status, issued in _select(backend, "SELECT ?g ?e ?s ?issued WHERE {{ {values} GRAPH ?g {{ "
                                                 "?e dg:reportedStatus ?s OPTIONAL {{ ?g dct:issued ?issued }} }} }}",
                                        "e", events):
        keep(g, (e, reported, status), (g, to_ox(DCTERMS.issued), issued))
    wanted = {history, reported, to_ox(DG.status), to_ox(DG.date), to_ox(PROV.wasDerivedFrom),
              to_ox(DCTERMS.issued), party, to_ox(RDF.type)}
    for r in new:
        for t in r.triples:
            if t.predicate in wanted:
                quads.append((t.subject, t.predicate, t.object, r.iri))
                if t.predicate == party:
                    parties.setdefault(t.subject, set()).add(t.object)
    fresh = {ox.Triple(*(to_ox(x) for x in t))
             for t in mapping.derived_triples(tuple(to_rdflib(x) for x in q) for q in quads)}
    derived = DERIVED_GRAPH.value
    current = {ox.Triple(s, p, o) for s, p, o in _select(
        backend, f"SELECT ?s ?p ?o WHERE {{{{ {{values}} GRAPH <{derived}> {{{{ ?s ?p ?o }}}} }}}}", "s",
        agreements | events)}
    pairs = sorted({(x, y) for cs in parties.values() for x in cs for y in cs if x != y}, key=str)
    for chunk in _chunks(pairs, backend.max_values // 2):
        block = values_block(["x", "y"], chunk)
        rows = backend.select(PREFIXES + f"SELECT ?x ?y WHERE {{ {block} GRAPH <{derived}> "
                                         "{ ?x dg:hasMoUWith ?y } }").rows
        current |= {ox.Triple(x, mou_with, y) for x, y in rows}
        rows = backend.select(PREFIXES + f"SELECT ?a ?x ?y WHERE {{ {block} GRAPH ?g {{ ?a dg:party ?x, ?y ; "
                                         f"a dg:MemorandumOfUnderstanding }} GRAPH <{derived}> "
                                         "{ ?a dg:status dg:Signed } }").rows
        fresh |= {ox.Triple(x, mou_with, y) for a, x, y in rows if a not in agreements}
    change.delete += [ox.Quad(t.subject, t.predicate, t.object, DERIVED_GRAPH) for t in sorted(current - fresh, key=str)]
    change.insert += [ox.Quad(t.subject, t.predicate, t.object, DERIVED_GRAPH) for t in sorted(fresh - current, key=str)]


def update_text(change: ChangeSet, shared_graph: ox.NamedNode | None = None) -> str:
    """The change as one SPARQL 1.1 Update request (shared quads go to ``shared_graph`` when given)."""
    def graph_of(q: ox.Quad) -> ox.NamedNode | ox.DefaultGraph:
        return shared_graph if shared_graph is not None and isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name

    parts = [f"DROP SILENT GRAPH {g}" for g in change.drop]
    if change.delete:
        parts.append("DELETE DATA {\n" + _data_block((graph_of(q), q.triple) for q in change.delete) + "}")
    inserts = [(g, t) for g, ts in change.put.items() for t in ts] + [(graph_of(q), q.triple) for q in change.insert]
    if inserts:
        parts.append("INSERT DATA {\n" + _data_block(inserts) + "}")
    return " ;\n".join(parts)


def _data_block(items: Iterable[tuple]) -> str:
    by_graph: dict[str, list[str]] = {}
    for g, t in items:
        key = "" if isinstance(g, ox.DefaultGraph) else str(g)
        by_graph.setdefault(key, []).append(f"{t.subject} {t.predicate} {t.object} .")
    out = []
    for g, lines in by_graph.items():
        body = "\n".join(lines)
        out.append(f"GRAPH {g} {{\n{body}\n}}\n" if g else body + "\n")
    return "".join(out)


__all__ = ["RELEASE_PREFIX", "DERIVED_GRAPH", "SHARED_GRAPH", "Backend", "NewRelease", "ChangeSet", "Plan",
           "plan", "existing_releases", "update_text"]
