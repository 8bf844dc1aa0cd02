"""The collector's pure parts: addresses, release ids, feeds, sitemaps, listings, source specifications."""

from __future__ import annotations

import gzip
import re
from datetime import date
from pathlib import Path

import pytest

from collect_site import listing, rss, sitemap
from diplograph.collect.discover import (DiscoverError, feed_links, listing_links, named_sources, resolve,
                                         sitemap_links)
from diplograph.errors import DiplographError
from diplograph.urls import normalize_url, release_id_for_url


@pytest.mark.parametrize("url, expected", [
    ("HTTP://Example.ORG:80/a/../b/?utm_source=x&b=2&a=1#top", "http://example.org/b/?a=1&b=2"),
    ("https://www.thaigov.go.th/news/contents/details/35541?fbclid=abc", "https://www.thaigov.go.th/news/contents/details/35541"),
    ("http://127.0.0.1:8080/x?id=3&utm_medium=rss", "http://127.0.0.1:8080/x?id=3"),  # an explicit port is kept
    ("https://www.mfa.go.th/th/content/ข่าว?cate=1", "https://www.mfa.go.th/th/content/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7?cate=1"),
    ("http://example.org", "http://example.org/"),
    ("ftp://example.org/a", None),
    ("javascript:alert(1)", None),
    ("http://example.org:notaport/a", None),
])
def test_normalize_url(url: str, expected: str | None) -> None:
    assert normalize_url(url) == expected
    if expected:
        assert normalize_url(expected) == expected  # idempotent


def test_release_id_is_the_normalised_address_without_scheme() -> None:
    rid = release_id_for_url("https://www.thaigov.go.th/news/contents/details/35541?utm_source=fb#top")
    assert rid == "www.thaigov.go.th/news/contents/details/35541"
    assert release_id_for_url("http://www.thaigov.go.th/news/contents/details/35541") == rid
    assert "/" in release_id_for_url("http://example.org")  # never a file stem
    assert release_id_for_url("mailto:a@b.c") is None


def test_feed_relative_links_and_dates() -> None:
    data = rss([("/news/1", "Tue, 29 Sep 2020 10:00:00 GMT"), ("news/2?utm_source=rss", None),
                ("https://other.example/3", None)]).encode()
    links = feed_links(data, "http://127.0.0.1:9/feeds/th.xml")
    assert [link.url for link in links] == ["http://127.0.0.1:9/news/1", "http://127.0.0.1:9/feeds/news/2",
                                            "https://other.example/3"]
    assert links[0].date == date(2020, 9, 29) and links[1].date is None


def test_atom_feed() -> None:
    data = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
    <entry><title>a</title><link href="/en/content/a"/><updated>2024-01-02T00:00:00Z</updated></entry></feed>"""
    (link,) = feed_links(data, "https://www.mfa.go.th/feed")
    assert link.url == "https://www.mfa.go.th/en/content/a" and link.date == date(2024, 1, 2)


def test_not_a_feed() -> None:
    with pytest.raises(DiscoverError, match="not an RSS or Atom feed"):
        feed_links(b"<html><body><p>Maintenance</p></body></html>", "http://x/feed")


def test_sitemap_and_index() -> None:
    pages, children = sitemap_links(sitemap([("http://x/a", "2024-05-01"), ("/b", None)]).encode(), "http://x/s.xml")
    assert [(p.url, p.date) for p in pages] == [("http://x/a", date(2024, 5, 1)), ("http://x/b", None)]
    assert children == []
    pages, children = sitemap_links(sitemap([("http://x/s1.xml", "2024-01-01T10:00:00+07:00")], index=True).encode(),
                                    "http://x/index.xml")
    assert pages == [] and [(c.url, c.date) for c in children] == [("http://x/s1.xml", date(2024, 1, 1))]
    gz = gzip.compress(sitemap([("http://x/c", None)]).encode())
    assert [p.url for p in sitemap_links(gz, "http://x/s.xml.gz")[0]] == ["http://x/c"]


def test_sitemap_refuses_entities_and_non_sitemaps() -> None:
    evil = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x/&e;</loc></url></urlset>"""
    pages, _ = sitemap_links(evil, "http://x/s.xml")
    assert all("root:" not in p.url for p in pages)
    with pytest.raises(DiscoverError, match="not a sitemap"):
        sitemap_links(b"<html/>", "http://x/s.xml")
    with pytest.raises(DiscoverError, match="not XML"):
        sitemap_links(b"{}", "http://x/s.xml")


def test_listing_links_and_next_pages() -> None:
    page = listing(["/th/content/a?cate=1", "/th/content/b", "/about"], next_link="?p=2").encode()
    releases, nexts = listing_links(page, "http://x/th/page/news?menu=1", re.compile(r"/th/content/"), None)
    assert releases == ["http://x/th/content/a?cate=1", "http://x/th/content/b"]
    assert nexts == ["http://x/th/page/news?p=2"]
    plain = listing(["/th/content/c"], next_link="/th/page/news?p=3", rel_next=False).encode()
    assert listing_links(plain, "http://x/th/page/news", re.compile("content"), re.compile(r"[?&]p=\d+"))[1] == \
        ["http://x/th/page/news?p=3"]


def test_source_specifications(tmp_path: Path) -> None:
    listfile = tmp_path / "urls.txt"
    listfile.write_text("# releases\nhttp://x/a?utm_source=t\n\nfeed:http://x/feed.xml\n", encoding="utf-8")
    sources, notes = resolve(["feed:http://x/rss", "sitemap:http://x/s.xml", "http://x/page/1", f"@{listfile}",
                              "listing:http://x/list"], match="/page/")
    assert [(s.kind, s.url) for s in sources] == [
        ("feed", "http://x/rss"), ("sitemap", "http://x/s.xml"), ("page", "http://x/page/1"),
        ("page", "http://x/a"), ("feed", "http://x/feed.xml"), ("listing", "http://x/list")]
    assert notes == []
    with pytest.raises(DiplographError, match="listing needs --match"):
        resolve(["listing:http://x/list"])
    with pytest.raises(DiplographError, match="not a source"):
        resolve(["no-such-source"])
    with pytest.raises(DiplographError, match="not a valid regular expression"):
        resolve(["http://x/a"], match="(")
    with pytest.raises(DiplographError, match="cannot read the list"):
        resolve([f"@{tmp_path / 'missing.txt'}"])


def test_shipped_sources_are_marked_unverified() -> None:
    shipped = named_sources()
    assert {"thaigov-th", "thaigov-en", "mfa-th", "mfa-en"} <= set(shipped)
    for named in shipped.values():
        assert not named.verified and named.seen, named.name  # nobody here could check them
        assert all(u.split(":", 1)[0] in ("feed", "sitemap", "listing", "http", "https") for u in named.urls)
    sources, notes = resolve(["mfa-th"])
    assert sources and all(s.name == "mfa-th" and s.match is not None for s in sources)
    assert "not verified" in notes[0]


def test_own_sources_file(tmp_path: Path) -> None:
    own = tmp_path / "mine.toml"
    own.write_text('[local]\ntitle = "a test site"\nurls = ["feed:http://127.0.0.1:9/feed.xml"]\n'
                   "match = 'news/'\nverified = true\n", encoding="utf-8")
    sources, notes = resolve([], sources_file=own)
    assert [(s.kind, s.name, s.match.pattern) for s in sources] == [("feed", "local", "news/")]
    assert notes == []
    bad = tmp_path / "bad.toml"
    bad.write_text("[x]\nurls = 3\n", encoding="utf-8")
    with pytest.raises(DiplographError, match="needs urls"):
        resolve([], sources_file=bad)
