"""``diplograph collect`` and ``diplograph track``: releases from the web into a web archive, and into a store."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from . import EXIT_INTERRUPTED, SINCE, _err, count, handle_errors, main
from .targets import open_target


def collect_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options ``collect`` and ``track`` share, written once."""
    from ..urls import DEFAULT_USER_AGENT

    options = [
        click.argument("specs", nargs=-1, metavar="[SOURCE]..."),
        click.option("-a", "--archive", required=True, type=click.Path(path_type=Path, file_okay=False),
                     help="Directory of the web archive (WARC files) and of what was collected."),
        click.option("--sources", "sources_file", type=click.Path(path_type=Path, exists=True, dir_okay=False),
                     help="A TOML file of named sources (with no SOURCE: all of them)."),
        click.option("--delay", type=click.FloatRange(0), default=2.0, show_default=True,
                     help="Least seconds between two requests to one host (a longer Crawl-delay wins)."),
        click.option("--max", "max_pages", type=click.IntRange(1), default=None,
                     help="Fetch at most N release pages in this run (the rest wait for the next)."),
        click.option("--since", type=SINCE, default=None,
                     help="Only entries dated on or after this date (2024: from its first day), where a feed "
                          "or sitemap gives dates."),
        click.option("--timeout", type=click.FloatRange(0.1), default=30.0, show_default=True,
                     help="Seconds to wait for a server before the request is retried."),
        click.option("--user-agent", default=DEFAULT_USER_AGENT, show_default=True),
        click.option("--refresh", is_flag=True,
                     help="Fetch again pages collected before, and feeds even if unchanged."),
        click.option("--match", default=None, help="Regular expression release addresses match (sitemaps, listings)."),
        click.option("--next", "next_re", default=None, help="Regular expression of a listing's next-page links."),
        click.option("--pages", type=click.IntRange(1), default=None, help="Listing pages to follow [default: 5]."),
        click.option("--retries", type=click.IntRange(0, 10), default=3, show_default=True,
                     help="Retries after a connection error, a timeout, 429 or 5xx."),
        click.option("--max-wait", type=click.FloatRange(0), default=120.0, show_default=True,
                     help="Give up on a server that asks to wait longer than this (Retry-After)."),
        click.option("-v", "--verbose", is_flag=True, help="A line for every page."),
        click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _prepare(specs, sources_file, match, next_re, pages, delay, max_pages, since, timeout, user_agent,  # noqa: ANN001
             refresh, retries, max_wait, verbose, quiet):  # noqa: ANN001, ANN202 - the two commands' shared options
    """What ``collect`` and ``track`` both start from: the sources, the fetch options, the renderer; notes said."""
    sources, notes = _resolve(specs, sources_file, match, next_re, pages)
    options = _options(delay, max_pages, since, timeout, user_agent, refresh, retries, max_wait)
    renderer = _Renderer(verbose, quiet)
    for note in notes:
        if not quiet:
            _err(f"note: {note}")
    return sources, options, renderer


def _resolve(specs: tuple[str, ...], sources_file: Path | None, match: str | None, next_re: str | None,
             pages: int | None):
    from ..collect import resolve

    if not specs and sources_file is None:
        raise click.UsageError("name at least one SOURCE (feed:URL, sitemap:URL, listing:URL, a page URL, @FILE "
                               "or a named source) or give --sources FILE")
    return resolve(list(specs), sources_file=sources_file, match=match, next_re=next_re, pages=pages)


def _options(delay, max_pages, since, timeout, user_agent, refresh, retries, max_wait):
    from ..collect import CollectOptions

    return CollectOptions(delay=delay, max_pages=max_pages, since=since,
                          timeout=timeout, user_agent=user_agent, refresh=refresh, retries=retries,
                          max_wait=max_wait)


class _Renderer:
    """Collection events as lines on standard error and a progress bar (when it is a terminal)."""

    PAGE_KINDS = ("fetched", "had", "robots", "not-html", "failed")

    def __init__(self, verbose: bool, quiet: bool) -> None:
        from ..collect import CollectSummary

        self.verbose, self.quiet = verbose, quiet
        self.summary = CollectSummary()
        self.progress = None
        self.task = None
        self.in_pages = False

    @contextmanager
    def live(self) -> Iterator[_Renderer]:
        if sys.stderr.isatty() and not self.quiet:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            with self.progress:
                self.task = self.progress.add_task("reading sources", total=None)
                yield self
            self.progress = None
        else:
            yield self

    def _line(self, text: str) -> None:
        if self.progress is not None:
            self.progress.console.print(text, markup=False, highlight=False)
        else:
            _err(text)

    def __call__(self, event) -> None:
        self.summary.add(event)
        if event.kind == "queued":
            self.in_pages = True
            if self.progress is not None:
                self.progress.update(self.task, description="collecting", total=event.count, completed=0)
            return
        if self.progress is not None and self.in_pages and event.kind in self.PAGE_KINDS:
            self.progress.advance(self.task)
        if event.kind == "failed":
            self._line(f"error: {event.url}: {event.message}" if event.url else f"error: {event.message}")
        elif self.quiet:
            return
        elif event.kind == "note":
            self._line(f"note: {event.message}")
        elif event.kind in ("robots", "not-html") or (self.verbose and event.kind in ("fetched", "had")):
            label = {"robots": "skipped (robots.txt)", "not-html": "skipped"}.get(event.kind, event.kind)
            self._line(f"{label}: {event.url}" + (f": {event.message}" if event.message else ""))
        elif self.verbose and event.kind in ("listed", "unchanged"):
            self._line(f"{event.kind}: {event.url}: {event.message}")


def _interrupted(renderer: _Renderer) -> None:
    _err(f"interrupted: {count(renderer.summary['fetched'], 'page')} collected and kept; run the same command again "
         "to go on where it stopped")
    sys.exit(EXIT_INTERRUPTED)


@main.command()
@collect_options
@handle_errors
def collect(specs: tuple[str, ...], archive: Path, sources_file: Path | None, delay: float, max_pages: int | None,
            since, timeout: float, user_agent: str, refresh: bool, match: str | None, next_re: str | None,
            pages: int | None, retries: int, max_wait: float, verbose: bool, quiet: bool) -> None:
    """Fetch release pages from SOURCEs into a web archive (WARC files in --archive DIR).

    A SOURCE is feed:URL (RSS or Atom), sitemap:URL (a sitemap or sitemap
    index), listing:URL (an HTML listing; --match picks the release links,
    rel="next" or --next the next pages), a release page URL, @FILE (one a
    line), or a named source (thaigov-th, thaigov-en, mfa-th, mfa-en — their
    addresses are unverified — or one of --sources FILE). robots.txt is obeyed;
    pages collected before are not fetched again. Exit 0 ran (nothing new is
    fine), 1 some addresses failed, 2 nothing could be done.
    """
    from ..collect import collect as run_collect

    sources, options, renderer = _prepare(specs, sources_file, match, next_re, pages, delay, max_pages, since,
                                          timeout, user_agent, refresh, retries, max_wait, verbose, quiet)
    try:
        with renderer.live():
            for event in run_collect(sources, archive, options):
                renderer(event)
    except KeyboardInterrupt:
        _interrupted(renderer)
    click.echo(f"{archive}: {renderer.summary.line()}")
    sys.exit(renderer.summary.exit_code)


@main.command()
@collect_options
@click.option("--store", type=click.Path(path_type=Path, file_okay=False), metavar="PATH",
              help="The embedded store's directory (or DIPLOGRAPH_STORE).")
@click.option("--endpoint", metavar="URL", help="A SPARQL 1.1 server's query URL instead (or DIPLOGRAPH_ENDPOINT).")
@click.option("--update-url", metavar="URL", help="The server's SPARQL Update URL (default: guessed).")
@click.option("--gsp-url", metavar="URL", help="The server's Graph Store Protocol URL (default: guessed).")
@click.option("--allow-invalid", is_flag=True, help="Store releases whose graphs violate the shapes too.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Worker processes for the ingest.")
@handle_errors
def track(specs: tuple[str, ...], archive: Path, sources_file: Path | None, delay: float, max_pages: int | None,
          since, timeout: float, user_agent: str, refresh: bool, match: str | None, next_re: str | None,
          pages: int | None, retries: int, max_wait: float, verbose: bool, quiet: bool, store: Path | None,
          endpoint: str | None, update_url: str | None, gsp_url: str | None, allow_invalid: bool,
          jobs: int) -> None:
    """Collect from SOURCEs into --archive DIR, ingest what the store has not had, print what changed.

    Meant for cron or a systemd timer. Every new release, new event and
    agreement whose status moved is one line on standard output, then a
    summary. Exit 0 the run went through (nothing new is 0 too), 1 some
    addresses or releases failed or were held back, 2 nothing could be done.
    """
    from ..collect import CollectEvent
    from ..ingest import Event
    from ..track import TrackResult
    from ..track import track as run_track
    from .store import _render

    sources, options, renderer = _prepare(specs, sources_file, match, next_re, pages, delay, max_pages, since,
                                          timeout, user_agent, refresh, retries, max_wait, verbose, quiet)
    result = None
    with open_target(store=store, endpoint=endpoint, update_url=update_url, gsp_url=gsp_url, timeout=60.0,
                     write=True) as target:
        key = str(Path(store).resolve()) if store is not None else (endpoint or target.describe())
        try:
            with renderer.live():
                for item in run_track(sources, archive, target, key, options, allow_invalid=allow_invalid,
                                      jobs=jobs):
                    if isinstance(item, CollectEvent):
                        renderer(item)
                    elif isinstance(item, Event):
                        _render(item, verbose=verbose, quiet=quiet)
                    elif isinstance(item, TrackResult):
                        result = item
        except KeyboardInterrupt:
            _interrupted(renderer)
    assert result is not None
    for line in result.changes.lines():
        click.echo(line)
    click.echo(f"{archive}: {result.collected.line()}; {count(len(result.ingested_files), 'archive file')} ingested: "
               f"{result.changes.line()}")
    sys.exit(result.exit_code)
