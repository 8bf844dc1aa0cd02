"""Reading web archives: which records are releases, the id and URL they get, the latest capture winning."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from collect_site import release_html
from diplograph.pipeline import build
from diplograph.inputs import read_inputs
from diplograph.sources import iter_inputs


def write_warc(path: Path, records: list[dict], gzip: bool = True) -> None:
    """A WARC file as another crawler (Common Crawl) writes it: no diplograph role headers."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for r in records:
            kind = r.get("type", "response")
            http = None
            if kind in ("response", "revisit"):
                headers = [("Content-Type", r.get("content_type", "text/html; charset=utf-8"))]
                http = StatusAndHeaders(r.get("status", "200 OK"), headers, protocol="HTTP/1.1")
            body = r.get("body", b"")
            record = writer.create_warc_record(
                r["url"], kind, payload=io.BytesIO(body), length=len(body), http_headers=http,
                warc_headers_dict={"WARC-Date": r.get("date", "2024-01-01T00:00:00Z"), **r.get("warc", {})})
            writer.write_record(record)


def test_only_2xx_html_responses_are_releases(tmp_path: Path) -> None:
    page = release_html("d001")
    write_warc(tmp_path / "crawl.warc.gz", [
        {"url": "https://www.thaigov.go.th/robots.txt", "body": b"User-agent: *\n", "content_type": "text/plain"},
        {"url": "https://www.thaigov.go.th/rss/", "body": b"<rss/>", "content_type": "application/rss+xml"},
        {"url": "https://www.thaigov.go.th/old", "status": "301 Moved Permanently", "body": b""},
        {"url": "https://www.thaigov.go.th/missing", "status": "404 Not Found", "body": release_html("d002")},
        {"url": "https://www.thaigov.go.th/file.pdf", "body": b"%PDF-1.4", "content_type": "application/pdf"},
        {"url": "https://www.thaigov.go.th/news/contents/details/1?utm_source=x", "body": page},
        {"url": "https://www.thaigov.go.th/news/contents/details/1", "type": "revisit", "body": b""},
        {"url": "https://www.thaigov.go.th/listing", "body": release_html("d003"),
         "warc": {"Diplograph-Role": "listing"}},
    ])
    items = list(read_inputs([tmp_path]))
    releases = [i for i in items if not isinstance(i, (str, Exception))]
    assert [r.release_id for r in releases] == ["www.thaigov.go.th/news/contents/details/1"]
    (release,) = releases
    assert release.url == "https://www.thaigov.go.th/news/contents/details/1?utm_source=x"  # WARC-Target-URI
    assert release.source_file == "crawl.warc.gz"
    assert not [i for i in items if isinstance(i, Exception)]


def test_latest_capture_wins_across_files(tmp_path: Path) -> None:
    url = "http://example.org/news/7"
    write_warc(tmp_path / "b-new.warc", [{"url": url, "date": "2024-03-01T00:00:00Z", "body": release_html("d004")}],
               gzip=False)
    write_warc(tmp_path / "a-old.warc.gz", [{"url": url + "#x", "date": "2024-02-01T00:00:00Z",
                                             "body": release_html("d005")}])
    result = build([tmp_path])
    assert not result.errors and len(result.outcomes) == 1
    release = result.outcomes[0].facts.release
    assert release.release_id == "example.org/news/7" and release.source_file == "b-new.warc"
    again = build([tmp_path / "a-old.warc.gz", tmp_path / "b-new.warc"])  # the order given does not matter
    assert again.outcomes[0].facts.release.source_file == "b-new.warc"


def test_damaged_archives_are_one_error_each(tmp_path: Path, capfd: pytest.CaptureFixture) -> None:
    good = tmp_path / "good.warc.gz"
    write_warc(good, [{"url": "http://example.org/a", "body": release_html("d006")},
                      {"url": "http://example.org/b", "body": release_html("d007")}])
    data = good.read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 300])
    (tmp_path / "junk.warc").write_bytes(b"this is not a web archive\n" * 10)
    items = list(read_inputs([tmp_path / "cut.warc.gz", tmp_path / "junk.warc"]))
    errors = [str(i) for i in items if isinstance(i, Exception)]
    assert len(errors) == 2, errors
    assert any("cut.warc.gz: http://example.org/b" in e and "cut short" in e for e in errors)
    assert any("junk.warc" in e and "not a readable web archive" in e for e in errors)
    assert [i.release_id for i in items if not isinstance(i, (str, Exception))] == ["example.org/a"]
    assert capfd.readouterr().err == ""  # warcio's own warnings do not reach the terminal


def test_iter_inputs_takes_archives(tmp_path: Path) -> None:
    for name in ("a.warc", "b.warc.gz", "c.WARC.GZ", "d.gz", ".hidden.warc.gz.part"):
        (tmp_path / name).write_bytes(b"")
    found = [item.name if isinstance(item, Path) else item for item in iter_inputs([tmp_path])]
    assert found[:3] == ["a.warc", "b.warc.gz", "c.WARC.GZ"]
    assert any(isinstance(x, str) and "d.gz" in x for x in found)
    assert not any(".part" in str(x) for x in found)


@pytest.mark.parametrize("jobs", [1, 2])
def test_ingest_from_an_archive(tmp_path: Path, jobs: int) -> None:
    from diplograph.ingest import Summary, ingest, release_items
    from diplograph.rdf import mapping
    from diplograph.store import EmbeddedStore

    from diplograph.ingest import parallel

    write_warc(tmp_path / "x.warc.gz", [{"url": f"http://example.org/n/{i}", "body": release_html(f"d00{i}")}
                                        for i in range(1, 4)])
    activity, triples = mapping.activity_iri()
    summary = Summary()
    old = parallel.PARALLEL_MIN
    parallel.PARALLEL_MIN = 1  # use the worker processes even for three releases
    try:
        with EmbeddedStore.open(tmp_path / "store", write=True) as store:
            for event in ingest(store, release_items([tmp_path], activity, triples, jobs=jobs), activity=triples):
                summary.add(event)
            urls = {r[0].value for r in store.select(
                "SELECT ?u WHERE { GRAPH ?g { ?g <https://schema.org/url> ?u } }").rows}
    finally:
        parallel.PARALLEL_MIN = old
    assert summary["stored"] == 3, summary.counts
    assert urls == {f"http://example.org/n/{i}" for i in range(1, 4)}
