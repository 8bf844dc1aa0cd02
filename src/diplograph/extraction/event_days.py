"""Which day an event takes: of the dates its sentence gives, the one of its own clause and shape (a range
for visits and conferences, a day for talks), never another event's (the journey to a conference, the
talk on its sidelines, the day something was said); and the headline event's day from a lead that gives
only a day. A base of :class:`~.events.EventExtractor`, kept apart so each reads on its own.
"""

from __future__ import annotations

import datetime as _dt
import re

from . import cues
from .calendar_words import EN_MONTHS, TH_MONTHS
from .candidates import DAY_KINDS, SPAN_KINDS, Candidate, Context
from .dates import DateMention, find_dates
from .text import Sentence
from .titles import NOT_TAKING_PART

_DAY_AND_MONTH = re.compile(
    r"\d{1,2}\s?(?:" + "|".join(f for _n, forms, _a in TH_MONTHS for f in forms) + "|"
    + "|".join(f"{a}\\.?\\s?{b}\\." for _n, _f, (a, b) in TH_MONTHS) + "|"
    + "|".join(EN_MONTHS) + r")|(?:" + "|".join(EN_MONTHS) + r")\.?\s\d{1,2}\b")

_WHICH = re.compile(r"ซึ่ง|\bwhich\b")  # a clause of the thing just named


def names_another_day(text: str, day: _dt.date) -> bool:
    """Whether text names a day of a month other than ``day``, even one whose year could not be read
    ("11 ตุลาคม 2256")."""
    for m in _DAY_AND_MONTH.finditer(text):
        read = find_dates(text[m.start():m.end() + 12], day)
        if not (read and read[0].start == 0 and read[0].date == day):
            return True
    return False


_SPACES = re.compile(r"\s*")


class DayReader:
    """Rules of an event's day; needs the extractor's ``_triggers``."""

    def _event_dates(self, ctx: Context, sentence: Sentence) -> list[DateMention]:
        out = []
        for d in ctx.dates_in(sentence.start, sentence.end):
            before = ctx.body[max(sentence.start, d.start - 40):d.start]
            if d.end_date is None and cues.NON_EVENT_DATE_BEFORE.search(before):
                continue
            out.append(d)
        # "PHNOM PENH, May 1, 2013 (Xinhua) -- … will be held on May 16-17", "BANGKOK, Nov 25 (TNA) - X meets Y …
        # paid a courtesy call on Friday": the wire's dateline is the day the story was filed, no event's
        return [d for d in out if not (d.start - sentence.start < 40 and cues.DATELINE_END.match(ctx.body, d.end))]

    @staticmethod
    def _pick_date(kind: str, trigger: int, local: list[DateMention], sentence: list[DateMention], body: str = "",
                   journey: bool = False, dated_opening: bool = False) -> DateMention | None:
        """The date a trigger takes: of the right shape (a range for visits and conferences, a day
        for meetings), in the trigger's own stretch of the sentence first, then anywhere in it; a day
        before it belongs to another clause when a conjunction and a day of its own follow ("จะเดินทางไป
        … ในคืนวันนี้ (25 ต.ค.) และคาดว่าจะได้มีการลงนาม … วันพรุ่งนี้ (26 ต.ค.)")."""
        def shape(dates: list[DateMention], spans: bool) -> list[DateMention]:
            return [d for d in dates if bool(d.end_date) == spans]

        want_span = kind in SPAN_KINDS
        if kind == "MultilateralMeeting" and body:
            # "จะเดินทางไปกรุงกัวลาลัมเปอร์ ในคืนวันนี้ (25 ต.ค.)", "arrived in Vientiane on 23 July": the day of
            # the journey, not of the conference
            local, sentence = ([d for d in pool if not cues.TRAVEL.search(body, max(0, d.start - 80), d.start)]
                               for pool in (local, sentence))
        if journey:  # a trip made to attend it: its single day is the trip's
            local, sentence = ([d for d in pool if d.end_date] for pool in (local, sentence))
        pools = [shape(local, want_span), shape(sentence, want_span)]
        if kind == "OfficialVisit":
            # a one-day visit says so after the word ("เยือน … ในวันที่ 5"), before a span another event of the
            # sentence has ("will pay an Official Visit to Laos on 8 October, and attend the … Summits during 9-11
            # October"); a day before it is the day of a meeting during the visit ("เมื่อวันที่ 12 … ซึ่งเดินทางเยือนไทย")
            pools.insert(1, [d for d in shape(local, False) if d.start >= trigger])
            if body and cues.VISIT_BEGAN.search(body, max(0, trigger - 90), trigger):
                # "… signed agreements on Tuesday as President X began his three-day official visit": that day
                pools.append(shape(sentence, False))
            elif (dated_opening and cues.VISIT_MADE.search(body, max(0, trigger - 40), trigger)
                  and not shape(sentence, True) and not cues.WHILE_VISITING.search(body, max(0, trigger - 80), trigger)):
                # "วันนี้ (30 พ.ค. 67) นายมาริษ … เดินทางเยือนลาวอย่างเป็นทางการ", "On 30 May, the Minister paid an official
                # visit to Laos": the visit, the sentence's own verb, is on the day the sentence opens with
                pools.append([d for d in shape(sentence, False) if d.start < trigger][:1])
        elif kind == "MultilateralMeeting":
            pools.append(shape(local, False))  # a day elsewhere in the sentence is another event's
        elif kind not in DAY_KINDS:
            pools += [shape(local, not want_span), shape(sentence, not want_span)]
        for pool in pools:
            if not pool:
                continue
            if want_span:
                after = [d for d in pool if d.start >= trigger]
                return min(after or pool, key=lambda d: abs(d.start - trigger))
            before = [d for d in pool if d.end <= trigger]
            after = [d for d in pool if d.start >= trigger]
            if before and after and cues.CLAUSE_BREAK.search(body, max(before, key=lambda d: d.end).end, trigger):
                return min(after, key=lambda d: d.start)
            if before:
                return max(before, key=lambda d: d.end)
            return min(pool, key=lambda d: abs(d.start - trigger))
        return None

    def _date_from_lead(self, ctx: Context, candidates: list[Candidate]) -> None:
        """A headline states the event ("มว.มหาดไทย นำคณะ เข้าเยี่ยมคารวะ สมเด็จ … ฮุน เซน"), the lead below it only
        its day and people, with no verb of its own ("เมื่อเวลาประมาณ 15.30 น.วันนี้ (24 ส.ค.60) พลเอก อนุพงษ์ …"):
        the day is the headline event's, when the headline states one event and the lead one day."""
        headline = [c for c in candidates if c.headline and c.date is None and c.status != "Scheduled"]
        lead = next((s for s in ctx.sentences if s.start >= ctx.lead_end), None)
        if not headline or lead is None or not cues.DATED_LEAD.match(lead.text):
            return
        days = [d for d in ctx.dates_in(lead.start, lead.start + 80) if d.end_date is None]
        if len({d.date for d in days}) != 1:
            return
        if len({(c.kind, frozenset(c.countries)) for c in headline}) == 1 and headline[0].kind not in SPAN_KINDS and (
                not self._triggers(ctx, lead) and not any(c.date for c in candidates if not c.headline)):
            people = self._lead_people(ctx, lead)
            for cand in headline:
                cand.date, cand.own_date = days[0].date, True
                cand.participants += [p for p in people if p not in cand.participants]
        elif days[0].date == ctx.issued and not any(
                c.kind == "AgreementSigning" for c in candidates if not c.headline):
            # "ประชุม ครม.ไทย-กัมพูชา ชื่นมื่น เซ็นบันทึกความเข้าใจ 5 ฉบับ" over "วันนี้ (19 ธ.ค. 2558) …": a signing only
            # the headline states, as the outcome of the meeting it names first, is of the day the lead reports
            for cand in headline:
                if cand.kind == "AgreementSigning" and cues.MEETING_OR_WELCOME.search(
                        ctx.sentences[cand.evidence[0]].text, 0, cand.start):
                    cand.date, cand.own_date = days[0].date, True

    @staticmethod
    def _lead_people(ctx: Context, lead: Sentence) -> list[int]:
        """The people of a lead that states no verb, and of the delegation list set out a line each below it
        ("… พร้อมด้วยนายณัฏฐวุฒิ … เอกอัครราชทูตไทย ณ กรุงพนมเปญ" / "นายอนุชา โมกขะเวส ที่ปรึกษา…" / …)."""
        people = [m.person for m in ctx.mentions_in(lead.start, lead.end)]
        at = ctx.body.find("\n", lead.end)
        while at >= 0:
            line_start = _SPACES.match(ctx.body, at + 1).end()
            line_end = ctx.body.find("\n", line_start)
            line_end = len(ctx.body) if line_end < 0 else line_end
            here = ctx.mentions_in(line_start, line_end)
            if len(here) != 1 or here[0].start != line_start or ctx.people.people[here[0].person].position is None:
                break  # a line that is one person and his office, and nothing else, continues the list
            people.append(here[0].person)
            at = line_end if line_end < len(ctx.body) else -1
        return [p for p in people if ctx.people.people[p].role not in NOT_TAKING_PART]

    def _day_of(self, ctx: Context, cand: Candidate, sentence: Sentence, triggers: list[tuple[str, int, int]],
                position: int, window_lo: int, window_hi: int, dates: list[DateMention]) -> DateMention | None:
        """The date a trigger takes (see _pick_date), unless it is another event's: "การหารือดังกล่าว" names
        talks already dated (the caller skips those), "… เนื่องในวาระการมาเยือนอย่างเป็นทางการในวันนี้" dates the
        call, not the visit; the day of a talk on a conference's sidelines, and a visit's or conference's span
        around a talk, are not the other's."""
        kind, start, _end = triggers[position]
        text = sentence.text
        local = [d for d in dates if window_lo <= d.start - sentence.start < window_hi]
        chosen = self._pick_date(cand.kind, cand.start, local, dates, ctx.body, cand.journey,
                                 dated_opening=bool(cues.DATED_LEAD.match(text)))
        if chosen is None:
            return None
        if (kind == "OfficialVisit" and chosen.end_date is None and chosen.relative
                and cues.VISIT_AS_OCCASION.search(text, max(0, start - 30), start)):
            return None
        if kind == "OfficialVisit" and chosen.end_date and any(
                k == "Named" and start < s and e <= chosen.start - sentence.start
                and _WHICH.search(text, e, chosen.start - sentence.start) for k, s, e in triggers):
            return None  # "… visit to attend APEC, which Thailand hosts on 16-19 November": the conference's days
        if cues.REPORTING.search(text, chosen.end - sentence.start, start):
            return None  # the day of the statement that reports the event
        if kind == "Named" and cues.PREPARES_FOR.search(text, max(0, start - 30), start):
            return None  # "… Ministerial Meeting on 29 August to prepare for the 4th BIMSTEC Summit": a later meeting's
        if kind == "OfficialVisit" and chosen.end_date is None and cues.VISIT_ENDED.search(text, max(0, start - 60), start):
            return None  # "… concluding his working visit to Thailand today": its last day, not its first
        if kind == "OfficialVisit" and chosen.end_date is None and self._visiting_title(text, start, _end):
            return None  # "hosted a luncheon for visiting Malaysian Prime Minister … on 5 March": the luncheon's day
        # "… on the sidelines of the Mekong-Japan Summit scheduled for Tuesday": a day the conference's name is
        # given is the conference's, not the talk's
        conference_day = any(k == "Named" and e <= chosen.start - sentence.start for k, _s, e in triggers) and bool(
            cues.CONFERENCE_DAY.search(ctx.body, max(sentence.start, chosen.start - 30), chosen.start))
        if kind != "Named" and conference_day:
            return None
        if (cand.kind == "MultilateralMeeting" and chosen.end_date is None and ctx.cue_starts(sentence, cues.SIDELINE)
                and any(k in ("BilateralMeeting", "Call", "CourtesyCall") for k, _s, _e in triggers)
                and not conference_day):
            return None  # "On 30 June, on the sidelines of the 46th AMM, X met Y": the day is the talk's
        if (chosen.end_date and cand.kind not in SPAN_KINDS and kind != "Named"
                and any(k in ("OfficialVisit", "Named") for i, (k, _s, _e) in enumerate(triggers) if i != position)):
            return None  # the span is the visit's or conference's: a talk during it has no day of its own
        return chosen
