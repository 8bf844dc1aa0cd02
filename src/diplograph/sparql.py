"""Small, careful edits of SPARQL text: where a ``VALUES`` block goes, how to page a query.

Parameter values never become query text by string formatting. Against a
remote server (whose protocol has no way to pass bindings) they are written as
N-Triples terms — escaped by pyoxigraph — in one ``VALUES`` block placed at the
start of the query's outermost group, so the query's own text is unchanged
around it. To find that place, comments, strings and IRIs are masked first, so
a ``{`` or ``#`` inside them is never mistaken for syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .errors import QueryError
from .rdf.terms import Term, nt

_IRI = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'',
                     re.S)
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_VAR = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")


def mask(query: str) -> str:
    """The query with comments, strings, IRIs and local-name escapes blanked out (same length, same
    offsets), so that a ``{`` or ``#`` inside them is never taken for syntax. An unterminated string
    blanks the rest of the query, as the engine would read it."""
    return _MASKED.sub(_blank, query)


_MASKED = re.compile(r"#[^\n]*|" + _STRING.pattern + r"""|["'][\s\S]*|""" + _IRI.pattern + r"|\\[\s\S]", re.S)


def _blank(m: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", m.group())


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE."""
    m = _FORM.search(mask(query))
    if not m:
        raise QueryError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")
    return m.group(1).upper()


def _body_start(masked: str) -> int:
    m = _FORM.search(masked)
    if not m:
        raise QueryError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")
    return m.start()


def _where_brace(masked: str) -> int:
    """Offset of the ``{`` that opens the outermost WHERE group."""
    depth = 0
    for i in range(_body_start(masked), len(masked)):
        ch = masked[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "{" and depth == 0:
            return i
    raise QueryError("the query has no WHERE group")


def values_block(names: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> str:
    """``VALUES (?a ?b) { (<x> "y") }`` with every value written as an escaped N-Triples term."""
    for name in names:
        if not _VAR.match(name):
            raise QueryError(f"invalid variable name {name!r}")
    if len(names) == 1:
        body = " ".join("UNDEF" if row[0] is None else nt(row[0]) for row in rows)
        return f"VALUES ?{names[0]} {{ {body} }}"
    head = " ".join("?" + n for n in names)
    body = " ".join("(" + " ".join("UNDEF" if t is None else nt(t) for t in row) + ")" for row in rows)
    return f"VALUES ({head}) {{ {body} }}"


def inject_values(query: str, bindings: dict[str, Term | None]) -> str:
    """The query with ``bindings`` as VALUES at the start of its outermost group.

    One single-variable block per binding (``UNDEF`` for None): the same as one
    joint row, and Virtuoso 7.2 fails on a multi-variable VALUES row next to an
    OPTIONAL (SP031 "ssg_print_rvr_fixed_val(): no SPART_VARR_FIXED").
    """
    if not bindings:
        return query
    at = _where_brace(mask(query)) + 1
    blocks = "\n".join(f"  {values_block([name], [[bindings[name]]])}" for name in sorted(bindings))
    return f"{query[:at]}\n{blocks}\n{query[at:]}"


def split_prologue(query: str) -> tuple[str, str]:
    """(PREFIX/BASE declarations, the rest from SELECT/ASK/… on)."""
    start = _body_start(mask(query))
    return query[:start], query[start:]


def _top_level(masked: str, keyword: str) -> bool:
    """Whether ``keyword`` (e.g. ``ORDER BY``, ``LIMIT``) occurs outside every group."""
    depth = 0
    pattern = re.compile(r"\b" + keyword.replace(" ", r"\s+") + r"\b", re.I)
    spans = [m.start() for m in pattern.finditer(masked)]
    positions = set(spans)
    for i, ch in enumerate(masked):
        if i in positions and depth == 0:
            return True
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
    return False


def paged(query: str, order_vars: Sequence[str], limit: int, offset: int) -> str:
    """One page of a SELECT: the query as a sub-select with a total order, then LIMIT/OFFSET.

    The order goes inside and the paging outside, as Virtuoso requires (an outer
    ORDER BY with an OFFSET past its MaxSortedTopRows fails with SR353).
    """
    prologue, body = split_prologue(query)
    masked = mask(body)
    if _top_level(masked, "LIMIT") or _top_level(masked, "OFFSET"):
        raise QueryError("the server truncated the results and the query has its own LIMIT/OFFSET, "
                         "so it cannot be paged; narrow the query or raise the server's row limit")
    if not _top_level(masked, "ORDER BY"):
        body = body.rstrip() + "\nORDER BY " + " ".join(f"?{v}" for v in order_vars)
    return f"{prologue}SELECT * WHERE {{\n{{ {body}\n}}\n}}\nLIMIT {limit} OFFSET {offset}"


__all__ = ["mask", "query_form", "values_block", "inject_values", "split_prologue", "paged"]
