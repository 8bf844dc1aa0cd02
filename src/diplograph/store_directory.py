"""A store directory's own files, beside Oxigraph's: the writer's lock, and creating a store whole.

* **One writer.** A writer holds an exclusive ``flock`` on :data:`LOCK_NAME` inside the store
  directory and writes its pid in it. The lock dies with its process, so a killed ingest never
  leaves a stale lock; a second writer gets a :class:`~diplograph.errors.StoreError` at once,
  naming the writer's pid. Readers take no lock: :func:`writer_pid` only looks.
* **Created whole.** A new store is made beside the directory and moved in, ``CURRENT`` last,
  so a process killed while creating it leaves no half-made database behind.

Apart from :mod:`diplograph.store` because none of it needs Oxigraph's store machinery: it is
files, locks and processes.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError

LOCK_NAME = "diplograph.lock"


def lock_writer(path: Path) -> int:
    """Take the writer's lock of the store directory ``path`` (which exists) and write this
    process's pid in it; the lock file's descriptor, for :func:`unlock`. Another writer is a
    StoreError naming it."""
    fd = os.open(path / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    for attempt in range(20):
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            pid = _read_pid(fd)
            if pid is None and attempt < 19:  # a reader checking for a writer holds it for an instant
                time.sleep(0.05)
                continue
            os.close(fd)
            who = f"process {pid}" if pid else "another process"
            raise StoreError(f"{path}: {who} is writing this store; one writer at a time — "
                             "wait for it to finish and run again") from None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def unlock(fd: int) -> None:
    """Release the writer's lock taken by :func:`lock_writer` (its pid cleared first)."""
    try:
        os.ftruncate(fd, 0)
        fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def writer_pid(path: Path) -> int | None:
    """The pid of the process writing the store at ``path`` (-1 when it did not say), or None
    when nobody holds the lock."""
    try:
        fd = os.open(path / LOCK_NAME, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return _read_pid(fd) or -1
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode().strip()
        return int(text) if text.isdigit() else None
    except OSError:
        return None


def creation_leftover(name: str) -> bool:
    """Files a store creation killed before it finished may leave (our lock, RocksDB's own files)."""
    return (name in (LOCK_NAME, "LOCK", "LOG", "IDENTITY") or name.startswith(("MANIFEST-", "OPTIONS-", "LOG.old"))
            or name.endswith((".log", ".sst", ".blob")))


def create_atomically(path: Path) -> None:
    """Create an empty store beside path and move its files in, so that a process killed while
    creating it leaves no half-made database (which could not even be opened read-only) behind."""
    for item in path.iterdir():
        if item.name != LOCK_NAME and creation_leftover(item.name):
            item.unlink()  # left by a creation that was killed; there is no data in them yet
    staging = Path(tempfile.mkdtemp(prefix=f".{path.name}.creating-", dir=path.parent))
    try:
        created = ox.Store(str(staging))
        created.flush()
        del created
        for item in sorted(staging.iterdir(), key=lambda p: p.name == "CURRENT"):
            os.replace(item, path / item.name)  # CURRENT last: until it is there, there is no store
    finally:
        shutil.rmtree(staging, ignore_errors=True)


__all__ = ["LOCK_NAME", "create_atomically", "creation_leftover", "lock_writer", "unlock", "writer_pid"]
