"""The one writer: releases into the store in batches, and out of it again.

:func:`ingest` takes releases processed here or :class:`~diplograph.ingest.prepare.Prepared`
by worker processes, and writes them in batches: one change each (:func:`diplograph.changes.plan`
decides what is stored, replaced or skipped as a copy), one transaction on the embedded store.
A release is reported ``stored`` only after its batch is committed, so what was reported is in
the store even if the process is killed the next moment. :func:`remove` takes releases out.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from urllib.parse import unquote

import pyoxigraph as ox

from ..changes import Backend, NewRelease, existing_releases, plan
from ..errors import InputError
from ..pipeline import ReleaseOutcome
from ..rdf import iris
from ..rdf.namespaces import SCHEMA
from ..rdf.terms import iri
from ..sparql import values_block
from ..store_layout import RELEASE_PREFIX
from ..wording import count
from . import timings
from .events import Event
from .prepare import Prepared, check

BATCH_SIZE = 50  # releases per transaction
BATCH_SECONDS = 2.0  # or fewer, when extraction is slow: progress is committed at least this often


def ingest(backend: Backend, items: Iterable[ReleaseOutcome | Prepared | Event | InputError | str], *,
           activity: Iterable[tuple] = (), allow_invalid: bool = False, validate: bool = True,
           batch_size: int = BATCH_SIZE, batch_seconds: float = BATCH_SECONDS) -> Iterator[Event]:
    """Store each release (replacing an older version of it); yield what happened to each.

    ``items`` are what :func:`~diplograph.ingest.iter_releases` yields (processed releases,
    input errors, notes) or, from worker processes, :class:`Prepared` releases and the
    :class:`Event` of a release that failed or was held back there.
    """
    timings.start("writer")
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
        if isinstance(item, Event):
            yield item
            continue
        if isinstance(item, Prepared):
            clock = timings.clock()
            new = item.new_release()
            timings.spent("receive", clock)
            yield from (Event("note", item.release_id, note) for note in item.notes)
        else:
            clock = timings.clock()
            held = check(item, validate=validate, allow_invalid=allow_invalid)
            timings.spent("validate", clock)
            if held is not None:
                yield held
                continue
            release = item.facts.release
            yield from (Event("note", release.release_id, note) for note in item.facts.notes)
            new = NewRelease.from_graph(item.graph, release.release_id, release.content_hash, activity)
        if any(r.release_id == new.release_id for r in batch):  # the later one of two same-named wins
            yield from _commit(backend, batch)
            batch, started = [], time.monotonic()
        batch.append(new)
        if len(batch) >= batch_size or time.monotonic() - started >= batch_seconds:
            yield from _commit(backend, batch)
            batch, started = [], time.monotonic()
    if batch:
        yield from _commit(backend, batch)


def _commit(backend: Backend, batch: list[NewRelease]) -> Iterator[Event]:
    clock = timings.clock()
    result = plan(backend, batch)
    timings.spent("plan", clock)
    clock = timings.clock()
    backend.apply(result.change)
    timings.spent("apply", clock)
    for g in sorted(result.removed, key=str):
        yield Event("removed", _release_id(g), "same text as a release with a smaller id, which stands for both")
    for r in batch:
        if r.iri in result.duplicates:
            other = _release_id(result.duplicates[r.iri])
            yield Event("skipped", r.release_id, f"same text as release {other}, which stands for both")
        else:
            yield Event("replaced" if r.iri in result.replaced else "stored", r.release_id,
                        count(len(r.triples), "triple"))


def _release_id(graph: ox.NamedNode) -> str:
    return unquote(graph.value.removeprefix(RELEASE_PREFIX))


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
