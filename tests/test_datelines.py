"""The release's own date as scraped pages state it: header date lines, datelines, "วันนี้ (…)".

Every text here is written for these tests in the layouts seen on real pages.
"""

from __future__ import annotations

from datetime import date

import pytest

from diplograph.datelines import date_line, lead_date
from diplograph.sources import parse_release

D = date

DATE_LINES = [
    pytest.param("วันพุธที่ 30 กันยายน 2563", (D(2020, 9, 30), True), id="thai-weekday-line"),
    pytest.param("วันที่นำเข้าข้อมูล 14 ส.ค. 2566", (D(2023, 8, 14), True), id="mfa-import-date"),
    pytest.param("วันที่ปรับปรุงข้อมูล 2 ธ.ค. 2565", (D(2022, 12, 2), False), id="mfa-update-date-is-not-the-release"),
    pytest.param("ข่าวต่างประเทศ Monday March 4, 2019 09:42 —กระทรวงการต่างประเทศ", (D(2019, 3, 4), True),
                 id="section-weekday-time-source"),
    pytest.param("4 ก.ค. 2565 กระทรวงพาณิชย์", (D(2022, 7, 4), True), id="date-then-ministry"),
    pytest.param("Published: 12 March 2020", (D(2020, 3, 12), True), id="published-label"),
    pytest.param("Posted on 5 June 2018 | 1,204 views", (D(2018, 6, 5), True), id="posted-with-counter"),
    pytest.param("04/03/2019", (D(2019, 3, 4), True), id="numeric-day-first"),
    pytest.param("  • Mar 21 2022, 14:49 ist", (D(2022, 3, 21), True), id="a-headers-item-set-as-a-list"),
    pytest.param("25/09/2560", (D(2017, 9, 25), True), id="numeric-buddhist-era"),
    pytest.param("Last updated: 04/03/2021", (D(2021, 3, 4), False), id="numeric-update-label"),
    pytest.param("อัปเดตล่าสุด :12 พ.ย. 2564 | 09:40 น.", (D(2021, 11, 12), False), id="thai-update-label"),
    pytest.param("วันพฤหัสบดีที่ ๙ ธันวาคม พุทธศักราช ๒๕๖๔ เวลา ๑๑.๐๐ น.", (D(2021, 12, 9), True), id="era-written-out-time"),
    pytest.param("Press Release  |  Ministry of Foreign Affairs of Japan  |  July 2, 2024", (D(2024, 7, 2), True),
                 id="english-office-line"),
    pytest.param("15 มิถุนายน 2015 (จำนวนคนอ่าน 1746)", (D(2015, 6, 15), True), id="thai-reader-counter"),
    pytest.param("ข่าว ศธ.360 องศา 30 มกราคม 2558", (D(2015, 1, 30), True), id="bylined-section"),
    pytest.param("การเมือง > ข่าวการเมือง : 2017-05-01", (D(2017, 5, 1), True), id="breadcrumb-iso"),
    pytest.param("Source: Xinhua| 2019-02-16 23:39:28|Editor: Li", (D(2019, 2, 16), True), id="wire-source-editor-iso"),
    pytest.param("2020/4/24", (D(2020, 4, 24), True), id="numeric-year-first"),
    pytest.param("  2013-10-12 14:04:18  cri", (D(2013, 10, 12), True), id="iso-time-wire-name"),
    pytest.param("ข่าวการเมือง Tuesday March 17, 2015 18:24 —มติคณะรัฐมนตรี", (D(2015, 3, 17), True),
                 id="cabinet-resolution-source"),
    pytest.param("-- TNA 2014-09-13", (D(2014, 9, 13), True), id="wire-signature-closing-a-relay"),
    pytest.param("Fri, 05/27/2016 - 08:59", (D(2016, 5, 27), True), id="month-first-when-no-other-reading-is-a-day"),
    pytest.param("19 ต.ค. 2566 4,669 1", (D(2023, 10, 19), True), id="bare-counters-after-the-date"),
    pytest.param("10-08-2560", (D(2017, 8, 10), True), id="day-month-buddhist-year-with-dashes"),
    pytest.param("— AFP 13 September 2014", (D(2014, 9, 13), True), id="wire-signature-long-date"),
    # not date lines: a headline that holds a date, a range, a relative date, a year-less date
    pytest.param("นายกรัฐมนตรีเยือนญี่ปุ่น 5 ธ.ค. 2566", None, id="headline-with-a-date"),
    pytest.param("Thai and Lao ministers sign MoU on 4 July 2022", None, id="english-headline-with-a-date"),
    pytest.param("5 - 7 ตุลาคม 2563", None, id="a-range-is-an-event"),
    pytest.param("วันนี้ (24 พ.ย. 63)", None, id="relative"),
    pytest.param("Monday March 4", None, id="no-year"),
    pytest.param("31/02/2019", None, id="impossible-numeric"),
    pytest.param("Source: Xinhua 2019-02-16 Thai PM meets Chinese FM", None, id="source-then-headline"),
    pytest.param("2020/4-24", None, id="mixed-separators"),
    pytest.param("visit on 5 December 2023 cri", None, id="lower-case-words-and-a-date"),
    pytest.param("PM VISITS 2014-09-13", None, id="capitals-without-a-wire-dash"),
    pytest.param("12 March 202110:05", (D(2021, 3, 12), True), id="a-time-glued-to-the-year"),
    pytest.param("อัพเดต 04 มิ.ย. 2568 เวลา 11.34 น. • เผยแพร่ 03 มิ.ย. 2568 เวลา 13.00 น. • Hard News Team",
                 (D(2025, 6, 3), True), id="the-publication-piece-of-a-line-of-two-dates"),
    pytest.param("5 May 2024 | 6 May 2024", None, id="two-bare-dates-neither-sure"),
]


@pytest.mark.parametrize("line,expected", DATE_LINES)
def test_date_line(line: str, expected) -> None:
    from diplograph.sources import normalize_text
    assert date_line(normalize_text(line)) == expected


LEADS = [
    pytest.param("HANOI, 4 March 2019 – Prime Minister Somchai met his Vietnamese counterpart.", D(2019, 3, 4),
                 id="english-dateline-with-place"),
    pytest.param("BANGKOK, Thailand, 12 May 2022 (NNT) - The Foreign Minister received the ambassador.",
                 D(2022, 5, 12), id="place-country-agency"),
    pytest.param("4 มี.ค. 62 - เมื่อเวลา 10.00 น. นายกรัฐมนตรีได้หารือกับเอกอัครราชทูต", D(2019, 3, 4), id="thai-dash"),
    pytest.param("๑๓ พฤศจิกายน ๒๕๕๗ : รัฐมนตรีว่าการกระทรวงการต่างประเทศให้การต้อนรับ", D(2014, 11, 13),
                 id="thai-digits-colon"),
    pytest.param("(19 พ.ย.65) ที่ทำเนียบรัฐบาล นายกรัฐมนตรีได้พบหารือกับนายกรัฐมนตรีออสเตรเลีย", D(2022, 11, 19),
                 id="date-in-parentheses"),
    pytest.param("วันนี้ (4 มี.ค. 62) นายกรัฐมนตรีให้การต้อนรับรัฐมนตรีต่างประเทศจีน", D(2019, 3, 4), id="wannee"),
    pytest.param("17 ตุลาคม 2561 พลเอก สมชาย ใจดี ผู้บัญชาการทหารสูงสุด ให้การต้อนรับ", D(2018, 10, 17), id="thai-bare-date"),
    pytest.param("เมื่อวันที่ 3 ต.ค.60 ผู้สื่อข่าวรายงานว่า นายกรัฐมนตรีได้พบ", D(2017, 10, 3), id="report-date"),
    pytest.param("Today (3 February 2024), the Prime Minister arrived in Colombo.", D(2024, 2, 3), id="today"),
    pytest.param("วันที่ 8 มีนาคม 2566 น.ส.สุดา ใจดี รองโฆษกประจำสำนักนายกรัฐมนตรี แถลงว่า คณะรัฐมนตรีเห็นชอบ",
                 D(2023, 3, 8), id="the-day-a-spokeswoman-speaks"),
    pytest.param("เมื่อเวลา 11.30 วันที่ 9 พ.ค.2567 ที่ทำเนียบรัฐบาล นายสมชาย ใจดี นายกรัฐมนตรี แถลงภายหลังประชุม ครม.",
                 D(2024, 5, 9), id="the-day-the-prime-minister-speaks-after-cabinet"),
    pytest.param("เมื่อวันที่ 9 พฤษภาคม 2567 นายสมชาย ใจดี ได้หารือกับรัฐมนตรีกระทรวงแถลงข่าว วัฒนธรรม และการท่องเที่ยวลาว",
                 None, id="the-day-of-talks-with-a-ministry-of-information"),
    # the date of what happened, not of the release
    pytest.param("October 8, 2018, at 17.45, the Prime Minister met the President of Chile.", None,
                 id="lead-begins-with-event-date"),
    pytest.param("On 6 December 2023, the Minister held a telephone conversation.", None, id="on-date"),
    pytest.param("เมื่อวันที่ 5 มีนาคม 2566 นายกรัฐมนตรีได้หารือ", None, id="thai-when"),
    pytest.param("(Xinhua) - The ministers met in Beijing.", None, id="agency-alone"),
    pytest.param("26-5-2024 (BANGKOK) Seeking to bolster trade, the Minister is embarking on a visit to Israel.",
                 D(2024, 5, 26), id="numeric-date-and-the-wires-place"),
    pytest.param("26-5-2024 the Minister is embarking on a visit to Israel.", None, id="numeric-date-alone-opening-a-lead"),
    pytest.param("BANGKOK, Thailand, March 27, 2024/APO Group/ --", D(2024, 3, 27), id="a-distributors-name-between-slashes"),
]


def test_today_below_a_section_a_headline_and_a_summary() -> None:
    above = ["POLITICS", "รมว.กต. เดินทางเยือน สปป. ลาว", "รัฐมนตรีว่าการกระทรวงการต่างประเทศเดินทางเยือน สปป. ลาวเป็นประเทศแรก"]
    assert lead_date([*above, "วันนี้ (30 พ.ค. 67) นายสมชาย ใจดี เดินทางเยือนลาว"]) == D(2024, 5, 30)
    assert lead_date([*above, "5 พ.ย.2562 วันนี้ เมื่อเวลา 10.30 น. นายกรัฐมนตรีได้หารือ"]) == D(2019, 11, 5)
    assert lead_date([*above, "5 พ.ย.2562 นายกรัฐมนตรีได้หารือ"]) is None  # a bare date this low is not the lead's


@pytest.mark.parametrize("lead,expected", LEADS)
def test_lead_date(lead: str, expected) -> None:
    from diplograph.sources import normalize_text
    assert lead_date([normalize_text(lead)]) == expected


def test_mfa_header_layout_takes_the_import_date() -> None:
    text = ("รัฐมนตรีว่าการกระทรวงการต่างประเทศหารือกับเอกอัครราชทูตเปรู\n"
            "รัฐมนตรีว่าการกระทรวงการต่างประเทศหารือกับเอกอัครราชทูตเปรู\n"
            "วันที่นำเข้าข้อมูล 3 ก.พ. 2566\nวันที่ปรับปรุงข้อมูล 30 พ.ย. 2566\n| 1,024 view\n"
            "เมื่อวันที่ 2 กุมภาพันธ์ 2566 รัฐมนตรีได้ให้การต้อนรับเอกอัครราชทูต")
    rel = parse_release(text, release_id="m", source_file="m.txt")
    assert rel.issued == D(2023, 2, 3)
    assert rel.title == "รัฐมนตรีว่าการกระทรวงการต่างประเทศหารือกับเอกอัครราชทูตเปรู"
    assert rel.body.startswith("เมื่อวันที่ 2 กุมภาพันธ์")


def test_update_date_alone_is_no_release_date() -> None:
    text = "Minister meets Peruvian Ambassador\nวันที่ปรับปรุงข้อมูล 30 พ.ย. 2565\nOn 2 February 2023, the Minister met."
    rel = parse_release(text, release_id="u", source_file="u.txt")
    assert rel.issued is None and rel.body == "On 2 February 2023, the Minister met."


def test_label_line_between_headline_and_date() -> None:
    text = ("Foreign Minister receives the Ambassador of Chile\nPress Releases\nThursday, 15 May 2025\n"
            "The Minister received the Ambassador of Chile at the Ministry.")
    rel = parse_release(text, release_id="l", source_file="l.txt")
    assert rel.issued == D(2025, 5, 15) and rel.title == "Foreign Minister receives the Ambassador of Chile"


def test_dateline_dates_the_release_and_stays_in_the_body() -> None:
    text = "Vietnam and Thailand hold talks\nHANOI, 4 March 2019 – The two Prime Ministers met on Sunday."
    rel = parse_release(text, release_id="d", source_file="d.txt")
    assert rel.issued == D(2019, 3, 4) and "\nHANOI, 4 March 2019 – The two" in rel.body


def test_date_line_beats_a_dateline_and_a_given_date() -> None:
    text = "วันอังคารที่ 5 มีนาคม 2562\nหัวข้อข่าว\nหัวข้อข่าว\n4 มี.ค. 62 - นายกรัฐมนตรีได้หารือ"
    rel = parse_release(text, release_id="b", source_file="b.txt", published=D(2019, 3, 1))
    assert rel.issued == D(2019, 3, 5)
    rel = parse_release("หัวข้อ\n4 มี.ค. 62 - นายกรัฐมนตรีได้หารือ", release_id="c", source_file="c.txt",
                        published=D(2019, 3, 1))
    assert rel.issued == D(2019, 3, 4)


def test_a_relayed_forum_post_keeps_its_dateline() -> None:
    text = ("Jump to content\nThai and Lao ministers meet\nRecommended Posts\nPosted\nThai and Lao ministers meet\n"
            "VIENTIANE, 12 March 2016 (NNT) – The foreign ministers of Thailand and Laos held talks today.")
    assert parse_release(text, release_id="f", source_file="f.txt").issued == D(2016, 3, 12)


def test_a_date_line_below_a_long_menu() -> None:
    menu = "\n".join(f"• {site} AMARIN TV 34 HD" for site in ("facebook", "x", "line", "youtube", "instagram", "tiktok",
                                                           "RSS", "podcast", "news", "sport", "live", "shows"))
    text = (f"Logo site\nSearch\nLogo Live\n{menu}\nนายกฯ เยือนจีน 5-8 ก.พ. 68\nนายกฯ เยือนจีน 5-8 ก.พ. 68\n"
            "5 ก.พ. 68\n09:19 น.\n" + "\n".join(f"ย่อหน้าที่ {k} นายกรัฐมนตรีมีกำหนดเยือนจีนพร้อมคณะรัฐมนตรี" for k in range(6)))
    assert parse_release(text, release_id="m", source_file="m.txt").issued == D(2025, 2, 5)


def test_a_dateline_under_a_photo_caption_and_on_the_third_line() -> None:
    assert lead_date(["", "(แฟ้มภาพ)", "", "27 ต.ค.2566 - นายสมชาย ใจดี โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า"]) == D(2023, 10, 27)
    assert lead_date(["การเมือง ข่าว", "ครม.กำหนด 4 เกาะเป็นเขตพัฒนาการท่องเที่ยว",
                      "วันนี้ (11 ก.ค. 60) – คณะรัฐมนตรีมีมติอนุมัติ"]) == D(2017, 7, 11)


# --- dates that name no real day: reported, not read ---------------------------------------------

UNREADABLE = [
    pytest.param("วันจันทร์ที่ 31 กุมภาพันธ์ 2563", [("31 กุมภาพันธ์ 2563", "no such day")], id="thai-31-february"),
    pytest.param("เมื่อวันที่ 31 ก.พ. 63 ณ กรุงเทพฯ", [("31 ก.พ. 63", "no such day")], id="thai-abbreviated"),
    pytest.param("วันที่ ๓๑ เมษายน ๒๕๖๓", [("๓๑ เมษายน ๒๕๖๓", "no such day")], id="thai-digits-31-april"),
    pytest.param("29 กุมภาพันธ์ 2564", [("29 กุมภาพันธ์ 2564", "no such day")], id="not-a-leap-year"),
    pytest.param("On 0 March 2020 and February 30, 2021", [("0 March 2020", "no such day"),
                                                         ("February 30, 2021", "no such day")], id="english"),
    pytest.param("45/13/2563", [("45/13/2563", "no month 13")], id="numeric-month-13"),
    pytest.param("12/13/2563", [("12/13/2563", "no month 13")], id="numeric-buddhist-era-is-day-first"),
    pytest.param("2020-13-01", [("2020-13-01", "no month 13")], id="iso-month-13"),
    pytest.param("29 กุมภาพันธ์ 2563, 12/31/2020, 6/12/2023, 2020-02-29", [], id="real-days"),
    pytest.param("Thailand and Japan established relations on 26 September 1887", [], id="an-old-year-is-a-year"),
    pytest.param("ผู้เข้าร่วม 45 คน ในปี 2563 จาก 31 ประเทศ ในเดือน 12 ปี 2020", [], id="numbers-that-are-no-dates"),
]


@pytest.mark.parametrize("text,expected", UNREADABLE)
def test_dates_that_name_no_real_day(text: str, expected: list[tuple[str, str]]) -> None:
    from diplograph.datelines import unreadable_dates

    assert unreadable_dates(text) == expected
