"""What diplograph counts, defined once: which events count, when an event counts once, what an agreement is.

Every number the commands print — ``stats``, ``doctor``, the shipped queries
(``partners``, ``top-country-pairs``, ``events-per-year``, …), ``network``,
``timeline`` and ``viz`` — comes from the SPARQL fragments below, so that two
commands never disagree about the same thing (the README's "What is counted"
says the same in words):

:data:`COUNTED` (on ``?event``)
    an event counts when it was held: its ``dg:eventStatus`` (the latest status
    the releases report) is ``dg:Held``, or no release gives one. A scheduled
    event counts only when ``?include_planned`` is true; a postponed or
    cancelled one never does. Stated once per node: the same meeting reported by
    four releases, in Thai and in English, is one event.
:data:`ONCE` (on ``?event``), for meetings — what a count of *who met whom* counts
    an event during which a counted event with all of its countries was held
    (talks during a visit, a signing during talks) counts once, through the
    events held during it: they say when it happened and who was there. A
    summit during which two of its states held a bilateral meeting still counts
    for every pair of its states, and the bilateral counts too: it is an event
    of its own.

The shipped ``.rq`` files carry these fragments word for word (they are plain
SPARQL files that also run on a server or in another tool); a test holds every
copy equal to the text here. ``?include_planned`` is a query parameter of type
``flag``; left out, it is unbound and scheduled events do not count. In Python,
:func:`count_events` and :func:`count_agreements` give ``stats`` and ``doctor``
their totals, and :data:`MEETINGS` gives the network and the timeline their events.
"""

from __future__ import annotations

from typing import Protocol

import pyoxigraph as ox

from .rdf.terms import Term
from .results import Results

DG_PREFIX = "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
EVENT_TYPES = "dg:BilateralMeeting dg:MultilateralMeeting dg:OfficialVisit dg:CourtesyCall dg:AgreementSigning"
TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))


def _not_counted(event: str, status: str, indent: str) -> str:
    """The status test, for the event and for an event held during it: one wording, two variables."""
    return (f"NOT EXISTS {{ ?{event} dg:eventStatus ?{status}\n"
            f"{indent}             FILTER(?{status} != dg:Held\n"
            f"{indent}                    && !(COALESCE(?include_planned, false) && ?{status} = dg:Scheduled)) }}")


# BINDs and not FILTERs: a BIND is evaluated where it stands, once per event, while Oxigraph applies
# a FILTER at the end of its group, after the joins that follow (top-country-pairs: 40 s, not 5 s, on
# 10 000 releases). Write them after the event's own OPTIONALs and BINDs, before the patterns that
# multiply its rows (its countries, its partners). NOT EXISTS rather than OPTIONAL + FILTER inside:
# Virtuoso 7.2 loses such an OPTIONAL written after a BIND.
COUNTED = f"""\
  # counted: held (or no status reported); scheduled only with include_planned; postponed or cancelled never
  BIND({_not_counted("event", "event_status", "       ")} AS ?counted)
  FILTER(?counted)
"""

ONCE = f"""\
  # a meeting: an event during which a counted event with all its countries was held counts once, through
  # that event (talks during a visit); a summit counts for all its states, sideline meetings or not
  BIND(NOT EXISTS {{
         ?inner dg:duringEvent ?event .
         FILTER {_not_counted("inner", "inner_status", "                ")}
         FILTER NOT EXISTS {{ ?event dg:involvesCountry ?frame_country
                             FILTER NOT EXISTS {{ ?inner dg:involvesCountry ?frame_country }} }}
       }} AS ?once)
  FILTER(?once)
"""

EVENTS = f"""{DG_PREFIX}SELECT (COUNT(DISTINCT ?event) AS ?events) WHERE {{
  VALUES ?type {{ {EVENT_TYPES} }}
  ?event a ?type .
{COUNTED}}}"""

MEETINGS = f"""{DG_PREFIX}SELECT DISTINCT ?event WHERE {{
  VALUES ?type {{ {EVENT_TYPES} }}
  ?event a ?type .
{COUNTED}{ONCE}}}"""

AGREEMENTS = f"""{DG_PREFIX}SELECT (COUNT(DISTINCT ?agreement) AS ?agreements) WHERE {{
  ?agreement a dg:Agreement .
}}"""


class Queryable(Protocol):
    """A store (embedded, in memory or remote) that answers an analyst's query: over every graph."""

    def query(self, text: str, bindings: dict[str, Term | None] | None = None) -> Results: ...


def planned(include_planned: bool) -> dict[str, Term | None]:
    """The ``include_planned`` binding a counting query takes (unbound: held events only)."""
    return {"include_planned": TRUE if include_planned else None}


def count_events(store: Queryable, *, include_planned: bool = False) -> int:
    """The events a store holds, each once, as :data:`COUNTED` counts them."""
    return _number(store.query(EVENTS, planned(include_planned)))


def count_agreements(store: Queryable) -> int:
    """The agreements a store holds (any status: a proposed MoU is an agreement too), each once."""
    return _number(store.query(AGREEMENTS))


def _number(results: Results) -> int:
    rows = results.rows
    return int(rows[0][0].value) if rows and rows[0][0] is not None else 0


__all__ = ["AGREEMENTS", "COUNTED", "EVENTS", "EVENT_TYPES", "MEETINGS", "ONCE", "Queryable", "count_agreements",
           "count_events", "planned"]
