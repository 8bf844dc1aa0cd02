"""Opening an Oxigraph store directory, and saying in one line what to do when it cannot be opened:
an older storage format (never converted without ``--upgrade``), a newer one, damaged files, a
store another process is still creating.

Apart from :mod:`diplograph.store` because every command that opens a store goes through it,
the read-only ones included, and none of it needs the store's own machinery.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from .errors import StoreError

# What Oxigraph says when a store's storage format is not its own (pyoxigraph 0.3 wrote version 1,
# 0.4 and 0.5 write version 2): opened read-only, it refuses to convert it; opened for writing, it
# converts it in place, for good.
_OLD_FORMAT = ("not possible to upgrade read-only", "outdated encoding version")
_NEWER_FORMAT = "too recent version"
DAMAGED_ADVICE = ("restore the folder from a backup, or move it aside and ingest the releases again "
                   "into a new store")


def damaged(detail: str) -> bool:
    """Whether RocksDB's message says its files are damaged ("Corruption: block checksum mismatch …")."""
    return "corrupt" in detail.lower()


def open_read_only(path: Path, *, writer_pid: int | None = None) -> ox.Store:
    """The Oxigraph store at ``path``, opened read-only (which never changes a file of it).

    Every way it can fail is a :class:`~diplograph.errors.StoreError` that says what to do:
    an older storage format, a newer one, damaged files, a store another process is creating.
    """
    try:
        return ox.Store.read_only(str(path))
    except (OSError, RuntimeError) as exc:  # RuntimeError: damaged, or still being created by another process
        raise open_error(path, exc, "reading", writer_pid=writer_pid) from exc


def check_format(path: Path, *, upgrade: bool = False) -> None:
    """Call before opening an existing store for writing with ``pyoxigraph.Store(path)``, which would
    convert an older format for good: the store is opened read-only, which changes nothing, so
    that an older format (unless ``upgrade``) or damaged files stop here with a StoreError saying
    what to do."""
    try:
        ox.Store.read_only(str(path))
    except (OSError, RuntimeError) as exc:
        if upgrade and any(text in str(exc) for text in _OLD_FORMAT):
            return
        raise open_error(path, exc, "writing") from exc


def open_error(path: Path, exc: BaseException, mode: str, *, writer_pid: int | None = None) -> StoreError:
    """A one-line StoreError for a store Oxigraph could not open, saying what to do about it."""
    detail = " ".join(str(exc).split())
    if any(text in detail for text in _OLD_FORMAT):
        return StoreError(
            f"{path}: the store was written by an older Oxigraph (pyoxigraph 0.3); opening it for writing "
            f"converts it in place and older versions can no longer read it. Copy the folder first "
            f"(cp -a {path} {path}.backup), then run a command that writes it with --upgrade "
            f"(diplograph ingest --upgrade --store {path} INPUT…)")
    if _NEWER_FORMAT in detail:
        return StoreError(f"{path}: the store was written by a newer Oxigraph than this diplograph has "
                          f"(pyoxigraph {ox.__version__}); upgrade diplograph and pyoxigraph to read it")
    if damaged(detail):
        return StoreError(f"{path}: the store is damaged and cannot be read ({detail[:300]}); {DAMAGED_ADVICE}")
    hint = f" (process {writer_pid} is writing it; retry in a moment)" if writer_pid else ""
    return StoreError(f"{path}: cannot open the store for {mode}{hint}: {detail[:300]}")


__all__ = ["DAMAGED_ADVICE", "check_format", "damaged", "open_error", "open_read_only"]
