"""The network measures analysts ask for: who is central, which countries form a bloc, who is new.

* degree (distinct partners), meetings (weighted degree) and betweenness (how
  often an actor lies on the shortest path between two others: a broker);
* communities of countries that meet among themselves (Louvain, seeded, so the
  same graph always gives the same blocs);
* how a country's partners changed between two periods (gained, lost, kept);
* whom one person met, how often and when (their counterparts).

Betweenness is computed on the unweighted graph: "number of meetings" is a
strength, not a distance, and inverting it would make the measure hard to explain.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx

from ..periods import Period, within
from .data import Facts
from .views import country_code, distinct_meetings, people_graph

SORT_KEYS = ("degree", "meetings", "betweenness")


@dataclass(frozen=True)
class Centrality:
    node: str
    label: str
    degree: int  # distinct partners
    meetings: int  # meetings with them, summed over partners
    betweenness: float  # normalised, 0..1


@dataclass(frozen=True)
class PartnerChange:
    """A country's partners (ISO code → meetings) in two periods."""

    country: str
    first: Period
    second: Period
    before: dict[str, int]
    after: dict[str, int]

    @property
    def gained(self) -> list[str]:
        return sorted(set(self.after) - set(self.before), key=lambda c: (-self.after[c], c))

    @property
    def lost(self) -> list[str]:
        return sorted(set(self.before) - set(self.after), key=lambda c: (-self.before[c], c))

    @property
    def kept(self) -> list[str]:
        return sorted(set(self.before) & set(self.after), key=lambda c: (-self.after[c], c))


@dataclass(frozen=True)
class Counterpart:
    node: str  # person key
    label: str
    country: str | None
    meetings: int
    first: str | None  # ISO dates of the first and last dated meeting
    last: str | None


@dataclass(frozen=True)
class PersonMeetings:
    """One person's meetings and the people they met, most met first."""

    node: str
    label: str
    country: str | None
    meetings: int
    counterparts: list[Counterpart] = field(default_factory=list)


@dataclass
class NetworkReport:
    people: list[Centrality] = field(default_factory=list)
    countries: list[Centrality] = field(default_factory=list)
    communities: list[list[str]] = field(default_factory=list)  # ISO codes, largest bloc first


def centrality(graph: nx.Graph, *, sort: str = "degree", top: int | None = None) -> list[Centrality]:
    """Every node's degree, meetings and betweenness, most central first by ``sort``."""
    if sort not in SORT_KEYS:
        raise ValueError(f"sort by one of {', '.join(SORT_KEYS)}, not {sort!r}")
    between = nx.betweenness_centrality(graph, normalized=True) if graph.number_of_nodes() else {}
    rows = [Centrality(str(n), str(graph.nodes[n].get("label") or n), graph.degree(n),
                       int(graph.degree(n, weight="weight")), round(between.get(n, 0.0), 6))
            for n in graph.nodes]
    order = {"degree": lambda r: (-r.degree, -r.meetings, -r.betweenness, r.node),
             "meetings": lambda r: (-r.meetings, -r.degree, -r.betweenness, r.node),
             "betweenness": lambda r: (-r.betweenness, -r.degree, -r.meetings, r.node)}[sort]
    rows.sort(key=order)
    return rows[:top] if top else rows


def communities(graph: nx.Graph, *, seed: int = 42, resolution: float = 1.0) -> list[list[str]]:
    """Groups of nodes that meet more among themselves than with others (Louvain over meetings;
    agreement-only links carry no weight). Largest group first; each group sorted."""
    met = nx.Graph()
    met.add_nodes_from(graph.nodes)
    met.add_weighted_edges_from((a, b, d.get("weight", 1)) for a, b, d in graph.edges(data=True)
                                if d.get("weight", 1) > 0)
    if met.number_of_edges() == 0:
        return [[n] for n in sorted(met.nodes)]
    groups = nx.community.louvain_communities(met, weight="weight", resolution=resolution, seed=seed)
    return sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g))


def partners(facts: Facts, country: str, period: Period) -> dict[str, int]:
    """Countries that took part in a meeting with ``country`` in ``period``, with how many meetings:
    the numbers the ``partners`` query gives for that period. A summit counts for each of its states
    even when two of them met on its sidelines."""
    country = country_code(country)
    events = [e for e in facts.events.values() if country in e.countries and within(e.date, period)]
    counts: Counter[str] = Counter()
    for event in distinct_meetings(events):
        counts.update(c for c in event.countries if c != country)
    return dict(sorted(counts.items()))


def person_meetings(facts: Facts, person: str, *, lang: str = "en") -> PersonMeetings:
    """Whom ``person`` (a key or a name, read as every command reads one) met, with how many meetings
    and the first and last day, as the people view counts them."""
    key = facts.find_person(person)
    graph = people_graph(facts, lang=lang)
    info = facts.person(key)
    if key not in graph:
        return PersonMeetings(key, info.name(lang), info.country, 0)
    rows = [Counterpart(str(other), str(graph.nodes[other].get("label") or other), graph.nodes[other].get("country"),
                        int(data.get("weight", 0)), data.get("first"), data.get("last"))
            for other, data in graph[key].items()]
    rows.sort(key=lambda r: (-r.meetings, r.label, r.node))
    return PersonMeetings(key, info.name(lang), info.country, int(graph.nodes[key].get("meetings", 0)), rows)


def partner_change(facts: Facts, country: str, first: Period, second: Period) -> PartnerChange:
    """How ``country``'s set of partners changed from ``first`` to ``second``."""
    country = country_code(country)
    return PartnerChange(country, first, second,
                         partners(facts, country, first), partners(facts, country, second))


__all__ = ["Centrality", "Counterpart", "NetworkReport", "PartnerChange", "PersonMeetings", "SORT_KEYS",
           "centrality", "communities", "partner_change", "partners", "person_meetings"]
