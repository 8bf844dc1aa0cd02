"""Web addresses in one canonical form, and the release id a page's address gives.

One function decides when two addresses name the same page (:func:`normalize_url`):
the collector uses it to fetch a page once, the archive reader to make the
same page collected twice one release. Both must agree, so it lives here and
nowhere else.

courlan does the cleaning (its ``clean_url`` and ``normalize_url``: lower-case
scheme and host, the scheme's default port dropped, query parameters sorted,
tracking parameters such as ``utm_*`` and ``fbclid`` dropped, non-ASCII path
characters percent-encoded). Its ``check_url`` is not used: it rejects
addresses with an explicit port (``http://127.0.0.1:8080/…``), which are real
sites too. Dot segments are resolved and the fragment dropped here, since
courlan keeps both and neither names another page.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from . import __version__

__all__ = ["DEFAULT_USER_AGENT", "normalize_url", "release_id_for_url", "host_of", "absolute"]

# How the collector names itself to sites; here, not in the collector, so the CLI can show it as a default
# without importing the collector (httpx, the extraction) at start-up.
DEFAULT_USER_AGENT = f"diplograph/{__version__} (+https://w3id.org/diplograph)"

_SCHEME = re.compile(r"https?://", re.I)


def normalize_url(url: str) -> str | None:
    """The canonical form of an http(s) address, or None when it is not one.

    ``HTTP://Example.org:80/a/../b/?utm_source=x&b=2&a=1#top`` →
    ``http://example.org/b/?a=1&b=2``. Idempotent.
    """
    from courlan import clean_url
    from courlan import normalize_url as courlan_normalize

    url = (url or "").strip()
    if not _SCHEME.match(url):
        return None
    try:
        cleaned = clean_url(url)
        if cleaned is None:
            return None
        cleaned = courlan_normalize(cleaned)
        parts = urlsplit(cleaned)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
        parts.port  # noqa: B018 — raises ValueError on a port that is not a number
        path = parts.path or "/"
        if "/." in path:  # "/a/../b/" → "/b/", keeping a trailing slash
            resolved = posixpath.normpath(path)
            path = resolved + ("/" if path.endswith("/") and resolved != "/" else "")
            path = "/" + path.lstrip("/")
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
    except ValueError:  # a port that is not a number, an IPv6 address cut short …
        return None


def release_id_for_url(url: str) -> str | None:
    """The release id of a page read from a web archive: its normalised address without the scheme.

    ``https://www.thaigov.go.th/news/contents/details/35541?utm_source=fb`` →
    ``www.thaigov.go.th/news/contents/details/35541``. The id always holds a
    ``/`` (a file's name never does), so it cannot clash with the id of a
    release read from a file; ``http`` and ``https`` copies of a page are one
    release. None when the address is not an http(s) address.
    """
    normal = normalize_url(url)
    if normal is None:
        return None
    return normal.split("://", 1)[1]


def host_of(url: str) -> str:
    """``scheme://host[:port]``: what robots.txt and the politeness delay apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def absolute(base: str, link: str) -> str | None:
    """A link on a page (relative or not) as a normalised absolute address, or None."""
    link = (link or "").strip()
    if not link or link.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    try:
        return normalize_url(urljoin(base, link))
    except ValueError:
        return None
