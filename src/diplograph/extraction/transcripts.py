"""Which day a relative word means inside a transcript or a self-dated line.

A speech or press-conference transcript says "today" and "this afternoon" for the day it records, not the
day the page was posted; a line that dates itself in full ("On 26 September 2025, … today") means that day
by its "today". Kept apart from the date grammar (:mod:`.dates`): these read a page's layout, not a phrase.
"""

from __future__ import annotations

import datetime as _dt
import re

from .dates import DateMention

# A transcript's introduction: "On 5 August 2015, … held a joint press briefing … The gist of the remarks as
# follows.", "Toast speech by PM Lee Hsien Loong at the Official Dinner … on 11 June 2015." Its "Today, I had
# the honour …", "this afternoon" are the day it introduces, not the day the page was posted.
TRANSCRIPT_INTRO = re.compile(r"(?:remarks|statement|briefing|speech|address|interview)\b[^\n]{0,80}\bas follows\b"
                               r"|(?:กล่าว|ถ้อยแถลง|สุนทรพจน์)[^\n]{0,80}ดังนี้"
                               r"|^(?:[A-Z][\w-]* ){0,2}(?:[Ss]peech|[Rr]emarks|[Ss]tatement|[Aa]ddress)"
                               r"(?: to the [Pp]ress)? (?:by|of)\b"
                               r"|^[^\n]{0,80}\bat the (?:[Jj]oint )?(?:[Pp]ress [Cc]onference|[Pp]ress [Bb]riefing"
                               r"|[Oo]fficial (?:[Dd]inner|[Ll]unch(?:eon)?)|[Ww]elcome [Cc]eremony)\b", re.M)
INTRO_REACH = 1000  # a transcript is introduced at the top of the page
_TRANSCRIPT_DAY = re.compile(r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]his (?:morning|afternoon|evening)|[Tt]onight)\b")
_TRANSCRIPT_OFFSET = {"yesterday": -1, "tomorrow": 1}


_INTRO_WORDS = ("as follows", "ดังนี้", "speech by", "remarks by", "statement by", "address by", "press conference",
                "to the press of", "speech of", "remarks of", "statement of", "address of",
                "press briefing", "official dinner", "official lunch", "welcome ceremony")


def transcript_intros(text: str) -> list[tuple[int, int]]:
    """The lines (start, end) that introduce a transcript at the top of a page (most pages have none: a
    substring test first)."""
    head = text[:INTRO_REACH]
    lower = head.lower()
    if not any(word in lower for word in _INTRO_WORDS):
        return []
    lines = []
    for intro in TRANSCRIPT_INTRO.finditer(head):
        end = text.find("\n", intro.end())
        lines.append((text.rfind("\n", 0, intro.start()) + 1, len(text) if end < 0 else end))
    return lines


def in_transcripts(text: str, found: list[DateMention], ref: _dt.date | None,
                   intros: list[tuple[int, int]]) -> list[DateMention]:
    """``found`` with "today", "this afternoon" … inside a transcript resolved against the day its
    introduction's line (see transcript_intros) states with its year, else the release's own (a date line
    under the headline)."""
    out = {d.start: d for d in found}
    for line_start, line_end in intros:
        days = [d for d in found if line_start <= d.start < line_end and d.explicit_year and d.end_date is None]
        if not days and ref is None:
            continue
        anchor = days[-1].date if days else ref
        for m in _TRANSCRIPT_DAY.finditer(text, line_end):
            word = m.group(0).lower()
            day = anchor + _dt.timedelta(_TRANSCRIPT_OFFSET.get(word, 0))
            if m.start() in out and out[m.start()].explicit_year:
                continue  # "วันนี้ (5 ส.ค. 58)": the explicit date stands
            if any(d.start < m.end() and m.start() < d.end for d in out.values() if d.start != m.start()):
                continue
            out[m.start()] = DateMention(m.start(), m.end(), m.group(0), day, None, True, False)
    return sorted(out.values(), key=lambda d: d.start)


def today_of_dated_lines(text: str, found: list[DateMention]) -> list[DateMention]:
    """"On 26 September 2025, … the missions for the Thai delegation today included:": a line that dates
    itself in full means that day by its "today", whatever day the page was posted."""
    out = list(found)
    for k, d in enumerate(out):
        if not (d.relative and d.text.lower() in ("today", "วันนี้")):
            continue
        line_start = text.rfind("\n", 0, d.start) + 1
        full = [e for e in found[:k] if e.start >= line_start and e.explicit_year and e.end_date is None]
        if full and full[-1].date != d.date:
            out[k] = DateMention(d.start, d.end, d.text, full[-1].date, None, True, False)
    return out
