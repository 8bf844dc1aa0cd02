"""The article of a web page: its text (trafilatura) and its title, date and address.

A page is a release's text among menus, sidebars and footers; :func:`html_to_article` keeps the
article, and finds the release's date line, which trafilatura drops, in the page itself.
"""

from __future__ import annotations

import re
from datetime import date

from ..datelines import date_line
from ..deephtml import flatten as flatten_deep_html, too_deep
from ..errors import NoContentError
from ..extraction.dates import parse_date
from .text import LATIN_LETTER, THAI_LETTER, count_covered, normalize_text

__all__ = ["html_to_article"]

_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title"}
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "dc.date.issued",
    "dc.date", "dcterms.issued", "publish-date", "pubdate", "publication_date",
)

_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def _date_line(line: str) -> date | None:
    """The release's own date if ``line`` is a date line (see :mod:`diplograph.datelines`)."""
    found = date_line(line)
    return found[0] if found and found[1] else None


def _has_sentence(text: str, title: str | None) -> bool:
    """At least one line that reads like prose, not a link label ("หน้าแรก", "Home")."""
    for line in text.split("\n"):
        if title and line == title:
            continue
        thai = count_covered(THAI_LETTER, line)
        if thai + count_covered(LATIN_LETTER, line) >= 25 and (thai >= 25 or len(line.split()) >= 5):
            return True
    return False


def _page_date(tree, probe: str) -> str | None:
    """The release's own date line in the page, which trafilatura often drops.

    Look in the nearest ancestors of the element holding the article's first
    paragraph (so sidebar dates lose to the article's own), for the first
    element whose whole text is a date line; then ``<time datetime>`` and the
    usual meta tags / JSON-LD ``datePublished``.  Not tied to a class name.
    trafilatura's own date guess (htmldate) is not used: it reads any date on
    the page, sidebars included, and a wrong release date is worse than none.
    """
    start = None
    if probe:
        for el in tree.iter():
            if isinstance(el.tag, str) and el.tag not in _SKIP_TAGS and el.text and probe in " ".join(el.text.split()):
                start = el
                break
    container = start
    for _ in range(4):
        if container is None or container.tag in ("body", "html"):
            break
        for el in container.iter():
            if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or len(el) > 3:
                continue  # a date line is a leaf or nearly so; this keeps huge pages linear
            text = normalize_text(el.text_content())
            if 0 < len(text) <= 80 and _date_line(text) is not None:
                return text
        container = container.getparent()
    for el in tree.iter("time"):
        value = el.get("datetime") or normalize_text(el.text_content())
        if value and parse_date(value) is not None:
            return value
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        if key in _DATE_META and el.get("content") and parse_date(el.get("content")) is not None:
            return el.get("content")
    for el in tree.iter("script"):
        if "ld+json" in (el.get("type") or "") and (m := _LD_DATE.search(el.text or "")):
            return m.group(1)
    return None


def html_to_article(html: str, source: str) -> tuple[str, dict]:
    """The article text of a web page and its metadata (``title``, ``date``, ``url``).

    trafilatura (precision mode) drops navigation, sidebars ("ข่าวที่เกี่ยวข้อง"),
    footers and scripts and keeps paragraphs as lines; the date line it drops
    is recovered by :func:`_page_date`.  A page without a prose line (only
    menus) raises :class:`NoContentError`.  trafilatura/lxml failures on hostile
    markup are reported as :class:`NoContentError` too: the caller only needs
    to know that this page gives no release.
    """
    try:
        doc, tree, deep = _extract(html)
        if deep:  # lxml dropped what was nested deeper than it reads: read the page made shallow
            doc, tree, _ = _extract(flatten_deep_html(html))
        page_title, page_url = _title_and_url(tree) if tree is not None else (None, None)
    except Exception as e:  # noqa: BLE001 — third-party parser on untrusted input
        raise NoContentError(source, f"HTML could not be parsed ({type(e).__name__})") from None
    text = normalize_text(doc.text or "") if doc is not None else ""
    title = normalize_text(page_title) if page_title else None
    if not text or not _has_sentence(text, title):
        why = "no article text in the page (only navigation or short labels)"
        if deep:
            why = ("no article text in the page, whose HTML is nested more than 255 elements deep "
                   "(read again with the deeper elements flattened, and still only navigation or short labels)")
        raise NoContentError(source, why)
    probe = " ".join(doc.text.split())  # the first words of the article, as the page spells them
    probe = (probe[len(page_title):].strip() if page_title and probe.startswith(page_title) else probe)[:20]
    try:
        page_date = _page_date(tree, probe) if tree is not None else None
    except (ValueError, TypeError):  # lxml on malformed trees
        page_date = None
    return text, {"title": title, "date": page_date, "url": page_url}


def _extract(html: str) -> tuple:
    """trafilatura's article (``doc``), the page's tree (for title, URL and date), and whether lxml
    dropped elements nested deeper than it reads (:mod:`diplograph.deephtml`)."""
    from trafilatura import bare_extraction
    from trafilatura import utils as trafilatura_utils

    # without trafilatura's metadata pass: its date search (htmldate) costs more than the article
    # itself, and the date is ours to find (_page_date); title and URL come from its own readers
    doc = bare_extraction(html, favor_precision=True, include_comments=False, include_tables=True,
                          with_metadata=False)
    tree = trafilatura_utils.load_html(html)
    # the log of that parse: trafilatura parses with one module-level lxml parser
    log = getattr(getattr(trafilatura_utils, "HTML_PARSER", None), "error_log", None)
    return doc, tree, too_deep(log)


def _title_and_url(tree) -> tuple[str | None, str | None]:
    """The page's title and URL as trafilatura's metadata pass finds them: meta tags, then JSON-LD, then the
    page's own title and canonical link."""
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url

    meta = examine_meta(tree)
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 — trafilatura's JSON-LD reader on untrusted input; the tags stand
        pass
    title = meta.title or extract_title(tree)
    return (" ".join(title.split()) if title else None), meta.url or extract_url(tree)
