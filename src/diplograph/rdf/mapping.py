"""Facts to RDF: one named graph per release, shared descriptions in the default graph.

What a release states — its own description, the events and agreements it
reports with their evidence, the positions it gives people, each status it
reports — goes into the named graph whose name is the release's IRI. What all
releases share — a country's ISO code and labels, a person's names, topic
labels — goes into the default graph. Facts derived across releases (an
agreement's latest status, ``dg:hasMoUWith``) are computed by
:func:`diplograph.rdf.derived.derived_triples` from the merged graph, so they never depend on the
order releases were read in.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .. import __version__, gazetteer
from ..model import Event, Person, ReleaseFacts
from ..resolve import name_form, registry, romanize
from . import iris
from .namespaces import DCTERMS, DG, ID, OWL, PROV, RDF, RDFS, SCHEMA, SKOS, WD, XSD

Triple = tuple[Node, Node, Node]

_MEETS_KINDS = {"BilateralMeeting", "CourtesyCall", "OfficialVisit", "AgreementSigning", "MultilateralMeeting"}

# Terms looked up once: an attribute of a closed rdflib namespace (DG.party) costs a
# microsecond each time, and a release needs hundreds of them.
_TYPE, _LABEL, _ALT, _SAME_AS = RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs
_DERIVED_FROM, _GENERATED_BY, _ISSUED, _TITLE, _LANGUAGE = (PROV.wasDerivedFrom, PROV.wasGeneratedBy,
                                                           DCTERMS.issued, DCTERMS.title, DCTERMS.language)
_URL = SCHEMA.url
(_PRESS_RELEASE, _RELEASE_ID, _SOURCE_FILE, _CONTENT_HASH, _COUNTRY, _ISO, _ORGANIZATION, _PERSON, _HONORIFIC,
 _REPRESENTS, _POSITION, _MEMBER_OF, _START, _END, _HELD_ON, _EVENT_NAME, _MODE, _REPORTED, _INVOLVES,
 _PARTICIPANT, _DURING, _TOPIC, _EVIDENCE, _MEETS, _AGREEMENT, _PARTY, _AGREEMENT_TITLE, _HISTORY,
 _STATUS_CHANGE, _STATUS, _DATE, _SIGNATORY, _WITNESS, _SIGNING_BODY, _SIGNED_AT) = (
    DG.PressRelease, DG.releaseId, DG.sourceFile, DG.contentHash, DG.Country, DG.iso3166, DG.Organization,
    DG.Person, DG.honorific, DG.represents, DG.positionTitle, DG.memberOf, DG.startDate, DG.endDate, DG.heldOn,
    DG.eventName, DG.mode, DG.reportedStatus, DG.involvesCountry, DG.participant, DG.duringEvent, DG.topic,
    DG.evidence, DG.meets, DG.Agreement, DG.party, DG.agreementTitle, DG.statusHistory, DG.StatusChange,
    DG.status, DG.date, DG.signatory, DG.witness, DG.signingBody, DG.signedAt)
_DG = str(DG._NS)


@lru_cache(maxsize=1 << 14)
def _dg(local: str) -> URIRef:
    """A term of the ontology by its local name (a class or an individual the model names)."""
    return getattr(DG, local)


@lru_cache(maxsize=1 << 16)
def _literal(value: str, lang: str | None = None) -> Literal:
    """Literals recur (labels, positions, titles): made once. rdflib literals are immutable."""
    return Literal(value, lang=lang)


@lru_cache(maxsize=1 << 16)
def _iri(kind: str, key: str) -> URIRef:
    return _IRI_MAKERS[kind](key)


_IRI_MAKERS = {"country": iris.country_iri, "person": iris.person_iri, "org": iris.org_iri,
               "topic": iris.topic_iri, "event": iris.event_iri, "agreement": iris.agreement_iri}


@dataclass
class ReleaseGraph:
    """The triples one release contributes: its named graph and the shared descriptions it needs."""

    iri: URIRef
    triples: list[Triple] = field(default_factory=list)  # in the release's named graph
    shared: list[Triple] = field(default_factory=list)  # in the default graph


@lru_cache(maxsize=1 << 16)
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
    return list(_country_triples(code))


@lru_cache(maxsize=1024)
def _country_triples(code: str) -> tuple[Triple, ...]:
    info = gazetteer.countries().info.get(code)
    node = iris.country_iri(code)
    out: list[Triple] = [(node, RDF.type, DG.Country), (node, DG.iso3166, Literal(code))]
    if info:
        out += [(node, RDFS.label, Literal(info.label_en, lang="en")),
                (node, RDFS.label, Literal(info.label_th, lang="th"))]
        if info.wikidata:
            out.append((node, OWL.sameAs, WD[info.wikidata]))
    return tuple(out)


@lru_cache(maxsize=1024)
def _org_triples(key: str) -> tuple[Triple, ...]:
    info = gazetteer.organizations().info[key]
    node = iris.org_iri(key)
    out: list[Triple] = [(node, RDF.type, DG.Organization),
                         (node, RDFS.label, Literal(info.name_th, lang="th")),
                         (node, RDFS.label, Literal(info.name_en, lang="en"))]
    out += [(node, SKOS.altLabel, Literal(a)) for a in info.aliases]
    return tuple(out)


@lru_cache(maxsize=1 << 14)
def _person_shared(person: Person) -> tuple[Triple, ...]:
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
    return tuple(out)


def map_release(facts: ReleaseFacts, activity: URIRef | None = None) -> ReleaseGraph:
    release = facts.release
    r = iris.release_iri(release.release_id)
    graph = ReleaseGraph(r)
    add, share = graph.triples.append, graph.shared.extend
    lit, node = _literal, _iri
    add((r, _TYPE, _PRESS_RELEASE))
    add((r, _RELEASE_ID, Literal(release.release_id)))
    add((r, _SOURCE_FILE, lit(release.source_file)))
    add((r, _CONTENT_HASH, Literal(release.content_hash)))
    if release.url:
        add((r, _URL, URIRef(release.url)))
    if release.issued:
        add((r, _ISSUED, _date(release.issued)))
    if release.title:
        add((r, _TITLE, Literal(release.title, lang=release.lang)))
    add((r, _LANGUAGE, lit(release.lang)))
    if activity is not None:
        add((r, _GENERATED_BY, activity))

    countries: set[str] = set()
    topics: set[str] = set()
    states = {person.key: _state(person) for person in facts.people}
    for person in facts.people:
        p = node("person", person.key)
        share(_person_shared(person))
        if person.position:
            add((p, _POSITION, lit(person.position, person.position_lang)))
        if person.organization:
            add((p, _MEMBER_OF, node("org", person.organization)))
            share(_org_triples(person.organization))
        if person.country:
            countries.add(person.country)

    lang = release.lang
    event_keys = _event_keys(facts.events, release.release_id)
    for event, key in zip(facts.events, event_keys):
        e = node("event", key)
        add((e, _TYPE, _dg(event.kind)))
        if event.date and event.end_date:
            add((e, _START, _date(event.date)))
            add((e, _END, _date(event.end_date)))
        elif event.date:
            add((e, _HELD_ON, _date(event.date)))
        if event.name:
            add((e, _EVENT_NAME, lit(event.name, "th" if _thai(event.name) else "en")))
        if event.mode:
            add((e, _MODE, _dg(event.mode)))
        if event.status:
            add((e, _REPORTED, _dg(event.status)))
        for code in event.countries:
            add((e, _INVOLVES, node("country", code)))
            countries.add(code)
        for key_ in event.participants:
            add((e, _PARTICIPANT, node("person", key_)))
        if event.during is not None:
            add((e, _DURING, node("event", event_keys[event.during])))
        for notation in event.topics:
            add((e, _TOPIC, node("topic", notation)))
            topics.add(notation)
        for sentence in event.evidence:
            add((e, _EVIDENCE, Literal(sentence, lang=lang)))
        add((e, _DERIVED_FROM, r))
        if event.kind in _MEETS_KINDS:
            for a, b in meeting_pairs(event.participants, states):
                add((node("person", a), _MEETS, node("person", b)))

    for agreement in facts.agreements:
        key = iris.agreement_key(agreement, release.release_id)
        a = node("agreement", key)
        add((a, _TYPE, _dg(agreement.kind)))
        if agreement.kind != "Agreement":
            add((a, _TYPE, _AGREEMENT))
        for code in agreement.parties:
            add((a, _PARTY, node("country", code)))
            countries.add(code)
        if agreement.title:
            add((a, _AGREEMENT_TITLE, lit(agreement.title, agreement.title_lang)))
        for status, when in agreement.history or ((agreement.status, agreement.date),):
            change = iris.status_change_iri(key, release.release_id, status)
            add((a, _HISTORY, change))
            add((change, _TYPE, _STATUS_CHANGE))
            add((change, _STATUS, _dg(status)))
            if when:
                add((change, _DATE, _date(when)))
            add((change, _DERIVED_FROM, r))
        for key_ in agreement.signatories:
            add((a, _SIGNATORY, node("person", key_)))
        for key_ in agreement.witnesses:
            add((a, _WITNESS, node("person", key_)))
        for org in agreement.signing_bodies:
            add((a, _SIGNING_BODY, node("org", org)))
            share(_org_triples(org))
        if agreement.signed_at is not None:
            add((a, _SIGNED_AT, node("event", event_keys[agreement.signed_at])))
        for notation in agreement.topics:
            add((a, _TOPIC, node("topic", notation)))
            topics.add(notation)
        for sentence in agreement.evidence:
            add((a, _EVIDENCE, Literal(sentence, lang=lang)))
        add((a, _DERIVED_FROM, r))

    for code in sorted(countries):
        share(_country_triples(code))
    labels = _topic_labels()
    for notation in sorted(topics):
        share(labels.get(notation, ()))
    return graph


def _state(person: Person) -> str | None:
    """The state a person represents, as dg:represents says it: the release's, else the registry's."""
    if person.country:
        return person.country
    entry = registry().entries.get(person.key)
    return entry.country if entry else None


def meeting_pairs(participants: Iterable[str], states: dict[str, str | None]) -> list[tuple[str, str]]:
    """Who meets whom at one event (both directions: dg:meets is symmetric): two participants who
    represent different states. Two ministers of one delegation travel together, they do not meet;
    a participant whose state is unknown meets no one, since nothing says which side they were on."""
    keys = list(dict.fromkeys(participants))
    return [(a, b) for a in keys for b in keys
            if a != b and states.get(a) and states.get(b) and states[a] != states[b]]


def _event_keys(events: tuple[Event, ...], release_id: str) -> list[str]:
    """Identity keys. Two events of one release with the same kind, day and sides (the leaders'
    talks and the ministers' talks of one day) both take their participants into the key — not
    only the second: another release reporting one of them must not merge it with the other
    (when unsure, keep apart)."""
    base: list[str] = []
    for event in events:
        parent = base[event.during] if event.during is not None and event.during < len(base) else None
        base.append(iris.event_key(event, parent, release_id))
    shared = {k for k, n in Counter(base).items() if n > 1}
    keys: list[str] = []
    taken: set[str] = set()
    for event, key in zip(events, base):
        if key in shared:
            key += "/" + "-".join(sorted(event.participants))[:60]
        while key in taken:  # the same people too: apart all the same, in the release's order
            key += "-2"
        taken.add(key)
        keys.append(key)
    return keys


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


__all__ = ["ReleaseGraph", "activity_iri", "all_triples", "country_triples", "map_release", "meeting_pairs"]
