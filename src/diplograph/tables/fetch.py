"""What the tables are made of, read from a store (embedded or remote) with a few plain SPARQL queries.

Each query asks for one kind of fact (an event's dates, its countries, its
participants, …) as pairs of a node and a value, and the records are put
together here: one query with every fact joined would multiply rows (an event
with four participants, three topics and two releases is 24 rows) and strain a
server. No user value goes into these queries; filters apply to the records.
The queries read the store as the shipped queries do — the union of all
graphs — and ask a release's graph only for a person's position, so that a
participant's position is the one a release reporting the event gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from ..rdf.namespaces import DG_IRI
from ..rdf.terms import Term
from ..results import Results
from .counted import COUNTED

EVENT_TYPES = ("BilateralMeeting", "MultilateralMeeting", "OfficialVisit", "CourtesyCall", "AgreementSigning")
_PREFIXES = """PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX schema: <https://schema.org/>
"""
_EVENT = "  VALUES ?type { " + " ".join("dg:" + t for t in EVENT_TYPES) + " }\n  ?event a ?type .\n"

EVENT_TYPE_QUERY = f"{_PREFIXES}SELECT ?event ?type WHERE {{\n{_EVENT}}}"
EVENT_FACTS_QUERY = f"""{_PREFIXES}SELECT ?event ?p ?o WHERE {{
{_EVENT}  ?event ?p ?o .
  VALUES ?p {{ dg:heldOn dg:startDate dg:endDate dg:mode dg:eventStatus dg:duringEvent dg:eventName dg:topic
              dg:evidence }}
}}"""
EVENT_COUNTRIES_QUERY = f"""{_PREFIXES}SELECT ?event ?iso WHERE {{
{_EVENT}  ?event dg:involvesCountry ?country .
  ?country dg:iso3166 ?iso .
}}"""
SOURCES_QUERY = """{prefixes}SELECT ?event ?release_id ?url WHERE {{
{pattern}  ?event prov:wasDerivedFrom ?release .
  OPTIONAL {{ ?release dg:releaseId ?release_id }}
  OPTIONAL {{ ?release schema:url ?url }}
}}"""
PARTICIPANTS_QUERY = f"""{_PREFIXES}SELECT ?event ?person ?iso ?label ?position WHERE {{
{_EVENT}  ?event dg:participant ?person .
  OPTIONAL {{ ?person dg:represents ?country . ?country dg:iso3166 ?iso }}
  OPTIONAL {{ ?person rdfs:label ?label }}
  OPTIONAL {{
    # ?event and ?person again inside: the position a release reporting this event gives
    GRAPH ?release {{ ?event dg:participant ?person . ?person dg:positionTitle ?position }}
    ?release a dg:PressRelease .
  }}
}}"""
COUNTED_QUERY = f"{_PREFIXES}SELECT DISTINCT ?event WHERE {{\n{_EVENT}{COUNTED}}}"
_AGREEMENT = "  ?event a dg:Agreement .\n"  # ?event: the sources query serves both
AGREEMENT_FACTS_QUERY = f"""{_PREFIXES}SELECT ?event ?p ?o WHERE {{
{_AGREEMENT}  ?event ?p ?o .
  VALUES ?p {{ rdf:type dg:status dg:agreementTitle dg:topic dg:signedAt }}
}}"""
AGREEMENT_PARTIES_QUERY = f"""{_PREFIXES}SELECT ?event ?iso WHERE {{
{_AGREEMENT}  ?event dg:party ?country .
  ?country dg:iso3166 ?iso .
}}"""
AGREEMENT_STEPS_QUERY = f"""{_PREFIXES}SELECT ?event ?change ?status ?date WHERE {{
{_AGREEMENT}  ?event dg:statusHistory ?change .
  ?change dg:status ?status .
  OPTIONAL {{ ?change dg:date ?date }}
}}"""


class Source(Protocol):
    """A store, embedded or remote: a SELECT on the union of its graphs, with bound values."""

    def query(self, text: str, bindings: dict[str, Term | None] | None = None) -> Results: ...


@dataclass
class Participant:
    names: dict[str, str] = field(default_factory=dict)  # language -> label (the least, for a stable choice)
    positions: dict[str, str] = field(default_factory=dict)
    country: str = ""

    def text(self, fallback: str) -> str:
        """``Name (Position)``: English when there is English, else Thai."""
        name = _pick(self.names) or fallback
        position = _pick(self.positions)
        return f"{name} ({position})" if position else name


@dataclass
class EventRecord:
    iri: str
    type: str
    date: dt.date | None = None
    end_date: dt.date | None = None
    names: set[str] = field(default_factory=set)
    modes: set[str] = field(default_factory=set)
    status: str | None = None
    during: str | None = None
    countries: set[str] = field(default_factory=set)
    participants: dict[str, Participant] = field(default_factory=dict)
    topics: set[str] = field(default_factory=set)
    releases: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)
    evidence: set[str] = field(default_factory=set)


@dataclass
class AgreementRecord:
    iri: str
    types: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    status: str = ""
    parties: set[str] = field(default_factory=set)
    steps: dict[str, set[dt.date | None]] = field(default_factory=dict)  # status -> dates of its reports
    signed_at: set[str] = field(default_factory=set)
    topics: set[str] = field(default_factory=set)
    releases: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)

    @property
    def type(self) -> str:
        specific = sorted(self.types - {"Agreement"})
        return specific[0] if specific else "Agreement"

    def step_date(self, status: str) -> dt.date | None:
        """When the agreement first reached ``status``: the earliest date reported for it."""
        dates = [d for d in self.steps.get(status, ()) if d is not None]
        return min(dates) if dates else None


def events(store: Source) -> dict[str, EventRecord]:
    """Every event of the store, whatever its status, with what the tables need."""
    out = {_v(r[0]): EventRecord(_v(r[0]), _local(r[1])) for r in store.query(EVENT_TYPE_QUERY).rows}
    for event, p, o in store.query(EVENT_FACTS_QUERY).rows:
        rec, prop, value = out.get(_v(event)), _local(p), _v(o)
        if rec is None:
            continue
        if prop in ("heldOn", "startDate"):
            rec.date = _date(value)
        elif prop == "endDate":
            rec.end_date = _date(value)
        elif prop == "mode":
            rec.modes.add(_local(o))
        elif prop == "eventStatus":
            rec.status = _local(o)
        elif prop == "duringEvent":
            rec.during = value
        elif prop == "eventName":
            rec.names.add(value)
        elif prop == "topic":
            rec.topics.add(value.rsplit("/", 1)[-1])
        elif prop == "evidence":
            rec.evidence.add(value)
    for event, iso in store.query(EVENT_COUNTRIES_QUERY).rows:
        if _v(event) in out:
            out[_v(event)].countries.add(_v(iso))
    _sources(store, SOURCES_QUERY.format(prefixes=_PREFIXES, pattern=_EVENT), out)
    for event, person, iso, label, position in store.query(PARTICIPANTS_QUERY).rows:
        rec = out.get(_v(event))
        if rec is None:
            continue
        who = rec.participants.setdefault(_v(person), Participant())
        if iso is not None:
            who.country = _v(iso)
        _keep_least(who.names, label)
        _keep_least(who.positions, position)
    return out


def counted(store: Source, bindings: Mapping[str, Term | None]) -> set[str]:
    """The events the dyad panel counts (held; scheduled too when ``bindings`` say so)."""
    return {_v(r[0]) for r in store.query(COUNTED_QUERY, dict(bindings)).rows}


def agreements(store: Source) -> dict[str, AgreementRecord]:
    """Every agreement of the store, with its parties and the dates of its status steps."""
    out: dict[str, AgreementRecord] = {}
    for node, p, o in store.query(AGREEMENT_FACTS_QUERY).rows:
        rec = out.setdefault(_v(node), AgreementRecord(_v(node)))
        prop = "type" if p.value.endswith("#type") else _local(p)
        if prop == "type" and o.value.startswith(DG_IRI):
            rec.types.add(_local(o))
        elif prop == "status":
            rec.status = _local(o)
        elif prop == "agreementTitle":
            rec.titles.add(_v(o))
        elif prop == "topic":
            rec.topics.add(_v(o).rsplit("/", 1)[-1])
        elif prop == "signedAt":
            rec.signed_at.add(_v(o))
    for node, iso in store.query(AGREEMENT_PARTIES_QUERY).rows:
        out.setdefault(_v(node), AgreementRecord(_v(node))).parties.add(_v(iso))
    for node, _change, status, date in store.query(AGREEMENT_STEPS_QUERY).rows:
        rec = out.setdefault(_v(node), AgreementRecord(_v(node)))
        # a step the release gives no date for stays undated: the day the release was issued is when it
        # was reported, not when it happened (a signing "dated" by a later report would be a wrong fact)
        when = _date(_v(date)) if date is not None else None
        rec.steps.setdefault(_local(status), set()).add(when)
    _sources(store, SOURCES_QUERY.format(prefixes=_PREFIXES, pattern=_AGREEMENT), out)
    return out


def _sources(store: Source, query: str, out: Mapping[str, EventRecord | AgreementRecord]) -> None:
    for node, release_id, url in store.query(query).rows:
        rec = out.get(_v(node))
        if rec is None:
            continue
        if release_id is not None:
            rec.releases.add(_v(release_id))
        if url is not None:
            rec.urls.add(_v(url))


def _keep_least(found: dict[str, str], term: Term | None) -> None:
    if term is None:
        return
    lang = (getattr(term, "language", None) or "").lower().split("-")[0]
    if lang not in found or term.value < found[lang]:
        found[lang] = term.value


def _pick(found: dict[str, str]) -> str:
    return found.get("en") or found.get("th") or (found[min(found)] if found else "")


def _v(term: Term | None) -> str:
    return "" if term is None else term.value


def _local(term: Term) -> str:
    return term.value.rsplit("#", 1)[-1]


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


__all__ = ["AgreementRecord", "EVENT_TYPES", "EventRecord", "Participant", "Source", "agreements", "counted",
           "events"]
