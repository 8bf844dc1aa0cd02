"""The calendar's words in Thai and English: month names with their spoken, misspelt and abbreviated
forms, weekdays and relative days, and the alternation builders the date grammar is made from.

Kept apart from the grammar (:mod:`.dates`) because they are vocabulary, read by other stages too, and
the grammar is long enough on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# (month, full and spoken forms incl. common misspellings, abbreviation letters)
TH_MONTHS = (
    (1, ("มกราคม", "มกรา"), ("ม", "ค")), (2, ("กุมภาพันธ์", "กุมภาพันธ", "กุมภา"), ("ก", "พ")),
    (3, ("มีนาคม", "มีนา"), ("มี", "ค")), (4, ("เมษายน", "เมษา"), ("เม", "ย")),
    (5, ("พฤษภาคม", "พฤษภา"), ("พ", "ค")), (6, ("มิถุนายน", "มิถุนา"), ("มิ", "ย")),
    (7, ("กรกฎาคม", "กรกฏาคม", "กรกฎา", "กรกฏา"), ("ก", "ค")), (8, ("สิงหาคม", "สิงหา"), ("ส", "ค")),
    (9, ("กันยายน", "กันยา"), ("ก", "ย")), (10, ("ตุลาคม", "ตุลา"), ("ต", "ค")),
    (11, ("พฤศจิกายน", "พฤษจิกายน", "พฤศจิกา"), ("พ", "ย")), (12, ("ธันวาคม", "ธันวา"), ("ธ", "ค")),
)
EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
TH_WEEKDAYS = {"จันทร์": 0, "อังคาร": 1, "พุธ": 2, "พฤหัสบดี": 3, "พฤหัสฯ": 3, "พฤหัส": 3,
               "ศุกร์": 4, "เสาร์": 5, "อาทิตย์": 6}
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_WD_ABBR = ("Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri", "Sat", "Sun")
REL_OFFSET = {"วันนี้": 0, "วันพรุ่งนี้": 1, "พรุ่งนี้": 1, "เมื่อวานนี้": -1, "เมื่อวาน": -1,
              "วานนี้": -1, "today": 0, "yesterday": -1, "tomorrow": 1,
              "this morning": 0, "this afternoon": 0, "this evening": 0, "tonight": 0, "last night": -1}
# the English words as a sentence or a headline writes them: "Today", "This morning", "TODAY"
REL_CAPITALISED = tuple(f(w) for w in REL_OFFSET if w.isascii() for f in (str.capitalize, str.upper))

MONTH_OF: dict[str, int] = {"sept": 9}  # lookup key (see dates._month_num) -> month
TH_FULL = {forms[0] for _, forms, _ in TH_MONTHS}  # a month on their own, without a year
for _n, _forms, (_a, _b) in TH_MONTHS:
    MONTH_OF.update({f: _n for f in _forms} | {_a + _b: _n})
for _n, _name in enumerate(EN_MONTHS, 1):
    MONTH_OF.update({_name.lower(): _n, _name[:3].lower(): _n})
del _n, _forms, _a, _b, _name
KEY_DROP = str.maketrans("", "", ". \u00a0\u200b\u200c\u200d\u2060\ufeff")


def alternation(patterns: list[tuple[str, int]]) -> str:
    """Alternation of (regex, literal length) pairs, longest first so "มีนาคม" beats "มีนา".

    Grouped by first character ("ม(?:กราคม|ีนาคม|...)"): the regex engine tries
    alternatives one by one, so a failing month test costs a dozen character
    comparisons instead of seventy.  Every pattern must start with a literal.
    """
    groups: dict[str, list[str]] = {}
    for p, _ in sorted(patterns, key=lambda x: -x[1]):
        groups.setdefault(p[0], []).append(p[1:])
    return "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items())


def words(literals: Iterable[str], backwards: bool = False) -> str:
    """Alternation of literal words; backwards for matching on reversed text (see dates._prefix)."""
    return alternation([(re.escape(w[::-1] if backwards else w), len(w)) for w in literals])
