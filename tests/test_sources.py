"""Tests for diplograph.sources: decoding, HTML, release layouts, readers."""

from __future__ import annotations

import codecs
import io
import json
import os
import random
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph import sources
from diplograph.errors import DecodeError, DiplographError, InputError, NoContentError
from diplograph.inputs import read_inputs
from diplograph.model import Release
from diplograph.sources import (
    decode_bytes, html_to_article, iter_inputs, normalize_text, parse_release, read_bytes,
    read_path,
)

SHARED = Path(__file__).parent / "fixtures" / "corpus"  # a copy of the shared evaluation corpus
DEV, SEED = SHARED / "dev", SHARED / "seed"
FIXTURES = Path(__file__).parent / "fixtures" / "sources"
needs_corpus = pytest.mark.skipif(not DEV.is_dir(), reason="shared corpus not available")


def _gold_docs() -> list[tuple[Path, Path]]:
    out = []
    for folder in (DEV, SEED):
        for gold in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            doc = next((gold.with_suffix(s) for s in (".txt", ".html") if gold.with_suffix(s).exists()), None)
            if doc is not None:
                out.append((doc, gold))
    return out


def _one(path: Path) -> Release:
    items = list(read_path(path))
    assert len(items) == 1
    assert isinstance(items[0], Release), items[0]
    return items[0]


# ------------------------------------------------------------------ dev corpus

@needs_corpus
@pytest.mark.parametrize("doc,gold", _gold_docs(), ids=lambda p: p.name if isinstance(p, Path) else None)
def test_corpus_date_url_lang(doc: Path, gold: Path) -> None:
    expected = json.loads(gold.read_text(encoding="utf-8"))
    rel = _one(doc)
    published = expected["published"]
    assert rel.issued == (date.fromisoformat(published) if published else None)
    assert rel.url == expected["source_url"]
    assert rel.lang == expected["lang"]
    assert rel.release_id == doc.stem and rel.source_file == doc.name
    assert rel.title and rel.title not in rel.body.split("\n")
    assert "***" not in rel.body and "ที่มา :" not in rel.body
    assert rel.content_hash and len(rel.content_hash) == 64


@needs_corpus
def test_seed_issued_is_release_date_not_meeting_date() -> None:
    rel = _one(SEED / "thaigov-35541.txt")
    assert rel.issued == date(2020, 9, 30)
    assert rel.title == "“ดีอีเอส” หารือทวิภาคีไทย-สิงคโปร์ เพิ่มความเข้มแข็งความปลอดภัยไซเบอร์"
    assert rel.body.startswith("“พุทธิพงษ์” ประชุมทวิภาคีร่วมกับ")
    assert rel.url == "https://www.thaigov.go.th/news/contents/details/35541"


@needs_corpus
@pytest.mark.parametrize("doc_id,first", [
    ("d021", "วันนี้ (16 พฤษภาคม 2567) เวลา 15.30 น. ณ ตึกไทยคู่ฟ้า ทำเนียบรัฐบาล นายเศรษฐา ทวีสิน นายกรัฐมนตรี"),
    ("d022", "เมื่อวันที่ 12 มิถุนายน 2567 นายมาริษ เสงี่ยมพงษ์ รัฐมนตรีว่าการกระทรวงการต่างประเทศ"),
])
def test_html_article_without_sidebar(doc_id: str, first: str) -> None:
    from lxml import html as lxml_html

    path = DEV / f"{doc_id}.html"
    rel = _one(path)
    assert first in rel.body
    tree = lxml_html.fromstring(path.read_bytes())
    distractors = [normalize_text(a.text_content()) for a in tree.xpath("//aside//a | //*[@id='sidebar']//a | //nav//a")]
    assert len(distractors) >= 3
    for headline in distractors:
        assert headline not in rel.body
    for furniture in ("ข่าวที่เกี่ยวข้อง", "ข่าวสารนิเทศล่าสุด", "สงวนลิขสิทธิ์", "addEventListener", "อ่าน 1,284 ครั้ง"):
        assert furniture not in rel.body
    assert rel.title and rel.title.startswith(("นายกรัฐมนตรีหารือทางโทรศัพท์", "รัฐมนตรีว่าการกระทรวงการต่างประเทศให้การต้อนรับ"))


@needs_corpus
def test_cp874_file_decodes_as_thai() -> None:
    data = (DEV / "d023.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    rel = _one(DEV / "d023.txt")
    assert "จุรินทร์" in rel.body and rel.lang == "th"
    assert rel.issued == date(2022, 1, 26)


@needs_corpus
def test_layout_titles() -> None:
    d012 = _one(DEV / "d012.txt")  # "กระทรวงการต่างประเทศ" / "ข่าวสารนิเทศ : <title>"
    assert d012.title.startswith("รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงการต่างประเทศหารือทางโทรศัพท์")
    assert d012.body.startswith("เมื่อวันที่ 3 กุมภาพันธ์ 2565")
    d017 = _one(DEV / "d017.txt")  # title ending in a date range is not the date line
    assert d017.title.endswith("9 – 10 July 2022") and d017.issued == date(2022, 7, 10)
    assert d017.body.startswith("1. At the invitation")
    d018 = _one(DEV / "d018.txt")
    assert d018.title.startswith("Thailand and Sri Lanka sign") and d018.body.startswith("Today (3 February 2024)")


@needs_corpus
def test_whole_corpus_through_read_inputs() -> None:
    t0 = time.perf_counter()
    items = list(read_inputs([DEV, SEED]))
    elapsed = time.perf_counter() - t0
    releases = [i for i in items if isinstance(i, Release)]
    notes = [i for i in items if isinstance(i, str)]
    assert len(releases) == 25 and not [i for i in items if isinstance(i, InputError)]
    assert any("README.md" in n for n in notes) and all(n.startswith("skipped ") for n in notes)
    assert [r.release_id for r in releases][:3] == ["d001", "d002", "d003"]
    assert elapsed < 10


# -------------------------------------------------------------------- encodings

THAI = (FIXTURES / "thai_release.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("encoded", [
    THAI.encode("utf-8"),
    codecs.BOM_UTF8 + THAI.encode("utf-8"),
    codecs.BOM_UTF16_LE + THAI.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + THAI.encode("utf-16-be"),
    THAI.encode("utf-16-le"),  # no BOM: found by its byte pattern
    THAI.encode("cp874"),
    THAI.replace("\n", "\r\n").encode("tis-620"),
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "cp874", "tis620-crlf"])
def test_same_release_in_every_encoding(encoded: bytes) -> None:
    reference = read_bytes(THAI.encode("utf-8"), "x.txt")
    rel = read_bytes(encoded, "x.txt")
    assert rel.body == reference.body and rel.content_hash == reference.content_hash
    assert rel.issued == date(2024, 1, 5)
    assert rel.url == "https://thaigov.example/news/contents/details/99999"
    assert rel.title == "นายกรัฐมนตรีหารือทางโทรศัพท์กับนายกรัฐมนตรีมาเลเซีย"
    assert rel.lang == "th"


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", THAI)
    return buf.getvalue()


@pytest.mark.parametrize("data,kind", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
    (_zip_bytes(), "ZIP"),
    (random.Random(7).randbytes(4096), None),
    (THAI.encode("utf-8")[:-20] + "ไทย".encode("utf-8")[:2], None),  # truncated UTF-8
    ("ไทย".encode("utf-8")[:-1], None),
    ("café crème".encode("latin-1"), None),
    (b"abc\x00def\x00\x01\x02", "binary"),
    (b"\x01\x02\x03\x04hello", "binary"),
])
def test_binary_and_undecidable_bytes(data: bytes, kind: str | None) -> None:
    with pytest.raises(DecodeError) as err:
        decode_bytes(data, "some/file.txt")
    assert "some/file.txt" in str(err.value) and "\n" not in str(err.value)
    if kind:
        assert kind in str(err.value)


def test_windows_punctuation_in_english_text() -> None:
    text = "The Minister\u2019s \u201cofficial\u201d visit \u2013 9 July 2022 \u2026"
    assert decode_bytes(text.encode("cp1252"), "e.txt") == text == decode_bytes(text.encode("cp874"), "e.txt")


def test_mojibake_of_utf8_thai_read_as_cp874_is_refused() -> None:
    # UTF-8 Thai whose bytes all happen to be defined in cp874 would read as "เธญเธฒ…"
    text = "อาสา อาสา อาสา"
    data = text.encode("utf-8")[:-1]
    with pytest.raises(DecodeError):
        decode_bytes(data, "m.txt")


@given(st.binary(max_size=3000))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_bytes_raise_only_own_errors(data: bytes) -> None:
    for html in (False, True):
        try:
            rel = read_bytes(data, "fuzz.html" if html else "fuzz.txt", html=html)
        except DiplographError:
            continue
        assert isinstance(rel, Release) and rel.body


@given(st.text(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_arbitrary_text_raises_only_own_errors(text: str) -> None:
    try:
        rel = read_bytes(text.encode("utf-8", "surrogatepass"), "fuzz.txt")
    except DiplographError:
        return
    assert rel.body and rel.body == normalize_text(rel.body)


# ----------------------------------------------------------------- no content

def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\u00a0\u200b\n\n", encoding="utf-8")
    (tmp_path / "blank16.txt").write_bytes(codecs.BOM_UTF16_LE + "   \n ".encode("utf-16-le"))
    for name in ("empty.txt", "blank.txt", "blank16.txt"):
        (item,) = read_path(tmp_path / name)
        assert isinstance(item, NoContentError) and name in str(item)


def test_html_with_only_navigation() -> None:
    html = (FIXTURES / "nav_only.html").read_text(encoding="utf-8")
    with pytest.raises(NoContentError):
        html_to_article(html, "nav_only.html")
    (item,) = read_path(FIXTURES / "nav_only.html")
    assert isinstance(item, NoContentError) and "nav_only.html" in str(item)


ARTICLE = ("<p>Foreign Minister Don Pramudwinai met Foreign Minister Vivian Balakrishnan of Singapore in Bangkok "
           "on 29 September 2020 to discuss trade and tourism between Thailand and Singapore.</p>")
NAV = ("<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
       "<p>The Ministry of Foreign Affairs publishes news of Thailand's relations with other countries every day.</p>")


def page(body: str) -> str:
    return f"<html><head><title>Thailand and Singapore</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("depth", [300, 5000, 100_000])
def test_an_article_nested_deeper_than_lxml_reads_is_still_read(depth: int) -> None:
    """libxml2 drops what is nested more than 255 elements deep: the article was lost, reported
    as "only navigation" (a misleading message)."""
    text, meta = html_to_article(page("<div>" * depth + ARTICLE + "</div>" * depth), "deep.html")
    assert "Vivian Balakrishnan" in text and meta["title"] == "Thailand and Singapore"


def test_an_article_behind_a_thousand_unclosed_tags_is_read_whole() -> None:
    """An old page that opens <font> and never closes it: the navigation above was read, the
    article below dropped without a word."""
    text, _ = html_to_article(page(NAV + "<font size=2>" * 1000 + ARTICLE), "font.html")
    assert "Vivian Balakrishnan" in text


def test_deep_scripts_are_not_text_and_a_deep_page_without_an_article_says_it_is_deep() -> None:
    deep = "<div>" * 400 + "<script>var secret = 'not prose';</script>" + ARTICLE + "</div>" * 400
    text, _ = html_to_article(page(deep), "deep.html")
    assert "secret" not in text and "Vivian Balakrishnan" in text
    with pytest.raises(NoContentError, match="nested more than 255 elements deep"):
        html_to_article(page("<div>" * 400 + "<a href='/'>Home</a>" + "</div>" * 400), "menu.html")


def test_flatten_keeps_the_text_and_no_more_than_keep_levels() -> None:
    from lxml import html as lxml_html

    from diplograph.deephtml import flatten

    flat = flatten(page("<div>" * 1000 + "<p>a &amp; b</p><p>c</p>" + "</div>" * 1000), keep=50)
    tree = lxml_html.document_fromstring(flat)
    assert max(len(list(e.iterancestors())) for e in tree.iter()) <= 50
    assert tree.body.text_content() == "a & bc"  # the text whole; the paragraphs apart by a line break:
    assert "a &amp; b<br>c" in flat


def test_html_date_from_time_element_and_meta() -> None:
    body = "<p>" + "The two ministers discussed trade, investment and energy cooperation at length. " * 3 + "</p>"
    page = f"<html><head><title>Talks</title></head><body><article><h1>Ministers hold talks</h1>{body}</article>" \
           "<footer><time datetime='2024-03-02'>2 March 2024</time></footer></body></html>"
    rel = read_bytes(page.encode(), "t.html", html=True)
    assert rel.issued == date(2024, 3, 2) and rel.lang == "en"
    page2 = page.replace("<footer><time datetime='2024-03-02'>2 March 2024</time></footer>", "").replace(
        "<head>", "<head><meta property='article:published_time' content='2023-11-05T10:00:00+07:00'>")
    assert read_bytes(page2.encode(), "t.html", html=True).issued == date(2023, 11, 5)
    page3 = page.replace("<footer><time datetime='2024-03-02'>2 March 2024</time></footer>",
                         '<script type="application/ld+json">{"datePublished": "2022-08-09T08:00:00Z"}</script>'
                         "<div class='sidebar'><p>Older news: 4 March 2021</p></div>")
    assert read_bytes(page3.encode(), "t.html", html=True).issued == date(2022, 8, 9)
    page4 = page.replace("<footer><time datetime='2024-03-02'>2 March 2024</time></footer>",
                         "<div class='sidebar'><p>Older news</p><span>4 March 2021</span></div>")
    assert read_bytes(page4.encode(), "t.html", html=True).issued is None  # no guessing from the sidebar


# ------------------------------------------------------------------------ JSONL

def test_jsonl_good_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": THAI, "url": "https://example.org/a"}, ensure_ascii=False),
        "{not json",
        json.dumps({"url": "https://example.org/c"}),
        "",
        json.dumps({"id": "r-42", "text": "Ministry of Foreign Affairs of the Kingdom of Thailand\nPress Release\n\n"
                    "Minister meets counterpart\n\n14 May 2024\n\nOn 14 May 2024, the Minister met his counterpart "
                    "to discuss trade.", "published": "2024-05-15"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_path(path))
    releases = [i for i in items if isinstance(i, Release)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(releases) == 2 and len(errors) == 2
    assert [r.release_id for r in releases] == ["batch-1", "r-42"]
    assert releases[0].url == "https://thaigov.example/news/contents/details/99999"  # the text's own source line
    assert releases[1].issued == date(2024, 5, 14) and releases[1].lang == "en"  # date line beats 'published'
    assert releases[1].title == "Minister meets counterpart"
    assert f"{path}:2" in str(errors[0]) and "JSON" in str(errors[0])
    assert f"{path}:3" in str(errors[1]) and "text" in str(errors[1])
    assert all(r.source_file == "batch.jsonl" for r in releases)


def test_jsonl_published_html_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "more.jsonl"
    html = (DEV / "d022.html").read_text(encoding="utf-8") if DEV.is_dir() else None
    rows = [
        {"id": 7, "text": "Plain release without a date line that says the two ministers met to discuss trade.",
         "published": "วันพุธที่ 30 กันยายน 2563"},
        {"text": "Another plain release, long enough to be a sentence about cooperation.", "published": "soon"},
        {"text": ""},
        ["a", "list"],
    ]
    if html:
        rows.append({"id": "page", "html": html, "url": "https://mfa.example/1"})
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    items = list(read_path(path))
    assert isinstance(items[0], Release) and items[0].release_id == "7" and items[0].issued == date(2020, 9, 30)
    assert isinstance(items[1], InputError) and f"{path}:2" in str(items[1]) and "published" in str(items[1])
    assert isinstance(items[2], NoContentError) and f"{path}:3" in str(items[2])
    assert isinstance(items[3], InputError) and f"{path}:4" in str(items[3])
    if html:
        assert isinstance(items[4], Release) and items[4].issued == date(2024, 6, 13)
        assert items[4].url == "https://mfa.example/1"


def test_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    path.write_bytes(b'{"text": "\xff\xfe bad"}\n' + json.dumps({"text": "A release that is fine and long enough."}).encode())
    items = list(read_path(path))
    assert isinstance(items[0], DecodeError) and f"{path}:1" in str(items[0])
    assert isinstance(items[1], Release)


# ---------------------------------------------------------------- normalising

def test_normalize_text() -> None:
    assert normalize_text("ประ\u200bชุม\u200c ไทย\ufeff") == "ประชุม ไทย"
    assert normalize_text("นาย\u00a0ดอน\u2003 ปรมัตถ์วินัย") == "นาย ดอน ปรมัตถ์วินัย"
    assert normalize_text("น\u0e4d\u0e49\u0e32") == "น้ำ" == "น\u0e49\u0e33"
    assert normalize_text("ท\u0e4d\u0e32") == "ทำ"
    assert normalize_text("วันที่ ๓๐ กันยายน ๒๕๖๓") == "วันที่ 30 กันยายน 2563"
    assert normalize_text("  a \t b  \r\nc\r\r\n\n\nd  ") == "a b\nc\n\nd"
    assert normalize_text("เเละ") == "และ"
    assert normalize_text("e\u0301") == "é"
    assert normalize_text("ท\u0e48\u0e35") == "ที่" and normalize_text("\u0e4d\u0e48\u0e48\u0e32") == "\u0e48\u0e33"
    assert normalize_text("a\ud800b") == "ab"  # a lone surrogate (a JSON escape) cannot be encoded anywhere
    s = "รัฐบาลไทย\u200b  ข่าว\u00a0๑๒\r\n"
    assert normalize_text(normalize_text(s)) == normalize_text(s)


def test_long_line_is_split_and_fast() -> None:
    line = ("ทั้งสองฝ่ายเห็นพ้องที่จะส่งเสริมความร่วมมือ " * 6000) + ("x" * 30000)
    t0 = time.perf_counter()
    rel = parse_release("Title of it\n" + line, release_id="big", source_file="big.txt")
    assert time.perf_counter() - t0 < 5
    parts = rel.body.split("\n")
    assert rel.title == "Title of it" and parts.pop(0) == "Title of it"  # plain text: the title line stays
    assert len(parts) > 20 and max(map(len, parts)) <= sources.MAX_LINE_CHARS
    assert "".join(parts).replace(" ", "") == line.replace(" ", "")


def test_plain_text_layout() -> None:
    rel = parse_release("Ministers talk trade\nThe two ministers met on 3 May 2024 to talk about trade.",
                        release_id="p", source_file="p.txt")
    assert rel.title == "Ministers talk trade" and rel.issued is None  # a body date is never the release date
    rel = parse_release("วันพุธที่ 30 กันยายน 2563\nหัวข้อข่าวการประชุม\nหัวข้อข่าวการประชุม\nเนื้อหาข่าวการประชุมที่ยาวพอสมควร",
                        release_id="q", source_file="q.txt")
    assert rel.issued == date(2020, 9, 30) and rel.title == "หัวข้อข่าวการประชุม"
    assert rel.body == "เนื้อหาข่าวการประชุมที่ยาวพอสมควร"


def test_furniture_lines_dropped() -> None:
    text = ("หน้าแรก » ข่าวสาร » ข่าวสารนิเทศ\nวันพุธที่ 30 กันยายน 2563\nหัวข้อข่าว\nอ่าน 1,284 ครั้ง\n"
            "Share\nเนื้อหาข่าวที่หนึ่ง\nPrint\nเนื้อหาข่าวที่สอง อัตรา > 5 เปอร์เซ็นต์\n* * * * *\nSource: https://x.example/1")
    rel = parse_release(text, release_id="f", source_file="f.txt")
    assert rel.body == "เนื้อหาข่าวที่หนึ่ง\nเนื้อหาข่าวที่สอง อัตรา > 5 เปอร์เซ็นต์"
    assert rel.url == "https://x.example/1" and rel.title == "หัวข้อข่าว"


def test_a_headline_repeated_above_the_date_lines_is_one_even_ending_with_a_stop() -> None:
    head = "Thailand and Japan agreed to deepen ties during the Foreign Minister's visit to Tokyo during 3-5 May 2021."
    rel = parse_release(f"{head}\n\n{head}\n\nวันที่นำเข้าข้อมูล 6 May 2021\n\nวันที่ปรับปรุงข้อมูล 30 Nov 2022\n\n"
                        "On 4 May 2021, the Minister of Foreign Affairs met his Japanese counterpart.",
                        release_id="h", source_file="h.txt")
    assert (rel.title, rel.issued) == (head, date(2021, 5, 6))


def test_a_site_line_says_whose_page_it_is_and_is_no_headline() -> None:
    text = ("www.thaigov.go.th\n  • Fontsize\n  •\nThailand-Hungary to upgrade mutual relations\n\n"
            "April 30, 2013, Hungarian Deputy Prime Minister Zsolt Kovacs paid a courtesy call on Deputy Prime Minister "
            "Somchai Dee at Government House.")
    rel = parse_release(text, release_id="s", source_file="s.txt")
    assert (rel.site, rel.url, rel.title) == ("www.thaigov.go.th", None, "Thailand-Hungary to upgrade mutual relations")
    from diplograph.extraction import extract, home_country
    assert home_country(rel) == "TH"
    # the release is the Thai government's: its unqualified Deputy Prime Minister is Thai, not the visitor's state
    assert {(p.name, p.country) for p in extract(rel).people} == {("Zsolt Kovacs", "HU"), ("Somchai Dee", "TH")}


@pytest.mark.parametrize("url", ["https://www.thaigov.go.th/news/contents/details/1", "http://thaigov.go.th/en/x"])
def test_a_thaigov_page_names_its_own_officials_without_their_state(url: str) -> None:
    from diplograph.extraction import extract
    rel = parse_release("Thailand-Hungary to upgrade relations\nOn 30 April 2013, Hungarian Deputy Prime Minister "
                        "Zsolt Kovacs paid a courtesy call on Deputy Prime Minister Somchai Dee. He also met Thai "
                        "Foreign Minister Somkiat Rakdee.", release_id="u", source_file="u.txt", url=url)
    assert ("Somchai Dee", "TH") in {(p.name, p.country) for p in extract(rel).people}


# -------------------------------------------------------------------- walking

def test_directory_walk_notes_and_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(THAI, encoding="utf-8")
    (tmp_path / "b" / "c.HTML").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "b" / "d.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "b" / "e.jsonl").write_text("", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "b" / "loop")
    os.symlink(tmp_path / "b", tmp_path / "z")
    items = list(iter_inputs([tmp_path, tmp_path / "a.txt"]))
    paths = [i for i in items if isinstance(i, Path)]
    notes = [i for i in items if isinstance(i, str)]
    assert [p.name for p in paths] == ["a.txt", "c.HTML", "e.jsonl"]
    assert notes == [f"skipped {tmp_path / 'b' / 'd.pdf'}: not a .txt/.html/.htm/.jsonl/.warc/.warc.gz file"]
    assert list(iter_inputs([tmp_path])) == items[: len(items)]  # deterministic


def test_missing_and_special_files(tmp_path: Path) -> None:
    (item,) = list(read_inputs([tmp_path / "missing.txt"]))
    assert isinstance(item, InputError) and "missing.txt" in str(item)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (item,) = list(read_inputs([fifo]))  # must not block on the pipe
    assert isinstance(item, InputError) and "not a regular file" in str(item)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(THAI, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root: permissions are not enforced, so reading is made to fail
            def denied(self: Path) -> bytes:
                raise PermissionError(13, "Permission denied", str(self))

            monkeypatch.setattr(Path, "read_bytes", denied)
        (item,) = list(read_path(path))
        assert isinstance(item, InputError) and str(item) == f"{path}: cannot read (Permission denied)"
    finally:
        path.chmod(0o644)


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 3000)
    path = tmp_path / "big.txt"
    path.write_text(THAI * 10, encoding="utf-8")
    (item,) = list(read_path(path))
    assert isinstance(item, InputError) and "too large" in str(item)
    jl = tmp_path / "big.jsonl"
    jl.write_text(json.dumps({"text": THAI * 10}, ensure_ascii=False) + "\n" + json.dumps({"text": THAI}), encoding="utf-8")
    items = list(read_path(jl))
    assert isinstance(items[0], InputError) and f"{jl}:1" in str(items[0]) and "too large" in str(items[0])
    assert isinstance(items[1], Release)


def test_scraped_layouts_without_site_header() -> None:
    # headline first, then the date line, then a repeat; crawl lines mixed in
    text = ("Share\nนายกรัฐมนตรีหารือรัฐมนตรีต่างประเทศจีน\nวันพุธที่ 7 กุมภาพันธ์ 2567\nPrint\n"
            "นายกรัฐมนตรีหารือรัฐมนตรีต่างประเทศจีน\nวันนี้ (7 ก.พ. 67) นายกรัฐมนตรีได้หารือกับรัฐมนตรีว่าการกระทรวงการต่างประเทศจีน")
    rel = parse_release(text, release_id="s", source_file="s.txt")
    assert rel.title == "นายกรัฐมนตรีหารือรัฐมนตรีต่างประเทศจีน" and rel.issued == date(2024, 2, 7)
    assert rel.body.startswith("วันนี้ (7 ก.พ. 67)") and "\n" not in rel.body
    # the site header cut off mid-headline: the full repeat becomes the title
    text = ("รัฐบาลไทย - ข่าวทำเนียบรัฐบาล - ครม. เห็นชอบร่างบันทึกความเข้าใจด้านเศรษฐ\n"
            "วันอังคารที่ 24 พฤศจิกายน 2563\nครม. เห็นชอบร่างบันทึกความเข้าใจด้านเศรษฐกิจดิจิทัลไทย-สิงคโปร์\n"
            "ครม. เห็นชอบร่างบันทึกความเข้าใจด้านเศรษฐกิจดิจิทัลไทย-สิงคโปร์\nเนื้อหาของข่าว\n* * * * *\nที่มา: https://x.example/9")
    rel = parse_release(text, release_id="t", source_file="t.txt")
    assert rel.title == "ครม. เห็นชอบร่างบันทึกความเข้าใจด้านเศรษฐกิจดิจิทัลไทย-สิงคโปร์"
    assert rel.body == "เนื้อหาของข่าว" and rel.issued == date(2020, 11, 24) and rel.url == "https://x.example/9"
    # Thai digits in the date line
    rel = parse_release("ข่าวสารนิเทศ\nวันศุกร์ที่ ๔ กุมภาพันธ์ ๒๕๖๕\nหัวข้อ\nเนื้อหา", release_id="u", source_file="u.txt")
    assert rel.issued == date(2022, 2, 4) and rel.title == "หัวข้อ" and rel.body == "เนื้อหา"


def test_given_title_and_published_are_fallbacks() -> None:
    rel = parse_release("Headline here\nThe ministers met on 3 May 2024 to talk about trade.", release_id="g",
                        source_file="g.txt", title="Headline here", published=date(2024, 5, 4), url="https://a/b")
    assert rel.title == "Headline here" and rel.issued == date(2024, 5, 4) and rel.url == "https://a/b"
    assert rel.body == "The ministers met on 3 May 2024 to talk about trade."


def test_jsonl_deeply_nested_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100000 + "\n" + json.dumps({"text": "A release that is fine and long enough."}))
    items = list(read_path(path))
    assert isinstance(items[0], InputError) and f"{path}:1" in str(items[0])
    assert isinstance(items[1], Release) and items[1].release_id == "deep-2"


def test_a_closing_byline_dates_a_news_story() -> None:
    text = ("พล.อ.สมชาย ใจดี นายกรัฐมนตรี เดินทางเข้าปฏิบัติงานภายในทำเนียบรัฐบาลวันสุดท้าย\n"
            "ขณะที่ในเวลา 11.30 น. นายกรัฐมนตรีจะร่วมรับประทานอาหารกับสื่อมวลชน\n"
            "โดย สำนักข่าวอินโฟเควสท์ (31 ส.ค. 66\n"
            "Tags: ครม., ทำเนียบรัฐบาล")
    rel = parse_release(text, release_id="b", source_file="b.txt")
    assert rel.issued == date(2023, 8, 31) and "อินโฟเควสท์" not in rel.body


def test_a_closing_published_line_outranks_a_site_banner_date() -> None:
    # a news site's banner carries the day the page was read; the story's own "Published :" line is the release's
    text = ("Fri, March 10, 2023\n\nin-focus\n\nMinister to visit Hanoi next week\n\n"
            "The Minister of Foreign Affairs will visit Vietnam on Monday, the ministry said.\n\n"
            "Published : March 3, 2023\n\nBy : THE DAILY")
    rel = parse_release(text, release_id="n", source_file="n.txt")
    assert rel.issued == date(2023, 3, 3) and "Published" not in rel.body
    # an unlabelled closing date does not displace the header's
    plain = "Fri, March 10, 2023\n\nMinister to visit Hanoi\n\nThe Minister met the Ambassador.\n\nMarch 3, 2023"
    assert parse_release(plain, release_id="p", source_file="p.txt").issued == date(2023, 3, 10)


@pytest.mark.parametrize("heading", ["Related", "Related news:", "ข่าวที่เกี่ยวข้อง", "Read more"])
def test_the_other_stories_below_a_story_are_not_its_body(heading: str) -> None:
    text = ("Thailand, Laos tighten ties\nThai Prime Minister Somchai Dee held talks with his Lao counterpart in Bangkok."
            "\nThe two leaders witnessed the signing of a Memorandum of Understanding on labour.\nThe Lao PM is on a "
            f"two-day official visit.\n{heading}\nThailand, Laos sign MoU on border security\nGovernors of Nan and "
            "Sainyabuli signed a border agreement.")
    body = parse_release(text, release_id="r", source_file="r.txt").body
    assert "two-day official visit." in body and "border security" not in body and "Sainyabuli" not in body
