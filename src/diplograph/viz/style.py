"""Colours and words shared by the interactive page, the static figures and the timeline.

One palette for both outputs, so a country has the same colour in the HTML a
reader explores and in the PNG pasted into the report.
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

# Tableau 10 then its lighter half: distinguishable, and readable under black labels.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#bab0ac", "#a0cbe8", "#ffbe7d", "#8cd17d", "#b6992d", "#86bcb6", "#d4a6c8")
OTHER = "#cccccc"

EVENT_KIND_LABELS = {
    "BilateralMeeting": "bilateral meeting", "MultilateralMeeting": "multilateral meeting",
    "OfficialVisit": "official visit", "CourtesyCall": "courtesy call", "AgreementSigning": "agreement signing",
}
AGREEMENT_KIND_LABELS = {
    "MemorandumOfUnderstanding": "MoU", "JointStatement": "joint statement",
    "LetterOfIntent": "letter of intent", "Agreement": "agreement",
}
STATUS_LABELS = {"Proposed": "proposed", "UnderNegotiation": "under negotiation", "Approved": "approved",
                 "Signed": "signed"}
STATUS_COLOURS = {"Proposed": "#bab0ac", "UnderNegotiation": "#edc948", "Approved": "#f28e2b",
                  "Signed": "#59a14f"}
KIND_COLOURS = {"BilateralMeeting": "#4e79a7", "MultilateralMeeting": "#76b7b2", "OfficialVisit": "#f28e2b",
                "CourtesyCall": "#b07aa1", "AgreementSigning": "#59a14f"}


def node_groups(graph: nx.Graph, groups: dict[str, str] | None = None) -> dict[str, str]:
    """Each node's colour group: its country (people) or its bloc (``groups``, for countries)."""
    if groups is not None:
        return {str(n): groups.get(str(n), "") for n in graph.nodes}
    return {str(n): str(d.get("country") or "") for n, d in graph.nodes(data=True)}


def group_colours(groups: dict[str, str]) -> dict[str, str]:
    """A colour per group, the biggest groups first, so the common ones get the clearest colours;
    ties broken by name so the colours do not change between runs."""
    counts = Counter(g for g in groups.values() if g)
    ordered = sorted(counts, key=lambda g: (-counts[g], g))
    colours = {g: PALETTE[i] if i < len(PALETTE) else OTHER for i, g in enumerate(ordered)}
    colours[""] = OTHER
    return colours


def bloc_groups(graph: nx.Graph, blocs: list[list[str]]) -> dict[str, str]:
    """Group names for the country view's communities: "bloc 1" is the largest."""
    return {member: f"bloc {i}" for i, bloc in enumerate(blocs, 1) for member in bloc if member in graph}


__all__ = ["AGREEMENT_KIND_LABELS", "EVENT_KIND_LABELS", "KIND_COLOURS", "OTHER", "PALETTE", "STATUS_COLOURS",
           "STATUS_LABELS", "bloc_groups", "group_colours", "node_groups"]
