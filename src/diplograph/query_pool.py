"""The server's side of the query workers: a few processes, a bounded queue, and what happens when
a query overruns, its client leaves or its worker dies.

Each query borrows an idle worker (:mod:`diplograph.query_worker`). A query
that runs past the time limit, whose client disconnects, or whose worker
crashes costs that worker: it is killed (SIGKILL — native code cannot be
interrupted otherwise) and a fresh one started in the background. Requests wait
for a worker up to the same time limit; beyond the queue's size they are turned
away at once with 503, so a flood cannot pile up unbounded. Updates go to one
writer worker of their own, one at a time.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass
from multiprocessing.connection import Connection

from .query_worker import Job, WorkerConfig

log = logging.getLogger("diplograph.serve")


@dataclass(frozen=True)
class ServeLimits:
    """What one query may take, and how many may be in the house at once."""

    timeout: float = 30.0  # seconds, from arrival to the last byte
    workers: int = 2
    waiting: int = 128  # requests that may wait for a worker; more get 503
    max_result_bytes: int = 256 * 2**20


class Refused(Exception):
    """A job that ends without a result: ``status`` and a one-line ``message`` for the client."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, config: WorkerConfig) -> None:
        self.writes = config.writable
        ours, theirs = socket.socketpair()
        # a fresh interpreter, not multiprocessing's spawn: that would run the caller's __main__ again
        self.process = subprocess.Popen(
            [sys.executable, "-c", "from diplograph.query_worker import main; main()", str(theirs.fileno()),
             json.dumps(asdict(config))], pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        theirs.close()
        self.conn: Connection = Connection(ours.detach())

    async def receive(self, deadline: float, gone: Callable[[], Awaitable[bool]] | None = None) -> tuple:
        """The worker's next message; :class:`Refused` when the deadline passes, the client leaves
        (``gone``) or the worker dies."""
        loop = asyncio.get_running_loop()
        while True:
            try:
                if self.conn.poll():
                    return self.conn.recv()
            except (EOFError, OSError):
                code = self.process.poll()
                raise Refused(500, f"the query's worker process died (exit code {code}); "
                                   "the server goes on") from None
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Refused(503, "the query ran past the time limit and was stopped "
                                   "(narrow it, or start diplograph serve with a longer --timeout)")
            readable = loop.create_future()
            loop.add_reader(self.conn.fileno(), lambda done=readable: done.done() or done.set_result(None))
            try:
                await asyncio.wait_for(readable, min(0.25, remaining))
            except TimeoutError:
                pass
            finally:
                loop.remove_reader(self.conn.fileno())
            if gone is not None and await gone():
                raise Refused(499, "the client went away")

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=5)
        self.conn.close()


class WorkerPool:
    """Reader workers for queries, a writer for updates, started and replaced as needed."""

    def __init__(self, store: str, *, allow_service: bool, allow_update: bool, limits: ServeLimits) -> None:
        self.limits = limits
        self.reader = WorkerConfig(store, False, allow_service, limits.max_result_bytes)
        self.writer = WorkerConfig(store, True, allow_service, limits.max_result_bytes) if allow_update else None
        self._idle: list[Worker] = []
        self._writers: list[Worker] = []
        self._changed = asyncio.Event()
        self._waiting = 0
        self._tasks: set[asyncio.Task] = set()
        self._noted = False
        self.closed = False

    async def start(self) -> None:
        started = await asyncio.gather(*(self._spawn(self.reader) for _ in range(self.limits.workers)))
        self._idle.extend(started)
        if self.writer is not None:
            self._writers.append(await self._spawn(self.writer))
        self._changed.set()

    async def stop(self) -> None:
        self.closed = True
        for task in list(self._tasks):
            task.cancel()
        for worker in self._idle + self._writers:
            worker.kill()
        self._idle.clear()
        self._writers.clear()

    async def run(self, job: Job, deadline: float, gone: Callable[[], Awaitable[bool]]) -> tuple[Worker, tuple]:
        """Give ``job`` to a worker; its first message and the worker (which the caller must hand back
        with :meth:`release` or :meth:`discard`). Raises :class:`Refused`."""
        writing = job.kind == "update"
        worker = await self._acquire(self._writers if writing else self._idle, deadline, gone)
        try:
            worker.conn.send(job)
            return worker, await worker.receive(deadline, gone)
        except (Refused, OSError, asyncio.CancelledError):
            self.discard(worker)
            raise

    def release(self, worker: Worker) -> None:
        """A worker that finished its job cleanly goes back to the pool."""
        if self.closed:
            worker.kill()
            return
        (self._writers if worker.writes else self._idle).append(worker)
        self._changed.set()

    def discard(self, worker: Worker) -> None:
        """A worker in an unknown state (overran, abandoned, dead): killed, and replaced in the background."""
        worker.kill()
        if not self.closed:
            task = asyncio.ensure_future(self._replace(self.writer if worker.writes else self.reader))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _acquire(self, pool: list[Worker], deadline: float, gone: Callable[[], Awaitable[bool]]) -> Worker:
        if self._waiting >= self.limits.waiting:
            raise Refused(503, "the server is busy: too many queries are waiting; retry shortly")
        self._waiting += 1
        try:
            while not pool:
                self._changed.clear()
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise Refused(503, "the server is busy: no worker came free within the time limit; "
                                       "retry shortly")
                try:
                    await asyncio.wait_for(self._changed.wait(), min(0.25, remaining))
                except TimeoutError:
                    pass
                if await gone():
                    raise Refused(499, "the client went away")
            return pool.pop()
        finally:
            self._waiting -= 1

    async def _replace(self, config: WorkerConfig | None) -> None:
        if config is None:
            return
        try:
            worker = await self._spawn(config)
        except Refused as exc:
            log.error("diplograph serve: %s", exc.message)
            return
        if self.closed:
            worker.kill()
            return
        self.release(worker)

    async def _spawn(self, config: WorkerConfig) -> Worker:
        worker = Worker(config)  # in the loop's thread: the kernel kills a worker when its parent *thread* ends
        message = await worker.receive(time.monotonic() + 60)
        if message[0] != "ready":
            worker.kill()
            raise Refused(500, message[1])
        if message[1] and not self._noted:
            self._noted = True
            log.warning("diplograph serve: %s; SERVICE and LOAD are still refused by the query check",
                        message[1])
        return worker

__all__ = ["Refused", "ServeLimits", "Worker", "WorkerPool"]
