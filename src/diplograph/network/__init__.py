"""The graph as a network, for notebooks and for the ``viz``, ``timeline`` and ``network`` commands.

>>> import diplograph.network as dn
>>> g = dn.to_networkx("dev.trig", view="countries", since="2023")   # doctest: +SKIP
>>> dn.measures("dev.trig").countries[:3]                           # doctest: +SKIP

A source is a graph file (TriG, N-Quads, Turtle …), an embedded store
directory (opened read-only), an opened store (``EmbeddedStore``, ``RemoteStore``),
a pyoxigraph Store or an rdflib Graph/Dataset.
Dates may be ``datetime.date`` objects or text (``2020``, ``2020-03``,
``2020-03-15``); a topic is its notation (``tourism``) or a label, and a filter
on it keeps narrower topics too.
"""

from __future__ import annotations

import networkx as nx

from .data import Facts, read_facts, resolve_topic
from .files import FILE_SUFFIXES, plain, write_network
from .measures import (Centrality, Counterpart, NetworkReport, PartnerChange, PersonMeetings, centrality, communities,
                       partner_change, partners, person_meetings)
from ..periods import DateLike, Period, as_date, parse_date, parse_period
from .source import GraphSource, open_store, queryable
from .views import VIEWS, countries_graph, country_code, most_connected, parse_view, people_graph, project


def load_facts(source: GraphSource | Facts, *, since: DateLike = None, until: DateLike = None,
               topic: str | None = None, include_planned: bool = False) -> Facts:
    """Meetings (within the dates, on the topic; held ones, scheduled ones too with
    ``include_planned``, as :mod:`diplograph.counting` counts them), agreements and descriptions
    from ``source``. Facts already read are returned as they are."""
    if isinstance(source, Facts):
        return source
    store = queryable(source)
    return read_facts(store, since=as_date(since), until=as_date(until, end=True),
                      topic_iri=resolve_topic(store, topic) if topic else None, include_planned=include_planned)


def to_networkx(graph: GraphSource | Facts, view: str = "people", *, since: DateLike = None,
                until: DateLike = None, topic: str | None = None, lang: str = "en", radius: int = 1,
                include_planned: bool = False, top: int | None = None) -> nx.Graph:
    """A networkx graph of one view: ``people`` (default), ``countries``, ``country:TH`` or
    ``person:KEY`` (a person's key or name). Nodes carry names, countries and meeting counts;
    edges ``weight`` (meetings, counted as ``partners`` counts them: held ones, scheduled ones too
    with ``include_planned``), the meetings' IRIs, ``first``/``last`` dates and topics, and in
    the country views the agreements binding the pair and their MoUs' status. Every attribute is
    plain — text, a number or true/false; lists joined by ``"; "``, none left empty-valued — so
    ``networkx.write_gexf`` and ``write_graphml`` take the graph as it is (:mod:`.files`;
    :func:`project` gives the same view with lists). People meet people of other states only (one
    delegation's members are not linked). ``top`` keeps the nodes with the most distinct partners (an
    ego view's centre always)."""
    parse_view(view)  # fail on a bad view before reading anything
    facts = load_facts(graph, since=since, until=until, topic=topic, include_planned=include_planned)
    result = project(facts, view, lang=lang, radius=radius)
    result = most_connected(result, top, keep=result.graph.get("center"))
    result.graph.update(since=_iso(since), until=_iso(until, end=True), topic=topic,
                        include_planned=facts.include_planned)
    return plain(result)


def measures(source: GraphSource | Facts, *, since: DateLike = None, until: DateLike = None,
             topic: str | None = None, top: int | None = 10, sort: str = "degree", seed: int = 42,
             lang: str = "en", include_planned: bool = False) -> NetworkReport:
    """The most connected people and countries, and the blocs of countries that meet (held
    meetings; scheduled ones too with ``include_planned``)."""
    facts = load_facts(source, since=since, until=until, topic=topic, include_planned=include_planned)
    countries = countries_graph(facts, lang=lang)
    return NetworkReport(people=centrality(people_graph(facts, lang=lang), sort=sort, top=top),
                         countries=centrality(countries, sort=sort, top=top),
                         communities=communities(countries, seed=seed))


def _iso(value: DateLike, *, end: bool = False) -> str | None:
    day = as_date(value, end=end)
    return day.isoformat() if day else None


__all__ = [
    "FILE_SUFFIXES", "VIEWS", "Centrality", "Counterpart", "DateLike", "Facts", "GraphSource", "NetworkReport",
    "PartnerChange", "Period", "PersonMeetings", "centrality", "communities", "countries_graph", "country_code",
    "load_facts", "measures", "most_connected", "open_store", "parse_date", "parse_period", "parse_view",
    "partner_change", "partners", "people_graph", "person_meetings", "plain", "project", "to_networkx",
    "write_network",
]
