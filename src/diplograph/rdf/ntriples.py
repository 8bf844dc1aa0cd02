"""Triples kept as N-Triples text, parsed only where terms are needed.

A release's triples are formatted once, in the worker process that extracted
them, and travel as text to the writer, which mostly passes that text on: into
the SPARQL update that stores the release graph (twice on the embedded store:
the graph and the query view), or the body of a Graph Store Protocol request.
Turning each triple into Python objects and back costs the single writer more
than Oxigraph's parsing of the update does; the planner parses only the few
triples it reads (:meth:`NTriples.having`).

The text is what pyoxigraph prints (``str`` of a triple, then `` .``), one
triple a line: the same triple always gives the same line, so lines can be
compared and hashed as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import pyoxigraph as ox

_FORMAT = ox.RdfFormat.N_TRIPLES


class NTriples(Sequence[ox.Triple]):
    """An immutable sequence of triples held as N-Triples text (from triples, or from text)."""

    __slots__ = ("_text", "_triples")

    def __init__(self, triples: Iterable[ox.Triple] = (), *, text: str | None = None) -> None:
        if text is None:
            self._triples: list[ox.Triple] | None = list(triples)
            self._text: str | None = None
        else:
            self._triples, self._text = None, text

    @property
    def text(self) -> str:
        """One ``s p o .`` line per triple, each ending with a newline."""
        if self._text is None:
            self._text = "".join(f"{line(t)}\n" for t in self._triples)
        return self._text

    def lines(self) -> list[str]:
        """Each triple's line, without its newline."""
        return self.text.splitlines()

    def _parsed(self) -> list[ox.Triple]:
        if self._triples is None:
            self._triples = _parse(self._text)
        return self._triples

    def having(self, predicates: Iterable[ox.NamedNode]) -> list[ox.Triple]:
        """The triples with one of these predicates, parsing only their lines."""
        if self._triples is not None:
            wanted = set(predicates)
            return [t for t in self._triples if t.predicate in wanted]
        wanted_text = {str(p) for p in predicates}
        picked = [line for line in self.lines() if line.split(" ", 2)[1] in wanted_text]
        return _parse("\n".join(picked)) if picked else []

    def __iter__(self) -> Iterator[ox.Triple]:
        return iter(self._parsed())

    def __getitem__(self, index):  # type: ignore[override]
        return self._parsed()[index]

    def __len__(self) -> int:
        return len(self._triples) if self._triples is not None else self._text.count("\n")

    def __repr__(self) -> str:
        return f"NTriples({len(self)} triples)"


def line(triple: ox.Triple) -> str:
    """The triple's N-Triples line, without its newline."""
    return f"{triple} ."


def _parse(text: str) -> list[ox.Triple]:
    return [q.triple for q in ox.parse(text, format=_FORMAT)]  # the parser gives quads


__all__ = ["NTriples", "line"]
