"""Collecting from a local web site (127.0.0.1, never the internet): politeness, robustness, the archive."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from collect_site import Page, Site, listing, release_html, rss, sitemap
from diplograph.collect import CollectOptions, CollectSummary, collect, resolve
from diplograph.collect.state import State

REPO = Path(__file__).parent.parent
ENV = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))


def run_cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "diplograph", *args], env=ENV, capture_output=True, text=True,
                          timeout=timeout)


def news_site(site: Site) -> None:
    """A thaigov-like site: robots.txt, a feed (relative links, a duplicate with tracking parameters),
    release pages, a 301, a 503 with Retry-After, a PDF and a path robots.txt disallows."""
    site.routes["/robots.txt"] = Page("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.routes["/feed.xml"] = Page(rss([
        ("/news/contents/details/1001", "Tue, 29 Sep 2020 10:00:00 GMT"),
        ("news/contents/details/1002?utm_source=rss&utm_medium=feed", None),  # relative, tracking parameters
        ("/news/contents/details/1002", None),  # the same page again
        ("/old/1003", None),  # moved: 301
        ("/flaky/1004", None),  # 503 the first time
        ("/files/report.pdf", None),
        ("/private/1005", None),  # robots.txt disallows it
    ]), content_type="application/rss+xml")
    site.routes["/news/contents/details/1001"] = Page(release_html("d001"))
    site.routes["/news/contents/details/1002"] = Page(release_html("d002"), gzip=True)
    site.routes["/old/1003"] = Page("", status=301, headers={"Location": "/news/contents/details/1003"})
    site.routes["/news/contents/details/1003"] = Page(release_html("d003"))
    site.routes["/flaky/1004"] = lambda n: (Page("busy", status=503, headers={"Retry-After": "1"}) if n == 1
                                            else Page(release_html("d004")))
    site.routes["/files/report.pdf"] = Page(b"%PDF-1.4\n" + b"x" * 5000, content_type="application/pdf")
    site.routes["/private/1005"] = Page(release_html("d005"))


RELEASE_PATHS = ["/news/contents/details/1001", "/news/contents/details/1002", "/news/contents/details/1003",
                 "/flaky/1004"]


def run(sources: list[str], archive: Path, **options) -> CollectSummary:
    options.setdefault("delay", 0.05)
    options.setdefault("backoff", 0.05)
    summary = CollectSummary()
    specs, _ = resolve(sources, match=options.pop("match", None), next_re=options.pop("next_re", None),
                       pages=options.pop("pages", None))
    for event in collect(specs, archive, CollectOptions(**options)):
        summary.add(event)
    return summary


def test_acceptance_collect_then_again_then_ingest(tmp_path: Path) -> None:
    """The issue's acceptance, through the command line: every release the feed lists archived (503
    retried, 301 followed, PDF and robots-disallowed path skipped), never two requests closer than
    0.3 s; a second run fetches no release page; ingest stores the page URLs as schema:url."""
    archive, store = tmp_path / "A", tmp_path / "S"
    with Site() as site:
        news_site(site)
        done = run_cli("collect", f"feed:{site.url('/feed.xml')}", "--archive", str(archive), "--delay", "0.3")
        assert done.returncode == 0, done.stderr
        assert "4 fetched, 1 skipped by robots.txt, 1 not HTML, 0 failed, 0 already had" in done.stdout
        for path in RELEASE_PATHS:
            assert site.hits(path) >= 1, path
        assert site.hits("/flaky/1004") == 2  # the 503, then the page
        assert site.hits("/private/1005") == 0
        assert site.hits("/files/report.pdf") == 1  # headers read, body not
        assert min(site.gaps()) >= 0.3 - 0.01, site.gaps()  # the server's clock: 10 ms of scheduling slack

        site.log.clear()
        again = run_cli("collect", f"feed:{site.url('/feed.xml')}", "--archive", str(archive), "--delay", "0.3")
        assert again.returncode == 0, again.stderr
        assert {h.path for h in site.log} <= {"/robots.txt", "/feed.xml"}  # no release page again
        assert "0 fetched" in again.stdout and "4 already had" in again.stdout

    ingested = run_cli("ingest", str(archive), "--store", str(store))
    assert ingested.returncode == 0, ingested.stderr
    assert "4 stored" in ingested.stdout
    from diplograph.store import EmbeddedStore

    with EmbeddedStore.open(store) as s:
        rows = s.select("SELECT ?id ?url WHERE { GRAPH ?g { ?g <https://w3id.org/diplograph/ontology#releaseId> ?id ;"
                        " <https://schema.org/url> ?url } }").rows
    urls = sorted(r[1].value for r in rows)
    assert urls == sorted(site.url(p) for p in RELEASE_PATHS)
    assert sorted(r[0].value for r in rows) == sorted(site.url(p).split("://")[1] for p in RELEASE_PATHS)


def test_archive_reads_back_with_warcio(tmp_path: Path) -> None:
    from warcio.archiveiterator import ArchiveIterator

    with Site() as site:
        news_site(site)
        summary = run([f"feed:{site.url('/feed.xml')}"], tmp_path)
    assert summary["fetched"] == 4
    files = sorted(tmp_path.glob("*.warc.gz"))
    assert len(files) == 1 and not list(tmp_path.glob(".*.part"))
    records = []
    with open(files[0], "rb") as handle:
        for record in ArchiveIterator(handle):
            body = record.content_stream().read() if record.rec_type == "response" else b""
            records.append((record.rec_type, record.rec_headers.get_header("WARC-Target-URI"),
                            record.rec_headers.get_header("Diplograph-Role"),
                            record.http_headers.get_statuscode() if record.http_headers and record.rec_type == "response"
                            else None, body))
    assert records[0][0] == "warcinfo"
    pairs = [r for r in records if r[0] in ("request", "response")]
    assert len([r for r in pairs if r[0] == "request"]) == len([r for r in pairs if r[0] == "response"])
    responses = {(r[1], r[3]): r for r in records if r[0] == "response"}
    assert responses[(site.url("/old/1003"), "301")][2] == "release"  # each hop is its own pair
    assert (site.url("/flaky/1004"), "503") in responses and (site.url("/flaky/1004"), "200") in responses
    assert responses[(site.url("/robots.txt"), "200")][2] == "robots"
    assert responses[(site.url("/feed.xml"), "200")][2] == "feed"
    gz = responses[(site.url("/news/contents/details/1002"), "200")][4]
    assert gz.startswith(b"<!DOCTYPE html>")  # stored gzip-encoded as sent, decoded by any WARC reader
    assert not any(u == site.url("/files/report.pdf") for _, u, *_ in records)  # skipped before its body


def test_tracking_parameters_and_redirect_to_a_collected_page(tmp_path: Path) -> None:
    with Site() as site:
        site.routes["/robots.txt"] = Page("", status=404)
        site.routes["/a"] = Page(release_html("d001"))
        site.routes["/moved"] = Page("", status=302, headers={"Location": "/a?utm_campaign=x"})
        first = run([site.url("/a?utm_source=x"), site.url("/a?fbclid=1")], tmp_path)
        assert (first["fetched"], site.hits("/a")) == (1, 1)
        second = run([site.url("/moved")], tmp_path)
        assert second["had"] == 1 and second["fetched"] == 0
        assert site.hits("/a") == 1  # the redirect target was known: not fetched again
        third = run([site.url("/moved")], tmp_path)
        assert third["had"] == 1 and site.hits("/moved") == 1  # a known redirect costs no request
    state = State(tmp_path)
    assert state.collected_as(site.url("/moved")) == site.url("/a")
    state.close()


def test_retry_429_with_retry_after_date_and_give_up_on_long_waits(tmp_path: Path) -> None:
    from email.utils import formatdate

    with Site() as site:
        site.routes["/robots.txt"] = Page("", status=404)
        site.routes["/busy"] = lambda n: (Page("slow down", status=429,
                                               headers={"Retry-After": formatdate(time.time() + 2, usegmt=True)})
                                          if n == 1 else Page(release_html("d006")))
        site.routes["/closed"] = Page("", status=503, headers={"Retry-After": "3600"})
        site.routes["/broken"] = Page("oops", status=500)
        summary = run([site.url("/busy"), site.url("/closed"), site.url("/broken")], tmp_path, retries=2,
                      max_wait=30)
        assert summary["fetched"] == 1 and summary["failed"] == 2
        busy = [h.at for h in site.log if h.path == "/busy"]
        assert len(busy) == 2 and busy[1] - busy[0] >= 0.9  # waited for the date it gave (whole seconds)
        assert site.hits("/closed") == 1  # one hour asked: given up at once
        assert site.hits("/broken") == 3  # two retries
    assert summary.exit_code == 1


def test_slow_page_times_out_and_is_tried_again_next_run(tmp_path: Path) -> None:
    with Site() as site:
        site.routes["/robots.txt"] = Page("", status=404)
        site.routes["/slow"] = Page(release_html("d007"), delay=1.5)
        site.routes["/fast"] = Page(release_html("d008"))
        summary = run([site.url("/slow"), site.url("/fast")], tmp_path, timeout=0.3, retries=1)
        assert summary["failed"] == 1 and summary["fetched"] == 1
        assert site.hits("/slow") == 2  # the timeout retried once
        site.routes["/slow"] = Page(release_html("d007"))
        later = run([], tmp_path)  # no source: what failed is still queued
        assert later["fetched"] == 1


def test_windows_874_page(tmp_path: Path) -> None:
    with Site() as site:
        site.routes["/robots.txt"] = Page("", status=404)
        site.routes["/th/1"] = Page(release_html("d009", encoding="cp874"), content_type="text/html")
        assert run([site.url("/th/1")], tmp_path)["fetched"] == 1
    from diplograph.pipeline import build

    result = build([tmp_path])
    assert not result.errors and len(result.outcomes) == 1
    assert "ประชุม" in result.outcomes[0].facts.release.body or "ไทย" in result.outcomes[0].facts.release.body


def test_listing_pages_in_a_loop_end(tmp_path: Path) -> None:
    with Site() as site:
        site.routes["/robots.txt"] = Page("", status=404)
        site.routes["/list?p=1"] = Page(listing(["/content/a", "/content/b", "/about"], next_link="/list?p=2"))
        site.routes["/list?p=2"] = Page(listing(["/content/c", "/content/a"], next_link="/list?p=1"))  # back to 1
        for name, path in (("d010", "/content/a"), ("d011", "/content/b"), ("d012", "/content/c")):
            site.routes[path] = Page(release_html(name))
        summary = run([f"listing:{site.url('/list?p=1')}"], tmp_path, match="/content/", pages=10)
        assert summary["fetched"] == 3 and summary["listed"] == 2
        assert site.hits("/list?p=1") == 1 and site.hits("/list?p=2") == 1 and site.hits("/about") == 0


def test_sitemap_index_since_and_match(tmp_path: Path) -> None:
    with Site() as site:
        site.routes["/robots.txt"] = Page(f"User-agent: *\nAllow: /\nSitemap: {site.url('/sitemap.xml')}\n",
                                          content_type="text/plain")
        site.routes["/sitemap.xml"] = Page(sitemap([(site.url("/sitemap-2024.xml"), "2024-06-01"),
                                                    (site.url("/sitemap-2019.xml"), "2019-12-31")], index=True),
                                           content_type="application/xml")
        site.routes["/sitemap-2024.xml"] = Page(sitemap([
            (site.url("/news/1"), "2024-05-01"), (site.url("/news/2"), "2023-01-01"),
            (site.url("/about"), "2024-05-01"), (site.url("/news/3"), None)]), content_type="application/xml")
        for name, path in (("d013", "/news/1"), ("d014", "/news/3")):
            site.routes[path] = Page(release_html(name))
        summary = run([f"sitemap:{site.url('/sitemap.xml')}"], tmp_path, match=r"/news/\d+$",
                      since=__import__("datetime").date(2024, 1, 1))
        assert summary["fetched"] == 2
        assert site.hits("/sitemap-2019.xml") == 0 and site.hits("/news/2") == 0 and site.hits("/about") == 0


def test_conditional_requests_for_feeds(tmp_path: Path) -> None:
    with Site() as site:
        site.routes["/robots.txt"] = Page("", status=404)
        feed = Page(rss([("/n/1", None)]), content_type="application/rss+xml",
                    headers={"ETag": '"v1"', "Last-Modified": "Tue, 01 Oct 2024 00:00:00 GMT"})

        def route(_n: int) -> Page:
            last = site.log[-1].headers
            return Page("", status=304, content_type="") if last.get("If-None-Match") == '"v1"' else feed

        site.routes["/feed.xml"] = route
        site.routes["/n/1"] = Page(release_html("d015"))
        assert run([f"feed:{site.url('/feed.xml')}"], tmp_path)["fetched"] == 1
        second = run([f"feed:{site.url('/feed.xml')}"], tmp_path)
        assert second["unchanged"] == 1 and second["fetched"] == 0
        feed_hits = [h for h in site.log if h.path == "/feed.xml"]
        assert feed_hits[1].headers.get("If-Modified-Since") == "Tue, 01 Oct 2024 00:00:00 GMT"
        third = run([f"feed:{site.url('/feed.xml')}"], tmp_path, refresh=True)  # unconditional, pages again
        assert third["fetched"] == 1 and site.hits("/n/1") == 2


def test_crawl_delay_and_max(tmp_path: Path) -> None:
    with Site() as site:
        site.routes["/robots.txt"] = Page("User-agent: diplograph\nCrawl-delay: 0.4\n", content_type="text/plain")
        paths = [f"/p/{i}" for i in range(4)]
        for i, path in enumerate(paths):
            site.routes[path] = Page(release_html(f"d00{i + 1}"))
        first = run([site.url(p) for p in paths], tmp_path, max_pages=2)
        assert first["fetched"] == 2 and first["note"] == 1
        assert min(site.gaps()) >= 0.4 - 0.01  # Crawl-delay is longer than --delay: it wins
        rest = run([], tmp_path)  # the rest were kept for the next run
        assert rest["fetched"] == 2 and all(site.hits(p) == 1 for p in paths)


def test_unreachable_robots_leaves_the_host_alone_and_exit_codes(tmp_path: Path) -> None:
    with Site() as site:
        site.routes["/robots.txt"] = Page("down", status=500)
        site.routes["/a"] = Page(release_html("d001"))
        summary = run([site.url("/a")], tmp_path, retries=0)
        assert summary["robots"] == 1 and site.hits("/a") == 0
        assert summary.exit_code == 0
    done = run_cli("collect", "feed:http://127.0.0.1:9/feed.xml", "--archive", str(tmp_path / "B"), "--delay", "0",
                   "--retries", "0", "--timeout", "2")
    assert done.returncode == 2, done.stdout + done.stderr  # nothing could be done
    assert "error: " in done.stderr and "127.0.0.1:9" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_second_collect_on_the_same_archive_stops(tmp_path: Path) -> None:
    from diplograph.collect import Archive, ArchiveLocked

    with Archive.open(tmp_path):
        with pytest.raises(ArchiveLocked, match="another collect"):
            Archive.open(tmp_path)
        done = run_cli("collect", "http://127.0.0.1:9/a", "--archive", str(tmp_path))
        assert done.returncode == 2 and "another collect" in done.stderr


def test_size_limit(tmp_path: Path) -> None:
    with Site() as site:
        site.routes["/robots.txt"] = Page("", status=404)
        site.routes["/big"] = Page(b"<html>" + b"a" * 50_000 + b"</html>")
        site.routes["/bomb"] = Page(b"<html>" + b" " * 200_000 + b"</html>", gzip=True)
        summary = run([site.url("/big"), site.url("/bomb")], tmp_path, max_bytes=20_000)
        assert summary["failed"] == 2


@pytest.mark.parametrize("usage", [[], ["--archive", "x"]])
def test_usage_errors(usage: list[str]) -> None:
    from click.testing import CliRunner

    from diplograph.cli import main

    result = CliRunner().invoke(main, ["collect", *usage])
    assert result.exit_code == 2
