"""Collect press releases from the web into a WARC archive, politely, and remember what was collected.

    from diplograph.collect import CollectOptions, collect, resolve

    sources, notes = resolve(["feed:https://example.org/feed.xml"])
    for event in collect(sources, Path("archive"), CollectOptions(delay=2.0)):
        print(event.kind, event.url, event.message)

Modules: :mod:`.discover` (sources, feeds, sitemaps, listings), :mod:`.fetch`
(politeness, robots.txt, retries, redirects), :mod:`.archive` (WARC files that
are always whole), :mod:`.state` (what a directory remembers), :mod:`.run`
(one run). Reading archives back into releases is :mod:`diplograph.warc`'s job.
"""

from __future__ import annotations

from .archive import Archive, ArchiveLocked
from .discover import NamedSource, Source, named_sources, resolve
from .fetch import FetchError
from .run import DEFAULT_USER_AGENT, CollectEvent, CollectOptions, CollectSummary, collect

__all__ = ["Archive", "ArchiveLocked", "CollectEvent", "CollectOptions", "CollectSummary", "DEFAULT_USER_AGENT",
           "FetchError", "NamedSource", "Source", "collect", "named_sources", "resolve"]
