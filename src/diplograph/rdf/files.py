"""Reading the RDF files users give (``validate``, ``query --data``, ``viz``, ``network``, ``serve``).

A graph file may come from anyone, so reading one must cost no more than the file warrants and
must not reach out of the machine. Every command that reads a user's RDF file goes through
:func:`read_quads` (or :func:`load_store`, which fills an in-memory store from it):

* **Oxigraph's streaming parser**, never rdflib's. rdflib's Turtle parser held a 6.9 MB Turtle
  list (one collection of a million items) in 6.3 GB; Oxigraph streams it in about 30 MB.
  What a caller keeps of the quads is the caller's affair (``validate`` keeps only what the
  shapes look at).
* **No XML entities.** A DTD may declare entities that refer to other entities, which expand
  exponentially: a 572-byte RDF/XML file ("billion laughs") is gigabytes of text, and both
  Oxigraph's and rdflib's RDF/XML parsers expand it without limit (``validate`` ran for ever).
  Entities that do not nest still multiply (one 100 KB entity referred to 100 000 times), and
  an external entity would read another file. So an RDF/XML file that declares any entity is
  refused before it is parsed. Oxigraph reads RDF/XML as UTF-8 only and recognises
  ``<!ENTITY`` exactly, so looking for those bytes anywhere in the file finds every declaration
  it would expand (and, at worst, refuses a comment that quotes one).
* **No network.** A JSON-LD ``@context`` given as a URL would be fetched by rdflib (``validate``
  did, though no other command touches the network); Oxigraph has no document loader unless one
  is given, so it fails instead, and :func:`read_quads` says why. Oxigraph does not load
  external DTDs either.

Every failure is an :class:`~diplograph.errors.InputError` naming the file (exit 2 on the
command line).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError

FORMATS: dict[str, ox.RdfFormat] = {
    ".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES, ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD, ".json": ox.RdfFormat.JSON_LD, ".n3": ox.RdfFormat.N3,
}
_ENTITY = b"<!ENTITY"
_CHUNK = 1 << 20
# What Oxigraph says when a JSON-LD document needs a remote context (it has no loader to fetch one).
_REMOTE_CONTEXT = "LoadDocumentCallback"


def rdf_format(path: Path) -> ox.RdfFormat:
    """The format a file's extension names; an InputError for any other extension."""
    fmt = FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise InputError(str(path), f"unknown graph format {Path(path).suffix!r} (use {', '.join(sorted(FORMATS))})")
    return fmt


def read_quads(path: Path, fmt: ox.RdfFormat | None = None) -> Iterator[ox.Quad]:
    """The quads of an RDF file, streamed (triples come in the default graph).

    Relative IRIs resolve against the file's own ``file:`` URI, as rdflib did. The file is
    checked before the first quad comes, so a refused file yields nothing; a syntax error
    further on raises when the parser reaches it (after the quads before it).
    """
    path = Path(path)
    fmt = fmt or rdf_format(path)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    if fmt == ox.RdfFormat.RDF_XML:
        _refuse_entities(path)
    return _parsed(path, fmt)


def _parsed(path: Path, fmt: ox.RdfFormat) -> Iterator[ox.Quad]:
    try:
        yield from ox.parse(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
    except SyntaxError as exc:
        if _REMOTE_CONTEXT in str(exc):
            raise InputError(str(path), "its JSON-LD @context is a URL, and diplograph does not fetch anything "
                                        "while reading files; put the context in the file itself") from exc
        raise InputError(str(path), f"cannot parse: {_one_line(exc)}") from exc
    except (ValueError, OSError) as exc:
        raise InputError(str(path), f"cannot read: {_one_line(exc)}") from exc


def load_store(path: Path, store: ox.Store | None = None) -> ox.Store:
    """An in-memory store (or ``store``) holding the quads of an RDF file, read by :func:`read_quads`."""
    store = ox.Store() if store is None else store
    store.bulk_extend(read_quads(path))
    return store


def _refuse_entities(path: Path) -> None:
    """Refuse an RDF/XML file that declares XML entities (read in chunks: any size, little memory)."""
    try:
        with path.open("rb") as f:
            tail = b""
            while chunk := f.read(_CHUNK):
                if _ENTITY in tail + chunk:
                    raise InputError(str(path), "declares XML entities (<!ENTITY …> in its DTD), which diplograph "
                                                "does not expand: a few hundred bytes of them can expand to "
                                                "gigabytes; write the values out, or convert the file to Turtle")
                tail = chunk[-(len(_ENTITY) - 1):]
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from exc


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


__all__ = ["FORMATS", "load_store", "rdf_format", "read_quads"]
