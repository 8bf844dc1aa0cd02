"""dg:meets: who met whom at an event — participants of different states, never one delegation.

Mapped from hand-made facts (no extraction), so each test is about the rule alone.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.model import Event, Person, Release, ReleaseFacts
from diplograph.rdf import iris
from diplograph.rdf.mapping import map_release, meeting_pairs
from diplograph.rdf.namespaces import DG

RELEASE = Release(release_id="m1", source_file="m1.txt", body="…", issued=dt.date(2024, 6, 13), lang="en")


def person(key: str, country: str | None) -> Person:
    return Person(key=key, name=key.replace("-", " ").title(), name_lang="en", country=country)


def meets(people: list[Person], kind: str = "BilateralMeeting") -> set[tuple[str, str]]:
    """The dg:meets links of one event of these participants, as (person key, person key)."""
    countries = tuple(sorted({p.country for p in people if p.country}))
    event = Event(kind=kind, date=dt.date(2024, 6, 12), countries=countries,
                  participants=tuple(p.key for p in people), name="Summit" if kind == "MultilateralMeeting" else None)
    graph = map_release(ReleaseFacts(release=RELEASE, people=tuple(people), events=(event,)))
    keys = {iris.person_iri(p.key): p.key for p in people}
    return {(keys[s], keys[o]) for s, p, o in graph.triples if p == DG.meets}


def test_counterparts_meet_in_both_directions() -> None:
    assert meets([person("somchai", "TH"), person("yamada", "JP")]) == {("somchai", "yamada"), ("yamada", "somchai")}


def test_two_ministers_of_one_delegation_do_not_meet_each_other() -> None:
    links = meets([person("somchai", "TH"), person("suda", "TH"), person("yamada", "JP")])
    assert ("somchai", "suda") not in links and ("suda", "somchai") not in links
    assert {("somchai", "yamada"), ("suda", "yamada")} <= links


def test_a_participant_whose_state_is_unknown_meets_no_one() -> None:
    links = meets([person("somchai", "TH"), person("yamada", "JP"), person("mystery-guest", None)])
    assert not any("mystery-guest" in pair for pair in links)
    assert ("somchai", "yamada") in links


def test_one_delegation_alone_meets_no_one() -> None:
    assert meets([person("somchai", "TH"), person("suda", "TH")]) == set()


def test_delegates_of_different_states_meet_at_a_conference() -> None:
    links = meets([person("somchai", "TH"), person("suda", "TH"), person("nguyen", "VN")], "MultilateralMeeting")
    assert ("somchai", "nguyen") in links and ("somchai", "suda") not in links


@pytest.mark.parametrize("participants,states,expected", [
    pytest.param(["a", "b"], {"a": "TH", "b": "JP"}, {("a", "b"), ("b", "a")}, id="two-states"),
    pytest.param(["a", "b"], {"a": "TH", "b": "TH"}, set(), id="one-state"),
    pytest.param(["a", "b"], {"a": "TH", "b": None}, set(), id="unknown-state"),
    pytest.param(["a", "a", "b"], {"a": "TH", "b": "JP"}, {("a", "b"), ("b", "a")}, id="named-twice"),
])
def test_meeting_pairs(participants, states, expected) -> None:
    assert set(meeting_pairs(participants, states)) == expected
