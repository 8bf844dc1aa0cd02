"""Merging candidates into events: one event per occasion, dated only from what the release says.

A release names an event in one sentence and comes back to it in others. Candidates of the
same kind, with compatible dates and sides, are one event; "ทั้งสองฝ่ายได้หารือ…" goes on about
the talk just reported; "ภายหลังการหารือ … ลงนาม" is a new event on its day; an undated mention
that is no concrete report is dropped rather than guessed. Talks of one day with other people, or
said to be separate, stay apart (:mod:`.apart`): their people are never another meeting's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ..gazetteer import countries
from .apart import apart, overlap
from .candidates import BILATERAL_KINDS, SPAN_KINDS, Candidate, Context
from .cues import ATTENDS, CALL_ON_EQUAL, HELD, IN_PERSON, LIST_ITEM, PAIR_OF_LEADERS, RECEPTION, THE_CALL, VIRTUAL
from .text import is_thai
from .titles import NOT_TAKING_PART


def consolidate(ctx: Context, candidates: list[Candidate]) -> list[Candidate]:
    events: list[Candidate] = []
    index = _EventIndex()
    previous: Candidate | None = None  # the last dated event reported
    last_day: Candidate | None = None  # the last one-day event reported (not a visit or conference)
    current_day: dt.date | None = None  # the last day the release named for an event
    for cand in candidates:
        source = last_day or previous
        if source is None and events and -1 in cand.participants and PAIR_OF_LEADERS.search(
                ctx.sentences[cand.evidence[0]].text):
            source = events[-1]  # "the Thai and Chinese prime ministers": the two of the talks just reported, dated or not
        if -1 in cand.participants:
            # "ทั้งสองฝ่าย", "the two leaders": the people of the talk just reported, and its two states only
            # ("The two sides signed a memorandum …, while … Dawei in Myanmar": not Myanmar's)
            alone = cand.participants == [-1]
            cand.participants = [p for p in cand.participants if p >= 0]
            if source is not None:
                cand.participants += [p for p in source.participants if p not in cand.participants]
                both = len(source.countries) == 2 and cand.kind in BILATERAL_KINDS and alone
                cand.countries = set(source.countries) if both else cand.countries | source.countries
                if both and len(cand.participants) < 2 and PAIR_OF_LEADERS.search(ctx.sentences[cand.evidence[0]].text):
                    # "the two leaders assessed …" after "Laos and Thailand signed …": the one leader of each side
                    cand.participants += [p for p in _leaders(ctx, cand.countries) if p not in cand.participants]
        if not cand.countries and cand.kind == "AgreementSigning" and cand.same_day and not cand.after_what and ctx.home and (
                sides := next((e.countries for e in reversed(events) if len(e.countries - {ctx.home}) == 1), None)):
            cand.countries = sides | {ctx.home}  # "… ภายหลังการหารือจะมีการลงนาม …": the two sides of the talks before
        if len(cand.countries - {ctx.home}) < 2 and cand.kind in BILATERAL_KINDS and ctx.home and LIST_ITEM.match(
                ctx.sentences[cand.evidence[0]].text) and (visit := next((e for e in reversed(events) if e.kind == "OfficialVisit"
                                                                          and len(e.countries - {ctx.home}) == 1), None)) and (
                cand.countries <= visit.countries | {ctx.home}):
            # "• The Royal Audience with …", "• With the Prime Minister: a bilateral meeting …" in a visit's programme: the
            # visitor's, on the day of a one-day visit
            cand.countries |= visit.countries | {ctx.home}
            cand.participants += [p for p in visit.participants if p not in cand.participants
                                  and ctx.people.people[p].country in visit.countries - {ctx.home}]
            if cand.date is None and visit.date and not visit.end_date:
                cand.date = visit.date
        if not cand.countries and cand.kind == "BilateralMeeting" and len(
                told := [e for e in events if e.kind == cand.kind and e.date is None and len(e.countries) == 2]) == 1:
            # "South Korea and Thailand have had … consultations" above "Chun Young-hee, head of the … Bureau, met
            # with Arjaree Sriratanaban … on Thursday": the one talk told so far, its sides not said again
            cand.countries = set(told[0].countries)
        _complete_sides(ctx, cand, previous)
        if cand.continuation and cand.date is None and cand.kind == "BilateralMeeting":
            host = _continued(events, cand)
            if host is not None:
                _merge(host, cand)
                continue
        # "He also met …" right after the dated call in its paragraph: that day; after other sentences, no day
        here = last_day is not None and _paragraph(ctx, cand) == _paragraph(ctx, last_day)
        also_here = cand.sequel and here
        # "The two sides signed …" a paragraph after the talks: another event, its day not said
        going_on = cand.continuation and (here or last_day is None or last_day.kind == cand.kind)
        if (cand.date is None and (cand.same_day or also_here or going_on or cand.separate)
                and cand.kind not in SPAN_KINDS and not cand.journey
                and (last_day is not None or current_day is not None)):
            # "ภายหลังการหารือ … ลงนาม", "โดยทั้งสองฝ่ายได้ร่วมกันลงนาม", "Later on the same day …":
            # a new event on the day of the one just reported, or of the day the release just named
            # ("17 ตุลาคม 2561 … ให้การต้อนรับ … พิธีตรวจแถว … หลังจากนั้นได้เข้าเยี่ยมคำนับ")
            cand.date = last_day.date if last_day is not None else current_day
        elif cand.date is None and cand.continuation and cand.kind not in SPAN_KINDS and (
                earlier := next((e for e in reversed(events) if e.kind == cand.kind and e.date and not e.end_date),
                                None)):
            cand.date = earlier.date  # "The two contracts were signed after the meeting": the signing reported
        elif cand.date is None and cand.same_day and not cand.after_what and cand.kind not in SPAN_KINDS:
            # "… he said at a joint media conference here today. Earlier, both leaders had held a bilateral
            # meeting": the day the sentence before it names
            cand.date = _day_named_before(ctx, cand)
        elif (cand.date is None and cand.occasion and current_day and cand.kind not in SPAN_KINDS and not cand.journey
              and cand.status != "Scheduled"):  # "On this occasion, … who would pay a courtesy call …": not that day
            cand.date = current_day  # "วันนี้ (4 เม.ย.) … เป็นประธานการประชุม … ในโอกาสนี้ … หารือ"
        current_day = cand.day_hint or (cand.date if cand.end_date is None and cand.date else current_day)
        target = index.find(cand, lambda e, c=cand: apart(ctx, e, c))
        if target is None:
            events.append(cand)
            index.add(cand)
            target = cand
        else:
            undated = target.date is None
            _merge(target, cand)
            if undated and target.date is not None:
                index.add(target)  # now also findable under its date
        if target.date is not None:
            previous = target
            if target.end_date is None:
                last_day = target
    return _finish(ctx, events)


def _leaders(ctx: Context, states: set[str]) -> list[int]:
    """The head of government or state the release names for each of the states, if it names one only."""
    out = []
    for state in sorted(states):
        heads = [i for i, p in enumerate(ctx.people.people)
                 if p.country == state and p.role in ("head_of_government", "head_of_state")]
        if len(heads) != 1:
            return []
        out += heads
    return out


def _day_named_before(ctx: Context, cand: Candidate) -> dt.date | None:
    """The last single day the sentence before the candidate's names, if it names one."""
    index = cand.evidence[0]
    if index == 0:
        return None
    before = ctx.sentences[index - 1]
    days = [d for d in ctx.dates_in(before.start, before.end) if d.end_date is None]
    return days[-1].date if days else None


def _paragraph(ctx: Context, cand: Candidate) -> int:
    return ctx.sentences[cand.evidence[-1]].paragraph


def _continued(events: list[Candidate], cand: Candidate) -> Candidate | None:
    """The event a "ทั้งสองฝ่ายได้หารือ…" sentence goes on about: the last talk or call with
    the same sides, else the last dated event with them (a visit)."""
    def fits(e: Candidate) -> bool:
        return e.date is not None and (not cand.countries or cand.countries <= e.countries)

    for kinds in (("BilateralMeeting", "CourtesyCall"), BILATERAL_KINDS):
        for e in reversed(events):
            if e.kind in kinds and fits(e):
                return e
    return None

def _complete_sides(ctx: Context, cand: Candidate, previous: Candidate | None) -> None:
    """A bilateral event reported by the home government with one foreign side: the home state is the other."""
    if cand.kind not in BILATERAL_KINDS or cand.hosted or not ctx.home:
        return
    if not (cand.countries - {ctx.home}) and ctx.focus:
        # no foreign side read: a counterpart whose position did not parse ("นายคิม เช พง เอกอัครราชทู…"),
        # or the headline's event, is with the state the headline and summary turn to
        unknown = [p for p in cand.participants if p >= 0 and ctx.people.people[p].country is None]
        before = {m.person for m in ctx.mentions_in(ctx.sentences[cand.sentence].start, cand.start)} & set(unknown)
        if before and before != set(unknown) and not any(
                ctx.people.people[p].country == ctx.home for p in cand.participants if p >= 0):
            # "Ambassador Tanee Sangrat met with Rep. Earl Blumenauer": the release's own official
            # before the verb, its counterpart after it
            for p in before:
                ctx.people.people[p].country = ctx.home
            unknown = [p for p in unknown if p not in before]
        for p in unknown:
            ctx.people.people[p].country = ctx.focus
        if unknown or cand.headline:
            cand.countries.add(ctx.focus)
    if not (cand.countries - {ctx.home}) and cand.kind == "CourtesyCall" and (post := _posted_state(ctx, cand)):
        cand.countries.add(post)  # "เอกอัครราชทูต ณ กรุงกัวลาลัมเปอร์ … เข้าเฝ้า …": a call in the state of the post
    if len(cand.countries - {ctx.home}) == 1 or cand.joint:  # two foreign sides meet without it (Japan-Viet Nam)
        cand.countries.add(ctx.home)
        # not into a separate meeting: the official the release follows was at the other one
        protagonist = None if cand.separate else _protagonist(ctx, previous)
        if protagonist is not None and not any(
                ctx.people.people[p].country == ctx.home for p in cand.participants):
            cand.participants.append(protagonist)


def _posted_state(ctx: Context, cand: Candidate) -> str | None:
    """The one foreign state where the home state's ambassador among the participants is posted ("ณ กรุง
    กัวลาลัมเปอร์", "to Malaysia"): the state of a call whose host the release does not place."""
    states = set()
    for p in cand.participants:
        record = ctx.people.people[p] if p >= 0 else None
        if record is None or record.country != ctx.home or record.role != "ambassador" or not record.position:
            continue
        lang = "th" if is_thai(record.position) else "en"
        states |= {c for *_, c in countries().find(record.position, lang) + countries().find_places(record.position, lang)}
    states.discard(ctx.home)
    return states.pop() if len(states) == 1 else None


def _protagonist(ctx: Context, previous: Candidate | None) -> int | None:
    """The home official the release follows: of the event just reported, else the first one named."""
    pool = previous.participants if previous else []
    for p in pool:
        if ctx.people.people[p].country == ctx.home:
            return p
    for m in ctx.people.mentions:
        person = ctx.people.people[m.person]
        if m.full and person.country == ctx.home and person.role not in NOT_TAKING_PART:
            return m.person
    return None

def _fold_headline(ctx: Context, events: list[Candidate]) -> list[Candidate]:
    """The headline names the kind, the body gives the day and the people: an undated talk or courtesy
    call of the headline or summary is the dated one of the body with the same sides, and a courtesy call
    if either says so ("…เข้าเยี่ยมคารวะ…" above "…ต้อนรับและหารือกับ…")."""
    talks = ("BilateralMeeting", "CourtesyCall")
    conference = [e for e in events if e.kind == "MultilateralMeeting" and e.headline and e.date is None]
    out = []
    visits = [e for e in events if e.kind == "OfficialVisit"]
    for e in events:
        if (e.kind == "BilateralMeeting" and e.headline and e.date is None and not e.name
                and RECEPTION.fullmatch(ctx.body, e.start, e.end)):
            visit = next((v for v in visits if v.countries == e.countries), None)
            if visit is not None:
                # "นายกฯ ต้อนรับประธานาธิบดีเวียดนาม" above the report of the visit: the welcome is the visit's
                _merge(visit, e)
                continue
        if len(conference) == 1 and e.kind == "BilateralMeeting" and e.attended and e.date and not e.headline:
            # "เข้าร่วมการแลกเปลี่ยนความคิดเห็น … จากนาง X" under a headline that names one conference: a
            # session of it, which dates it
            host = conference[0]
            host.date, host.end_date = e.date, e.end_date
            host.countries |= e.countries
            _merge(host, e)
            continue
        if e.date is None and e.kind in talks and not e.name:
            # the headline's talk; or, in the body, a courtesy call that names the very people of a dated
            # talk ("Prayut met Wang Yi on …" / "The Chinese minister paid a courtesy call on the Thai prime
            # minister")
            bodies = [b for b in events if b is not e and b.date is not None and b.kind in talks
                      and not b.name and b.countries == e.countries and len(e.countries) == 2
                      and (e.headline or (e.kind == "CourtesyCall" and len(b.participants) >= 2
                                          and set(b.participants) <= set(e.participants)))]
            # of two talks that day (the leaders', the ministers'), the one with the headline's people
            body = max(bodies, key=lambda b: len(set(b.participants) & set(e.participants)), default=None)
            if body is not None:
                if e.kind == "CourtesyCall" and not _leaders_meet(ctx, e, body) and not any(
                        o.kind == "CourtesyCall" and o.date == body.date and o is not body for o in events):
                    body.kind = "CourtesyCall"
                _merge(body, e)
                continue
        out.append(e)
    return out


def _leaders_meet(ctx: Context, headline: Candidate, body: Candidate) -> bool:
    """"เวิน เจีย เป่า เข้าพบ 'ยิ่งลักษณ์'" above the two prime ministers' talks: leaders call on each other
    as equals, so the headline's verb makes no courtesy call of the talks."""
    return ctx.equals_of_two_states(body.participants) and CALL_ON_EQUAL.search(
        ctx.body, headline.start, headline.end) is not None


def _finish(ctx: Context, events: list[Candidate]) -> list[Candidate]:
    events = _fold_headline(ctx, events)
    kept: list[Candidate] = []
    pairs = [frozenset(e.countries) for e in events if len(e.countries) == 2]
    main_pair = max(set(pairs), key=pairs.count) if pairs else None
    # a visit of several days still to come: its programme's undated talks ("มีกำหนดพบหารือกับ …") are the
    # visit's, not news (a one-day visit's talks take its day below)
    coming = {frozenset(e.countries) for e in events if e.kind == "OfficialVisit" and not (e.date and not e.end_date)
              and (e.status == "Scheduled" or (e.date and ctx.issued and e.date > ctx.issued))}
    # a transcript's speakers at a conference: their "we had extensive discussions" is the conference's
    chaired = [e for e in events if e.kind == "MultilateralMeeting" and ctx.speakers
               and set(ctx.speakers) <= set(e.participants)]
    for e in events:
        if (e.kind == "BilateralMeeting" and e.date is None and e.status == "Scheduled" and not e.name
                and frozenset(e.countries) in coming):
            continue
        if (chaired and e.kind == "BilateralMeeting" and e.date is None and not e.name
                and set(e.participants) <= set(ctx.speakers)):
            continue
        if e.kind == "BilateralMeeting" and e.name and len(e.countries) < 2 and main_pair:
            e.countries |= main_pair  # a named round or commission of the release's two sides
        if e.status not in ("Postponed", "Cancelled") and e.date and ctx.issued:
            e.status = "Scheduled" if e.date > ctx.issued else "Held"
        if e.kind in BILATERAL_KINDS:
            if len(e.countries) > 2 and ctx.home in e.countries and not e.joint:
                continue  # a summary of several meetings ("with the US, Korea and Singapore")
            if e.joint:
                kept.append(e)
                continue
            if len(e.countries) != 2:
                continue
        if e.date is None and e.kind == "MultilateralMeeting":
            if any(o.sideline and set(o.evidence) & set(e.evidence) and o.introduced and o.kind in BILATERAL_KINDS
                   for o in events if o is not e) and not any(
                    o.kind == "MultilateralMeeting" and o.date for o in events):
                # the undated conference a kept meeting was held on the sidelines of (not a dated one named
                # again another way: "การประชุมรัฐมนตรีต่างประเทศอาเซียน ครั้งที่ 56" under "56th AMM")
                kept.append(e)
            elif e.name and e.journey and not any(o.kind == "MultilateralMeeting" and o.date for o in events):
                kept.append(e)  # "เดินทางถึงกรุงโตเกียว เพื่อเข้าร่วมการประชุม …": the conference the trip was for
            elif e.name and any(ctx.sentences[i].start < ctx.lead_end for i in e.evidence) and e.participants and not any(
                    o.kind == "MultilateralMeeting" and o.date for o in events) and ATTENDS.search(
                    ctx.sentences[e.evidence[0]].text):
                kept.append(e)  # "นายกรัฐมนตรี ร่วมการประชุมสุดยอดอาเซียน-จีน สมัยพิเศษ" over its report: the page's own news
            continue
        if e.date is None and e.subordinate:
            continue  # "ในโอกาสที่ … เดินทางเยือนไทย", "who is visiting Thailand": the occasion, not the news
        if e.recalled and not e.own_date:  # undated, or dated only by the events around it
            continue  # "… signed during the official visit … last month": background to the news
        if e.date is None and (e.headline or e.official) and len(e.countries) == 2 and e.status != "Scheduled":
            kept.append(e)  # the headline's event, which the page does not date ("… พบหารือกับ …")
            continue
        if e.date is None and not (e.introduced and e.participants) and len(
                {ctx.people.people[p].country for p in e.participants if p >= 0} - {None}) < 2 and not (
                e.name and e.kind == "BilateralMeeting" and len(e.countries) == 2 and e.status != "Scheduled"
                and HELD.search(ctx.sentences[e.evidence[0]].text)):
            # an undated mention that is not a concrete report (a back-reference, a summary) is dropped;
            # a concrete one ("met with H.E. Mr. X, Minister of …, on the sidelines of …", one that names
            # a person of each side) is kept undated
            continue
        kept.append(e)
    # sideline meetings and meetings during a visit
    conferences = [i for i, p in enumerate(kept) if p.kind == "MultilateralMeeting"]
    for e in kept:
        if e.sideline and conferences and e.kind not in SPAN_KINDS:
            # "on the sidelines of …": the conference named in its sentence, else (undated) the only one;
            # an undated conference lists the states of the meeting held on its sidelines
            same = [i for i in conferences if set(kept[i].evidence) & set(e.evidence)]
            if same or (len(conferences) == 1 and e.date is None):
                e.during = (same or conferences)[0]
                kept[e.during].countries |= e.countries  # the two states of a meeting on its sidelines were there
                conference = kept[e.during]
                if e.date is None and conference.date and not conference.end_date:
                    e.date = conference.date  # on the sidelines of a one-day summit: that day
        for parent_index, parent in enumerate(kept):
            if (parent is not e and parent.kind == "OfficialVisit" and parent.date and not parent.end_date
                    and e.date is None and e.kind not in SPAN_KINDS and e.countries == parent.countries):
                e.date = parent.date  # talks and calls of a one-day visit are on its day
                e.during = parent_index
                continue
            if (parent is not e and parent.kind == "OfficialVisit" and (parent.date is None or e.date is None)
                    and e.kind not in SPAN_KINDS and set(parent.evidence) & set(e.evidence)
                    and e.countries == parent.countries):
                # "ซึ่งเดินทางเยือนไทย", "ได้เดินทางเยือน … และได้หารือกับ …": during that visit
                e.during = parent_index
                continue
            if parent is e or parent.kind not in SPAN_KINDS or not parent.end_date or not e.date:
                continue
            if parent.date <= e.date <= parent.end_date and e.kind not in SPAN_KINDS:
                if parent.kind == "OfficialVisit" and not (e.countries & parent.countries):
                    continue
                e.during = parent_index
                if e.mode is None and parent.mode:
                    e.mode = parent.mode
                if parent.kind == "MultilateralMeeting":
                    parent.participants += [p for p in e.participants if p not in parent.participants]
                    parent.countries |= e.countries
    for e in kept:
        if e.mode is None:
            twin = next((o for o in kept if o is not e and o.date == e.date and o.mode
                         and o.countries == e.countries), None)
            if twin:
                e.mode = twin.mode
            elif e.kind in BILATERAL_KINDS and any(
                    o.kind == "OfficialVisit" and o.mode == "InPerson" and o.countries == e.countries
                    and (e.date is None or o.date is None or o.date <= e.date <= (o.end_date or o.date)) for o in kept):
                e.mode = "InPerson"  # talks or a signing of the two states a visit brought together
            elif _placed(ctx, e):
                e.mode = "InPerson"  # "The meeting, held at the Ministry of Foreign Affairs of Mexico, was also attended by …"
    talks = [e for e in kept if e.kind == "BilateralMeeting" and e.mode != "Virtual"]
    if len(talks) == 1 and THE_CALL.search(ctx.body) and not VIRTUAL.search(ctx.body):
        talks[0].kind = "CourtesyCall"  # "Also present at the call …": the release's own word for the meeting
        talks[0].mode = talks[0].mode or "InPerson"
    return kept


def _placed(ctx: Context, e: Candidate) -> bool:
    """Whether a sentence of the event's own, not its first, gives it a place and none gives a line or a screen."""
    later = [ctx.sentences[i] for i in e.evidence[1:]]
    return any(ctx.cue_starts(s, IN_PERSON) for s in later) and not any(
        ctx.cue_starts(ctx.sentences[i], VIRTUAL) for i in e.evidence)


class _EventIndex:
    """Events by kind and date, so finding the event a candidate belongs to does not scan them all
    (a very long release has thousands); the earliest matching event wins, as in a plain scan."""

    def __init__(self) -> None:
        self.order: dict[int, int] = {}
        self.by_day: dict[tuple[str, dt.date | None], list[Candidate]] = {}
        self.by_kind: dict[str, list[Candidate]] = {}

    def add(self, event: Candidate) -> None:
        if id(event) not in self.order:
            self.order[id(event)] = len(self.order)
            self.by_kind.setdefault(event.kind, []).append(event)
        self.by_day.setdefault((event.kind, event.date), []).append(event)

    def find(self, cand: Candidate, apart: Callable[[Candidate], bool]) -> Candidate | None:
        """The event the candidate reports again: one of the same kind, day and sides that it is not
        ``apart`` from; of several (two talks of one day), the one with most of its people."""
        if cand.date is None:
            pool = self.by_kind.get(cand.kind, [])
        else:
            pool = self.by_day.get((cand.kind, cand.date), []) + self.by_day.get((cand.kind, None), [])
        matches = [e for e in pool if _same_event(e, cand) and not apart(e)]
        return min(matches, key=lambda e: (-overlap(e, cand), self.order[id(e)])) if matches else None


def _same_event(a: Candidate, b: Candidate) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "CourtesyCall" and {a.status, b.status} == {"Scheduled", "Held"} and None in (a.date, b.date):
        return False  # "… would pay a courtesy call on the Hungarian Prime Minister" in June is not today's call
    if a.kind == "MultilateralMeeting" or (a.name and b.name):
        # one name the start or (named again without its number: "the Joint Cabinet Retreat") the end of the other
        same_name = bool(a.aliases & b.aliases) or any(
            x.startswith(y) or y.startswith(x) or ((a.date is None or b.date is None) and (x.endswith(y) or y.endswith(x)))
            for x in a.aliases for y in b.aliases if min(len(x), len(y)) >= 12)
        return same_name and (a.date is None or b.date is None or a.date == b.date)
    if a.date and b.date and (a.date, a.end_date) != (b.date, b.end_date):
        return False
    if not a.countries or not b.countries:
        return False
    if a.countries != b.countries and not (a.countries <= b.countries or b.countries <= a.countries):
        return False
    if len(a.countries | b.countries) > 2:
        return False
    return True


def _merge(into: Candidate, other: Candidate) -> None:
    if into.date is None and other.date is not None:
        into.date, into.end_date, into.own_date = other.date, other.end_date, other.own_date
    into.name = into.name or other.name
    into.aliases |= other.aliases
    into.mode = into.mode or other.mode
    into.venue = into.venue or other.venue
    into.status = into.status or other.status
    into.countries |= other.countries
    into.participants += [p for p in other.participants if p not in into.participants]
    into.evidence += [s for s in other.evidence if s not in into.evidence]
    into.window += " " + other.window
    into.sideline = into.sideline or other.sideline
    into.subordinate = into.subordinate and other.subordinate
    into.headline = into.headline and other.headline
    into.recalled = into.recalled and other.recalled
    into.joint = into.joint or other.joint
    into.official = into.official or other.official
    into.introduced = into.introduced or other.introduced  # one mention introduced the counterpart: concrete
