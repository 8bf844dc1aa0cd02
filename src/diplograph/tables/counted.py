"""Which events the dyad panel counts: held ones; scheduled ones too when asked.

One SPARQL fragment, on ``?event``, worded as ``diplograph.counting.COUNTED`` on
branch i14-counts (the shared definition every count will use), so that this
module can give way to it by importing it instead: an event counts when its
``dg:eventStatus`` — the latest status its releases report, derived in the store
— is ``dg:Held`` or absent (a release that says nothing of a status reports a
meeting that took place); a ``dg:Scheduled`` one only with ``include_planned``;
a postponed or cancelled one never. The events table lists every event and says
its status instead (:func:`status_name`).
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

from ..rdf.namespaces import DG_IRI
from ..rdf.terms import Term

TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))

COUNTED = """\
  # counted: held (or no status reported); scheduled only with include_planned; postponed or cancelled never
  OPTIONAL { ?event dg:eventStatus ?event_status }
  FILTER(!BOUND(?event_status) || ?event_status = dg:Held
         || (COALESCE(?include_planned, false) && ?event_status = dg:Scheduled))
"""


def planned(include_planned: bool) -> Mapping[str, Term | None]:
    """The binding of ``?include_planned`` (unbound: held events only)."""
    return {"include_planned": TRUE if include_planned else None}


def status_name(status: str | None) -> str:
    """The events table's ``status``: the latest reported status in lower case; ``held`` when no
    release reports one, as :data:`COUNTED` reads it."""
    if not status:
        return "held"
    return status.removeprefix(DG_IRI).lower()


__all__ = ["COUNTED", "planned", "status_name"]
