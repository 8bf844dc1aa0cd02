"""A small SHACL Core interpreter for the constraint components diplograph's shapes use.

pyshacl costs about 25 ms per release graph, ten times the rest of the pipeline. This
module validates the same graphs in a fraction of a millisecond: the shapes graph is
compiled once into plain Python objects (:func:`compile_shapes`, cached for the shipped
shapes by :func:`shipped_shapes`), and a data graph is given as an iterable of rdflib
triples, indexed into dictionaries (by subject and predicate, by class) — no rdflib
``Graph`` on the hot path.

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
this module, or validate with ``engine="pyshacl"``.

Results are those SHACL defines, one per failing value node (per failing pair for
``sh:lessThanOrEquals``); the logical components report on the shape that uses them,
never on the shapes nested in them. Regular expressions are Python's, except that ``$``
(without the ``m`` flag) matches only at the very end of the string, as in XPath.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from .errors import ValidationError

if TYPE_CHECKING:
    from .validate import ValidationReport

Term = Any  # an rdflib term: URIRef, BNode or Literal

__all__ = ["CompiledShapes", "Finding", "compile_shapes", "shipped_shapes", "validate"]


# ---------------------------------------------------------------------------
# The data graph, indexed
# ---------------------------------------------------------------------------

_EMPTY: Mapping = {}
# Namespace attribute access (RDF.type) costs a microsecond each time: look terms up once.
_TYPE, _SUBCLASS_OF = str(RDF.type), str(RDFS.subClassOf)


class DataIndex:
    """A data graph as dictionaries: ``node -> predicate -> {object: None}`` (an ordered set,
    so repeated triples count once, as in a graph), plus ``class -> {instance: None}``.

    Predicates are keyed by their IRI as a plain ``str``: rdflib terms compare equal through
    a Python-level ``__eq__``, plain strings in C, and predicate lookups are most of the work.
    """

    __slots__ = ("_instances", "_out", "_subs", "_supers")

    def __init__(self, triples: Iterable[tuple]) -> None:
        out: dict[Term, dict[str, dict[Term, None]]] = {}
        for t in triples:
            s, p, o = t[0], str(t[1]), t[2]
            po = out.get(s)
            if po is None:
                out[s] = {p: {o: None}}
                continue
            objects = po.get(p)
            if objects is None:
                po[p] = {o: None}
            else:
                objects[o] = None
        self._out = out
        instances: dict[Term, dict[Term, None]] = {}
        supers: dict[Term, dict[Term, None]] = {}
        subs: dict[Term, dict[Term, None]] = {}
        for s, po in out.items():
            classes = po.get(_TYPE)
            if classes is not None:
                for c in classes:
                    instances.setdefault(c, {})[s] = None
            parents = po.get(_SUBCLASS_OF)
            if parents is not None:
                supers[s] = parents
                for c in parents:
                    subs.setdefault(c, {})[s] = None
        self._instances = instances
        self._supers = supers  # class -> direct superclasses (rdfs:subClassOf in the data)
        self._subs = subs  # class -> direct subclasses

    def values(self, node: Term, predicate: str) -> Mapping[Term, None]:
        """The objects of ``node predicate ?o`` (iterate it; ``in`` and ``len`` work);
        ``predicate`` is an IRI as a plain ``str``."""
        po = self._out.get(node)
        return _EMPTY if po is None else po.get(predicate, _EMPTY)

    def is_instance(self, node: Term, cls: Term) -> bool:
        """SHACL instance: ``node rdf:type/rdfs:subClassOf* cls`` in the data graph."""
        po = self._out.get(node)
        types = None if po is None else po.get(_TYPE)
        if not types:
            return False
        if cls in types:
            return True
        if not self._supers:
            return False
        return any(cls in self._closure(t, self._supers) for t in types)

    def instances(self, cls: Term) -> Iterable[Term]:
        """The SHACL instances of ``cls`` (its instances and those of its subclasses)."""
        if not self._subs:
            return self._instances.get(cls, _EMPTY)
        found: dict[Term, None] = {}
        for c in self._closure(cls, self._subs):
            found.update(self._instances.get(c, _EMPTY))
        return found

    def subjects_of(self, predicate: str) -> Iterator[Term]:
        return (s for s, po in self._out.items() if predicate in po)

    def objects_of(self, predicate: str) -> Iterator[Term]:
        for po in self._out.values():
            objects = po.get(predicate)
            if objects is not None:
                yield from objects

    @staticmethod
    def _closure(start: Term, edges: dict[Term, dict[Term, None]]) -> dict[Term, None]:
        """start and everything reachable from it along edges (cycles allowed)."""
        seen = {start: None}
        todo = [start]
        while todo:
            for nxt in edges.get(todo.pop(), _EMPTY):
                if nxt not in seen:
                    seen[nxt] = None
                    todo.append(nxt)
        return seen


# ---------------------------------------------------------------------------
# Comparing literals by value (sh:minInclusive, sh:maxInclusive, sh:lessThanOrEquals)
# ---------------------------------------------------------------------------

_NUMERIC = frozenset(XSD[n] for n in (
    "integer", "decimal", "float", "double", "nonPositiveInteger", "negativeInteger", "long",
    "int", "short", "byte", "nonNegativeInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte", "positiveInteger"))


_VALUE_SPACES = {str(XSD.string): "string", str(XSD.date): "date", str(XSD.dateTime): "dateTime",
                 str(XSD.boolean): "boolean", **{str(dt): "number" for dt in _NUMERIC}}


def _comparable(term: Term) -> tuple[str, Any] | None:
    """(value space, value) for a literal SPARQL's ``<=`` can compare, else None.

    The value spaces are those of SPARQL 1.1's operator mapping (numbers, simple literals
    and xsd:string, xsd:boolean, xsd:dateTime) plus xsd:date, which SHACL engines compare
    as XPath does. Two values compare only within one space; a dateTime with a timezone
    and one without are not compared (SPARQL leaves that indeterminate)."""
    if not isinstance(term, Literal) or term.language is not None or term.ill_typed:
        return None
    if term.datatype is None:
        return ("string", str(term))
    space = _VALUE_SPACES.get(str(term.datatype))
    if space is None:
        return None
    if space == "string":
        return (space, str(term))
    value = term.value
    if value is None or (isinstance(value, (float, Decimal)) and math.isnan(value)):
        return None  # not parsed, or NaN (which compares with nothing)
    if space == "dateTime":
        if not isinstance(value, datetime):
            return None
        if value.tzinfo is not None:
            space = "dateTime+tz"
    return (space, value)


def less_or_equal(a: Term, b: Term) -> bool:
    """SPARQL ``a <= b``; False when the two cannot be compared (an error in SPARQL)."""
    return _less_or_equal(_comparable(a), _comparable(b))


def _less_or_equal(ka: tuple[str, Any] | None, kb: tuple[str, Any] | None) -> bool:
    if ka is None or kb is None or ka[0] != kb[0]:
        return False
    return ka[1] <= kb[1]


# ---------------------------------------------------------------------------
# Constraint components
# ---------------------------------------------------------------------------
#
# Each component is an object with a ``component`` name (the local name of its
# sh:sourceConstraintComponent) and ``failures(data, focus, values)``: the value nodes that
# fail it, one per validation result, or ``(None,)`` for one result without a sh:value.

_ONE_RESULT = (None,)


class MinCount:
    component = "MinCountConstraintComponent"

    def __init__(self, count: int) -> None:
        self.count = count

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        return _ONE_RESULT if len(values) < self.count else ()


class MaxCount:
    component = "MaxCountConstraintComponent"

    def __init__(self, count: int) -> None:
        self.count = count

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        return _ONE_RESULT if len(values) > self.count else ()


class Class:
    component = "ClassConstraintComponent"

    def __init__(self, cls: Term) -> None:
        self.cls = cls

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        cls = self.cls
        return [v for v in values if not data.is_instance(v, cls)]


class Datatype:
    component = "DatatypeConstraintComponent"

    def __init__(self, datatype: URIRef) -> None:
        self.datatype = datatype
        expected = str(datatype)  # compared as plain strings: much faster than rdflib terms
        if datatype == RDF.langString:
            self.accepts: Callable[[Term], bool] = lambda v: (
                isinstance(v, Literal) and bool(v.language))
        elif datatype == XSD.string:  # a simple literal is an xsd:string too
            self.accepts = lambda v: (
                isinstance(v, Literal) and v.language is None
                and (v.datatype is None or str(v.datatype) == expected))
        else:
            # ill_typed is True for a lexical form outside the datatype's lexical space,
            # None for datatypes rdflib does not know (their literals are taken as well-formed).
            self.accepts = lambda v: (
                isinstance(v, Literal) and v.datatype is not None
                and str(v.datatype) == expected and v.ill_typed is not True)

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        accepts = self.accepts
        return [v for v in values if not accepts(v)]


_NODE_KINDS: dict[URIRef, tuple[type, ...]] = {
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


class NodeKind:
    component = "NodeKindConstraintComponent"

    def __init__(self, kind: URIRef) -> None:
        self.kinds = _NODE_KINDS[kind]

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        kinds = self.kinds
        return [v for v in values if not isinstance(v, kinds)]


class In:
    component = "InConstraintComponent"

    def __init__(self, members: Iterable[Term]) -> None:
        self.members = frozenset(members)

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        members = self.members
        return [v for v in values if v not in members]


class HasValue:
    component = "HasValueConstraintComponent"

    def __init__(self, value: Term) -> None:
        self.value = value

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        return () if self.value in values else _ONE_RESULT


class Pattern:
    component = "PatternConstraintComponent"

    def __init__(self, pattern: str, flags: str) -> None:
        self.regex = _xpath_regex(pattern, flags)

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        search = self.regex.search
        return [v for v in values if isinstance(v, BNode) or not search(str(v))]


class MinInclusive:
    component = "MinInclusiveConstraintComponent"

    def __init__(self, bound: Literal) -> None:
        self.bound = _comparable(bound)

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        bound = self.bound
        return [v for v in values if not _less_or_equal(bound, _comparable(v))]


class MaxInclusive:
    component = "MaxInclusiveConstraintComponent"

    def __init__(self, bound: Literal) -> None:
        self.bound = _comparable(bound)

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        bound = self.bound
        return [v for v in values if not _less_or_equal(_comparable(v), bound)]


class LessThanOrEquals:
    """One result per pair (value, value of the other property at the focus node) that is
    not ``<=``, with the value node as sh:value."""

    component = "LessThanOrEqualsConstraintComponent"

    def __init__(self, other: URIRef) -> None:
        self.other = str(other)

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        others = data.values(focus, self.other)
        if not others:
            return ()
        return [v for v in values for o in others if not less_or_equal(v, o)]


class And:
    component = "AndConstraintComponent"

    def __init__(self, shapes: tuple[Shape, ...]) -> None:
        self.shapes = shapes

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        return [v for v in values if not all(s.conforms(data, v) for s in self.shapes)]


class Or:
    component = "OrConstraintComponent"

    def __init__(self, shapes: tuple[Shape, ...]) -> None:
        self.shapes = shapes

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        return [v for v in values if not any(s.conforms(data, v) for s in self.shapes)]


class Xone:
    component = "XoneConstraintComponent"

    def __init__(self, shapes: tuple[Shape, ...]) -> None:
        self.shapes = shapes

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        return [v for v in values if sum(s.conforms(data, v) for s in self.shapes) != 1]


class Not:
    component = "NotConstraintComponent"

    def __init__(self, shape: Shape) -> None:
        self.shape = shape

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        return [v for v in values if self.shape.conforms(data, v)]


# ---------------------------------------------------------------------------
# Shapes and results
# ---------------------------------------------------------------------------


class Finding(NamedTuple):
    """One validation result, with rdflib terms and the constraint component that failed."""

    severity: str  # local name of sh:resultSeverity: "Violation", "Warning", "Info"
    focus: Term
    path: URIRef | None
    message: str
    shape: Term  # sh:sourceShape
    value: Term | None
    component: str  # local name of sh:sourceConstraintComponent


@dataclass(eq=False)
class Shape:
    node: Term  # the shape's IRI (or blank node) in the shapes graph
    path: URIRef | None  # a property shape's (simple) path; None for a node shape
    severity: str
    message: str
    constraints: tuple = ()
    properties: tuple[Shape, ...] = ()  # sh:property
    deactivated: bool = False

    def __post_init__(self) -> None:
        self.predicate = str(self.path) if self.path is not None else None  # DataIndex key

    def validate(self, data: DataIndex, focus: Term, out: list[Finding]) -> None:
        """Append the results of validating focus against this shape to out."""
        if self.deactivated:
            return
        values = data.values(focus, self.predicate) if self.predicate is not None else (focus,)
        for constraint in self.constraints:
            failed = constraint.failures(data, focus, values)
            if failed:
                for value in failed:
                    out.append(Finding(self.severity, focus, self.path, self.message, self.node,
                                       value, constraint.component))
        for prop in self.properties:
            for value in values:
                prop.validate(data, value, out)

    def conforms(self, data: DataIndex, focus: Term) -> bool:
        """Whether focus conforms (as a shape nested in sh:and/or/xone/not is checked)."""
        if self.deactivated:
            return True
        values = data.values(focus, self.predicate) if self.predicate is not None else (focus,)
        for constraint in self.constraints:
            if constraint.failures(data, focus, values):
                return False
        return all(prop.conforms(data, value) for prop in self.properties for value in values)


@dataclass(eq=False)
class TargetedShape:
    shape: Shape
    classes: tuple[Term, ...] = ()
    nodes: tuple[Term, ...] = ()
    subjects_of: tuple[str, ...] = ()  # predicate IRIs
    objects_of: tuple[str, ...] = ()

    def focus_nodes(self, data: DataIndex) -> Iterable[Term]:
        """The targets, each once (a node typed with two target classes is one focus node)."""
        if len(self.classes) == 1 and not (self.nodes or self.subjects_of or self.objects_of):
            return data.instances(self.classes[0])
        found: dict[Term, None] = dict.fromkeys(self.nodes)
        for cls in self.classes:
            found.update(dict.fromkeys(data.instances(cls)))
        for predicate in self.subjects_of:
            found.update(dict.fromkeys(data.subjects_of(predicate)))
        for predicate in self.objects_of:
            found.update(dict.fromkeys(data.objects_of(predicate)))
        return found


class CompiledShapes:
    """A shapes graph compiled for :meth:`validate`; build it with :func:`compile_shapes`."""

    def __init__(self, targeted: list[TargetedShape]) -> None:
        self.targeted = targeted

    def findings(self, triples: Iterable[tuple]) -> list[Finding]:
        """The validation results for a data graph given as (s, p, o) rdflib triples."""
        data = DataIndex(triples)
        out: list[Finding] = []
        focus_cache: dict[tuple, Iterable[Term]] = {}
        for targeted in self.targeted:
            key = (targeted.classes, targeted.nodes, targeted.subjects_of, targeted.objects_of)
            focus_nodes = focus_cache.get(key)
            if focus_nodes is None:
                focus_nodes = focus_cache[key] = targeted.focus_nodes(data)
            validate = targeted.shape.validate
            for focus in focus_nodes:
                validate(data, focus, out)
        return out

    def validate(self, triples: Iterable[tuple]) -> ValidationReport:
        """The results as diplograph.validate reports them (strings, as pyshacl's are read)."""
        from .validate import ValidationReport, ValidationResult  # (validate imports this module)

        return ValidationReport(tuple(
            ValidationResult(
                severity=f.severity,
                focus=str(f.focus),
                path=str(f.path) if f.path is not None else None,
                message=f.message,
                shape=str(f.shape),
                value=str(f.value) if f.value is not None else None,
            )
            for f in self.findings(triples)))


# ---------------------------------------------------------------------------
# Compiling a shapes graph
# ---------------------------------------------------------------------------

# Shape parameters that change what is validated, and the non-validating ones.
_TARGETS = {SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf}
_SUPPORTED = _TARGETS | {
    SH.path, SH.property, SH.severity, SH.message, SH.deactivated,
    SH.minCount, SH.maxCount, SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.hasValue,
    SH.pattern, SH.flags, SH.minInclusive, SH.maxInclusive, SH.lessThanOrEquals,
    SH["and"], SH["or"], SH.xone, SH["not"],
}
_NON_VALIDATING = {SH.name, SH.description, SH.order, SH.group, SH.defaultValue}
_SHAPE_TYPES = {SH.NodeShape, SH.PropertyShape, SH.Shape, SH.PropertyGroup}
_PROPERTY_SHAPE_ONLY = {SH.minCount, SH.maxCount, SH.lessThanOrEquals}
_SINGLE_VALUED = {SH.path, SH.severity, SH.deactivated, SH.minCount, SH.maxCount,
                  SH.datatype, SH.nodeKind, SH.flags}


def compile_shapes(graph: Graph) -> CompiledShapes:
    """Compile a shapes graph; ValidationError if it uses anything this module does not
    implement (or is ill-formed), naming the shape and the parameter."""
    _check_vocabulary(graph)
    compiler = _Compiler(graph)
    shape_nodes = set(graph.subjects(RDF.type, SH.NodeShape)) | set(graph.subjects(RDF.type, SH.PropertyShape))
    shape_nodes.update(s for t in _TARGETS for s in graph.subjects(t, None))
    targeted = []
    for node in sorted(shape_nodes, key=lambda n: (isinstance(n, BNode), str(n))):
        shape = compiler.shape(node)  # compiles every shape, targeted or not, to check it
        found = {t: tuple(graph.objects(node, t)) for t in _TARGETS}
        if any(found.values()):
            for predicate in found[SH.targetSubjectsOf] + found[SH.targetObjectsOf]:
                if not isinstance(predicate, URIRef):
                    raise compiler.error(node, "sh:targetSubjectsOf and sh:targetObjectsOf need IRIs")
            targeted.append(TargetedShape(
                shape,
                classes=tuple(sorted(found[SH.targetClass], key=str)),
                nodes=tuple(found[SH.targetNode]),
                subjects_of=tuple(sorted(map(str, found[SH.targetSubjectsOf]))),
                objects_of=tuple(sorted(map(str, found[SH.targetObjectsOf]))),
            ))
    return CompiledShapes(targeted)


def _check_vocabulary(graph: Graph) -> None:
    sh = str(SH)
    for s, p, o in graph:
        if str(p).startswith(sh) and p not in _SUPPORTED and p not in _NON_VALIDATING:
            raise ValidationError(
                f"the shapes use {_qname(graph, p)} (on {_qname(graph, s)}), which the fast SHACL "
                f"engine (diplograph.shacl) does not implement; extend it or validate with "
                f"engine='pyshacl'")
        if p == RDF.type and str(o).startswith(sh) and o not in _SHAPE_TYPES:
            raise ValidationError(
                f"{_qname(graph, s)} is a {_qname(graph, o)}, which the fast SHACL engine "
                f"(diplograph.shacl) does not implement; validate with engine='pyshacl'")
        if p == RDF.type and o in (RDFS.Class, OWL.Class) and (
                (s, RDF.type, SH.NodeShape) in graph or (s, RDF.type, SH.PropertyShape) in graph):
            raise ValidationError(
                f"{_qname(graph, s)} is both a shape and a class (an implicit class target), "
                f"which the fast SHACL engine does not implement; use sh:targetClass")


class _Compiler:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.done: dict[Term, Shape] = {}
        self.in_progress: set[Term] = set()

    def error(self, node: Term, text: str) -> ValidationError:
        return ValidationError(f"shape {_qname(self.graph, node)}: {text}")

    def shape(self, node: Term) -> Shape:
        if node in self.done:
            return self.done[node]
        if node in self.in_progress:
            raise self.error(node, "recursive shapes are not supported")
        if isinstance(node, Literal):
            raise ValidationError(f"a literal ({node!r}) used as a shape")
        self.in_progress.add(node)
        try:
            shape = self._compile(node)
        finally:
            self.in_progress.discard(node)
        self.done[node] = shape
        return shape

    def _values(self, node: Term, parameter: URIRef) -> list[Term]:
        values = list(self.graph.objects(node, parameter))
        if len(values) > 1 and parameter in _SINGLE_VALUED:
            raise self.error(node, f"more than one {_qname(self.graph, parameter)}")
        return values

    def _list(self, node: Term, parameter: URIRef, head: Term) -> list[Term]:
        try:
            return list(self.graph.items(head))
        except Exception as exc:  # rdflib: a recursive or malformed list
            raise self.error(node, f"{_qname(self.graph, parameter)} is not a well-formed RDF list: {exc}") from exc

    def _integer(self, node: Term, parameter: URIRef) -> int | None:
        values = self._values(node, parameter)
        if not values:
            return None
        value = values[0]
        if not (isinstance(value, Literal) and isinstance(value.value, int)
                and not isinstance(value.value, bool) and value.value >= 0):
            raise self.error(node, f"{_qname(self.graph, parameter)} must be a non-negative integer")
        return value.value

    def _compile(self, node: Term) -> Shape:
        g = self.graph
        paths = self._values(node, SH.path)
        path = paths[0] if paths else None
        if path is not None and not isinstance(path, URIRef):
            raise self.error(node, "only simple predicate paths (an IRI) are supported by the fast SHACL engine")
        if path is None:
            if (node, RDF.type, SH.PropertyShape) in g:
                raise self.error(node, "a sh:PropertyShape needs a sh:path")
            for parameter in _PROPERTY_SHAPE_ONLY:
                if (node, parameter, None) in g:
                    raise self.error(node, f"{_qname(g, parameter)} is only allowed on property shapes")

        severities = self._values(node, SH.severity)
        if severities and not isinstance(severities[0], URIRef):
            raise self.error(node, "sh:severity must be an IRI")
        severity = str(severities[0]).rsplit("#", 1)[-1] if severities else "Violation"

        deactivated = self._values(node, SH.deactivated)
        is_deactivated = bool(deactivated) and deactivated[0] == Literal(True)

        constraints: list = []
        describe: list[str] = []

        def add(constraint: Any, parameter: URIRef, value: Term) -> None:
            constraints.append(constraint)
            describe.append(f"{_qname(g, parameter)} {_qname(g, value)}")

        count = self._integer(node, SH.minCount)
        if count is not None:
            add(MinCount(count), SH.minCount, Literal(count))
        count = self._integer(node, SH.maxCount)
        if count is not None:
            add(MaxCount(count), SH.maxCount, Literal(count))
        for cls in self._values(node, SH["class"]):
            if isinstance(cls, Literal):
                raise self.error(node, "sh:class must be an IRI")
            add(Class(cls), SH["class"], cls)
        for datatype in self._values(node, SH.datatype):
            if not isinstance(datatype, URIRef):
                raise self.error(node, "sh:datatype must be an IRI")
            add(Datatype(datatype), SH.datatype, datatype)
        for kind in self._values(node, SH.nodeKind):
            if kind not in _NODE_KINDS:
                raise self.error(node, f"unknown sh:nodeKind {kind}")
            add(NodeKind(kind), SH.nodeKind, kind)
        for head in self._values(node, SH["in"]):
            add(In(self._list(node, SH["in"], head)), SH["in"], head)
        for value in self._values(node, SH.hasValue):
            add(HasValue(value), SH.hasValue, value)
        flags = self._values(node, SH.flags)
        if flags and not self._values(node, SH.pattern):
            raise self.error(node, "sh:flags without sh:pattern")
        for pattern in self._values(node, SH.pattern):
            if not isinstance(pattern, Literal) or (flags and not isinstance(flags[0], Literal)):
                raise self.error(node, "sh:pattern and sh:flags must be literals")
            try:
                add(Pattern(str(pattern), str(flags[0]) if flags else ""), SH.pattern, pattern)
            except (re.error, ValueError) as exc:
                raise self.error(node, f"invalid sh:pattern {str(pattern)!r}: {exc}") from exc
        for bound in self._values(node, SH.minInclusive):
            add(MinInclusive(self._bound(node, SH.minInclusive, bound)), SH.minInclusive, bound)
        for bound in self._values(node, SH.maxInclusive):
            add(MaxInclusive(self._bound(node, SH.maxInclusive, bound)), SH.maxInclusive, bound)
        for other in self._values(node, SH.lessThanOrEquals):
            if not isinstance(other, URIRef):
                raise self.error(node, "sh:lessThanOrEquals must be an IRI")
            add(LessThanOrEquals(other), SH.lessThanOrEquals, other)
        for parameter, kind in ((SH["and"], And), (SH["or"], Or), (SH.xone, Xone)):
            for head in self._values(node, parameter):
                members = tuple(self.shape(m) for m in self._list(node, parameter, head))
                add(kind(members), parameter, head)
        for negated in self._values(node, SH["not"]):
            add(Not(self.shape(negated)), SH["not"], negated)

        properties = []
        for prop in self._values(node, SH.property):
            if (prop, SH.path, None) not in g:
                raise self.error(node, f"the sh:property {_qname(g, prop)} has no sh:path")
            properties.append(self.shape(prop))
        properties.sort(key=lambda s: str(s.node))

        return Shape(node=node, path=path, severity=severity,
                     message=self._message(node, describe), constraints=tuple(constraints),
                     properties=tuple(properties), deactivated=is_deactivated)

    def _bound(self, node: Term, parameter: URIRef, bound: Term) -> Literal:
        if not isinstance(bound, Literal):
            raise self.error(node, f"{_qname(self.graph, parameter)} must be a literal")
        return bound

    def _message(self, node: Term, describe: list[str]) -> str:
        messages = [m for m in self.graph.objects(node, SH.message) if isinstance(m, Literal)]
        if messages:
            english = [m for m in messages if (m.language or "").lower().startswith("en")]
            return str(min(english or messages))
        return f"Fails {', '.join(describe) or 'its property shapes'} ({_qname(self.graph, node)})"


def _qname(graph: Graph, term: Term) -> str:
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except (ValueError, KeyError):
            return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return term.n3() if isinstance(term, Literal) else str(term)


# ---------------------------------------------------------------------------
# XPath regular expressions (sh:pattern) in Python
# ---------------------------------------------------------------------------

_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


def _xpath_regex(pattern: str, flags: str) -> re.Pattern:
    """Compile an XPath regular expression (as SPARQL REGEX takes it) with Python's re.

    The differences that matter are handled: the flags, and ``$``, which in XPath matches
    only at the end of the string (Python's also matches before a final newline) unless
    the ``m`` flag is given."""
    unknown = set(flags) - set(_FLAGS) - {"q"}
    if unknown:
        raise ValueError(f"unknown regular-expression flags {''.join(sorted(unknown))!r}")
    if "q" in flags:
        return re.compile(re.escape(pattern), _python_flags(flags))
    if "m" not in flags:
        pattern = _dollar_at_end_only(pattern)
    return re.compile(pattern, _python_flags(flags))


def _python_flags(flags: str) -> int:
    value = 0
    for f in flags:
        value |= _FLAGS.get(f, 0)
    return value


def _dollar_at_end_only(pattern: str) -> str:
    """Replace each unescaped ``$`` outside a character class by ``\\Z``."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[":  # copy the class; a "]" first in it (after an optional "^") is literal
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i:j + 1])
            i = j + 1
            continue
        out.append(r"\Z" if ch == "$" else ch)
        i += 1
    return "".join(out)


# ---------------------------------------------------------------------------
# The shipped shapes
# ---------------------------------------------------------------------------


@cache
def shipped_shapes() -> CompiledShapes:
    """diplograph's own shapes (shapes/diplograph.ttl), compiled once."""
    from .validate import shapes_graph

    return compile_shapes(shapes_graph())


def validate(triples: Iterable[tuple], shapes: CompiledShapes | None = None) -> ValidationReport:
    """Validate a data graph, given as rdflib (s, p, o) triples, against the shipped shapes
    (or the compiled ``shapes``)."""
    return (shapes or shipped_shapes()).validate(triples)
