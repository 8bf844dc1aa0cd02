"""What a collection directory remembers between runs, in one SQLite file beside the archives.

Why SQLite: every change is one transaction, so a ``kill -9`` leaves the state
as it was before or after a change, never half-written; lookups by address stay
fast with hundreds of thousands of pages; and it is in the standard library.
The file is ``.diplograph-collect.sqlite`` — hidden, and with an extension no
reader takes for a release.

Tables:

* ``pages``: every release address met, normalised — ``pending`` (to fetch),
  ``collected`` (archived, in which WARC file), ``redirect`` (it redirected to
  ``target``, itself collected), ``not-html``, ``failed`` (``tries`` runs so far;
  tried again by later runs until :data:`MAX_TRIES`), ``robots``.
* ``validators``: the ETag and Last-Modified of each feed, sitemap and listing,
  for conditional requests; saved with the addresses the answer listed, in one
  transaction, so a 304 never hides pages that were never fetched.
* ``warcs``: each archive file, ``open`` (being written, its committed length)
  or ``sealed``.
* ``ingested``: which sealed archive files ``diplograph track`` has put into
  which store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

__all__ = ["STATE_NAME", "MAX_TRIES", "State", "Page"]

STATE_NAME = ".diplograph-collect.sqlite"
MAX_TRIES = 3  # runs that try a failing page before it is given up (--refresh tries again)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY, status TEXT NOT NULL, target TEXT, warc TEXT, source TEXT,
    discovered TEXT, fetched TEXT, tries INTEGER NOT NULL DEFAULT 0, error TEXT, seq INTEGER);
CREATE INDEX IF NOT EXISTS pages_status ON pages(status);
CREATE TABLE IF NOT EXISTS validators (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
CREATE TABLE IF NOT EXISTS warcs (name TEXT PRIMARY KEY, state TEXT NOT NULL, length INTEGER NOT NULL,
    created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ingested (warc TEXT NOT NULL, store TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (warc, store));
"""


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Page:
    url: str
    status: str
    target: str | None
    warc: str | None
    tries: int
    source: str | None


class State:
    """The SQLite state of one collection directory (one writer: the caller holds the lock)."""

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / STATE_NAME
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(_SCHEMA)

    def close(self) -> None:
        self.db.close()

    def transaction(self) -> _Transaction:
        """``with state.transaction():`` — every statement inside commits together or not at all."""
        return _Transaction(self.db)

    # ---------------------------------------------------------------------- pages

    def page(self, url: str) -> Page | None:
        row = self.db.execute("SELECT url, status, target, warc, tries, source FROM pages WHERE url = ?",
                              (url,)).fetchone()
        return Page(*row) if row else None

    def collected_as(self, url: str) -> str | None:
        """The collected address ``url`` stands for (itself, or where it redirected), or None."""
        for _ in range(20):
            page = self.page(url)
            if page is None:
                return None
            if page.status == "collected":
                return url
            if page.status != "redirect" or not page.target:
                return None
            url = page.target
        return None

    def add_pending(self, urls: Iterable[str], source: str, *, refresh: bool = False) -> list[str]:
        """Queue addresses not collected yet (all of them with ``refresh``); the ones queued now."""
        queued = []
        seq = self.db.execute("SELECT COALESCE(MAX(seq), 0) FROM pages").fetchone()[0]
        for url in urls:
            page = self.page(url)
            if page is None:
                seq += 1
                self.db.execute("INSERT INTO pages (url, status, source, discovered, seq) VALUES (?, 'pending', ?, ?, ?)",
                                (url, source, now(), seq))
                queued.append(url)
            elif refresh and page.status != "pending":
                seq += 1
                self.db.execute("UPDATE pages SET status = 'pending', tries = 0, seq = ? WHERE url = ?", (seq, url))
                queued.append(url)
            elif page.status == "pending":
                queued.append(url)
        return queued

    def pending(self) -> list[str]:
        """Addresses to fetch, in the order they were found: new ones, and failed ones still worth a try."""
        rows = self.db.execute("SELECT url FROM pages WHERE status = 'pending' OR (status = 'failed' AND tries < ?)"
                               " ORDER BY seq", (MAX_TRIES,))
        return [r[0] for r in rows]

    def mark(self, url: str, status: str, *, target: str | None = None, warc: str | None = None,
             error: str | None = None) -> None:
        """Record what became of an address (inside the caller's transaction)."""
        tries = 1 if status == "failed" else 0
        self.db.execute(
            "INSERT INTO pages (url, status, target, warc, error, fetched, tries, discovered, seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM pages)) "
            "ON CONFLICT(url) DO UPDATE SET status = excluded.status, target = excluded.target, "
            "warc = COALESCE(excluded.warc, pages.warc), error = excluded.error, fetched = excluded.fetched, "
            "tries = CASE WHEN excluded.status = 'failed' THEN pages.tries + 1 ELSE pages.tries END",
            (url, status, target, warc, error, now(), tries, now()))

    # ----------------------------------------------------------------- validators

    def validators(self, url: str) -> dict[str, str]:
        row = self.db.execute("SELECT etag, last_modified FROM validators WHERE url = ?", (url,)).fetchone()
        headers = {}
        if row and row[0]:
            headers["If-None-Match"] = row[0]
        if row and row[1]:
            headers["If-Modified-Since"] = row[1]
        return headers

    def set_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        if etag or last_modified:
            self.db.execute("INSERT OR REPLACE INTO validators VALUES (?, ?, ?)", (url, etag, last_modified))
        else:
            self.db.execute("DELETE FROM validators WHERE url = ?", (url,))

    # ---------------------------------------------------------------------- warcs

    def warcs(self, state: str | None = None) -> list[tuple[str, str, int]]:
        query = "SELECT name, state, length FROM warcs"
        rows = self.db.execute(query + " WHERE state = ? ORDER BY name" if state else query + " ORDER BY name",
                               (state,) if state else ())
        return list(rows)

    def set_warc(self, name: str, state: str, length: int) -> None:
        self.db.execute("INSERT INTO warcs (name, state, length, created) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT(name) DO UPDATE SET state = excluded.state, length = excluded.length",
                        (name, state, length, now()))

    def drop_warc(self, name: str) -> None:
        self.db.execute("DELETE FROM warcs WHERE name = ?", (name,))

    # ------------------------------------------------------------------- ingested

    def ingested(self, store: str) -> set[str]:
        """The archive files ``store`` has had."""
        return {r[0] for r in self.db.execute("SELECT warc FROM ingested WHERE store = ?", (store,))}

    def set_ingested(self, names: Iterable[str], store: str) -> None:
        with self.transaction():
            for name in names:
                self.db.execute("INSERT OR REPLACE INTO ingested VALUES (?, ?, ?)", (name, store, now()))


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")
