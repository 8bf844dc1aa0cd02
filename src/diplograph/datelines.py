"""A release's own date, as scraped pages state it: date lines, page headers, datelines in the lead.

The release date anchors every relative date in the text ("วันนี้", "on Tuesday", "เมื่อวันที่ 12
ที่ผ่านมา"), so a page that states it must not lose it, and a date that belongs to an event must
never become it. Three places state it on real pages:

* a *date line* in the header: the date alone ("วันพุธที่ 30 กันยายน 2563"), or with a label, a time,
  a section or the issuing office around it ("วันที่นำเข้าข้อมูล 14 ส.ค. 2566", "Published: 4 March
  2019", "ข่าวต่างประเทศ Monday March 4, 2019 09:42 —กระทรวงการต่างประเทศ", "4 ก.ค. 2565
  กระทรวงพาณิชย์", "04/03/2019"). What may stand around the date is a closed set of pieces, so a
  headline that contains a date ("นายกฯ เยือนญี่ปุ่น 5 ธ.ค. 2566") is not taken for one. MFA pages
  carry two labelled lines: the import date is the release's, the update date (often a site
  migration) never is;
* a *dateline* opening the lead, the date followed by a dash or colon ("HANOI, 4 March 2019 –",
  "4 มี.ค. 62 - เมื่อเวลา …", "13 พฤศจิกายน 2557 : …") or standing in parentheses before it ("(19 พ.ย.
  65) ที่ทำเนียบรัฐบาล …"). A lead that simply begins with a date ("October 8, 2018, at 17.45, the
  Prime Minister met …", "On 6 December 2023, …") dates the event, not the release;
* "วันนี้ (4 มี.ค. 62)" / "Today (3 February 2024)" in the lead, when nothing else gives the date.
"""

from __future__ import annotations

import re
from datetime import date

from .extraction.dates import MAX_YEAR, MIN_YEAR, be_to_ce, find_dates
from .extraction.text import is_thai as _text_is_thai

__all__ = ["date_line", "labelled", "lead_date", "unreadable_dates", "LEAD_LINES"]

LEAD_LINES = 3  # body lines searched for a dateline (a section name, the headline, the lead)
TODAY_LINES = 6  # and for "วันนี้ (…)", which no other line is taken for (a summary or two may come first)
# A photo's caption line above the lead: "(แฟ้มภาพ)", "(ภาพ: ทำเนียบรัฐบาล)", "(File photo)".
_CAPTION = re.compile(r"\((?:แฟ้มภาพ|ภาพ|ภาพประกอบ|ภาพจาก|file photo|photo|ที่มาภาพ)[^()\n]{0,40}\)", re.I)

# Labels that say which date a line gives: the release's (import, publication) or another (update).
_RELEASE_LABEL = (r"วันที่นำเข้าข้อมูล|วันที่เผยแพร่|เผยแพร่(?:เมื่อ)?(?:วันที่)?|ข่าววันที่|ลงข่าว(?:เมื่อ)?(?:วันที่)?"
                  r"|โพสต์(?:เมื่อ)?|วันที่ประกาศ|(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|release\s+date"
                  r"|date(?:d)?|issued(?:\s+on)?")
_OTHER_LABEL = (r"วันที่ปรับปรุงข้อมูล|(?:ปรับปรุง|อัปเดต|อัพเดท|อัพเดต)(?:ล่าสุด)?(?:เมื่อ)?(?:วันที่)?"
                r"|(?:last\s+)?(?:updated|modified)(?:\s+on)?")
_OTHER = re.compile(rf"\s*(?:{_OTHER_LABEL})\b", re.I)
_LABEL = re.compile(rf"{_RELEASE_LABEL}|{_OTHER_LABEL}", re.I)
# What else may share a line with the date: weekday and era words, a time, a section name, the
# issuing office, a view counter, separators. A closed set, so a headline with a date is no date line.
_PIECE = (
    rf"(?:{_RELEASE_LABEL}|{_OTHER_LABEL})"
    r"|วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|พฤหัส|ศุกร์|เสาร์|อาทิตย์)?(?:ที่)?|ที่|พ\.ศ\.|ค\.ศ\.|พุทธศักราช"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|on|the|at"
    r"|เวลา|(?:\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)(?:\s?(?:น\.|นาฬิกา|hrs?\.?|[ap]\.?m\.?))?|(?:GMT|UTC|ICT)(?:[+-]\d{1,2})?"
    r"|ข่าว\S{0,24}(?:\s[^\s\d]\S{0,12}){0,2}(?:\s?\d{1,3}\s(?:องศา|ชั่วโมง))?|ข่าวสารนิเทศ"
    r"|(?:press\s+)?releases?|news|statements?|media\s+releases?|[^\s>»›]{1,30}(?:\s?[>»›]\s?[^\s>»›]{1,30})+"
    r"|(?:กระทรวง|กรม|สำนักงาน|สำนักข่าว|สำนัก|สถานเอกอัครราชทูต|ทำเนียบ|ศูนย์|มติ)\S*"
    r"|(?:ministry|department|office|embassy)(?:\s+(?:of|for|and|the|(?-i:[A-Z][\w'’]*)))*"
    r"|(?:source|editor|author|writer|reporter|ที่มา|ผู้เขียน)\s?:\s?[^\s|:]+(?:\s[^\s|:\d]+){0,2}|โดย"
    r"|(?-i:[a-z]{2,6})(?=\s*$)"  # a wire's name closing the line: "2013-10-12 14:04:18  cri"
    r"|^\s*(?:--|[-–—])\s?(?-i:[A-Z]{2,8})(?=\s)"  # a wire's signature closing a relayed story: "-- TNA 2014-09-13"
    r"|[\d,]+\s?(?:views?|ครั้ง|reads?)|view|(?<=\s)\d{1,3}(?:,\d{3})*(?=\s|$)|\(?(?:จำนวน)?(?:คน|ผู้)?(?:อ่าน|เข้าชม)\s?[\d,]+\s?(?:ครั้ง|คน)?\)?|(?-i:by\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})|[\s,.\-–—:/|()]"
)
_REST = re.compile(rf"(?:{_PIECE})*", re.I)
_NUMERIC = re.compile(r"(?<![\d/.])(?:(?P<d>\d{1,2})(?P<dsep>[/.-])(?P<m>\d{1,2})(?P=dsep)(?P<y>\d{4})"
                      r"|(?P<y2>\d{4})(?P<sep>[/-])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2}))(?![\d/.])")  # 04/03/2019, 2020/4/24, 2019-02-16
# A lead opening with the day a reporter or a spokesperson speaks ("วันที่ 11 มกราคม 2565 ผู้สื่อข่าวรายงานว่า",
# "เมื่อเวลา 11.50 วันที่ 23 เม.ย.2567 ที่ทำเนียบรัฐบาล นาย… โฆษก… แถลงว่า"): the day of the telling is the release's,
# when no event is told before the verb of telling.
_DAY_OPENING = re.compile(r"(?:เมื่อ)?(?:เวลา\s?(?:ประมาณ\s?)?\d{1,2}[.:]\d{2}\s?(?:น\.)?\s?)?วันที่\s?")
_STATED = re.compile(r"\s*ผู้สื่อข่าว(?:รายงาน|แจ้ง)|(?:(?!หารือ|พบ|เยือน|ลงนาม|ประชุม|ต้อนรับ|เข้าร่วม|เดินทาง)[^\n]){0,160}?"
                     r"(?<!กระทรวง)(?:แถลง|เปิดเผย|ให้สัมภาษณ์|ชี้แจง)")
_PIECES = re.compile(r"\s[•·|]\s")  # a header line's parts: "อัพเดต … • เผยแพร่ … • Hard News Team"
_YEAR_GLUED_TO_TIME = re.compile(r"(?<!\d)((?:19|20|25)\d\d)(\d{1,2}:\d{2})(?!\d)")
_RELATIVE = re.compile(r"วันนี้|เมื่อ|ผ่านมา|ที่จะถึง|today|yesterday|tomorrow|\blast\b|\bnext\b", re.I)

# A dateline: an optional place in capitals ("HANOI,", "BANGKOK, Thailand,"), the date, an optional
# agency in parentheses, then a dash or colon; or the date alone in parentheses.
_PLACE = r"(?:[A-Z][A-Za-z.'’\- ]{1,30},\s*(?:[A-Z][a-z]+,\s*)?)?"
_AGENCY = r"(?:\s*\([A-Za-z .]{2,20}\)|/[A-Za-z .]{2,20}/)?"  # "(Xinhua)", "/APO Group/"
_DASH = re.compile(rf"{_AGENCY}\s*(?:[-–—:]|--)\s*")
_TAG = re.compile(r"\s*\([A-Z][A-Za-z .]{1,20}\)\s")  # "26-5-2024 (BANGKOK) …": the wire's place in parentheses
_TODAY = re.compile(r"(?:วันนี้|Today)\s*\(", re.I)
_TODAY_AFTER = re.compile(r"\s*(?:วันนี้|today\b)", re.I)



_BULLET = re.compile(r"^\s*[•·▪●◦]\s*")


def date_line(line: str) -> tuple[date, bool] | None:
    """(date, is the release's own) if ``line`` is a date line; None when it is not one.

    A line labelled as an update date is a date line (header, not body) but not the release's date.
    """
    if len(line) > 120 or not any(c.isdigit() for c in line) or _RELATIVE.search(_LABEL.sub(" ", line)):
        return None
    line = _YEAR_GLUED_TO_TIME.sub(r"\1 \2", line)  # "30 July 201911:42"
    line = _BULLET.sub("", line)  # "  • Mar 21 2022, 14:49 ist": a header's items set as a list
    mentions = find_dates(line)
    if not mentions:
        return _numeric_line(line)
    if len(mentions) > 1 and len(pieces := _PIECES.split(line)) > 1:
        # "อัพเดต 04 มิ.ย. 2568 เวลา 11.34 น. • เผยแพร่ 04 มิ.ย. 2568 เวลา 13.00 น. • Hard News Team": the piece that
        # says it is the publication's
        read = [(piece, found) for piece in pieces if (found := date_line(piece)) is not None]
        said = [found for piece, found in read if found[1] and labelled(piece)]
        own = {found for _p, found in read if found[1]}
        return said[0] if said else (own.pop() if len(own) == 1 else None)  # two bare dates: neither is sure
    if len(mentions) > 1 or mentions[0].relative or mentions[0].end_date is not None:
        return None  # a range or "วันนี้ (24 พ.ย. 63)" is about an event, not the release's own date
    m = mentions[0]
    if not m.explicit_year or not _REST.fullmatch(line[:m.start] + " " + line[m.end:]):
        return None
    return m.date, not _OTHER.match(line)


_LABELLED = re.compile(rf"\s*(?:{_RELEASE_LABEL})\b", re.I)


def labelled(line: str) -> bool:
    """Whether a date line names its date as the release's ("Published : May 24, 2022"): it outranks an
    unlabelled date at the top of the page, which on news sites is often the day the page was read."""
    return bool(_LABELLED.match(line))


def _numeric_line(line: str) -> tuple[date, bool] | None:
    """"04/03/2019", "25.09.2560": day first, as Thai and most non-US sites write it; "2019-02-16" and
    "2020/4/24" year first."""
    m = _NUMERIC.search(line)
    if m is None or not _REST.fullmatch(line[:m.start()] + " " + line[m.end():]):
        return None
    year = int(m["y"] or m["y2"])
    year = be_to_ce(year) if year >= 2400 else year
    first, second = int(m["d"] or m["d2"]), int(m["m"] or m["m2"])
    if m["d"] and second > 12 >= first:
        first, second = second, first  # "05/27/2016": month first, as US sites write it, when no other reading is a day
    try:
        day = date(year, second, first)
    except ValueError:
        return None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        return None
    return day, not _OTHER.match(line)


def lead_date(lines: list[str]) -> date | None:
    """The release date a lead states: a dateline, else "วันนี้ (date)" / "Today (date)"."""
    lines = [ln for ln in lines if ln.strip() and not _CAPTION.fullmatch(ln.strip())]
    lead = lines[:LEAD_LINES]
    for line in lead:
        if found := _dateline(line):
            return found
    for line in lead:
        if m := _DAY_OPENING.match(line):
            found = find_dates(line[m.end():m.end() + 40])
            if found and found[0].start == 0 and found[0].explicit_year and found[0].end_date is None and (
                    _STATED.match(line, m.end() + found[0].end)):
                return found[0].date
    for line in lines[:TODAY_LINES]:  # "วันนี้ (30 พ.ค. 67)" says itself what it is: below a section, headline, summary
        for m in _TODAY.finditer(line[:400]):
            for d in find_dates(line[m.start():m.start() + 60]):
                if d.start == 0 and d.explicit_year and d.end_date is None:
                    return d.date
        # "5 พ.ย.2562 วันนี้ เมื่อเวลา 10.30 น. …": a date the lead calls today
        found = find_dates(line[:40]) if line[:1].isdigit() else []
        if found and found[0].start == 0 and found[0].explicit_year and found[0].end_date is None and (
                _TODAY_AFTER.match(line, found[0].end)):
            return found[0].date
    return None


def _dateline(line: str) -> date | None:
    head = line[:120]
    if head.startswith("("):  # "(19 พ.ย.65) ที่ …", "( 16 พ.ย.66) …": the date alone in parentheses
        inner = len(head) - len(head[1:].lstrip())
        found = find_dates(head[inner:inner + 40])
        d = found[0] if found else None
        ok = d is not None and d.start == 0 and re.match(r"\s*\)\s", head[inner + d.end:])
    elif (num := _NUMERIC.match(head)) and (_DASH.match(head, num.end()) or _TAG.match(head, num.end())) and (
            day := _numeric_line(num.group(0))):
        return day[0]  # "26-5-2024 (BANGKOK) Seeking to …": a numeric date opening the lead, then the wire's tag
    else:
        offset = re.match(_PLACE, head).end()
        found = find_dates(head[offset:offset + 60])
        d = found[0] if found else None
        # "HANOI, 4 March 2019 –"; in Thai also a bare date before the lead's subject ("17 ตุลาคม 2561 พลเอก …")
        ok = d is not None and d.start == 0 and (_DASH.match(head[offset + d.end:]) or (
            _text_is_thai(head) and head[offset:offset + 1].isdigit()
            and re.match(r"\s+[\u0e00-\u0e7f]", head[offset + d.end:])))
    if not ok or d.end_date is not None or d.relative or not d.explicit_year:
        return None
    return d.date


# Dates a release states that are no dates ("31 กุมภาพันธ์ 2563", "45/13/2563", "February 30, 2021"):
# find_dates rightly reads nothing there, so without a word the release silently loses the date.
_DIGIT = "[0-9\u0e50-\u0e59]"
_WORDED = re.compile(rf"(?<!{_DIGIT})(?P<d>{_DIGIT}{{1,2}})(?P<mid>[^\S\n]*[^\d\u0e50-\u0e59\s]"
                     rf"[^\d\u0e50-\u0e59\n]{{0,20}}?[^\S\n]*)(?P<y>{_DIGIT}{{4}}|{_DIGIT}{{2}})(?!{_DIGIT})")
_MONTH_FIRST = re.compile(r"\b(?P<m>[A-Z][a-z]{2,8}\.?[^\S\n]+)(?P<d>\d{1,2})(?P<y>(?:st|nd|rd|th)?,?[^\S\n]+\d{4})(?!\d)")
_NUMBERS = re.compile(rf"(?<![\d/.\u0e50-\u0e59])(?P<a>{_DIGIT}{{1,2}})[/.](?P<b>{_DIGIT}{{1,2}})[/.]"
                      rf"(?P<y>{_DIGIT}{{4}})(?![\d/.\u0e50-\u0e59])"
                      rf"|(?<![\d\u0e50-\u0e59-])(?P<y2>{_DIGIT}{{4}})-(?P<m2>{_DIGIT}{{1,2}})-(?P<d2>{_DIGIT}{{1,2}})"
                      rf"(?![\d\u0e50-\u0e59-])")
_SCANNED = 200  # candidates looked at in one release: a table of figures must not cost much


def unreadable_dates(text: str) -> list[tuple[str, str]]:
    """(expression, why) for each date in ``text`` that names no real day: a day the month does not
    have ("31 กุมภาพันธ์ 2563", "February 30, 2021"), a month 13 ("45/13/2563").

    A worded date counts when :func:`~diplograph.extraction.dates.find_dates` reads the very same
    words with the day set to 1 (so its month names and year forms decide what a date is, and
    "5 คน ในปี 2563" is none); a numeric one when neither day-first nor month-first reading is a day
    (day-first only with a Buddhist-era year). A year out of range is not reported: a release may
    well recall a treaty of 1887.
    """
    found: dict[str, str] = {}
    for n, m in enumerate(_WORDED.finditer(text)):
        if n >= _SCANNED:
            break
        if _no_day(m.group(), m["d"], m.start("d") - m.start()):
            found.setdefault(m.group().strip(), "no such day")
    for n, m in enumerate(_MONTH_FIRST.finditer(text)):
        if n >= _SCANNED:
            break
        if _no_day(m.group(), m["d"], m.start("d") - m.start()):
            found.setdefault(m.group().strip(), "no such day")
    for n, m in enumerate(_NUMBERS.finditer(text)):
        if n >= _SCANNED:
            break
        if m["y"]:  # day first, as Thai sites write it; month first too, unless the year is Buddhist-era
            year, readings = int(m["y"]), [(int(m["b"]), int(m["a"]))] + [(int(m["a"]), int(m["b"]))] * (
                int(m["y"]) < 2400)
        else:
            year, readings = int(m["y2"]), [(int(m["m2"]), int(m["d2"]))]
        year = be_to_ce(year) if year >= 2400 else year
        if not any(_is_day(year, month, day) for month, day in readings):
            months = [month for month, _ in readings]
            why = f"no month {min(months)}" if all(month > 12 for month in months) else "no such day"
            found.setdefault(m.group(), why)
    return list(found.items())


def _no_day(candidate: str, day: str, at: int) -> bool:
    """Whether ``candidate`` is no date as written, but one with the day set to 1."""
    if _whole_date(candidate):
        return False
    return _whole_date(candidate[:at] + "1" + candidate[at + len(day):])


def _whole_date(text: str) -> bool:
    text = text.strip()
    return any(d.start == 0 and d.end == len(text) and d.explicit_year for d in find_dates(text))


def _is_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
