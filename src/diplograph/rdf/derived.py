"""Facts derived across releases: each event's and agreement's latest status, and ``dg:hasMoUWith``.

:mod:`diplograph.rdf.mapping` turns one release into its graph; what no single release can
say — which report of an agreement is the latest, whether two states have a signed MoU — is
computed here from the quads of many, so it never depends on the order releases were read in.
``build`` runs it over the merged graph, the store's planner (:mod:`diplograph.changes`) over
the releases a change touches, the doctor over the whole store, and the ingest over one
release to validate it.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib.term import Node

from .namespaces import DCTERMS, DG, PROV, RDF

Triple = tuple[Node, Node, Node]

# Terms looked up once: an attribute of a closed rdflib namespace costs a microsecond each time.
_TYPE, _DERIVED_FROM, _ISSUED = RDF.type, PROV.wasDerivedFrom, DCTERMS.issued
(_REPORTED, _PARTY, _HISTORY, _STATUS, _DATE, _EVENT_STATUS, _MOU, _SIGNED, _HAS_MOU_WITH) = (
    DG.reportedStatus, DG.party, DG.statusHistory, DG.status, DG.date, DG.eventStatus,
    DG.MemorandumOfUnderstanding, DG.Signed, DG.hasMoUWith)


def derived_triples(quads: Iterable[tuple[Node, Node, Node, Node | None]],
                    latest: dict[Node, tuple[str, int, Node]] | None = None) -> list[Triple]:
    """Cross-release facts: each event's and agreement's latest status, dg:hasMoUWith for signed MoUs.

    Reads quads (subject, predicate, object, graph) so that it knows which release
    reported what: an event's status is the one its latest-issued release reports (a
    later "held" supersedes an earlier "scheduled"); an agreement's is the status with
    the latest date — its own date, else the issuing date of the release reporting it —
    and at equal dates the more advanced one. Streams: only the few predicates it needs
    are kept, so it can run over a whole store. ``latest``, when given, receives each
    event's and agreement's winning report as (date, rank, status): the store keeps the
    date, so that a new report need only be compared with it.
    """
    issued: dict[Node, str] = {}
    changes: dict[Node, set[Node]] = {}
    change_status: dict[Node, Node] = {}
    change_date: dict[Node, str] = {}
    change_release: dict[Node, Node] = {}
    reports: dict[Node, list[tuple[Node | None, Node]]] = {}
    mous: set[Node] = set()
    parties: dict[Node, set[Node]] = {}
    wanted = _DERIVED_INPUTS
    for s, p, o, g in quads:
        which = wanted.get(p)  # a dict lookup: most predicates are not wanted
        if which is None:
            continue
        if which == 0:
            issued[s] = str(o)
        elif which == 1:
            changes.setdefault(s, set()).add(o)
        elif which == 2:
            if g is not None:
                change_status[s] = o
        elif which == 3:
            change_date[s] = str(o)
        elif which == 4:
            change_release[s] = o
        elif which == 5:
            reports.setdefault(s, []).append((g, o))
        elif which == 6:
            if o == _MOU:
                mous.add(s)
        else:
            parties.setdefault(s, set()).add(o)

    out: list[Triple] = []
    for event, reported in reports.items():
        best = max(((issued.get(g, "") if g is not None else ""), _EVENT_ORDER.get(o, -1), o) for g, o in reported)
        if latest is not None:
            latest[event] = best
        out.append((event, _EVENT_STATUS, best[2]))
    for agreement, its_changes in changes.items():
        ranked = []
        for change in its_changes:
            status = change_status.get(change)
            if status is None:
                continue
            when = change_date.get(change) or issued.get(change_release.get(change), "")
            ranked.append((when, _AGREEMENT_ORDER.get(status, -1), status))
        if not ranked:
            continue
        best = max(ranked)
        if latest is not None:
            latest[agreement] = best
        status = best[2]
        out.append((agreement, _STATUS, status))
        if status == _SIGNED and agreement in mous:
            for x in sorted(parties.get(agreement, ())):
                for y in sorted(parties.get(agreement, ())):
                    if x != y:
                        out.append((x, _HAS_MOU_WITH, y))
    return sorted(set(out))


_DERIVED_INPUTS = {_ISSUED: 0, _HISTORY: 1, _STATUS: 2, _DATE: 3, _DERIVED_FROM: 4, _REPORTED: 5, _TYPE: 6,
                   _PARTY: 7}
_EVENT_ORDER = {DG.Scheduled: 0, DG.Held: 1, DG.Postponed: 2, DG.Cancelled: 3}
_AGREEMENT_ORDER = {DG.Proposed: 0, DG.UnderNegotiation: 1, DG.Approved: 2, DG.Signed: 3}


__all__ = ["derived_triples"]
