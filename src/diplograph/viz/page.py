"""The interactive network page: one self-contained HTML file that works offline.

The page inlines vis-network (vendored from the npm registry, see
``assets/README.md``), its own script and style, and the graph as JSON. Nothing
is loaded from another host, and a Content-Security-Policy says so to the
browser: no fetches, no outside scripts, and only the two inline scripts whose
hashes it names may run — so even a name that slipped through escaping could
not execute.

Escaping, in layers: the JSON has ``<``, ``>`` and ``&`` written as ``\\u003c``
etc. so no string in it can close the ``<script>`` element; the script puts
every text on the page with ``textContent`` (never ``innerHTML``); the few
strings this module writes into HTML go through :func:`html.escape`; links are
made only for http(s) addresses.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from ..network.data import Facts
from ..network.measures import communities
from .style import (
    AGREEMENT_KIND_LABELS,
    EVENT_KIND_LABELS,
    STATUS_COLOURS,
    STATUS_LABELS,
    bloc_groups,
    group_colours,
    node_groups,
)

_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)
LABEL_PX = 14  # every label on the page, a person's name or an edge's "MoU signed", the same size


@cache
def asset(name: str) -> str:
    """A vendored or own asset's text (``vis-network/vis-network.min.js``, ``network.js`` …)."""
    text = resources.files("diplograph.viz").joinpath("assets", *name.split("/")).read_text(encoding="utf-8")
    return _SOURCE_MAP.sub("", text)  # the maps are not shipped; a reference to one is a failed request


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``<``, ``>``, ``&`` or JS line separators in it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def csp(scripts: list[str], *, connect: str = "'none'") -> str:
    """A Content-Security-Policy allowing exactly these inline scripts and no outside resource."""
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
                      for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            f"connect-src {connect}; base-uri 'none'; form-action 'none'")


def network_payload(graph: nx.Graph, facts: Facts, *, lang: str = "en") -> dict[str, Any]:
    """The data the page's script draws: nodes, edges, and the meetings and agreements they cite."""
    countries_view = graph.graph.get("view", "people").startswith("countr")
    if countries_view:
        blocs = communities(graph)
        groups = node_groups(graph, bloc_groups(graph, blocs))
        legend_names = {g: g for g in set(groups.values())}
    else:
        groups = node_groups(graph)
        legend_names = {g: f"{facts.country(g).name(lang)} ({g})" for g in set(groups.values()) if g}
    colours = group_colours(groups)
    events: dict[str, str] = {}
    agreements: dict[str, str] = {}
    payload: dict[str, Any] = {"nodes": [], "edges": [], "events": {}, "agreements": {}, "releases": {},
                               "noun": "countries" if countries_view else "people", "labelSize": LABEL_PX}
    for node, d in graph.nodes(data=True):
        payload["nodes"].append({
            "id": str(node), "label": d.get("label") or str(node), "size": d.get("meetings", 1),
            "color": colours[groups[str(node)]], "names": [n for n in (d.get("name_en"), d.get("name_th")) if n],
            "details": _node_details(d, groups[str(node)] if countries_view else None)})
    for i, (a, b, d) in enumerate(sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))):
        mids = [events.setdefault(iri, f"m{len(events)}") for iri in d.get("meetings", [])]
        aids = [agreements.setdefault(iri, f"a{len(agreements)}") for iri in d.get("agreements", [])]
        status = d.get("mou_status")
        payload["edges"].append({
            "id": f"e{i}", "from": str(a), "to": str(b), "weight": d.get("weight", 0), "meetings": mids,
            "agreements": aids, "label": f"MoU {STATUS_LABELS[status]}" if status else "",
            "color": STATUS_COLOURS.get(status) if status else None, "summary": _edge_summary(d)})
    for iri, mid in events.items():
        payload["events"][mid] = _event(facts, iri, lang)
    for iri, aid in agreements.items():
        payload["agreements"][aid] = _agreement(facts, iri, lang)
    used = {ev["release"] for item in [*payload["events"].values(), *payload["agreements"].values()]
            for ev in item["evidence"]} | {r for m in payload["events"].values() for r in m["releases"]} \
        | {h["release"] for a in payload["agreements"].values() for h in a["history"]}
    for rid in sorted(r for r in used if r and r in facts.releases):
        ref = facts.releases[rid]
        payload["releases"][rid] = {"id": ref.release_id, "title": ref.title,
                                    "issued": ref.issued.isoformat() if ref.issued else None,
                                    "url": ref.url if ref.url and re.match(r"(?i)https?://", ref.url) else None}
    payload["legend"] = [{"name": legend_names.get(g, g), "color": c} for g, c in colours.items()
                         if g and g in legend_names]
    return payload


def _node_details(d: dict[str, Any], bloc: str | None) -> list[str]:
    lines = [n for n in (d.get("name_en"), d.get("name_th")) if n and n != d.get("label")]
    if d.get("position"):
        lines.append(str(d["position"]))
    if d.get("kind") == "person":
        lines.append(f"{d.get('country_name')} ({d.get('country')})" if d.get("country") else "country unknown")
    if bloc:
        lines.append(bloc)
    lines.append(f"{d.get('meetings', 0)} meetings")
    return lines


def _edge_summary(d: dict[str, Any]) -> str:
    n = d.get("weight", 0)
    text = f"{n} meeting{'s' if n != 1 else ''}"
    if d.get("first"):
        text += f", {d['first']}" + (f" to {d['last']}" if d.get("last") != d["first"] else "")
    if d.get("agreements"):
        text += f"; {len(d['agreements'])} agreement{'s' if len(d['agreements']) != 1 else ''}"
    return text


def _event(facts: Facts, iri: str, lang: str) -> dict[str, Any]:
    e = facts.events[iri]
    return {"iri": iri, "kind": EVENT_KIND_LABELS.get(e.kind, e.kind), "name": e.name,
            "date": e.date.isoformat() if e.date else None, "end": e.end.isoformat() if e.end else None,
            "mode": {"Virtual": "virtual", "InPerson": "in person"}.get(e.mode or "", e.mode),
            "status": (e.status or "").lower() or None,
            "people": sorted(facts.person(k).name(lang) for k in e.participants),
            "topics": sorted(facts.topic(t).name(lang) for t in e.topics),
            "evidence": [{"text": ev.sentence, "release": ev.release} for ev in e.evidence],
            "releases": sorted(e.releases)}


def _agreement(facts: Facts, iri: str, lang: str) -> dict[str, Any]:
    a = facts.agreements[iri]
    return {"iri": iri, "kind": AGREEMENT_KIND_LABELS.get(a.kind, a.kind), "title": a.title,
            "status": STATUS_LABELS.get(a.status or "", a.status),
            "parties": sorted(facts.country(c).name(lang) for c in a.parties),
            "history": [{"status": STATUS_LABELS.get(h.status, h.status),
                         "date": h.date.isoformat() if h.date else None, "release": h.release} for h in a.history],
            "evidence": [{"text": ev.sentence, "release": ev.release} for ev in a.evidence]}


def network_html(graph: nx.Graph, facts: Facts, *, title: str = "diplograph", subtitle: str = "",
                 lang: str = "en") -> str:
    """The whole page as text."""
    lib, app = asset("vis-network/vis-network.min.js"), asset("network.js")
    data = script_json(network_payload(graph, facts, lang=lang))
    policy = html.escape(csp([lib, app]), quote=False).replace('"', "&quot;")  # keeps its 'quotes'
    return _TEMPLATE.format(lang=html.escape(lang), csp=policy, title=html.escape(title),
                            subtitle=html.escape(subtitle), css=asset("network.css"), data=data, lib=lib, app=app)


_TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="diplograph">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<span class="filters">{subtitle}</span>
<span id="counts"></span>
<label>Find <input id="search" type="search" placeholder="name, ชื่อ" autocomplete="off"></label>
<span id="found" aria-live="polite"></span>
<div id="legend"></div>
</header>
<div id="network"></div>
<div id="tooltip" hidden></div>
<aside id="details"><p class="hint">Hover a node for its name, position and country; click a link
to list the meetings, with their dates, topics, the sentence that reports each and its release.</p></aside>
<script type="application/json" id="graph-data">{data}</script>
<script>{lib}</script>
<script>{app}</script>
</body>
</html>
"""

__all__ = ["asset", "csp", "network_html", "network_payload", "script_json"]
