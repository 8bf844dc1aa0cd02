"""Parallel ingest as the writer sees it: worker processes started, fed and heard in input order.

:func:`iter_prepared` (``diplograph ingest --jobs N``) has ``N`` worker processes
(:mod:`diplograph.ingest.worker`) read, extract, map and validate while the writer plans and
commits the batches. Results come back in input order, so the events, the batches and the
store are those of the serial path (``jobs=1``). Plain-text and HTML files are read by the
workers; JSONL files are read line by line here and their releases sent out. Small inputs
(fewer than :data:`PARALLEL_MIN` files or lines) are processed here: starting the workers
would cost more than it saves.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from ..curation import Curation
from ..errors import DiplographError, InputError
from ..inputs import input_units
from ..model import Release
from ..rdf.terms import to_ox
from .events import Event
from .prepare import Prepared, prepare
from .worker import read_unit, receive, send

PARALLEL_MIN = 64  # files or JSONL lines below which worker processes are not worth starting
_CHUNK = 4  # releases (or files) per task sent to a worker
_AHEAD = 6  # tasks in flight per worker: enough to keep workers busy while a batch is committed


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def iter_prepared(paths: Iterable[Path], activity: URIRef, activity_triples: list[tuple], *, jobs: int,
                  validate: bool = True, allow_invalid: bool = False, debug: bool = False,
                  curation: Curation | None = None) -> Iterator[Prepared | Event | str]:
    """:func:`~diplograph.ingest.iter_releases` done by ``jobs`` worker processes: prepared releases
    (or the events of those that failed or were held back) and notes, in input order."""
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
                for item in read_unit(unit):
                    yield prepare(item, activity, activity_triples, validate, allow_invalid, debug, curation)
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
        package_root = str(Path(__file__).resolve().parents[2])  # so a worker imports this diplograph
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        self.results: queue.Queue = queue.Queue()
        self.slots = threading.Semaphore(ahead)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.procs = []
        self.busy: list[int] = []
        for _ in range(jobs):
            proc = subprocess.Popen([sys.executable, "-c", "from diplograph.ingest.worker import main; main()"],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
            self.procs.append(proc)
            self.busy.append(0)
        for index, proc in enumerate(self.procs):
            send(proc.stdin, config)
            threading.Thread(target=self._receive, args=(index, proc.stdout), daemon=True).start()
        threading.Thread(target=self._feed, args=(units,), daemon=True).start()

    def _feed(self, units: Iterable) -> None:
        number = 0
        chunk: list = []

        def send_chunk() -> None:
            nonlocal number, chunk
            while not self.slots.acquire(timeout=0.5):
                if self.stopping.is_set():
                    raise _Stopped
            with self.lock:
                index = min(range(len(self.procs)), key=self.busy.__getitem__)
                self.busy[index] += 1
            send(self.procs[index].stdin, (number, chunk))
            number += 1
            chunk = []

        try:
            for unit in units:
                if self.stopping.is_set():
                    return
                if isinstance(unit, (str, Event)):
                    if chunk:
                        send_chunk()
                    self.results.put(("ready", number, [unit]))
                    number += 1
                else:
                    chunk.append(unit)
                    if len(chunk) >= _CHUNK:
                        send_chunk()
            if chunk:
                send_chunk()
            self.results.put(("end", number, None))
        except _Stopped:
            pass
        except BaseException as exc:  # noqa: BLE001 — handed to the writer, which raises it
            self.results.put(("error", number, exc))

    def _receive(self, index: int, stream) -> None:
        while (result := receive(stream)) is not None:
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
