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
batches and the store are those of the serial path (``jobs=1``). Plain-text and HTML files are
read by the workers; JSONL files are read line by line here and their releases
sent out. Small inputs (fewer than :data:`PARALLEL_MIN` files or lines) are
processed here: starting the workers would cost more than it saves.
"""

from __future__ import annotations

import os
import pickle
import queue
import re
import signal
import struct
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import URIRef

from .changes import RELEASE_PREFIX, Backend, NewRelease, existing_releases, plan
from .curation import Curation
from .errors import DiplographError, InputError
from .wording import count
from .inputs import input_units, read_inputs
from .model import Release
from .pipeline import ReleaseOutcome, process_or_error, validate_outcome
from .rdf import iris, mapping
from .rdf.namespaces import SCHEMA
from .rdf.ntriples import NTriples
from .rdf.terms import iri, to_ox
from .sources import read_path
from .sparql import values_block
from .tally import Tally
from .warc import Capture

BATCH_SIZE = 50  # releases per transaction
BATCH_SECONDS = 2.0  # or fewer, when extraction is slow: progress is committed at least this often
PARALLEL_MIN = 64  # files or JSONL lines below which worker processes are not worth starting
_CHUNK = 4  # releases (or files) per task sent to a worker
_AHEAD = 6  # tasks in flight per worker: enough to keep workers busy while a batch is committed

# Stage timings for the benchmark (``python -m diplograph.bench``): with DIPLOGRAPH_TIMINGS=FILE
# each process (the writer and every worker) adds up the seconds it spends in each stage and
# appends them, with its CPU time and peak memory, to FILE as one JSON line when it exits.
_timings: dict[str, float] | None = None


def _clock() -> float:
    return time.perf_counter() if _timings is not None else 0.0


def _spent(stage: str, since: float) -> None:
    if _timings is not None:
        _timings[stage] = _timings.get(stage, 0.0) + time.perf_counter() - since


def _start_timings(role: str) -> None:
    global _timings
    target = os.environ.get("DIPLOGRAPH_TIMINGS")
    if not target or _timings is not None:
        return
    _timings = {}

    def write() -> None:
        import json
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        line = json.dumps({"role": role, "pid": os.getpid(), "cpu": usage.ru_utime + usage.ru_stime,
                           "max_rss_kb": usage.ru_maxrss, "stages": _timings})
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    import atexit

    atexit.register(write)


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


@dataclass(frozen=True)
class Prepared:
    """A release read, extracted, mapped and validated, ready to store; small and quick to pickle.

    The named-graph triples and each shared description travel as N-Triples text, formatted
    once by the worker process: the writer passes it on to the store and parses only what
    its planner reads (:class:`~diplograph.rdf.ntriples.NTriples`).
    """

    release_id: str
    content_hash: str
    iri: str
    triples: str
    descriptions: tuple[tuple[str, str], ...]  # (description node, its triples), one per shared subject
    notes: tuple[str, ...] = ()  # what the release lost (ReleaseFacts.notes), reported by the writer

    @classmethod
    def from_outcome(cls, outcome: ReleaseOutcome, activity: Iterable[tuple] = ()) -> Prepared:
        release = outcome.facts.release
        new = NewRelease.from_graph(outcome.graph, release.release_id, release.content_hash, activity)
        return cls(release.release_id, release.content_hash, new.iri.value, new.triples.text,
                   tuple((node.value, ts.text) for node, ts in new.descriptions.items()), outcome.facts.notes)

    def new_release(self) -> NewRelease:
        return NewRelease(iri(self.iri), self.release_id, self.content_hash, NTriples(text=self.triples),
                          {iri(node): NTriples(text=text) for node, text in self.descriptions})


def ingest(backend: Backend, items: Iterable[ReleaseOutcome | Prepared | Event | InputError | str], *,
           activity: Iterable[tuple] = (), allow_invalid: bool = False, validate: bool = True,
           batch_size: int = BATCH_SIZE, batch_seconds: float = BATCH_SECONDS) -> Iterator[Event]:
    """Store each release (replacing an older version of it); yield what happened to each.

    ``items`` are what :func:`iter_releases` yields (processed releases, input errors,
    notes) or, from worker processes, :class:`Prepared` releases and the :class:`Event`
    of a release that failed or was held back there.
    """
    _start_timings("writer")
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
            clock = _clock()
            new = item.new_release()
            _spent("receive", clock)
            yield from (Event("note", item.release_id, note) for note in item.notes)
        else:
            clock = _clock()
            held = check(item, validate=validate, allow_invalid=allow_invalid)
            _spent("validate", clock)
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


def check(outcome: ReleaseOutcome, *, validate: bool = True, allow_invalid: bool = False) -> Event | None:
    """Validate a release on its own small graph (setting ``outcome.report``); the ``held`` event
    when it violates the shapes and is to be kept out of the store, else None."""
    if not validate:
        return None
    release = outcome.facts.release
    outcome.report = validate_outcome(outcome, _own_derived(outcome))
    if outcome.report.violations and not allow_invalid:
        first = outcome.report.violations[0]
        return Event("held", release.release_id,
                     f"{release.source_file}: {count(len(outcome.report.violations), 'violation')}, not stored "
                     f"(--allow-invalid stores it anyway); first: {first.focus}: {first.message}")
    return None


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
    from . import curation as cur

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


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _own_derived(outcome: ReleaseOutcome) -> list[tuple]:
    """The derived facts the shapes expect (statuses), from this release alone."""
    return mapping.derived_triples((*t, outcome.graph.iri) for t in outcome.graph.triples)


def _commit(backend: Backend, batch: list[NewRelease]) -> Iterator[Event]:
    clock = _clock()
    result = plan(backend, batch)
    _spent("plan", clock)
    clock = _clock()
    backend.apply(result.change)
    _spent("apply", clock)
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


def iter_releases(paths: Iterable[Path], activity: URIRef | None = None, *, debug: bool = False,
                  curation: Curation | None = None) -> Iterator[ReleaseOutcome | InputError | str]:
    """Like :func:`diplograph.pipeline.iter_outcomes`, but releases with the same text all come
    through: the store decides which one stands for the others, whatever the order."""
    _start_timings("writer")
    items = iter(read_inputs(paths))
    while True:
        clock = _clock()
        item = next(items, None)
        _spent("read", clock)
        if item is None:
            return
        if not isinstance(item, Release):
            yield item
            continue
        clock = _clock()
        outcome = process_or_error(item, activity, debug=debug, curation=curation)
        _spent("extract+map", clock)
        yield outcome


# ------------------------------------------------------------------ parallel ingest
#
# Workers are plain child processes (``python -c "…_worker_main()"``) that read tasks from
# their standard input and write results to their standard output, as length-prefixed
# pickles. Not multiprocessing: its "spawn" start re-imports the caller's main script
# (a notebook or a script without ``if __name__ == "__main__"`` would break) and "fork" copies
# a process whose store has threads running. A worker ignores Ctrl-C (the writer handles it)
# and ends when its input closes — also when the writer is killed.

_worker_state: dict = {}


def _send(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">Q", len(data)) + data)
    stream.flush()


def _receive(stream):
    """The next object on the stream, or None at its end."""
    head = stream.read(8)
    if len(head) < 8:
        return None
    (size,) = struct.unpack(">Q", head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


def _worker_main() -> None:
    """A worker's life: the configuration, then tasks until the input ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _start_timings("worker")
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the results
    activity, activity_nt, validate, allow_invalid, debug, curation = _receive(inp)
    from .rdf.terms import to_rdflib

    triples = [tuple(to_rdflib(x) for x in (t.subject, t.predicate, t.object))
               for t in ox.parse(activity_nt, format=ox.RdfFormat.N_TRIPLES)]
    _worker_state.update(activity=URIRef(activity), activity_triples=triples, validate=validate,
                         allow_invalid=allow_invalid, debug=debug, curation=curation)
    try:
        while (task := _receive(inp)) is not None:
            number, units = task
            try:
                result = _work(units)
            except Exception as exc:  # noqa: BLE001 — handed to the writer, which raises it
                import traceback

                try:
                    pickle.dumps(exc)
                except Exception:  # noqa: BLE001 — an exception that cannot travel: its text does
                    exc = None
                result = ("bug", exc, traceback.format_exc())
            _send(out, (number, result))
    except (BrokenPipeError, ConnectionError):  # the writer is gone (killed, or stopped early)
        pass


def _work(units: list[Path | Release]) -> list[Prepared | Event]:
    """Read (a file) or take (a release from a JSONL line), process and validate each unit."""
    state = _worker_state
    out: list[Prepared | Event] = []
    for unit in units:
        clock = _clock()
        items = _read_unit(unit)
        _spent("read", clock)
        for item in items:
            out.append(_prepare(item, state["activity"], state["activity_triples"], state["validate"],
                                state["allow_invalid"], state["debug"], state["curation"]))
    return out


def _read_unit(unit: Path | Release | Capture) -> list[Release | InputError]:
    """A unit of work as releases: a file read, a page from a web archive parsed, a release as it is."""
    if isinstance(unit, Path):
        return list(read_path(unit))
    return [unit.release()] if isinstance(unit, Capture) else [unit]


def _prepare(item: Release | InputError, activity: URIRef, activity_triples: list[tuple], validate: bool,
             allow_invalid: bool, debug: bool = False, curation: Curation | None = None) -> Prepared | Event:
    if isinstance(item, InputError):
        return Event("failed", item.source, str(item))
    clock = _clock()
    try:
        outcome = process_or_error(item, activity, debug=debug, curation=curation)
    finally:
        _spent("extract+map", clock)
    if isinstance(outcome, InputError):
        return Event("failed", item.source_file, str(outcome))
    clock = _clock()
    held = check(outcome, validate=validate, allow_invalid=allow_invalid)
    _spent("validate", clock)
    if held is not None:
        return held
    clock = _clock()
    prepared = Prepared.from_outcome(outcome, activity_triples)
    _spent("send", clock)
    return prepared


def _units(paths: Iterable[Path]) -> Iterator[Path | Release | Event | str]:
    """What the workers get, in input order: a file to read, or a release read here from a JSONL
    line or a page of a web archive (the latest capture of each, all archives together, last);
    notes pass through, and inputs that could not be read (or whose id another input has with
    another text) as their ``failed`` events."""
    for item in input_units(paths):
        yield Event("failed", item.source, str(item)) if isinstance(item, InputError) else item


class _Workers:
    """``jobs`` worker processes fed by a thread of their own, results handed over in input order.

    The feeder thread reads the input (JSONL lines are read here) and sends tasks to the least
    busy worker; a thread per worker receives its results. The writer — the thread that
    iterates — never blocks on a pipe, so it commits batches while the workers go on. At most
    ``ahead`` tasks are out or waiting to be handed over, so memory does not grow with the input.
    """

    def __init__(self, jobs: int, config: tuple, units: Iterable, ahead: int) -> None:
        import subprocess

        env = dict(os.environ)
        package_root = str(Path(__file__).resolve().parent.parent)  # so a worker imports this diplograph
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self.results: queue.Queue = queue.Queue()
        self.slots = threading.Semaphore(ahead)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.procs = []
        self.busy: list[int] = []
        for _ in range(jobs):
            proc = subprocess.Popen([sys.executable, "-c", "from diplograph.ingest import _worker_main; _worker_main()"],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
            self.procs.append(proc)
            self.busy.append(0)
        for index, proc in enumerate(self.procs):
            _send(proc.stdin, config)
            threading.Thread(target=self._receive, args=(index, proc.stdout), daemon=True).start()
        threading.Thread(target=self._feed, args=(units,), daemon=True).start()

    def _feed(self, units: Iterable) -> None:
        number = 0
        chunk: list = []

        def send() -> None:
            nonlocal number, chunk
            while not self.slots.acquire(timeout=0.5):
                if self.stopping.is_set():
                    raise _Stopped
            with self.lock:
                index = min(range(len(self.procs)), key=self.busy.__getitem__)
                self.busy[index] += 1
            _send(self.procs[index].stdin, (number, chunk))
            number += 1
            chunk = []

        try:
            for unit in units:
                if self.stopping.is_set():
                    return
                if isinstance(unit, (str, Event)):
                    if chunk:
                        send()
                    self.results.put(("ready", number, [unit]))
                    number += 1
                else:
                    chunk.append(unit)
                    if len(chunk) >= _CHUNK:
                        send()
            if chunk:
                send()
            self.results.put(("end", number, None))
        except _Stopped:
            pass
        except BaseException as exc:  # noqa: BLE001 — handed to the writer, which raises it
            self.results.put(("error", number, exc))

    def _receive(self, index: int, stream) -> None:
        while (result := _receive(stream)) is not None:
            with self.lock:
                self.busy[index] -= 1
            self.results.put(("task", *result))
        self.results.put(("gone", index, None))

    def __iter__(self) -> Iterator:
        done: dict[int, tuple[str, list]] = {}
        turn, end = 0, None
        while end is None or turn < end:
            if turn in done:
                kind, items = done.pop(turn)
                if kind == "task":
                    self.slots.release()
                yield from items
                turn += 1
                continue
            kind, number, items = self.results.get()
            if kind == "end":
                end = number
            elif kind == "error":
                raise items
            elif kind == "gone":
                if self.stopping.is_set():
                    return
                code = self.procs[number].wait()
                raise DiplographError(f"a worker process ended unexpectedly (exit code {code}); what was reported "
                                      "stored is stored — run the same command again to finish")
            elif isinstance(items, tuple):  # a bug, raised in a worker (with debug, or outside a release)
                _, exc, trace = items
                if exc is None:
                    exc = DiplographError("a worker process failed")
                exc.add_note("in a worker process:\n" + trace)
                raise exc
            else:
                done[number] = (kind, items)

    def close(self, wait: bool = True) -> None:
        self.stopping.set()
        for proc in self.procs:
            try:
                proc.stdin.close()  # a worker ends at the end of its input
            except OSError:
                pass
            if not wait:
                proc.kill()
        for proc in self.procs:
            proc.wait()


class _Stopped(Exception):
    pass


def iter_prepared(paths: Iterable[Path], activity: URIRef, activity_triples: list[tuple], *, jobs: int,
                  validate: bool = True, allow_invalid: bool = False, debug: bool = False,
                  curation: Curation | None = None) -> Iterator[Prepared | Event | str]:
    """:func:`iter_releases` done by ``jobs`` worker processes: prepared releases (or the events of
    those that failed or were held back) and notes, in input order."""
    units = _units(paths)
    head: list = []
    for unit in units:
        head.append(unit)
        if len(head) >= PARALLEL_MIN:
            break
    if len(head) < PARALLEL_MIN:  # a small input: not worth starting processes
        for unit in head:
            if isinstance(unit, (str, Event)):
                yield unit
            else:
                for item in _read_unit(unit):
                    yield _prepare(item, activity, activity_triples, validate, allow_invalid, debug, curation)
        return

    from itertools import chain

    activity_nt = "".join(f"{ox.Triple(*(to_ox(x) for x in t))} .\n" for t in activity_triples)
    workers = _Workers(jobs, (str(activity), activity_nt, validate, allow_invalid, debug, curation), chain(head, units),
                       ahead=_AHEAD * jobs)
    finished = False
    try:
        yield from workers
        finished = True
    finally:
        workers.close(wait=finished)


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

__all__ = ["BATCH_SIZE", "BATCH_SECONDS", "Event", "Prepared", "Summary", "check", "default_jobs", "ingest",
           "ingest_releases", "iter_prepared", "iter_releases", "release_items", "remove", "remove_releases",
           "resolve_release", "use_curation"]
