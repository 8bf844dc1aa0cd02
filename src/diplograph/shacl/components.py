"""The SHACL Core constraint components diplograph's shapes use, one class each.

Each component is an object with a ``component`` name (the local name of its
sh:sourceConstraintComponent) and ``failures(data, focus, values)``: the value nodes that
fail it, one per validation result, or ``(None,)`` for one result without a sh:value
(:class:`~diplograph.shacl.shapes.Constraint`). Parameters are read and checked once, when
the shapes are compiled (:mod:`diplograph.shacl.compiler`), so ``failures`` does only the test.
The logical components (sh:and, sh:or, sh:xone, sh:not) ask the shapes nested in them
whether a value conforms; they report on the shape that uses them, never on the nested ones.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from .compare import key_less_or_equal, less_or_equal, value_key
from .data import DataIndex, Term
from .shapes import Shape
from .xpath_regex import xpath_regex

__all__ = [
    "NODE_KINDS", "And", "Class", "Datatype", "HasValue", "In", "LessThanOrEquals", "MaxCount",
    "MaxInclusive", "MinCount", "MinInclusive", "NodeKind", "Not", "Or", "Pattern", "Xone",
]

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


NODE_KINDS: dict[URIRef, tuple[type, ...]] = {
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
        self.kinds = NODE_KINDS[kind]

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
        self.regex = xpath_regex(pattern, flags)

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        search = self.regex.search
        return [v for v in values if isinstance(v, BNode) or not search(str(v))]


class MinInclusive:
    component = "MinInclusiveConstraintComponent"

    def __init__(self, bound: Literal) -> None:
        self.bound = value_key(bound)

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        bound = self.bound
        return [v for v in values if not key_less_or_equal(bound, value_key(v))]


class MaxInclusive:
    component = "MaxInclusiveConstraintComponent"

    def __init__(self, bound: Literal) -> None:
        self.bound = value_key(bound)

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        bound = self.bound
        return [v for v in values if not key_less_or_equal(value_key(v), bound)]


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


class _ShapeList:
    """sh:and, sh:or, sh:xone: a value passes when the shapes it conforms to pass ``passes`` (fed lazily, so
    ``all`` and ``any`` stop at the first answer)."""

    component: str
    passes: Callable[[Iterator[bool]], bool]

    def __init__(self, shapes: tuple[Shape, ...]) -> None:
        self.shapes = shapes

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        return [v for v in values if not self.passes(s.conforms(data, v) for s in self.shapes)]


class And(_ShapeList):
    component = "AndConstraintComponent"
    passes = staticmethod(all)


class Or(_ShapeList):
    component = "OrConstraintComponent"
    passes = staticmethod(any)


class Xone(_ShapeList):
    component = "XoneConstraintComponent"
    passes = staticmethod(lambda conforms: sum(conforms) == 1)


class Not:
    component = "NotConstraintComponent"

    def __init__(self, shape: Shape) -> None:
        self.shape = shape

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        return [v for v in values if self.shape.conforms(data, v)]

