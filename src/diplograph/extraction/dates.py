"""Day-precise dates in Thai and English diplomatic press releases.

A wrong date is the worst error diplograph can make (a Buddhist-era year left
unconverted, the release date taken for the meeting date), and pythainlp's
``thai_strptime`` is not usable on scraped text (numeric months 10-12 come back
as January; Thai digits and short month forms raise).  So this module is a
small grammar of its own: regular expressions compiled once at import and a
handful of pure functions.

Decisions on the ambiguous forms:

* Offsets always refer to the text as given.  Nothing is normalised: Thai
  digits are matched directly (``int`` reads them), and NBSP and zero-width
  characters are accepted wherever a space may stand.
* Every emitted year is Gregorian and within 1945-2100; a year that converts
  outside that range drops the mention.  A 4-digit year >= 2400 with no era
  marker is Buddhist era, < 2400 Gregorian.  A 2-digit year is read only after
  a Thai month (BE 25xx) or an era marker (พ.ศ. -> BE 25xx, ค.ศ. -> 20xx).
* Numeric d/m/y ("6/12/2023") is skipped as ambiguous; only ISO y-m-d is read.
* "X และ Y <month>" / "X and Y <month>" is a range when the days are adjacent
  or the phrase starts with ระหว่าง/between; otherwise it is two mentions.
* A day without a month is read only with a cue: เมื่อวันที่ 12 or
  วันที่ 12 ที่ผ่านมา (the latest day 12 on or before ref), วันที่ 12 นี้ or
  ที่จะถึง(นี้) (the next on or after ref), English "on (the) 6th" (past).  A bare
  "วันที่ 2" is too often "day 2 of the visit".
* Year-less "12 มิถุนายน" takes the year nearest to ref; ที่ผ่านมา, or a leading
  เมื่อ, the latest on or before ref; นี้/ที่จะถึง the first on or after it.
* "on Wednesday"/"เมื่อวันพุธ": latest such day on or before ref; "last"/
  ที่ผ่านมา strictly before; "next"/หน้า strictly after; วันพุธนี้ on or after.
  "this Wednesday" and "this week" give nothing.
* A weekday written next to a full date is not checked against it.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from .calendar_words import (
    EN_MONTHS,
    EN_WD_ABBR,
    EN_WEEKDAYS,
    KEY_DROP,
    MONTH_OF,
    REL_CAPITALISED,
    REL_OFFSET,
    TH_FULL,
    TH_MONTHS,
    TH_WEEKDAYS,
    alternation,
    words,
)

__all__ = ["DateMention", "THAI_DIGITS", "be_to_ce", "find_dates", "month_mentions",
           "parse_date", "to_arabic_digits"]

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MIN_YEAR, MAX_YEAR = 1945, 2100


def to_arabic_digits(s: str) -> str:
    """Thai digits ๐-๙ to 0-9 (the rest unchanged), for callers that show numbers."""
    return s.translate(THAI_DIGITS)


def be_to_ce(year: int) -> int:
    """Buddhist-era year to Gregorian: 2563 -> 2020."""
    return year - 543


@dataclass(frozen=True)
class DateMention:
    """One day or day range found in a text; ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    date: _dt.date  # the day, or the first day of a range
    end_date: _dt.date | None  # last day of a range, None for a single day
    relative: bool  # resolved against the reference date
    explicit_year: bool  # the text itself gave the year


# --- grammar ----------------------------------------------------------------------------
_D = "[0-9\u0e50-\u0e59]"  # Arabic or Thai digit; int() reads both
_SP = "[\\s\u200b\u200c\u200d\u2060\ufeff]"  # \s already covers NBSP
_S = _SP + "*"
_DOT = "[ \u00a0\u200b]?\\.[ \u00a0\u200b]?"
_EN_ABBR = [m[:3] for m in EN_MONTHS if len(m) > 3] + ["Sept"]
_TH_MONTH = alternation([(f, len(f)) for _, forms, _ in TH_MONTHS for f in forms]
                 + [(f"{a}(?:{_DOT})?{b}\\.?", len(a + b)) for _, _, (a, b) in TH_MONTHS])
_EN_MONTH = ("(?:" + alternation([(w, len(w)) for m in EN_MONTHS for w in (m, m.upper())]
                          + [(w + "\\.?", len(w)) for a in _EN_ABBR for w in (a, a.upper())])
             + ")(?![A-Za-z])")
_MONTH = f"(?>{_TH_MONTH}|{_EN_MONTH})"  # atomic: "ตุลาคม 256" must not retry as "ตุลา" + "คม"
_MONTH_STARTS = "".join(sorted({f[0] for _, forms, _ in TH_MONTHS for f in forms}
                               | {m[0] for m in EN_MONTHS}))
_TH_WD = words(TH_WEEKDAYS)
_EN_WD = f"(?:{'|'.join(EN_WEEKDAYS)}|(?:{words(EN_WD_ABBR)})\\.?)(?![A-Za-z])"
_ERA = (f"พุทธศักราช|คริสต์ศักราช|พ\\.?{_S}ศ\\.?|ค\\.?{_S}ศ\\.?|B\\.?{_S}E\\.?|C\\.?{_S}E\\.?"
        f"|A\\.?{_S}D\\.?")
_SEP = f"{_S}(?P<sep>[-–—−‐‑~]|จนถึง|ถึง|และ|(?:to|until|till|through|and)(?![A-Za-z])){_S}"
_MID = (f"(?:\\(?{_S}(?:วัน)?(?:{_TH_WD}){_S}\\)?{_S}(?:ที่)?|วันที่|{_EN_WD},?)?{_S}"
        f"(?:the{_SP}+)?")  # what may stand before the second day of a range
_SUF = f"(?:{_S}(?P<suf>ที่ผ่านมา|ที่จะถึงนี้|ที่จะถึง|นี้))?"
_OF = f"{_S}(?:of{_SP}+)?"


def _day(n: int) -> str:
    # a suffix glued to "of" by a page's lost space: "the 18thof June"
    return f"(?P<d{n}x>(?P<d{n}>{_D}{_D}?)(?!{_D})(?:(?:st|nd|rd|th)(?:(?![A-Za-z])|(?=of\\b)))?)"


def _month_year(n: int) -> str:
    """Month, then a year or nothing.  Not a year: a time (10.30 น.), a longer
    number, or a cut-off 3-digit "year" (then it is no date at all)."""
    year = (f"(?:(?P<e{n}>{_ERA}){_S})?(?P<y{n}>{_D}{{4}}|{_D}{{2}})"
            f"(?!{_D}|[.:,]{_D}|{_S}(?:น\\.(?!ส\\.)|นาฬิกา|โมง))")  # not "น.ส." (Miss) after it
    return f"(?P<m{n}>{_MONTH})(?:,?{_S}{year}|(?!,?{_S}{_D}{{3}}(?!{_D})))"


# Anchored at a day's first digit, tried in this order.
_AT_DAY = tuple(re.compile(p) for p in (
    f"{_day(1)}{_SEP}{_MID}{_day(2)}{_OF}{_month_year(2)}{_SUF}",  # 5 - 9 ต.ค. 63
    f"{_day(1)}{_OF}{_month_year(1)}(?:{_SEP}{_MID}{_day(2)}{_OF}{_month_year(2)})?{_SUF}",
))  # 29 ก.ย. 63, 30 ก.ย. - 2 ต.ค. 63
_DAY_ONLY = re.compile(f"{_day(1)}{_SUF}")
_ISO = re.compile(f"(?P<y>{_D}{{4}})-(?P<m>{_D}{_D})-(?P<d>{_D}{_D})(?!{_D}|-)")
# A digit run followed by a character a month or separator starts with: the
# scan skips to digits in C and Python sees few false starts.
_DAY_START = re.compile(
    f"{_D}{_D}*+(?=(?:st|nd|rd|th)?{_OF}[{_MONTH_STARTS}\\-–—−‐‑~จถแtua])")

# Forms that start with a word.  Each scan starts with literals or a class so
# the engine skips in C; merging them into one alternation made it 10x slower.
_EN_MONTH_FIRST = re.compile(  # December 6, 2023 / Dec. 6-8, 2023 / December 30 – January 2, 2024
    f"(?P<m1>{_EN_MONTH}){_SP}+{_day(1)}(?:,?{_S}(?P<y1>{_D}{{4}})(?!{_D}))?"
    f"(?:{_SEP}(?:(?P<m2>{_EN_MONTH}){_SP}+)?{_day(2)})?(?:,?{_S}(?P<y2>{_D}{{4}})(?!{_D}))?")
_REL_WORD = re.compile(words([*REL_OFFSET, *REL_CAPITALISED]))
_TH_WD_REL = re.compile(f"(?:เมื่อวัน|วัน)(?P<wd>{_TH_WD})"
                        f"(?:{_S}(?P<suf>ที่ผ่านมา|ที่จะถึงนี้|ที่จะถึง|นี้|หน้า))?"
                        f"(?!{_S}(?:ที่)?{_S}\\(?{_D})")  # not "วันพุธที่ 30 ..."
_EN_WD_REL = re.compile(
    f"(?:\\b(?P<prep>On|on|Last|last|Next|next)|(?<=[a-z],)|(?<=[a-z]))"
    f"{_SP}+(?P<wd>{'|'.join(EN_WEEKDAYS)})"
    f"(?![A-Za-z])(?!,?{_S}(?:the{_SP}+)?{_D}|,?{_S}{_EN_MONTH})")
# Wire prose drops the preposition ("met Wang Yi Thursday.", "before noon Thursday"): a bare weekday
# counts after a lower-case word only where the clause ends with it.
_EN_WD_BARE_END = re.compile(f"{_S}[.,;)]|{_S}(?:night|morning|afternoon|evening)\\b|$")
# … or right after its verb: "held here Saturday strategic consultations", "met Friday with …"
_EN_WD_AFTER_VERB = re.compile(r"\b(?:[a-z]{2,}ed|met|held|had|said|made|began|spoke|signed)"
                               r"(?:\s(?:talks|a meeting|here|there))?\s$")  # "held talks Wednesday with …"
_EN_WD_DETERMINER = re.compile(r"\b(?:this|that|every|each|the|a|by)\s+$", re.I)  # "this Wednesday": no day
_FUTURE_CUE = re.compile(r"\b(?:will|to be|scheduled|is to|are to|is set to|are set to|plans? to|(?:expected|due|slated) to)\b|จะ|มีกำหนด")
_DAY_ONLY_CUE = re.compile(f"(?:ที่|the|On|on){_S}(?={_D})")

# The words that may stand before a day, backwards, matched on the reversed
# text before it (one anchored match instead of a search).  Forward it reads
#   [เมื่อ|ระหว่าง|ตั้งแต่|on|from|between|since] [(วันจันทร์)ที่ | วันจันทร์ที่ | Monday, | วันที่] [the]
_PREFIX_REV = re.compile(
    f"{_S}(?P<the>(?<={_SP})eht(?![A-Za-z]))?{_S}"
    f"(?:(?P<wan>{words(['วันที่'], True)})|(?P<wd>(?:{words(['ที่'], True)})?{_S}\\){_S}"
    f"(?:{words(TH_WEEKDAYS, True)})(?:นัว)?{_S}\\(|(?:{words(['ที่'], True)})?{_S}"
    f"(?:{words(TH_WEEKDAYS, True)})(?:นัว)?|,?(?:{words(EN_WEEKDAYS, True)}|\\.?"
    f"(?:{words(EN_WD_ABBR, True)}))(?![A-Za-z])))?"
    f"(?:{_S}(?P<prep>{words(['เมื่อ', 'ระหว่าง', 'ตั้งแต่'], True)}|(?<={_SP})"
    f"(?:{words(['On', 'on', 'From', 'from', 'Between', 'between', 'Since', 'since'], True)})"
    f"(?![A-Za-z])))?")
_PAREN_OPEN, _PAREN_CLOSE, _WS = re.compile(f"{_S}\\({_S}"), re.compile(f"{_S}\\)"), re.compile(_S)

_MONTH_ALONE = re.compile(f"(?P<q>(?:ช่วง{_S})?(?:(?:ต้น|กลาง|ปลาย|สิ้น){_S})?เดือน{_S})?"
                          f"{_month_year(1)}")
_DAY_BEFORE = re.compile(f"{_D}(?:st|nd|rd|th)?{_OF}\\Z")
_DAY_AFTER = re.compile(f"{_SP}+{_D}{_D}?(?!{_D})")
_EN_MONTH_CUE = re.compile(
    f"(?:[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?){_S}\\Z")

_YEARLESS_REACH = 120  # days: how far into another year a year-less past/future day may lie
_Cand = tuple  # (start, end, date, end_date, relative, explicit_year)


# --- conversions ------------------------------------------------------------------------
def _month_num(token: str) -> int:
    if n := MONTH_OF.get(token):
        return n
    key = token.translate(KEY_DROP)
    return MONTH_OF.get(key) or MONTH_OF[key.lower()]


def _to_year(era: str | None, digits: str, thai_month: bool) -> int | None:
    """Gregorian year of a written year, or None when it is not one we may emit."""
    y, ce = int(digits), bool(era) and era[0] in "คCA"
    if len(digits) == 2:
        if not (era or thai_month):
            return None  # "6 Dec 23": not a form these releases use
        y = 2000 + y if ce else be_to_ce(2500 + y)
    elif (era and not ce) or (not era and y >= 2400):
        y = be_to_ce(y)
    return y if MIN_YEAR <= y <= MAX_YEAR else None


def _mk(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except (ValueError, OverflowError):
        return None


def _near(ref: _dt.date, m: int, d: int, mode: str | None) -> _dt.date | None:
    """Year-less m/d nearest to ref (mode past/future: latest <= ref / earliest >= ref)."""
    days = [x for y in range(ref.year - 4, ref.year + 5) if (x := _mk(y, m, d))]  # 29 Feb
    if mode == "past":
        days = [x for x in days if x <= ref][-1:]
    elif mode == "future":
        days = [x for x in days if x >= ref][:1]
    return min(days, key=lambda x: (abs((x - ref).days), x > ref), default=None)


def _day_of_month(ref: _dt.date, d: int, future: bool) -> _dt.date | None:
    """Day d of ref's month, or of the month before (after) if d is still to come (past)."""
    step = 1 if future else -1
    k = ref.year * 12 + ref.month - 1 + (step if (d < ref.day if future else d > ref.day) else 0)
    for _ in range(3):  # day 31 may have to skip a 30-day month
        if x := _mk(k // 12, k % 12 + 1, d):
            return x
        k += step
    return None


def _weekday(ref: _dt.date, wd: int, mode: str) -> _dt.date:
    back, ahead = (ref.weekday() - wd) % 7, (wd - ref.weekday()) % 7
    days = {"past": -back, "last": -(back or 7), "future": ahead, "next": ahead or 7}[mode]
    return ref + _dt.timedelta(days)


def _prefix(text: str, p: int) -> tuple[int, dict[str, str | None] | None]:
    """Start of the words that belong to the date at p (weekday, วันที่, เมื่อ, between)."""
    m = _PREFIX_REV.match(text[max(0, p - 40):p][::-1])
    start = _WS.match(text, p - m.end()).end() if m else p
    if start >= p:
        return p, None
    return start, {k: v[::-1] if v else v for k, v in m.groupdict().items()}


# --- candidates -------------------------------------------------------------------------
def _from_parts(out: list, text: str, m: re.Match[str], p: int, ref: _dt.date | None) -> bool:
    """Turn a day-month(-year) match starting at p into one candidate, two, or none.

    Returns whether anything was emitted.  The words before p are read only
    for a date that is valid so far.
    """
    g = m.groupdict()
    m1tok = g.get("m1") or g["m2"]
    m2tok = g.get("m2") or m1tok
    mo1, mo2 = _month_num(m1tok), _month_num(m2tok)
    d1, d2 = int(g["d1"]), int(g["d2"]) if g.get("d2") else None
    y1 = y2 = None
    if g.get("y1") and (y1 := _to_year(g.get("e1"), g["y1"], not m1tok.isascii())) is None:
        return False  # a year we cannot trust: never emit a date with it
    if g.get("y2") and (y2 := _to_year(g.get("e2"), g["y2"], not m2tok.isascii())) is None:
        return False
    explicit = y1 is not None or y2 is not None
    # "28 ธ.ค. - 2 ม.ค." runs into the next year; "9 - 5 ต.ค." is simply backwards
    later = d2 is not None and bool(g.get("m1") and g.get("m2")) and (mo2, d2) < (mo1, d1)
    start, pre = _prefix(text, p)
    prep = pre["prep"].lower() if pre and pre["prep"] else None
    if explicit:
        y1 = y1 if y1 is not None else y2 - later
        y2 = y2 if y2 is not None else y1 + later
        first = _mk(y1, mo1, d1)
    elif ref is None:
        return False
    else:
        suf = g.get("suf")
        past = suf == "ที่ผ่านมา" or (not suf and prep == "เมื่อ")
        mode = "past" if past else "future" if suf else None
        first = _near(ref, mo1, d1, mode)
        if mode == "future" and d2 is not None and first is not None and first > ref:
            # "21 - 22 ธันวาคมนี้" in a release of 22 December: the stay under way, not next year's
            current = _near(ref, mo1, d1, "past")
            last_now = current and _mk(current.year + later, mo2, d2)
            if last_now and last_now >= ref:
                first = current
        if mode and first is not None and first.year != ref.year and abs((first - ref).days) > _YEARLESS_REACH:
            # a release does not name last year's meeting without its year: "เมื่อวันที่ 9 ก.ย." under a
            # date line of 2 September says the date line is not the release's day, but its year stands
            # (a day without a year takes the release's year), not one a year back
            first = _mk(ref.year, mo1, d1)
        y2 = first.year + later if first else 0
    if first is None:
        return False
    if d2 is None:
        out.append((start, m.end(), first, None, not explicit, explicit))
        return True
    last = _mk(y2, mo2, d2)
    if last is None or last <= first:
        return False
    if g["sep"] in ("และ", "and") and prep not in ("ระหว่าง", "between") and (last - first).days != 1:
        first_end = max(m.end(k) for k in ("d1x", "m1", "y1") if g.get(k))
        out.append((start, first_end, first, None, not explicit, explicit))
        out.append((_WS.match(text, m.end("sep")).end(), m.end(), last, None, not explicit, explicit))
    else:
        out.append((start, m.end(), first, last, not explicit, explicit))
    return True


def _at_digits(text: str, ref: _dt.date | None, out: list) -> None:
    """Forms that start with a day ("5 - 9 ต.ค. 63") or a year (ISO 2023-12-06)."""
    done = 0  # end of the last date: a day inside it could only give a shorter overlap
    for run in _DAY_START.finditer(text):
        p, n = run.start(), run.end() - run.start()
        before = text[max(0, p - 2):p]
        glued = before and (before[-1].isdigit() or before[-1].isascii() and before[-1].isalpha())
        if p < done or glued or (len(before) == 2 and (before[1] in ".,:/" and before[0].isdigit()
                                                       or before[1] == "-" and before[0].isalpha())):
            continue  # 10.30, 9,000, 6/12/2023, G20, COVID-19
        if n == 4 and (m := _ISO.match(text, p)) and (y := _to_year(None, m["y"], False)):
            if x := _mk(y, int(m["m"]), int(m["d"])):
                out.append((p, m.end(), x, None, False, True))
                done = m.end()
        elif n <= 2:
            for rx in _AT_DAY:
                if m := rx.match(text, p):
                    if _from_parts(out, text, m, p, ref):
                        done = m.end()
                    break


def _day_only(text: str, p: int, ref: _dt.date, out: list) -> None:
    """"เมื่อวันที่ 12 ที่ผ่านมา", "วันที่ 12 นี้", "on the 6th": a day needs such a cue."""
    m = _DAY_ONLY.match(text, p)
    if m is None or any(rx.match(text, p) for rx in _AT_DAY):
        return  # a day with a month is a date or, if impossible, nothing
    start, pre = _prefix(text, p)
    if pre is None:
        return
    prep, suf = (pre["prep"] or "").lower(), m["suf"]
    thai = (pre["wan"] or pre["wd"]) and (suf or prep == "เมื่อ")
    english = prep == "on" and (pre["the"] or m["d1x"] != m["d1"])
    future = suf in ("นี้", "ที่จะถึง", "ที่จะถึงนี้")
    if (thai or english) and (x := _day_of_month(ref, int(m["d1"]), future)):
        out.append((start, m.end(), x, None, True, False))


def _candidates(text: str, ref: _dt.date | None) -> list[_Cand]:
    out: list[_Cand] = []
    _at_digits(text, ref, out)
    for m in _EN_MONTH_FIRST.finditer(text):
        _from_parts(out, text, m, m.start(), ref)
    by_start = {c[0]: c for c in sorted(out, key=lambda c: c[1])}  # longest per start
    for m in _REL_WORD.finditer(text):
        s, e = m.span()
        if (s and text[s - 1].isascii() and text[s - 1].isalpha()) \
                or text[max(0, s - 5):s].rstrip().endswith("ทุก"):
            continue  # "ทุกวันนี้" is "nowadays"
        if (o := _PAREN_OPEN.match(text, e)) and (c := by_start.get(o.end())) \
                and (close := _PAREN_CLOSE.match(text, c[1])):
            out.append((s, close.end(), *c[2:]))  # วันนี้ (29 ก.ย. 63): the explicit date wins
        elif ref is not None:
            out.append((s, e, ref + _dt.timedelta(REL_OFFSET[m.group().lower()]), None, True, False))
    if ref is None:
        return out
    for m in _DAY_ONLY_CUE.finditer(text):
        _day_only(text, m.end(), ref, out)
    for m in _TH_WD_REL.finditer(text) if "วัน" in text else ():
        if m["suf"] or m.group().startswith("เมื่อ"):
            mode = {None: "past", "ที่ผ่านมา": "last", "หน้า": "next"}.get(m["suf"], "future")
            day = _weekday(ref, TH_WEEKDAYS[m["wd"]], mode)
            out.append((m.start(), m.end(), day, None, True, False))
    for m in _EN_WD_REL.finditer(text) if "day" in text else ():  # Monday ... Sunday
        lead = m["prep"][0].lower() if m["prep"] else ""
        if not lead and (not (_EN_WD_BARE_END.match(text, m.end())
                              or _EN_WD_AFTER_VERB.search(text, max(0, m.start("wd") - 30), m.start("wd")))
                         or _EN_WD_DETERMINER.search(text, max(0, m.start("wd") - 9), m.start("wd"))):
            continue  # "the Thursday meeting", "Friday prayers": not a day the text dates something by
        if lead and lead in "ln":
            mode = {"l": "last", "n": "next"}[lead]
        else:  # "will meet … on Monday": the next one; "met … on Monday": the last one
            mode = "future" if _FUTURE_CUE.search(text, max(0, m.start() - 100), m.start()) else "past"
        day = _weekday(ref, EN_WEEKDAYS.index(m["wd"]), mode)
        out.append((m.start() if lead else m.start("wd"), m.end(), day, None, True, False))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Leftmost, then longest; drop what overlaps a kept one or leaves 1945-2100."""
    kept, last_end = [], -1
    for c in sorted(cands, key=lambda c: (c[0], -c[1])):
        if c[0] >= last_end and MIN_YEAR <= c[2].year and (c[3] or c[2]).year <= MAX_YEAR:
            kept.append(c)
            last_end = c[1]
    return kept


# --- public API -------------------------------------------------------------------------
def find_dates(text: str, ref: _dt.date | None = None) -> list[DateMention]:
    """All day-precise date expressions (single days and ranges) in ``text``, in order.

    Thai and English; non-overlapping.  Relative and year-less forms are
    resolved against ``ref`` and skipped when it is None.  Never raises on any
    input string: an impossible or untrustworthy date is simply not a mention.
    """
    if isinstance(ref, _dt.datetime):  # a datetime does not compare with a date
        ref = ref.date()
    if ref is not None and not MIN_YEAR - 1 <= ref.year <= MAX_YEAR + 1:
        ref = None  # nothing resolved from it could be emitted (and date.max + 1 day overflows)
    found = _candidates(text, ref)
    if ref is None and (full := [c for c in found if c[5]]):
        # no release date, but the text dates a day in full ("… in Tokyo on Feb 9 2015"): where it names that
        # day again without the year ("on Monday (Feb 9)"), or a day of a span it dates in full, it is that day
        days = {(c[2].month, c[2].day): c[2] for c in full if c[3] is None}
        spans = [(c[2], c[3]) for c in full if c[3] is not None]  # "(10 มิ.ย.)" in a visit "8 - 10 มิถุนายน 2565"
        found += [c for c in _candidates(text, full[-1][2])
                  if c[4] and c[3] is None and (days.get((c[2].month, c[2].day)) == c[2]
                                                or any(a <= c[2] <= b for a, b in spans))
                  and text[c[0]:c[1]].lower() not in REL_OFFSET]  # "today" needs the release date
    return [DateMention(s, e, text[s:e], d, ed, rel, ex) for s, e, d, ed, rel, ex in _select(found)]


def parse_date(text: str, ref: _dt.date | None = None) -> _dt.date | None:
    """The first date in ``text`` (a release's date line), or None."""
    found = find_dates(text, ref)
    return found[0].date if found else None


def month_mentions(text: str) -> list[tuple[int, int, int | None, int]]:
    """(start, end, Gregorian year or None, month) of month-precision expressions.

    "ตุลาคม 2563", "เดือนธันวาคม", "ช่วงต้นเดือนตุลาคม 2563", "in May 2024": so a
    caller can tell a month from a day and never invent a day.  A month that is
    part of a day-precise date is not reported.  An abbreviation (ก.พ. is also
    the Civil Service Commission), a spoken form or an English name ("May")
    counts only with a year, with เดือน, or (English) after "in"/"during"/....
    """
    days = _select(_candidates(text, _dt.date(2000, 6, 15)))  # any ref: year-less days count
    out: list[tuple[int, int, int | None, int]] = []
    for m in _MONTH_ALONE.finditer(text):
        s, e, tok = m.start(), m.end(), m["m1"]
        if any(c[0] < e and s < c[1] for c in days) or _DAY_BEFORE.search(text, max(0, s - 12), s):
            continue  # part of a day-precise date, or a day we could not read
        year = _to_year(m["e1"], m["y1"], not tok.isascii()) if m["y1"] else None
        if m["y1"] and year is None:
            continue
        if tok.isascii():
            if _DAY_AFTER.match(text, m.end("m1")) or not (
                    year or _EN_MONTH_CUE.search(text, max(0, s - 12), s)):
                continue
        elif not (year or m["q"] or tok in TH_FULL):
            continue
        out.append((s, e, year, _month_num(tok)))
    return out
