"""Events: meetings, calls, visits, courtesy calls, signings and named conferences.

A release reports an event in one sentence and comes back to it in others (the
headline, the lead, "ในการหารือ…", "After the talks…"). So every trigger word
first makes a *candidate* from its own sentence — kind, the date that sentence
gives it, the people and states it names — and candidates are then merged into
events: same kind, compatible date and countries. A candidate that never gets a
date from its own sentence or from the event it follows, and merges with
nothing, is dropped rather than guessed: a missing fact is better than a wrong one.
"""

from __future__ import annotations

import datetime as dt
import re

from .. import gazetteer
from . import cues
from .apart import clause_bounds, venue
from .candidates import BILATERAL_KINDS, SPAN_KINDS, Candidate, Context
from .consolidate import consolidate
from .dates import DateMention, be_to_ce
from .event_days import DayReader, names_another_day
from .sides import SideReader, name_key
from .text import Sentence, is_thai
from .titles import NOT_TAKING_PART

_NOT_WHEN = re.compile(r"also", re.I)


_CALL_WORDS = (dict(cues.THAI_TRIGGERS)["CourtesyCall"], dict(cues.ENGLISH_TRIGGERS)["CourtesyCall"])


class EventExtractor(DayReader, SideReader):
    def __init__(self) -> None:
        self.countries = gazetteer.countries()
        self.positions = gazetteer.positions()

    # ------------------------------------------------------------ triggers
    def _triggers(self, ctx: Context, sentence: Sentence) -> list[tuple[str, int, int]]:
        """The event words of a sentence (computed once per sentence: several rules ask)."""
        cached = ctx.triggers.get(sentence.start)
        if cached is None:
            cached = ctx.triggers[sentence.start] = self._find_triggers(sentence.text)
        return cached

    def _find_triggers(self, text: str) -> list[tuple[str, int, int]]:
        table = cues.THAI_TRIGGERS if is_thai(text) else cues.ENGLISH_TRIGGERS
        found: list[tuple[str, int, int]] = []
        lower = text.lower()
        for kind, pattern in table:
            if not cues.TRIGGER_NEEDLES[kind].search(lower):
                continue
            for m in pattern.finditer(text):
                at, to = m.span()
                for _k, a, b in found:  # a plain loop: this runs for every trigger word of every sentence
                    if a <= at < b or at <= a < to:
                        break
                else:
                    found.append((kind, at, to))
        named = cues.THAI_NAMED_MEETING if is_thai(text) else cues.ENGLISH_NAMED_MEETING
        for m in (named.finditer(text) if cues.MEETING_WORD.search(text) else ()):
            whole = m.group(0)
            # a cabinet's own meeting is domestic; a joint one ("คณะรัฐมนตรีไทย - ลาว", "Joint Cabinet Meeting") is not
            bilateral = cues.BILATERAL_NAME.search(whole) or self._pair_named(whole)
            if cues.GENERIC_NAME.fullmatch(whole) or cues.RELATED_NAME.search(whole) or (
                    cues.DOMESTIC_NAME.search(whole) and not bilateral) or not (
                    cues.MULTILATERAL_NAME.search(whole) or bilateral) or cues.INSTRUMENT_ON.search(
                    text, max(0, m.start() - 260), m.start()):
                continue
            found = [t for t in found if not (m.start() <= t[1] < m.end())]
            found.append(("Named", m.start(), m.end()))
        found.sort(key=lambda t: t[1])
        if cues.BOOK_SIGNED.search(text):  # "… ร่วมลงนามถวายพระพร … ให้ประชาชนทั่วไปลงนาม บริเวณเต็นท์": the book's, every one
            found = [t for t in found if t[0] != "AgreementSigning"]
        # a courtesy call is also a reception and a talk: one event, not three, unless a link makes the talk
        # another engagement ("มีกำหนดพบหารือทวิภาคีกับนายกรัฐมนตรี … รวมทั้งจะเข้าเยี่ยมคารวะประธานประเทศ")
        calls = [(a, b) for k, a, b in found if k == "CourtesyCall"]
        if calls:
            found = [t for t in found if t[0] not in ("BilateralMeeting", "Call") or any(
                cues.ANOTHER_ENGAGEMENT.search(text, min(b, t[2]), max(a, t[1] + 5)) for a, b in calls)]
        return found

    # ----------------------------------------------------------- countries

    # -------------------------------------------------------- participants
    def _participants(self, ctx: Context, sentence: Sentence, lo: int, hi: int, trigger_end: int) -> list[int]:
        """People the sentence names between lo and hi (body offsets), minus reporters, bystanders
        and people in a hope or invitation that follows the trigger ("… และหวังว่าจะได้พบกับ X")."""
        out: list[int] = []
        for m in ctx.mentions_in(lo, hi):
            if m.start > trigger_end and ctx.cue_between(sentence, cues.MODAL_BLOCK, trigger_end, m.start):
                continue
            person = ctx.people.people[m.person]
            if person.role in NOT_TAKING_PART:
                continue
            if cues.MENTION_ONLY.search(ctx.body[max(sentence.start, m.start - 40):m.start]):
                continue
            sends = (cues.ASSIGNS.match(ctx.body, m.end, min(sentence.end, m.end + 40))
                     or cues.ASSIGNS_AHEAD.search(ctx.body, m.end, min(sentence.end, m.end + 70)))
            if sends and not ctx.mentions_in(m.end, sends.start()):
                # "นายสุชาติ … มอบหมาย นายสุรชัย …", "… นายกรัฐมนตรี และหัวหน้า คสช. (คสช.) มอบหมายให้ …":
                # who sends someone else does not take part
                continue
            if m.person not in out:
                out.append(m.person)
        return out

    @staticmethod
    def _ambassadors_call(ctx: Context, cand: Candidate) -> bool:
        """A home official who receives a foreign ambassador ("ให้การต้อนรับ … เอกอัครราชทูต…ประจำประเทศไทย",
        "received the Ambassador of Chile"): the ambassador's call, whatever the verb."""
        people = [ctx.people.people[p] for p in cand.participants if p >= 0]
        foreign = [p for p in people if p.country not in (None, ctx.home)]
        return bool(foreign) and all(p.role == "ambassador" for p in foreign) and any(
            p.country == ctx.home and p.role not in (None, "ambassador") for p in people)

    @staticmethod
    def _own_envoy_called_on(ctx: Context, cand: Candidate, sentence: Sentence, end: int) -> bool:
        """A home official calling on the home state's own ambassador abroad: no two states meet."""
        if cand.kind not in ("CourtesyCall", "BilateralMeeting") or not ctx.home:
            return False
        after = ctx.mentions_in(sentence.start + end, sentence.end)
        people = [ctx.people.people[p] for p in cand.participants if p >= 0]
        return bool(after) and after[0].start - (sentence.start + end) <= 8 and len(people) >= 2 and all(
            p.country == ctx.home for p in people) and ctx.people.people[after[0].person].role == "ambassador"

    @staticmethod
    def _home_subject(ctx: Context, sentence: Sentence, start: int) -> bool:
        """The home state's official is the first person named before the verb ("นายภูมิธรรม … ได้พบหารือกับ
        นายนาเกช ซิงค์ เอกอัครราชทูตอินเดีย"): the talks were the official's, not the envoy's call."""
        before = ctx.mentions_in(sentence.start, sentence.start + start)
        return bool(before) and ctx.people.people[before[0].person].country == ctx.home and not any(
            p.search(ctx.body) for p in _CALL_WORDS)  # the release calls it a call elsewhere: its word wins

    @staticmethod
    def _foreign(ctx: Context, participants: list[int]) -> bool:
        return any(p >= 0 and ctx.people.people[p].country not in (None, ctx.home) for p in participants)

    def _subject_before(self, ctx: Context, index: int) -> int | None:
        """Whom "he"/"she" in sentence index stands for: the subject of the nearest earlier sentence that
        has one — the first person it names before its verb, or, if that is a pronoun too, its referent."""
        for earlier in range(index - 1, -1, -1):
            s = ctx.sentences[earlier]
            triggers = self._triggers(ctx, s)
            verb = s.start + triggers[0][1] if triggers else s.end
            named = [m.person for m in ctx.mentions_in(s.start, verb)
                     if ctx.people.people[m.person].role not in NOT_TAKING_PART]
            if named:
                return named[0]
            if cues.PRONOUN.search(ctx.body, s.start, verb):
                return self._subject_before(ctx, earlier)
        return None

    def _between(self, ctx: Context, sentence: Sentence, trigger_end: int) -> list[int] | None:
        """"การหารือระหว่าง A กับ B": exactly the two people named, when the release's side only hosts."""
        window = ctx.body[trigger_end:min(sentence.end, trigger_end + 200)]
        m = (cues.BETWEEN.match(window.lstrip()) or cues.BETWEEN.match(window)
             or cues.BETWEEN.search(ctx.body, max(sentence.start, trigger_end - 8), trigger_end))
        if not m:
            return None
        people = [x.person for x in ctx.mentions_in(trigger_end, min(trigger_end + 200, sentence.end))]
        unique = list(dict.fromkeys(people))[:2]
        return unique if len(unique) == 2 else None

    # ---------------------------------------------------------------- main
    def extract(self, ctx: Context) -> list[Candidate]:
        candidates: list[Candidate] = []
        list_day = None  # "ในวันที่ 9 ตุลาคม 2567 … หารือกับผู้นำ 4 ประเทศ โดยสรุปได้ดังนี้": the day of the items below
        for index, sentence in enumerate(ctx.sentences):
            days = [d for d in ctx.dates_in(sentence.start, sentence.end) if d.end_date is None]
            if days:
                list_day = days[-1].date if cues.LIST_INTRO.search(sentence.text, max(0, len(sentence.text) - 40)) else None
            triggers = self._triggers(ctx, sentence)
            if not triggers:
                if candidates and (cues.ATTENDANCE.match(sentence.text) or cues.ACCOMPANIED.search(sentence.text)
                                   or cues.LED_DELEGATIONS.search(sentence.text)):
                    # "(Attending on the Japanese side were …)", "The meeting was attended by …": the last
                    # event, or the last meeting when the sentence says it is the meeting's
                    meetings = [c for c in candidates if c.kind in ("BilateralMeeting", "MultilateralMeeting")]
                    last = meetings[-1] if meetings and (re.match(r"\s*The (?:meeting|talks)", sentence.text)
                                                         or cues.LED_DELEGATIONS.search(sentence.text)) else candidates[-1]
                    for m in ctx.mentions_in(sentence.start, sentence.end):
                        if (m.person not in last.participants
                                and ctx.people.people[m.person].role not in NOT_TAKING_PART):
                            last.participants.append(m.person)
                            last.countries |= {ctx.people.people[m.person].country} - {None}
                    last.evidence.append(index)
                continue
            dates = self._event_dates(ctx, sentence)
            for position, (kind, start, end) in enumerate(triggers):
                cand = self._candidate(ctx, index, sentence, triggers, position, dates)
                if cand is not None:
                    if cand.date is None and list_day and not days and cand.kind not in SPAN_KINDS:
                        cand.date = list_day
                    candidates.extend(self._counterparts(ctx, cand))
        self._date_from_lead(ctx, candidates)
        return consolidate(ctx, candidates)

    @staticmethod
    def _returned_from(text: str, triggers: list[tuple[str, int, int]], position: int) -> bool:
        """Named conferences right after "back from", or joined to one that is, are behind the traveller:
        "กลับจากการเข้าร่วมการประชุม ASEM12 และการเข้าร่วมประชุมผู้นำ EU – ASEAN", "returning from the G20 Summit"."""
        start = triggers[position][1]
        if cues.RETURNED_FROM_HEAD.search(text, max(0, start - 40), start):
            return True
        k = position - 1
        return (k >= 0 and triggers[k][0] == "Named" and cues.RETURNED_JOIN.fullmatch(text, triggers[k][2], start)
                is not None and EventExtractor._returned_from(text, triggers, k))

    def _visiting_title(self, text: str, start: int, end: int) -> bool:
        """"Visiting Chinese State Councilor Wang Yi …": a visitor's epithet, the occasion of what follows."""
        if text[start:end].lower() != "visiting ":
            return False
        at = end
        for _ in range(3):  # the title, after at most two words ("Chinese", "Thai Deputy")
            if self.positions.en_pattern.match(text, at):
                return True
            word = re.match(r"[A-Z][\w’'\-]*\s", text[at:at + 30])
            if word is None:
                return False
            at += word.end()
        return False

    def _candidate(self, ctx: Context, index: int, sentence: Sentence, triggers: list[tuple[str, int, int]],
                   position: int, dates: list[DateMention]) -> Candidate | None:
        kind, start, end = triggers[position]
        text = sentence.text
        body_start, body_end = sentence.start + start, sentence.start + end
        window_lo = triggers[position - 1][2] if position > 0 else 0
        window_hi = triggers[position + 1][1] if position + 1 < len(triggers) else len(text)
        modal = cues.MODAL_BLOCK.search(text, max(window_lo, start - 80), start)
        if modal and not any(modal.start() < d.start - sentence.start < window_hi for d in dates):
            return None  # a hope, an invitation, a vague plan: not an event
        if cues.SOMEDAY_AFTER.search(text, end, min(window_hi, end + 60)):
            return None  # "… paying a state visit to China at an early date"
        if kind == "AgreementSigning" and text[start:end].lower() == "signed" and cues.IMPLEMENTS_SIGNED.search(
                text, max(0, start - 120), start):
            return None  # "to implement the five-year project … signed by the two sides": told in passing
        if kind == "AgreementSigning" and cues.SIGNED_LATER.search(text, max(0, start - 80), start) and not any(
                d.start - sentence.start > start for d in dates):
            return None  # "so the pact can be signed as scheduled next year": no signing, and no day for one
        if kind == "OfficialVisit" and cues.BEFORE_VISITING.search(text, max(0, start - 16), start):
            return None  # "ก่อนที่จะเยือนไทย นายบอริส … ได้เข้าหารือกับ …": a time clause of the talks, the visit told elsewhere
        if kind == "Named" and self._returned_from(text, triggers, position):
            return None
        if cues.CITED_AS_GROUND.search(text, max(0, start - 60), start):
            return None  # the meeting whose decision the news follows, not news itself
        if kind == "BilateralMeeting" and cues.RECEPTION.fullmatch(text, start, end) and cues.CEREMONY.search(
                ctx.body, sentence.start, min(len(ctx.body), sentence.end + 120)):
            return None  # the welcome ceremony of a visit ("…ตรวจแถวกองทหารเกียรติยศ", "guard of honour"), not talks
        cand = Candidate(kind="BilateralMeeting" if kind == "Call" else kind, sentence=index,
                         start=body_start, end=body_end, evidence=[index], headline=body_start < ctx.lead_end)
        if kind == "Call":
            cand.mode = "Virtual"
        cand.attended = kind == "BilateralMeeting" and bool(cues.ATTENDED.search(text, max(0, start - 40), start))
        if cues.NEGOTIATING_ROUND.match(text, start):
            cand.name = text[start:end]  # a negotiating round is a meeting with a name of its own
            cand.aliases.add(name_key(cand.name))
        if kind == "Named":
            self._named(ctx, cand, text[start:end])
            if (cand.kind == "MultilateralMeeting" and not cues.GROUPING_NAME.search(text, start, end)
                    and cues.BETWEEN_PARTIES.match(text[end:end + 80].lstrip())):
                cand.kind = "BilateralMeeting"  # "การประชุมประจำปี ครั้งที่ 6 ระหว่างนายกรัฐมนตรีกับนายกรัฐมนตรีมาเลเซีย"
            # names joined by "และ" share the date that follows the last of them
            group_hi = window_hi
            k = position
            while k + 1 < len(triggers) and triggers[k + 1][0] == "Named" and re.fullmatch(
                    r"\s*(?:และ|and)\s*(?:งาน\s?)?", text[triggers[k][2]:triggers[k + 1][1]]):
                k += 1
                group_hi = triggers[k + 1][1] if k + 1 < len(triggers) else len(text)
            window_hi = max(window_hi, group_hi)
        cand.journey = (cand.kind == "MultilateralMeeting" or kind == "Named") and bool(
            cues.TRAVEL_TO_ATTEND.search(text, max(0, start - 140), start))
        back = bool(cues.BACK_REFERENCE.match(text, end)) and kind not in ("Named", "OfficialVisit")
        after = [s for s in ctx.cue_starts(sentence, cues.AFTER) if s < start]
        # the event "after" names ("following telephone conversations with …", "ภายหลังการหารือ") came first: a day
        # before that word is the later act's ("in a post last night following telephone conversations"); one after
        # it may be its own ("… แถลงข่าวภายหลังการประชุม … ในวันนี้ (19 ธ.ค. 2558)")
        cand.after_what = bool(after) and all(cues.AFTER_WHAT.fullmatch(text, s, start) for s in after)
        own_days = [d for d in dates if d.start - sentence.start > after[-1]] if cand.after_what else dates
        chosen = None if back else self._day_of(ctx, cand, sentence, triggers, position, window_lo, window_hi, own_days)
        if (chosen is None and ctx.issued and not dates and cand.kind not in SPAN_KINDS and cues.CLOCK_LEAD.match(text)
                and not names_another_day(ctx.body[:sentence.start], ctx.issued)):
            # "เมื่อเวลา 10.10 น. …": the release's own day — unless the story named another day before
            cand.date, cand.own_date = ctx.issued, True
        if chosen is not None:
            cand.date, cand.end_date, cand.own_date = chosen.date, chosen.end_date, True
            days = _DAYS_LONG.search(text, max(0, start - 12), end)
            length = _NUMBER[days["n"].lower()] if days else 1
            began = cues.VISIT_BEGAN.search(text, max(0, start - 90), start)
            if cand.kind == "OfficialVisit" and length > 1 and chosen.end_date is None and (
                    chosen.start - sentence.start >= start or began):
                cand.end_date = chosen.date + dt.timedelta(days=length - 1)  # "a two-day visit beginning today"
        win_text = text[window_lo:window_hi]
        if cand.mode is None:
            virtual, in_person = ctx.cue_starts(sentence, cues.VIRTUAL), ctx.cue_starts(sentence, cues.IN_PERSON)
            if any(window_lo <= at < window_hi for at in virtual):
                cand.mode = "Virtual"
            elif (any(window_lo <= at < window_hi for at in in_person) or cand.kind in ("OfficialVisit", "CourtesyCall")
                  or (not virtual and in_person)
                  # travelled to attend it; received the other side ("ให้การต้อนรับและร่วมหารือกับ …")
                  or cand.journey or (cand.kind == "MultilateralMeeting" and cues.WENT_TO_ATTEND.search(text, max(0, start - 30), start))
                  or (kind == "BilateralMeeting" and not virtual and cues.RECEPTION.match(text, start))):
                cand.mode = "InPerson"  # a place ("ณ กระทรวงการต่างประเทศ") anywhere in a sentence with no call
        cand.status = self._status(ctx, cand, sentence)
        if kind == "AgreementSigning" and cues.PLANNED.search(text, max(0, start - 25), start):
            cand.status = "Scheduled"  # "เร่งรัดการลงนาม…", "กำหนดจัดพิธีลงนาม…": not signed yet
        cand.sideline = bool(ctx.cue_starts(sentence, cues.SIDELINE))
        # called official, or given a length ("is on a three-day visit to Japan"): a visit reported, not an occasion
        cand.official = kind == "OfficialVisit" and bool(cues.OFFICIAL.search(text, start, end)
                                                         or _DAYS_LONG.search(text, max(0, start - 12), end)
                                                         or cues.AS_GUEST.search(text, start, min(len(text), end + 60)))
        cand.subordinate = (kind == "OfficialVisit" and not cand.official
                            and (bool(cues.OCCASION_OF.search(text, max(0, start - 40), start))
                                 or self._visiting_title(text, start, end)))
        between = self._between(ctx, sentence, body_end) if cand.kind == "BilateralMeeting" else None
        # "the two sides discussed …" goes on about the meeting just reported; "both leaders had held a bilateral
        # meeting" reports one of its own
        cand.continuation = back or (bool(cues.BOTH_SIDES.search(text[max(0, start - 40):start])
                                          or (kind in ("BilateralMeeting", "Call") and cues.BOTH_SIDES_LEAD.match(text[:start])))
                                     and not cues.MEETING_HELD.match(text, start))
        cand.sequel = not cand.continuation and bool(after)
        # "Later", "Earlier", "ต่อมา", "on the same day" say when (news: that day); "also" only that it is another event
        cand.same_day = any(not _NOT_WHEN.match(text, s) for s in after)
        cand.occasion = any(s < start for s in ctx.cue_starts(sentence, cues.OCCASION))
        # "The statement comes after the two signed a MoU during the official visit … last month": recalled in a
        # clause of another act, not reported
        cand.recalled = bool(cues.PAST_PERIOD.search(text)) and bool(cues.IN_A_CLAUSE_OF.search(text, max(0, start - 80),
                                                                                               start))
        # "… under the MoU …, signed in 2011 by …", "ซึ่งลงนามเมื่อปี 2554": an earlier year's, background to the news
        year = cues.YEAR_AFTER.match(text, end)
        if year and ctx.issued and (int(year["ce"]) if year["ce"] else be_to_ce(int(year["be"]))) < ctx.issued.year:
            cand.recalled, cand.own_date, cand.date, cand.end_date = True, False, None, None  # no day of the news
        days = [d for d in dates if d.end_date is None and d.start - sentence.start < start
                and not (cand.after_what and d.start - sentence.start < after[-1])]
        cand.day_hint = days[-1].date if days else None
        if between:
            cand.participants, cand.hosted = between, True
        elif cand.kind == "MultilateralMeeting" and not ctx.cue_starts(sentence, cues.ATTENDS):
            cand.participants = []  # named in passing ("to prepare for …"), not said to attend
        else:
            lo, hi = clause_bounds(ctx, sentence, triggers, position)
            cand.participants = self._participants(ctx, sentence, sentence.start + lo, sentence.start + hi, body_end)
            if not cand.participants and ctx.speakers and cues.WE.search(text, window_lo, window_hi):
                cand.participants = list(ctx.speakers)  # a transcript's "we had a good meeting": speaker and guest
            elif not cand.participants and (cues.BOTH_SIDES.search(text) or cues.PAIR_OF_LEADERS.search(text)):
                cand.participants = [-1]  # "the two leaders …", "… witnessed by the two prime ministers": of the event it follows
            elif cues.PRONOUN.search(text[max(0, start - 40):start]) or (
                    ctx.cue_starts(sentence, cues.COUNTERPART) and not self._foreign(ctx, cand.participants)):
                # "he": who the release was just speaking of; "talks with his Thai counterpart X, the
                # two FMs …": the counterpart's counterpart is that person too
                subject = self._subject_before(ctx, index)
                if subject is not None and subject not in cand.participants:
                    cand.participants.insert(0, subject)
        if self._own_envoy_called_on(ctx, cand, sentence, end):
            return None  # "ปลัดกระทรวงแรงงาน เข้าเยี่ยมคารวะ … เอกอัครราชทูต ณ กรุงโตเกียว": one side's own people
        cand.countries |= {ctx.people.people[p].country for p in cand.participants
                           if p >= 0 and ctx.people.people[p].country}
        if ctx.speakers and ((len(cand.countries) < 2 and cand.kind in BILATERAL_KINDS
                              and cues.WE.search(text, window_lo, window_hi))
                             or (cand.kind == "MultilateralMeeting" and cues.I_OR_WE.search(text, 0, start))):
            # a transcript: "he is here now on his official visit when our two countries …", "Today, I had the
            # honour to co-chair the ASEAN-China Post Ministerial Conference with …": the speakers take part
            cand.participants += [p for p in ctx.speakers if p not in cand.participants]
            cand.countries |= {ctx.people.people[p].country for p in ctx.speakers}
        if cand.kind == "BilateralMeeting" and not cand.hosted and self._ambassadors_call(ctx, cand) and not (
                cues.TALKS_WITH.match(text, start) and self._home_subject(ctx, sentence, start)):
            cand.kind = "CourtesyCall"
        elif (cand.kind == "CourtesyCall" and ctx.equals_of_two_states(cand.participants)
              and cues.CALL_ON_EQUAL.search(ctx.body, cand.start, cand.end)):
            cand.kind = "BilateralMeeting"  # "นายกรัฐมนตรี … ได้เข้าพบกับ … ประธานาธิบดี": leaders meet, they do not call
        if cand.kind == "MultilateralMeeting":
            # its host and the states the sentence lists as taking part; not states merely named nearby
            cand.countries |= self._hosts(text) | self._attending(text)
            titles = self.positions.th_pattern if is_thai(text) else self.positions.en_pattern
            if ctx.home and cues.ATTENDS.search(text) and titles.search(text, 0, start):
                cand.countries.add(ctx.home)  # "นายกรัฐมนตรีเข้าร่วมการประชุม…": the speaking government attends
        elif not cand.hosted and not (cand.countries - {ctx.home}):
            cand.countries |= self._side_countries(ctx, win_text, cand.kind)
        if cand.kind == "MultilateralMeeting" and not cand.countries and not cand.participants and (
                cues.OCCASION_OF_NAMED.search(text, max(0, start - 20), start)):
            return None  # "ข้อความ … ในโอกาสการประชุมสุดยอด…": the occasion of a message, with no one of ours in it
        cand.window = win_text
        cand.own = [p for p in cand.participants if p >= 0]
        cand.separate = any(window_lo <= at < end + 3 for at in ctx.cue_starts(sentence, cues.SEPARATE))
        cand.venue = venue(ctx, sentence, window_lo, window_hi)
        cand.introduced = not cand.continuation and any(
            m.full and m.person in cand.participants and ctx.people.people[m.person].country not in (None, ctx.home)
            for m in ctx.mentions_in(sentence.start, sentence.end))
        return cand

    def _named(self, ctx: Context, cand: Candidate, whole: str) -> None:
        m = (cues.THAI_NAMED_MEETING if is_thai(whole) else cues.ENGLISH_NAMED_MEETING).fullmatch(whole)
        groups = m.groupdict() if m else {}
        english = (groups.get("en") or groups.get("event") or groups.get("named")
                   or (groups.get("name") if not is_thai(whole) else None))
        acronym = groups.get("acr")
        if english and ":" in english:
            english, acronym = (part.strip() for part in english.split(":", 1))
        thai = groups.get("th")
        if english:
            name = re.sub(r"^(?:The|the)\s+", "", english.strip())
            cand.name = name
            cand.aliases.add(name_key(name))
        elif thai:
            cand.name = "การประชุม" + thai.strip() if not thai.startswith("ประชุม") else thai
            cand.aliases.add(name_key(cand.name))
        if acronym:
            cand.aliases.add(name_key(re.sub(r"^(?:The|the)\s+", "", acronym)))
            cand.aliases.add(name_key(re.sub(r"^(?:The\s+)?\d+(?:st|nd|rd|th)\s+", "", acronym)))
        pair = self._pair_named(whole)
        two_sides = bool(pair)  # "8th Japan-Thailand Strategic Dialogue"
        found = self.countries.find(cand.name, "th" if is_thai(cand.name) else "en") if pair and cand.name else []
        if len(found) >= 2:
            # "Second Thailand – Viet Nam Joint Cabinet Retreat" is also "the 2nd Joint Cabinet Retreat" of the two
            bare = cand.name[:found[0][0]] + re.sub(r"^\s*[-–]?\s*", "", cand.name[found[-1][1]:])
            cand.aliases.add(name_key(bare))
        bilateral = (cues.BILATERAL_NAME.search(whole) or two_sides) and not cues.GROUPING_NAME.search(whole)
        cand.kind = "BilateralMeeting" if bilateral else "MultilateralMeeting"
        if bilateral and two_sides:
            cand.countries |= set(pair)  # "Japan-Viet Nam Summit Meeting": the name gives the two sides
        elif not bilateral and (partner := cues.GROUPING_PARTNER.search(whole)):
            # "การประชุมสุดยอดอาเซียน - ออสเตรเลีย", "ASEAN-Japan Summit": the partner state takes part
            lang = "th" if is_thai(whole) else "en"
            found = self.countries.find(whole[partner.end():partner.end() + 40], lang)
            if found and found[0][0] == 0:
                cand.countries.add(found[0][2])

    def _pair_named(self, name: str) -> set[str]:
        """The two states a meeting's name joins with a dash ("Japan-Philippines Foreign Ministers' Meeting")."""
        if not re.search(r"[-–]", name):
            return set()
        pair = {c for _s, _e, c in self.countries.find(name, "th" if is_thai(name) else "en")}
        return pair if len(pair) == 2 else set()

    def _status(self, ctx: Context, cand: Candidate, sentence: Sentence) -> str | None:
        if ctx.cue_starts(sentence, cues.CANCELLED):
            return "Cancelled"
        if ctx.cue_starts(sentence, cues.POSTPONED):
            return "Postponed"
        if cand.date and ctx.issued:
            return "Scheduled" if cand.date > ctx.issued else "Held"
        # a future word before the trigger in its sentence ("จะเดินทางเยือน", "is scheduled to visit"); not one in a later
        # clause about something else ("… ได้มีการลงนามแถลงการณ์ร่วม ซึ่งจะครอบคลุม …")
        future = any(s < cand.start - sentence.start for s in ctx.cue_starts(sentence, cues.FUTURE))
        return "Scheduled" if future else ("Held" if cand.date else None)

_DAYS_LONG = re.compile(r"\b(?P<n>one|two|three|four|five|six|seven|[1-7])-day\b", re.I)
_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           **{str(n): n for n in range(1, 8)}}
