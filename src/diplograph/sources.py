"""Read press releases from files: bytes → text → :class:`~diplograph.model.Release`.

Pure functions do the work (:func:`normalize_text`, :func:`decode_bytes`,
:func:`html_to_article`, :func:`parse_release`); file-system access stays at the
edges (:func:`read_path`, :func:`iter_inputs`; :func:`diplograph.inputs.read_inputs` reads
a whole command's inputs, one text per release id).  Readers
*yield* :class:`~diplograph.errors.InputError` instead of raising it, so one bad
file or JSONL line never stops a batch of thousands.

Layout decisions (see :func:`parse_release`):

* only the first :data:`HEADER_SCAN` lines are searched for the site header,
  ministry headings, the date line and the headline: the release's date is its
  *date line*, never a date from the body ("วันนี้ (29 ก.ย. 63)" is the meeting);
* the date line found in the text wins over a ``published`` argument (which is
  the fallback, e.g. the page date an HTML page states outside its article
  text); the source line's URL wins over a ``url`` argument likewise; a given
  ``title`` wins over the detected headline (it comes from page markup);
* in plain text without any layout marker the first short line becomes the
  title but stays in the body: without a marker we cannot tell a headline from
  a short first paragraph, and dropping a paragraph loses facts;
* Thai digits become ASCII digits in :func:`normalize_text`, so every later
  stage (dates, numbers, ordinals) sees one digit set.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from .deephtml import flatten as flatten_deep_html, too_deep
from .errors import DecodeError, InputError, NoContentError, ScriptError
from .datelines import date_line, lead_date
from .extraction.dates import MAX_YEAR, MIN_YEAR, parse_date
from .extraction.text import CLAUSE_BREAKS, windows
from .model import Lang, Release
from .warc import is_archive, read_archives

__all__ = [
    "MAX_FILE_BYTES", "MAX_LINE_CHARS", "HEADER_SCAN", "INPUT_SUFFIXES",
    "normalize_text", "decode_bytes", "html_to_article", "parse_release", "script_problem", "display_name",
    "read_bytes", "read_path", "iter_inputs",
]

MAX_FILE_BYTES = 20 * 1024 * 1024  # a .txt/.html file (or one JSONL line) above this is refused
MAX_LINE_CHARS = 5000  # longer lines are split so later (regex) stages stay linear
HEADER_SCAN = 12  # lines searched for headings, date line and headline
INPUT_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")

# --------------------------------------------------------------------------- text

# zero-width → "", Unicode spaces and controls → " ", odd line breaks → "\n", Thai digits ๐–๙ → 0–9;
# lone surrogates (a JSON "\ud800" escape, half an emoji) → "": they cannot be encoded, in RDF or anywhere.
_MAP = {chr(c): "" for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD)}
_MAP |= {chr(c): " " for c in (9, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B), *range(0, 9),
                               *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0))}
_MAP |= {chr(c): "\n" for c in (0x0B, 0x0C, 0x85, 0x2028, 0x2029)} | {chr(0x0E50 + i): str(i) for i in range(10)}
# str.translate looks up every character (≈40 ms per MB of Thai); a regex that
# only stops at the few characters to change is ~8× faster on real text.
_TO_MAP = re.compile("[" + "".join(re.escape(c) for c in sorted(_MAP)) + "\ud800-\udfff]")
_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")  # nikhahit (+tone) + sara aa → (tone +) sara am
_DOUBLE_SARA_E = re.compile("\u0e40\u0e40")  # "เเ" typed for "แ"
_TONE_FIRST = re.compile("([\u0e48-\u0e4b]+)([\u0e31\u0e34-\u0e37])")  # "ท่ี": a tone typed before its vowel
_DUP_MARK = re.compile("([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\\1+")  # the same mark typed twice
_SPACES = re.compile(" {2,}")
_LINE_EDGES = re.compile(" *\n *")
_BLANK_RUNS = re.compile("\n{3,}")


def _thai_marks(s: str) -> str:
    """Thai vowels and marks as they should be typed, until nothing changes (one pass on clean text).

    One fix can make another possible — a doubled tone removed leaves nikhahit,
    tone and sara aa side by side, to be composed into sara am — so the fixes
    repeat until the text is stable; each one shortens the text or moves a tone
    mark to the right, so this ends.
    """
    while True:
        fixed = s
        if "\u0e4d" in fixed:
            fixed = _SARA_AM.sub("\\1\u0e33", fixed)
        if "\u0e40\u0e40" in fixed:
            fixed = _DOUBLE_SARA_E.sub("\u0e41", fixed)
        fixed = _DUP_MARK.sub("\\1", fixed)
        if _TONE_FIRST.search(fixed):
            fixed = unicodedata.normalize("NFC", _TONE_FIRST.sub("\\2\\1", fixed))
        if fixed == s:
            return s
        s = fixed


def normalize_text(s: str) -> str:
    """One canonical form of text for every later stage (and for the content hash).

    NFC; zero-width characters, soft hyphens and lone surrogates removed
    (scrapers leave them inside Thai words); every Unicode space → " ", runs
    collapsed; controls dropped; line endings → "\\n", lines stripped, at most one blank line in a
    row; decomposed sara am composed ("นํ้า" → "น้ำ"), "เเ" → "แ", a tone mark typed
    before its vowel put after it ("ท่ี" → "ที่", as NFC does for vowels below); Thai digits →
    ASCII digits (documented choice: dates, counts and ordinals then need one
    grammar).  Idempotent, and linear: a handful of compiled regexes
    (≈25 ms per MB).
    """
    s = _TO_MAP.sub(lambda m: _MAP.get(m.group(), ""), s.replace("\r\n", "\n").replace("\r", "\n"))
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    s = _thai_marks(s)
    s = _SPACES.sub(" ", s)
    s = _LINE_EDGES.sub("\n", s)
    return _BLANK_RUNS.sub("\n\n", s).strip(" \n")


# ----------------------------------------------------------------------- decoding

_MAGIC = (
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"), (b"PK\x03\x04", "ZIP"), (b"PK\x05\x06", "ZIP"), (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0", "OLE/MS Office"), (b"\x7fELF", "ELF"), (b"RIFF", "RIFF"),
    (b"7z\xbc\xaf", "7z"), (b"Rar!", "RAR"), (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BAD_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]+")  # runs: counting them is cheaper than one match per letter
_LATIN_LETTER = re.compile("[A-Za-z]+")

# Thai orthography: an above/below vowel or tone mark follows a consonant or
# another mark; a leading vowel precedes a consonant.  Random bytes read as
# cp874 break these rules constantly, real Thai text almost never.
_ORPHAN_MARK = re.compile("(?<![\u0e01-\u0e2e\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_BAD_LEADING = re.compile("[\u0e40-\u0e44](?![\u0e01-\u0e2e])")
# What Thai/English releases are made of; UTF-16 read with the wrong byte order is mostly CJK.
_TEXTLIKE = re.compile("[\t\n\r\x20-\x7e\xa0-\xff\u0e00-\u0e7f\u2000-\u206f\u20ac\ufeff]+")
# Bytes above 0x7F that Windows-874 and Windows-1252 both read as the same punctuation (€ … ‘ ’ “ ” • – — NBSP).
_SHARED_HIGH = re.compile(rb"[\x00-\x7f\x80\x85\x91-\x97\xa0]*")
_UTF8_AS_CP874 = re.compile("\u0e40[\u0e18\u0e19]")


def _count(runs: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the run pattern covers (removing them is done in C: no Python loop)."""
    return len(text) - len(runs.sub("", text))


def _plausible(text: str, *, legacy: bool) -> bool:
    """Is this decoded text something a person wrote (not bytes read wrongly)?

    Every reading: no more than 0.5 % control/private-use characters (none in a
    short text).  A legacy (cp874) reading must also look Thai: Thai letters
    ≥ 30 % of letters, Thai marks in legal positions, and not the "เธ…เน…"
    pattern that UTF-8 Thai bytes make when read as cp874.
    """
    if len(_BAD_CONTROLS.findall(text)) > len(text) // 200:
        return False
    if not legacy:  # decoded strictly as UTF-8/16/32: only binary junk is left to catch
        return True
    thai = _count(_THAI_LETTER, text)
    if thai < 4 or thai < 0.3 * (thai + _count(_LATIN_LETTER, text)):
        return False
    if len(_ORPHAN_MARK.findall(text)) + len(_BAD_LEADING.findall(text)) > max(1, thai // 100):
        return False
    return len(_UTF8_AS_CP874.findall(text)) * 3 <= thai // 2


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a release's bytes: UTF-8 (± BOM), UTF-16/32 (BOM, or UTF-16 by its NULs), cp874.

    Windows-874/TIS-620 is accepted only when strict UTF-8 fails *and* the
    cp874 reading is plausibly Thai (enough Thai letters, no controls, Thai
    marks in legal positions), or when its only high bytes are the punctuation
    cp874 and cp1252 read alike (English text with curly quotes): a guess that
    produced mojibake would poison the graph silently, so anything else is a
    :class:`DecodeError`.
    Why rules and not a detector (charset-normalizer, which trafilatura brings
    along; diplograph does not depend on it): releases come in three
    encodings, and a detector chooses among dozens of code pages with nothing
    to say "none of these". It names the dev corpus's Windows-874 file (d023)
    right, but reads a one-line Windows-874 title ("กระทรวงการต่างประเทศ
    29 ก.ย. 2563", 33 bytes) as cp932, Japanese, and would put that mojibake
    in the graph without a word; these rules either read Thai or refuse.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(source, f"is binary ({kind}), not a text release")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(source, f"invalid {enc.upper()} after its byte-order mark at byte {e.start + len(bom)}") from None
            if not _plausible(text, legacy=False):
                raise DecodeError(source, f"{enc.upper()} byte-order mark but the text holds control characters (binary?)")
            return text
    if b"\x00" in data:
        # UTF-16 without BOM: ASCII and Thai (U+0E00–U+0E7F) both put a NUL or 0x0E in every other byte.
        if len(data) % 2 == 0:
            for enc in ("utf-16-le", "utf-16-be"):
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                if _plausible(text, legacy=False) and _count(_TEXTLIKE, text) >= 0.9 * len(text):
                    return text
        raise DecodeError(source, "is binary (NUL bytes without UTF-16 structure)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    else:
        if _plausible(text, legacy=False):
            return text
        raise DecodeError(source, "is binary (control characters in the text)")
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        text = None
    if text is not None and (_plausible(text, legacy=True) or (
            _SHARED_HIGH.fullmatch(data) and _plausible(text, legacy=False))):
        return text  # Thai, or (English) text whose only high bytes read alike in cp874 and cp1252
    if utf8_error.reason == "unexpected end of data" and _plausible(data[:utf8_error.start].decode("utf-8"),
                                                                     legacy=False):
        raise DecodeError(source, f"truncated: the UTF-8 text ends in the middle of a character (at byte "
                                  f"{utf8_error.start}); the file was cut short")
    raise DecodeError(source, f"not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at {utf8_error.start}), "
                              "UTF-16 or Windows-874/TIS-620 text")


# --------------------------------------------------------------------------- HTML

_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title"}
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "dc.date.issued",
    "dc.date", "dcterms.issued", "publish-date", "pubdate", "publication_date",
)

_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def _has_sentence(text: str, title: str | None) -> bool:
    """At least one line that reads like prose, not a link label ("หน้าแรก", "Home")."""
    for line in text.split("\n"):
        if title and line == title:
            continue
        thai = _count(_THAI_LETTER, line)
        if thai + _count(_LATIN_LETTER, line) >= 25 and (thai >= 25 or len(line.split()) >= 5):
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


# ----------------------------------------------------------------- release layout

_SITE_HEADER = re.compile(r"(?:รัฐบาลไทย\s*-\s*ข่าวทำเนียบรัฐบาล|Royal Thai Government\s*-\s*Government House News)\s*-\s*(?P<title>.+)", re.I)
_HEADING = re.compile(
    r"(?:ข่าวสารนิเทศ(?:\s*กระทรวงการต่างประเทศ)?|กระทรวงการต่างประเทศ|รัฐบาลไทย|ข่าวทำเนียบรัฐบาล"
    r"|Ministry of Foreign Affairs(?: of the Kingdom of Thailand|,? Kingdom of Thailand)?"
    r"|Royal Thai Government|Government House News|Press Releases?|News|Media Releases?"
    r"|ข่าว(?:กิจกรรม|เด่น|ประชาสัมพันธ์|สาร|ต่างประเทศ|ในประเทศ|การเมือง|เศรษฐกิจ|ทั่วไป)(?:\s?[|:]\s?\S.*?\s?ข่าว)?)"
    r"(?:\s*[:：]\s*(?P<title>.+))?", re.I)
_FURNITURE = re.compile(
    r"(?:share|print|tweet|e-?mail|copy link|back to top|home|facebook|twitter|line|x|skip to (?:main )?content"
    r"|loading(?: color scheme)?|เนื้อหาหลัก|ข้อความแจ้งเตือน|รายละเอียดเนื้อหา|back to the l\w*|(?:!\[[^\]]*\]\([^)]*\)\s*)+\|?"
    r"|แชร์|พิมพ์|หน้าแรก|หน้าหลัก|กลับด้านบน|ขนาดตัวอักษร.*|แชร์ข่าวนี้.*|share this.*|font size.*"
    r"|(?:แท็ก|tags?)\s*:.*"
    r"|(?:อ่าน|เข้าชม|ผู้เข้าชม|จำนวนผู้เข้าชม|read|views?|viewed|hits?)\s*:?\s*[\d,]+\s*(?:ครั้ง|times)?"
    r"|\|?\s*[\d,]+\s*(?:views?|reads?|ครั้ง)"
    r"|[^»›>\n]{1,40}(?:[»›][^»›>\n]{1,40}){1,6}|[^»›>\n]{1,40}(?:\s>\s[^»›>\n]{1,40}){2,6})\s*:?", re.I)
_BYLINE = re.compile(r"\s*(?:โดย|By)\s")  # a story's closing byline, not a header
_ASTERISKS = re.compile(r"(?:\*\s*){3,}")
_SOURCE = re.compile(r"(?:ที่มา|แหล่งที่มา|แหล่งข่าว|Source)\s*[:：]\s*(?P<rest>.{0,300})", re.I)
_URL = re.compile(r"https?://[^\s<>\"“”]+")
_SENTENCE_END = re.compile(r"[.!?。](?:\s|$)")
_CRAWL_DATE = re.compile(r"\s*date (?P<day>\d{4}-\d{2}-\d{2})(?!\d)\s*")


def _date_line(line: str) -> date | None:
    """The release's own date if ``line`` is a date line (see :mod:`diplograph.datelines`)."""
    found = date_line(line)
    return found[0] if found and found[1] else None


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


def detect_lang(text: str) -> Lang:
    """"th" when Thai letters are at least 30 % of the letters (names in Latin script don't flip it)."""
    text = text[:20000]  # the share is settled long before; keeps huge inputs cheap
    thai = _count(_THAI_LETTER, text)
    latin = _count(_LATIN_LETTER, text)
    return "th" if thai and thai >= 0.3 * (thai + latin) else "en"


_LATIN_ANY = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")  # English, and names with accents
_OTHER_LETTERS = re.compile("[^\\W\\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0e00-\u0e7f]+")  # any other script
_SCRIPT_NAMES = {"CJK": "Han", "HANGUL": "Hangul", "HIRAGANA": "Hiragana", "KATAKANA": "Katakana"}
SCRIPT_SAMPLE = 20000  # characters looked at: the share of each script is settled long before


def script_problem(text: str) -> str | None:
    """Why ``text`` is not a Thai or English release, judged by its letters; None when it is one.

    Thai and Latin letters must be at least half of all letters: a Lao,
    Khmer or Chinese page gives "no Thai or English text (Lao script)" instead
    of a silently empty release, while names in another script inside a Thai
    or English release are fine.  Linear, and only the first
    :data:`SCRIPT_SAMPLE` characters are read.
    """
    sample = text[:SCRIPT_SAMPLE]
    ours = _count(_THAI_LETTER, sample) + _count(_LATIN_ANY, sample)
    others = _count(_OTHER_LETTERS, sample)
    if ours >= others and ours:
        return None
    if not others:
        return "no Thai or English text (no letters at all)"
    scripts: dict[str, int] = {}
    for m in _OTHER_LETTERS.finditer(sample):
        for c in m.group():
            word = unicodedata.name(c, "UNKNOWN").split(" ")[0]
            scripts[word] = scripts.get(word, 0) + 1
    top = max(sorted(scripts), key=scripts.__getitem__)
    return f"no Thai or English text ({_SCRIPT_NAMES.get(top, top.title())} script)"


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
    marker = False
    start = 0
    for i, line in enumerate(lines[:HEADER_SCAN]):
        start = i + 1
        if _FURNITURE.fullmatch(line) or _ASTERISKS.fullmatch(line):
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
                issued = found[0]
            marker = True
            continue
        if head_title and _same_headline(line, head_title):
            if not title and len(line) > len(head_title):  # the site header was cut off
                head_title = line
            continue
        if head_title is None and _headline_like(line) and i + 1 < len(lines):
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
        for k, line in enumerate(body_lines[:12]):
            if len(line) > 200:
                break
            if not _BYLINE.match(line) and (found := date_line(line)) is not None and found[1]:
                issued = found[0]
                before = [ln for ln in body_lines[:k] if _headline_like(ln) and not _HEADING.fullmatch(ln)]
                if head_title is None and before:
                    head_title = max(before, key=len)
                body_lines = body_lines[k + 1:]
                break
    if issued is None:
        # a byline closing a news story: "โดย สำนักข่าวอินโฟเควสท์ (31 ส.ค. 66)"
        for k in range(len(body_lines) - 1, max(0, len(body_lines) - 5) - 1, -1):
            if len(body_lines[k]) <= 120 and (found := date_line(body_lines[k])) is not None and found[1]:
                issued = found[0]
                body_lines = body_lines[:k] + body_lines[k + 1:]
                break
    if head_title is None and not marker and not title and _headline_like(lines[0]) and len(lines) > 1 \
            and len(lines[0]) <= 200:
        head_title = lines[0]  # plain text: a short first line is the title, but stays in the body
    found_url = None
    kept = []
    for line in body_lines:
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
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
    )


# ----------------------------------------------------------------------------- I/O

def _parse_published(value: object, source: str) -> date | None:
    """A JSONL ``published`` field: ISO date (or datetime), or Thai/English date text."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(source, f"'published' must be a string, not {type(value).__name__}")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        pass
    d = parse_date(normalize_text(value))
    if d is None:
        raise InputError(source, f"'published' is not a date: {value[:40]!r}")
    return d


def _too_large(size: int, at_least: bool = False) -> str:
    return (f"too large ({'over ' if at_least else ''}{size:,} bytes; the limit is {MAX_FILE_BYTES:,}): "
            "a press release is a few kilobytes — split the file into releases or a .jsonl batch")


_SURROGATE_BYTE = re.compile("[\udc80-\udcff]")  # a byte of a file name that is not UTF-8 (surrogateescape)
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def display_name(name: str) -> str:
    """A file name, path or id that can go anywhere text goes: messages, RDF literals, IRIs.

    File names are bytes on Linux; one that is not UTF-8 reaches Python with
    its bad bytes as lone surrogates, which cannot be encoded.  Those bytes
    become ``%XX`` (so two such names stay apart), other lone surrogates
    (a JSON id's ``\\ud800``) U+FFFD, and control characters — a newline in a
    file name — a backslash escape, so a message naming the file stays on one
    line.  Every other name is returned unchanged.
    """
    if not _UNSHOWABLE.search(name):
        return name
    name = _SURROGATE_BYTE.sub(lambda m: f"%{ord(m.group()) - 0xDC00:02X}", name)
    return _UNSHOWABLE.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff"
                           else m.group().encode("unicode_escape").decode("ascii"), name)


def read_bytes(data: bytes, name: str, *, html: bool = False, release_id: str | None = None) -> Release:
    """One release from a file's bytes (``name`` is the file name, used in messages)."""
    name = display_name(name)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(name, _too_large(len(data)))
    text = decode_bytes(data, name)
    rid = display_name(release_id) if release_id else Path(name).stem
    if not text.strip():
        raise NoContentError(name, "empty or whitespace only")
    try:
        if html:
            return _release_from_html(text, name, rid, Path(name).name)
        return parse_release(text, release_id=rid, source_file=Path(name).name)
    except InputError as e:  # parse_release only knows the file's name; messages give the path
        raise (e if e.source == name else _relabel(e, name)) from None


def _release_from_html(html: str, source: str, rid: str, source_file: str, url: str | None = None,
                       published: date | None = None, title: str | None = None) -> Release:
    text, meta = html_to_article(html, source)
    page_date = parse_date(normalize_text(meta["date"])) if meta.get("date") else None
    return parse_release(text, release_id=rid, source_file=source_file, url=url or meta.get("url"),
                         published=published or page_date, title=title or meta.get("title"))


def _relabel(err: InputError, source: str) -> InputError:
    return type(err)(source, err.cause)


def _json_line(raw: bytes, where: str) -> object:
    """One JSONL line parsed; Python's other refusals (a number of 5,000 digits) become an InputError too."""
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise
    except ValueError as e:
        raise InputError(where, f"not valid JSON ({e})") from None


def _read_jsonl(path: Path) -> Iterator[Release | InputError]:
    """One release per JSONL line; a bad line becomes an InputError naming ``file:line``."""
    shown, file_name, stem = display_name(str(path)), display_name(path.name), display_name(path.stem)
    with path.open("rb") as f:
        lineno = 0
        while raw := f.readline(MAX_FILE_BYTES + 1):
            lineno += 1
            where = f"{shown}:{lineno}"
            if len(raw) > MAX_FILE_BYTES and not raw.endswith(b"\n"):
                while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield InputError(where, "line " + _too_large(len(raw), at_least=True))
                continue
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            try:
                obj = _json_line(raw, where)
                if not isinstance(obj, dict):
                    raise InputError(where, f"expected a JSON object, got {type(obj).__name__}")
                text, html = obj.get("text"), obj.get("html")
                if not isinstance(text, str) and not isinstance(html, str):
                    raise InputError(where, "no 'text' (or 'html') string field")
                rid = obj.get("id")
                rid = display_name(str(rid)) if isinstance(rid, (str, int)) and str(rid).strip() \
                    else f"{stem}-{lineno}"
                url = obj.get("url") if isinstance(obj.get("url"), str) else None
                title = obj.get("title") if isinstance(obj.get("title"), str) else None
                published = _parse_published(obj.get("published"), where)
                if isinstance(text, str):
                    yield parse_release(text, release_id=rid, source_file=file_name, url=url,
                                        published=published, title=title)
                else:
                    yield _release_from_html(html, where, rid, file_name, url, published, title)
            except UnicodeDecodeError as e:
                yield DecodeError(where, f"not UTF-8 (invalid byte at {e.start})")
            except json.JSONDecodeError as e:
                yield InputError(where, f"not valid JSON ({e.msg} at column {e.colno})")
            except RecursionError:
                yield InputError(where, "not valid JSON (nested too deeply)")
            except InputError as e:
                yield e if e.source == where else _relabel(e, where)


def read_path(path: Path) -> Iterator[Release | InputError]:
    """The releases in one file: a .txt/.html/.htm file is one, a .jsonl file one per line, a web archive
    (.warc, .warc.gz) one per page (:mod:`diplograph.warc`)."""
    path = Path(path)
    shown = display_name(str(path))
    try:
        st = path.stat()
    except OSError as e:
        yield InputError(shown, f"cannot read ({e.strerror or e})")
        return
    if not stat.S_ISREG(st.st_mode):
        yield InputError(shown, "not a regular file")
        return
    suffix = path.suffix.lower()
    if is_archive(path):
        yield from read_archives([path])
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path)
            return
        if st.st_size > MAX_FILE_BYTES:
            yield InputError(shown, _too_large(st.st_size))
            return
        data = path.read_bytes()
    except OSError as e:
        yield InputError(shown, f"cannot read ({e.strerror or e})")
        return
    try:
        release = read_bytes(data, str(path), html=suffix in (".html", ".htm"), release_id=path.stem)
    except InputError as e:
        yield e
    else:
        yield release


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path | str]:
    """Input files under ``paths`` in a deterministic order, and a note for each file skipped.

    Directories are walked depth-first in name order; hidden entries (".git")
    are passed over silently; resolved directories are remembered so symlink
    loops end, and a file reached twice is read once.  A named path that does
    not exist is yielded anyway: reading it gives the InputError.
    """
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()
    for top in paths:
        stack: list[tuple[Path, bool]] = [(Path(top), True)]
        while stack:
            path, named = stack.pop()
            try:
                is_dir = path.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                real = os.path.realpath(path)
                if real in seen_dirs:
                    continue
                seen_dirs.add(real)
                try:
                    children = sorted(path.iterdir(), key=lambda p: p.name)
                except OSError as e:
                    yield f"skipped {display_name(str(path))}: cannot list directory ({e.strerror or e})"
                    continue
                stack.extend((c, False) for c in reversed(children) if not c.name.startswith("."))
            elif path.suffix.lower() in INPUT_SUFFIXES or is_archive(path) or (named and not path.exists()):
                real = os.path.realpath(path)
                if real not in seen_files:
                    seen_files.add(real)
                    yield path
            else:
                yield f"skipped {display_name(str(path))}: not a .txt/.html/.htm/.jsonl/.warc/.warc.gz file"

