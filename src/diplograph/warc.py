"""Releases from web archives: ``.warc`` and ``.warc.gz`` files, ours or any crawler's (Common Crawl).

A web archive holds everything a crawler fetched; only some of it is a release.
A record is a release when it is a ``response`` record with a 2xx HTTP status
and an HTML (or XHTML, or plain text) body, for an http(s) address that is not
``/robots.txt``; records diplograph's collector marked with another role
(robots.txt, feed, sitemap, listing) are not, nor are requests, redirects,
error pages, revisits, metadata, PDFs or images.

**Release ids.** A release read from an archive has the id
:func:`diplograph.urls.release_id_for_url` gives its page address
(``WARC-Target-URI``): the address normalised (lower-case host, default port,
fragment and tracking parameters such as ``utm_*`` dropped, query parameters
sorted) without its scheme — ``www.thaigov.go.th/news/contents/details/35541``.
Its ``schema:url`` is the ``WARC-Target-URI`` itself and its ``dg:sourceFile``
the archive file's name. (DESIGN.md's rule for ``dg:releaseId`` names files
and JSONL lines only; this is the rule for archives.)

**The latest capture wins.** The same page collected twice (two runs, two
files, or a crawl with repeats) is one release: the capture with the latest
``WARC-Date`` across every archive read together (on a tie, the one read
last). That needs every file's index before the first release is given, so
archives are read in two passes: headers first (cheap: bodies are skipped),
then the chosen records.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .errors import InputError
from .model import Release
from .reading.layout import web_address
from .reading.release_bytes import MAX_FILE_BYTES, display_name, read_bytes
from .urls import release_id_for_url

__all__ = ["ARCHIVE_SUFFIXES", "Capture", "is_archive", "read_archives", "scan"]

ARCHIVE_SUFFIXES = (".warc", ".warc.gz")
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
ROLE_HEADER = "Diplograph-Role"


def is_archive(path: Path | str) -> bool:
    """Whether the file's name says it is a web archive."""
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


@dataclass(frozen=True)
class Capture:
    """One release page as an archive holds it; small enough to hand to a worker process."""

    url: str  # WARC-Target-URI
    release_id: str
    archive: str  # the archive file, as it was named (for messages and dg:sourceFile)
    date: str  # WARC-Date
    payload: bytes  # the body, transfer and content encodings undone
    html: bool

    def release(self) -> Release | InputError:
        """The release this page holds, or the error (naming the archive file and the address)."""
        where = f"{display_name(self.archive)}: {self.url}"
        try:
            release = read_bytes(self.payload, self.archive, html=self.html, release_id=self.release_id)
        except InputError as exc:
            return type(exc)(where, exc.cause)
        return dataclasses.replace(release, url=web_address(self.url) or release.url)


def _release_record(record) -> tuple[str, str, bool] | None:
    """(address, release id, is HTML) when the record is a release page, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    role = record.rec_headers.get_header(ROLE_HEADER)
    if role is not None and role != "release":
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    url = url.strip("<> ")
    try:
        status = int(record.http_headers.get_statuscode() or 0)
    except ValueError:
        return None
    if not 200 <= status < 300:
        return None
    kind = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if kind and kind not in PAGE_TYPES:
        return None
    rid = release_id_for_url(url)
    if rid is None or urlsplit(url).path == "/robots.txt":
        return None
    return url, rid, kind != "text/plain"


def _records(path: Path) -> Iterator[tuple[int, object]]:
    """(number, record) of each record, counted from 0; raises what warcio raises on a file that is not
    a WARC. Records are told apart by number, not offset: warcio's ``get_record_offset`` reads the
    record to its end, so its body could no longer be read."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        head = handle.read(64)
        if head[:2] == b"\x1f\x8b":
            head = zlib.decompressobj(47).decompress(head + handle.read(4096), 16)
        if not head.startswith(b"WARC/"):
            raise ValueError("it does not begin with a WARC record")
        handle.seek(0)
        records = enumerate(ArchiveIterator(handle))
        while True:
            with contextlib.redirect_stderr(io.StringIO()):  # warcio writes its warnings there itself
                item = next(records, None)
            if item is None:
                return
            yield item


def _broken(path: Path, count: int, exc: BaseException) -> InputError:
    detail = " ".join(str(exc).split())[:160] or type(exc).__name__
    if count:
        return InputError(display_name(str(path)), f"the web archive is cut short or damaged after {count} "
                                                    f"records ({detail}); the records before it were read")
    return InputError(display_name(str(path)), f"not a readable web archive ({detail})")


def scan(paths: Iterable[Path]) -> Iterator[Capture | InputError]:
    """The latest capture of every release page in ``paths`` (archive files), and an error per bad file."""
    files = list(paths)
    chosen: dict[str, tuple[str, int, int]] = {}  # release id → (WARC-Date, file index, record number)
    for index, path in enumerate(files):
        count = 0
        try:
            for offset, record in _records(path):
                count += 1
                found = _release_record(record)
                if found is None:
                    continue
                date = record.rec_headers.get_header("WARC-Date") or ""
                key = (date, index, offset)
                if found[1] not in chosen or key >= chosen[found[1]]:
                    chosen[found[1]] = key
        except Exception as exc:  # noqa: BLE001 — warcio, gzip and zlib raise many kinds on a bad file
            yield _broken(path, count, exc)
    wanted: dict[int, set[int]] = {}
    for _, index, offset in chosen.values():
        wanted.setdefault(index, set()).add(offset)
    for index, path in enumerate(files):
        offsets = wanted.get(index)
        if not offsets:
            continue
        try:
            for offset, record in _records(path):
                if offset not in offsets:
                    continue
                yield _capture(path, record)
        except Exception:  # noqa: BLE001 — reported in the first pass; the records before it were given
            continue


def _capture(path: Path, record) -> Capture | InputError:
    url, rid, html = _release_record(record)
    where = f"{display_name(str(path))}: {url}"
    with contextlib.redirect_stderr(io.StringIO()):
        data = record.content_stream().read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        return InputError(where, f"too large (over {MAX_FILE_BYTES:,} bytes)")
    if getattr(record.raw_stream, "limit", 0):  # the record's Content-Length promised more than the file holds
        return InputError(where, "the web archive is cut short inside this page's record")
    if not html and data.lstrip()[:1] == b"<" and b"<html" in data[:2048].lower():
        html = True  # a page served as text/plain that is HTML all the same
    return Capture(url, rid, str(path), record.rec_headers.get_header("WARC-Date") or "", data, html)


def read_archives(paths: Iterable[Path]) -> Iterator[Release | InputError]:
    """The releases in archive files (the latest capture of each page), errors in between."""
    for item in scan(paths):
        yield item if isinstance(item, InputError) else item.release()
