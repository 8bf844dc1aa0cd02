"""What a release is about as a whole: its headline, the state it turns to, the government that speaks.

A sentence-by-sentence reading misses what a release says only once, up front: the headline often states
the main event ("ปลัดกระทรวงการต่างประเทศพบหารือกับเอกอัครราชทูตเกาหลีเหนือ"), the lines before the
dated lead summarise it, and a position phrase cut off by the page ("นายคิม เช พง เอกอัครราชทู…") leaves
a counterpart whose state only the headline gives. This module reads those release-level facts; events
and people fall back on them only where their own sentences say nothing.
"""

from __future__ import annotations

import re

from ..gazetteer import countries
from ..model import Release
from ..resolve import registry
from . import text as _text
from .cues import ACCOMPANIED, SOCIETY_AFTER, SOCIETY_BEFORE, SOCIETY_EN, SOCIETY_TH, SPOUSE_TH
from .dates import DateMention
from .person import stated_in_position
from .text import Sentence


def with_headline(release: Release) -> str:
    """The text extraction reads: the headline first (it is evidence too), then the body — unless the
    body already opens with it (plain text keeps its first line)."""
    title = (release.title or "").strip()
    first = release.body.split("\n", 1)[0].strip()
    if not title or "\n" in title or first == title or (len(first) >= 20 and title.startswith(first)):
        return release.body
    return title + "\n" + release.body


_DOCUMENT_HEADLINE = re.compile(r"(?:Transcript|(?:Special )?(?:Media|Press) Briefing|Press Release|Remarks|Statement|Speech"
                                r"|Address|Opening Remarks|Keynote)\b", re.I)


def without_headline_stamp(body: str, dates: list[DateMention]) -> list[DateMention]:
    """"Transcript of Media Briefing on the upcoming visit of … (June 15, 2016)": an English headline that
    names a document and closes with a day in parentheses stamps the document with its own day — the
    page's, no event's ("Outcomes of the … Official Visit to Thailand (7 Feb 2024)" is the visit's)."""
    first_end = body.find("\n")
    headline = body[:first_end].rstrip() if first_end > 0 else ""
    if not headline.endswith(")") or _text.is_thai(headline) or not _DOCUMENT_HEADLINE.match(headline):
        return dates
    return [d for d in dates if not (d.end <= first_end and not body[d.end:first_end].strip(" )")
                                     and body[:d.start].rstrip().endswith("("))]


def lead_end(sentences: list[Sentence], dates: list[DateMention]) -> int:
    """Where the headline and the summary lines before the dated lead end: the start of the first
    sentence that gives a date, or when none does, of the third line (a Thai summary line is often
    several sentences: the third sentence would cut it in two)."""
    for index, sentence in enumerate(sentences[:8]):
        if any(sentence.start <= d.start < sentence.end for d in dates):
            return sentence.start
    third = next((s for s in sentences if s.paragraph >= 2), None)
    return third.start if third else sentences[-1].start if sentences else 0


def focus_state(head: str, home: str | None) -> str | None:
    """The one foreign state the headline and summary turn to (by name, people, capital), if just one."""
    lang = "th" if _text.is_thai(head) else "en"
    found = countries().find(head, lang) + countries().find_places(head, lang)
    if lang == "en":
        found += countries().find_demonyms(head)
    # "นายกสมาคมมิตรภาพไทย-กัมพูชา", "the Thai-Japanese Chamber of Commerce": a society's name turns to no state
    states = {code for s, e, code in found if not (SOCIETY_BEFORE.search(head, max(0, s - 30), s)
                                                   or SOCIETY_AFTER.match(head, e))} - {home}
    return states.pop() if len(states) == 1 else None


def foreign_speaker(body: str, people, focus: str | None = None) -> None:
    """A release with no site to say whose it is, that names Thailand's officials as Thailand's
    ("Mr. Somchai Dee, Prime Minister of the Kingdom of Thailand", "Thai Foreign Minister …"), is
    not the Thai government speaking: an office holder it names without a state ("Prime Minister
    Tanaka Hiroshi") is then of the state the release is about besides Thailand — the first other
    state its headline and lead turn to, else the first other state named — and of no known state if it names none."""
    if not any(p.country == "TH" and stated_in_position(p) for p in people.people):
        return
    known = registry()
    defaulted = [p for p in people.people if p.country == "TH" and p.position and not stated_in_position(p)
                 and "counterpart" not in p.position  # the speaker's counterpart is the other side
                 and not known.lookup(p.name, *(n for n, _ in p.alt_names))]  # the registry knows Thai leaders
    if not defaulted:
        return
    head = body[:3000]
    lang = "th" if _text.is_thai(head) else "en"
    named = countries().find(head, lang) + (countries().find_demonyms(head) if lang == "en" else [])
    # the state the headline and lead turn to, else the first other one named (a menu of provinces above the story
    # names states too: "• Lao Cai")
    other = focus or next((code for _s, _e, code in sorted(named) if code != "TH"), None)
    for record in defaulted:
        record.country = other


def latin_names_abroad(body: str, people, home: str | None, focus: str | None) -> None:
    """A Thai text writes its own government's people in Thai script; one it names only in Latin script
    ("นาย SUZUKI Shunichi รัฐมนตรีว่าการกระทรวงการคลัง", "H.E. Ith Samheng รัฐมนตรีว่าการกระทรวงแรงงาน…")
    is a foreign official, so an office without a state is not the home state's but, if the release
    turns to one foreign state, that state's."""
    if not _text.is_thai(body[:2000]):
        return
    for record in people.people:
        if not _text.is_thai(record.name) and record.country == home and not stated_in_position(record):
            record.country = focus


# The verb of a meeting just before a person: whom the release's side met ("also met with Mr. X, Coordinator
# for …", "ได้พบหารือกับนาย X"). The honorifics a mention may not include stand between.
_MET = re.compile(r"(?:\bmet(?: with)?|\btalks with|\bmeeting with|\bcalled on|\b(?:courtesy|farewell) (?:call|visit) (?:on|to)"
                  r"|\breceived"
                  r"|พบ(?:หารือ)?(?:กับ)?|หารือ(?:ร่วม)?กับ|เข้าพบ|ต้อนรับ)\s?(?:(?:H\.E\.|Mr\.|Ms\.|Mrs\.|Dr\.|the Hon(?:ourable|orable)?\.?|นาย|นาง(?:สาว)?)\s?)*\Z")


def counterparts_of_focus(body: str, people, home: str | None, focus: str | None) -> None:
    """A person met whose office names no state, in a release that turns to one foreign state (in its
    headline and summary, else its first paragraph, else its first few), is that state's ("… also met with Mr. Kurt Campbell,
    Coordinator for the Indo-Pacific"): the release's own people are named with their offices, the
    counterpart's office may be the other government's only."""
    unplaced_in_line: dict[int, int] = {}  # line start -> unplaced people named there so far
    placed_in_line: dict[int, set[str]] = {}  # line start -> states of the placed people named there so far
    met: list = []
    for mention in people.mentions:
        record = people.people[mention.person]
        line = body.rfind("\n", max(0, mention.start - 2000), mention.start)  # bounded: a huge line stays linear
        if record.country is not None:
            placed_in_line.setdefault(line, set()).add(record.country)
            continue
        if _BODY_OF_STATES.search(record.position or "") or _BODY_OF_STATES.match(body, mention.end, mention.end + 40):
            continue  # "Antonio Guterres, United Nations Secretary General" serves no one state
        if _SOCIETY_OFFICE.match(body, mention.end, mention.end + 90):
            continue  # "พลเอก X นายกสมาคมมิตรภาพไทย – กัมพูชา": a society's officer serves no state
        if mention.full and not unplaced_in_line.get(line) and _MET.search(body, max(0, mention.start - 40),
                                                                          mention.start):
            met.append((record, set(placed_in_line.get(line, ()))))  # not after "Ambassador X met with …": both
        else:                                                          # unplaced, the event's sides place them
            unplaced_in_line[line] = unplaced_in_line.get(line, 0) + 1
    if met and (focus := focus or focus_state(body.split("\n", 1)[0], home) or focus_state(body[:800], home)):
        for record, before in met:
            if focus not in before:  # "Hungarian Deputy PM X paid a courtesy call on Deputy PM Y": Y is the host's
                record.country = focus


# An office of a body of states, not of one state.
_BODY_OF_STATES = re.compile(r"(?:,?\s(?:the\s)?)?(?:United Nations|\bUN\b|ASEAN|European|\bEU\b|World|International|Secretary[- ]General"
                             r"|สหประชาชาติ|อาเซียน|สหภาพยุโรป|เลขาธิการ)", re.I)
_SOCIETY_OFFICE = re.compile(rf"\s?(?:นายก|ประธาน|อุปนายก|เลขาธิการ|กรรมการ)?{SOCIETY_TH}"
                             rf"|,?\s(?:the\s)?(?:President|Chairman|Chair|Secretary-General|Director)\sof\sthe\s[^,.]{{0,60}}?"
                             rf"{SOCIETY_EN}\b")
_DELEGATION_TH = re.compile(r"คณะ(?:ทางการ|ผู้แทน)?(?:ของ)?(\S{2,40}?)\s?(?:ประกอบด้วย|ได้แก่)")
_DELEGATION_LIST = re.compile(r"\b[Tt]he ([A-Z][a-z]+) delegation\b[^.]{0,80}?\b(?:included|comprised|consisted of)\b")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")
_SIDE = re.compile(r"\bon the ([A-Z][a-z]+) side\b|ฝ่าย(ไทย|\S{2,20}?)(?:ประกอบด้วย|ได้แก่)")


def attendance_sides(body: str, people) -> None:
    """"Attending on the Japanese side were Mr. X, Minister for Foreign Affairs; …": an office named
    without its state in such a list is of the side the list names."""
    marks = list(_SIDE.finditer(body))
    spans = []  # (state, start, end) of each list of one side's people
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else body.find(")", m.end())
        spans.append((countries().code(m.group(1) or m.group(2) or ""), m.end(), len(body) if end < 0 else end))
    for m in _DELEGATION_LIST.finditer(body) if "delegation" in body else ():  # "The Thai delegation … included X, Y"
        end = _SENTENCE_END.search(body, m.end())
        spans.append((countries().code(m.group(1)), m.end(), end.start() if end else len(body)))
    for m in _DELEGATION_TH.finditer(body) if ("ประกอบด้วย" in body or "ได้แก่" in body) else ():  # "คณะทางการของนายกรัฐมนตรีเวียดนาม ประกอบด้วย …"
        named = countries().find(m.group(1), "th")
        end = body.find("\n", m.end())
        if named:
            spans.append((named[-1][2], m.end(), len(body) if end < 0 else end))
    for code, start, end in spans:
        if not code:
            continue
        for mention in people.mentions:
            record = people.people[mention.person]
            if start <= mention.start < end and mention.full and not stated_in_position(record):
                record.country, record.stated = code, True


_REFERRING = re.compile(r"(?:The|the)\s(?:[a-z]+\s)?(?:premier|prime minister|president|minister|king)\b|(?:He|She)\b")


def companions(body: str, people) -> None:
    """"General X was accompanied by General Y, Director of …": a companion named without a state is of the state of
    the one accompanied."""
    for m in ACCOMPANIED.finditer(body) if "accompan" in body else ():
        start = body.rfind("\n", 0, m.start()) + 1
        start = max([start, *(s.end() for s in _SENTENCE_END.finditer(body, start, m.start()))])
        end = body.find("\n", m.end())
        end = len(body) if end < 0 else end
        before = [x for x in people.mentions if start <= x.start < m.start()]
        after = [x for x in people.mentions if m.end() <= x.start < end]
        if "accompanying" in m.group(0):  # "X, Y and other officials are accompanying Singh": the one after leads
            before, after = after, before
            placed = [people.people[x.person] for x in before if people.people[x.person].stated]
        else:
            placed = [people.people[x.person] for x in reversed(before) if people.people[x.person].country]
            if not before and _REFERRING.match(body, start):
                # "The premier was accompanied by …", "He is accompanied by …": the subject of the sentence before
                earlier = body.rfind("\n", 0, max(0, start - 1)) + 1
                placed = [people.people[x.person] for x in people.mentions
                          if earlier <= x.start < start and people.people[x.person].country][:1]
        side = placed[0].country if placed else None
        for x in after:
            record = people.people[x.person]
            if side and (record.country is None or not stated_in_position(record)):
                record.country = side


_LEADS_DELEGATION = re.compile(r",?\s(?:who\s(?:led|leads|is leading|was leading|headed|heads)|head of|leader of|leading)"
                               r"\sthe\s(?P<state>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s(?:[a-z]+\s)?delegation\b")


def delegation_leaders(body: str, people) -> None:
    """"Earlier, Mohamad, who led the Malaysian delegation on a four-day working visit …": the head of a state's
    delegation is of that state, whatever state his unqualified office would default to."""
    for mention in people.mentions if "delegation" in body else ():
        m = _LEADS_DELEGATION.match(body, mention.end)
        record = people.people[mention.person]
        if m and (state := countries().code(m["state"])) and not stated_in_position(record):
            record.country = state


def spouses(body: str, people) -> None:
    """"นายเหวียน ซวน ฟุก นายกรัฐมนตรีเวียดนาม และนางเจิ่น เหงียต ทู ภริยา", "… and his wife, Mrs. X": a spouse named
    without an office is of the state of the person just named in the line."""
    last: dict[int, str] = {}  # line start -> the state of the last placed person named there
    for mention in people.mentions:
        record = people.people[mention.person]
        line = body.rfind("\n", max(0, mention.start - 2000), mention.start)
        if record.country is None and line in last and _SPOUSE.match(body, mention.end):
            record.country = last[line]
        elif record.country:
            last[line] = record.country


_SPOUSE = re.compile(r"\s?(?:\([^()]{2,60}\)\s?)?(?:" + SPOUSE_TH + r")|,?\s(?:his|her) (?:wife|spouse|husband)\b")


def transcript_speakers(people, intros: list[tuple[int, int]]) -> list[int]:
    """The people a transcript's introduction (its first line from transcript_intros) names ("Toast speech by
    PM Lee Hsien Loong … in honour of … General Prayut Chan-o-cha"): its "we had a good meeting" is theirs."""
    if not intros:
        return []
    start, end = intros[0]
    found = [m.person for m in people.mentions if start <= m.start < end and people.people[m.person].country]
    return list(dict.fromkeys(found))
