"""The data graph as dictionaries, built once per validation from an iterable of triples.

Every constraint component reads the data graph through :class:`DataIndex`: the objects of a
(node, predicate) pair, SHACL instances of a class, the subjects and objects of a predicate.
No rdflib ``Graph`` is built: indexing the triples into dictionaries costs less than adding
them to a graph, and the lookups are plain dictionary reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from rdflib.namespace import RDF, RDFS

__all__ = ["DataIndex", "Term"]

Term = Any  # an rdflib term: URIRef, BNode or Literal


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

