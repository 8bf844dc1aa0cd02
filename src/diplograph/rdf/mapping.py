"""Facts to RDF: one named graph per release, shared descriptions in the default graph.

What a release states — its own description, the events and agreements it
reports with their evidence, the positions it gives people, each status it
reports — goes into the named graph whose name is the release's IRI. What all
releases share — a country's ISO code and labels, a person's names, topic
labels — goes into the default graph. Facts derived across releases (an
agreement's latest status, ``dg:hasMoUWith``) are computed by
:func:`derived_triples` from the merged graph, so they never depend on the
order releases were read in.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .. import __version__, gazetteer
from ..model import Event, Person, ReleaseFacts
from ..resolve import name_form, registry, romanize
from . import iris
from .namespaces import DCTERMS, DG, ID, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, WD, XSD

Triple = tuple[Node, Node, Node]

_MEETS_KINDS = {"BilateralMeeting", "CourtesyCall", "OfficialVisit", "AgreementSigning", "MultilateralMeeting"}


@dataclass
class ReleaseGraph:
    """The triples one release contributes: its named graph and the shared descriptions it needs."""

    iri: URIRef
    triples: list[Triple] = field(default_factory=list)  # in the release's named graph
    shared: list[Triple] = field(default_factory=list)  # in the default graph


def _date(d: dt.date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def activity_iri() -> tuple[URIRef, list[Triple]]:
    """The extraction run. Its time is SOURCE_DATE_EPOCH when set, so builds can be reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    stamp = when.strftime("%Y%m%dT%H%M%SZ")
    node = ID[f"run/diplograph-{__version__}/{stamp}"]
    return node, [
        (node, RDF.type, PROV.Activity),
        (node, RDFS.label, Literal(f"diplograph {__version__} extraction")),
        (node, PROV.startedAtTime, Literal(when.isoformat(timespec="seconds"), datatype=XSD.dateTime)),
        (node, SCHEMA.softwareVersion, Literal(__version__)),
    ]


@cache
def _topic_labels() -> dict[str, list[Triple]]:
    """Each topic concept's description, from ontology/topics.ttl, to ship with the graphs that use it."""
    from ..resources import resource_file

    scheme = Graph().parse(resource_file("ontology", "topics.ttl"))
    out: dict[str, list[Triple]] = {}
    for concept in scheme.subjects(RDF.type, SKOS.Concept):
        notation = str(concept).rsplit("/", 1)[-1]
        out[notation] = [(concept, p, o) for p, o in scheme.predicate_objects(concept)
                         if p in (RDF.type, SKOS.prefLabel, SKOS.notation, SKOS.inScheme, SKOS.broader)]
    return out


def country_triples(code: str) -> list[Triple]:
    info = gazetteer.countries().info.get(code)
    node = iris.country_iri(code)
    out: list[Triple] = [(node, RDF.type, DG.Country), (node, DG.iso3166, Literal(code))]
    if info:
        out += [(node, RDFS.label, Literal(info.label_en, lang="en")),
                (node, RDFS.label, Literal(info.label_th, lang="th"))]
        if info.wikidata:
            out.append((node, OWL.sameAs, WD[info.wikidata]))
    return out


def _org_triples(key: str) -> list[Triple]:
    info = gazetteer.organizations().info[key]
    node = iris.org_iri(key)
    out: list[Triple] = [(node, RDF.type, DG.Organization),
                         (node, RDFS.label, Literal(info.name_th, lang="th")),
                         (node, RDFS.label, Literal(info.name_en, lang="en"))]
    out += [(node, SKOS.altLabel, Literal(a)) for a in info.aliases]
    return out


def _person_shared(person: Person) -> list[Triple]:
    """A person's names: the registry's canonical Thai and English names as rdfs:label (so every
    release shares them), the forms this release writes as labels or, when they differ from the
    registry's, skos:altLabel; a romanised form of a Thai name that has no Latin one."""
    node = iris.person_iri(person.key)
    entry = registry().entries.get(person.key)
    out: list[Triple] = [(node, RDF.type, DG.Person)]
    canonical = [(n, lang) for n, lang in ((entry.name_en, "en"), (entry.name_th, "th")) if n] if entry else []
    out += [(node, RDFS.label, Literal(n, lang=lang)) for n, lang in canonical]
    known = {name_form(n) for n, _ in canonical}
    written = [(person.name, person.name_lang), *person.alt_names]
    for name, lang in written:
        if name_form(name) not in known:
            out.append((node, SKOS.altLabel if entry else RDFS.label, Literal(name, lang=lang)))
    if not any(lang == "en" for _, lang in canonical + written):
        out.append((node, SKOS.altLabel, Literal(romanize(person.name), lang="th-Latn")))
    out += [(node, DG.honorific, Literal(h)) for h in person.honorifics]
    country = person.country or (entry.country if entry else None)
    if country:
        out.append((node, DG.represents, iris.country_iri(country)))
    if entry and entry.wikidata:
        out.append((node, OWL.sameAs, WD[entry.wikidata]))
    return out


def map_release(facts: ReleaseFacts, activity: URIRef | None = None) -> ReleaseGraph:
    release = facts.release
    r = iris.release_iri(release.release_id)
    graph = ReleaseGraph(r)
    add, share = graph.triples.append, graph.shared.extend
    add((r, RDF.type, DG.PressRelease))
    add((r, DG.releaseId, Literal(release.release_id)))
    add((r, DG.sourceFile, Literal(release.source_file)))
    add((r, DG.contentHash, Literal(release.content_hash)))
    if release.url:
        add((r, SCHEMA.url, URIRef(release.url)))
    if release.issued:
        add((r, DCTERMS.issued, _date(release.issued)))
    if release.title:
        add((r, DCTERMS.title, Literal(release.title, lang=release.lang)))
    add((r, DCTERMS.language, Literal(release.lang)))
    if activity is not None:
        add((r, PROV.wasGeneratedBy, activity))

    countries: set[str] = set()
    topics: set[str] = set()
    for person in facts.people:
        p = iris.person_iri(person.key)
        share(_person_shared(person))
        if person.position:
            add((p, DG.positionTitle, Literal(person.position, lang=person.position_lang)))
        if person.organization:
            add((p, DG.memberOf, iris.org_iri(person.organization)))
            share(_org_triples(person.organization))
        if person.country:
            countries.add(person.country)

    event_keys = _event_keys(facts.events)
    for event, key in zip(facts.events, event_keys):
        e = iris.event_iri(key)
        add((e, RDF.type, DG[event.kind]))
        if event.date and event.end_date:
            add((e, DG.startDate, _date(event.date)))
            add((e, DG.endDate, _date(event.end_date)))
        elif event.date:
            add((e, DG.heldOn, _date(event.date)))
        if event.name:
            add((e, DG.eventName, Literal(event.name, lang="th" if _thai(event.name) else "en")))
        if event.mode:
            add((e, DG.mode, DG[event.mode]))
        if event.status:
            add((e, DG.reportedStatus, DG[event.status]))
        for code in event.countries:
            add((e, DG.involvesCountry, iris.country_iri(code)))
            countries.add(code)
        for key_ in event.participants:
            add((e, DG.participant, iris.person_iri(key_)))
        if event.during is not None:
            add((e, DG.duringEvent, iris.event_iri(event_keys[event.during])))
        for notation in event.topics:
            add((e, DG.topic, iris.topic_iri(notation)))
            topics.add(notation)
        for sentence in event.evidence:
            add((e, DG.evidence, Literal(sentence, lang=release.lang)))
        add((e, PROV.wasDerivedFrom, r))
        if event.kind in _MEETS_KINDS:
            people = [iris.person_iri(k) for k in event.participants]
            for a in people:
                for b in people:
                    if a != b:
                        add((a, DG.meets, b))

    for agreement in facts.agreements:
        key = iris.agreement_key(agreement)
        a = iris.agreement_iri(key)
        add((a, RDF.type, DG[agreement.kind]))
        if agreement.kind != "Agreement":
            add((a, RDF.type, DG.Agreement))
        for code in agreement.parties:
            add((a, DG.party, iris.country_iri(code)))
            countries.add(code)
        if agreement.title:
            add((a, DG.agreementTitle, Literal(agreement.title, lang=agreement.title_lang)))
        for status, when in agreement.history or ((agreement.status, agreement.date),):
            change = iris.status_change_iri(key, release.release_id, status)
            add((a, DG.statusHistory, change))
            add((change, RDF.type, DG.StatusChange))
            add((change, DG.status, DG[status]))
            if when:
                add((change, DG.date, _date(when)))
            add((change, PROV.wasDerivedFrom, r))
        for key_ in agreement.signatories:
            add((a, DG.signatory, iris.person_iri(key_)))
        for key_ in agreement.witnesses:
            add((a, DG.witness, iris.person_iri(key_)))
        for org in agreement.signing_bodies:
            add((a, DG.signingBody, iris.org_iri(org)))
            share(_org_triples(org))
        if agreement.signed_at is not None:
            add((a, DG.signedAt, iris.event_iri(event_keys[agreement.signed_at])))
        for notation in agreement.topics:
            add((a, DG.topic, iris.topic_iri(notation)))
            topics.add(notation)
        for sentence in agreement.evidence:
            add((a, DG.evidence, Literal(sentence, lang=release.lang)))
        add((a, PROV.wasDerivedFrom, r))

    for code in sorted(countries):
        share(country_triples(code))
    labels = _topic_labels()
    for notation in sorted(topics):
        share(labels.get(notation, []))
    return graph


def _event_keys(events: tuple[Event, ...]) -> list[str]:
    """Identity keys; two events of one release with the same key differ by their participants."""
    keys: list[str] = []
    for event in events:
        parent = keys[event.during] if event.during is not None and event.during < len(keys) else None
        key = iris.event_key(event, parent)
        if key in keys:
            key += "/" + "-".join(sorted(event.participants))[:60]
        keys.append(key)
    return keys


def derived_triples(quads: Iterable[tuple[Node, Node, Node, Node | None]]) -> list[Triple]:
    """Cross-release facts: each event's and agreement's latest status, dg:hasMoUWith for signed MoUs.

    Reads quads (subject, predicate, object, graph) so that it knows which release
    reported what: an event's status is the one its latest-issued release reports (a
    later "held" supersedes an earlier "scheduled"); an agreement's is the status with
    the latest date — its own date, else the issuing date of the release reporting it —
    and at equal dates the more advanced one. Streams: only the few predicates it needs
    are kept, so it can run over a whole store.
    """
    issued: dict[Node, str] = {}
    changes: dict[Node, set[Node]] = {}
    change_status: dict[Node, Node] = {}
    change_date: dict[Node, str] = {}
    change_release: dict[Node, Node] = {}
    reports: dict[Node, list[tuple[Node | None, Node]]] = {}
    mous: set[Node] = set()
    parties: dict[Node, set[Node]] = {}
    for s, p, o, g in quads:
        if p == DCTERMS.issued:
            issued[s] = str(o)
        elif p == DG.statusHistory:
            changes.setdefault(s, set()).add(o)
        elif p == DG.status and g is not None:
            change_status[s] = o
        elif p == DG.date:
            change_date[s] = str(o)
        elif p == PROV.wasDerivedFrom:
            change_release[s] = o
        elif p == DG.reportedStatus:
            reports.setdefault(s, []).append((g, o))
        elif p == RDF.type and o == DG.MemorandumOfUnderstanding:
            mous.add(s)
        elif p == DG.party:
            parties.setdefault(s, set()).add(o)

    out: list[Triple] = []
    for event, reported in reports.items():
        _rank, status = max(((issued.get(g, "") if g is not None else ""), _EVENT_ORDER.get(o, -1), o)
                            for g, o in reported)[1:]
        out.append((event, DG.eventStatus, status))
    for agreement, its_changes in changes.items():
        ranked = []
        for change in its_changes:
            status = change_status.get(change)
            if status is None:
                continue
            when = change_date.get(change) or issued.get(change_release.get(change), "")
            ranked.append((when, _AGREEMENT_ORDER.get(status, -1), status))
        if not ranked:
            continue
        status = max(ranked)[2]
        out.append((agreement, DG.status, status))
        if status == DG.Signed and agreement in mous:
            for x in sorted(parties.get(agreement, ())):
                for y in sorted(parties.get(agreement, ())):
                    if x != y:
                        out.append((x, DG.hasMoUWith, y))
    return sorted(set(out))


_EVENT_ORDER = {DG.Scheduled: 0, DG.Held: 1, DG.Postponed: 2, DG.Cancelled: 3}
_AGREEMENT_ORDER = {DG.Proposed: 0, DG.UnderNegotiation: 1, DG.Approved: 2, DG.Signed: 3}


def _thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def all_triples(graphs: Iterable[ReleaseGraph]) -> Iterable[tuple[Node, Node, Node, Node | None]]:
    """Quads (default graph = None) for a batch, shared triples once."""
    seen: set[Triple] = set()
    for g in graphs:
        for t in g.triples:
            yield (*t, g.iri)
        for t in g.shared:
            if t not in seen:
                seen.add(t)
                yield (*t, None)


__all__ = ["ReleaseGraph", "map_release", "derived_triples", "activity_iri", "country_triples", "all_triples"]
