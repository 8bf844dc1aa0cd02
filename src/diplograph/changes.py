"""What a store must change when releases come in or go out, computed once for every kind of store.

The store's layout — a named graph per release, the shared, derived and support graphs — is
:mod:`diplograph.store_layout`'s; a :class:`~diplograph.store_layout.ChangeSet` is what a store applies.

:func:`plan` reads the store through SPARQL (so the same code serves Oxigraph
and any SPARQL 1.1 server) and returns a :class:`ChangeSet`: graphs to drop,
quads to delete, graphs to put, quads to insert. Replacing a release is
removing it and adding it again, in one change set:

* a shared triple stays exactly as long as one release that contributed it
  stays, so removing releases leaves the store the remaining releases would
  have built — no orphaned description, no dangling reference;
* derived facts are recomputed for the agreements and events the change
  touches with :func:`diplograph.rdf.derived.derived_triples` — the function
  ``build`` uses — so the store does not depend on the order releases came in.

The planner reads the store before the change is applied; the embedded store's
lock guarantees nobody writes in between.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

import pyoxigraph as ox

from .rdf.derived import derived_triples
from .rdf.namespaces import DCTERMS, DG, PROV, RDF
from .rdf.ntriples import NTriples
from .rdf.terms import Term, iri, to_ox, to_rdflib
from .results import Results
from .sparql import values_block
from .store_layout import (DERIVED_GRAPH, DESCRIPTION_PREFIX, PREFIXES, SHARES, STATUS_DATE, SUPPORT_GRAPH, TRIPLE,
                           ChangeSet)

if TYPE_CHECKING:
    from .rdf.mapping import ReleaseGraph

_DEFAULT = ox.DefaultGraph()


class Backend(Protocol):
    """What the planner needs from a store."""

    shared_clause: str  # "" (default graph) or "GRAPH <…>": where maintenance queries find shared descriptions
    max_values: int  # how many terms one VALUES block may carry

    def select(self, query: str) -> Results: ...

    def apply(self, change: ChangeSet) -> None: ...


@dataclass
class NewRelease:
    """A release ready to store: its IRI, its named-graph triples and the shared triples it needs,
    grouped by subject, each group (a description) under its bookkeeping node."""

    iri: ox.NamedNode
    release_id: str
    content_hash: str
    triples: NTriples
    descriptions: dict[ox.NamedNode, NTriples]

    @classmethod
    def from_graph(cls, graph: ReleaseGraph, release_id: str, content_hash: str,
                   extra_shared: Iterable[tuple] = ()) -> NewRelease:
        triples = NTriples(ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph.triples)
        shared = {ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in [*graph.shared, *extra_shared]}
        groups = map(NTriples, group_by_subject(sorted(shared, key=str)))
        return cls(to_ox(graph.iri), release_id, content_hash, triples, {description_node(ts): ts for ts in groups})


@dataclass
class Plan:
    change: ChangeSet
    replaced: set[ox.NamedNode]  # new releases that were already in the store (rewritten)
    removed: set[ox.NamedNode]  # stored releases the change takes out
    duplicates: dict[ox.NamedNode, ox.NamedNode]  # new release → the release with the same text that stays


def _chunks(items: Sequence, size: int) -> Iterable[Sequence]:
    for i in range(0, len(items), max(size, 1)):
        yield items[i:i + size]


def _select(backend: Backend, template: str, name: str, terms: Iterable[Term]) -> list[tuple]:
    """Run ``template`` once per chunk of ``terms`` (bound to ``?name`` by the VALUES block that
    replaces ``{values}``; literal braces in the template are doubled); all rows."""
    terms = sorted(set(terms), key=str)
    rows: list[tuple] = []
    for chunk in _chunks(terms, backend.max_values):
        query = PREFIXES + template.format(values=values_block([name], [[t] for t in chunk]))
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
    for r in new:
        change.put[r.iri] = r.triples
    _share(backend, change, old, new)
    _derive(backend, change, old, new)
    return Plan(change, old & {r.iri for r in new}, old - {r.iri for r in new}, duplicates)


def description_node(triples: Iterable[ox.Triple]) -> ox.NamedNode:
    """The bookkeeping node standing for one description (a hash of its N-Triples lines)."""
    lines = (triples if isinstance(triples, NTriples) else NTriples(triples)).lines()
    text = "\n".join(sorted(lines))
    return iri(DESCRIPTION_PREFIX + hashlib.sha1(text.encode("utf-8")).hexdigest())


def group_by_subject(triples: Iterable[ox.Triple]) -> list[list[ox.Triple]]:
    """Triples grouped by subject, groups in the order their subjects first come."""
    by_subject: dict[ox.NamedNode | ox.BlankNode, list[ox.Triple]] = {}
    for t in triples:
        by_subject.setdefault(t.subject, []).append(t)
    return list(by_subject.values())


def _share(backend: Backend, change: ChangeSet, old: set[ox.NamedNode], new: Sequence[NewRelease]) -> None:
    """Shared triples, with exact support: each stays while some release that contributed it stays.

    The support graph records what each release contributed to the shared graph:
    ``<release> store:shares <description>`` for each node it describes, and
    ``<description> store:triple "s p o ."`` for the triples of that description. A
    country's description is the same from every release, so it is one node shared by
    thousands; a person's may differ between releases (names, honorifics). Removing a
    release retracts exactly the shared triples no remaining description has, and a
    replaced release gets exactly its new contributions. Invariant: the shared graph is
    the union of the triples of the descriptions some release shares.
    """
    fresh: dict[ox.NamedNode, NTriples] = {}
    for r in new:
        for node, triples in r.descriptions.items():
            fresh[node] = triples
            change.insert.append(ox.Quad(r.iri, SHARES, node, SUPPORT_GRAPH))
    support = SUPPORT_GRAPH.value
    if old:
        shared_by_old: set[ox.NamedNode] = set()
        for r, node in _select(backend, f"SELECT ?r ?d WHERE {{{{ {{values}} GRAPH <{support}> {{{{ "
                                        f"?r <{SHARES.value}> ?d }}}} }}}}", "r", old):
            change.delete.append(ox.Quad(r, SHARES, node, SUPPORT_GRAPH))
            shared_by_old.add(node)
        others = ", ".join(str(g) for g in sorted(old, key=str))
        candidates = shared_by_old - set(fresh)
        kept = {row[0] for row in _select(  # EXISTS: a country's description has thousands of sharers
            backend, f"SELECT ?d WHERE {{{{ {{values}} FILTER EXISTS {{{{ GRAPH <{support}> {{{{ "
                     f"?r <{SHARES.value}> ?d }}}} FILTER(?r NOT IN ({others})) }}}} }}}}", "d", candidates)}
        dead = candidates - kept
        lines: set[ox.Literal] = set()
        for node, line in _select(backend, f"SELECT ?d ?line WHERE {{{{ {{values}} GRAPH <{support}> {{{{ "
                                           f"?d <{TRIPLE.value}> ?line }}}} }}}}", "d", dead):
            change.delete.append(ox.Quad(node, TRIPLE, line, SUPPORT_GRAPH))
            lines.add(line)
        lines -= {ox.Literal(line) for ts in fresh.values() for line in ts.lines()}
        dead_names = ", ".join(str(d) for d in sorted(dead, key=str))
        still = {row[0] for row in _select(  # in a description that stays
            backend, f"SELECT DISTINCT ?line WHERE {{{{ {{values}} GRAPH <{support}> {{{{ ?d <{TRIPLE.value}> "
                     f"?line }}}} FILTER(?d NOT IN ({dead_names})) }}}}", "line", lines)} if lines else set()
        for line in sorted(lines - still, key=str):
            t = next(iter(ox.parse(line.value, format=ox.RdfFormat.N_TRIPLES)))
            change.delete.append(ox.Quad(t.subject, t.predicate, t.object, _DEFAULT))
    known = {row[0] for row in _select(backend, f"SELECT DISTINCT ?d WHERE {{{{ {{values}} GRAPH <{support}> "
                                                f"{{{{ ?d <{TRIPLE.value}> ?line }}}} }}}}", "d", fresh)}
    for node in sorted(set(fresh) - known, key=str):  # a known description's triples are in the shared graph
        for t, line in zip(fresh[node], fresh[node].lines(), strict=True):
            change.insert.append(ox.Quad(t.subject, t.predicate, t.object, _DEFAULT))
            change.insert.append(ox.Quad(node, TRIPLE, ox.Literal(line), SUPPORT_GRAPH))


def _derive(backend: Backend, change: ChangeSet, old: set[ox.NamedNode], new: Sequence[NewRelease]) -> None:
    """Recompute derived facts for the agreements and events the change touches; add the difference.

    The inputs of :func:`derived_triples` — status histories, reported event
    statuses, release dates, agreement kinds and parties — are read for the touched
    nodes from every release graph but the old ones, plus the new releases.
    """
    history, reported, party, mou_with = (to_ox(DG.statusHistory), to_ox(DG.reportedStatus), to_ox(DG.party),
                                          to_ox(DG.hasMoUWith))
    type_p = to_ox(RDF.type)
    wanted = {history, reported, to_ox(DG.status), to_ox(DG.date), to_ox(PROV.wasDerivedFrom),
              to_ox(DCTERMS.issued), party, type_p}
    facts = {r.iri: r.triples.having(wanted) for r in new}  # what derivation reads of each new release
    agreements = {t.subject for ts in facts.values() for t in ts if t.predicate == history}
    events = {t.subject for ts in facts.values() for t in ts if t.predicate == reported}
    old_facts = _select(backend, "SELECT DISTINCT ?n ?p WHERE {{ {values} GRAPH ?g {{ ?n ?p ?o "
                                 "FILTER(?p IN (dg:statusHistory, dg:reportedStatus)) }} }}", "g", old) if old else []
    for n, p in old_facts:
        (agreements if p == history else events).add(n)
    if not agreements and not events:
        return
    quads: list[tuple] = []  # (s, p, o, g), oxigraph terms, from the graphs that stay
    staying = f"FILTER(?g NOT IN ({', '.join(str(g) for g in sorted(old, key=str))}))" if old else ""

    def keep(g: ox.NamedNode, *triples: tuple) -> None:
        if g not in old:
            quads.extend((*t, g) for t in triples if all(x is not None for x in t))

    derived = DERIVED_GRAPH.value
    current = {ox.Triple(s, p, o) for s, p, o in _select(
        backend, f"SELECT ?s ?p ?o WHERE {{{{ {{values}} GRAPH <{derived}> {{{{ ?s ?p ?o }}}} }}}}", "s",
        agreements | events)}
    # An agreement's status is the one reported with the latest date (its own, else its release's),
    # and at equal dates the more advanced one. The store keeps that date (STATUS_DATE, in the
    # support graph): when no report of an agreement goes away, its status now and that date stand
    # for all its stored reports, however many releases made them — so a batch costs the same in a
    # store of a thousand releases and of a hundred thousand. Agreements reported in graphs the
    # change drops (or with no such record, as in a store written before it was kept) are
    # recomputed from all their reports.
    # An event's status is likewise the one its latest-issued report gives: the same record.
    status_p, event_status_p = to_ox(DG.status), to_ox(DG.eventStatus)
    now_status = {t.subject: t.object for t in current if t.predicate in (status_p, event_status_p)}
    support = SUPPORT_GRAPH.value
    kept_date = {a: w for a, w in _select(
        backend, f"SELECT ?a ?w WHERE {{{{ {{values}} GRAPH <{support}> {{{{ ?a <{STATUS_DATE.value}> ?w }}}} }}}}",
        "a", agreements | events)}
    in_old = {n for n, _p in old_facts}
    known = {a for a in agreements if a in now_status and a in kept_date and a not in in_old}
    known_events = {e for e in events if e in now_status and e in kept_date and e not in in_old}
    for i, e in enumerate(sorted(known_events, key=str)):  # the latest report so far, from a release of its date
        stand_in = ox.BlankNode(f"issued{i}")
        quads.append((e, reported, now_status[e], stand_in))
        if kept_date[e].value:
            quads.append((stand_in, to_ox(DCTERMS.issued), ox.Literal(kept_date[e].value), stand_in))
    for i, a in enumerate(sorted(known, key=str)):  # the winning report so far, as one report
        c, stand_in = ox.BlankNode(f"latest{i}"), ox.BlankNode("stored")
        quads.extend([(a, history, c, stand_in), (c, to_ox(DG.status), now_status[a], stand_in)])
        if kept_date[a].value:
            quads.append((c, to_ox(DG.date), ox.Literal(kept_date[a].value), stand_in))
    for g, a, c, status, date, r, issued in _select(
            backend, "SELECT ?g ?a ?c ?status ?date ?r ?issued WHERE {{ {values} GRAPH ?g {{ "
                     "?a dg:statusHistory ?c . ?c dg:status ?status OPTIONAL {{ ?c dg:date ?date }} "
                     "OPTIONAL {{ ?c prov:wasDerivedFrom ?r . ?r dct:issued ?issued }} }} }}", "a", agreements - known):
        keep(g, (a, history, c), (c, to_ox(DG.status), status), (c, to_ox(DG.date), date),
             (c, to_ox(PROV.wasDerivedFrom), r), (r, to_ox(DCTERMS.issued), issued))
    # Kinds and parties: an agreement's IRI is made of its kind and parties, so every release that
    # reports it states the same ones — those of the new releases stand for the stored ones (read
    # below with the new releases' triples). For the others, read once each from the store: those
    # of the old graphs count for what the store holds now (the pairs whose dg:hasMoUWith may
    # change); only those of the graphs that stay go into the derivation.
    kinds = "SELECT DISTINCT ?a ?x WHERE {{ {values} GRAPH ?g {{ ?a a ?x }} STAYING }}"
    of_parties = "SELECT DISTINCT ?a ?x WHERE {{ {values} GRAPH ?g {{ ?a dg:party ?x }} STAYING }}"
    staying_braces = staying.replace("{", "{{").replace("}", "}}")
    mou = to_ox(DG.MemorandumOfUnderstanding)
    mous: set[ox.NamedNode] = set()
    parties: dict[ox.NamedNode, set] = {}
    mous |= {t.subject for ts in facts.values() for t in ts
             if t.subject in known and t.predicate == type_p and t.object == mou}
    for template, predicate in ((kinds, type_p), (of_parties, party)):
        now = _select(backend, template.replace("STAYING", ""), "a", agreements - known)
        after = _select(backend, template.replace("STAYING", staying_braces), "a", agreements - known) if old else now
        for a, x in now:
            if predicate == party:
                parties.setdefault(a, set()).add(x)
            elif x == mou:
                mous.add(a)
        quads.extend((a, predicate, x, DERIVED_GRAPH) for a, x in after)  # (any graph name but the default)
    for g, e, status, issued in _select(backend, "SELECT ?g ?e ?s ?issued WHERE {{ {values} GRAPH ?g {{ "
                                                 "?e dg:reportedStatus ?s OPTIONAL {{ ?g dct:issued ?issued }} }} }}",
                                        "e", events - known_events):
        keep(g, (e, reported, status), (g, to_ox(DCTERMS.issued), issued))
    for g, ts in facts.items():
        for t in ts:
            quads.append((t.subject, t.predicate, t.object, g))
            if t.predicate == party:
                parties.setdefault(t.subject, set()).add(t.object)
    latest: dict = {}
    fresh = {ox.Triple(*(to_ox(x) for x in t))
             for t in derived_triples((tuple(to_rdflib(x) for x in q) for q in quads), latest)}
    for a in sorted(agreements | events, key=str):  # the date each status now stands on
        before = kept_date.get(a)
        after = ox.Literal(latest[to_rdflib(a)][0]) if to_rdflib(a) in latest else None
        if before != after:
            if before is not None:
                change.delete.append(ox.Quad(a, STATUS_DATE, before, SUPPORT_GRAPH))
            if after is not None:
                change.insert.append(ox.Quad(a, STATUS_DATE, after, SUPPORT_GRAPH))
    pairs = sorted({(x, y) for cs in parties.values() for x in cs for y in cs if x != y}, key=str)
    signed = to_ox(DG.Signed)
    signed_mous = {t.subject for t in current if t.object == signed and t.subject in mous}  # in the store now
    stated = set()  # the pairs' dg:hasMoUWith in the store now
    for chunk in _chunks(pairs, backend.max_values // 2):
        block = values_block(["x", "y"], chunk)
        rows = backend.select(PREFIXES + f"SELECT ?x ?y WHERE {{ {block} GRAPH <{derived}> "
                                         "{ ?x dg:hasMoUWith ?y } }").rows
        stated |= {ox.Triple(x, mou_with, y) for x, y in rows}
    current |= stated
    # A pair linked now and not by the touched agreements' fresh facts keeps its link if a signed
    # MoU the change does not touch supports it. When no touched agreement is a signed MoU of the
    # pair now, one the change does not touch is (the derived graph was right before the change):
    # no query. Otherwise count the pair's signed MoUs in the store — a query that reads every
    # agreement of the pair's states, so only for the few pairs that need it (it would make each
    # batch slower as the store grows).
    doubtful = []
    for t in stated - fresh:
        touched = sum(1 for a in signed_mous if {t.subject, t.object} <= parties.get(a, set()))
        if touched:
            doubtful.append(((t.subject, t.object), touched))
        else:
            fresh.add(t)
    touched_of = dict(doubtful)
    # One query per pair (x, y and y, x alike), its rarer state first: Oxigraph joins in the order
    # written, and starting from Thailand, a party to almost everything, reads every agreement.
    weight: dict[ox.NamedNode, int] = {}
    for cs in parties.values():
        for x in cs:
            weight[x] = weight.get(x, 0) + 1
    asked = sorted({tuple(sorted(pair, key=lambda x: (weight.get(x, 0), str(x)))) for pair in touched_of}, key=str)
    for chunk in _chunks(asked, backend.max_values // 2):
        block = values_block(["x", "y"], chunk)
        rows = backend.select(PREFIXES + f"SELECT ?x ?y (COUNT(DISTINCT ?a) AS ?n) WHERE {{ {block} GRAPH ?g {{ "
                                         "?a dg:party ?x, ?y ; a dg:MemorandumOfUnderstanding } "
                                         f"GRAPH <{derived}> {{ ?a dg:status dg:Signed }} }} GROUP BY ?x ?y").rows
        for x, y, n in rows:  # signed MoUs of the pair now, less the touched ones: is one left?
            for pair in ((x, y), (y, x)):
                if pair in touched_of and int(n.value) > touched_of[pair]:
                    fresh.add(ox.Triple(pair[0], mou_with, pair[1]))
    change.delete += [ox.Quad(t.subject, t.predicate, t.object, DERIVED_GRAPH) for t in sorted(current - fresh, key=str)]
    change.insert += [ox.Quad(t.subject, t.predicate, t.object, DERIVED_GRAPH) for t in sorted(fresh - current, key=str)]


__all__ = ["Backend", "NewRelease", "Plan", "existing_releases", "plan"]
