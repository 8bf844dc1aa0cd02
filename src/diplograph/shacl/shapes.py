"""Compiled shapes and what validating with them finds.

A :class:`Shape` is a node or property shape with its constraint components and its
sh:property shapes, ready to run; a :class:`TargetedShape` adds the targets that give its focus
nodes; :class:`CompiledShapes` is a whole shapes graph, which validates a data graph given as
triples. Results are :class:`Finding`\\ s (rdflib terms, the failing component named), turned
into a :class:`~diplograph.validation_report.ValidationReport` by :meth:`CompiledShapes.validate`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from rdflib import URIRef

from ..validation_report import ValidationReport, ValidationResult
from .data import DataIndex, Term

__all__ = ["CompiledShapes", "Constraint", "Finding", "Shape", "TargetedShape"]


class Constraint(Protocol):
    """A constraint component with its parameters (:mod:`diplograph.shacl.components`)."""

    component: str  # local name of its sh:sourceConstraintComponent

    def failures(self, data: DataIndex, focus: Term, values: Collection) -> Sequence:
        """The failing value nodes, one per result; ``(None,)`` for one result without a sh:value."""
        ...


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
    constraints: tuple[Constraint, ...] = ()
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
        """The results as both engines report them (strings, as pyshacl's are read)."""
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
