"""Where release addresses come from: source specifications, feeds, sitemaps and listing pages.

The parsers are pure functions of a page's bytes (no network), so each can be
tested on a page written by hand. :func:`resolve` turns what the user typed —
``feed:URL``, ``sitemap:URL``, ``listing:URL``, a page URL, ``@FILE`` or the
name of a source in a sources file — into :class:`Source` values, or raises a
:class:`~diplograph.errors.DiplographError` naming what is wrong with it.

Sources files are TOML, one table per source (see the shipped
``sources.toml``)::

    [thaigov-th]
    title = "Royal Thai Government news, Thai"
    urls = ["feed:https://www.thaigov.go.th/rss/"]
    match = 'thaigov\\.go\\.th/news/contents/details/\\d+'
    verified = false
    seen = "where each address was seen"
"""

from __future__ import annotations

import re
import time
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DiplographError
from ..urls import absolute, normalize_url

__all__ = ["Link", "Source", "NamedSource", "feed_links", "sitemap_links", "listing_links", "named_sources",
           "resolve", "DiscoverError"]

KINDS = ("feed", "sitemap", "listing")
DEFAULT_PAGES = 5


class DiscoverError(Exception):
    """A feed, sitemap or listing page that cannot be read as one."""


@dataclass(frozen=True)
class Link:
    url: str
    date: date | None = None


@dataclass(frozen=True)
class Source:
    """One place to collect from: ``kind`` is feed, sitemap, listing or page."""

    kind: str
    url: str
    name: str
    match: re.Pattern | None = None
    next: re.Pattern | None = None
    pages: int = DEFAULT_PAGES

    def keeps(self, url: str) -> bool:
        return self.match is None or self.match.search(url) is not None


@dataclass(frozen=True)
class NamedSource:
    name: str
    title: str
    urls: tuple[str, ...]
    match: str | None = None
    next: str | None = None
    pages: int | None = None
    verified: bool = False
    seen: str = ""


# ---------------------------------------------------------------------- parsers

def feed_links(data: bytes, base: str) -> list[Link]:
    """The entry links of an RSS or Atom feed, relative links resolved against ``base``."""
    import feedparser

    parsed = feedparser.parse(data, response_headers={"content-location": base})
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        cause = parsed.get("bozo_exception")
        raise DiscoverError("not an RSS or Atom feed" + (f" ({' '.join(str(cause).split())[:120]})" if cause else ""))
    links = []
    for entry in parsed.entries:
        href = entry.get("link") or next((x.get("href") for x in entry.get("links", []) if x.get("href")), None)
        url = absolute(base, href or "")
        if url is None:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        links.append(Link(url, date(*stamp[:3]) if isinstance(stamp, time.struct_time) else None))
    return links


def _xml_root(data: bytes):
    from lxml import etree

    if data[:2] == b"\x1f\x8b":  # a .xml.gz sitemap served as is
        import zlib

        try:
            d = zlib.decompressobj(47)
            data = d.decompress(data, 50 * 1024 * 1024)
        except zlib.error as exc:
            raise DiscoverError(f"not a gzip sitemap ({exc})") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DiscoverError(f"not XML ({' '.join(str(exc).split())[:120]})") from None


def _lastmod(text: str | None) -> date | None:
    try:
        return date.fromisoformat((text or "").strip()[:10])
    except ValueError:
        return None


def sitemap_links(data: bytes, base: str) -> tuple[list[Link], list[Link]]:
    """(pages, child sitemaps) of a sitemap or a sitemap index, with their ``lastmod`` dates."""
    root = _xml_root(data)
    kind = root.tag.rsplit("}", 1)[-1] if isinstance(root.tag, str) else ""
    if kind not in ("urlset", "sitemapindex"):
        raise DiscoverError(f"not a sitemap (its root element is <{kind}>)")
    child = "url" if kind == "urlset" else "sitemap"
    found = []
    for item in root:
        if not isinstance(item.tag, str) or item.tag.rsplit("}", 1)[-1] != child:
            continue
        loc = lastmod = None
        for part in item:
            tag = part.tag.rsplit("}", 1)[-1] if isinstance(part.tag, str) else ""
            if tag == "loc":
                loc = (part.text or "").strip()
            elif tag == "lastmod":
                lastmod = part.text
        url = absolute(base, loc or "")
        if url is not None:
            found.append(Link(url, _lastmod(lastmod)))
    return (found, []) if kind == "urlset" else ([], found)


def listing_links(data: bytes, base: str, match: re.Pattern | None,
                  next_re: re.Pattern | None) -> tuple[list[str], list[str]]:
    """(release links, next-page links) of an HTML listing page, in page order.

    Release links are those matching ``match``; next pages are ``rel="next"``
    links and, with ``next_re``, links matching it.
    """
    import lxml.html

    from ..sources import decode_bytes
    from ..errors import InputError

    try:
        text = decode_bytes(data, base)
    except InputError:
        text = data.decode("utf-8", "replace")
    try:
        doc = lxml.html.document_fromstring(text)
        doc.make_links_absolute(base, resolve_base_href=True, handle_failures="discard")
    except (ValueError, TypeError) as exc:
        raise DiscoverError(f"not an HTML page ({exc})") from None
    except Exception as exc:  # noqa: BLE001 — lxml's parser errors on hostile markup
        raise DiscoverError(f"not an HTML page ({type(exc).__name__})") from None
    releases: dict[str, None] = {}
    nexts: dict[str, None] = {}
    for el in doc.iter("a", "link"):
        url = absolute(base, el.get("href") or "")
        if url is None:
            continue
        rel = (el.get("rel") or "").lower().split()
        if "next" in rel or (next_re is not None and next_re.search(url)):
            nexts[url] = None
        elif el.tag == "a" and match is not None and match.search(url):
            releases[url] = None
    return list(releases), list(nexts)


# ----------------------------------------------------------------- named sources

@lru_cache(maxsize=8)
def _load(path: str | None) -> dict[str, NamedSource]:
    try:
        if path is None:
            text = resources.files("diplograph.collect").joinpath("sources.toml").read_text(encoding="utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise DiplographError(f"{path}: cannot read the sources file ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DiplographError(f"{path or 'sources.toml'}: not a valid TOML sources file ({exc})") from None
    found = {}
    for name, table in data.items():
        where = f"{path or 'sources.toml'}: [{name}]"
        if not isinstance(table, dict) or not isinstance(table.get("urls"), list) or not table["urls"]:
            raise DiplographError(f"{where}: needs urls = [\"feed:…\", …]")
        for key in ("match", "next"):
            if table.get(key) is not None:
                _regex(str(table[key]), f"{where} {key}")
        found[name] = NamedSource(
            name=name, title=str(table.get("title", name)), urls=tuple(str(u) for u in table["urls"]),
            match=table.get("match"), next=table.get("next"), pages=table.get("pages"),
            verified=bool(table.get("verified", False)), seen=str(table.get("seen", "")))
    return found


def named_sources(path: Path | None = None) -> dict[str, NamedSource]:
    """The sources of a sources file (the shipped one when ``path`` is None)."""
    return dict(_load(str(path) if path is not None else None))


def _regex(text: str, what: str) -> re.Pattern:
    try:
        return re.compile(text)
    except re.error as exc:
        raise DiplographError(f"{what}: not a valid regular expression ({exc})") from None


def resolve(specs: list[str], *, sources_file: Path | None = None, match: str | None = None,
            next_re: str | None = None, pages: int | None = None) -> tuple[list[Source], list[str]]:
    """What the user named, as sources; and notes (a named source that is not verified).

    With no ``specs`` and a ``sources_file``, every source in that file.
    """
    match_re = _regex(match, "--match") if match else None
    next_pat = _regex(next_re, "--next") if next_re else None
    own = named_sources(sources_file) if sources_file is not None else {}
    shipped = named_sources()
    if not specs and own:
        specs = list(own)
    sources: list[Source] = []
    notes: list[str] = []
    for spec in specs:
        spec = spec.strip()
        named = own.get(spec) or shipped.get(spec)
        if named is not None:
            if not named.verified:
                notes.append(f"source {named.name} is not verified: its addresses were last seen as "
                             f"{named.seen or 'noted in the sources file'}; check them if nothing is found")
            nm = _regex(named.match, f"[{named.name}] match") if named.match else match_re
            nx = _regex(named.next, f"[{named.name}] next") if named.next else next_pat
            for url in named.urls:
                for source in _one(url, match=nm, next_re=nx, pages=named.pages or pages):
                    sources.append(Source(source.kind, source.url, named.name, source.match, source.next,
                                          source.pages))
            continue
        sources.extend(_one(spec, match=match_re, next_re=next_pat, pages=pages))
    return sources, notes


def _one(spec: str, *, match: re.Pattern | None, next_re: re.Pattern | None, pages: int | None,
         nested: bool = False) -> list[Source]:
    if spec.startswith("@") and not nested:
        path = Path(spec[1:])
        try:
            lines = path.read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise DiplographError(f"{spec}: cannot read the list of addresses "
                                  f"({getattr(exc, 'strerror', None) or exc})") from None
        out = []
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if line and not line.startswith("#"):
                try:
                    out.extend(_one(line, match=match, next_re=next_re, pages=pages, nested=True))
                except DiplographError as exc:
                    raise DiplographError(f"{path}:{number}: {exc}") from None
        return out
    kind, sep, rest = spec.partition(":")
    if sep and kind in KINDS:
        url = normalize_url(rest)
        if url is None:
            raise DiplographError(f"{spec}: not an http(s) address after {kind}:")
        if kind == "listing" and match is None:
            raise DiplographError(f"{spec}: a listing needs --match REGEX (which links are releases)")
        return [Source(kind, url, spec, match, next_re, pages or DEFAULT_PAGES)]
    url = normalize_url(spec)
    if url is None:
        raise DiplographError(f"{spec}: not a source (use feed:URL, sitemap:URL, listing:URL, a page URL, "
                              f"@FILE or a named source: {', '.join(sorted(named_sources()))})")
    return [Source("page", url, spec, match, next_re, pages or DEFAULT_PAGES)]
