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

**Parallel ingest.** :func:`ingest_releases` (``diplograph ingest --jobs N``)
runs reading, extraction, mapping and validation in ``N`` worker processes
(default: one per core) while this process plans and commits the batches — the
one writer. Workers hand each release over as a :class:`Prepared` (its triples
as N-Triples text, which the writer passes on into the store's update and
parses only in part); results come back in input order, so the events, the
batches and the store are those of the serial path (``jobs=1``).

The parts, each importing only those listed after it (callers import from here):

* :mod:`~diplograph.ingest.writer` — the one writer: batches, commits, removals;
* :mod:`~diplograph.ingest.parallel` — the worker processes as the writer sees them;
* :mod:`~diplograph.ingest.worker` — a worker process's life, and the wire to it;
* :mod:`~diplograph.ingest.prepare` — one release processed, validated and packed;
* :mod:`~diplograph.ingest.events` — what an ingest reports;
* :mod:`~diplograph.ingest.timings` — stage timings for the benchmark.

Which releases a batch stores, replaces or skips as copies is the store's plan
(:func:`diplograph.changes.plan`); which files are read, :mod:`diplograph.inputs`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import URIRef

from ..changes import Backend
from ..curation import Curation
from ..errors import InputError
from ..inputs import read_inputs
from ..model import Release
from ..pipeline import ReleaseOutcome, process_or_error
from ..rdf import mapping
from . import timings
from .events import Event, Summary
from .parallel import default_jobs, iter_prepared
from .prepare import Prepared, check
from .writer import BATCH_SECONDS, BATCH_SIZE, ingest, remove, resolve_release


def ingest_releases(backend: Backend, paths: Iterable[Path], *, allow_invalid: bool = False,
                    batch_size: int = BATCH_SIZE, jobs: int | None = None,
                    curation: Curation | None = None) -> Iterator[Event]:
    """Read releases from files and directories and store them — what ``diplograph ingest`` does::

        with diplograph.EmbeddedStore.open("out/store", write=True) as store:
            for event in diplograph.ingest_releases(store, ["releases/"]):
                print(event.kind, event.release, event.message)

    ``jobs`` worker processes read, extract, map and validate (default: one per core;
    1 does everything in this process); the store is the same either way. ``curation``: rules the
    store is to keep from now on (see :mod:`diplograph.curation`); without it, those it keeps apply.
    """
    rules = use_curation(backend, curation)
    activity, activity_triples = mapping.activity_iri()
    items = release_items(paths, activity, activity_triples, jobs=jobs, allow_invalid=allow_invalid, curation=rules)
    return ingest(backend, items, activity=activity_triples, allow_invalid=allow_invalid, batch_size=batch_size)


def use_curation(backend: Backend, curation: Curation | None) -> Curation:
    """The rules this ingest applies: ``curation``, kept in the store from now on (one change, before
    any release is written), or else those the store keeps."""
    from .. import curation as cur

    if curation is None:
        return cur.stored(backend)
    backend.apply(cur.keep_change(curation))
    return curation


def release_items(paths: Iterable[Path], activity: URIRef, activity_triples: list[tuple], *,
                  jobs: int | None = None, allow_invalid: bool = False, debug: bool = False,
                  curation: Curation | None = None) -> Iterator:
    """What :func:`ingest` takes, for ``paths``: processed here (``jobs=1``) or by ``jobs`` worker
    processes (None: one per core). A bug (an unexpected exception) while processing a release
    fails that release, reported like an input error — unless ``debug``: then it is raised, with
    the worker's traceback, and the ingest stops."""
    jobs = default_jobs() if jobs is None else jobs
    if jobs <= 1:
        return iter_releases(paths, activity, debug=debug, curation=curation)
    return iter_prepared(paths, activity, list(activity_triples), jobs=jobs, allow_invalid=allow_invalid,
                         debug=debug, curation=curation)


def iter_releases(paths: Iterable[Path], activity: URIRef | None = None, *, debug: bool = False,
                  curation: Curation | None = None) -> Iterator[ReleaseOutcome | InputError | str]:
    """Like :func:`diplograph.pipeline.iter_outcomes`, but releases with the same text all come
    through: the store decides which one stands for the others, whatever the order."""
    timings.start("writer")
    items = iter(read_inputs(paths))
    while True:
        clock = timings.clock()
        item = next(items, None)
        timings.spent("read", clock)
        if item is None:
            return
        if not isinstance(item, Release):
            yield item
            continue
        clock = timings.clock()
        outcome = process_or_error(item, activity, debug=debug, curation=curation)
        timings.spent("extract+map", clock)
        yield outcome


remove_releases = remove

__all__ = ["BATCH_SIZE", "BATCH_SECONDS", "Event", "Prepared", "Summary", "check", "default_jobs", "ingest",
           "ingest_releases", "iter_prepared", "iter_releases", "release_items", "remove", "remove_releases",
           "resolve_release", "use_curation"]
