"""A small SHACL Core interpreter for the constraint components diplograph's shapes use.

Why diplograph has its own engine: validation runs on every release, and of the maintained
engines measured, those that report what pyshacl reports (pyshacl itself, pyshacl-turbo) cost
several times more per release, and pyrudof reports something else; README, "Performance",
section 4, has the figures. This engine is tested to report what pyshacl reports, except
where pyshacl departs from the SHACL specification (tests/test_shacl_engine.py, the
equivalence suite, says where). pyshacl stays the reference: ``DIPLOGRAPH_VALIDATOR=pyshacl``
or ``engine="pyshacl"`` (:mod:`diplograph.validate`) validates with it instead.

How: the shapes graph is compiled once into plain Python objects (:func:`compile_shapes`,
cached for the shipped shapes by :func:`shipped_shapes`), and a data graph is given as an
iterable of rdflib triples, indexed into dictionaries (by subject and predicate, by class) —
no rdflib ``Graph`` on the hot path. The modules, from the bottom up: :mod:`.data` (the
indexed data graph), :mod:`.compare` (literals by value), :mod:`.xpath_regex` (sh:pattern),
:mod:`.shapes` (compiled shapes, findings), :mod:`.components` (one class per constraint
component), :mod:`.compiler` (shapes graph → compiled shapes).

Supported, following the SHACL Recommendation (https://www.w3.org/TR/shacl/):

* targets: ``sh:targetClass`` (SHACL instances in the data graph: ``rdf:type`` and the
  ``rdfs:subClassOf`` triples *of the data graph*; no other reasoning), ``sh:targetNode``,
  ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``;
* node shapes and property shapes with a simple predicate path (an IRI);
* ``sh:property``; ``sh:minCount``, ``sh:maxCount``; ``sh:class`` (``rdf:type`` then
  ``rdfs:subClassOf*`` in the data graph); ``sh:datatype`` (ill-typed literals such as
  ``"2020-13-45"^^xsd:date`` do not match; a simple literal is an ``xsd:string``;
  ``rdf:langString`` means a language-tagged literal); ``sh:nodeKind``; ``sh:in``;
  ``sh:hasValue``; ``sh:pattern`` with ``sh:flags``; ``sh:minInclusive``,
  ``sh:maxInclusive`` and ``sh:lessThanOrEquals`` (compared by value: numbers, strings,
  booleans, ``xsd:date``, ``xsd:dateTime``; values that cannot be compared — another
  datatype, an ill-typed literal, an IRI — are violations); ``sh:and``, ``sh:or``,
  ``sh:xone``, ``sh:not`` of node or property shapes;
* ``sh:severity`` (each shape its own, default ``sh:Violation``), ``sh:message`` (the
  English one if there are several), ``sh:deactivated``, and the non-validating
  ``sh:name``, ``sh:description``, ``sh:order``, ``sh:group``, ``sh:defaultValue``.

Anything else in the ``sh:`` namespace (``sh:equals``, ``sh:closed``, property paths,
SPARQL constraints, ...) raises :class:`~diplograph.errors.ValidationError` when the
shapes are compiled, so editing the shapes never silently produces wrong results: extend
this package, or validate with ``engine="pyshacl"``.

Results are those SHACL defines, one per failing value node (per failing pair for
``sh:lessThanOrEquals``); the logical components report on the shape that uses them,
never on the shapes nested in them. Regular expressions are Python's, except that ``$``
(without the ``m`` flag) matches only at the very end of the string, as in XPath.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from ..shapes_graph import shapes_graph
from ..validation_report import ValidationReport
from .compiler import compile_shapes
from .shapes import CompiledShapes, Finding

__all__ = ["CompiledShapes", "Finding", "compile_shapes", "shipped_shapes", "validate"]


@cache
def shipped_shapes() -> CompiledShapes:
    """diplograph's own shapes (shapes/diplograph.ttl), compiled once."""
    return compile_shapes(shapes_graph())


def validate(triples: Iterable[tuple], shapes: CompiledShapes | None = None) -> ValidationReport:
    """Validate a data graph, given as rdflib (s, p, o) triples, against the shipped shapes
    (or the compiled ``shapes``)."""
    return (shapes or shipped_shapes()).validate(triples)
