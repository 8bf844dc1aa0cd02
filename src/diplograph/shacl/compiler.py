"""Compiling a SHACL shapes graph into :class:`~diplograph.shacl.shapes.CompiledShapes`.

Compiling reads every shape once, checks its parameters and builds the constraint components
(:mod:`diplograph.shacl.components`), so validating does no graph lookups in the shapes. It
refuses, with a :class:`~diplograph.errors.ValidationError` naming the shape and the parameter,
anything in the ``sh:`` namespace this engine does not implement and ill-formed shapes: editing
the shapes never silently produces wrong results.
"""

from __future__ import annotations

import re

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from ..errors import ValidationError
from .components import (
    NODE_KINDS, And, Class, Datatype, HasValue, In, LessThanOrEquals, MaxCount, MaxInclusive, MinCount,
    MinInclusive, NodeKind, Not, Or, Pattern, Xone,
)
from .data import Term
from .shapes import CompiledShapes, Constraint, Shape, TargetedShape

__all__ = ["compile_shapes"]

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

        constraints: list[Constraint] = []
        describe: list[str] = []

        def add(constraint: Constraint, parameter: URIRef, value: Term) -> None:
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
            if kind not in NODE_KINDS:
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
