"""Analysts correct the machine: a curation file of rules, applied to every release as it is mapped.

The machine merges two things that are different, keeps apart one thing, states a
fact no release supports, misses a date. Rather than editing the store (the next
ingest would undo it), an analyst writes the correction once, in a TOML file::

    [[same]]        # these nodes are one: each `merge` is renamed `keep`, as subject and object
    keep = "dgid:agreement/mou/KH-TH/border-crossing"
    merge = ["dgid:agreement/mou/KH-TH/border"]
    by = "A. Analyst"
    on = 2026-12-07
    why = "the cabinet approval and the signing name one MoU"

    [[different]]   # a wrong merge: in that release the node is another one
    node = "dgid:event/…"
    release = "d007"
    as = "dgid:event/…/second"

    [[wrong]]       # drop a node's statements (or only one property's; optionally in one release only)
    node = "dgid:…"
    property = "dg:topic"

    [[date]]        # the day an event was held, replacing any date the machine gave it
    event = "dgid:event/…"
    date = 2020-09-29

(each with its own ``by``, ``on`` and ``why``).
Every entry needs ``by``, ``on`` and ``why``. :func:`parse` checks the whole file
before anything is written (a :class:`CurationError` naming the file, the entry and
the cause); :func:`apply` is pure — a release's mapped graph in, the corrected graph
out — and is called where a release is processed (:func:`diplograph.pipeline.process_or_error`),
so ``build`` and ``ingest`` give the same graph. What a rule changed is recorded in
that release's own graph (``<rule> cur:removed / cur:added "s p o ."``), so it stays
exactly as long as the release does; the rules themselves, with who, when and why,
are the graph :data:`CURATION_GRAPH` (:func:`rule_triples`), which a store keeps
(:func:`keep_change`, :func:`stored`) and applies on every later ingest. Rules apply to releases
as they are ingested: a changed rule needs the releases it touches ingested again (:func:`check`
names those changed by rules the store no longer keeps).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Literal, URIRef

from .errors import DiplographError
from .rdf import iris
from .rdf.mapping import ReleaseGraph, Triple
from .rdf.namespaces import DCTERMS, DG, ID_IRI, PROV, RDF, RDFS, XSD, expand_prefixed

CURATION_GRAPH = URIRef(ID_IRI + "graph/curation")
CUR = "https://w3id.org/diplograph/curation#"
RULE_CLASS = URIRef(CUR + "Rule")
REMOVED, ADDED = URIRef(CUR + "removed"), URIRef(CUR + "added")  # rule → an N-Triples line it changed
SOURCE = URIRef(CUR + "source")  # the curation graph → the TOML text the rules were read from
KINDS = ("same", "different", "wrong", "date")
_FIELDS = {"same": {"keep": "iri", "merge": "iris"},
           "different": {"node": "iri", "release": "str", "as": "iri"},
           "wrong": {"node": "iri", "property": "iri?", "release": "str?"},
           "date": {"event": "iri", "date": "date"}}
_COMMON = {"by", "on", "why"}
_DATE_PREDICATES = (DG.heldOn, DG.startDate, DG.endDate)


class CurationError(DiplographError):
    """A curation file that cannot be used: which file, which entry, why."""


@dataclass(frozen=True)
class Rule:
    """One entry of a curation file; ``fields`` as written (IRIs expanded)."""

    kind: str  # one of KINDS
    number: int  # its place among the entries of its kind, from 1 (for messages)
    by: str
    on: dt.date
    why: str
    fields: tuple[tuple[str, object], ...]

    def get(self, name: str, default: object = None) -> object:
        return dict(self.fields).get(name, default)

    @property
    def node(self) -> URIRef:
        """The rule's IRI: a hash of what it says, so the same rule has the same IRI in every store."""
        text = repr((self.kind, self.fields))
        return URIRef(f"{ID_IRI}curation/{self.kind}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}")

    def label(self) -> str:
        return f"[[{self.kind}]] entry {self.number}"


@dataclass(frozen=True)
class Curation:
    """The rules of one curation file, and its text (what a store keeps)."""

    rules: tuple[Rule, ...] = ()
    text: str = ""

    def __bool__(self) -> bool:
        return bool(self.rules)


def load(path: Path) -> Curation:
    """The rules of the curation file at ``path``; a :class:`CurationError` naming it if it is not usable."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CurationError(f"{path}: cannot read the curation file ({exc})") from None
    return parse(text, str(path))


def parse(text: str, name: str = "curation file") -> Curation:
    """Every entry checked: a kind this module knows, its fields, ``by``, ``on`` and ``why``."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CurationError(f"{name}: not TOML ({exc})") from None
    rules = []
    for kind, entries in data.items():
        if kind not in KINDS:
            raise CurationError(f"{name}: unknown section {kind!r} (use [[same]], [[different]], [[wrong]], [[date]])")
        if not isinstance(entries, list):
            raise CurationError(f"{name}: {kind} must be written [[{kind}]] (a list of entries)")
        for number, entry in enumerate(entries, 1):
            rules.append(_rule(kind, number, entry, name))
    return Curation(tuple(rules), text)


def _rule(kind: str, number: int, entry: Mapping, name: str) -> Rule:
    where = f"{name}: [[{kind}]] entry {number}"
    spec = _FIELDS[kind]
    unknown = set(entry) - set(spec) - _COMMON
    if unknown:
        raise CurationError(f"{where}: unknown field {min(unknown)!r} (fields: "
                            f"{', '.join([*spec, *sorted(_COMMON)])})")
    for field_name in sorted(_COMMON):
        if field_name not in entry:
            raise CurationError(f"{where}: {field_name!r} is missing (who, when and why are required)")
    by, why, on = entry["by"], entry["why"], _date(entry["on"], f"{where}: 'on'")
    if not isinstance(by, str) or not by.strip() or not isinstance(why, str) or not why.strip():
        raise CurationError(f"{where}: 'by' and 'why' must be non-empty text")
    fields = []
    for field_name, form in spec.items():
        if field_name not in entry:
            if form.endswith("?"):
                continue
            raise CurationError(f"{where}: {field_name!r} is missing")
        value, what = entry[field_name], f"{where}: {field_name!r}"
        form = form.rstrip("?")
        if form == "iri":
            fields.append((field_name, expand(value, what)))
        elif form == "iris":
            values = value if isinstance(value, list) else [value]
            if not values:
                raise CurationError(f"{what} is empty")
            fields.append((field_name, tuple(expand(v, what) for v in values)))
        elif form == "date":
            fields.append((field_name, _date(value, what)))
        else:
            if not isinstance(value, str) or not value.strip():
                raise CurationError(f"{what} must be a release id (text)")
            fields.append((field_name, value.strip()))
    if kind == "same" and dict(fields)["keep"] in dict(fields)["merge"]:
        raise CurationError(f"{where}: 'keep' is also in 'merge'")
    return Rule(kind, number, by.strip(), on, why.strip(), tuple(fields))


def expand(value: object, what: str) -> URIRef:
    """An IRI as a rule may write it: full, or abbreviated with a prefix of the query parameters (dgid:, dg:…)."""
    if not isinstance(value, str):
        raise CurationError(f"{what} must be an IRI (text)")
    value = expand_prefixed(value)
    if not value.startswith(("http://", "https://", "urn:")) or any(c in value for c in ' <>"{}|^`\\'):
        raise CurationError(f"{what}: {value!r} is not an IRI")
    return URIRef(value)


def _date(value: object, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CurationError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None


# ------------------------------------------------------------------------------------ applying

def apply(graph: ReleaseGraph, curation: Curation | Iterable[Rule]) -> ReleaseGraph:
    """The release's graph with every rule applied, in file order, and what each changed recorded
    in the release's graph (``<rule> cur:removed|cur:added "s p o ."``); the graph itself when no
    rule touches it."""
    rules = curation.rules if isinstance(curation, Curation) else tuple(curation)
    triples, shared, records = list(graph.triples), list(graph.shared), []
    for rule in rules:
        before, before_shared = set(triples), set(shared)
        triples, shared = _APPLY[rule.kind](rule, graph.iri, triples, shared)
        after, after_shared = set(triples), set(shared)
        for predicate, changed in ((REMOVED, (before - after) | (before_shared - after_shared)),
                                   (ADDED, (after - before) | (after_shared - before_shared))):
            records += [(rule.node, predicate, Literal(_line(t))) for t in sorted(changed, key=_line)]
    if not records:
        return graph
    return replace(graph, triples=[*triples, *records], shared=shared)


def _rename(triples: list[Triple], names: Mapping[URIRef, URIRef]) -> list[Triple]:
    out, seen = [], set()
    for s, p, o in triples:
        t = (names.get(s, s), p, names.get(o, o))
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def _same(rule: Rule, release: URIRef, triples: list[Triple], shared: list[Triple]) -> tuple[list, list]:
    names = dict.fromkeys(rule.get("merge"), rule.get("keep"))
    return _rename(triples, names), _rename(shared, names)


def _different(rule: Rule, release: URIRef, triples: list[Triple], shared: list[Triple]) -> tuple[list, list]:
    if release != iris.release_iri(rule.get("release")):
        return triples, shared
    names = {rule.get("node"): rule.get("as")}
    return _rename(triples, names), _rename(shared, names)


def _wrong(rule: Rule, release: URIRef, triples: list[Triple], shared: list[Triple]) -> tuple[list, list]:
    where = rule.get("release")
    if where is not None and release != iris.release_iri(where):
        return triples, shared
    node, prop = rule.get("node"), rule.get("property")

    def wrong(t: Triple) -> bool:
        if prop is not None:
            return t[0] == node and t[1] == prop
        return node in (t[0], t[2])

    kept = [t for t in triples if not wrong(t)]
    if prop is None:  # a dropped agreement's status changes go with it
        orphans = {t[2] for t in triples if t[0] == node and t[1] == DG.statusHistory}
        orphans -= {t[2] for t in kept}
        kept = [t for t in kept if t[0] not in orphans]
    return kept, [t for t in shared if not wrong(t)]


def _set_date(rule: Rule, release: URIRef, triples: list[Triple], shared: list[Triple]) -> tuple[list, list]:
    event = rule.get("event")
    if not any(s == event and p == RDF.type for s, p, _ in triples):
        return triples, shared
    day = Literal(rule.get("date").isoformat(), datatype=XSD.date)
    kept = [t for t in triples if not (t[0] == event and t[1] in _DATE_PREDICATES)]
    return [*kept, (event, DG.heldOn, day)], shared


_APPLY = {"same": _same, "different": _different, "wrong": _wrong, "date": _set_date}


def _line(t: Triple) -> str:
    return " ".join(x.n3() for x in t) + " ."


# ------------------------------------------------------------------------------- describing

def rule_triples(curation: Curation) -> list[Triple]:
    """The curation graph: each rule with who (prov:wasAttributedTo), when (dct:date), why
    (rdfs:comment) and what it says; the file's text on the graph's own node, to apply again."""
    out: list[Triple] = [(CURATION_GRAPH, SOURCE, Literal(curation.text))] if curation.rules else []
    for rule in curation.rules:
        n = rule.node
        out += [(n, RDF.type, RULE_CLASS), (n, RDF.type, PROV.Entity), (n, URIRef(CUR + "kind"), Literal(rule.kind)),
                (n, PROV.wasAttributedTo, Literal(rule.by)),
                (n, DCTERMS.date, Literal(rule.on.isoformat(), datatype=XSD.date)),
                (n, RDFS.comment, Literal(rule.why)), (n, RDFS.label, Literal(rule.label()))]
        for name, value in rule.fields:
            values = value if isinstance(value, tuple) else (value,)
            for v in values:
                term = v if isinstance(v, URIRef) else Literal(v.isoformat(), datatype=XSD.date) \
                    if isinstance(v, dt.date) else Literal(v)
                out.append((n, URIRef(CUR + name), term))
    return out




# ------------------------------------------------------------------------------ in a store

def stored(backend) -> Curation:
    """The rules a store keeps (none if it keeps none): what every ingest of it applies."""
    rows = backend.select(f"SELECT ?text WHERE {{ GRAPH <{CURATION_GRAPH}> {{ <{CURATION_GRAPH}> <{SOURCE}> ?text }} }}"
                          ).rows
    if not rows:
        return Curation()
    return parse(rows[0][0].value, f"the curation rules stored in {backend.describe()}")


def keep_change(curation: Curation):
    """The change that makes ``curation`` the rules a store keeps (its curation graph replaced)."""
    import pyoxigraph as ox

    from .rdf.terms import to_ox
    from .store_layout import ChangeSet

    graph = to_ox(CURATION_GRAPH)
    return ChangeSet(drop=[graph], insert=[ox.Quad(*(to_ox(x) for x in t), graph) for t in rule_triples(curation)])


@dataclass
class CurationReport:
    """What ``doctor`` says of a store's curation: warnings, never problems."""

    rules: int = 0  # the rules the store keeps
    stale: list[tuple[str, str]] = field(default_factory=list)  # (IRI, label): no stored release records a change
    outdated: list[str] = field(default_factory=list)  # releases changed by rules the store no longer keeps


def check(backend) -> CurationReport:
    """The rules a store keeps, those that match nothing in it (a typo, or a release not ingested yet),
    and the releases changed by rules it no longer keeps (ingest them again)."""
    rules = {r[0].value: r[1].value for r in backend.select(
        f"SELECT ?r ?label WHERE {{ GRAPH <{CURATION_GRAPH}> {{ ?r a <{RULE_CLASS}> ; <{RDFS.label}> ?label }} }}").rows}
    used: dict[str, set[str]] = {}
    for rule, graph in backend.select(
            f"SELECT DISTINCT ?r ?g WHERE {{ GRAPH ?g {{ ?r ?p ?x }} VALUES ?p {{ <{REMOVED}> <{ADDED}> }} "
            f"FILTER(?g != <{CURATION_GRAPH}>) }}").rows:
        used.setdefault(rule.value, set()).add(graph.value)
    stale = sorted((r, label) for r, label in rules.items() if r not in used)
    outdated = sorted({g for r, graphs in used.items() if r not in rules for g in graphs})
    return CurationReport(len(rules), stale, outdated)


__all__ = ["CUR", "CURATION_GRAPH", "Curation", "CurationError", "CurationReport", "Rule", "apply", "check", "expand", "keep_change", "load", "parse",
           "rule_triples", "stored"]
