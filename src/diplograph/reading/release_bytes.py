"""One release from one file's bytes (:func:`read_bytes`), and file names fit for messages.

The readers of files — :mod:`diplograph.sources` (text, HTML and JSONL files) and
:mod:`diplograph.warc` (web archives) — both come here, so this module imports neither.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..errors import InputError, NoContentError
from ..extraction.dates import parse_date
from ..model import Release
from .decoding import decode_bytes
from .html_article import html_to_article
from .layout import parse_release
from .text import normalize_text

__all__ = ["MAX_FILE_BYTES", "display_name", "read_bytes", "release_from_html", "relabel", "too_large"]

MAX_FILE_BYTES = 20 * 1024 * 1024  # a .txt/.html file (or one JSONL line) above this is refused


def too_large(size: int, at_least: bool = False) -> str:
    """The cause an InputError gives for a file (or JSONL line) above MAX_FILE_BYTES."""
    return (f"too large ({'over ' if at_least else ''}{size:,} bytes; the limit is {MAX_FILE_BYTES:,}): "
            "a press release is a few kilobytes — split the file into releases or a .jsonl batch")


_SURROGATE_BYTE = re.compile("[\udc80-\udcff]")  # a byte of a file name that is not UTF-8 (surrogateescape)
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def display_name(name: str) -> str:
    """A file name, path or id that can go anywhere text goes: messages, RDF literals, IRIs.

    File names are bytes on Linux; one that is not UTF-8 reaches Python with
    its bad bytes as lone surrogates, which cannot be encoded.  Those bytes
    become ``%XX`` (so two such names stay apart), other lone surrogates
    (a JSON id's ``\\ud800``) U+FFFD, and control characters — a newline in a
    file name — a backslash escape, so a message naming the file stays on one
    line.  Every other name is returned unchanged.
    """
    if not _UNSHOWABLE.search(name):
        return name
    name = _SURROGATE_BYTE.sub(lambda m: f"%{ord(m.group()) - 0xDC00:02X}", name)
    return _UNSHOWABLE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff"
                           else m.group().encode("unicode_escape").decode("ascii"), name)


def read_bytes(data: bytes, name: str, *, html: bool = False, release_id: str | None = None) -> Release:
    """One release from a file's bytes (``name`` is the file name, used in messages)."""
    name = display_name(name)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(name, too_large(len(data)))
    text = decode_bytes(data, name)
    rid = display_name(release_id) if release_id else Path(name).stem
    if not text.strip():
        raise NoContentError(name, "empty or whitespace only")
    try:
        if html:
            return release_from_html(text, name, rid, Path(name).name)
        return parse_release(text, release_id=rid, source_file=Path(name).name)
    except InputError as e:  # parse_release only knows the file's name; messages give the path
        raise (e if e.source == name else relabel(e, name)) from None


def release_from_html(html: str, source: str, rid: str, source_file: str, url: str | None = None,
                      published: date | None = None, title: str | None = None) -> Release:
    """A release from a page's HTML; what the caller knows (``url``, ``published``, ``title``) fills gaps."""
    text, meta = html_to_article(html, source)
    page_date = parse_date(normalize_text(meta["date"])) if meta.get("date") else None
    return parse_release(text, release_id=rid, source_file=source_file, url=url or meta.get("url"),
                         published=published or page_date, title=title or meta.get("title"))


def relabel(err: InputError, source: str) -> InputError:
    """The same error, naming ``source`` (a path, or ``file:line``) instead of the bare file name."""
    return type(err)(source, err.cause)
