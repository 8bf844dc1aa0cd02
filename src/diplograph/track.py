"""Follow the sources: collect what is new, store it, and say what changed — one command for cron.

:func:`track` is ``diplograph track``: a collection run (:func:`diplograph.collect.collect`)
into the archive directory, then an ingest of every archive file there that
this store has not had yet (the state remembers which files went into which
store, so an ingest that was interrupted is finished by the next run), then
what changed in the store: new releases, new events, agreements that are new
or whose status moved. It yields the collection and ingest events as they
happen and a :class:`TrackResult` last; it never prints.

Exit codes (:attr:`TrackResult.exit_code`), for a cron job or a systemd timer
to act on: 0 the run went through (nothing new is 0 too); 1 some addresses or
releases failed, or releases were held back by the shapes; 2 nothing could be
done (no source could be read, or the store could not be written).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .store_layout import DERIVED_GRAPH
from .collect import Archive, CollectEvent, CollectOptions, CollectSummary, Source, collect
from .counting import DG_PREFIX, EVENT_TYPES
from .ingest import Event, Summary, ingest_releases
from .rdf.namespaces import DG, ID_IRI
from .warc import is_archive
from .wording import count

__all__ = ["Changes", "TrackResult", "track", "archives_to_ingest"]

@dataclass
class Changes:
    """What one run changed in the store."""

    new_releases: list[str] = field(default_factory=list)
    replaced_releases: list[str] = field(default_factory=list)
    new_events: list[str] = field(default_factory=list)
    new_agreements: list[tuple[str, str]] = field(default_factory=list)  # (agreement, status)
    moved_agreements: list[tuple[str, str, str]] = field(default_factory=list)  # (agreement, was, now)

    def lines(self) -> list[str]:
        """One line per change, readable without the store: ids and IRI paths, not bare IRIs."""
        out = [f"new release: {r}" for r in self.new_releases]
        out += [f"changed release: {r}" for r in self.replaced_releases]
        out += [f"new event: {_short(e)}" for e in self.new_events]
        out += [f"new agreement: {_short(a)} ({s})" for a, s in self.new_agreements]
        out += [f"agreement status: {_short(a)}: {was} → {now}" for a, was, now in self.moved_agreements]
        return out

    def line(self) -> str:
        return (f"{count(len(self.new_releases), 'new release')}, {len(self.replaced_releases)} changed, "
                f"{count(len(self.new_events), 'new event')}, {count(len(self.new_agreements), 'new agreement')}, "
                f"{count(len(self.moved_agreements), 'agreement status', 'agreement statuses')} moved")


@dataclass
class TrackResult:
    collected: CollectSummary
    stored: Summary
    changes: Changes
    ingested_files: list[str]

    @property
    def exit_code(self) -> int:
        collect_code = self.collected.exit_code
        if collect_code == 2 and not self.ingested_files:
            return 2
        if collect_code or self.stored["failed"] or self.stored["held"]:
            return 1
        return 0


def _short(iri: str) -> str:
    return iri.removeprefix(ID_IRI)


def _snapshot(backend) -> tuple[set[str], dict[str, str]]:
    """The events in the store, and each agreement's latest status."""
    rows = backend.select(f"{DG_PREFIX}SELECT DISTINCT ?e WHERE {{ VALUES ?t {{ {EVENT_TYPES} }} "
                          "GRAPH ?g { ?e a ?t } }").rows
    events = {r[0].value for r in rows if isinstance(r[0], ox.NamedNode)}
    rows = backend.select(f"SELECT ?a ?s WHERE {{ GRAPH {DERIVED_GRAPH} {{ ?a <{DG.status}> ?s }} }}").rows
    statuses = {r[0].value: r[1].value.rsplit("#", 1)[-1] for r in rows if isinstance(r[0], ox.NamedNode)}
    return events, statuses


def archives_to_ingest(directory: Path, state, store_key: str) -> list[Path]:
    """The archive files in ``directory`` this store has not had: sealed ones the collector wrote,
    and any other web archive put there (hidden part files are never taken)."""
    done = state.ingested(store_key)
    files = sorted(p for p in Path(directory).iterdir()
                   if not p.name.startswith(".") and p.is_file() and is_archive(p) and p.name not in done)
    return files


def track(sources: Sequence[Source], directory: Path, backend, store_key: str,
          options: CollectOptions | None = None, *, allow_invalid: bool = False, jobs: int | None = 1,
          **fetcher_args) -> Iterator[CollectEvent | Event | TrackResult]:
    """Collect ``sources`` into ``directory``, ingest what the store lacks, report what changed."""
    collected = CollectSummary()
    for event in collect(sources, directory, options, **fetcher_args):
        collected.add(event)
        yield event
    stored = Summary()
    changes = Changes()
    with Archive.open(directory) as archive:
        files = archives_to_ingest(directory, archive.state, store_key)
        if files:
            before_events, before_status = _snapshot(backend)
            # as `diplograph ingest` does: the curation rules the store keeps apply to these releases too
            for event in ingest_releases(backend, files, allow_invalid=allow_invalid, jobs=jobs):
                stored.add(event)
                if event.kind == "stored":
                    changes.new_releases.append(event.release)
                elif event.kind == "replaced":
                    changes.replaced_releases.append(event.release)
                yield event
            archive.state.set_ingested([f.name for f in files], store_key)
            after_events, after_status = _snapshot(backend)
            changes.new_events = sorted(after_events - before_events)
            for agreement, status in sorted(after_status.items()):
                was = before_status.get(agreement)
                if was is None:
                    changes.new_agreements.append((agreement, status))
                elif was != status:
                    changes.moved_agreements.append((agreement, was, status))
    yield TrackResult(collected, stored, changes, [f.name for f in files])

