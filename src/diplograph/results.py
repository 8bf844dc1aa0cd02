"""Query results as data, and their standard serialisations.

A :class:`Results` is what every store answers, embedded or remote: the
variables and the rows (pyoxigraph terms, ``None`` where unbound), or a
boolean for ASK. The writers follow the W3C SPARQL 1.1 result formats so other
tools read them: JSON (``application/sparql-results+json``), CSV (plain
values, CRLF line ends, RFC 4180 quoting) and TSV (terms in N-Triples/Turtle
syntax, ``?``-prefixed header). Rendering a table for people is the CLI's job;
:func:`display` gives it a short, readable form of each term.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

import pyoxigraph as ox

from .rdf.namespaces import PREFIXES
from .rdf.terms import Term, from_json, to_json

FORMATS = ("table", "csv", "tsv", "json")


@dataclass
class Results:
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Term | None, ...]] = field(default_factory=list)
    boolean: bool | None = None  # set for ASK queries

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> Iterator[dict[str, Term | None]]:
        for row in self.rows:
            yield dict(zip(self.vars, row))

    def column(self, name: str) -> list[Term | None]:
        i = self.vars.index(name)
        return [row[i] for row in self.rows]

    @classmethod
    def from_oxigraph(cls, answer: ox.QuerySolutions | ox.QueryBoolean) -> Results:
        if isinstance(answer, ox.QueryBoolean):
            return cls(boolean=bool(answer))
        names = [v.value for v in answer.variables]
        rows = [tuple(solution[i] for i in range(len(names))) for solution in answer]
        return cls(names, rows)

    @classmethod
    def from_json(cls, data: dict) -> Results:
        """W3C SPARQL JSON; Virtuoso answers ASK as a one-cell SELECT of ``__ASK_RETVAL``."""
        if "boolean" in data:
            return cls(boolean=bool(data["boolean"]))
        names = list(data.get("head", {}).get("vars", []))
        bindings = data.get("results", {}).get("bindings", [])
        if names == ["__ASK_RETVAL"]:
            return cls(boolean=bool(bindings) and bindings[0].get("__ASK_RETVAL", {}).get("value") in ("1", "true"))
        rows = [tuple(from_json(b[n]) if n in b else None for n in names) for b in bindings]
        return cls(names, rows)

    def to_json(self) -> dict:
        if self.boolean is not None:
            return {"head": {}, "boolean": self.boolean}
        bindings = [{n: to_json(t) for n, t in zip(self.vars, row) if t is not None} for row in self.rows]
        return {"head": {"vars": list(self.vars)}, "results": {"bindings": bindings}}


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER = ox.NamedNode(_XSD + "integer")
_NUMBERS = {_XSD + t for t in ("integer", "decimal", "int", "long", "short", "double", "float",
                               "nonNegativeInteger")}
MAX_SERIES = 500  # years one result may be filled with


def fill_years(results: Results, column: str, first: int | None = None, last: int | None = None) -> Results:
    """A year series without holes: a row with 0 in every count column for each year from ``first`` (else
    the first year in the rows) to ``last`` (else the last) that has none, for each value of the other
    columns (each event type of a type-by-year table). Rows without a year (undated) stay as they are.

    A gap in a series is read as "nothing happened that year" only if the row is there: a chart or a
    spreadsheet of the rows would otherwise join 2019 to 2022 as if they were neighbours."""
    if results.boolean is not None or column not in results.vars:
        return results
    at = results.vars.index(column)
    counts = {i for i, name in enumerate(results.vars) if i != at and any(
        isinstance(row[i], ox.Literal) and row[i].datatype.value in _NUMBERS for row in results.rows)}
    keys = [i for i in range(len(results.vars)) if i != at and i not in counts]
    years = [int(row[at].value) for row in results.rows if row[at] is not None]
    lo = first if first is not None else min(years, default=None)
    hi = last if last is not None else max(years, default=None)
    if lo is None or hi is None or hi < lo or hi - lo >= MAX_SERIES:
        return results
    groups: dict[tuple, dict[int | None, list[tuple]]] = {}
    if not keys:
        groups[()] = {}
    for row in results.rows:
        year = int(row[at].value) if row[at] is not None else None
        groups.setdefault(tuple(row[i] for i in keys), {}).setdefault(year, []).append(row)
    rows: list[tuple[Term | None, ...]] = []
    for key, by_year in groups.items():
        rows += by_year.get(None, [])
        for year in sorted({y for y in by_year if y is not None} | set(range(lo, hi + 1))):
            if year in by_year:
                rows += by_year[year]
                continue
            values = dict(zip(keys, key))
            rows.append(tuple(ox.Literal(str(year), datatype=_INTEGER) if i == at else
                              ox.Literal("0", datatype=_INTEGER) if i in counts else values.get(i)
                              for i in range(len(results.vars))))
    return Results(list(results.vars), rows)


def write(results: Results, fmt: str, out: IO[str]) -> None:
    """Write results to a text stream in ``json``, ``csv`` or ``tsv`` (tables are the CLI's)."""
    if fmt == "json":
        json.dump(results.to_json(), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\r\n")
        if results.boolean is not None:
            writer.writerows([["boolean"], ["true" if results.boolean else "false"]])
            return
        writer.writerow(results.vars)
        writer.writerows([_csv_value(t) for t in row] for row in results.rows)
    elif fmt == "tsv":
        if results.boolean is not None:
            out.write("?boolean\n" + ("true" if results.boolean else "false") + "\n")
            return
        out.write("\t".join("?" + v for v in results.vars) + "\n")
        for row in results.rows:
            out.write("\t".join(_tsv_value(t) for t in row) + "\n")
    else:
        raise ValueError(f"unknown results format {fmt!r} (use {', '.join(FORMATS)})")


def dumps(results: Results, fmt: str) -> str:
    buffer = io.StringIO()
    write(results, fmt, buffer)
    return buffer.getvalue()


def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def _tsv_value(term: Term | None) -> str:
    if term is None:
        return ""
    # N-Triples escapes line breaks; a tab inside a literal must not split the column
    return str(term).replace("\t", "\\t")


def display(term: Term | None) -> str:
    """A short human form: IRIs as prefixed names where a prefix fits, literals as their text."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value  # language tags and datatypes are in the json and tsv formats


def compact(value: str) -> str:
    """``https://w3id.org/diplograph/id/country/TH`` → ``dgid:country/TH``."""
    best = ""
    for prefix, ns in PREFIXES.items():
        base = str(ns)
        if value.startswith(base) and len(base) > len(best):
            best, name = base, prefix
    return f"{name}:{value[len(best):]}" if best else value


__all__ = ["FORMATS", "Results", "write", "dumps", "display", "compact", "fill_years"]
