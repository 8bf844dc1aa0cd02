"""A small government web site on 127.0.0.1 for the collector's tests: never the internet.

The pages follow the layouts of the real sites (a thaigov.go.th news page: site
header, Thai date line, headline, paragraphs; an RSS feed; sitemaps; a listing
page with numbered pages). Each route is a :class:`Page` or a function of the
number of times it was asked for (a 503 the first time, then the page), and
every request is logged with the time it arrived, so the tests can check the
politeness delay from the server's side.
"""

from __future__ import annotations

import gzip
import html
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DEV = Path(__file__).parent / "fixtures" / "corpus" / "dev"


@dataclass
class Page:
    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds before answering (a slow page)
    gzip: bool = False


@dataclass
class Hit:
    at: float  # time.monotonic() when the request arrived
    path: str
    headers: dict[str, str]


class Site:
    """``with Site() as site:`` — routes in ``site.routes``, requests in ``site.log``."""

    def __init__(self) -> None:
        self.routes: dict[str, Page | Callable[[int], Page]] = {}
        self.log: list[Hit] = []
        self.counts: dict[str, int] = {}
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 — http.server's name
                with site._lock:
                    site.log.append(Hit(time.monotonic(), self.path, dict(self.headers.items())))
                    count = site.counts[self.path] = site.counts.get(self.path, 0) + 1
                route = site.routes.get(self.path)
                page = route(count) if callable(route) else route
                if page is None:
                    page = Page("<html><body><p>Not found</p></body></html>", status=404)
                if page.delay:
                    time.sleep(page.delay)
                body = page.body.encode("utf-8") if isinstance(page.body, str) else page.body
                if page.gzip:
                    body = gzip.compress(body)
                try:
                    self.send_response(page.status)
                    if page.content_type:
                        self.send_header("Content-Type", page.content_type)
                    if page.gzip:
                        self.send_header("Content-Encoding", "gzip")
                    for key, value in page.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Site:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for h in self.log if h.path == path)

    def gaps(self) -> list[float]:
        """Seconds between consecutive requests, as the server saw them."""
        times = [h.at for h in self.log]
        return [b - a for a, b in zip(times, times[1:])]


def release_html(name: str, *, encoding: str = "utf-8") -> bytes:
    """A dev-corpus release (``d001``) as a thaigov.go.th news page: navigation, the article, a footer."""
    lines = [ln.strip() for ln in (DEV / f"{name}.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    paragraphs = "\n".join(f"<p>{html.escape(ln)}</p>" for ln in lines)
    page = f"""<!DOCTYPE html>
<html lang="th"><head><meta charset="{encoding}"><title>{html.escape(lines[0][:200])}</title></head>
<body><nav><ul><li><a href="/">หน้าแรก</a></li><li><a href="/news">ข่าวทำเนียบรัฐบาล</a></li></ul></nav>
<div class="content"><article>
{paragraphs}
</article></div>
<footer><p>สำนักงานเลขาธิการนายกรัฐมนตรี ทำเนียบรัฐบาล</p></footer></body></html>"""
    return page.encode(encoding)


def rss(items: list[tuple[str, str]], title: str = "ข่าวทำเนียบรัฐบาล") -> str:
    """An RSS 2.0 feed of (link, pubDate) items; links may be relative."""
    entries = "\n".join(f"<item><title>ข่าว {i}</title><link>{html.escape(link)}</link>"
                        + (f"<pubDate>{date}</pubDate>" if date else "") + "</item>"
                        for i, (link, date) in enumerate(items))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>{title}</title><link>/</link><description>news</description>
{entries}
</channel></rss>"""


def sitemap(urls: list[tuple[str, str | None]], index: bool = False) -> str:
    tag, child = ("sitemapindex", "sitemap") if index else ("urlset", "url")
    items = "\n".join(f"<{child}><loc>{html.escape(u)}</loc>" + (f"<lastmod>{d}</lastmod>" if d else "")
                      + f"</{child}>" for u, d in urls)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<{tag} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"\n{items}\n</{tag}>")


def listing(links: list[str], next_link: str | None = None, rel_next: bool = True) -> str:
    items = "\n".join(f'<div class="item"><a href="{html.escape(u)}">ข่าว {i}</a></div>' for i, u in enumerate(links))
    nxt = ""
    if next_link:
        nxt = f'<a href="{html.escape(next_link)}"' + (' rel="next"' if rel_next else "") + ">ถัดไป</a>"
    return f"""<html><head><title>ข่าวสารนิเทศ</title></head><body>
<nav><a href="/">หน้าแรก</a> <a href="/about">เกี่ยวกับกระทรวง</a></nav>
<div class="list">{items}</div><div class="pager">{nxt}</div></body></html>"""
