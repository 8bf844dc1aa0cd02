"""RDF terms across the three worlds diplograph meets: rdflib, pyoxigraph and SPARQL JSON.

The RDF mapping produces rdflib terms; the stores, the query results and the
exports work with pyoxigraph terms, which validate IRIs and language tags and
print as N-Triples (``str(term)``), the one safe way to put a term into query
or update text. Remote servers answer in the W3C SPARQL 1.1 Query Results JSON
format (Virtuoso still says ``typed-literal``), read by :func:`from_json`.

Oxigraph, like Virtuoso, lower-cases language tags (``th-Latn`` → ``th-latn``):
BCP 47 tags are case-insensitive, so compare them that way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Union

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

Term = Union[ox.NamedNode, ox.BlankNode, ox.Literal]
GraphName = Union[ox.NamedNode, ox.DefaultGraph]


# Caches of a few thousand terms: the vocabulary, countries and people recur and stay in them;
# the text of evidence sentences and titles does not recur, and larger caches only held it (each
# worker of a 100 000-release ingest grew by ~150 MB with 131 072 entries).
_CACHED = 1 << 14


@lru_cache(maxsize=_CACHED)
def iri(value: str) -> ox.NamedNode:
    """A validated IRI (ValueError when it is not one); cached, the same IRIs recur a lot."""
    return ox.NamedNode(value)


@lru_cache(maxsize=_CACHED)
def to_ox(term: Node) -> Term:
    """An rdflib term as a pyoxigraph term (ValueError for an invalid IRI or language tag); cached."""
    if isinstance(term, URIRef):
        return iri(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return ox.Literal(str(term), datatype=iri(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(_bnode_id(str(term)))
    raise TypeError(f"not an RDF term: {term!r}")


@lru_cache(maxsize=_CACHED)
def to_rdflib(term: Term) -> Node:
    """A pyoxigraph term as an rdflib term; cached (the planner converts the same terms often)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))


def from_json(binding: dict) -> Term:
    """A term of the SPARQL 1.1 Query Results JSON format (and Virtuoso's ``typed-literal``)."""
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return iri(value)
    if kind == "bnode":
        return ox.BlankNode(_bnode_id(value))
    if kind in ("literal", "typed-literal"):
        if binding.get("xml:lang"):
            return ox.Literal(value, language=binding["xml:lang"])
        datatype = binding.get("datatype")
        if datatype and datatype not in (XSD_STRING, RDF_LANG_STRING):
            return ox.Literal(value, datatype=iri(datatype))
        return ox.Literal(value)
    raise ValueError(f"unknown term type in SPARQL JSON results: {kind!r}")


def to_json(term: Term) -> dict:
    """A term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def nt(term: Term) -> str:
    """The N-Triples form of a term: escaped, so it can go into SPARQL text as a term and nothing else."""
    if not isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        raise TypeError(f"not an RDF term: {term!r}")
    return str(term)


_BNODE_BAD = re.compile(r"[^A-Za-z0-9_]")


def _bnode_id(value: str) -> str:
    """A blank node label Oxigraph accepts (Virtuoso sends ``nodeID://b10006``)."""
    clean = _BNODE_BAD.sub("_", value.removeprefix("_:"))
    return clean if clean and clean[0].isalpha() else "b" + clean


__all__ = ["Term", "GraphName", "XSD_STRING", "iri", "to_ox", "to_rdflib", "from_json",
           "to_json", "nt"]
