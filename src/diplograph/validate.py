"""SHACL validation with the shipped shapes, returning results as data.

Validation runs on small graphs — one release's statements plus the shared
descriptions they point to — never on the store. Two engines give the same
results:

* ``"fast"`` (the default): :mod:`diplograph.shacl`, a small interpreter for the
  SHACL Core components the shipped shapes use, working on plain triples
  (under a millisecond per release). It refuses shapes that use anything
  it does not implement (a :class:`~diplograph.errors.ValidationError`).
* ``"pyshacl"``: pyshacl on an rdflib Memory graph, the reference (about 19 ms
  per release; pyshacl over an Oxigraph-backed graph is pathologically slow).

``engine=None`` takes the ``DIPLOGRAPH_VALIDATOR`` environment variable
(``fast`` or ``pyshacl``), else ``"fast"``: ``DIPLOGRAPH_VALIDATOR=pyshacl``
checks the fast engine against pyshacl without changing any code. Only a
failure *to* validate raises (:class:`~diplograph.errors.ValidationError`);
violations are results (:mod:`diplograph.validation_report`, the types both
engines return; the shipped shapes graph is :mod:`diplograph.shapes_graph`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from .errors import ValidationError
from .shapes_graph import shapes_graph
from .validation_report import ValidationReport, ValidationResult

if TYPE_CHECKING:
    from .rdf.mapping import ReleaseGraph

__all__ = [
    "ENGINES", "ValidationReport", "ValidationResult", "engine_name", "release_triples", "shape_predicates",
    "shapes_graph", "validate_file", "validate_graph", "validate_triples",
]

ENGINES = ("fast", "pyshacl")


def engine_name(engine: str | None = None) -> str:
    """The engine to use: ``engine``, else $DIPLOGRAPH_VALIDATOR, else ``"fast"``."""
    name = engine or os.environ.get("DIPLOGRAPH_VALIDATOR") or "fast"
    if name not in ENGINES:
        raise ValidationError(f"unknown SHACL engine {name!r} (use {' or '.join(ENGINES)}, "
                              "as engine= or in DIPLOGRAPH_VALIDATOR)")
    return name


def validate_graph(data: Graph | ReleaseGraph, engine: str | None = None) -> ValidationReport:
    """Run the shapes on ``data`` with the given (or the default) engine: an rdflib graph, or one
    release's graph as :func:`~diplograph.rdf.mapping.map_release` gives it, validated as ``build``
    validates each release (:func:`release_triples`), so the API chains::

        report = diplograph.validate_graph(diplograph.map_release(diplograph.extract(release)))
    """
    from .rdf.mapping import ReleaseGraph

    if isinstance(data, ReleaseGraph):
        return validate_triples(release_triples(data), engine)
    if not isinstance(data, Graph):
        raise TypeError(f"validate_graph takes an rdflib Graph or what map_release returns, "
                        f"not {type(data).__name__}")
    if engine_name(engine) == "fast":
        from . import shacl

        return shacl.validate(data.triples((None, None, None)))
    from pyshacl import validate as shacl_validate

    try:
        _conforms, report, _text = shacl_validate(
            data, shacl_graph=shapes_graph(), inference="none", advanced=False, allow_warnings=True)
    except Exception as exc:  # pyshacl raises its own types and plain exceptions on bad input
        raise ValidationError(f"could not validate: {exc}") from exc
    return ValidationReport(tuple(_results(report)))


def release_triples(graph: ReleaseGraph, derived: Iterable[tuple] | None = None) -> list[tuple]:
    """What is validated for one release: its statements, the shared descriptions they use, and the
    derived facts about its nodes — from ``derived`` (a batch's) when given, else from this release alone."""
    if derived is None:
        from .rdf.derived import derived_triples
        from .rdf.mapping import all_triples

        derived = derived_triples(all_triples([graph]))
    subjects = {t[0] for t in graph.triples}
    return [*graph.triples, *graph.shared, *(t for t in derived if t[0] in subjects)]


def validate_triples(triples: Iterable[tuple], engine: str | None = None) -> ValidationReport:
    """Run the shapes on a graph given as rdflib triples (extra tuple items are ignored)."""
    if engine_name(engine) == "fast":
        from . import shacl

        return shacl.validate(triples)
    graph = Graph()
    for t in triples:
        graph.add(t[:3])
    return validate_graph(graph, engine="pyshacl")


def validate_file(path: Path, engine: str | None = None) -> ValidationReport:
    """Run the shapes on an RDF file (any format :mod:`diplograph.rdf.files` reads; named graphs merged).

    The file is read safely (:func:`diplograph.rdf.files.read_quads`: streamed, no XML entities,
    no network) and only the triples the shapes can look at are kept (:func:`shape_predicates`),
    so memory follows what is validated, not what the file holds: a 6.9 MB Turtle list of two
    million ``rdf:first``/``rdf:rest`` triples, none of the shapes' business, costs nothing.
    Raises :class:`~diplograph.errors.InputError` for a file that cannot be read.
    """
    return validate_triples(_relevant(path), engine=engine)


def _relevant(path: Path) -> Iterator[tuple]:
    from .rdf.files import read_quads
    from .rdf.terms import to_rdflib

    keep = shape_predicates()
    for q in read_quads(path):
        if q.predicate.value in keep:
            yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)


@cache
def shape_predicates() -> frozenset[str]:
    """Every predicate whose triples can change a validation report with the shipped shapes.

    A SHACL Core engine reads the data graph only along the predicates the shapes name (paths,
    ``sh:targetSubjectsOf``/``sh:targetObjectsOf``, ``sh:lessThanOrEquals`` …) and, for classes,
    ``rdf:type`` and ``rdfs:subClassOf``. Any IRI that is a subject or object in the shapes graph
    is kept — a superset of those names, so nothing the shapes use is missed; the list
    structure of ``sh:in`` (``rdf:first``, ``rdf:rest``, in predicate position) is not.
    """
    graph = shapes_graph()
    names = {str(x) for s, _p, o in graph for x in (s, o) if isinstance(x, URIRef)}
    return frozenset(names | {str(RDF.type), str(RDFS.subClassOf)})


def _results(report: Graph) -> Iterable[ValidationResult]:
    for node in report.subjects(SH.resultSeverity, None):
        severity = str(report.value(node, SH.resultSeverity)).rsplit("#", 1)[-1]
        path = report.value(node, SH.resultPath)
        value = report.value(node, SH.value)
        yield ValidationResult(
            severity=severity,
            focus=str(report.value(node, SH.focusNode)),
            path=str(path) if isinstance(path, URIRef) else None,
            message=str(report.value(node, SH.resultMessage) or ""),
            shape=str(report.value(node, SH.sourceShape)),
            value=str(value) if value is not None else None,
        )
