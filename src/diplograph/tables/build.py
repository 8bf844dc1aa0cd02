"""The three analyst tables from a store: events by country pair, a dyad-period panel, agreements.

The rows follow event datasets (GDELT, ICEWS, POLECAT): one row per event and
unordered pair of states taking part (``country_1`` < ``country_2`` by ISO
alpha-2), so a bilateral event is one row and a multilateral meeting of n states
n(n-1)/2 rows; ISO alpha-3 and COW codes beside each alpha-2 code, one CAMEO code
and the PLOVER type and mode per row (:mod:`.codes`). docs/datasets.md is the
codebook: what each column means and the rules applied here. The tables are made of the
:class:`~diplograph.network.data.Facts` every view reads (:func:`read_facts` with every event,
whatever its status), so a table and a network count the same meetings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations
from typing import Literal

from ..counting import Queryable
from ..network.data import Agreement, Event, Facts, read_facts
from ..periods import within
from ..rdf.namespaces import DG_IRI
from ..wording import count
from . import codes
from .output import Column, Table

Period = Literal["year", "quarter", "month"]
PERIODS: tuple[Period, ...] = ("year", "quarter", "month")
SEP = "; "  # between the items of a list cell
EVIDENCE_SEP = " | "  # between sentences, which may hold semicolons

_PAIR = (Column("country_1"), Column("country_2"), Column("iso3_1"), Column("iso3_2"), Column("cow_1", "int"),
         Column("cow_2", "int"))
EVENT_COLUMNS = (
    Column("event_id"), Column("event_type"), Column("plover_type"), Column("plover_mode"), Column("cameo_code"),
    Column("date", "date"), Column("end_date", "date"), Column("mode"), Column("status"), *_PAIR,
    Column("participants_1"), Column("participants_2"), Column("n_countries", "int"), Column("name"),
    Column("during_event_id"), Column("topics"), Column("releases"), Column("urls"), Column("evidence"))
_TYPE_COUNTS = {"BilateralMeeting": "bilateral_meetings", "MultilateralMeeting": "multilateral_meetings",
                "OfficialVisit": "official_visits", "CourtesyCall": "courtesy_calls",
                "AgreementSigning": "agreement_signings"}
DYAD_COUNTS = ("events", *_TYPE_COUNTS.values(), "agreements_signed", "agreements_proposed")
DYAD_COLUMNS = (*_PAIR, Column("period"), *(Column(n, "int") for n in DYAD_COUNTS))
STEPS = {"Proposed": "proposed_date", "UnderNegotiation": "negotiated_date", "Approved": "approved_date",
         "Signed": "signed_date"}
AGREEMENT_COLUMNS = (
    Column("agreement_id"), Column("agreement_type"), Column("title"), Column("plover_type"),
    Column("cameo_code"), Column("status"), Column("parties"), Column("parties_iso3"), Column("parties_cow"),
    Column("n_parties", "int"), *(Column(name, "date") for name in STEPS.values()), Column("signed_at_event_id"),
    Column("topics"), Column("releases"), Column("urls"))
COLUMNS = {"events": EVENT_COLUMNS, "dyads": DYAD_COLUMNS, "agreements": AGREEMENT_COLUMNS}


@dataclass(frozen=True)
class Filters:
    """``since``/``until``: dated rows within (undated ones drop out once either is given);
    ``countries``: rows with one of these ISO alpha-2 codes."""

    since: dt.date | None = None
    until: dt.date | None = None
    countries: frozenset[str] = frozenset()

    def dated(self, day: dt.date | None) -> bool:
        return within(day, (self.since, self.until))

    def pair(self, a: str, b: str) -> bool:
        return not self.countries or a in self.countries or b in self.countries


def read(store: Queryable, *, include_planned: bool = False) -> Facts:
    """Every event of the store, whatever its status, the meetings among them (held ones; scheduled
    ones too with ``include_planned``) and every agreement: what the three tables are made of."""
    return read_facts(store, include_planned=include_planned, every_event=True)


def events_table(facts: Facts, filters: Filters = Filters()) -> Table:
    """One row per event and pair of its states, every event whatever its status."""
    table = Table("events", EVENT_COLUMNS)
    lone = 0
    for rec in sorted(facts.events.values(), key=lambda r: (r.date or dt.date.max, r.iri)):
        if len(rec.countries) < 2:
            lone += 1
            continue
        if not filters.dated(rec.date):
            continue
        during = facts.events.get(rec.during) if rec.during else None
        code = codes.event_codes(rec.kind, frozenset(rec.modes), during.kind if during else None)
        evidence = {e.sentence for e in rec.evidence}
        for a, b in combinations(sorted(rec.countries), 2):
            if not filters.pair(a, b):
                continue
            table.rows.append((
                rec.iri, rec.kind, code.plover_type, code.plover_mode or None, code.cameo or None, rec.date,
                rec.end, _mode(rec.modes), status_name(rec.status), *_pair(a, b),
                _people(facts, rec, a), _people(facts, rec, b), len(rec.countries), _join(rec.names), rec.during,
                _join(rec.topics), _release_ids(facts, rec.releases), _urls(facts, rec.releases),
                _join(evidence, EVIDENCE_SEP)))
    if lone:
        table.notes.append(f"{count(lone, 'event')} with fewer than two states left out "
                           "(no pair of countries)")
    return table


def dyads_table(facts: Facts, by: Period = "year", *, complete: bool = False, filters: Filters = Filters()) -> Table:
    """Counts per pair of states and period: events (the meetings ``facts`` were read with: held ones,
    scheduled too with ``include_planned``), each event type, agreements signed and proposed.
    ``complete`` adds zero rows for every period between a pair's first and last row."""
    if by not in PERIODS:
        raise ValueError(f"--by {by!r}: give one of {', '.join(PERIODS)}")
    cells: dict[tuple[str, str], dict[int, dict[str, int]]] = {}

    def add(a: str, b: str, day: dt.date, column: str, extra: str | None = None) -> None:
        counts = cells.setdefault((a, b), {}).setdefault(_index(day, by), dict.fromkeys(DYAD_COUNTS, 0))
        counts[column] += 1
        if extra:
            counts[extra] += 1

    for rec in facts.events.values():
        if rec.iri in facts.meetings and rec.date is not None and filters.dated(rec.date):
            for a, b in combinations(sorted(rec.countries), 2):
                if filters.pair(a, b):
                    add(a, b, rec.date, "events", _TYPE_COUNTS.get(rec.kind))
    for agreement in facts.agreements.values():
        for status, column in (("Signed", "agreements_signed"), ("Proposed", "agreements_proposed")):
            day = step_date(agreement, status)
            if day is not None and filters.dated(day):
                for a, b in combinations(sorted(agreement.parties), 2):
                    if filters.pair(a, b):
                        add(a, b, day, column)
    table = Table("dyads", DYAD_COLUMNS)
    for (a, b), periods in sorted(cells.items()):
        span = range(min(periods), max(periods) + 1) if complete else sorted(periods)
        for index in span:
            counts = periods.get(index) or dict.fromkeys(DYAD_COUNTS, 0)
            table.rows.append((*_pair(a, b), _label(index, by), *(counts[n] for n in DYAD_COUNTS)))
    return table


def agreements_table(facts: Facts, filters: Filters = Filters()) -> Table:
    """One row per agreement: parties, latest status and the date of each status step."""
    table = Table("agreements", AGREEMENT_COLUMNS)
    for rec in sorted(facts.agreements.values(), key=lambda r: r.iri):
        dates = {column: step_date(rec, status) for status, column in STEPS.items()}
        if filters.since is not None or filters.until is not None:
            if not any(filters.dated(d) for d in dates.values() if d is not None):
                continue
        if filters.countries and not filters.countries & rec.parties:
            continue
        parties = sorted(rec.parties)
        code = codes.status_codes(rec.status or "")
        table.rows.append((
            rec.iri, rec.kind, _join(rec.titles), code.plover_type or None, code.cameo or None,
            _snake(rec.status or "") or None, _join(parties),
            _aligned(codes.country(p).iso3 or "NA" for p in parties),
            _aligned(str(codes.country(p).cow) if codes.country(p).cow is not None else "NA" for p in parties),
            len(parties), *dates.values(), _join(rec.signed_at), _join(rec.topics),
            _release_ids(facts, rec.releases), _urls(facts, rec.releases)))
    return table


def step_date(agreement: Agreement, status: str) -> dt.date | None:
    """When the agreement first reached ``status``: the earliest day a release gives for that step. A
    step its release gives no day for stays undated: the day the release was issued is when it was
    reported, not when it happened (a signing "dated" by a later report would be a wrong fact)."""
    return min((c.own_date for c in agreement.history if c.status == status and c.own_date), default=None)


def status_name(status: str | None) -> str:
    """The events table's ``status``: the latest reported status in lower case; ``held`` when no
    release reports one, as :data:`diplograph.counting.COUNTED` reads it."""
    if not status:
        return "held"
    return status.removeprefix(DG_IRI).lower()


def _pair(a: str, b: str) -> tuple[str, str, str | None, str | None, int | None, int | None]:
    ca, cb = codes.country(a), codes.country(b)
    return a, b, ca.iso3 or None, cb.iso3 or None, ca.cow, cb.cow


def _people(facts: Facts, rec: Event, country: str) -> str | None:
    """The participants representing ``country``: ``Name (Position)``, English when there is English,
    else Thai; the position a release stating their part in this event gives. Sorted."""
    found = []
    for key in rec.participants:
        person = facts.person(key)
        if person.country == country:
            name = _pick(person.names) or key
            position = _pick({lang: text for lang, text in sorted(rec.positions.get(key, ()), reverse=True)})
            found.append(f"{name} ({position})" if position else name)
    return SEP.join(sorted(found)) or None


def _pick(found: dict[str, str]) -> str:
    """English, else Thai, else the first language's (``found``: language → the least text)."""
    return found.get("en") or found.get("th") or (found[min(found)] if found else "")


def _release_ids(facts: Facts, releases: set[str]) -> str | None:
    return _join(facts.releases[r].release_id for r in releases if r in facts.releases)


def _urls(facts: Facts, releases: set[str]) -> str | None:
    return _join(u for r in releases if r in facts.releases and (u := facts.releases[r].url))


def _mode(modes: set[str]) -> str | None:
    return SEP.join(sorted(_snake(m) for m in modes)) or None


def _snake(name: str) -> str:
    """``InPerson`` -> ``in_person``, ``UnderNegotiation`` -> ``under_negotiation``."""
    return "".join("_" + ch.lower() if ch.isupper() and i else ch.lower() for i, ch in enumerate(name))


def _join(items: Iterable[str], sep: str = SEP) -> str | None:
    return sep.join(sorted(set(items))) or None


def _aligned(items: Iterable[str]) -> str | None:
    """A list in the parties' order (not sorted on its own): ``NA`` where a party has no code."""
    return SEP.join(items) or None


def _index(day: dt.date, by: Period) -> int:
    """A period as a number, so that the periods between two are a range."""
    if by == "year":
        return day.year
    if by == "quarter":
        return day.year * 4 + (day.month - 1) // 3
    return day.year * 12 + day.month - 1


def _label(index: int, by: Period) -> str:
    if by == "year":
        return f"{index:04d}"
    if by == "quarter":
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def periods_between(first: str, last: str, by: Period) -> Iterator[str]:
    """The period labels from ``first`` to ``last`` (for tests and users who extend a panel)."""
    def parse(label: str) -> int:
        if by == "year":
            return int(label)
        year, rest = label.split("-")
        return int(year) * 4 + int(rest[1:]) - 1 if by == "quarter" else int(year) * 12 + int(rest) - 1

    for index in range(parse(first), parse(last) + 1):
        yield _label(index, by)


__all__ = ["AGREEMENT_COLUMNS", "COLUMNS", "DYAD_COLUMNS", "DYAD_COUNTS", "EVENT_COLUMNS", "Filters", "PERIODS",
           "Period", "agreements_table", "dyads_table", "events_table", "periods_between", "read", "status_name",
           "step_date"]
