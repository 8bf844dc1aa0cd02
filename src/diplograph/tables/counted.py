"""Which events the dyad panel counts: the meetings every count counts (:mod:`diplograph.counting`).

Held events, scheduled ones too when asked, and an event during which a counted event with all its
countries was held once, through that event — so a pair's events in a year are what the
``events-per-year`` query answers. The events table lists every event and says its status instead
(:func:`status_name`).
"""

from __future__ import annotations

from ..counting import COUNTED as _HELD
from ..counting import ONCE, planned
from ..rdf.namespaces import DG_IRI

COUNTED = _HELD + ONCE


def status_name(status: str | None) -> str:
    """The events table's ``status``: the latest reported status in lower case; ``held`` when no
    release reports one, as :data:`COUNTED` reads it."""
    if not status:
        return "held"
    return status.removeprefix(DG_IRI).lower()


__all__ = ["COUNTED", "planned", "status_name"]
