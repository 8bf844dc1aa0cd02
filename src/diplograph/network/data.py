"""The facts a picture needs, read once from a store with a handful of SPARQL queries.

Networks, timelines and measures all start from :class:`Facts`: events with
their dates, countries, participants, topics and the evidence sentences (each
tied to the release that states it), agreements with their status history,
and the names of people, countries and topics. Reading them into plain
dataclasses keeps the views pure Python (easy to test, fast to re-project) and
keeps SPARQL in one place.

Queries run over the union of all graphs (release graphs, the default graph of
shared descriptions, the store's derived graph); ``GRAPH ?g`` only serves to
tell which release states an evidence sentence or a position. User input never
becomes query text: the date range and topic are bound as RDF terms through
pyoxigraph's ``substitutions``; only fixed filter fragments are switched on.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

import pyoxigraph as ox

from ..counting import MEETINGS, with_planned
from ..rdf.namespaces import ID_IRI
from ..store import query_options
from .queries import AGREEMENTS, COUNTRIES, EVIDENCE, PEOPLE, POSITIONS, RELEASES, STATUS_CHANGES, TOPICS, events_query

XSD_DATE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
DG = "https://w3id.org/diplograph/ontology#"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
EVENT_KINDS = ("BilateralMeeting", "MultilateralMeeting", "OfficialVisit", "CourtesyCall", "AgreementSigning")
STATUS_ORDER = {"Proposed": 0, "UnderNegotiation": 1, "Approved": 2, "Signed": 3}


@dataclass(frozen=True)
class ReleaseRef:
    iri: str
    release_id: str
    title: str | None = None
    issued: dt.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A sentence and the release that states it (``None`` when the graph does not say which)."""

    sentence: str
    release: str | None


@dataclass
class Event:
    iri: str
    kind: str
    date: dt.date | None = None  # dg:heldOn, or dg:startDate of a multi-day event
    end: dt.date | None = None
    name: str | None = None
    mode: str | None = None
    status: str | None = None
    countries: set[str] = field(default_factory=set)  # ISO alpha-2
    participants: set[str] = field(default_factory=set)  # person keys
    topics: set[str] = field(default_factory=set)  # topic notations
    during: str | None = None  # IRI of the larger event
    releases: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class StatusChange:
    status: str
    date: dt.date | None  # the change's own date, else the reporting release's
    release: str | None


@dataclass
class Agreement:
    iri: str
    kind: str
    title: str | None = None
    status: str | None = None  # latest known (derived)
    parties: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    history: list[StatusChange] = field(default_factory=list)
    releases: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class PersonInfo:
    key: str
    iri: str
    names: dict[str, str] = field(default_factory=dict)  # language → name
    country: str | None = None
    positions: list[tuple[dt.date | None, str]] = field(default_factory=list)

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or next(iter(sorted(self.names.items())), (None, self.key))[1]

    @property
    def position(self) -> str | None:
        """The position the latest release gives."""
        if not self.positions:
            return None
        return max(self.positions, key=lambda p: (p[0] or dt.date.min, p[1]))[1]


@dataclass
class CountryInfo:
    iso: str
    iri: str
    names: dict[str, str] = field(default_factory=dict)

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names.get("en") or self.iso


@dataclass
class TopicInfo:
    notation: str
    iri: str
    names: dict[str, str] = field(default_factory=dict)
    broader: set[str] = field(default_factory=set)

    def name(self, lang: str = "en") -> str:
        return self.names.get(lang) or self.names.get("en") or self.notation


@dataclass
class Facts:
    """Everything the views draw, keyed by person key, ISO code, topic notation or IRI. ``events``
    are meetings as :mod:`diplograph.counting` counts them: a visit during which talks of the same
    countries were held is not among them (the talks are, with ``during`` naming it)."""

    events: dict[str, Event] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    people: dict[str, PersonInfo] = field(default_factory=dict)
    countries: dict[str, CountryInfo] = field(default_factory=dict)
    topics: dict[str, TopicInfo] = field(default_factory=dict)
    releases: dict[str, ReleaseRef] = field(default_factory=dict)
    include_planned: bool = False  # whether scheduled events were read as meetings too

    def person(self, key: str) -> PersonInfo:
        return self.people.get(key) or PersonInfo(key, ID_IRI + "person/" + key)

    def country(self, iso: str) -> CountryInfo:
        return self.countries.get(iso) or CountryInfo(iso, ID_IRI + "country/" + iso)

    def topic(self, notation: str) -> TopicInfo:
        return self.topics.get(notation) or TopicInfo(notation, ID_IRI + "topic/" + notation)


def local(iri: str, kind: str) -> str:
    """The key in a minted IRI (``…/id/person/srettha-thavisin`` → ``srettha-thavisin``)."""
    prefix = f"{ID_IRI}{kind}/"
    return unquote(iri[len(prefix):]) if iri.startswith(prefix) else iri


def _date(term: ox.Literal | None) -> dt.date | None:
    if term is None:
        return None
    try:
        return dt.date.fromisoformat(term.value[:10])
    except ValueError:
        return None


def _rows(store: ox.Store, query: str, bindings: dict[str, ox.Literal | ox.NamedNode] | None = None
          ) -> Iterator[ox.QuerySolution]:
    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
    yield from store.query(query, substitutions=subs or None, **query_options(store))


def read_facts(store: ox.Store, *, since: dt.date | None = None, until: dt.date | None = None,
               topic_iri: str | None = None, include_planned: bool = False) -> Facts:
    """Read the meetings (held events, scheduled ones too with ``include_planned``, counted as
    :mod:`diplograph.counting` says; those dated within ``since``–``until`` and about ``topic_iri``
    or a narrower topic, when given), agreements and the descriptions they use from ``store``."""
    facts = Facts(include_planned=include_planned)
    _read_descriptions(store, facts)
    bindings: dict[str, ox.Literal | ox.NamedNode] = {}
    if since:
        bindings["since"] = ox.Literal(since.isoformat(), datatype=XSD_DATE)
    if until:
        bindings["until"] = ox.Literal(until.isoformat(), datatype=XSD_DATE)
    if topic_iri:
        bindings["topic"] = ox.NamedNode(topic_iri)
    meetings = {row["event"].value for row in _rows(store, with_planned(MEETINGS, include_planned))}
    query = events_query(since=since is not None, until=until is not None, topic=topic_iri is not None)
    for row in _rows(store, query, bindings):
        e, kind, p, o = row["event"].value, row["kind"].value, row["p"].value, row["o"]
        if e not in meetings:
            continue
        event = facts.events.setdefault(e, Event(e, kind.removeprefix(DG)))
        _event_property(event, p, o)
    for row in _rows(store, AGREEMENTS):
        a = row["a"].value
        agreement = facts.agreements.setdefault(a, Agreement(a, "Agreement"))
        _agreement_property(agreement, row["p"].value, row["o"])
    for row in _rows(store, STATUS_CHANGES):
        agreement = facts.agreements.get(row["a"].value)
        if agreement is not None:
            release = row["r"].value if row["r"] is not None else None
            when = _date(row["date"]) or (facts.releases[release].issued if release in facts.releases else None)
            agreement.history.append(StatusChange(row["status"].value.removeprefix(DG), when, release))
    for agreement in facts.agreements.values():
        agreement.history.sort(key=lambda c: (c.date or dt.date.min, STATUS_ORDER.get(c.status, -1)))
    if since or until or topic_iri:
        _filter_agreements(facts, since, until, local(topic_iri, "topic") if topic_iri else None)
    _read_evidence(store, facts)
    return facts


def _filter_agreements(facts: Facts, since: dt.date | None, until: dt.date | None, topic: str | None) -> None:
    """Keep the status changes dated within the range (an agreement's status becomes the latest of
    those) and the agreements on the topic or a narrower one."""
    narrower = {topic} if topic else set()
    while topic and (more := {t for t, info in facts.topics.items() if info.broader & narrower} - narrower):
        narrower |= more
    for iri, agreement in list(facts.agreements.items()):
        agreement.history = [c for c in agreement.history if c.date is not None
                             and (since is None or c.date >= since) and (until is None or c.date <= until)]
        if not agreement.history or (topic and not agreement.topics & narrower):
            del facts.agreements[iri]
        elif since or until:
            agreement.status = agreement.history[-1].status


def _event_property(event: Event, p: str, o: ox.NamedNode | ox.Literal) -> None:
    name = p.removeprefix(DG)
    if name in ("heldOn", "startDate"):
        event.date = _date(o)  # type: ignore[arg-type]
    elif name == "endDate":
        event.end = _date(o)  # type: ignore[arg-type]
    elif name == "eventName":
        event.name = event.name or o.value
    elif name == "mode":
        event.mode = o.value.removeprefix(DG)
    elif name == "eventStatus" or (name == "reportedStatus" and event.status is None):
        event.status = o.value.removeprefix(DG)
    elif name == "involvesCountry":
        event.countries.add(local(o.value, "country"))
    elif name == "participant":
        event.participants.add(local(o.value, "person"))
    elif name == "topic":
        event.topics.add(local(o.value, "topic"))
    elif name == "duringEvent":
        event.during = o.value
    elif p == PROV_DERIVED:
        event.releases.add(o.value)


def _agreement_property(agreement: Agreement, p: str, o: ox.NamedNode | ox.Literal) -> None:
    name = p.removeprefix(DG)
    if p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type":
        kind = o.value.removeprefix(DG)
        if kind != "Agreement" and o.value.startswith(DG):
            agreement.kind = kind
    elif name == "party":
        agreement.parties.add(local(o.value, "country"))
    elif name == "status":
        agreement.status = o.value.removeprefix(DG)
    elif name == "agreementTitle":
        agreement.title = agreement.title or o.value
    elif name == "topic":
        agreement.topics.add(local(o.value, "topic"))
    elif p == PROV_DERIVED:
        agreement.releases.add(o.value)


def _read_descriptions(store: ox.Store, facts: Facts) -> None:
    for row in _rows(store, RELEASES):
        r = row["r"].value
        facts.releases[r] = ReleaseRef(
            r, row["id"].value if row["id"] else local(r, "release"),
            row["title"].value if row["title"] else None, _date(row["issued"]),
            row["url"].value if row["url"] else None)
    for row in _rows(store, COUNTRIES):
        iso = row["iso"].value.upper()
        info = facts.countries.setdefault(iso, CountryInfo(iso, row["c"].value))
        if row["label"] is not None:
            info.names.setdefault(row["label"].language or "en", row["label"].value)
    for row in _rows(store, PEOPLE):
        key = local(row["s"].value, "person")
        info = facts.people.setdefault(key, PersonInfo(key, row["s"].value))
        if row["p"].value.endswith("represents"):
            info.country = local(row["o"].value, "country")
        else:
            info.names.setdefault(row["o"].language or "und", row["o"].value)
    seen: set[tuple[str, str, str | None]] = set()
    for row in _rows(store, POSITIONS):
        key = local(row["s"].value, "person")
        g = row["g"].value if row["g"] is not None else None
        if key in facts.people and (key, row["pos"].value, g) not in seen:
            seen.add((key, row["pos"].value, g))
            issued = facts.releases[g].issued if g in facts.releases else None
            facts.people[key].positions.append((issued, row["pos"].value))
    for row in _rows(store, TOPICS):
        notation = row["notation"].value if row["notation"] else local(row["t"].value, "topic")
        info = facts.topics.setdefault(notation, TopicInfo(notation, row["t"].value))
        if row["label"] is not None:
            info.names.setdefault(row["label"].language or "en", row["label"].value)
        if row["broader"] is not None:
            info.broader.add(local(row["broader"].value, "topic"))


def _read_evidence(store: ox.Store, facts: Facts) -> None:
    """Each sentence with the release graph that holds it; a sentence found outside any release
    graph (a Turtle file) is credited to the fact's only release, if it has one."""
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in _rows(store, EVIDENCE):
        g = row["g"].value if row["g"] is not None else None
        found[(row["s"].value, row["text"].value)].update([g] if g in facts.releases else [])
    for (subject, text), graphs in sorted(found.items()):
        target = facts.events.get(subject) or facts.agreements.get(subject)
        if target is None:
            continue
        if not graphs and len(target.releases) == 1:
            graphs = set(target.releases)
        for g in sorted(graphs) or [None]:
            target.evidence.append(Evidence(text, g))


def resolve_topic(store: ox.Store, text: str) -> str:
    """The IRI of the topic ``text`` names: a notation (``tourism``), an English or Thai label,
    looked up in the graph and then in the shipped topic scheme."""
    from ..errors import QueryError
    from ..resources import resource_file

    wanted = text.strip().casefold()
    scheme = ox.Store()
    scheme.load(path=str(resource_file("ontology", "topics.ttl")), format=ox.RdfFormat.TURTLE)
    for source in (store, scheme):
        for row in _rows(source, TOPICS):
            names = {local(row["t"].value, "topic")}
            names |= {row[v].value for v in ("notation", "label") if row[v] is not None}
            if wanted in {n.casefold() for n in names}:
                return row["t"].value
    raise QueryError(f"unknown topic {text!r}: give a topic's notation (e.g. tourism) or its label")


__all__ = ["Agreement", "CountryInfo", "Event", "Evidence", "Facts", "PersonInfo", "ReleaseRef",
           "StatusChange", "TopicInfo", "read_facts", "resolve_topic", "local", "EVENT_KINDS", "STATUS_ORDER"]
