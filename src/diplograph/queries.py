"""Analyst queries: ``.rq`` files with a machine-readable header, typed parameters, any store.

Each shipped query (``queries/*.rq``) starts with comment lines::

    # Meetings between two countries in a period.        ← title (first line)
    #                                                      ← description (free text)
    # param: country1 country (required) — ISO 3166-1 alpha-2 code, e.g. TH
    # param: from date — first day of the period           ← optional unless "(required)"
    # columns: event, type, date
    # series: year                                         ← optional: a year series, see below

A parameter's value is checked and turned into an RDF term by its type
(:data:`PARAM_TYPES`) — a country code into the country's IRI (checked against
ISO 3166 with pycountry), a date into an ``xsd:date``, a person's name into the
person's IRI (looked up by label in the store), free text into a plain literal
— and handed to the store as bindings, which every store puts into the query
as one ``VALUES`` block of terms serialised by pyoxigraph (escaped N-Triples),
so raw input never becomes query text, and the embedded store and a remote
server evaluate exactly the same query. (pyoxigraph's own ``substitutions``
join the values with the projected variables after evaluation, SEP-0007
style, so a ``FILTER`` on a parameter would not see it.) An unknown, missing or invalid parameter is a
:class:`~diplograph.errors.QueryError`. Optional parameters left out are
unbound; queries test them with ``!BOUND(?name) || …`` in their outermost group,
which is where both kinds of binding are visible.

A query whose header names a ``series`` column is a year series: :func:`run`
adds a row with 0 in every count column for each year between the first and
the last (or the ``from`` and ``to`` parameters of type ``year``) that has no
row, so that no year without events is mistaken for a neighbour of the next.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from .errors import QueryError, ResourceNotFound
from .periods import parse_date
from .rdf.namespaces import DG_IRI, ID_IRI, expand_prefixed
from .rdf.terms import Term, iri
from .results import Results, fill_years
from .sparql import query_form

PARAM_TYPES = {
    "country": "ISO 3166-1 alpha-2 (or alpha-3) country code, e.g. TH",
    "date": "a date: 2024, 2024-03 or 2024-03-05 (as to or until: a year or month up to its last day)",
    "year": "a year, e.g. 2020",
    "person": "a person's IRI, key or name: whole or part, Thai or Latin script, any spelling the person "
              "registry knows (Prayut or Prayuth Chan-o-cha)",
    "text": "free text, matched as given",
    "status": "an agreement status: Proposed, UnderNegotiation, Approved or Signed",
    "event_type": "BilateralMeeting, MultilateralMeeting, OfficialVisit, CourtesyCall or AgreementSigning",
    "agreement_type": "an agreement type: MemorandumOfUnderstanding (MoU), Agreement, JointStatement or "
                      "LetterOfIntent (LoI)",
    "topic": "a topic's notation in ontology/topics.ttl, e.g. trade-investment",
    "iri": "an IRI (dgid:… and dg:… abbreviations allowed)",
    "flag": "yes or no (also true/false, 1/0)",
}
END_PARAMS = ("to", "until", "end")  # date parameters that end a period: 2024 means 2024-12-31
_STATUSES = ("Proposed", "UnderNegotiation", "Approved", "Signed")
_FLAGS = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False}
_EVENT_TYPES = ("BilateralMeeting", "MultilateralMeeting", "OfficialVisit", "CourtesyCall", "AgreementSigning")
_AGREEMENT_TYPES = ("MemorandumOfUnderstanding", "Agreement", "JointStatement", "LetterOfIntent")
_AGREEMENT_ABBREVIATIONS = {"mou": "MemorandumOfUnderstanding", "loi": "LetterOfIntent"}
_PARAM = re.compile(r"^#\s*param:\s*(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>[a-z_]+)\s*"
                    r"(?:\((?P<req>required|optional)\))?\s*(?:[—–-]+\s*(?P<desc>.*))?$")
_COLUMNS = re.compile(r"^#\s*columns:\s*(?P<cols>.*)$")
_SERIES = re.compile(r"^#\s*series:\s*(?P<col>[A-Za-z_][A-Za-z0-9_]*)\s*$")


class Target(Protocol):
    def query(self, text: str, bindings: dict[str, Term | None] | None = None) -> Results: ...


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class QueryFile:
    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = ()
    columns: tuple[str, ...] = ()
    path: Path | None = None
    series: str | None = None  # a year column whose missing years run() fills with 0


    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def parse(text: str, name: str, path: Path | None = None) -> QueryFile:
    """A query and what its header says about it (QueryError on a malformed header)."""
    title, description, params, columns, series = "", [], [], (), None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        if stripped.lstrip("# ").startswith("param:"):
            m = _PARAM.match(stripped)
            if not m or m["type"] not in PARAM_TYPES:
                raise QueryError(f"{path or name}: cannot read {stripped!r} (write: # param: NAME TYPE "
                                 f"(required) — description; types: {', '.join(PARAM_TYPES)})")
            params.append(Param(m["name"], m["type"], m["req"] == "required", (m["desc"] or "").strip()))
        elif m := _COLUMNS.match(stripped):
            columns = tuple(c.strip() for c in m["cols"].split(",") if c.strip())
        elif m := _SERIES.match(stripped):
            series = m["col"]
        elif not title:
            title = stripped.lstrip("# ").strip()
        elif not params:
            description.append(stripped[1:].strip())
    return QueryFile(name, text, title, " ".join(" ".join(description).split()), tuple(params), columns, path,
                     series)


@cache
def shipped() -> dict[str, QueryFile]:
    """The queries in ``queries/``, by name (file name without ``.rq``)."""
    from .resources import resource_dir

    folder = resource_dir("queries")
    return {p.stem: parse(p.read_text(encoding="utf-8"), p.stem, p) for p in sorted(folder.glob("*.rq"))}


def load(name_or_file: str) -> QueryFile:
    """A shipped query by name, or any ``.rq`` file (its header may declare parameters too)."""
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.is_file():
        return parse(path.read_text(encoding="utf-8"), path.stem, path)
    try:
        queries = shipped()
    except ResourceNotFound as exc:
        raise QueryError(str(exc)) from exc
    if name_or_file in queries:
        return queries[name_or_file]
    raise QueryError(f"no query named {name_or_file!r} (shipped: {', '.join(queries)}; "
                     "or give a .rq file, or --sparql TEXT)")


def adhoc(text: str) -> QueryFile:
    return parse(text, "(--sparql)")


def bind(query: QueryFile, values: Mapping[str, str], target: Target | None = None) -> dict[str, Term | None]:
    """Check ``values`` against the query's declared parameters; RDF terms (None: left unbound)."""
    for name in values:
        if query.param(name) is None:
            known = ", ".join(p.name for p in query.params) or "none"
            raise QueryError(f"{query.name}: unknown parameter {name!r} (its parameters: {known})")
    out: dict[str, Term | None] = {}
    for p in query.params:
        raw = values.get(p.name)
        if raw is None:
            if p.required:
                raise QueryError(f"{query.name}: parameter {p.name!r} is required ({p.type}: {PARAM_TYPES[p.type]}); "
                                 f"give --param {p.name}=VALUE")
            out[p.name] = None
            continue
        out[p.name] = term_for(p, raw, target)
    return out


def term_for(param: Param, raw: str, target: Target | None = None) -> Term:
    """The RDF term a parameter value stands for; QueryError when it is not a valid one."""
    value = raw.strip()

    def bad(why: str) -> QueryError:
        return QueryError(f"parameter {param.name}: {raw!r} {why} (expected {PARAM_TYPES[param.type]})")

    if param.type == "country":
        code = _country_code(value)
        if code is None:
            raise bad("is not an ISO 3166-1 country code")
        return iri(f"{ID_IRI}country/{code}")
    if param.type == "date":
        try:
            day = parse_date(value, end=param.name in END_PARAMS)
        except QueryError:
            raise bad("is not a date") from None
        return ox.Literal(day.isoformat(), datatype=iri("http://www.w3.org/2001/XMLSchema#date"))
    if param.type == "year":
        if not re.fullmatch(r"\d{4}", value) or not 1900 <= int(value) <= 2100:
            raise bad("is not a year")
        return ox.Literal(value, datatype=iri("http://www.w3.org/2001/XMLSchema#integer"))
    if param.type == "text":
        if not value or len(value) > 1000:
            raise bad("is empty or longer than 1000 characters")
        return ox.Literal(value)
    if param.type in ("status", "event_type", "agreement_type"):
        choices = {"status": _STATUSES, "event_type": _EVENT_TYPES, "agreement_type": _AGREEMENT_TYPES}[param.type]
        key = re.sub(r"[\s_-]", "", value).lower()
        if param.type == "agreement_type":
            key = _AGREEMENT_ABBREVIATIONS.get(key, key).lower()
        match = next((c for c in choices if c.lower() == key), None)
        if match is None:
            raise bad("is not one of them")
        return iri(DG_IRI + match)
    if param.type == "topic":
        if value not in _topic_notations():
            raise bad("is not a topic of the scheme")
        return iri(f"{ID_IRI}topic/{value}")
    if param.type == "iri":
        return _iri(value, bad)
    if param.type == "flag":
        if value.lower() not in _FLAGS:
            raise bad("is neither yes nor no")
        return ox.Literal(str(parse_flag(value)).lower(), datatype=iri("http://www.w3.org/2001/XMLSchema#boolean"))
    if param.type == "person":
        if re.match(r"(https?:|urn:|dgid:)\S", value):
            return _iri(value, bad)
        return _person(value, target, bad)
    raise bad("has a type diplograph does not know")


def parse_flag(value: str, name: str = "flag") -> bool:
    """A ``flag`` value as the query parameters and the network page take it: yes or no (also
    true/false, 1/0, any case); QueryError otherwise."""
    try:
        return _FLAGS[value.strip().lower()]
    except KeyError:
        raise QueryError(f"{name}: {value!r} is neither yes nor no (also true/false, 1/0)") from None


def run(target: Target, query: QueryFile, values: Mapping[str, str] | None = None) -> Results:
    """Run a query file on a store (embedded, in-memory or remote) with checked, typed parameters."""
    if query_form(query.text) not in ("SELECT", "ASK"):
        raise QueryError(f"{query.name}: only SELECT and ASK queries give results; for graphs use diplograph export")
    terms = bind(query, values or {}, target)
    results = target.query(query.text, terms)
    if query.series is None:
        return results
    return fill_years(results, query.series, _year(terms.get("from")), _year(terms.get("to")))


def _year(term: Term | None) -> int | None:
    """A ``year`` parameter's value (a ``from`` or ``to`` of type date does not bound a year series)."""
    if isinstance(term, ox.Literal) and term.datatype.value == "http://www.w3.org/2001/XMLSchema#integer":
        return int(term.value)
    return None


def run_query(target: Target, query: str | QueryFile, params: Mapping[str, str] | None = None) -> Results:
    """A shipped query by name, a ``.rq`` file or SPARQL text, with parameters as strings::

        diplograph.run_query(store, "meetings-between", {"country1": "TH", "country2": "SG"})
    """
    if isinstance(query, str):
        query = adhoc(query) if "{" in query else load(query)
    return run(target, query, params)


def _country_code(value: str) -> str | None:
    import pycountry

    if not re.fullmatch(r"[A-Za-z]{2,3}", value):
        return None
    field = "alpha_2" if len(value) == 2 else "alpha_3"
    country = pycountry.countries.get(**{field: value.upper()})
    return country.alpha_2 if country else None


def _iri(value: str, bad) -> ox.NamedNode:
    value = expand_prefixed(value)
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:\S", value):
        raise bad("is not an IRI")
    try:
        return iri(value)
    except ValueError:
        raise bad("is not an IRI") from None


_PEOPLE = """PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?person ?label WHERE {
  ?person a dg:Person .
  OPTIONAL { ?person rdfs:label|skos:altLabel ?label }
}"""


def _person(name: str, target: Target | None, bad) -> ox.NamedNode:
    """The one person ``name`` names in the store, as every command reads a person's name
    (:func:`diplograph.person_names.find_person`: whole or part, Thai or Latin, registry spellings)."""
    from .person_names import find_person

    if not " ".join(name.split()) or len(name) > 200:
        raise bad("is not a name")
    if target is None:
        raise bad("needs a store to look the name up in")
    people: dict[str, list[str]] = {}
    for person, label in target.query(_PEOPLE).rows:
        people.setdefault(person.value, []).extend([label.value] if label is not None else [])
    try:
        return iri(find_person(name, people))
    except QueryError as exc:
        raise QueryError(f"parameter person: {exc}") from None


@cache
def _topic_notations() -> frozenset[str]:
    from .resources import resource_file

    store = ox.Store()
    store.load(path=str(resource_file("ontology", "topics.ttl")), format=ox.RdfFormat.TURTLE)
    rows = store.query("SELECT ?n WHERE { ?c <http://www.w3.org/2004/02/skos/core#notation> ?n }")
    return frozenset(r["n"].value for r in rows)


__all__ = ["PARAM_TYPES", "Param", "QueryFile", "Target", "parse", "shipped", "load", "adhoc", "bind",
           "term_for", "parse_flag", "run", "run_query"]
