"""The date of each step of an agreement's history: the day the release gives for that step, never another's.

A release often dates a step away from the sentence that names it: the signing in a sentence about the
ceremony ("วันนี้ (7 ก.พ. 67) … ร่วมเป็นสักขีพยานในพิธีลงนาม … 1) บันทึกความเข้าใจ…"), an approval in the
sentence about the cabinet meeting ("at today's Cabinet meeting (6 February 2024) … The Cabinet also
approved the drafts of two Memoranda …"). So a signed step takes the day of the signing event the release
reports for the same parties, and an approved step the day of the cabinet meeting the release reports —
each only when the release gives exactly one such day, so a step is undated rather than given the day of
another step or of another event (a visa agreement approved on 9 January and signed on 28 January is
signed on the 28th).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left

from .candidates import Candidate
from .dates import DateMention
from .text import Sentence

ORDER = ("Proposed", "UnderNegotiation", "Approved", "Signed")

# The cabinet as the body that meets and decides: "ที่ประชุมคณะรัฐมนตรี (ครม.) วันนี้ (24 พ.ย. 63)",
# "at today's Cabinet meeting (6 February 2024)", "ผ่านความเห็นชอบของคณะรัฐมนตรีเมื่อวันที่ 9 มกราคม".
_CABINET = re.compile(r"คณะรัฐมนตรี|ครม\.?|\b[Cc]abinet\b")


def cabinet_day(sentences: list[Sentence], dates: list[DateMention], issued: dt.date | None) -> dt.date | None:
    """The day of the cabinet decision a release reports: in each sentence naming the cabinet, the day
    written nearest to it; None when the release names no such day, or several."""
    starts = [d.start for d in dates]
    days: set[dt.date] = set()
    for sentence in sentences:
        cue = _CABINET.search(sentence.text)
        if cue is None:
            continue
        at = sentence.start + cue.start()
        near = [d for d in dates[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
                if d.end_date is None and abs(d.start - at) <= 80 and (issued is None or d.date <= issued)]
        if near:
            days.add(min(near, key=lambda d: abs(d.start - at)).date)
    return days.pop() if len(days) == 1 else None


# A step the release links the agreement to, in a clause right after its name: "… ที่ได้รับความเห็นชอบจาก
# คณะรัฐมนตรีเมื่อวันที่ 6 กุมภาพันธ์ 2567", "the MoU approved by the Cabinet on 6 February 2024": whatever this
# release reports of it, the approval was on that day.
_LINKED_APPROVAL = re.compile(
    r"[^.]{0,40}?(?:(?:ที่|ซึ่ง)?\s?(?:ได้)?(?:รับ|ผ่าน)(?:การ)?(?:ความเห็นชอบ|อนุมัติ)(?:จาก|ของ)?\s?(?:ที่ประชุม)?"
    r"(?:คณะรัฐมนตรี|ครม\.?)|(?:ที่|ซึ่ง)\s?(?:ที่ประชุม)?(?:คณะรัฐมนตรี|ครม\.?)\s?(?:ได้)?(?:มีมติ)?(?:ให้)?(?:ความ)?"
    r"(?:เห็นชอบ|อนุมัติ)|\b(?:approved|endorsed) by the [Cc]abinet|\bwhich the [Cc]abinet (?:approved|endorsed))")


def linked_steps(text: str, at: int, dates: list[DateMention], offset: int,
                 issued: dt.date | None) -> tuple[tuple[str, dt.date], ...]:
    """The dated approval a clause right after a name (``text[at:]``) links the agreement to; ``dates`` are
    the release's, ``offset`` where ``text`` starts in the release."""
    m = _LINKED_APPROVAL.match(text, at)
    if m is None:
        return ()
    after = offset + m.end()
    day = next((d for d in dates if after <= d.start <= after + 30 and d.end_date is None), None)
    if day is None or (issued is not None and day.date > issued):
        return ()
    return (("Approved", day.date),)


def signing_event(parties: set[str], evidence: list[int], signed_on: dt.date | None,
                  candidates: list[Candidate]) -> int | None:
    """The signing event of an agreement: one of the same parties (on the signing day, when the release
    gave it with the agreement), the one reported in the same sentence when there are several."""
    found = [i for i, e in enumerate(candidates) if e.kind == "AgreementSigning" and e.countries == parties
             and (signed_on is None or e.date == signed_on)]
    shared = [i for i in found if set(candidates[i].evidence) & set(evidence)]
    if shared:
        return shared[0]
    return found[0] if found else None


def dated_steps(statuses: dict[str, dt.date | None], signing: Candidate | None,
                cabinet: dt.date | None) -> tuple[tuple[str, dt.date | None], ...]:
    """Each reported step with the day the release gives for it, oldest step first: an undated signing
    takes its signing event's day, an undated approval the cabinet's."""
    out = []
    for status in sorted(statuses, key=ORDER.index):
        when = statuses[status]
        if when is None and status == "Signed" and signing is not None:
            when = signing.date
        elif when is None and status == "Approved":
            when = cabinet
        out.append((status, when))
    # an earlier step dated the very day of the latest one was read from that step's sentence ("ตามที่
    # กระทรวงกลาโหมเสนอ" in the cabinet's approval): it has no day of its own
    top = out[-1][1] if out else None
    return tuple((s, d) for s, d in out if s == out[-1][0] or d is None or d != top)


__all__ = ["cabinet_day", "dated_steps", "linked_steps", "signing_event"]
