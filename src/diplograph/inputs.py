"""The inputs of one command, read in order, with one text per release id.

A release's id is its file's name without extension (a JSONL line's ``id`` field), and its IRI
and named graph come from the id. Two inputs that give one id with different texts —
``2023/d001.txt`` and ``2024/d001.txt``, or ``d001.txt`` beside ``d001.html`` — are two releases
that cannot both have that name: merged, the graph would hold one release with two titles and
two dates (``build``), or one would silently replace the other (``ingest``). So they are refused
with an error naming both files, and the rest of the batch goes on (exit code 1):

* files are checked before anything is processed — only files that share a name are read for
  it — and every file of such a group is refused, whatever order the inputs come in;
* a JSONL line is checked as it is read: a line whose id an earlier line or a file of the same
  command already has, with another text, is refused, and the earlier release stays.

The same text under one id twice (a copy of a file in two folders) is no clash: it is one
release, and :func:`diplograph.pipeline.build` reads it once (the store does the same for
``ingest``), as before.

Web archives come last, all together: the same page in two archives is one release, its latest
capture (:mod:`diplograph.warc`). Their ids come from page addresses, which hold a ``/`` that no
file's name does, so they never clash with a file's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import DuplicateIdError, InputError
from .model import Release
from .sources import display_name, iter_inputs, read_path
from .warc import Capture, is_archive, scan

__all__ = ["input_units", "read_inputs"]


def read_inputs(paths: Iterable[Path]) -> Iterator[Release | InputError | str]:
    """Every release under ``paths``, with InputErrors (an id clash is one) and skip notes in between."""
    for unit in input_units(paths):
        if isinstance(unit, Path):
            yield from read_path(unit)
        elif isinstance(unit, Capture):
            yield unit.release()
        else:
            yield unit


def input_units(paths: Iterable[Path]) -> Iterator[Path | Release | Capture | InputError | str]:
    """What a command reads, in input order: a file to read (a Path — the caller reads it, perhaps in a
    worker process), a release read here from a JSONL line, an error, a skip note; then the pages of
    the web archives (a :class:`~diplograph.warc.Capture` each, read by the caller too). A file whose
    id another file shares with another text comes as its :class:`DuplicateIdError` instead."""
    items = list(iter_inputs(paths))
    archives = [i for i in items if isinstance(i, Path) and is_archive(i)]
    items = [i for i in items if not (isinstance(i, Path) and is_archive(i))]
    files = _Files([i for i in items if isinstance(i, Path) and not _is_jsonl(i)])
    refused = files.clashes()
    lines: dict[str, tuple[str, Path]] = {}  # JSONL ids read so far: id -> (text hash, file)
    for item in items:
        if isinstance(item, str):
            yield item
        elif item in refused:
            yield refused[item]
        elif not _is_jsonl(item):
            yield item
        else:
            for release in read_path(item):
                yield _line(release, item, lines, files) if isinstance(release, Release) else release
    yield from scan(archives)


def _is_jsonl(path: Path) -> bool:
    return path.suffix.lower() == ".jsonl"


def _shown(path: Path) -> str:
    return display_name(str(path))


class _Files:
    """The files (not JSONL) of one command by release id; a file's text hash is read only when asked."""

    def __init__(self, files: list[Path]) -> None:
        self.by_id: dict[str, list[Path]] = {}
        for path in files:
            self.by_id.setdefault(display_name(path.stem), []).append(path)
        self._hashes: dict[Path, str | None] = {}

    def hash(self, path: Path) -> str | None:
        """The hash of a file's release text; None if it cannot be read (its own error comes then)."""
        if path not in self._hashes:
            self._hashes[path] = next((r.content_hash for r in read_path(path) if isinstance(r, Release)), None)
        return self._hashes[path]

    def texts(self, rid: str) -> list[tuple[Path, str]]:
        """The readable files with this id and their texts' hashes."""
        return [(path, h) for path in self.by_id.get(rid, ()) if (h := self.hash(path)) is not None]

    def clashes(self) -> dict[Path, InputError]:
        """Every file whose id another file has with another text, as its error naming the others."""
        refused: dict[Path, InputError] = {}
        for rid, group in self.by_id.items():
            if len(group) < 2:
                continue
            texts = self.texts(rid)
            if len({h for _p, h in texts}) < 2:
                continue  # copies of one text: one release
            for path, _h in texts:
                others = ", ".join(_shown(p) for p, _ in texts if p != path)
                refused[path] = DuplicateIdError(
                    _shown(path), f"release id {rid!r} is also the id of {others}, whose text differs (a release's "
                                  "id is its file's name without extension): neither file is read; rename one of them")
        return refused


def _line(release: Release, jsonl: Path, lines: dict[str, tuple[str, Path]], files: _Files) -> Release | InputError:
    """A JSONL line's release, or its error when an earlier line or a file has its id with another text."""
    rid = release.release_id
    if rid in lines:
        text_hash, path = lines[rid]
        owners = [(text_hash, f"an earlier line of {_shown(path)}")]
    else:
        owners = [(h, _shown(p)) for p, h in files.texts(rid)]
    if all(h == release.content_hash for h, _where in owners):
        lines.setdefault(rid, (release.content_hash, jsonl))
        return release  # a new id, or the same text again: one release
    taken_by = " and ".join(where for _h, where in owners)
    return DuplicateIdError(_shown(jsonl), f"the line with release id {rid!r}: {taken_by} already has that id, "
                                           "with another text; the line is not read — give it another id")
