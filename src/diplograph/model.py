"""Plain data passed between the stages: a release in, the facts it states out.

Extraction returns these frozen dataclasses and nothing else (no rdflib), so a
notebook user can inspect them and the RDF mapping can be tested on its own.
Closed sets are ``Literal`` types whose values are the ontology's local names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

EventKind = Literal[
    "BilateralMeeting", "MultilateralMeeting", "OfficialVisit", "CourtesyCall", "AgreementSigning"
]
Mode = Literal["Virtual", "InPerson"]
EventStatus = Literal["Scheduled", "Held", "Postponed", "Cancelled"]
AgreementKind = Literal["MemorandumOfUnderstanding", "JointStatement", "LetterOfIntent", "Agreement"]
AgreementStatus = Literal["Proposed", "UnderNegotiation", "Approved", "Signed"]
Lang = Literal["th", "en"]

EVENT_KINDS: tuple[EventKind, ...] = (
    "BilateralMeeting", "MultilateralMeeting", "OfficialVisit", "CourtesyCall", "AgreementSigning"
)
AGREEMENT_STATUSES: tuple[AgreementStatus, ...] = ("Proposed", "UnderNegotiation", "Approved", "Signed")


@dataclass(frozen=True)
class Release:
    """One source document, decoded and split into its parts."""

    release_id: str  # file stem, JSONL id, or "<stem>-<line>"
    source_file: str  # the input file's name
    body: str  # normalised text of the article (title lines and site furniture removed)
    title: str | None = None
    issued: dt.date | None = None  # the release's own date
    url: str | None = None
    lang: Lang = "th"
    content_hash: str = ""  # sha256 of the normalised body: one release under two names
    site: str | None = None  # the host a page names itself by in its header ("www.thaigov.go.th"), when no URL says it


@dataclass(frozen=True)
class Person:
    """A person a release names, as that release names them."""

    key: str  # identity key (see resolve): stable across releases for the same person
    name: str  # as written, honorifics removed
    name_lang: Lang
    alt_names: tuple[tuple[str, Lang], ...] = ()  # e.g. the Latin form from parentheses
    honorifics: tuple[str, ...] = ()
    position: str | None = None  # as the release states it
    position_lang: Lang = "th"
    country: str | None = None  # ISO 3166-1 alpha-2, only when the release makes it clear
    organization: str | None = None  # key of a ministry / organisation in the gazetteer


@dataclass(frozen=True)
class Organization:
    key: str
    name: str
    name_lang: Lang
    country: str | None = None
    name_en: str | None = None


@dataclass(frozen=True)
class Event:
    kind: EventKind
    date: dt.date | None = None  # heldOn, or startDate when end_date is set
    end_date: dt.date | None = None
    name: str | None = None  # a multilateral meeting's or commission's own name
    mode: Mode | None = None
    status: EventStatus | None = None
    countries: tuple[str, ...] = ()  # ISO codes of the states taking part
    participants: tuple[str, ...] = ()  # Person.key values
    topics: tuple[str, ...] = ()  # topic scheme notations
    evidence: tuple[str, ...] = ()  # sentences of the release that state it
    during: int | None = None  # index of the larger event in ReleaseFacts.events


@dataclass(frozen=True)
class Agreement:
    kind: AgreementKind
    status: AgreementStatus
    parties: tuple[str, ...] = ()  # ISO codes
    # what this instrument covers, as its name says it (extraction.subjects): part of its identity, so the
    # same MoU in Thai and English releases is one node; None when the name states no subject
    subject: str | None = None
    title: str | None = None  # its name as the release gives it
    title_lang: Lang = "th"
    date: dt.date | None = None  # date of the reported status
    topics: tuple[str, ...] = ()
    signatories: tuple[str, ...] = ()  # Person.key values
    witnesses: tuple[str, ...] = ()
    signing_bodies: tuple[str, ...] = ()  # Organization.key values
    signed_at: int | None = None  # index of the signing event in ReleaseFacts.events
    evidence: tuple[str, ...] = ()
    # every status this release reports, with its date when given (cabinet approval, then signing)
    history: tuple[tuple[AgreementStatus, dt.date | None], ...] = ()


@dataclass(frozen=True)
class ReleaseFacts:
    """Everything one release states, ready for resolution and RDF mapping."""

    release: Release
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    events: tuple[Event, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)  # what extraction skipped and why
