"""Check a store's health: what ``diplograph doctor`` reports, as data.

A store is kept for years and written by many ingests, some interrupted, some
with ``--allow-invalid``. :func:`check_store` reads it (embedded or remote,
through the same methods ``export`` uses) and checks what the rest of
diplograph relies on:

``graphs``
    every named graph in diplograph's namespace is a release graph holding its
    release node (``<g> a dg:PressRelease ; dg:releaseId …``) or one of the
    store's own (derived facts, shared descriptions, support bookkeeping);
``provenance``
    every event, agreement and status change points (``prov:wasDerivedFrom``) to
    the release whose graph states it, and every release pointed to is in the store;
``evidence``
    every event and agreement has a ``dg:evidence`` sentence in that release's graph;
``shapes``
    each release graph, with the shared descriptions and derived facts it uses,
    conforms to the SHACL shapes (:mod:`diplograph.validate`; warnings such as an
    undated event are counted, not problems);
``derived``
    the derived graph (latest statuses, ``dg:hasMoUWith``) equals a recomputation
    from the release graphs with :func:`diplograph.rdf.derived.derived_triples`;
``shared``
    every shared description is used by some release (reachable from a release
    graph), and the support bookkeeping (which release contributed which shared
    triples, used by ``remove``) matches the shared graph exactly.

It also reports the analysts' curation rules the store keeps (:mod:`diplograph.curation`): how
many, each that no stored release records a change by, and the releases changed by rules the
store no longer keeps — warnings, not problems (a rule may wait for a release not yet ingested;
a changed rule needs the releases it changed ingested again).

Problems are returned, never raised or printed; only a store that cannot be read
raises (:class:`~diplograph.errors.StoreError`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Protocol

import pyoxigraph as ox

from . import counting
from .curation import CURATION_GRAPH, CurationReport
from .curation import check as check_curation
from .rdf.derived import derived_triples
from .rdf.namespaces import DG, ID_IRI, PROV, RDF
from .rdf.terms import Term, to_ox, to_rdflib
from .results import Results
from .store import has_view
from .store_layout import DERIVED_GRAPH, RELEASE_PREFIX, SHARED_GRAPH, SHARES, SUPPORT_GRAPH, TRIPLE
from .validate import validate_triples
from .wording import count

CHECKS: dict[str, str] = {
    "graphs": "each named graph is a release graph with its release node, or one of the store's own",
    "provenance": "each event, agreement and status change points to its release, and that release is stored",
    "evidence": "each event and agreement has an evidence sentence in its release's graph",
    "shapes": "each release graph, with the shared descriptions it uses, conforms to the shapes",
    "derived": "derived facts equal a recomputation from the release graphs",
    "shared": "each shared description is used by a release and accounted for in the support bookkeeping",
    "view": "the embedded store's default graph, which queries read, holds every triple of the release, "
            "shared and derived graphs and nothing else",
}
CHUNK = 20  # release graphs read per request

_TYPE, _DERIVED_FROM, _EVIDENCE = to_ox(RDF.type), to_ox(PROV.wasDerivedFrom), to_ox(DG.evidence)
_RELEASE, _RELEASE_ID, _STATUS_CHANGE = to_ox(DG.PressRelease), to_ox(DG.releaseId), to_ox(DG.StatusChange)
_FACT_CLASSES = {to_ox(c) for c in (DG.BilateralMeeting, DG.MultilateralMeeting, DG.OfficialVisit, DG.CourtesyCall,
                                    DG.AgreementSigning, DG.Agreement, DG.MemorandumOfUnderstanding,
                                    DG.JointStatement, DG.LetterOfIntent)}
_OWN_GRAPHS = {DERIVED_GRAPH, SHARED_GRAPH, SUPPORT_GRAPH, to_ox(CURATION_GRAPH)}


class Source(Protocol):
    """What the doctor reads: the methods EmbeddedStore and RemoteStore share with ``export``."""

    def select(self, query: str) -> Results: ...

    def query(self, text: str, bindings: dict[str, Term | None] | None = None) -> Results: ...

    def graph_quads(self, graphs: Sequence[ox.NamedNode]) -> Iterator[ox.Quad]: ...

    def shared_quads(self, subjects: Iterable[ox.NamedNode] | None = None) -> Iterator[ox.Quad]: ...

    def derived_quads(self, subjects: Iterable[ox.NamedNode] | None = None) -> Iterator[ox.Quad]: ...


@dataclass(frozen=True)
class Problem:
    check: str  # one of CHECKS
    node: str  # the IRI (or N-Triples statement) it is about
    message: str


@dataclass
class DoctorReport:
    releases: int = 0
    events: int = 0  # counted as stats counts them (diplograph.counting): held ones, each once
    agreements: int = 0  # each once, whatever its status
    shared_triples: int = 0
    derived_triples: int = 0
    warnings: int = 0  # shape warnings (an undated event): allowed, not problems
    problems: list[Problem] = field(default_factory=list)
    curation: CurationReport = field(default_factory=CurationReport)  # the analysts' rules: warnings only

    @property
    def healthy(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        """Problems per check, every check listed."""
        out = dict.fromkeys(CHECKS, 0)
        for p in self.problems:
            out[p.check] += 1
        return out

    def to_json(self) -> dict:
        return {"healthy": self.healthy, "releases": self.releases, "events": self.events,
                "agreements": self.agreements, "shared_triples": self.shared_triples,
                "derived_triples": self.derived_triples, "warnings": self.warnings, "counts": self.counts(),
                "curation": {"rules": self.curation.rules,
                             "stale": [{"rule": r, "label": label} for r, label in self.curation.stale],
                             "outdated_releases": self.curation.outdated},
                "problems": [{"check": p.check, "node": p.node, "message": p.message} for p in self.problems]}


def check_store(source: Source, *, engine: str | None = None, include_planned: bool = False) -> DoctorReport:
    """Every check of :data:`CHECKS` on ``source``; the problems found, as data. The events and
    agreements it reports are counted as ``stats`` counts them (scheduled events too with
    ``include_planned``); every event is checked, whatever its status."""
    report = DoctorReport()
    problem = report.problems.append
    graphs = _graphs(source)
    releases = sorted((g for g in graphs if g.value.startswith(RELEASE_PREFIX)), key=str)
    for g in sorted(graphs - set(releases) - _OWN_GRAPHS, key=str):
        problem(Problem("graphs", g.value, "a named graph in diplograph's namespace that is neither a release "
                                           "graph nor one of the store's own"))
    shared: dict[ox.NamedNode | ox.BlankNode, list[ox.Triple]] = defaultdict(list)
    for q in source.shared_quads():
        shared[q.subject].append(q.triple)
    derived: dict[ox.NamedNode | ox.BlankNode, list[ox.Triple]] = defaultdict(list)
    for q in source.derived_quads():
        derived[q.subject].append(q.triple)
    report.shared_triples = sum(map(len, shared.values()))
    report.derived_triples = sum(map(len, derived.values()))

    present: set[ox.NamedNode] = set()
    pointers: list[tuple[ox.NamedNode, Term, Term]] = []  # (graph, node, release it points to)
    used: set[Term] = set()  # every IRI a release graph names
    for graph, triples in _release_graphs(source, releases):
        if _has_node(graph, triples):
            present.add(graph)
        else:
            problem(Problem("graphs", graph.value, "release graph without its release node "
                                                   "(dg:PressRelease with a dg:releaseId)"))
        pointers += [(graph, t.subject, t.object) for t in triples if t.predicate == _DERIVED_FROM]
        _check_facts(graph, triples, report)
        names = {x for t in triples for x in (t.subject, t.object) if isinstance(x, ox.NamedNode)}
        reach = _reachable(names, shared)
        used |= reach
        _check_shapes(graph, triples, reach, shared, derived, report, engine)
    report.releases = len(present)
    report.events = counting.count_events(source, include_planned=include_planned)
    report.agreements = counting.count_agreements(source)
    for graph, node, target in pointers:
        if target not in present:
            problem(Problem("provenance", str(node), f"points to release {target} (in graph {graph.value}), "
                                                     "which is not in the store"))
    _check_derived(source, releases, derived, report)
    _check_view(source, releases, report)
    _check_shared(source, shared, used, present, report)
    report.curation = check_curation(source)
    return report


def _check_view(source: Source, releases: list[ox.NamedNode], report: DoctorReport) -> None:
    """Point lookups both ways, so that the check streams through a store of any size."""
    store = getattr(source, "ox", None)
    if not isinstance(store, ox.Store):
        return  # a server
    with _reading(source):
        _check_embedded_view(store, releases, report)


def _check_embedded_view(store: ox.Store, releases: list[ox.NamedNode], report: DoctorReport) -> None:
    if not has_view(store):
        return  # a store whose next writer converts it (queries read the union till then)
    default = ox.DefaultGraph()
    mirrored = {*releases, SHARED_GRAPH, DERIVED_GRAPH}
    for g in sorted(mirrored, key=str):
        for q in store.quads_for_pattern(None, None, None, g):
            if ox.Quad(q.subject, q.predicate, q.object, default) not in store:
                report.problems.append(Problem("view", f"{q.triple}", f"in {g.value} but not in the default graph"))
    for q in store.quads_for_pattern(None, None, None, default):
        if not any(other.graph_name in mirrored for other in store.quads_for_pattern(q.subject, q.predicate,
                                                                                      q.object, None)):
            report.problems.append(Problem("view", f"{q.triple}", "in the default graph, but in no release, "
                                                                  "shared or derived graph"))


def _reading(source: Source) -> AbstractContextManager:
    """An EmbeddedStore's guard for reading its Oxigraph store directly: damaged files become a StoreError."""
    guard = getattr(source, "guard", None)
    return guard("read") if guard is not None else nullcontext()


def _graphs(source: Source) -> set[ox.NamedNode]:
    """The named graphs in diplograph's namespace (a server's own system graphs are left alone)."""
    store = getattr(source, "ox", None)
    if isinstance(store, ox.Store):
        with _reading(source):
            return {g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(ID_IRI)}
    rows = source.select(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                         f'FILTER(STRSTARTS(STR(?g), "{ID_IRI}")) }}')
    return {r[0] for r in rows.rows}


def _release_graphs(source: Source, releases: list[ox.NamedNode]) -> Iterator[tuple[ox.NamedNode, list[ox.Triple]]]:
    for i in range(0, len(releases), CHUNK):
        chunk = releases[i:i + CHUNK]
        by_graph: dict[ox.NamedNode, list[ox.Triple]] = {g: [] for g in chunk}
        for q in source.graph_quads(chunk):
            by_graph[q.graph_name].append(q.triple)
        yield from by_graph.items()


def _has_node(graph: ox.NamedNode, triples: list[ox.Triple]) -> bool:
    return (ox.Triple(graph, _TYPE, _RELEASE) in set(triples)
            and any(t.subject == graph and t.predicate == _RELEASE_ID for t in triples))


def _check_facts(graph: ox.NamedNode, triples: list[ox.Triple], report: DoctorReport) -> None:
    """Events and agreements point to this release and quote their evidence; status changes point to it."""
    types: dict[Term, set[Term]] = defaultdict(set)
    sources: dict[Term, set[Term]] = defaultdict(set)
    evidence: set[Term] = set()
    for t in triples:
        if t.predicate == _TYPE:
            types[t.subject].add(t.object)
        elif t.predicate == _DERIVED_FROM:
            sources[t.subject].add(t.object)
        elif t.predicate == _EVIDENCE:
            evidence.add(t.subject)
    for node, classes in sorted(types.items(), key=lambda kv: str(kv[0])):
        fact = classes & _FACT_CLASSES
        if not fact and _STATUS_CHANGE not in classes:
            continue
        if graph not in sources.get(node, ()):
            report.problems.append(Problem("provenance", str(node), f"stated in {graph.value} but does not point "
                                                                    "to it (prov:wasDerivedFrom)"))
        if fact and node not in evidence:
            report.problems.append(Problem("evidence", str(node), f"no dg:evidence sentence in {graph.value}"))


def _reachable(names: set[Term], shared: dict) -> set[Term]:
    """``names`` and everything their shared descriptions lead to (a person → the country they represent)."""
    seen, todo = set(names), list(names)
    while todo:
        for t in shared.get(todo.pop(), ()):
            if isinstance(t.object, (ox.NamedNode, ox.BlankNode)) and t.object not in seen:
                seen.add(t.object)
                todo.append(t.object)
    return seen


def _check_shapes(graph: ox.NamedNode, triples: list[ox.Triple], reach: set[Term], shared: dict, derived: dict,
                  report: DoctorReport, engine: str | None) -> None:
    """The release graph, the shared descriptions it reaches and the derived facts about its nodes."""
    subjects = {t.subject for t in triples}
    data = [*triples, *(t for n in reach for t in shared.get(n, ())),
            *(t for n in subjects for t in derived.get(n, ()))]
    result = validate_triples([tuple(to_rdflib(x) for x in (t.subject, t.predicate, t.object)) for t in data],
                              engine=engine)
    report.warnings += len(result.warnings)
    for v in result.violations:
        path = f" {v.path}" if v.path else ""
        report.problems.append(Problem("shapes", v.focus, f"in {graph.value}:{path} {v.message}"))


def _check_derived(source: Source, releases: list[ox.NamedNode], derived: dict, report: DoctorReport) -> None:
    def quads() -> Iterator[tuple]:
        for i in range(0, len(releases), CHUNK):
            for q in source.graph_quads(releases[i:i + CHUNK]):
                yield (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), to_rdflib(q.graph_name))

    expected = {ox.Triple(*(to_ox(x) for x in t)) for t in derived_triples(quads())}
    stored = {t for ts in derived.values() for t in ts}
    for t in sorted(expected - stored, key=str):
        report.problems.append(Problem("derived", _statement(t), "missing from the derived graph"))
    for t in sorted(stored - expected, key=str):
        report.problems.append(Problem("derived", _statement(t), "in the derived graph, but the releases in the "
                                                                 "store do not support it"))


def _check_shared(source: Source, shared: dict, used: set[Term], present: set[ox.NamedNode],
                  report: DoctorReport) -> None:
    for subject in sorted(set(shared) - used, key=str):
        report.problems.append(Problem("shared", str(subject), f"a shared description ({len(shared[subject])} "
                                                               "triples) that no release in the store uses"))
    support = SUPPORT_GRAPH.value
    sharers: dict[Term, set[Term]] = defaultdict(set)
    for release, description in source.select(f"SELECT ?r ?d WHERE {{ GRAPH <{support}> "
                                              f"{{ ?r <{SHARES.value}> ?d }} }}").rows:
        sharers[description].add(release)
    lines: dict[Term, set[str]] = defaultdict(set)
    for description, line in source.select(f"SELECT ?d ?line WHERE {{ GRAPH <{support}> "
                                           f"{{ ?d <{TRIPLE.value}> ?line }} }}").rows:
        lines[description].add(line.value)
    gone = {r for rs in sharers.values() for r in rs} - present
    for release in sorted(gone, key=str):
        report.problems.append(Problem("shared", str(release), "the support bookkeeping names this release as a "
                                                               "contributor, but it is not in the store"))
    live = _canonical({line for d, rs in sharers.items() if rs & present for line in lines.get(d, ())})
    actual = {_statement(t) for ts in shared.values() for t in ts}
    unbacked: dict[str, int] = defaultdict(int)
    for line in actual - live:
        unbacked[line.split(" ", 1)[0]] += 1
    for subject, n in sorted(unbacked.items()):
        report.problems.append(Problem("shared", subject, f"{count(n, 'shared triple')} no stored release contributed "
                                                          "(remove could not retract them)"))
    for line in sorted(live - actual):
        report.problems.append(Problem("shared", line, "contributed by a stored release but missing from the "
                                                       "shared descriptions"))


def _canonical(lines: Iterable[str]) -> set[str]:
    """N-Triples lines as the store writes them back: Oxigraph stores literals in canonical form
    (``"…T12:03:51+00:00"^^xsd:dateTime`` comes back as ``"…T12:03:51Z"``), so the lines the support
    bookkeeping recorded are read into a store of their own before they are compared."""
    scratch = ox.Store()
    scratch.load("\n".join(lines), format=ox.RdfFormat.N_TRIPLES)
    return {_statement(q.triple) for q in scratch}


def _statement(t: ox.Triple) -> str:
    """A triple as one N-Triples line (the form the support bookkeeping records)."""
    return f"{t.subject} {t.predicate} {t.object} ."


__all__ = ["CHECKS", "DoctorReport", "Problem", "check_store"]
