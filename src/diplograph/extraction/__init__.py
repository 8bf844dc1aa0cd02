"""Extraction: a release's text in, the facts it states out (plain data, no RDF).

``extract(release)`` is pure: no file I/O, no printing, the same facts for the
same release. The stages — sentences, dates, people, events, agreements,
topics — are separate modules; this one wires them together and turns the
working records into the frozen dataclasses of :mod:`diplograph.model`.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from functools import cache
from urllib.parse import urlparse

from ..gazetteer import countries, read_tsv
from ..model import Agreement, Event, Person, Release, ReleaseFacts
from ..resolve import person_key, registry
from . import text as _text
from .agreements import AgreementExtractor, AgreementRecord
from .candidates import Candidate, Context
from .dates import find_dates
from .events import EventExtractor
from .focus import (
    attendance_sides,
    companions,
    counterparts_of_focus,
    delegation_leaders,
    focus_state,
    foreign_speaker,
    latin_names_abroad,
    lead_end,
    spouses,
    transcript_speakers,
    with_headline,
    without_headline_stamp,
)
from .people import PeopleExtractor
from .steps import cabinet_day, dated_steps, signing_event
from .topics import topics_in
from .transcripts import in_transcripts, today_of_dated_lines, transcript_intros

__all__ = ["extract"]


@cache
def _extractors() -> tuple[PeopleExtractor, EventExtractor, AgreementExtractor]:
    return PeopleExtractor(), EventExtractor(), AgreementExtractor()


_GOV_HOST = re.compile(r"\.(?:gov|go|gob|gouv|govt|gv|mofa|mfa)\.([a-z]{2})$|\.gov\.([a-z]{2})\.|^(?:www\.)?thaigov\.")


_TLD_STATE = {"UK": "GB"}  # country-code domains that are not the ISO code


def home_country(release: Release) -> str | None:
    """The state whose government speaks, whose ministers a release may name without their country.

    A government web site says it (mfa.go.th → TH, mfa.gov.sg → SG, gov.uk → GB); otherwise diplograph
    reads Thai government and MFA releases, so Thailand.
    """
    return _site_country(release) or "TH"


@cache
def _government_hosts() -> dict[str, str]:
    return {host: code for host, code in read_tsv("government_hosts.tsv")}


def _site_country(release: Release) -> str | None:
    host = (urlparse(release.url).hostname if release.url else release.site) or ""
    labels = host.lower().split(".")
    for k in range(len(labels) - 1):  # "2015-2019.kormany.hu", "ambbangkok.esteri.it": the government's site
        if code := _government_hosts().get(".".join(labels[k:])):
            return code
    m = _GOV_HOST.search(host)
    if m is None:
        return None
    if not (m.group(1) or m.group(2)):
        return "TH"  # thaigov.go.th, whatever comes after the name
    code = (m.group(1) or m.group(2)).upper()
    code = _TLD_STATE.get(code, code)
    return code if code in countries().info else "TH"


def extract(release: Release) -> ReleaseFacts:
    people_x, events_x, agreements_x = _extractors()
    body = _text.join_broken_lines(with_headline(release))
    home = home_country(release)
    sentences = _text.sentences(body)
    intros = transcript_intros(body)  # a speech's or press conference's first line, if the page is one
    dates = today_of_dated_lines(body, in_transcripts(
        body, without_headline_stamp(body, find_dates(body, release.issued)), release.issued, intros))
    lead = lead_end(sentences, dates)
    focus = focus_state(body[:lead], home)
    people = people_x.extract(body, release.lang, home)
    if _site_country(release) is None and not _text.is_thai(body[:2000]):
        foreign_speaker(body, people, focus)  # a Thai text is the Thai side's own
    attendance_sides(body, people)
    spouses(body, people)
    companions(body, people)
    delegation_leaders(body, people)
    latin_names_abroad(body, people, home, focus)
    counterparts_of_focus(body, people, home, focus)
    for record in people.people:
        # the registry knows whom "นายลี เซียนลุง" serves, and whom an office named without its state does; it
        # also outranks a position phrase read too far ("นายกรัฐมนตรีและคณะ ออกเดินทางไป … ญี่ปุ่น"): one
        # person has one state in every release
        entry = registry().lookup(record.name, *(n for n, _ in record.alt_names))
        record.country = entry.country if entry and entry.country else record.country
    ctx = Context(body, sentences, dates, people, release.issued, home, focus=focus, lead_end=lead,
                  speakers=transcript_speakers(people, intros))
    candidates = events_x.extract(ctx)

    bilateral = [e for e in candidates if len(e.countries) == 2]
    by_sentence: dict[int, Candidate] = {}
    for e in bilateral:  # the first reported event a sentence states
        for s in e.evidence:
            by_sentence.setdefault(s, e)
    pairs = sorted(bilateral, key=lambda e: e.start)
    pair_starts = [e.start for e in pairs]

    def context_parties(sentence: int, offset: int) -> set[str]:
        """The states of the event this sentence is about: its own, else the last one reported."""
        if sentence in by_sentence:
            return set(by_sentence[sentence].countries)
        k = bisect_right(pair_starts, offset)
        if k:
            return set(pairs[k - 1].countries)
        return set(pairs[0].countries) if pairs else set()

    records = agreements_x.extract(body, sentences, dates, home, context_parties, release.issued)
    keys = [person_key(p.name, p.lang, tuple(p.alt_names)) for p in people.people]
    persons = _persons(people, keys, candidates, records)
    topics = _Topics(sentences, candidates)
    events = tuple(_event(e, keys, sentences, topics) for e in candidates)
    cabinet = cabinet_day(sentences, dates, release.issued) if records else None
    agreements = tuple(_agreement(r, sentences, candidates, people, keys, cabinet) for r in records)
    return ReleaseFacts(release=release, people=persons, events=events, agreements=agreements)


def _persons(people, keys, candidates: list[Candidate], records: list[AgreementRecord]) -> tuple[Person, ...]:
    used = {p for e in candidates for p in e.participants}
    out = []
    for index, record in enumerate(people.people):
        if index not in used:
            continue  # only people who take part are facts; bystanders stay out of the graph
        out.append(Person(
            key=keys[index], name=record.name, name_lang=record.lang, alt_names=tuple(record.alt_names),
            honorifics=tuple(dict.fromkeys(record.honorifics)), position=record.position,
            position_lang=record.position_lang, country=record.country,
            organization=record.portfolio if record.country == "TH" and record.portfolio else None))
    return tuple(out)


class _Topics:
    """Topics of an event's words and of the discussion after it; a sentence's topics are found once."""

    def __init__(self, sentences, candidates: list[Candidate]) -> None:
        self.sentences = sentences
        self.starts = {c.sentence for c in candidates}
        self.cache: dict[int, tuple[str, ...]] = {}

    def of(self, e: Candidate) -> tuple[str, ...]:
        """A conference's name or a talk's clause — and, for talks, the discussion reported in the
        sentences that follow it up to the next event."""
        found = dict.fromkeys(topics_in(e.window))
        if e.kind != "MultilateralMeeting":
            for i in range(max(e.evidence) + 1, len(self.sentences)):
                if i in self.starts:
                    break
                if i not in self.cache:
                    self.cache[i] = topics_in(self.sentences[i].text)
                found.update(dict.fromkeys(self.cache[i]))
        return tuple(found)


def _event(e: Candidate, keys, sentences, topics: _Topics) -> Event:
    return Event(
        kind=e.kind, date=e.date, end_date=e.end_date if e.end_date != e.date else None, name=e.name,
        mode=e.mode, status=e.status, countries=tuple(sorted(e.countries)),
        participants=tuple(dict.fromkeys(keys[p] for p in e.participants)),
        topics=topics.of(e),
        evidence=tuple(sentences[i].text for i in sorted(e.evidence)), during=e.during)


def _agreement(r: AgreementRecord, sentences, candidates: list[Candidate], people, keys,
               cabinet: dt.date | None) -> Agreement:
    """An agreement with each step dated as the release dates it (see :mod:`.steps`)."""
    signed_at = None
    signatories: tuple[str, ...] = ()
    if r.status == "Signed":
        signed_at = signing_event(r.parties, r.evidence, r.statuses.get("Signed"), candidates)
        if signed_at is not None:
            signatories = tuple(dict.fromkeys(keys[p] for p in candidates[signed_at].participants))
    history = dated_steps(r.statuses, candidates[signed_at] if signed_at is not None else None, cabinet)
    return Agreement(
        kind=r.kind, status=r.status, parties=tuple(sorted(r.parties)),
        subject=r.subject.key if r.subject else None, title=r.title, title_lang=r.title_lang,
        date=dict(history).get(r.status), topics=tuple(r.topics), signatories=signatories,
        signing_bodies=tuple(r.bodies), signed_at=signed_at,
        evidence=tuple(sentences[i].text for i in sorted(r.evidence)), history=history)
