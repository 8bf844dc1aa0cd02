"""diplograph's own SHACL shapes (``shapes/diplograph.ttl``) as an rdflib graph, parsed once.

Both engines read this one graph: pyshacl takes it as is (:mod:`diplograph.validate`), the
fast engine compiles it (:func:`diplograph.shacl.shipped_shapes`). It is a module of its own
so that neither engine has to import the other's module to find it.
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph

from .resources import resource_file

__all__ = ["shapes_graph"]


@cache
def shapes_graph() -> Graph:
    """The shipped shapes graph (one parse per process; do not modify it)."""
    return Graph().parse(resource_file("shapes", "diplograph.ttl"), format="turtle")
