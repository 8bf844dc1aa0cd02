"""Events of a run counted by kind: what ``ingest``, ``collect`` and ``track`` summarise and exit by."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, TypeVar


class _Kinded(Protocol):
    kind: str


E = TypeVar("E", bound=_Kinded)


@dataclass
class Tally:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, event: E) -> E:
        """Count ``event`` and hand it on (``for e in run(): summary.add(e)`` while rendering it)."""
        self.counts[event.kind] = self.counts.get(event.kind, 0) + 1
        return event

    def __getitem__(self, kind: str) -> int:
        return self.counts.get(kind, 0)


__all__ = ["Tally"]
