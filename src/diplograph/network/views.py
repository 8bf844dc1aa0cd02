"""networkx projections of the graph: who met whom, which countries meet, one actor's circle.

* ``people`` — a node per person who took part in an event; an edge between two
  people of different states who took part in the same event, weighted by the
  number of meetings. Two people of one delegation (the same state at the same
  event) travelled together, they did not meet; a person whose state is unknown
  is linked to no one, since nothing says which side they were on (the rule of
  ``dg:meets``, :func:`diplograph.rdf.mapping.meeting_pairs`).
* ``countries`` — a node per country; an edge between two countries involved in
  the same event (weight = meetings) or bound by the same agreement (the edge
  then lists the agreements and the most advanced status of their MoUs).
* ``country:TH`` / ``person:KEY`` — the ego network: the country (or person),
  the nodes within ``radius`` steps and the edges among them. A person is a key or
  a name, read as every command reads one (:mod:`diplograph.person_names`).

Weights count meetings as every command counts them (:mod:`diplograph.counting`,
the README's "What is counted"): held events, each once however many releases
report it; a visit during which talks of the same countries were held counts
once, through the talks; a summit counts for every pair of its states, whether
or not two of them also met on its sidelines.
Dates are ISO strings; lists stay lists here (the network page reads them), and
:func:`diplograph.network.files.plain` joins them for GEXF and GraphML.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from ..errors import NothingToShow, QueryError
from ..rdf.mapping import meeting_pairs
from .data import STATUS_ORDER, Event, Facts

VIEWS = ("people", "countries", "country:ISO", "person:KEY")


def parse_view(view: str) -> tuple[str, str | None]:
    """``"people"`` → ("people", None); ``"country:th"`` → ("country", "TH"); ``"person:x"`` → ("person", "x")."""
    kind, _, target = view.partition(":")
    kind = kind.strip().lower()
    if kind in ("people", "countries") and not target:
        return kind, None
    if kind == "country" and target.strip():
        return kind, country_code(target)
    if kind == "person" and target.strip():
        return kind, target.strip()
    raise QueryError(f"unknown view {view!r}: use people, countries, country:ISO (e.g. country:TH) "
                     "or person:KEY (e.g. person:srettha-thavisin)")


def project(facts: Facts, view: str = "people", *, lang: str = "en", radius: int = 1) -> nx.Graph:
    """The networkx graph of one view of ``facts``."""
    kind, target = parse_view(view)
    if kind in ("people", "person"):
        graph = people_graph(facts, lang=lang)
    else:
        graph = countries_graph(facts, lang=lang)
    if target is not None:
        node = target if kind == "country" else facts.find_person(target)
        if node not in graph and kind == "country":
            from ..gazetteer import countries

            raise NothingToShow(f"nothing to draw: {countries().info[node].label_en} ({node}) took part in no "
                                "meeting and is party to no agreement in this graph (with these filters)")
        if node not in graph:
            raise QueryError(f"no {kind} {target!r} in this graph (with these filters)")
        graph = nx.ego_graph(graph, node, radius=radius)
        graph.graph["center"] = node
    graph.graph["view"] = view
    return graph


def people_graph(facts: Facts, *, lang: str = "en") -> nx.Graph:
    graph = nx.Graph(view="people")
    taken: dict[str, list[Event]] = defaultdict(list)
    pairs: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in facts.events.values():
        for key in event.participants:
            taken[key].append(event)
        states = {key: facts.person(key).country for key in event.participants}
        for a, b in meeting_pairs(sorted(event.participants), states):
            if a < b:  # one edge per pair: meeting_pairs gives both directions
                pairs[(a, b)].append(event)
    for key in sorted(taken):
        person = facts.person(key)
        country = facts.country(person.country) if person.country else None
        graph.add_node(key, kind="person", iri=person.iri, label=person.name(lang),
                       name_en=person.names.get("en"), name_th=person.names.get("th"),
                       country=person.country, country_name=country.name(lang) if country else None,
                       position=person.position, meetings=len(distinct_meetings(taken[key])))
    for (a, b), events in sorted(pairs.items()):
        graph.add_edge(a, b, **_meeting_attrs(distinct_meetings(events)))
    return graph


def country_code(text: str) -> str:
    """An ISO 3166-1 alpha-2 code (any case) as upper case; :class:`QueryError` naming ``text``
    when it is none (with the code, when ``text`` is a country's name)."""
    from ..gazetteer import countries

    known = countries()
    code = text.strip().upper()
    if code in known.info:
        return code
    name = " ".join(text.split())
    guess = known.code(name) or known.code(name.title())
    hint = f" ({name} is {guess})" if guess else ""
    raise QueryError(f"unknown country code {text!r}{hint}: give an ISO 3166-1 alpha-2 code, e.g. TH")


def most_connected(graph: nx.Graph, top: int | None, *, keep: str | None = None) -> nx.Graph:
    """The ``top`` nodes with the most distinct partners (then the most meetings; then by key, so
    the choice does not change between runs) and the edges among them; ``keep`` (an ego view's
    centre) is always among them. The graph itself when it has no more than ``top`` nodes.
    ``graph.graph["of_nodes"]`` says how many nodes there were to choose from."""
    total = graph.number_of_nodes()
    if top is None or total <= top:
        graph.graph.setdefault("of_nodes", total)
        return graph
    rank = sorted(graph.nodes, key=lambda n: (n != keep, -graph.degree(n),
                                             -int(graph.nodes[n].get("meetings", 0)), str(n)))
    chosen = graph.subgraph(rank[:top]).copy()
    chosen.graph["of_nodes"] = total
    return chosen


def countries_graph(facts: Facts, *, lang: str = "en") -> nx.Graph:
    graph = nx.Graph(view="countries")
    involved: dict[str, list[Event]] = defaultdict(list)
    pairs: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in facts.events.values():
        for iso in event.countries:
            involved[iso].append(event)
        for a, b in combinations(sorted(event.countries), 2):
            pairs[(a, b)].append(event)
    bound: dict[tuple[str, str], list[str]] = defaultdict(list)
    for agreement in sorted(facts.agreements.values(), key=lambda a: a.iri):
        for a, b in combinations(sorted(agreement.parties), 2):
            bound[(a, b)].append(agreement.iri)
    for iso in sorted(set(involved) | {c for pair in bound for c in pair}):
        country = facts.country(iso)
        graph.add_node(iso, kind="country", iri=country.iri, label=country.name(lang),
                       name_en=country.names.get("en"), name_th=country.names.get("th"),
                       meetings=len(distinct_meetings(involved.get(iso, []))))
    for pair in sorted(set(pairs) | set(bound)):
        attrs = _meeting_attrs(distinct_meetings(pairs.get(pair, [])))
        agreements = bound.get(pair, [])
        mou = [facts.agreements[a].status for a in agreements
               if facts.agreements[a].kind == "MemorandumOfUnderstanding" and facts.agreements[a].status]
        attrs.update(agreements=agreements, mou_status=max(mou, key=STATUS_ORDER.get) if mou else None,
                     has_mou="Signed" in mou)
        graph.add_edge(*pair, **attrs)
    return graph


def distinct_meetings(events: Iterable[Event]) -> list[Event]:
    """Each event once, by date. Which events are meetings was decided when they were read
    (:func:`~diplograph.network.data.read_facts`), for every pair alike: dropping here a larger
    event because one pair also met on its sidelines would take it from the other pairs too."""
    return sorted({e.iri: e for e in events}.values(), key=lambda e: (e.date or dt.date.max, e.iri))


def _meeting_attrs(events: list[Event]) -> dict[str, object]:
    dates = [e.date for e in events if e.date]
    return {
        "weight": len(events),
        "meetings": [e.iri for e in events],
        "first": min(dates).isoformat() if dates else None,
        "last": max(dates).isoformat() if dates else None,
        "topics": sorted({t for e in events for t in e.topics}),
    }


__all__ = ["VIEWS", "countries_graph", "country_code", "distinct_meetings", "most_connected", "parse_view",
           "people_graph", "project"]
