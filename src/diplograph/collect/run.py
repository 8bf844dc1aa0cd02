"""One collection run: read the sources, queue the release addresses they list, fetch and archive them.

:func:`collect` yields a :class:`CollectEvent` for everything that happens and
never prints, so the CLI renders a progress bar and a notebook can count. The
order of work:

1. **Discovery.** Each feed, sitemap (and sitemap index) and listing (and its
   next pages, loops ended) is fetched — conditionally, with the ETag and
   Last-Modified of the last run unless ``refresh`` — and the release
   addresses it lists (``match``, ``since``) are queued in the state, in the
   same transaction as the validators.
2. **Pages.** Queued addresses — this run's and any a killed or failed run
   left — are fetched, hosts taken in turn so one slow host does not hold the
   others up; each page is committed (archive synced, then state) before it is
   reported. A page that redirects to an address already collected counts as
   collected and is not fetched again.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..wording import count
from ..sources import MAX_FILE_BYTES
from ..tally import Tally
from ..urls import DEFAULT_USER_AGENT, host_of
from ..warc import PAGE_TYPES as READ_TYPES
from .archive import Archive
from .discover import (
    DiscoverError,
    Link,
    Source,
    feed_links,
    listing_links,
    sitemap_links,
)
from .fetch import Exchange, Fetcher, FetchError
from .state import State

__all__ = ["CollectEvent", "CollectOptions", "CollectSummary", "DEFAULT_USER_AGENT", "collect"]

PAGE_TYPES = READ_TYPES | {""}  # what the archive reader takes as a page, and a reply that names no type
MAX_SITEMAPS = 1000  # sitemaps read from one sitemap index


@dataclass(frozen=True)
class CollectOptions:
    delay: float = 2.0
    max_pages: int | None = None
    since: date | None = None
    timeout: float = 30.0
    user_agent: str = DEFAULT_USER_AGENT
    refresh: bool = False
    retries: int = 3
    backoff: float = 1.0
    max_wait: float = 120.0
    max_bytes: int = MAX_FILE_BYTES


@dataclass(frozen=True)
class CollectEvent:
    """``kind``: fetched, had, robots, not-html, failed (a page or a source), listed (a source read:
    ``count`` addresses), unchanged (a source answered 304), queued (``count`` pages to fetch), note."""

    kind: str
    url: str | None = None
    message: str = ""
    count: int = 0


@dataclass
class CollectSummary(Tally):
    archives: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 ran (nothing new is fine); 1 some addresses failed; 2 nothing could be done at all."""
        if not self["failed"]:
            return 0
        worked = sum(self[k] for k in ("fetched", "had", "robots", "not-html", "listed", "unchanged"))
        return 1 if worked else 2

    def line(self) -> str:
        return (f"{self['fetched']} fetched, {self['robots']} skipped by robots.txt, {self['not-html']} not HTML, "
                f"{self['failed']} failed, {self['had']} already had")


def _from(source: Source) -> str:
    """`` (source NAME)`` for a named source, so a message says which one; nothing for a typed-in address."""
    return "" if source.name.endswith(source.url) or source.kind == "page" else f" (source {source.name})"


def _page_type(exchange: Exchange) -> str | None:
    """Why a 2xx answer is not a release page (its body is then not read), or None."""
    kind = exchange.content_type
    return None if kind in PAGE_TYPES else f"not HTML ({kind})"


def collect(sources: Sequence[Source], directory: Path, options: CollectOptions | None = None, *,
            archive_sink: Callable[[list[str]], None] | None = None, **fetcher_args) -> Iterator[CollectEvent]:
    """Collect ``sources`` into the archive directory; what happened, as events.

    ``archive_sink`` receives the names of the archive files sealed by the run
    (and by the recovery of a killed one) when the run ends. ``fetcher_args``
    (``transport``, ``sleep``, ``clock``) are for tests.
    """
    options = options or CollectOptions()
    archive = Archive.open(directory)
    try:
        with Fetcher(user_agent=options.user_agent, delay=options.delay, timeout=options.timeout,
                     retries=options.retries, backoff=options.backoff, max_wait=options.max_wait,
                     max_bytes=options.max_bytes, on_exchange=archive.write, **fetcher_args) as fetcher:
            run = _Run(archive, fetcher, options)
            for source in sources:
                yield from run.discover(source)
            yield from run.fetch_pages()
    finally:
        archive.close()
        if archive_sink is not None:
            archive_sink(list(archive.sealed))


class _Run:
    def __init__(self, archive: Archive, fetcher: Fetcher, options: CollectOptions) -> None:
        self.archive = archive
        self.state: State = archive.state
        self.fetcher = fetcher
        self.options = options
        self.seen: set[str] = set()  # addresses already counted this run

    # ------------------------------------------------------------------ discovery

    def discover(self, source: Source) -> Iterator[CollectEvent]:
        if source.kind == "page":
            yield from self._queue(source, [Link(source.url)], {})
            return
        reader = {"feed": self._feed, "sitemap": self._sitemap, "listing": self._listing}[source.kind]
        yield from reader(source)

    def _get(self, source: Source, url: str, role: str) -> tuple[Exchange | None, CollectEvent | None]:
        """A feed, sitemap or listing page, conditionally; (the 2xx exchange, or None and the event why not)."""
        headers = {} if self.options.refresh else self.state.validators(url)
        try:
            followed = self.fetcher.follow(url, role, headers=headers)
        except FetchError as exc:
            self._commit_only()
            return None, CollectEvent("failed", url, exc.cause + _from(source))
        final = followed.final
        if followed.stopped == "robots":
            self._commit_only()
            return None, CollectEvent("robots", followed.stopped_at, "robots.txt disallows it" + _from(source))
        if final is not None and final.status == 304:
            self._commit_only()
            return None, CollectEvent("unchanged", url, "not changed since the last run" + _from(source))
        if final is None or not 200 <= final.status < 300:
            self._commit_only()
            status = f"HTTP {final.status} {final.reason}".rstrip() if final is not None else "no answer"
            return None, CollectEvent("failed", url, status + _from(source))
        return final, None

    def _validators(self, url: str, exchange: Exchange) -> dict[str, tuple[str | None, str | None]]:
        return {url: (exchange.header("etag"), exchange.header("last-modified"))}

    def _feed(self, source: Source) -> Iterator[CollectEvent]:
        exchange, event = self._get(source, source.url, "feed")
        if exchange is None:
            yield event
            return
        try:
            links = feed_links(exchange.body, exchange.url)
        except DiscoverError as exc:
            self._commit_only()
            yield CollectEvent("failed", source.url, str(exc) + _from(source))
            return
        yield from self._queue(source, links, self._validators(source.url, exchange))

    def _sitemap(self, source: Source) -> Iterator[CollectEvent]:
        todo, visited = deque([source.url]), {source.url}
        while todo:
            url = todo.popleft()
            exchange, event = self._get(source, url, "sitemap")
            if exchange is None:
                yield event
                continue
            try:
                pages, children = sitemap_links(exchange.body, exchange.url)
            except DiscoverError as exc:
                self._commit_only()
                yield CollectEvent("failed", url, str(exc) + _from(source))
                continue
            for child in children:
                if child.url not in visited and len(visited) < MAX_SITEMAPS and self._recent(child):
                    visited.add(child.url)
                    todo.append(child.url)
            yield from self._queue(source, pages, self._validators(url, exchange))

    def _listing(self, source: Source) -> Iterator[CollectEvent]:
        url: str | None = source.url
        visited: set[str] = set()
        while url is not None and len(visited) < source.pages:
            visited.add(url)
            exchange, event = self._get(source, url, "listing")
            if exchange is None:
                yield event
                return
            try:
                links, nexts = listing_links(exchange.body, exchange.url, source.match, source.next)
            except DiscoverError as exc:
                self._commit_only()
                yield CollectEvent("failed", url, str(exc) + _from(source))
                return
            yield from self._queue(source, [Link(u) for u in links], self._validators(url, exchange))
            url = next((u for u in nexts if u not in visited), None)

    def _recent(self, link: Link) -> bool:
        return self.options.since is None or link.date is None or link.date >= self.options.since

    def _queue(self, source: Source, links: list[Link],
               validators: dict[str, tuple[str | None, str | None]]) -> Iterator[CollectEvent]:
        """Queue the release addresses of one answer, and save its validators, in one commit."""
        kept = [link.url for link in links if source.keeps(link.url) and self._recent(link)]
        kept = list(dict.fromkeys(kept))
        had = []
        with self.archive.commit() as state:
            fresh = []
            for url in kept:
                if not self.options.refresh and state.collected_as(url) is not None:
                    had.append(url)
                else:
                    fresh.append(url)
            state.add_pending(fresh, source.name, refresh=self.options.refresh)
            for url, (etag, modified) in validators.items():
                state.set_validators(url, etag, modified)
        if source.kind != "page":
            yield CollectEvent("listed", source.url, f"{len(kept)} release addresses{_from(source)}", len(kept))
        for url in had:
            if url not in self.seen:
                self.seen.add(url)
                yield CollectEvent("had", url)

    def _commit_only(self) -> None:
        with self.archive.commit():
            pass

    # ---------------------------------------------------------------------- pages

    def fetch_pages(self) -> Iterator[CollectEvent]:
        pending = [u for u in self.state.pending() if u not in self.seen]
        limit = self.options.max_pages
        yield CollectEvent("queued", None, "", len(pending) if limit is None else min(limit, len(pending)))
        hosts: dict[str, deque[str]] = {}
        for url in pending:
            hosts.setdefault(host_of(url), deque()).append(url)
        done = 0
        while hosts:
            if limit is not None and done >= limit:
                left = sum(len(q) for q in hosts.values())
                yield CollectEvent("note", None, f"--max {limit} reached: {count(left, 'page')} left for the next run")
                return
            host = min(hosts, key=lambda h: self.fetcher.ready_at(h + "/"))
            url = hosts[host].popleft()
            if not hosts[host]:
                del hosts[host]
            self.seen.add(url)
            done += 1
            yield self._page(url)

    def _page(self, url: str) -> CollectEvent:
        refresh = self.options.refresh
        try:
            block = self.fetcher.robots_block(url)
            if block:
                with self.archive.commit() as state:
                    state.mark(url, "robots", error=block)
                return CollectEvent("robots", url, block)
            followed = self.fetcher.follow(
                url, "release", want_body=_page_type,
                known=None if refresh else (lambda u: self.state.collected_as(u) is not None))
        except FetchError as exc:
            with self.archive.commit() as state:
                state.mark(url, "failed", error=exc.cause)
            return CollectEvent("failed", url, exc.cause)
        hops = [x.url for x in followed.chain]
        final = followed.final
        with self.archive.commit() as state:
            if followed.stopped == "known":
                target = state.collected_as(followed.stopped_at) or followed.stopped_at
                for hop in hops:
                    state.mark(hop, "redirect", target=target)
                return CollectEvent("had", url, f"redirects to {target}, collected already")
            if followed.stopped == "robots":
                state.mark(url, "robots", error=f"redirects to {followed.stopped_at}, which robots.txt disallows")
                return CollectEvent("robots", url, f"redirects to {followed.stopped_at}, which robots.txt disallows")
            assert final is not None
            for hop in hops[:-1]:
                state.mark(hop, "redirect", target=final.url)
            if final.skipped:
                state.mark(final.url, "not-html", error=final.skipped)
                return CollectEvent("not-html", url, final.skipped)
            if not 200 <= final.status < 300:
                cause = f"HTTP {final.status} {final.reason}".rstrip()
                state.mark(url, "failed", error=cause)
                return CollectEvent("failed", url, cause)
            state.mark(final.url, "collected", warc=self.archive.current)
        where = f" (from {url})" if final.url != url else ""
        return CollectEvent("fetched", final.url, f"{len(final.body):,} bytes{where}")
