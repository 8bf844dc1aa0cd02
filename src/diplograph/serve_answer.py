"""How ``serve`` reads a request's body and answers from a worker: whole, or streamed as the engine
writes it.

Apart from :mod:`diplograph.serve` (the routes) because this is the part that deals with a
worker's messages and with a client that may leave at any moment.
"""

from __future__ import annotations

import logging
import time

import anyio
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from .query_pool import Refused, Worker, WorkerPool
from .query_worker import Job

log = logging.getLogger("diplograph.serve")


async def request_body(request: Request, limit: int) -> str:
    """The request body as text, refused (413) past ``limit`` bytes without reading the rest."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refused(413, f"the request body is {int(declared):,} bytes; the limit is {limit:,}")
    parts, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Refused(413, f"the request body is over the limit of {limit:,} bytes")
        parts.append(chunk)
    return b"".join(parts).decode("utf-8", errors="replace")


async def answer(pool: WorkerPool, job: Job, request: Request) -> Response:
    deadline = time.monotonic() + pool.limits.timeout
    try:
        worker, first = await pool.run(job, deadline, request.is_disconnected)
    except Refused as exc:
        return PlainTextResponse(exc.message, status_code=exc.status,
                                 headers={"Retry-After": "5"} if exc.status == 503 else None)
    if first[0] == "head":
        return _Streamed(pool, worker, first[1], deadline)
    pool.release(worker)
    if first[0] == "done":
        return Response(status_code=204)
    if first[0] == "cut":
        return PlainTextResponse(first[1], status_code=413)
    return PlainTextResponse(first[2], status_code=first[1])


class _Streamed(StreamingResponse):
    """A result streamed from its worker as the engine writes it.

    When the result outgrows its limit, runs past the deadline or the worker
    dies after the first bytes went out, the connection is closed without the
    closing chunk, so a client sees an incomplete answer rather than a short one.
    """

    def __init__(self, pool: WorkerPool, worker: Worker, media_type: str, deadline: float) -> None:
        super().__init__(iter(()), media_type=media_type)
        self.pool, self.worker, self.deadline = pool, worker, deadline

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        clean = False
        try:
            async with anyio.create_task_group() as group:
                async def watch() -> None:  # the client leaving stops the work within a poll interval
                    while (await receive())["type"] != "http.disconnect":
                        pass
                    group.cancel_scope.cancel()

                group.start_soon(watch)
                clean = await self._pump(send)
                group.cancel_scope.cancel()
        finally:
            (self.pool.release if clean else self.pool.discard)(self.worker)

    async def _pump(self, send: Send) -> bool:
        """Send the worker's pieces; whether the worker ended its job cleanly."""
        await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
        while True:
            try:
                message = await self.worker.receive(self.deadline)
            except Refused as exc:
                log.warning("diplograph serve: result cut off: %s", exc.message)
                return False
            if message[0] == "chunk":
                await send({"type": "http.response.body", "body": message[1], "more_body": True})
            elif message[0] == "end":
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                return True
            else:  # "cut": the worker stopped writing and is ready again; the client gets no closing chunk
                log.warning("diplograph serve: result cut off: %s", message[1])
                return True


__all__ = ["answer", "request_body"]
