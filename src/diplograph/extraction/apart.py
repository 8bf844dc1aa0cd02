"""Same-day meetings kept apart: when a candidate reports a meeting of its own, not more of one already read.

Consolidation merges a candidate into an earlier event of the same kind, day and sides. That is
right when a release comes back to a meeting ("The two ministers discussed …"), wrong when one
day held several: the prime ministers' talks and, "in a separate meeting", the foreign
ministers'. Merged, the foreign ministers become participants of the prime ministers' talks and
the graph says the Thai prime minister met the Japanese foreign minister — a wrong fact. So a
candidate stays apart from an event when:

* it names a pair of people of its own and shares no one with the event on any side (two pairs,
  two meetings — whatever words join them);
* its sentence says it is separate ("in a separate meeting", "separately", "แยกกัน",
  "อีกวงหนึ่ง") — unless every person it names is already the event's;
* its sentence says it came after or besides the event ("Later", "also met", "ในโอกาสเดียวกัน",
  "จากนั้น") and it names someone else across the table (a counterpart the event does not have,
  or a whole pair of its own with a new face on one side), or a venue the event's is not.

Only talks and calls are kept apart so (a signing's witnesses and signatories are two pairs of one
event). Continuations ("ทั้งสองฝ่ายได้หารือ…", "the two leaders …") are never apart: they go on about the
event just reported. Within one sentence that reports two meetings ("… met …, and later … met …")
each meeting takes the people of its own clause (:func:`clause_bounds`).
"""

from __future__ import annotations

import re

from .candidates import Candidate, Context
from .cues import AFTER, SEPARATE, VENUE
from .text import Sentence


def sides(ctx: Context, people: list[int]) -> dict[str, set[int]]:
    """People by the state they represent (people whose state is unknown take no side)."""
    out: dict[str, set[int]] = {}
    for p in people:
        country = ctx.people.people[p].country if p >= 0 else None
        if country:
            out.setdefault(country, set()).add(p)
    return out


def apart(ctx: Context, event: Candidate, cand: Candidate) -> bool:
    """Whether ``cand`` reports another meeting than ``event`` (same kind, day and sides).

    Only talks and calls: at a signing the leaders who witness and the ministers who sign are two
    pairs of one event, and a visit holds many people."""
    if cand.continuation or cand.kind not in ("BilateralMeeting", "CourtesyCall"):
        return False
    mine, theirs = sides(ctx, cand.own), sides(ctx, event.participants)
    shared = mine.keys() & theirs.keys()
    differ = {s for s in shared if not mine[s] & theirs[s]}
    if len(shared) >= 2 and differ == shared:
        return True  # two pairs of people, no one in common
    if cand.separate:
        return not (cand.own and set(cand.own) <= set(event.participants))
    if cand.sequel:
        if differ and (len(mine) >= 2 or differ - {ctx.home}):
            return True  # "Later, the Prime Minister met the Foreign Minister of Japan"
        if cand.venue and event.venue and not same_venue(cand.venue, event.venue):
            return True  # "Afterwards, at the Ministry of Foreign Affairs, …"
    return False


def overlap(event: Candidate, cand: Candidate) -> int:
    """How many of the candidate's own people the event has: where a re-mention belongs."""
    return len(set(cand.own) & set(event.participants))


def venue(ctx: Context, sentence: Sentence, lo: int, hi: int) -> str | None:
    """The first place named in a stretch of a sentence (offsets in the sentence's text)."""
    for at, _end in ctx.cue_spans(sentence, VENUE):
        if lo <= at < hi:
            m = VENUE.match(sentence.text, at) or VENUE.search(sentence.text, at)
            if m:
                return (m.group("en") or m.group("th") or "").strip() or None
    return None


def same_venue(a: str, b: str) -> bool:
    """Two venue phrases name one place when one holds the other or they share a telling word:
    "Government House" and "Thai Khu Fah Building, Government House", "กระทรวงการต่างประเทศ" and
    "กระทรวงการต่างประเทศญี่ปุ่น" — not "Ministry" alone (the Ministry of Foreign Affairs and the Ministry of
    Economy are two places). When unsure they are the same: a venue alone is weak evidence."""
    def words(v: str) -> set[str]:
        return {w for w in re.findall(r"[^\W\d_]{4,}", v.lower()) if w not in _GENERIC_PLACE}

    a_, b_ = a.lower(), b.lower()
    if a_ in b_ or b_ in a_:
        return True
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return True
    return any(x in y or y in x for x in wa for y in wb)


# Words of many venue names, which tell no place from another (English; Thai venue names are one
# word each, compared whole).
_GENERIC_PLACE = frozenset({"ministry", "office", "building", "room", "hall", "house", "palace", "hotel", "centre",
                            "center", "headquarters", "residence", "complex", "national", "international",
                            "convention", "conference", "meeting", "royal", "with", "from"})


def clause_bounds(ctx: Context, sentence: Sentence, triggers: list[tuple[str, int, int]],
                  position: int) -> tuple[int, int]:
    """Where the people of a sentence's ``position``-th trigger may be named (sentence offsets).

    The whole sentence, unless it reports two talks and a clause boundary between their verbs starts
    the second (:func:`_cut`): "… held talks with …, and later … met …", "นายกรัฐมนตรีหารือกับ
    นายกรัฐมนตรีญี่ปุ่น นางสาวสุดา … ได้หารือแยกกันกับ …" — the foreign ministers are not at the prime
    ministers' talks, nor the prime ministers at theirs. A talk beside a conference, a visit or a
    signing keeps the whole sentence."""
    lo, hi = 0, len(sentence.text)
    if len(triggers) < 2 or triggers[position][0] not in _TALKS:
        return lo, hi
    if position > 0:
        lo = _cut(ctx, sentence, triggers, position) or lo
    if position + 1 < len(triggers):
        hi = _cut(ctx, sentence, triggers, position + 1) or hi
    return lo, hi


def _cut(ctx: Context, sentence: Sentence, triggers: list[tuple[str, int, int]], k: int) -> int | None:
    """Where the clause of talk ``k`` starts, when talks ``k - 1`` and ``k`` are two meetings: at a
    "later", "also", "จากนั้น", "separately" between their verbs; or, when the verb of ``k`` itself says
    it is separate ("ได้หารือแยกกันกับ", "met separately with"), at its subject — the last person named
    before it, after the first talk's counterpart. Only with people named on both sides."""
    if triggers[k - 1][0] not in _TALKS or triggers[k][0] not in _TALKS:
        return None
    before, (_kind, start, end) = triggers[k - 1][2], triggers[k]
    cut = max((c for c in ctx.cue_starts(sentence, AFTER) + ctx.cue_starts(sentence, SEPARATE)
               if before <= c < start), default=None)
    if cut is None and any(start <= c < end + 3 for c in ctx.cue_starts(sentence, SEPARATE)):
        between = ctx.mentions_in(sentence.start + before, sentence.start + start)
        if len({m.person for m in between}) >= 2:
            cut = between[-1].start - sentence.start
    if cut is None:
        return None
    named_before = ctx.mentions_in(sentence.start, sentence.start + cut)
    named_after = ctx.mentions_in(sentence.start + cut, sentence.end)
    return cut if named_before and named_after else None


_TALKS = ("BilateralMeeting", "Call", "CourtesyCall")
