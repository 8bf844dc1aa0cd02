"""Event identity across releases (DESIGN.md, "Identity"): the IRI comes from the event, and when the
releases do not say enough to tell two events apart, they stay apart."""

from __future__ import annotations

import datetime as dt

from diplograph.model import Event
from diplograph.rdf import iris


def key(event: Event, release: str = "r1", parent: str | None = None) -> str:
    return iris.event_key(event, parent, release)


TALKS = Event(kind="BilateralMeeting", date=None, countries=("KR", "TH"))


def test_a_dated_meeting_is_the_same_in_every_release() -> None:
    dated = Event(kind="BilateralMeeting", date=dt.date(2024, 6, 12), countries=("KR", "TH"))
    assert key(dated, "r1") == key(dated, "r2") == "bilateral-meeting/2024-06-12/kr-th"


def test_undated_meetings_of_two_releases_are_kept_apart() -> None:
    # Thailand and Korea met undated in many releases, years apart: nothing says these are one meeting
    assert key(TALKS, "r1") != key(TALKS, "r2")
    assert key(TALKS, "r1") == "bilateral-meeting/undated/kr-th/in/r1"


def test_an_undated_meeting_held_during_an_event_is_known_by_that_event() -> None:
    parent = "official-visit/2024-06-11/kr-th"
    assert key(TALKS, "r1", parent) == key(TALKS, "r2", parent)


def test_an_undated_conference_is_known_by_its_name_an_unnamed_one_by_its_release() -> None:
    named = Event(kind="MultilateralMeeting", date=None, countries=("TH",), name="34th ASEAN Summit")
    unnamed = Event(kind="MultilateralMeeting", date=None, countries=("TH",))
    assert key(named, "r1") == key(named, "r2")
    assert key(unnamed, "r1") != key(unnamed, "r2")


def test_release_ids_that_are_no_path_segments_still_give_one_segment() -> None:
    assert "/" not in key(TALKS, "a/b c").rsplit("/in/", 1)[1]

