"""Polite, bounded HTTP: one request at a time per host, robots.txt obeyed, every exchange handed on.

Government sites are slow, rate-limited and shared with everyone else, and a
crawler that hammers them gets blocked — so politeness is not optional:

* **One request at a time, and a pause between two to the same host.** The
  pause (``delay``, or the host's ``Crawl-delay`` when longer) runs from the end
  of one exchange to the start of the next, so the server never sees two
  requests closer than that. *Every* request counts: robots.txt, each redirect
  hop, each retry.
* **robots.txt is read once per host** (RFC 9309 as Protego reads it): a 4xx
  answer allows everything, a 5xx or no answer at all disallows the host for
  this run.
* **Redirects are followed here, hop by hop** (:meth:`Fetcher.follow`), not
  inside httpx: each hop is its own exchange (archived under its own
  address), pays the delay, and is checked against robots.txt.
* **Bounded retries** on connection errors, timeouts, 429 and 5xx, with
  exponential backoff; ``Retry-After`` is honoured, and a server that asks
  for more than ``max_wait`` seconds is given up on for this run.
* **Bounded size.** A body over ``max_bytes`` (announced or actual, before or
  after gzip) is refused; a 2xx answer the caller does not want (a PDF, an
  image) is closed before its body is read.

Every exchange that got an answer — also a 503 that was retried — is handed to
``on_exchange`` with its role, so the archive holds exactly what was fetched
(but not an answer whose body was skipped: its headers alone would look like an
empty page).
The module never sleeps or reads the clock directly (``sleep`` and ``clock``
are parameters), which keeps it testable.
"""

from __future__ import annotations

import email.utils
import logging
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

import httpx

from ..urls import absolute, host_of

__all__ = ["Exchange", "FetchError", "Fetcher", "Followed", "RETRY_STATUSES"]

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 507, 508, 509, 520, 521, 522, 523, 524})
ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309: a crawler must read at least 500 KiB
MAX_HOPS = 10
MAX_CRAWL_DELAY = 600.0  # a host asking for more is left alone for this run


class FetchError(Exception):
    """A request that gave no usable answer; ``url`` and a one-line ``cause``."""

    def __init__(self, url: str, cause: str) -> None:
        super().__init__(f"{url}: {cause}")
        self.url = url
        self.cause = cause


@dataclass
class Exchange:
    """One request and its answer, as the archive stores them."""

    url: str
    role: str
    date: datetime  # when the request was sent (UTC)
    request_line: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    http_version: str
    headers: list[tuple[str, str]]
    raw: bytes = b""  # the body as sent (still gzip-encoded when it was)
    body: bytes = b""  # the body decoded
    skipped: str | None = None  # why the body was not read

    def header(self, name: str) -> str | None:
        name = name.lower()
        for key, value in self.headers:
            if key.lower() == name:
                return value
        return None

    @property
    def content_type(self) -> str:
        return (self.header("content-type") or "").split(";")[0].strip().lower()


@dataclass
class Followed:
    """Where a chain of redirects ended: the final exchange, or why it stopped early."""

    chain: list[Exchange] = field(default_factory=list)
    final: Exchange | None = None
    stopped: str | None = None  # "robots" or "known"
    stopped_at: str | None = None  # the address it stopped at


@dataclass
class _Robots:
    parser: object | None  # a Protego parser; None: everything allowed
    disallow_all: str | None = None  # why the whole host is off limits this run
    crawl_delay: float = 0.0
    unreachable: str | None = None  # robots.txt got no answer at all: every request to the host fails


def _retry_after(value: str | None, now: datetime) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


def _decode(raw: bytes, encoding: str | None, url: str, limit: int) -> bytes:
    """The body without its Content-Encoding, refusing more than ``limit`` bytes (a gzip bomb)."""
    encoding = (encoding or "identity").strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding in ("gzip", "x-gzip", "deflate"):
        for wbits in ((47,) if encoding != "deflate" else (15, -15)):
            try:
                d = zlib.decompressobj(wbits)
                out = d.decompress(raw, limit + 1)
                if len(out) > limit:
                    raise FetchError(url, f"too large (over {limit:,} bytes once decompressed)")
                return out + d.flush()
            except zlib.error:
                continue
        raise FetchError(url, f"the body is not valid {encoding} data")
    raise FetchError(url, f"unsupported Content-Encoding {encoding!r}")


class Fetcher:
    """GET requests with politeness, robots.txt, retries and a size limit (see the module docstring)."""

    def __init__(self, *, user_agent: str, delay: float = 2.0, timeout: float = 30.0, retries: int = 3,
                 backoff: float = 1.0, max_wait: float = 120.0, max_bytes: int = 20 * 1024 * 1024,
                 on_exchange: Callable[[Exchange], None] | None = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.user_agent = user_agent
        self.delay = delay
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.max_bytes = max_bytes
        self.on_exchange = on_exchange
        self.clock = clock
        self.sleep = sleep
        self._ready: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}
        self._client = httpx.Client(
            follow_redirects=False, timeout=httpx.Timeout(timeout), transport=transport,
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"})

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- politeness

    def host_delay(self, host: str) -> float:
        robots = self._robots.get(host)
        return max(self.delay, robots.crawl_delay if robots else 0.0)

    def ready_at(self, url: str) -> float:
        """When the next request to the host of ``url`` may start (clock time)."""
        return self._ready.get(host_of(url), 0.0)

    def _wait_for(self, host: str) -> None:
        wait = self._ready.get(host, 0.0) - self.clock()
        if wait > 0:
            self.sleep(wait)

    def _done(self, host: str, extra: float = 0.0) -> None:
        self._ready[host] = max(self._ready.get(host, 0.0), self.clock() + max(self.host_delay(host), extra))

    # ------------------------------------------------------------------- requests

    def request(self, url: str, role: str, *, headers: dict[str, str] | None = None,
                want_body: Callable[[Exchange], str | None] | None = None) -> Exchange:
        """One GET of ``url`` (no redirects followed), retried as the module docstring says.

        ``want_body`` sees a 2xx answer's headers and returns why not to read its
        body (a PDF), or None to read it. Raises :class:`FetchError` when no
        attempt gave an answer that is not to be retried.
        """
        host = host_of(url)
        attempt = 0
        while True:
            self._wait_for(host)
            try:
                exchange = self._once(url, role, headers or {}, want_body)
            except FetchError as exc:
                self._done(host)
                retriable = exc.cause.startswith(("connection failed", "timed out"))
                if not retriable or attempt >= self.retries:
                    tries = f" (after {attempt + 1} attempts)" if attempt else ""
                    raise FetchError(url, exc.cause + tries) from None
                wait = self.backoff * 2 ** attempt
                log.info("%s: %s; retrying in %.1f s", url, exc.cause, wait)
            else:
                if self.on_exchange is not None and not exchange.skipped:  # a PDF's headers alone are no record
                    self.on_exchange(exchange)
                if exchange.status not in RETRY_STATUSES:
                    self._done(host)
                    return exchange
                asked = _retry_after(exchange.header("retry-after"), datetime.now(timezone.utc))
                wait = asked if asked is not None else self.backoff * 2 ** attempt
                if asked is not None and asked > self.max_wait:
                    self._done(host)
                    raise FetchError(url, f"HTTP {exchange.status}; the server asks to come back in "
                                          f"{asked:.0f} s (more than {self.max_wait:.0f} s)")
                if attempt >= self.retries:
                    self._done(host, wait)
                    raise FetchError(url, f"HTTP {exchange.status} {exchange.reason}".rstrip()
                                     + f" (after {attempt + 1} attempts)")
                log.info("%s: HTTP %s; retrying in %.1f s", url, exchange.status, wait)
            self._done(host, wait)
            attempt += 1

    def _once(self, url: str, role: str, headers: dict[str, str],
              want_body: Callable[[Exchange], str | None] | None) -> Exchange:
        sent = datetime.now(timezone.utc)
        deadline = self.clock() + self.timeout * 4  # a server trickling bytes must not hold us forever
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                request = response.request
                target = request.url.raw_path.decode("ascii", "replace")
                exchange = Exchange(
                    url=url, role=role, date=sent,
                    request_line=f"GET {target} {response.http_version or 'HTTP/1.1'}",
                    request_headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw],
                    status=response.status_code, reason=response.reason_phrase or "",
                    http_version=response.http_version or "HTTP/1.1",
                    headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw
                             if k.lower() != b"transfer-encoding"])  # the body is stored de-chunked
                if 200 <= exchange.status < 300 and want_body is not None:
                    exchange.skipped = want_body(exchange)
                    if exchange.skipped:
                        return exchange
                announced = exchange.header("content-length")
                if announced and announced.strip().isdigit() and int(announced) > self.max_bytes:
                    raise FetchError(url, f"too large ({int(announced):,} bytes; the limit is {self.max_bytes:,})")
                chunks, size = [], 0
                for chunk in response.iter_raw():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(url, f"too large (over {self.max_bytes:,} bytes)")
                    if self.clock() > deadline:
                        raise FetchError(url, f"timed out (the answer took more than {self.timeout * 4:.0f} s)")
                    chunks.append(chunk)
                exchange.raw = b"".join(chunks)
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__} after {self.timeout:g} s)") from None
        except httpx.TransportError as exc:
            detail = " ".join(str(exc).split()) or type(exc).__name__
            raise FetchError(url, f"connection failed ({detail})") from None
        except httpx.InvalidURL as exc:
            raise FetchError(url, f"not a valid address ({exc})") from None
        exchange.body = _decode(exchange.raw, exchange.header("content-encoding"), url, self.max_bytes)
        return exchange

    # --------------------------------------------------------------------- robots

    def robots_block(self, url: str) -> str | None:
        """Why robots.txt forbids ``url`` to us, or None when it may be fetched; raises
        :class:`FetchError` when the host did not answer at all (its robots.txt request failed)."""
        host = host_of(url)
        robots = self._robots.get(host)
        if robots is None:
            robots = self._robots[host] = self._read_robots(host)
            self._done(host)  # a Crawl-delay now known counts from the robots.txt request on
        if robots.unreachable:
            raise FetchError(url, robots.unreachable)
        if robots.disallow_all:
            return robots.disallow_all
        if robots.parser is not None and not robots.parser.can_fetch(url, self.user_agent):
            return "robots.txt disallows it"
        return None

    def _read_robots(self, host: str) -> _Robots:
        from protego import Protego

        url = host + "/robots.txt"
        for _ in range(5):  # RFC 9309: follow at least five redirects
            try:
                exchange = self.request(url, "robots")
            except FetchError as exc:
                if exc.cause.startswith(("connection failed", "timed out")):
                    return _Robots(None, unreachable=f"{exc.cause} (reading robots.txt)")
                return _Robots(None, f"robots.txt could not be read ({exc.cause}); the host is left alone")
            if 300 <= exchange.status < 400 and exchange.header("location"):
                nxt = absolute(url, exchange.header("location") or "")
                if nxt is None:
                    break
                url = nxt
                continue
            break
        else:
            return _Robots(None)
        if 400 <= exchange.status < 500 or 300 <= exchange.status < 400:
            return _Robots(None)  # no robots.txt: everything is allowed
        if exchange.status >= 500:
            return _Robots(None, f"robots.txt answers HTTP {exchange.status}; the host is left alone")
        text = exchange.body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace")
        try:
            parser = Protego.parse(text)
            delay = parser.crawl_delay(self.user_agent)
        except Exception:  # noqa: BLE001 — a third-party parser on a server's text: treat as no rules
            return _Robots(None)
        delay = float(delay or 0.0)
        if delay > MAX_CRAWL_DELAY:
            return _Robots(parser, f"robots.txt asks for a Crawl-delay of {delay:.0f} s; the host is left alone")
        robots = _Robots(parser, None, delay)
        self._robots[host] = robots
        return robots

    # ------------------------------------------------------------------ redirects

    def follow(self, url: str, role: str, *, headers: dict[str, str] | None = None,
               want_body: Callable[[Exchange], str | None] | None = None,
               known: Callable[[str], bool] | None = None) -> Followed:
        """GET ``url`` and follow its redirects hop by hop (each one checked against robots.txt).

        Stops early at a hop robots.txt forbids (``stopped="robots"``) or, after
        the first, at an address ``known`` says was collected already
        (``stopped="known"``). Raises :class:`FetchError` on a loop, too many
        hops, a redirect without a usable Location, or a request that failed.
        """
        result = Followed()
        seen = {url}
        current = url
        for hop in range(MAX_HOPS + 1):
            if hop and known is not None and known(current):
                result.stopped, result.stopped_at = "known", current
                return result
            block = self.robots_block(current)
            if block:
                result.stopped, result.stopped_at = "robots", current
                return result
            exchange = self.request(current, role, headers=headers if hop == 0 else None, want_body=want_body)
            result.chain.append(exchange)
            if not (300 <= exchange.status < 400) or exchange.status == 304:
                result.final = exchange
                return result
            location = exchange.header("location")
            nxt = absolute(current, location or "")
            if nxt is None:
                raise FetchError(url, f"HTTP {exchange.status} without a usable Location ({location!r})")
            if nxt in seen:
                raise FetchError(url, f"redirect loop at {nxt}")
            seen.add(nxt)
            current = nxt
        raise FetchError(url, f"more than {MAX_HOPS} redirects")
