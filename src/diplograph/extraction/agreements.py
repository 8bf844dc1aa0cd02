"""Agreements: MoUs, joint statements, letters of intent, treaties — and how far along they are.

The status a release reports comes from the verb that governs the agreement's
noun: "ลงนามในบันทึกความเข้าใจ", "signed the Memorandum" (signed); "ครม.
เห็นชอบร่างบันทึกความเข้าใจ", "approved the draft" (approved); "เปิดการเจรจา
ความตกลง", "ongoing negotiations on" (under negotiation); "ผลักดันการจัดทำ",
"work towards concluding", "to be signed" (proposed). The nearest such verb
before the noun governs it (Thai and English both put the verb first); a
relative clause saying it is in force ("ซึ่งมีผลใช้บังคับ", "entered into force")
means it was signed, whatever came before. An agreement named several times is
one agreement per release (same kind, parties and subject), carrying every
status the release reports, so its history keeps the approval and the signing.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .. import gazetteer
from . import agreement_words as words
from . import cues
from .dates import DateMention
from .steps import linked_steps
from .subjects import Subject, subject_of
from .text import Sentence, is_thai
from .topics import topics_in

ORDER = ("Proposed", "UnderNegotiation", "Approved", "Signed")

# Every form starts with a literal, so the regex engine skips ahead in C: a name's capitalised words before
# its noun ("Thailand–United States Communiqué", "Avoidance of Double Taxation Agreement") and the modifiers of a
# lower-case agreement ("a social security agreement") are taken in code (_extend_left, _modified).
_NOUNS: list[tuple[str, re.Pattern[str]]] = [
    ("JointStatement", re.compile(
        r"แถลงการณ์(?:วิสัยทัศน์)?ร่วม|ปฏิญญาร่วม|(?:ถ้อย)?แถลง(?:ข่าว)?ร่วม|(?:ร่าง)?ถ้อยแถลง(?=\s?(?:ไทย|\S{2,12}[-–]))"
        r"|Joint (?:Vision |Press )?(?:Statement|Declaration|Release)|Joint Communiqu[ée]|joint (?:press )?(?:statement|declaration)"
        r"|\b[Cc]ommuniqu[ée]\b|\bDeclaration on\b")),
    ("LetterOfIntent", re.compile(r"หนังสือ\s?แสดงเจตจำนง|Letters? of Intent|Memorand(?:um|a) of Intent|\bMOI\b", re.I)),
    ("MemorandumOfUnderstanding", re.compile(
        # a memorandum of cooperation (บันทึกความร่วมมือ, MoC) is the same kind of instrument, and so are the
        # memoranda บันทึกความตกลง / บันทึกข้อตกลง
        r"บันทึกความเข้าใจ|บันทึกความร่วมมือ|บันทึกความตกลง|บันทึกข้อตกลง|เอ็มโอยู|\bMOUs?\b|\bMoUs?\b|\bMoCs?\b|\bMOCs?\b"
        r"|[Mm]emorand(?:um|a|ums)(?! of Intent)(?: of (?:Understanding|Cooperation|Agreement))?\b")),
    ("Agreement", re.compile(
        r"ความตกลง(?!กัน)|ข้อตกลง(?!กัน)|เอฟทีเอ|(?<![A-Za-z])(?:FTA|EPA)(?![A-Za-z])|แผนปฏิบัติการร่วม|พิธีสาร"
        r"|\b(?:Agreement|Treaty|Arrangement|Protocol)\b|(?:Joint )?(?:Plan|Programme) of Action\b|\bAction (?:Plan|Programme)\b"
        # notes exchanged between two governments bind them: "the Exchange of Notes concerning a yen loan"
        r"|\b[Ee]xchange of [Nn]otes\b|(?<=exchanged )notes\b"
        r"|\bagreements?\b(?! to\b)|\b(?:joint )?(?:plan|programme) of action\b|\b(?:joint )?action (?:plan|programme)s?\b"
        r"|\b[Ff]ree [Tt]rade (?:[Aa]rea |[Aa]greement )?(?:negotiations?|talks)\b")),
]
_EXTENDS = re.compile(r"Agreement|Treaty|Arrangement|Protocol|Communiqu")  # names whose capitalised words come first
_CAPITALISED_BEFORE = re.compile(r"(?:[A-Z][\w–\-’']*\s){1,6}$")
# "the visa exemption agreement", "The Thailand-China visa exemption agreement", "their social security agreement"
_DETERMINER = re.compile(r"\b(?:[Aa]|[Aa]n|[Tt]he|[Tt]wo|three|four|five|six|seven|[Ii]ts|[Tt]heir)\s"
                         r"((?:[A-Z][a-z]+[-–][A-Z][a-z]+\s)?(?:[a-z][\w-]*\s){0,3})$")
_LISTING = re.compile(r"\b(?:include[sd]?|including|such as|namely|signed|inked)\s$")
_NOT_MODIFIER = re.compile(r"(?:would|will|could|should|sign\w*|to|and|on|of|in|with|for|that|has|have|had|was|were|is|are|be"
                           r"|been|an?|the|countries|sides|parties)$")


def _extend_left(text: str, start: int) -> int:
    """"Avoidance of Double Taxation Agreement": the name's capitalised words before its noun."""
    m = _CAPITALISED_BEFORE.search(text, max(0, start - 120), start)
    return m.start() if m else start


def _modified(text: str, start: int, end: int) -> int | None:
    """Where a lower-case "agreement" that names an instrument starts ("a social security agreement",
    "an agreement on clearing …"), or None for the word in another sense ("agreed", "an agreement to …")."""
    m = _DETERMINER.search(text, max(0, start - 60), start)
    if m is None:
        # "instruments under negotiation, which include agreements on investment …": a list's bare plural
        listed = _LISTING.search(text, max(0, start - 25), start)
        return start if listed and re.match(r"s?\s(?:on|between|with|for)\b", text[end:end + 10]) else None
    words = m.group(1).split()
    if words and not any(_NOT_MODIFIER.match(w) for w in words):
        return m.start()
    return m.start() if not words and re.match(r"\s(?:on|between|with|for)\b", text[end:end + 9]) else None


# Words each kind's nouns hold (lower case): a sentence without them is not searched for that kind, and most
# sentences are skipped by substring tests, in C.
_NOUN_NEEDLES: dict[str, tuple[str, ...]] = {
    "JointStatement": ("แถลง", "ปฏิญญา", "joint", "communiqu", "declaration on"),
    "LetterOfIntent": ("แสดงเจตจำนง", "letter", "of intent", "moi"),
    "MemorandumOfUnderstanding": ("บันทึก", "เอ็มโอยู", "mou", "moc", "memorand"),
    "Agreement": ("ความตกลง", "ข้อตกลง", "เอฟทีเอ", "แผนปฏิบัติการร่วม", "พิธีสาร", "fta", "epa", "agreement", "treaty",
                  "arrangement", "protocol", "of action", "action plan", "action programme", "free trade", "notes"),
}
# one alternation each: one search in C instead of a substring test per word
_NOUN_NEEDLE_RE = {kind: re.compile("|".join(map(re.escape, words))) for kind, words in _NOUN_NEEDLES.items()}
_ANY_NOUN = re.compile("|".join(map(re.escape, (w for words in _NOUN_NEEDLES.values() for w in words))))
# Multilateral frameworks named as background, not bilateral agreements.
_GROUPINGS = r"(?:ASEAN|EU|EFTA|European|อาเซียน|สหภาพยุโรป|เอฟตา|GCC|Mercosur)"
_FRAMEWORK = re.compile(r"RCEP|CPTPP|IPEF|ระดับภูมิภาค|Paris Agreement|ความตกลงปารีส|ฉันทามติ|Consensus|WTO|GATT"
                        r"|Treaty of Amity and Cooperation|สนธิสัญญาไมตรีและความร่วมมือ|\bTAC\b"
                        # an agreement with a grouping ("Thailand–EFTA FTA") binds no single partner state
                        rf"|{_GROUPINGS}\s?[-–]|[-–]\s?(?:the\s)?{_GROUPINGS}"
                        # a grouping's own document ("the EAS Declaration on …", "APEC Leaders' Statement")
                        r"|\b(?:EAS|ARF|ASEM|APEC|BIMSTEC|ACMECS|MLC|G20|G7|ASEAN|UN)\s(?:[A-Z][\w'’]*\s){0,2}"
                        r"(?:Declaration|Guidelines|Statement|Plan|Framework|Roadmap|Vision|Charter)\b")
_PLURAL = re.compile(r"(?:ทั้ง)?(?:สอง|2)\s?ฉบับ|ทั้งสองฉบับ|\b(?:two|both|the)\s+(?:MoUs|Memoranda)|Memoranda|MoUs\b|MOUs\b|เอกสาร\s?\d+\s?ฉบับ")



@dataclass
class AgreementMention:
    kind: str
    sentence: int
    start: int
    end: int
    title: str
    status: str | None
    status_date: dt.date | None
    parties: set[str]
    subject: Subject | None
    topics: tuple[str, ...]
    plural: bool = False
    strong: bool = False  # the subject comes from the agreement's name itself
    bodies: tuple[str, ...] = ()  # ministries the name says it is between
    distinct: bool = False  # "the other MoU", "อีกฉบับ": not the one just named
    hint: Subject | None = None  # what the words around the name suggest: which record it belongs to
    linked: tuple[tuple[str, dt.date], ...] = ()  # steps a clause after the name dates ("approved by the cabinet on …")


@dataclass
class AgreementRecord:
    kind: str
    parties: set[str]
    subject: Subject | None
    title: str | None = None
    title_lang: str = "th"
    statuses: dict[str, dt.date | None] = field(default_factory=dict)
    topics: list[str] = field(default_factory=list)
    evidence: list[int] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    first: int = 0  # body offset of the first mention
    title_strong: bool = False  # the title states the subject

    @property
    def status(self) -> str:
        return max(self.statuses, key=ORDER.index)


def _paragraph_before(body: str, at: int) -> str:
    """The line up to ``at``, and the line above when that ends in a Thai word: Thai writes no full stop, so a
    page may break a phrase there ("… ครม.มีมติอนุมัติตามที่กระทรวง…เสนอการ" / "จัดทำความตกลง…")."""
    line = body.rfind("\n", 0, at) + 1
    if line >= 2 and body[line - 2] != "\n":
        above = body.rfind("\n", 0, line - 1) + 1
        if _BROKEN_LINE_END.search(body, above, line - 1):
            line = above
    return body[line:at]


_BROKEN_LINE_END = re.compile(r"[\u0e00-\u0e2e\u0e30-\u0e4e]$")  # a Thai line ending in a word: the phrase goes on


class AgreementExtractor:
    def __init__(self) -> None:
        self.countries = gazetteer.countries()
        self.orgs = gazetteer.organizations()

    def _mentions(self, body: str, sentences: list[Sentence], dates: list[DateMention],
                  home: str | None, context_parties, issued: dt.date | None = None) -> list[AgreementMention]:
        date_starts = [d.start for d in dates]  # sorted: dates of a sentence by bisection
        out: list[AgreementMention] = []
        listed: tuple[str | None, int] = (None, -1)  # the status a list's heading gives its items
        for index, sentence in enumerate(sentences):
            text = sentence.text
            lower = text.lower()
            if not cues.LIST_ITEM.match(text):
                listed = (None, -1)
                if words.LIST_HEAD.search(text):  # "… เป็นสักขีพยานในพิธีลงนาม … จำนวน 6 ฉบับ ดังนี้", "signed the following:"
                    cue = max(((m.start(), status) for status, pattern in words.STATUS_CUES for m in pattern.finditer(text)),
                              default=None)
                    listed = (cue[1], cue[0]) if cue else listed
            if not _ANY_NOUN.search(lower):
                continue  # most sentences name no agreement: skip the costlier patterns
            spans: list[tuple[int, int, str]] = []
            for kind, pattern in _NOUNS:
                if not _NOUN_NEEDLE_RE[kind].search(lower):
                    continue
                for m in pattern.finditer(text):
                    begin = m.start()
                    if m.group(0).startswith("agreement"):
                        begin = _modified(text, m.start(), m.end())
                        if begin is None:
                            continue
                    elif _EXTENDS.match(m.group(0)):
                        begin = _extend_left(text, begin)
                    if any(a <= begin < b or begin <= a < m.end() for a, b, _ in spans):
                        continue
                    spans.append((begin, m.end(), kind))
            spans.sort()
            # "ความตกลงหุ้นส่วนทางเศรษฐกิจ (EPA)": the name in parentheses is the same agreement
            spans = [s for k, s in enumerate(spans)
                     if not (k and re.fullmatch(r"\s?\(\s?(?:[\w–\- ]{0,40}\s)?", text[spans[k - 1][1]:s[0]]))]
            last_status: tuple[str | None, int] = (None, -1)
            last_end = -1000
            for k, (start, end, kind) in enumerate(spans):
                title = self._title(text, start, spans[k + 1][0] if k + 1 < len(spans) else len(text))
                if _FRAMEWORK.search(title) or _FRAMEWORK.search(text, max(0, start - 16), start + 60):
                    continue
                status, cue_at = self._status(text, start, end, title, _paragraph_before(body, sentence.start + start))
                if status is None and words.NEGOTIATING.search(text, start, end):
                    status, cue_at = "UnderNegotiation", start  # "free trade negotiations"
                if status is None and kind == "JointStatement" and (
                        (sentence.start == 0 and start == 0 and not words.SPEAKER_LINE.search(body, 0, 2000))
                        or words.THIS_DOCUMENT.search(text, max(0, start - 6), end + 8)):
                    # the page is the statement: "แถลงการณ์ร่วม … ครั้งที่ 6 …" as its headline, "this Joint Statement"
                    status, cue_at = "Signed", start
                if status is None and last_status[0] and start - last_end < 160:
                    status, cue_at = last_status  # "signed A, B and C", "ลงนาม 1) … 2) …": the verb governs all
                if status is None and listed[0] and k == 0:
                    status, cue_at = listed[0], -1  # an item of a list whose heading said what was done (its day is the heading's)
                last_status, last_end = (status, cue_at), start + len(title)
                status_date = self._status_date(dates, date_starts, sentence, cue_at, status) if status else None
                if status == "Signed" and issued and (status_date and status_date > issued or not status_date and any(
                        d.end_date and d.end_date > issued for d in dates[bisect_left(date_starts, sentence.start):
                                                                            bisect_left(date_starts, sentence.end)])):
                    # "ประยุทธ์ เปิดทำเนียบ 13 ม.ค. ลงนาม MOU" over a release of 11 January, "เยือนจีน 5-8 ก.พ. 68 เซ็น MOU"
                    # on 5 February: still to come
                    status = "Proposed"
                parties = self._parties(title, home)
                if len(parties) < 2 and k + 1 < len(spans) and spans[k + 1][0] == start + len(title):
                    # "ปฏิญญาร่วมว่าด้วยการประกาศเริ่มการเจรจาความตกลงการค้าเสรีไทย-ตุรกี": a name running into the
                    # instrument it is about names the same two parties
                    nested = self._title(text, spans[k + 1][0], spans[k + 2][0] if k + 2 < len(spans) else len(text))
                    parties |= self._parties(nested, home)
                if len(parties) < 2:
                    # "ไทยและลาวได้ร่วมกันออกแถลงการณ์ร่วม", "Thailand and Kenya signed …": the subject names them
                    clause = text[max(0, start - 80):start]
                    lang = "th" if is_thai(clause) else "en"
                    for m in self.countries.joined_spans(clause, lang):
                        between = clause[m[1]:]
                        if home in m[2] and len(between) <= 50 and words.SUBJECT_VERB.search(between):
                            parties |= set(m[2])  # "Thailand and Kenya signed …", not "… involving Japan, Thailand and Myanmar"
                    named = self.countries.find(clause, lang) + (
                        self.countries.find_demonyms(clause) if lang == "en" else [])
                    named.sort()
                    if len(named) >= 2 and re.fullmatch(r"\s?[-–/]\s?", clause[named[-2][1]:named[-1][0]]) and (
                            re.fullmatch(r"\s*(?:the\s)?", clause[named[-1][1]:])):
                        parties |= {named[-2][2], named[-1][2]}  # "the Thailand-Bangladesh free trade negotiations"
                    if parties == {home} and (actor := words.STATE_AIMS.search(clause)) and (
                            (state := self.countries.code(actor.group(1))) and state != home):
                        parties.add(state)  # "Turkey aims to sign a free trade agreement with Thailand": the state that acts
                if len(parties - ({home} if home else set())) == 0:
                    parties |= context_parties(index, sentence.start + start)
                if len(parties - ({home} if home else set())) == 0 and words.BOTH_STATES.search(text):
                    # "… ระหว่างกระทรวงการต่างประเทศของทั้ง 2 ประเทศ … ซึ่งฝ่ายจีนได้เสนอร่าง …": the one other state
                    # the sentence names
                    lang = "th" if is_thai(text) else "en"
                    others = {c for _s, _e, c in self.countries.find(text, lang)} - {home}
                    parties |= others if len(others) == 1 else set()
                if home and len(parties) == 1 and home not in parties:
                    parties.add(home)
                topics = topics_in(title)
                # the subject is what the name says it covers ("บันทึกความเข้าใจว่าด้วยความร่วมมือด้าน
                # เศรษฐกิจดิจิทัล", "MoU on Tourism Cooperation"); a purpose clause after a name that says
                # none ("… เพื่อส่งเสริมความร่วมมือด้านเศรษฐกิจดิจิทัล") is a weaker source
                tail = text[start + len(title):start + len(title) + 200]
                named = subject_of(title, end - start, tail)
                plural = bool(_PLURAL.search(text[max(0, start - 12):end + 12]))
                distinct = bool(words.ANOTHER.search(text, max(0, start - 16), start))
                linked = (linked_steps(text, start + len(title), dates, sentence.start, issued)
                          or linked_steps(text, end, dates, sentence.start, issued))
                out.append(AgreementMention(kind, index, sentence.start + start, sentence.start + end, title,
                                            status, status_date, parties, named.subject, topics, plural,
                                            named.strong, self._bodies(title), distinct, named.hint, linked))
        return out

    def _title(self, text: str, start: int, limit: int) -> str:
        """The agreement's name as the sentence gives it; not the clause that follows it
        ("บันทึกความเข้าใจจะมีผลเป็นระยะเวลา 5 ปี" is a sentence about it, not its name)."""
        m = words.TITLE_END.search(text, start + 4, min(limit, start + 220))
        title = text[start:m.start() if m else min(limit, start + 220)].strip(" (")
        noun = next((p.match(title) for _k, p in _NOUNS if p.match(title)), None)
        if noun and words.GLUED_CLAUSE.match(title, noun.end()):
            return noun.group(0)
        return re.sub(r"\s+(?:และ|and|,)$", "", title)

    def _status(self, text: str, start: int, end: int, title: str, context: str = "") -> tuple[str | None, int]:
        """The status the verb governing the noun at start gives; context is the paragraph before the
        sentence (a cabinet's resolution governs every item it lists)."""
        after = text[end:end + 160]
        force = words.IN_FORCE.search(after)
        if force and not re.search(r"(?:จะ|will)\s?$", after[:force.start()]):
            return "Signed", -1
        if words.REVISED.search(text, max(0, start - 30), start) and not re.match(r"ร่าง|draft", text[start:start + 6], re.I) and (
                not re.search(r"หาก|\bif\b", text[max(0, start - 60):start])):  # "หากก่อนลงนามมีความจำเป็นต้องปรับปรุง…"
            return "Signed", -1  # "เสนอปรับปรุงความตกลงการค้าเสรี", "upgrade the FTA": one in force, revised or not
        step = words.STEP_AFTER.match(text, end)
        if step:  # "ความตกลงฉบับนี้ผ่านความเห็นชอบของคณะรัฐมนตรีเมื่อ …", "this MoU was approved on …"
            return ("Signed" if re.search(r"sign|ลงนาม", step.group(0)) else "Approved"), end
        best: tuple[int, str, int] | None = None  # (distance to the noun, status, where the cue starts)
        lo = max(0, start - 90)
        clause = text[lo:start]
        for status, pattern in words.STATUS_CUES:
            for m in pattern.finditer(clause):
                distance = len(clause) - m.end()
                if best is None or distance < best[0]:
                    best = (distance, status, lo + m.start())
        if best is not None:
            _distance, status, cue = best
            if status in ("UnderNegotiation", "Signed") and words.INTENT.search(text[max(0, cue - 30):cue]):
                status = "Proposed"  # "agreed to launch negotiations on …", "เห็นพ้องที่จะลงนาม": not yet
            if status == "Signed" and (cues.PLANNED.search(text[max(0, cue - 25):cue]) or (
                    words.SIGNING_NOUN.match(text, cue) and words.FUTURE_CLAUSE.search(text, 0, cue)
                    and not words.PAST_VERB_BEFORE.search(text, max(0, cue - 20), cue))):
                status = "Proposed"  # "กำหนดจัดพิธีลงนาม …", "They will … including the signing of …": still to come
            if status in ("Proposed", "Signed") and (words.APPROVES.search(text[max(0, cue - 30):start])
                                                     or words.CABINET.search(context or text[:start])):
                status = "Approved"  # "อนุมัติการจัดทำ…", "ครม.เห็นชอบการลงนามร่าง…"
            return status, start - _distance
        after_title = start + len(title)
        if words.STATUS_AFTER.search(text[end:end + 40]) or words.STATUS_AFTER.search(text[after_title:after_title + 40]):
            return "Signed", after_title  # "… Joint Statement … was released", "MoU signing ceremonies"
        for status, pattern in words.STATUS_CUES:  # passive: "… was also signed", "ลงนามโดย"
            m = pattern.search(text, after_title, min(len(text), after_title + 90))
            if m and not words.OTHER_ACT.search(text, after_title, m.start()):
                return status, m.start()  # not another act's verb: "The statement comes after X and Y signed …"
        return None, -1

    def _status_date(self, dates: list[DateMention], starts: list[int], sentence: Sentence, cue_at: int,
                     status: str) -> dt.date | None:
        if cue_at < 0:
            return None  # in force: the text gives the date it took effect, not when it was signed
        in_sentence = [d for d in dates[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
                       if d.end_date is None]
        if status != "Approved":
            # not the day of another step ("ผ่านความเห็นชอบของคณะรัฐมนตรีเมื่อวันที่ 9 มกราคม", "in force since …")
            # or of another event ("After their talks on 3 May, … witnessed the signing …")
            in_sentence = [d for d in in_sentence if not (
                cues.NON_EVENT_DATE_BEFORE.search(sentence.text, max(0, d.start - sentence.start - 40),
                                                  d.start - sentence.start)
                or words.OTHER_EVENT_DATE.search(sentence.text, max(0, d.start - sentence.start - 20),
                                            d.start - sentence.start))]
        if not in_sentence:
            return None
        cue = sentence.start + cue_at
        return min(in_sentence, key=lambda d: abs(d.start - cue)).date

    def _bodies(self, title: str) -> tuple[str, ...]:
        """Ministries named as the parties' signing bodies ("ระหว่างกระทรวงดิจิทัลฯ กับ …")."""
        return tuple(dict.fromkeys(key for _s, _e, key in self.orgs.find_names(title)
                                   if self.orgs.info[key].kind in ("ministry", "agency")))

    def _parties(self, title: str, home: str | None) -> set[str]:
        lang = "th" if is_thai(title) else "en"
        parties = {code for _, _, code in self.countries.find(title, lang)}
        for _s, _e, key in self.orgs.find_names(title):
            info = self.orgs.info[key]
            if info.country and info.kind in ("ministry", "agency", "office") and (
                    info.name_th in title or info.name_en in title or "ฯ" in title):
                parties.add(info.country)
        return parties

    def extract(self, body: str, sentences: list[Sentence], dates: list[DateMention], home: str | None,
                context_parties, issued: dt.date | None = None) -> list[AgreementRecord]:
        mentions = self._mentions(body, sentences, dates, home, context_parties, issued)
        for m in mentions:
            if m.status_date and issued and m.status_date > issued:
                m.status_date = None  # "to be signed on 7 February": a plan, not the date of a status
        records: list[AgreementRecord] = []
        pending: list[AgreementMention] = []
        for m in mentions:
            # a name without its parties ("the Agreement was signed …") is one of those the release reports
            if (m.plural or not m.strong or not m.parties) and not m.distinct:
                pending.append(m)
                continue
            self._add(records, m)
        # weak subjects before none, singular before plural: the record takes the best subject known
        for m in sorted(pending, key=lambda m: (m.plural, m.subject is None, m.hint is None)):
            same = [r for r in records if r.kind == m.kind and (r.parties == m.parties or not m.parties)]
            if m.plural and same:
                for r in same:
                    self._record_status(r, m)
                continue
            if same and m.hint:
                same = [r for r in same if r.subject and _same_subject(r.subject, m.hint)] or same
            if same:
                target = min(same, key=lambda r: abs(r.first - m.start))
                self._record_status(target, m)
                if m.sentence not in target.evidence:
                    target.evidence.append(m.sentence)
                target.topics += [t for t in m.topics if t not in target.topics]
                if m.subject and (target.subject is None or m.subject.refines(target.subject)):
                    target.subject = m.subject
                self._retitle(target, m)
                continue
            self._add(records, m)
        for r in records:
            if r.statuses:
                top = r.statuses[r.status]
                r.statuses = {s: d for s, d in r.statuses.items()
                              if s == r.status or (d is not None and d != top)}
        return [r for r in records if len(r.parties) >= 2 and r.statuses]

    def _add(self, records: list[AgreementRecord], m: AgreementMention) -> None:
        for r in records:
            if r.kind == m.kind and r.parties == m.parties and _same_subject(r.subject, m.subject):
                if m.subject and r.subject and m.subject.refines(r.subject):
                    r.subject = m.subject  # "visa exemption", then "… for holders of ordinary passports"
                self._record_status(r, m)
                r.topics += [t for t in m.topics if t not in r.topics]
                if m.sentence not in r.evidence:
                    r.evidence.append(m.sentence)
                self._retitle(r, m)
                return
        record = AgreementRecord(m.kind, set(m.parties), m.subject, m.title,
                                 "th" if is_thai(m.title) else "en", first=m.start, title_strong=m.strong)
        self._record_status(record, m)
        record.topics = list(m.topics)
        record.evidence = [m.sentence]
        records.append(record)

    @staticmethod
    def _retitle(record: AgreementRecord, m: AgreementMention) -> None:
        """The record's title is its fullest name: a name stating the subject before one that does not, the
        longer of two that do; of two that do not, the first unless it is a bare word ("เอ็มโอยู" in a
        headline, then "บันทึกความเข้าใจระหว่างกระทรวง… กับ …")."""
        current = record.title or ""
        if m.strong == record.title_strong:
            better = len(m.title) > len(current) and (m.strong or len(current.split()) <= 1)
        else:
            better = m.strong
        if better:
            record.title, record.title_strong = m.title, m.strong
            record.title_lang = "th" if is_thai(m.title) else "en"

    @staticmethod
    def _record_status(record: AgreementRecord, m: AgreementMention) -> None:
        record.bodies += [b for b in m.bodies if b not in record.bodies]
        for status, day in m.linked:
            if record.statuses.get(status) is None:
                record.statuses[status] = day
        if m.status is None:
            return
        if m.status not in record.statuses or (record.statuses[m.status] is None and m.status_date):
            record.statuses[m.status] = m.status_date


def _same_subject(a: Subject | None, b: Subject | None) -> bool:
    """One instrument named twice in a release: the same subject, or one name saying more than the
    other ("ความตกลงยกเว้นการตรวจลงตรา" and "… สำหรับผู้ถือหนังสือเดินทางธรรมดา")."""
    if a is None or b is None:
        return a is b
    return a.refines(b) or b.refines(a)
