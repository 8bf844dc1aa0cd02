"""The working records of event extraction: candidates (one per trigger word) and the release context.

A candidate is what one sentence says about an event; :mod:`.consolidate` merges them into events.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field

from .cues import CUE_NEEDLE_RE
from .dates import DateMention
from .people import Mention, PeopleResult
from .text import Sentence

BILATERAL_KINDS = ("BilateralMeeting", "CourtesyCall", "AgreementSigning", "OfficialVisit")
SPAN_KINDS = ("OfficialVisit", "MultilateralMeeting")  # events that last several days
DAY_KINDS = ("CourtesyCall", "AgreementSigning")  # never take a date range: it is the visit's


@dataclass
class Candidate:
    kind: str
    sentence: int
    start: int  # trigger offset in the body
    end: int
    date: dt.date | None = None
    end_date: dt.date | None = None
    own_date: bool = False  # the date came from the candidate's own sentence
    name: str | None = None
    aliases: set[str] = field(default_factory=set)
    mode: str | None = None
    status: str | None = None
    countries: set[str] = field(default_factory=set)
    participants: list[int] = field(default_factory=list)
    evidence: list[int] = field(default_factory=list)  # sentence indexes
    window: str = ""  # the trigger's own stretch of its sentence (for topics)
    introduced: bool = False  # its sentence introduces a foreign participant in full (not a back-reference)
    sideline: bool = False
    sequel: bool = False  # "ภายหลังการหารือ …", "Later on the same day": a new event after the last one
    same_day: bool = False  # a sequel that says it was on the day of the last one ("Later", "ต่อมา"), not only "also"
    occasion: bool = False  # "ในโอกาสนี้", "on this occasion": on the day the release last spoke of
    day_hint: dt.date | None = None  # the last single day its sentence names (a conference's "วันนี้")
    continuation: bool = False  # "ทั้งสองฝ่ายได้หารือ…": more about the event just reported
    hosted: bool = False  # the release's own side only hosts ("ระหว่าง A กับ B")
    subordinate: bool = False  # a visit named as the occasion of another event ("ในโอกาสที่ … เยือนไทย")
    headline: bool = False  # stated in the headline or the summary lines before the dated lead
    joint: bool = False  # a joint courtesy call by officials of several states
    after_what: bool = False  # named as what came before another event ("following talks with …")
    recalled: bool = False  # in a clause of another act that places it last month or last year
    official: bool = False  # a visit called official (or state, working): an event even undated
    separate: bool = False  # "In a separate meeting", "แยกกัน": a meeting of its own (see .apart)
    own: list[int] = field(default_factory=list)  # the people its own sentence names for it
    venue: str | None = None  # where its sentence says it took place ("at the …", "ณ …")
    journey: bool = False  # a named conference a trip in its sentence was made to attend (its day is the trip's)
    attended: bool = False  # "เข้าร่วมการแลกเปลี่ยนความคิดเห็น", "took part in the discussion": a session joined
    during: int | None = None


@dataclass
class Context:
    body: str
    sentences: list[Sentence]
    dates: list[DateMention]
    people: PeopleResult
    issued: dt.date | None
    home: str | None
    focus: str | None = None  # the one foreign state the headline and summary turn to
    lead_end: int = 0  # where the headline and summary lines end
    speakers: list[int] = field(default_factory=list)  # who a transcript's "we" are (its introduction's people)

    triggers: dict[int, list[tuple[str, int, int]]] = field(default_factory=dict)  # by sentence start

    def __post_init__(self) -> None:
        # mentions and dates are sorted by offset: look them up by range in log time, so a very
        # long release costs time in proportion to its length
        self._mention_starts = [m.start for m in self.people.mentions]
        self._cues: dict[tuple[int, int], list[tuple[int, int]]] = {}
        self._cue_starts: dict[tuple[int, int], list[int]] = {}
        self._lowered: dict[int, str] = {}
        self._date_starts = [d.start for d in self.dates]

    def cue_starts(self, sentence: Sentence, pattern) -> list[int]:
        """Where a cue occurs in a sentence, found once per sentence: several triggers of one sentence ask."""
        key = (sentence.start, id(pattern))
        found = self._cue_starts.get(key)
        if found is None:
            found = self._cue_starts[key] = [a for a, _b in self.cue_spans(sentence, pattern)]
        return found

    def cue_spans(self, sentence: Sentence, pattern) -> list[tuple[int, int]]:
        """Where a cue occurs in a sentence (start, end, in the sentence's text), found once per
        sentence; sorted, and apart (``finditer``), so their ends are sorted too."""
        key = (sentence.start, id(pattern))
        found = self._cues.get(key)
        if found is None:
            needles = CUE_NEEDLE_RE.get(pattern)
            if needles is not None and not needles.search(self._lower(sentence)):
                found = []
            else:
                found = [m.span() for m in pattern.finditer(sentence.text)]
            self._cues[key] = found
        return found

    def cue_between(self, sentence: Sentence, pattern, lo: int, hi: int) -> bool:
        """Whether a cue lies wholly between body offsets ``lo`` and ``hi`` within the sentence: the
        ``pattern.search(body, lo, hi)`` a rule would run for each person it weighs, answered by
        bisection over the sentence's cues instead of a scan of the text between."""
        spans = self.cue_spans(sentence, pattern)
        k = bisect_left(spans, (lo - sentence.start, -1))
        return k < len(spans) and spans[k][1] <= hi - sentence.start

    def _lower(self, sentence: Sentence) -> str:
        lower = self._lowered.get(sentence.start)
        if lower is None:
            lower = self._lowered[sentence.start] = sentence.text.lower()
        return lower

    def equals_of_two_states(self, participants: list[int]) -> bool:
        """Whether the participants include the heads of state or government of two states, or two states'
        ministers: equals who "call on" each other ("เข้าพบหารือ") meet, they do not pay a courtesy call."""
        for ranks in (("head_of_state", "head_of_government"), ("minister",)):
            states = {self.people.people[p].country for p in participants
                      if p >= 0 and self.people.people[p].role in ranks}
            if len(states - {None}) == 2:
                return True
        return False

    def mentions_in(self, lo: int, hi: int) -> list[Mention]:
        return self.people.mentions[bisect_left(self._mention_starts, lo):bisect_left(self._mention_starts, hi)]

    def dates_in(self, lo: int, hi: int) -> list[DateMention]:
        return self.dates[bisect_left(self._date_starts, lo):bisect_left(self._date_starts, hi)]
