"""A release's text split into headline, date, body and source address (:func:`parse_release`).

The layouts are those of Thai government and ministry sites, English releases and plain text;
the decisions (the date line wins over a given date, only the first :data:`HEADER_SCAN` lines
can be header …) are listed in :mod:`diplograph.sources`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import date

import pyoxigraph as ox

from ..datelines import date_line, labelled, lead_date
from ..errors import NoContentError, ScriptError
from ..extraction.dates import MAX_YEAR, MIN_YEAR
from ..extraction.text import CLAUSE_BREAKS, windows
from ..model import Release
from .text import detect_lang, normalize_text, script_problem

__all__ = ["HEADER_SCAN", "MAX_LINE_CHARS", "parse_release", "web_address"]

MAX_LINE_CHARS = 5000  # longer lines are split so later (regex) stages stay linear
HEADER_SCAN = 12  # lines searched for headings, date line and headline

_SITE_HEADER = re.compile(r"(?:รัฐบาลไทย\s*-\s*ข่าวทำเนียบรัฐบาล|Royal Thai Government\s*-\s*Government House News)\s*-\s*(?P<title>.+)", re.I)
_HEADING = re.compile(
    r"(?:ข่าวสารนิเทศ(?:\s*กระทรวงการต่างประเทศ)?|กระทรวงการต่างประเทศ|รัฐบาลไทย|ข่าวทำเนียบรัฐบาล"
    r"|Ministry of Foreign Affairs(?: of the Kingdom of Thailand|,? Kingdom of Thailand)?"
    r"|Royal Thai Government|Government House News|Press Releases?|News|Media Releases?"
    r"|ข่าว(?:กิจกรรม|เด่น|ประชาสัมพันธ์|สาร|ต่างประเทศ|ในประเทศ|การเมือง|เศรษฐกิจ|ทั่วไป)(?:\s?[|:]\s?\S.*?\s?ข่าว)?)"
    r"(?:\s*[:：]\s*(?P<title>.+))?", re.I)
_FURNITURE = re.compile(
    r"[•·▪◦]"  # a bullet alone, or before a menu word ("• Fontsize")
    r"|[•·▪◦]?\s*(?:share|print|tweet|e-?mail|copy link|back to top|home|facebook|twitter|line|x|(?:skip|jump) to (?:main )?content"
    r"|posted|recommended posts"  # a forum's furniture around a relayed story
    r"|loading(?: color scheme)?|เนื้อหาหลัก|ข้อความแจ้งเตือน|รายละเอียดเนื้อหา|back to the l\w*|(?:!\[[^\]]*\]\([^)]*\)\s*)+\|?"
    r"|แชร์|พิมพ์|หน้าแรก|หน้าหลัก|กลับด้านบน|ขนาดตัวอักษร.*|แชร์ข่าวนี้.*|share this.*|font\s?size.*"
    r"|(?:แท็ก|tags?)\s*:.*"
    r"|(?:อ่าน|เข้าชม|ผู้เข้าชม|จำนวนผู้เข้าชม|read|views?|viewed|hits?)\s*:?\s*[\d,]+\s*(?:ครั้ง|times)?"
    r"|\|?\s*[\d,]+\s*(?:views?|reads?|ครั้ง)"
    r"|[^»›>\n]{1,40}(?:[»›][^»›>\n]{1,40}){1,6}|[^»›>\n]{1,40}(?:\s>\s[^»›>\n]{1,40}){2,6})\s*:?", re.I)
# The heading of a block of other stories below the story: what follows is not the release's.
_RELATED = re.compile(r"\s*(?:Related(?: (?:news|articles?|stories|posts|content))?|Read (?:more|also)|More (?:news|stories)"
                      r"|You (?:may|might) also (?:like|be interested in)|Most (?:read|popular)|Latest news"
                      r"|ข่าวที่เกี่ยวข้อง|ข่าวอื่น ?ๆ|อ่านเพิ่มเติม|บทความที่เกี่ยวข้อง|ข่าวล่าสุด|ข่าวยอดนิยม)\s*:?\s*", re.I)
_BYLINE = re.compile(r"\s*(?:โดย|By)\s")  # a story's closing byline, not a header
_ASTERISKS = re.compile(r"(?:\*\s*){3,}")
_SOURCE = re.compile(r"(?:ที่มา|แหล่งที่มา|แหล่งข่าว|Source)\s*[:：]\s*(?P<rest>.{0,300})", re.I)
_URL = re.compile(r"https?://[^\s<>\"“”]+")
# A header line that is the site's own host: "www.thaigov.go.th".
_SITE_LINE = re.compile(r"(?:https?://)?(?P<host>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6})/?", re.I)
_SENTENCE_END = re.compile(r"[.!?。](?:\s|$)")
_CRAWL_DATE = re.compile(r"\s*date (?P<day>\d{4}-\d{2}-\d{2})(?!\d)\s*")


_LINE_BREAKS = (_SENTENCE_END, *CLAUSE_BREAKS)


def _split_long(line: str) -> Iterator[str]:
    """Cut a line above MAX_LINE_CHARS at a sentence end, else a clause boundary, else a space, else
    anywhere (never inside a Thai letter's marks); the pieces are found by offset, so a 20 MB line
    is not copied once per piece."""
    for start, end in windows(line, 0, len(line), MAX_LINE_CHARS, _LINE_BREAKS):
        yield line[start:end].strip()


def _same_headline(line: str, title: str) -> bool:
    """A repeat of the headline, allowing a cut-off copy (scraped site headers are truncated)."""
    if line == title:
        return True
    short, long_ = sorted((line, title), key=len)
    return len(short) >= 20 and long_.startswith(short)


def _headline_like(line: str) -> bool:
    return len(line) <= 300 and not _SENTENCE_END.search(line[-2:] + " ") and _URL.search(line) is None


_IRI_UNSAFE = re.compile('[\x00-\x20<>"{}|\\\\^`\x7f-\x9f\u2028\u2029\ud800-\udfff]')


def web_address(url: str | None) -> str | None:
    """An http(s) address as a valid IRI, else None (it becomes ``schema:url``, an IRI).

    Scraped addresses carry spaces and stray characters ("http://exa mple.org/a b",
    "…/news?id={7}"): those are percent-encoded; anything that is still not a
    valid IRI, or not a web address at all (``javascript:…``, ``file:…``), is
    dropped rather than written into the graph.
    """
    if not url:
        return None
    url = url.strip()
    if not re.match(r"https?://[^/\s]", url, re.I):
        return None
    url = _IRI_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "surrogatepass")), url)
    try:
        return ox.NamedNode(url).value
    except ValueError:
        return None


def parse_release(text: str, *, release_id: str, source_file: str, url: str | None = None,
                  published: date | None = None, title: str | None = None) -> Release:
    """Split a release's text into headline, date, body and source URL (thaigov, MFA, English, plain).

    Only the first :data:`HEADER_SCAN` lines can be header: site header
    (gives the headline), ministry headings (``ข่าวสารนิเทศ : <title>`` gives it
    too), the date line, headline repeats, crawl furniture.  The body starts at
    the first other line.  Anywhere, the asterisk row, ``ที่มา : URL`` / ``Source:``
    lines and obvious furniture ("Share", "อ่าน 1,284 ครั้ง", breadcrumbs) are
    dropped.  Lines above :data:`MAX_LINE_CHARS` are split (sentence end, else
    space) so a 100 k-character line cannot make later stages superlinear.
    Text whose letters are mostly neither Thai nor Latin raises
    :class:`~diplograph.errors.ScriptError` (see :func:`script_problem`).
    """
    source = source_file
    text = normalize_text(text)
    lines = [part for ln in text.split("\n") if ln for part in _split_long(ln) if part]
    if not lines:
        raise NoContentError(source, "empty or whitespace only")
    if problem := script_problem(text):
        raise ScriptError(source, problem)
    head_title = normalize_text(title) if title else None
    issued: date | None = None
    if crawl := _CRAWL_DATE.match(lines[0]):
        # " date 2018-10-24 …": the crawler's record of the page's date, glued to its first line
        try:
            issued = date.fromisoformat(crawl["day"])
        except ValueError:
            issued = None
        issued = issued if issued and MIN_YEAR <= issued.year <= MAX_YEAR else None
        lines[0] = lines[0][crawl.end():]
        lines = [ln for ln in lines if ln]
        if not lines:
            raise NoContentError(source, "no body text (only headings, title or date)")
    marker = issued_labelled = False
    site = None
    start = 0
    for i, line in enumerate(lines[:HEADER_SCAN]):
        start = i + 1
        if _FURNITURE.fullmatch(line) or _ASTERISKS.fullmatch(line):
            continue
        if m := _SITE_LINE.fullmatch(line):
            site = site or m["host"].lower()
            continue
        if m := _SITE_HEADER.fullmatch(line):
            head_title, marker = head_title or m["title"].strip(), True
            continue
        if m := _HEADING.fullmatch(line):
            if m["title"] and not head_title:
                head_title = m["title"].strip()
            marker = True
            continue
        if (found := date_line(line)) is not None:
            if issued is None and found[1]:  # the first date line; never an update date
                issued, issued_labelled = found[0], labelled(line)
            marker = True
            continue
        if head_title and _same_headline(line, head_title):
            if not title and len(line) > len(head_title):  # the site header was cut off
                head_title = line
            continue
        repeated = i + 1 < len(lines) and len(line) <= 300 and _same_headline(lines[i + 1], line)
        if head_title is None and (_headline_like(line) or repeated) and i + 1 < len(lines):  # a headline may end with "."
            nxt = lines[i + 1]
            if _HEADING.fullmatch(nxt) and i + 2 < len(lines):
                nxt = lines[i + 2]  # a label line between headline and date ("Press Releases")
            if marker or _same_headline(nxt, line) or (i < 3 and date_line(nxt) is not None):
                head_title = line
                continue
        start = i
        break
    body_lines = lines[start:]
    if issued is None:
        # a date line below a label or a headline the scan stopped at ("ข่าวกิจกรรม", headline, "06/06/2024")
        for k, line in enumerate(body_lines[:24]):  # a site's menu may stand above headline and date
            if len(line) > 200:
                break
            if not _BYLINE.match(line) and (found := date_line(line)) is not None and found[1]:
                issued = found[0]
                before = [ln for ln in body_lines[:k] if _headline_like(ln) and not _HEADING.fullmatch(ln)]
                if head_title is None and before:
                    head_title = max(before, key=len)
                body_lines = body_lines[k + 1:]
                break
    if issued is None or not issued_labelled:
        # a byline closing a news story: "โดย สำนักข่าวอินโฟเควสท์ (31 ส.ค. 66)"; a closing "Published : …"
        # also outranks a bare date at the top (a news site's banner: the day the page was read)
        for k in range(len(body_lines) - 1, max(0, len(body_lines) - 5) - 1, -1):
            line = body_lines[k]
            if len(line) <= 120 and (found := date_line(line)) is not None and found[1] and (
                    issued is None or labelled(line)):
                issued = found[0]
                body_lines = body_lines[:k] + body_lines[k + 1:]
                break
    first = next((ln for ln in lines[:HEADER_SCAN] if not (_SITE_LINE.fullmatch(ln) or _FURNITURE.fullmatch(ln))), lines[0])
    if head_title is None and not marker and not title and _headline_like(first) and len(lines) > 1 \
            and len(first) <= 200:
        head_title = first  # plain text: a short first line is the title, but stays in the body
    found_url = None
    kept = []
    for line in body_lines:
        if len(kept) >= 3 and _RELATED.fullmatch(line):
            break  # "Related", "ข่าวที่เกี่ยวข้อง": other stories' headlines below this one
        if _ASTERISKS.fullmatch(line) or (len(line) <= 120 and _FURNITURE.fullmatch(line)):
            continue
        if m := _SOURCE.fullmatch(line):
            if found_url is None and (u := _URL.search(m["rest"])):
                found_url = u.group(0).rstrip(".,;)")
            continue
        kept.append(line)
    body = "\n".join(kept)
    if not body:
        raise NoContentError(source, "no body text (only headings, title or date)")
    return Release(
        release_id=release_id, source_file=source_file, body=body, title=head_title,
        issued=issued or lead_date(kept) or published, url=web_address(found_url) or web_address(url),
        lang=detect_lang((head_title or "") + "\n" + body),
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(), site=site,
    )
