"""What a query may be before an engine sees it: size and nesting limits, and no outgoing requests.

Two checks, for two dangers. The *limits* are a lexical scan, run before any
parser: Oxigraph's parser and planner recurse once per nested group and
overflow the stack (the process dies: no exception to catch) on a query a few
kilobytes long, and they take time quadratic in the number of UNION branches;
rdflib's parser raises RecursionError on fifty levels. A scan over the masked
text (comments, strings, IRIs and local-name escapes blanked, the same masking
the rest of the package uses) counts brackets and keywords in linear time.

*Outgoing operations* (``SERVICE`` in a query or update, ``LOAD`` in an update)
would make the server fetch from any URL it is told to. They are found on the
parse tree of rdflib's SPARQL parser, a real grammar, not a regular expression
that may read the text differently from the engine (an escaped ``#`` in a local
name, a no-break space inside an IRI). A query that parser cannot read is judged
on its raw text instead, failing closed: any ``service`` or ``load`` anywhere in
it, with ``\\u`` escapes decoded, refuses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .errors import QueryError
from .sparql import mask


@dataclass(frozen=True)
class QueryLimits:
    """Bounds on a query's text; every shipped query is far inside them."""

    max_length: int = 1_000_000  # characters
    max_depth: int = 100  # nested { ( [
    max_groups: int = 10_000  # { in all
    max_unions: int = 1_000


def check_limits(text: str, limits: QueryLimits | None = None) -> None:
    """Raise :class:`QueryError` (one line) when ``text`` is longer, deeper or wider than ``limits``."""
    limits = limits or QueryLimits()
    if len(text) > limits.max_length:
        raise QueryError(f"the query is {len(text):,} characters long; the limit is {limits.max_length:,}")
    masked = mask(text)
    groups = masked.count("{")
    if groups > limits.max_groups:
        raise QueryError(f"the query has {groups:,} groups; the limit is {limits.max_groups:,}")
    unions = len(_UNION.findall(masked))
    if unions > limits.max_unions:
        raise QueryError(f"the query has {unions:,} UNIONs; the limit is {limits.max_unions:,}")
    depth = deepest = 0
    for m in _BRACKET.finditer(masked):
        depth = depth + 1 if m.group() in "{([" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    if deepest > limits.max_depth:
        raise QueryError(f"the query nests {deepest:,} levels deep; the limit is {limits.max_depth}")


def outgoing_operations(text: str, *, update: bool = False) -> list[str]:
    """The operations in a query (or update) that would reach other hosts: ``SERVICE``, ``LOAD``.

    Assumes :func:`check_limits` passed (rdflib's parser recurses per level).
    """
    tree = _parsed(text, update)
    if tree is None:
        decoded = _decode_escapes(text).lower()
        return [word.upper() for word in ("service", "load") if word in decoded]
    found: set[str] = set()
    for node in _nodes(tree):
        name = getattr(node, "name", None)
        if isinstance(name, str) and name in _OUTGOING:
            found.add(_OUTGOING[name])
    return sorted(found)


def written_graphs(update: str) -> set[str] | None:
    """The graphs an update writes into, by IRI ("" for the default graph; graphs named by a variable,
    ``ALL`` and ``NAMED`` left out); None when the update cannot be parsed."""
    tree = _parsed(update, True)
    if tree is None:
        return None
    out: set[str] = set()
    field = dict.get  # CompValue.get answers a missing key with the key's own name
    for op in tree.request:
        default = str(field(op, "withClause") or "")
        clauses = [op] if op.name in ("InsertData", "DeleteData", "DeleteWhere") \
            else [field(op, "insert"), field(op, "delete")] if op.name == "Modify" else []
        for quads in (field(c, "quads") for c in clauses if c is not None):
            if quads is None:
                continue
            if field(quads, "triples"):
                out.add(default)
            out.update(str(field(q, "term")) for q in field(quads, "quadsNotTriples") or []
                       if not _is_variable(field(q, "term")))
        target = field(op, "graphiri") if op.name in ("Clear", "Drop", "Create", "Load") \
            else field(op, "graph")[-1] if op.name in ("Add", "Copy", "Move") else None
        if op.name == "Load" and target is None or target == "DEFAULT":
            out.add("")
        elif target is not None and target not in ("ALL", "NAMED") and not _is_variable(target):
            out.add(str(target))
    return out


@lru_cache(maxsize=8)
def _parsed(text: str, update: bool) -> Any:
    """rdflib's parse tree of a query or update; None when rdflib cannot read it."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        return parseUpdate(text) if update else parseQuery(text)
    except (ParseBaseException, RecursionError, ValueError, TypeError, AttributeError):
        return None


def _is_variable(term: Any) -> bool:
    return type(term).__name__ == "Variable"


_UNION = re.compile(r"\bUNION\b", re.IGNORECASE)
_BRACKET = re.compile(r"[{}()\[\]]")
_OUTGOING = {"ServiceGraphPattern": "SERVICE", "Load": "LOAD"}
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _nodes(tree: Any) -> Iterator[Any]:
    """Every node of an rdflib parse tree (CompValues are dicts; ParseResults and lists hold more)."""
    from pyparsing import ParseResults

    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, ParseResults)):
            stack.extend(node)


def _decode_escapes(text: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else ""

    return _ESCAPE.sub(one, text)


__all__ = ["QueryLimits", "check_limits", "outgoing_operations", "written_graphs"]
