"""Put releases into a store and take them out again: validate, batch, plan, apply, report.

:func:`ingest` consumes what :func:`diplograph.pipeline.iter_outcomes` yields —
releases, input errors, notes — lazily, so a corpus of any size streams
through. Each release is validated on its own small graph (pyshacl never sees
the store); one with violations is held back unless ``allow_invalid``.
Releases are written in batches (one transaction each on the embedded store);
a release is reported ``stored`` only after its batch is committed, so what
was reported is in the store even if the process is killed the next moment.

Both functions yield :class:`Event` values and never print: the CLI renders
them, a notebook can collect them (:class:`Summary` does).
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import URIRef

from .changes import RELEASE_PREFIX, Backend, NewRelease, existing_releases, plan
from .errors import DiplographError, InputError
from .model import Release
from .pipeline import ReleaseOutcome, process, validate_outcome
from .sources import read_inputs
from .rdf import iris, mapping
from .rdf.namespaces import SCHEMA
from .rdf.terms import iri
from .sparql import values_block

BATCH_SIZE = 50  # releases per transaction
BATCH_SECONDS = 2.0  # or fewer, when extraction is slow: progress is committed at least this often


@dataclass(frozen=True)
class Event:
    """One thing that happened to one release (or a note)."""

    kind: str  # stored, replaced, held, failed, skipped, note, removed, missing
    release: str | None
    message: str = ""


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, event: Event) -> Event:
        self.counts[event.kind] = self.counts.get(event.kind, 0) + 1
        return event

    def __getitem__(self, kind: str) -> int:
        return self.counts.get(kind, 0)

    @property
    def exit_code(self) -> int:
        """0 all good; 1 some releases failed or were held back; 2 nothing could be read or removed."""
        done = self["stored"] + self["replaced"] + self["removed"] + self["skipped"]
        if not done and not self["held"]:
            return 2
        return 1 if self["failed"] or self["held"] or self["missing"] else 0


def ingest(backend: Backend, items: Iterable[ReleaseOutcome | InputError | str], *,
           activity: Iterable[tuple] = (), allow_invalid: bool = False, validate: bool = True,
           batch_size: int = BATCH_SIZE, batch_seconds: float = BATCH_SECONDS) -> Iterator[Event]:
    """Store each release (replacing an older version of it); yield what happened to each."""
    activity = list(activity)
    batch: list[NewRelease] = []
    started = time.monotonic()
    for item in items:
        if isinstance(item, str):
            yield Event("note", None, item)
            continue
        if isinstance(item, InputError):
            yield Event("failed", item.source, str(item))
            continue
        release = item.facts.release
        if validate:
            item.report = validate_outcome(item, _own_derived(item))
            if item.report.violations and not allow_invalid:
                first = item.report.violations[0]
                yield Event("held", release.release_id,
                            f"{release.source_file}: {len(item.report.violations)} violation(s), not stored "
                            f"(--allow-invalid stores it anyway); first: {first.focus}: {first.message}")
                continue
        if any(r.release_id == release.release_id for r in batch):  # the later one of two same-named wins
            yield from _commit(backend, batch)
            batch, started = [], time.monotonic()
        batch.append(NewRelease.from_graph(item.graph, release.release_id, release.content_hash, activity))
        if len(batch) >= batch_size or time.monotonic() - started >= batch_seconds:
            yield from _commit(backend, batch)
            batch, started = [], time.monotonic()
    if batch:
        yield from _commit(backend, batch)


def ingest_releases(backend: Backend, paths: Iterable[Path], *, allow_invalid: bool = False,
                    batch_size: int = BATCH_SIZE) -> Iterator[Event]:
    """Read releases from files and directories and store them — what ``diplograph ingest`` does::

        with diplograph.EmbeddedStore.open("out/store", write=True) as store:
            for event in diplograph.ingest_releases(store, ["releases/"]):
                print(event.kind, event.release, event.message)
    """
    activity, activity_triples = mapping.activity_iri()
    return ingest(backend, iter_releases(paths, activity), activity=activity_triples, allow_invalid=allow_invalid,
                  batch_size=batch_size)


def _own_derived(outcome: ReleaseOutcome) -> list[tuple]:
    """The derived facts the shapes expect (statuses), from this release alone."""
    return mapping.derived_triples((*t, outcome.graph.iri) for t in outcome.graph.triples)


def _commit(backend: Backend, batch: list[NewRelease]) -> Iterator[Event]:
    result = plan(backend, batch)
    backend.apply(result.change)
    for g in sorted(result.removed, key=str):
        yield Event("removed", _release_id(g), "same text as a release with a smaller id, which stands for both")
    for r in batch:
        if r.iri in result.duplicates:
            other = _release_id(result.duplicates[r.iri])
            yield Event("skipped", r.release_id, f"same text as release {other}, which stands for both")
        else:
            yield Event("replaced" if r.iri in result.replaced else "stored", r.release_id,
                        f"{len(r.triples)} triples")


def _release_id(graph: ox.NamedNode) -> str:
    return unquote(graph.value.removeprefix(RELEASE_PREFIX))


def iter_releases(paths: Iterable[Path], activity: URIRef | None = None
                  ) -> Iterator[ReleaseOutcome | InputError | str]:
    """Like :func:`diplograph.pipeline.iter_outcomes`, but releases with the same text all come
    through: the store decides which one stands for the others, whatever the order."""
    for item in read_inputs(paths):
        if not isinstance(item, Release):
            yield item
            continue
        try:
            yield process(item, activity)
        except DiplographError as exc:
            yield InputError(item.source_file, str(exc))


def resolve_release(backend: Backend, ref: str) -> list[ox.NamedNode]:
    """The stored releases ``ref`` names: a release id (``d001``), a release IRI or a source URL."""
    if ref.startswith(RELEASE_PREFIX):
        candidates = [iri(ref)]
    elif re.match(r"https?://", ref):
        try:
            url = iri(ref)
        except ValueError:
            return []
        block = values_block(["u"], [[url]])
        rows = backend.select(f"SELECT DISTINCT ?g WHERE {{ {block} GRAPH ?g {{ ?g <{SCHEMA.url}> ?u }} }}").rows
        candidates = [r[0] for r in rows] + [iri(str(iris.release_iri(ref)))]
    else:
        candidates = [iri(str(iris.release_iri(ref)))]
    found = existing_releases(backend, candidates)
    return sorted(found, key=str)


def remove(backend: Backend, refs: Iterable[str]) -> Iterator[Event]:
    """Retract each named release and everything only it supported, in one change."""
    targets: dict[ox.NamedNode, str] = {}
    for ref in refs:
        found = resolve_release(backend, ref)
        if not found:
            yield Event("missing", ref, f"{ref}: no such release in the store (give its id, IRI or URL)")
        for g in found:
            targets[g] = ref
    if not targets:
        return
    result = plan(backend, remove=targets)
    backend.apply(result.change)
    for g in sorted(result.removed, key=str):
        yield Event("removed", _release_id(g), f"removed {g.value}")


remove_releases = remove

__all__ = ["BATCH_SIZE", "BATCH_SECONDS", "Event", "Summary", "ingest", "ingest_releases", "iter_releases", "remove",
           "remove_releases", "resolve_release"]
