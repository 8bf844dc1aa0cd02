"""A worker process's life, and the wire between it and the writer.

Workers are plain child processes (``python -c "…worker import main; main()"``) that read
tasks from their standard input and write results to their standard output, as
length-prefixed pickles (:func:`send`, :func:`receive`). Not multiprocessing: its "spawn"
start re-imports the caller's main script (a notebook or a script without
``if __name__ == "__main__"`` would break) and "fork" copies a process whose store has
threads running. A worker ignores Ctrl-C (the writer handles it) and ends when its input
closes — also when the writer is killed. :mod:`diplograph.ingest.parallel` starts and feeds them.
"""

from __future__ import annotations

import pickle
import signal
import struct
import sys
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from ..errors import InputError
from ..model import Release
from ..sources import read_path
from ..warc import Capture
from . import timings
from .events import Event
from .prepare import Prepared, prepare

_worker_state: dict = {}


def send(stream, obj) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack(">Q", len(data)) + data)
    stream.flush()


def receive(stream):
    """The next object on the stream, or None at its end."""
    head = stream.read(8)
    if len(head) < 8:
        return None
    (size,) = struct.unpack(">Q", head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


def main() -> None:
    """A worker's life: the configuration, then tasks until the input ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    timings.start("worker")
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the results
    activity, activity_nt, validate, allow_invalid, debug, curation = receive(inp)
    from ..rdf.terms import to_rdflib

    triples = [tuple(to_rdflib(x) for x in (t.subject, t.predicate, t.object))
               for t in ox.parse(activity_nt, format=ox.RdfFormat.N_TRIPLES)]
    _worker_state.update(activity=URIRef(activity), activity_triples=triples, validate=validate,
                         allow_invalid=allow_invalid, debug=debug, curation=curation)
    try:
        while (task := receive(inp)) is not None:
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
            send(out, (number, result))
    except (BrokenPipeError, ConnectionError):  # the writer is gone (killed, or stopped early)
        pass


def _work(units: list[Path | Release]) -> list[Prepared | Event]:
    """Read (a file) or take (a release from a JSONL line), process and validate each unit."""
    state = _worker_state
    out: list[Prepared | Event] = []
    for unit in units:
        clock = timings.clock()
        items = read_unit(unit)
        timings.spent("read", clock)
        for item in items:
            out.append(prepare(item, state["activity"], state["activity_triples"], state["validate"],
                               state["allow_invalid"], state["debug"], state["curation"]))
    return out


def read_unit(unit: Path | Release | Capture) -> list[Release | InputError]:
    """A unit of work as releases: a file read, a page from a web archive parsed, a release as it is."""
    if isinstance(unit, Path):
        return list(read_path(unit))
    return [unit.release()] if isinstance(unit, Capture) else [unit]
