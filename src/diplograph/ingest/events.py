"""What an ingest reports: one :class:`Event` per thing that happened to a release, and their
:class:`Summary`. Apart so that the writer, the worker processes and the CLI share them
without importing one another."""

from __future__ import annotations

from dataclasses import dataclass

from ..tally import Tally


@dataclass(frozen=True)
class Event:
    """One thing that happened to one release (or a note)."""

    kind: str  # stored, replaced, held, failed, skipped, note, removed, missing
    release: str | None
    message: str = ""


@dataclass
class Summary(Tally):

    @property
    def exit_code(self) -> int:
        """0 all good; 1 some releases failed or were held back; 2 nothing could be read or removed."""
        done = self["stored"] + self["replaced"] + self["removed"] + self["skipped"]
        if not done and not self["held"]:
            return 2
        return 1 if self["failed"] or self["held"] or self["missing"] else 0
