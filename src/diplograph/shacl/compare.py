"""Comparing literals by value, as SPARQL's ``<=`` does (sh:minInclusive, sh:maxInclusive,
sh:lessThanOrEquals).

A literal becomes a *value key*, (value space, value), or None when SPARQL cannot compare it
(another datatype, an ill-typed literal, an IRI). Two keys compare only within one value space,
and a pair that cannot be compared is a failure, never a pass: SHACL reports a violation for it.
The bounds of sh:minInclusive / sh:maxInclusive are turned into keys once, when the shapes are
compiled; the values of the data graph, once per comparison.
"""

from __future__ import annotations

import math
from datetime import datetime
from decimal import Decimal
from typing import Any

from rdflib import Literal
from rdflib.namespace import XSD

from .data import Term

__all__ = ["ValueKey", "key_less_or_equal", "less_or_equal", "value_key"]

ValueKey = tuple[str, Any]  # (value space, value)

_NUMERIC = frozenset(XSD[n] for n in (
    "integer", "decimal", "float", "double", "nonPositiveInteger", "negativeInteger", "long",
    "int", "short", "byte", "nonNegativeInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte", "positiveInteger"))
_VALUE_SPACES = {str(XSD.string): "string", str(XSD.date): "date", str(XSD.dateTime): "dateTime",
                 str(XSD.boolean): "boolean", **{str(dt): "number" for dt in _NUMERIC}}


def value_key(term: Term) -> ValueKey | None:
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
    return key_less_or_equal(value_key(a), value_key(b))


def key_less_or_equal(ka: ValueKey | None, kb: ValueKey | None) -> bool:
    """``<=`` on two value keys; False when either is None or they are of different value spaces."""
    if ka is None or kb is None or ka[0] != kb[0]:
        return False
    return ka[1] <= kb[1]
