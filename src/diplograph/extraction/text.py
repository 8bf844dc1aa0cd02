"""Sentences and scripts: the units evidence is quoted in and rules look within.

Thai writes no full stops: a space separates sentences, but also phrases, so a
paragraph is split only where a space is followed by a word that opens a Thai
sentence (ทั้งนี้, นอกจากนี้, ในการนี้ …), at list items, and where a Latin
sentence ends. pythainlp's CRF splitter would be ~7× the cost of tokenising the
whole release, which the performance budget does not allow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

THAI_CHAR = re.compile(r"[\u0e00-\u0e7f]")

# Words that open a new Thai sentence when they follow a space.
_THAI_OPENERS = (
    "ทั้งนี้", "นอกจากนี้", "นอกจากนั้น", "ในการนี้", "ในโอกาสนี้", "ในโอกาสดังกล่าว", "ขณะที่", "ขณะเดียวกัน",
    "จากนั้น", "ภายหลังการ", "ภายหลังพิธี", "ต่อมา", "อย่างไรก็ตาม", "ด้านนาย", "ด้านนาง", "ด้าน รมว.",
    "ทั้งสองฝ่าย", "ในส่วนของ", "สำหรับ", "ในตอนท้าย", "ก่อนหน้านี้", "โดยทั้งสองฝ่าย",
    "ในการหารือ", "ในการประชุม", "พร้อมกันนี้", "อนึ่ง",
)
_THAI_SPLIT = re.compile(
    r"(?<=\S) (?=(?:" + "|".join(map(re.escape, _THAI_OPENERS)) + r"))"
    r"|(?<=[^\s.]) (?=[1-9]\) )"  # numbered items "1) ", "2) " (not "ก.ย. 63)")
)
# English: a sentence ends at . ! ? followed by space and a capital, unless the dot ends an
# abbreviation or an initial (Mr. H.E. J. L.P. U.S. No. Feb.).
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Hon|St|No|Nos|Jr|Sr|Rev|Capt|Maj|Adm|hrs|Dato|vs|etc|Co|Ltd|Inc|Rep|Sen|Gov|Amb|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"|\b[A-Z](?:\.[A-Z])*|\bH\.E|\bU\.S|\bU\.K|\be\.g|\bi\.e|\b[ap]\.m)$"
)
_EN_END = re.compile(r"(?<=[A-Za-z0-9”\"’)])[.!?][”\"’)]?\s+(?=[“\"‘(]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph (line) in the body


def is_thai(text: str) -> bool:
    return THAI_CHAR.search(text) is not None


def sentences(body: str) -> list[Sentence]:
    """Split a release body into sentences with their offsets in the body."""
    out: list[Sentence] = []
    offset = 0
    for index, line in enumerate(body.split("\n")):
        for start, end in _split_line(line):
            piece = line[start:end]
            stripped = piece.strip()
            if stripped:
                lead = len(piece) - len(piece.lstrip())
                out.append(Sentence(offset + start + lead, offset + start + lead + len(stripped), stripped, index))
        offset += len(line) + 1
    return out


def _split_line(line: str) -> list[tuple[int, int]]:
    cuts = [0]
    if is_thai(line):
        cuts += [m.end() for m in _THAI_SPLIT.finditer(line)]
    for m in _EN_END.finditer(line):
        if not _ABBREVIATIONS.search(line, max(0, m.start() - 12), m.start()):  # the word before the dot
            cuts.append(m.end())
    cuts = sorted(set(cuts)) + [len(line)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
