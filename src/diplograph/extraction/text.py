"""Sentences and scripts: the units evidence is quoted in and rules look within.

Thai writes no full stops: a space separates sentences, but also phrases, so a
paragraph is split only where a space is followed by a word that opens a Thai
sentence (ทั้งนี้, นอกจากนี้, ในการนี้ …), at list items, and where a Latin
sentence ends. pythainlp's CRF splitter would be ~7× the cost of tokenising the
whole release, which the performance budget does not allow.

A sentence is also a *window*: rules compare each trigger word with every person
and cue of its sentence, so a "sentence" of a whole page (a scraped page without
full stops, Thai typed without the spaces between its sentences) would cost time
in proportion to its length squared. Sentences above :data:`MAX_SENTENCE_CHARS`
are therefore cut at clause boundaries (see :func:`windows`); no sentence of a real
release comes near the bound (the longest in the real-release evaluation set has
1,699 characters, the 99th percentile 544).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

THAI_CHAR = re.compile(r"[\u0e00-\u0e7f]")
THAI_MARKS = frozenset("\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
MAX_SENTENCE_CHARS = 2000
# Where an over-long sentence may be cut, best first: after a semicolon or colon; after a comma, or
# at a space before a Thai conjunction (Thai writes no commas: "… และนาย …", "… โดยทั้งสองฝ่าย …");
# at any space (in Thai, where phrases meet). A name or a date rarely holds one of the first two.
_THAI_CONJUNCTIONS = ("และ", "โดย", "ซึ่ง", "รวมทั้ง", "ตลอดจน", "พร้อมทั้ง", "พร้อมกับ", "อีกทั้ง", "ขณะที่", "เพื่อ")
CLAUSE_BREAKS = (
    re.compile(r"[;:]\s+"),
    re.compile(r",\s+|\s+(?=" + "|".join(_THAI_CONJUNCTIONS) + ")"),
    re.compile(r"\s+"),
)

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
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Hon|Rt|St|No|Nos|Jr|Sr|Rev|Capt|Maj|Adm|hrs|Dato|vs|etc|Co|Ltd|Inc|Rep|Sen|Gov|Amb|Smt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
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


_BROKEN_LINE = re.compile(r"(?<=[^\s.!?:;])\n(?=\([^()\n]{1,40}\)[ \t]?[^\s])")
# A Thai line cannot open with the auxiliary of a verb: the line before holds its subject.
_BROKEN_BEFORE_VERB = re.compile(r"(?<=[\u0e00-\u0e7f)])\n(?=ได้(?:เข้า|ร่วม|เดินทาง|หารือ|ให้การ|พบ|ลงนาม|นำ|กล่าว)\S)")


def join_broken_lines(body: str) -> str:
    """A line broken before a parenthesis that goes on ("…สาธารณรัฐเกาหลี\n(เกาหลีใต้) เมื่อวันที่ 30 เมษายน 2564"), or
    before the verb of its subject ("… เอกอัครราชทูตญี่ปุ่นประจำประเทศไทย\nได้เข้าเยี่ยมคารวะ …"): one line again, so the
    date and the people before it are the sentence's. Offsets stay (a newline becomes a space)."""
    if "\n(" in body:
        body = _BROKEN_LINE.sub(" ", body)
    return _BROKEN_BEFORE_VERB.sub(" ", body) if "\nได้" in body else body


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
        # not inside parentheses: "(กองบิน 6) กองทัพอากาศ" is no numbered item
        cuts += [m.end() for m in _THAI_SPLIT.finditer(line)
                 if line.count("(", max(0, m.start() - 30), m.start()) <= line.count(")", max(0, m.start() - 30), m.start())]
    for m in _EN_END.finditer(line):
        if not _ABBREVIATIONS.search(line, max(0, m.start() - 12), m.start()):  # the word before the dot
            cuts.append(m.end())
    cuts = sorted(set(cuts)) + [len(line)]
    return [w for a, b in zip(cuts, cuts[1:]) if b > a for w in windows(line, a, b)]


def windows(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS,
            breaks: Sequence[re.Pattern[str]] = CLAUSE_BREAKS) -> list[tuple[int, int]]:
    """``text[start:end]`` as consecutive spans of at most ``limit`` characters, cut at the last
    break of the best kind in the second half of each span (else anywhere, but never between a
    Thai letter and its vowel or tone mark). The spans cover the stretch exactly: no text is lost.

    Every rule that looks around a trigger word then looks within ``limit`` characters, so the
    cost of a release grows with its length, however it is punctuated."""
    out = []
    while end - start > limit:
        cut = best_cut(text, start + max(1, limit // 2), start + limit, breaks)
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def best_cut(text: str, lo: int, hi: int, breaks: Sequence[re.Pattern[str]]) -> int:
    """The end of the last match in ``text[lo:hi]`` of the first pattern of ``breaks`` that has one,
    else ``hi`` moved back (not below ``lo``) off any combining mark."""
    for pattern in breaks:
        last = None
        for last in pattern.finditer(text, lo, hi):
            pass
        if last is not None:
            return last.end()
    cut = hi
    while cut > lo and (text[cut] in THAI_MARKS or unicodedata.combining(text[cut])):
        cut -= 1  # keep marks on their letter
    return cut
