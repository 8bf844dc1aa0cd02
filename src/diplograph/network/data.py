"""The facts of a store, read once with a handful of SPARQL queries: for pictures, measures and tables.

Networks, timelines, measures and the analyst tables (:mod:`diplograph.tables`)
all start from :class:`Facts`: events with their dates, countries,
participants, topics and the evidence sentences (each tied to the release that
states it), agreements with their status history, and the names of people,
countries and topics. Reading them into plain dataclasses keeps the views pure
Python (easy to test, fast to re-project) and keeps SPARQL in one place.

Any store answers them — embedded, a graph file in memory, or a SPARQL server
(:class:`~diplograph.counting.Queryable`). Queries run over the union of all
graphs (release graphs, the default graph of shared descriptions, the store's
derived graph); ``GRAPH ?g`` only serves to tell which release states an
evidence sentence, a participation or a position. No user value ever becomes
query text: the date range and the topic are applied to the records read.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

import pyoxigraph as ox

from ..counting import MEETINGS, Queryable, planned
from ..periods import within
from ..rdf.namespaces import ID_IRI
from ..rdf.terms import Term
from .queries import (AGREEMENTS, COUNTRIES, EVENTS, EVIDENCE, PARTICIPATION, PEOPLE, POSITIONS, RELEASES,
                      STATUS_CHANGES, TOPICS)

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
    name: str | None = None  # the least of ``names``
    mode: str | None = None  # the least of ``modes``
    status: str | None = None  # dg:eventStatus (the latest reported), else a release's dg:reportedStatus
    countries: set[str] = field(default_factory=set)  # ISO alpha-2
    participants: set[str] = field(default_factory=set)  # person keys
    topics: set[str] = field(default_factory=set)  # topic notations
    during: str | None = None  # IRI of the larger event
    releases: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    modes: set[str] = field(default_factory=set)
    # person key → (language, position) as the releases stating that person's part in this event give it
    positions: dict[str, set[tuple[str, str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class StatusChange:
    status: str
    date: dt.date | None  # the change's own date, else the reporting release's
    release: str | None
    own_date: dt.date | None = None  # the change's own date only (None: its release gives none)


@dataclass
class Agreement:
    iri: str
    kind: str  # the least specific type, else Agreement
    title: str | None = None  # the least of ``titles``
    status: str | None = None  # latest known (derived)
    parties: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    history: list[StatusChange] = field(default_factory=list)
    releases: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    titles: set[str] = field(default_factory=set)
    signed_at: set[str] = field(default_factory=set)  # IRIs of signing events


@dataclass
class PersonInfo:
    key: str
    iri: str
    names: dict[str, str] = field(default_factory=dict)  # language → name (the least label)
    country: str | None = None
    aliases: set[str] = field(default_factory=set)  # every label and skos:altLabel: what a user may type
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
    countries were held is not among them (the talks are, with ``during`` naming it) — unless read
    with ``every_event``, when they are every event, whatever its status, and ``meetings`` names
    the ones counted."""

    events: dict[str, Event] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    people: dict[str, PersonInfo] = field(default_factory=dict)
    countries: dict[str, CountryInfo] = field(default_factory=dict)
    topics: dict[str, TopicInfo] = field(default_factory=dict)
    releases: dict[str, ReleaseRef] = field(default_factory=dict)
    include_planned: bool = False  # whether scheduled events were read as meetings too
    meetings: set[str] = field(default_factory=set)  # IRIs of the events counted as meetings

    def person(self, key: str) -> PersonInfo:
        return self.people.get(key) or PersonInfo(key, ID_IRI + "person/" + key)

    def find_person(self, text: str) -> str:
        """The key of the one person ``text`` names (a key, an IRI, or a name as
        :func:`diplograph.person_names.find_person` reads it); QueryError when it names nobody or several."""
        from ..person_names import find_person

        keys = set(self.people) | {k for e in self.events.values() for k in e.participants}
        people = {k: [*sorted(self.person(k).names.values()), *sorted(self.person(k).aliases)] for k in keys}
        return find_person(text, people)

    def country(self, iso: str) -> CountryInfo:
        return self.countries.get(iso) or CountryInfo(iso, ID_IRI + "country/" + iso)

    def topic(self, notation: str) -> TopicInfo:
        return self.topics.get(notation) or TopicInfo(notation, ID_IRI + "topic/" + notation)


def local(iri: str, kind: str) -> str:
    """The key in a minted IRI (``…/id/person/srettha-thavisin`` → ``srettha-thavisin``)."""
    prefix = f"{ID_IRI}{kind}/"
    return unquote(iri[len(prefix):]) if iri.startswith(prefix) else iri


def _date(term: Term | None) -> dt.date | None:
    if term is None:
        return None
    try:
        return dt.date.fromisoformat(term.value[:10])
    except ValueError:
        return None


def _rows(store: Queryable, query: str, bindings: dict[str, Term | None] | None = None
          ) -> Iterator[dict[str, Term | None]]:
    yield from store.query(query, bindings).records()


def read_facts(store: Queryable, *, since: dt.date | None = None, until: dt.date | None = None,
               topic_iri: str | None = None, include_planned: bool = False, every_event: bool = False) -> Facts:
    """Read the meetings (held events, scheduled ones too with ``include_planned``, counted as
    :mod:`diplograph.counting` says — or, with ``every_event``, every event), those dated within
    ``since``–``until`` and about ``topic_iri`` or a narrower topic when given, the agreements and
    the descriptions they use from ``store``."""
    facts = Facts(include_planned=include_planned)
    _read_descriptions(store, facts)
    facts.meetings = {row["event"].value for row in _rows(store, MEETINGS, planned(include_planned))}
    events: dict[str, Event] = {}
    for row in _rows(store, EVENTS):
        e, kind = row["event"].value, row["kind"].value
        event = events.setdefault(e, Event(e, kind.removeprefix(DG)))
        _event_property(event, row["p"].value, row["o"])
    narrower = _narrower(facts, local(topic_iri, "topic")) if topic_iri else set()
    for iri, event in events.items():
        if (every_event or iri in facts.meetings) and within(event.date, (since, until)) \
                and (not topic_iri or event.topics & narrower):
            event.name = min(event.names, default=None)
            event.mode = min(event.modes, default=None)
            facts.events[iri] = event
    _read_positions(store, facts)
    for row in _rows(store, AGREEMENTS):
        a = row["a"].value
        agreement = facts.agreements.setdefault(a, Agreement(a, "Agreement"))
        _agreement_property(agreement, row["p"].value, row["o"])
    for row in _rows(store, STATUS_CHANGES):
        agreement = facts.agreements.get(row["a"].value)
        if agreement is not None:
            release = row["r"].value if row["r"] is not None else None
            own = _date(row["date"])
            when = own or (facts.releases[release].issued if release in facts.releases else None)
            agreement.history.append(StatusChange(row["status"].value.removeprefix(DG), when, release, own))
    for agreement in facts.agreements.values():
        agreement.history.sort(key=lambda c: (c.date or dt.date.min, STATUS_ORDER.get(c.status, -1), c.release or ""))
        agreement.title = min(agreement.titles, default=None)
    if since or until or topic_iri:
        _filter_agreements(facts, since, until, narrower if topic_iri else None)
    _read_evidence(store, facts)
    return facts


def _narrower(facts: Facts, topic: str) -> set[str]:
    """The topic and every topic narrower than it (``skos:broader*``)."""
    found = {topic}
    while more := {t for t, info in facts.topics.items() if info.broader & found} - found:
        found |= more
    return found


def _filter_agreements(facts: Facts, since: dt.date | None, until: dt.date | None, topics: set[str] | None) -> None:
    """Keep the status changes dated within the range (an agreement's status becomes the latest of
    those) and the agreements on the topic or a narrower one (``topics``)."""
    for iri, agreement in list(facts.agreements.items()):
        agreement.history = [c for c in agreement.history if c.date is not None
                             and (since is None or c.date >= since) and (until is None or c.date <= until)]
        if not agreement.history or (topics is not None and not agreement.topics & topics):
            del facts.agreements[iri]
        elif since or until:
            agreement.status = agreement.history[-1].status


def _event_property(event: Event, p: str, o: Term) -> None:
    name = p.removeprefix(DG)
    if name in ("heldOn", "startDate"):
        event.date = _date(o)  # type: ignore[arg-type]
    elif name == "endDate":
        event.end = _date(o)  # type: ignore[arg-type]
    elif name == "eventName":
        event.names.add(o.value)
    elif name == "mode":
        event.modes.add(o.value.removeprefix(DG))
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


def _agreement_property(agreement: Agreement, p: str, o: Term) -> None:
    name = p.removeprefix(DG)
    if p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type":
        kind = o.value.removeprefix(DG)
        if kind != "Agreement" and o.value.startswith(DG) and (agreement.kind == "Agreement" or kind < agreement.kind):
            agreement.kind = kind
    elif name == "party":
        agreement.parties.add(local(o.value, "country"))
    elif name == "status":
        agreement.status = o.value.removeprefix(DG)
    elif name == "agreementTitle":
        agreement.titles.add(o.value)
    elif name == "signedAt":
        agreement.signed_at.add(o.value)
    elif name == "topic":
        agreement.topics.add(local(o.value, "topic"))
    elif p == PROV_DERIVED:
        agreement.releases.add(o.value)


def _read_descriptions(store: Queryable, facts: Facts) -> None:
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
            _keep_least(info.names, row["label"].language or "en", row["label"].value)
    for row in _rows(store, PEOPLE):
        key = local(row["s"].value, "person")
        person = facts.people.setdefault(key, PersonInfo(key, row["s"].value))
        kind = row["p"].value.rsplit("#", 1)[-1]
        if kind == "represents":
            person.country = local(row["o"].value, "country")
        else:
            person.aliases.add(row["o"].value)
            if kind == "label":
                _keep_least(person.names, row["o"].language or "und", row["o"].value)
    for row in _rows(store, TOPICS):
        notation = row["notation"].value if row["notation"] else local(row["t"].value, "topic")
        info = facts.topics.setdefault(notation, TopicInfo(notation, row["t"].value))
        if row["label"] is not None:
            _keep_least(info.names, row["label"].language or "en", row["label"].value)
        if row["broader"] is not None:
            info.broader.add(local(row["broader"].value, "topic"))


def _keep_least(names: dict[str, str], lang: str, value: str) -> None:
    """One name per language, the same whatever order the store answers in: the least."""
    if lang not in names or value < names[lang]:
        names[lang] = value


def _read_positions(store: Queryable, facts: Facts) -> None:
    """Each person's positions with the day of the release stating them, and each participant's
    position at an event as a release stating that participation gives it."""
    stated: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)  # (person, graph) → positions
    seen: set[tuple[str, str, str | None]] = set()
    for row in _rows(store, POSITIONS):
        key = local(row["s"].value, "person")
        g = row["g"].value if row["g"] is not None else None
        pos = row["pos"]
        if g is not None:
            stated[(key, g)].add((pos.language or "", pos.value))  # type: ignore[union-attr]
        if key in facts.people and (key, pos.value, g) not in seen:
            seen.add((key, pos.value, g))
            issued = facts.releases[g].issued if g in facts.releases else None
            facts.people[key].positions.append((issued, pos.value))
    if not stated:
        return
    for row in _rows(store, PARTICIPATION):
        event = facts.events.get(row["event"].value)
        key = local(row["person"].value, "person")
        if event is not None and (key, row["g"].value) in stated:
            event.positions.setdefault(key, set()).update(stated[(key, row["g"].value)])


def _read_evidence(store: Queryable, facts: Facts) -> None:
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


def resolve_topic(store: Queryable, text: str) -> str:
    """The IRI of the topic ``text`` names: a notation (``tourism``), an English or Thai label,
    looked up in the graph and then in the shipped topic scheme."""
    from ..errors import QueryError
    from ..resources import resource_file
    from ..store import EmbeddedStore

    wanted = text.strip().casefold()
    scheme = ox.Store()
    scheme.load(path=str(resource_file("ontology", "topics.ttl")), format=ox.RdfFormat.TURTLE)
    for source in (store, EmbeddedStore(scheme)):
        for row in _rows(source, TOPICS):
            names = {local(row["t"].value, "topic")}
            names |= {row[v].value for v in ("notation", "label") if row[v] is not None}
            if wanted in {n.casefold() for n in names}:
                return row["t"].value
    raise QueryError(f"unknown topic {text!r}: give a topic's notation (e.g. tourism) or its label")


__all__ = ["Agreement", "CountryInfo", "Event", "Evidence", "Facts", "PersonInfo", "ReleaseRef",
           "StatusChange", "TopicInfo", "read_facts", "resolve_topic", "local", "EVENT_KINDS", "STATUS_ORDER"]
