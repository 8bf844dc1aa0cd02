"""Read press releases from files: bytes → text → :class:`~diplograph.model.Release`.

Pure functions do the work (:func:`normalize_text`, :func:`decode_bytes`,
:func:`html_to_article`, :func:`parse_release`, :func:`read_bytes`; they live in
:mod:`diplograph.reading` and are re-exported here); file-system access stays at the
edges, in this module (:func:`read_path`, :func:`iter_inputs`) and in :mod:`diplograph.warc`
for web archives; :func:`diplograph.inputs.read_inputs` reads a whole command's inputs, one
text per release id.  Readers
*yield* :class:`~diplograph.errors.InputError` instead of raising it, so one bad
file or JSONL line never stops a batch of thousands.

Layout decisions (see :func:`parse_release`):

* only the first :data:`HEADER_SCAN` lines are searched for the site header,
  ministry headings, the date line and the headline: the release's date is its
  *date line*, never a date from the body ("วันนี้ (29 ก.ย. 63)" is the meeting);
* the date line found in the text wins over a ``published`` argument (which is
  the fallback, e.g. the page date an HTML page states outside its article
  text); the source line's URL wins over a ``url`` argument likewise; a given
  ``title`` wins over the detected headline (it comes from page markup);
* in plain text without any layout marker the first short line becomes the
  title but stays in the body: without a marker we cannot tell a headline from
  a short first paragraph, and dropping a paragraph loses facts;
* Thai digits become ASCII digits in :func:`normalize_text`, so every later
  stage (dates, numbers, ordinals) sees one digit set.
"""

from __future__ import annotations

import codecs
import json
import os
import stat
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from .errors import DecodeError, InputError
from .extraction.dates import parse_date
from .model import Release
from .reading.decoding import decode_bytes
from .reading.html_article import html_to_article
from .reading.layout import HEADER_SCAN, MAX_LINE_CHARS, parse_release, web_address
from .reading.release_bytes import MAX_FILE_BYTES, display_name, read_bytes, release_from_html, relabel, too_large
from .reading.text import detect_lang, normalize_text, script_problem
from .warc import is_archive, read_archives

__all__ = [
    "MAX_FILE_BYTES", "MAX_LINE_CHARS", "HEADER_SCAN", "INPUT_SUFFIXES",
    "normalize_text", "decode_bytes", "html_to_article", "parse_release", "script_problem", "display_name",
    "read_bytes", "read_path", "iter_inputs", "detect_lang", "web_address",
]

INPUT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def _parse_published(value: object, source: str) -> date | None:
    """A JSONL ``published`` field: ISO date (or datetime), or Thai/English date text."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(source, f"'published' must be a string, not {type(value).__name__}")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    d = parse_date(normalize_text(value))
    if d is None:
        raise InputError(source, f"'published' is not a date: {value[:40]!r}")
    return d


def _json_line(raw: bytes, where: str) -> object:
    """One JSONL line parsed; Python's other refusals (a number of 5,000 digits) become an InputError too."""
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise
    except ValueError as e:
        raise InputError(where, f"not valid JSON ({e})") from None


def _read_jsonl(path: Path) -> Iterator[Release | InputError]:
    """One release per JSONL line; a bad line becomes an InputError naming ``file:line``."""
    shown, file_name, stem = display_name(str(path)), display_name(path.name), display_name(path.stem)
    with path.open("rb") as f:
        lineno = 0
        while raw := f.readline(MAX_FILE_BYTES + 1):
            lineno += 1
            where = f"{shown}:{lineno}"
            if len(raw) > MAX_FILE_BYTES and not raw.endswith(b"\n"):
                while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield InputError(where, "line " + too_large(len(raw), at_least=True))
                continue
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            try:
                obj = _json_line(raw, where)
                if not isinstance(obj, dict):
                    raise InputError(where, f"expected a JSON object, got {type(obj).__name__}")
                text, html = obj.get("text"), obj.get("html")
                if not isinstance(text, str) and not isinstance(html, str):
                    raise InputError(where, "no 'text' (or 'html') string field")
                rid = obj.get("id")
                rid = display_name(str(rid)) if isinstance(rid, (str, int)) and str(rid).strip() \
                    else f"{stem}-{lineno}"
                url = obj.get("url") if isinstance(obj.get("url"), str) else None
                title = obj.get("title") if isinstance(obj.get("title"), str) else None
                published = _parse_published(obj.get("published"), where)
                if isinstance(text, str):
                    yield parse_release(text, release_id=rid, source_file=file_name, url=url,
                                        published=published, title=title)
                else:
                    yield release_from_html(html, where, rid, file_name, url, published, title)
            except UnicodeDecodeError as e:
                yield DecodeError(where, f"not UTF-8 (invalid byte at {e.start})")
            except json.JSONDecodeError as e:
                yield InputError(where, f"not valid JSON ({e.msg} at column {e.colno})")
            except RecursionError:
                yield InputError(where, "not valid JSON (nested too deeply)")
            except InputError as e:
                yield e if e.source == where else relabel(e, where)


def read_path(path: Path) -> Iterator[Release | InputError]:
    """The releases in one file: a .txt/.html/.htm file is one, a .jsonl file one per line, a web archive
    (.warc, .warc.gz) one per page (:mod:`diplograph.warc`)."""
    path = Path(path)
    shown = display_name(str(path))
    try:
        st = path.stat()
    except OSError as e:
        yield InputError(shown, f"cannot read ({e.strerror or e})")
        return
    if not stat.S_ISREG(st.st_mode):
        yield InputError(shown, "not a regular file")
        return
    suffix = path.suffix.lower()
    if is_archive(path):
        yield from read_archives([path])
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path)
            return
        if st.st_size > MAX_FILE_BYTES:
            yield InputError(shown, too_large(st.st_size))
            return
        data = path.read_bytes()
    except OSError as e:
        yield InputError(shown, f"cannot read ({e.strerror or e})")
        return
    try:
        release = read_bytes(data, str(path), html=suffix in (".html", ".htm"), release_id=path.stem)
    except InputError as e:
        yield e
    else:
        yield release


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path | str]:
    """Input files under ``paths`` in a deterministic order, and a note for each file skipped.

    Directories are walked depth-first in name order; hidden entries (".git")
    are passed over silently; resolved directories are remembered so symlink
    loops end, and a file reached twice is read once.  A named path that does
    not exist is yielded anyway: reading it gives the InputError.
    """
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    for top in paths:
        stack: list[tuple[Path, bool]] = [(Path(top), True)]
        while stack:
            path, named = stack.pop()
            try:
                is_dir = path.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                real = os.path.realpath(path)
                if real in seen_dirs:
                    continue
                seen_dirs.add(real)
                try:
                    children = sorted(path.iterdir(), key=lambda p: p.name)
                except OSError as e:
                    yield f"skipped {display_name(str(path))}: cannot list directory ({e.strerror or e})"
                    continue
                stack.extend((c, False) for c in reversed(children) if not c.name.startswith("."))
            elif path.suffix.lower() in INPUT_SUFFIXES or is_archive(path) or (named and not path.exists()):
                real = os.path.realpath(path)
                if real not in seen_files:
                    seen_files.add(real)
                    yield path
            else:
                yield f"skipped {display_name(str(path))}: not a .txt/.html/.htm/.jsonl/.warc/.warc.gz file"
