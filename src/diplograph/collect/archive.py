"""The collection directory: WARC files that are always whole, and the state that says what they hold.

A run appends its exchanges to a hidden part file (``.diplograph-….warc.gz.part``,
which no reader takes: hidden, and not ending in ``.warc.gz``). After each page
the part file is flushed to disk and *then* the state records the new length
together with what the page became, in one SQLite transaction. At the end of
the run (or at :data:`ROLL_BYTES`) the part file is renamed to its final
``diplograph-<UTC time>.warc.gz`` name: a rename is atomic, so a reader sees a
whole archive file or none.

After a ``kill -9`` the part file may end in a half-written record, or in whole
records the state never heard of. The next run (:meth:`Archive.open`) cuts it
back to the committed length and seals it, so every page that was reported
collected is kept, nothing else is, and the run resumes with the pages still
pending. One writer at a time: a second run on the same directory stops at
once (an advisory lock, released by the kernel when the process dies).
"""

from __future__ import annotations

import fcntl
import io
import os
from datetime import datetime, timezone
from pathlib import Path
from uuid import uuid4

from .. import __version__
from ..errors import DiplographError
from ..warc import ROLE_HEADER  # release, robots, feed, sitemap, listing: the reader takes only "release"
from .fetch import Exchange
from .state import State

__all__ = ["Archive", "ArchiveLocked", "LOCK_NAME", "ROLE_HEADER", "ROLL_BYTES"]

LOCK_NAME = ".diplograph-collect.lock"
ROLL_BYTES = 1 << 30  # a part file above this is sealed and a new one begun (the usual WARC size)


class ArchiveLocked(DiplographError):
    """Another process is collecting into the same directory."""


def _warc_date(when: datetime) -> str:
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _part(name: str) -> str:
    return f".{name}.part"


class Archive:
    """An open collection directory: its lock, its state and the part file being written."""

    def __init__(self, directory: Path, state: State, lock_fd: int) -> None:
        self.directory = directory
        self.state = state
        self._lock_fd = lock_fd
        self._name: str | None = None
        self._file: io.BufferedWriter | None = None
        self._writer = None
        self._committed = 0
        self.sealed: list[str] = []  # archive files sealed by this run (and by the recovery)

    @classmethod
    def open(cls, directory: Path) -> Archive:
        directory = Path(directory)
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DiplographError(f"{directory}: cannot create the archive directory ({exc.strerror or exc})") from None
        if not directory.is_dir():
            raise DiplographError(f"{directory}: not a directory")
        fd = os.open(directory / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.read(fd, 32).decode("ascii", "replace").strip()
            os.close(fd)
            raise ArchiveLocked(f"{directory}: another collect is writing this archive"
                                + (f" (process {pid})" if pid else "")) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        try:
            archive = cls(directory, State(directory), fd)
            archive._recover()
        except BaseException:
            os.close(fd)
            raise
        return archive

    # ------------------------------------------------------------------- recovery

    def _recover(self) -> None:
        """Part files left by a run that was killed: cut back to what the state committed, then sealed."""
        known = {name for name, _, _ in self.state.warcs()}
        for stray in self.directory.glob(".diplograph-*.warc.gz.part"):
            if stray.name[1:-len(".part")] not in known:  # killed before its first commit: holds nothing
                stray.unlink()
        for name, _, length in self.state.warcs("open"):
            part = self.directory / _part(name)
            final = self.directory / name
            if part.exists():
                with open(part, "r+b") as handle:
                    handle.truncate(length)
                    handle.flush()
                    os.fsync(handle.fileno())
                self._seal_file(name, length)
            elif final.exists():
                with self.state.transaction():
                    self.state.set_warc(name, "sealed", final.stat().st_size)
            else:
                with self.state.transaction():
                    self.state.drop_warc(name)

    # -------------------------------------------------------------------- writing

    def _start(self) -> None:
        from warcio.warcwriter import WARCWriter

        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        name = f"diplograph-{stamp}-{uuid4().hex[:8]}.warc.gz"
        self._file = open(self.directory / _part(name), "ab")  # noqa: SIM115 — kept open for the run
        self._writer = WARCWriter(self._file, gzip=True)
        self._name = name
        info = self._writer.create_warcinfo_record(name, {
            "software": f"diplograph/{__version__}", "format": "WARC File Format 1.1",
            "description": "press releases collected by diplograph collect"})
        self._writer.write_record(info)
        self._sync()
        with self.state.transaction():
            self.state.set_warc(name, "open", self._committed)

    def write(self, exchange: Exchange) -> None:
        """Append one exchange as a request and a response record (not committed until :meth:`commit`)."""
        from warcio.statusandheaders import StatusAndHeaders

        if self._writer is None:
            self._start()
        writer = self._writer
        date = _warc_date(exchange.date)
        try:
            response = writer.create_warc_record(
                exchange.url, "response", payload=io.BytesIO(exchange.raw), length=len(exchange.raw),
                http_headers=StatusAndHeaders(f"{exchange.status} {exchange.reason}".rstrip(), exchange.headers,
                                              protocol=exchange.http_version),
                warc_headers_dict={"WARC-Date": date, ROLE_HEADER: exchange.role})
            request = writer.create_warc_record(
                exchange.url, "request",
                http_headers=StatusAndHeaders(exchange.request_line, exchange.request_headers, is_http_request=True),
                warc_headers_dict={"WARC-Date": date, ROLE_HEADER: exchange.role,
                                   "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")})
            writer.write_record(request)
            writer.write_record(response)
        except BaseException:
            self._rewind()
            raise

    def commit(self) -> _Commit:
        """``with archive.commit():`` — what was written so far, and the state changes made inside the
        block, become durable together: the part file is synced first, then the transaction commits."""
        return _Commit(self)

    def _sync(self) -> None:
        if self._file is None:
            return
        self._file.flush()
        os.fsync(self._file.fileno())
        self._committed = self._file.tell()

    def _rewind(self) -> None:
        """Drop what was written after the last commit (a write that failed half-way)."""
        if self._file is None:
            return
        self._file.flush()
        self._file.truncate(self._committed)
        self._file.seek(self._committed)

    @property
    def current(self) -> str | None:
        """The final name of the archive file being written."""
        return self._name

    # -------------------------------------------------------------------- sealing

    def seal(self) -> None:
        """Give the part file its final name (atomic), if it holds anything."""
        if self._file is None or self._name is None:
            return
        self._rewind()  # anything not committed is not kept
        self._file.close()
        name, length = self._name, self._committed
        self._file = self._writer = self._name = None
        self._committed = 0
        self._seal_file(name, length)

    def _seal_file(self, name: str, length: int) -> None:
        os.replace(self.directory / _part(name), self.directory / name)
        _fsync_dir(self.directory)
        with self.state.transaction():
            self.state.set_warc(name, "sealed", length)
        self.sealed.append(name)

    def close(self) -> None:
        try:
            self.seal()
        finally:
            self.state.close()
            os.close(self._lock_fd)

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Commit:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.tx = archive.state.transaction()

    def __enter__(self) -> State:
        self.archive._sync()
        self.tx.__enter__()
        return self.archive.state

    def __exit__(self, exc_type, exc, tb) -> None:
        archive = self.archive
        if exc_type is None and archive._name is not None:
            archive.state.set_warc(archive._name, "open", archive._committed)
        self.tx.__exit__(exc_type, exc, tb)
        if exc_type is None and archive._committed > ROLL_BYTES:
            archive.seal()


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
