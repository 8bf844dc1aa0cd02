"""People named in a release: who they are, their position, their country.

Releases introduce a person once in full — honorific, name, the Latin form in
parentheses, then the position phrase ("นายเอส อิสวารัน (H.E. Mr. S. Iswaran)
รัฐมนตรีว่าการกระทรวงสื่อสารและสารสนเทศ ของสาธารณรัฐสิงคโปร์"; "H.E. Mr. Wang
Yi, Minister of Foreign Affairs of the People's Republic of China") — and later
refer back by a short form ("นายพุทธิพงษ์", "นายดอนฯ", "Minister Maris") or by
title alone ("รมว.กต.", "นายกรัฐมนตรี", "the Secretary of State"). This module
finds the introductions, then resolves every later reference to one of them,
and returns each mention with its span so events can take their participants
from the sentences that state them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import gazetteer
from ..resolve import registry
from ..gazetteer import alternation
from .text import is_thai

# Words that end a Thai name or position phrase: verbs and connectives that follow a
# person's introduction in release prose.
_THAI_CLAUSE_WORDS = (
    "ได้", "กล่าว", "เปิดเผย", "ให้การต้อนรับ", "หารือ", "ผ่าน", "เพื่อ", "ใน", "ณ", "ซึ่ง", "โดย", "ที่", "เป็น",
    "ร่วม", "ระหว่าง", "เกี่ยวกับ", "เมื่อ", "ลงนาม", "ประชุม", "จะ", "และได้", "ยืนยัน", "แสดง", "ขอบคุณ",
    "เดินทาง", "นำ", "พร้อม", "ได้รับ", "มี", "ตาม", "ยัง", "แจ้ง", "เสนอ", "เห็น", "ย้ำ", "รับ", "ต่อ", "ด้วย",
    "ถึง", "กับ", "แก่", "ว่า", "ระบุ", "อวยพร", "ฝาก", "เชิญ", "ใช้", "มอบ", "ประสาน", "ดำรง", "ครบ", "เข้า",
    "ก่อน", "หลัง", "สำหรับ", "จาก", "เลือก", "ขอ", "ตอบ", "รายงาน", "ชื่นชม", "ยินดี", "อีก",
)
# Verbs that may be glued to the end of a title ("…เกาหลีใต้ซึ่งเดินทางมาเยือน", "…ญี่ปุ่นได้หารือ"):
# never part of an office's name (unlike "ที่" or "เพื่อ", found inside ministries' names).
_GLUED_VERB = re.compile(r"ซึ่ง|ได้(?!แก่)|ให้การ|เข้าเยี่ยม|เข้าพบ|เดินทาง|หารือ|กล่าว|เปิดเผย|ลงนาม|พร้อมด้วย|ในโอกาส"
                         r"|ร่วมกับ|ระหว่างการ")
_CLAUSE_RE = re.compile(r"(?:" + alternation(list(_THAI_CLAUSE_WORDS)) + r")")
# Common nouns that begin like an honorific: นายก(รัฐมนตรี), นายทหาร, นางพยาบาล …
_NOT_A_NAME = re.compile(
    r"(?:นายก(?:รัฐมนตรี|ฯ|สมาคม|เทศมนตรี|องค์การ|อบ)|นายทหาร|นายอำเภอ|นายจ้าง|นายหน้า|นายทุน|นายด่าน|นายตำรวจ|นายสถานี|นางพยาบาล|นางงาม|นางแบบ)")
_LATIN_PAREN = re.compile(r"\s*\(([^()]{2,80})\)")
_THAI_NAME_CHUNK = re.compile(r"[\u0e00-\u0e7fA-Za-z][\u0e00-\u0e7fA-Za-z.\-’']*")
_GENERATION = re.compile(r"\s+(ที่\s*\d+|I{1,3}|IV|Jr\.?)(?=[\s(,]|$)")
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŸŹŻŽ"  # names with accents: "José Ramírez", "Đặng"
_LETTER = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
# Words that follow a name in wire prose and are capitalised without being part of it.
_NOT_NAME_WORD = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
                  r"|May|June|July|August|September|October|November|December|The|This|In|On|At|Later|Earlier"
                  r"|Meanwhile|However|Also)\b)")
# A name word: an initial ("J."), a capitalised word ("O'Brien", "Chan-o-cha"; a possessive "Prayut's" ends it,
# a full stop too, but for Jr./Sr.), or a particle of Malay, Dutch, Portuguese and Arabic names.
_EN_NAME_WORD = (rf"(?:[A-Z]\.(?:[A-Z]\.)*(?=[ \t]+[A-Z])|[A-Z]\.(?:[A-Z]\.)+|{_NOT_NAME_WORD}[{_UPPER}][{_LETTER}\-]*(?:[’'](?!s\b)[{_LETTER}\-]+)*"
                 r"(?:(?<=Jr|Sr|St)\.)?|bin|binti|van|von|de|da|al-\w+|Le|La|o-\w+|na)")
_EN_NAME = re.compile(_EN_NAME_WORD + r"(?:[ \t\u00a0]+" + _EN_NAME_WORD + r")*")  # a name never spans lines
_POSSESSIVE = re.compile(r"['’]s?$")
# The portfolio between a title and the name: "Minister of Foreign Affairs Lê Hoài Trung" — words of
# offices, so that the name that follows is not taken for more of the office.
_PORTFOLIO_WORD = (
    r"(?:Foreign|Affairs|External|Home|Interior|Defen[cs]e|National|Trade|Industry"
    r"|Commerce|Economy|Economic|Finance|Planning|Investment|Tourism|Sports?|Culture|Labou?r|Health|Public"
    r"|Education|Agriculture|Cooperatives|Energy|Transport|Communications?|Information|Digital|Justice"
    r"|Environment|Natural|Resources|Science|Technology|Innovation|Higher|Development|International"
    r"|Cooperation|Social|Welfare|Security|Fisheries|Forestry|Water|Land|Works|Manpower|Women|Youth|Religious"
    r"|Immigration|Employment)\b")
_PORTFOLIO_AFTER = re.compile(rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_PORTFOLIO_WORD}(?:,?\s+(?:and\s+)?{_PORTFOLIO_WORD})*)?")
_BARE_NAME_BEFORE = re.compile(r"(?:^|(?<=[\s(“\"]))(" + _EN_NAME.pattern + r"),\s+(?:the\s+)?$")
_OF_DEMONYM_BODY = re.compile(r"([A-Z][a-z]+)\s+(?:Ministry|Government|Embassy|Foreign Ministry|side)\b")
_QUOTED_NAME = re.compile(r"[“\"]([\u0e00-\u0e7f]{2,20}(?: [\u0e00-\u0e7f]{2,25}){1,2})[”\"]")
_GLUED_TITLE_NAME = re.compile(r"(ประธานาธิบดี|นายกรัฐมนตรี|สมเด็จพระราชาธิบดี|รัฐมนตรีต่างประเทศ)"
                               r"([\u0e00-\u0e7f]{2,20} [\u0e00-\u0e7f]{2,20}) (?:ของ|แห่ง)([\u0e00-\u0e7f.]{2,30})")
_MARKS = re.compile("[\u0e47-\u0e4e]")
_THAI_NAME_ONLY = re.compile(r"[\u0e00-\u0e7f.\-]+(?: [\u0e00-\u0e7f.\-]+){0,5}")


def _spelling(name: str) -> str:
    return _MARKS.sub("", name).lower()


_APPOSITION = re.compile(r"\b(?:counterparts?|leaders?|ministers?|delegations?) (?:from|of) ([^,]{3,40}),\s*$")
# What may stand between a state and the title of its official: "Malaysia's Home Affairs ", "Thai ".
_PORTFOLIO_GAP = re.compile(r"(?:['’]s)?(?:\s+(?:[A-Z][\w&\-]*|and|of|for|the))*\s+")


_ROLE_PRIORITY = ("head_of_state", "head_of_government", "deputy_head_of_government", "minister",
                  "deputy_minister", "ambassador", "official", "party", "former", "spokesperson")


_EN_TITLE_TAIL = re.compile(r"(?:\s(?:of|for|and|the|[A-Z][\w’'\-]*))*,?\s")
_OWN_OFFICES = ("head_of_government", "deputy_head_of_government", "minister", "deputy_minister", "official",
                "spokesperson")


class _Taken:
    """Which characters of the body are already part of a mention (a flag per character, so
    checking stays constant-time however many mentions a long release has)."""

    def __init__(self, length: int) -> None:
        self.flags = bytearray(length + 1)

    def add(self, start: int, end: int) -> None:
        self.flags[start:end] = b"\x01" * (end - start)

    def covers(self, pos: int) -> bool:
        return bool(self.flags[pos])


@dataclass
class PersonRecord:
    """A person being assembled from the mentions in one release."""

    name: str
    lang: str
    alt_names: list[tuple[str, str]] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    position: str | None = None
    position_lang: str = "th"
    role: str | None = None
    country: str | None = None
    portfolio: str | None = None  # ministry/organisation key found in the position phrase
    stated: bool = False  # the text itself says which state (not a default for an office without one)

    def given_forms(self) -> set[str]:
        """Short forms a release may use to refer back: given name, surname, Latin parts."""
        forms = set()
        for name, _lang in [(self.name, self.lang), *self.alt_names]:
            parts = [p for p in re.split(r"\s+", name) if len(p) > 1]
            forms.update(p.rstrip(".") for p in parts if len(p.rstrip(".")) >= 2)
        return forms


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    person: int  # index into the release's people
    full: bool  # the introduction (name + position), not a back-reference


@dataclass
class PeopleResult:
    people: list[PersonRecord]
    mentions: list[Mention]


def _honorific_regex(lang: str) -> re.Pattern[str]:
    table = gazetteer.honorifics()
    if lang == "th":
        return re.compile(r"(?:" + alternation(table.th) + r")")
    return re.compile(r"(?<![\w.])(?:" + alternation(table.en) + r")(?=\s)")


class PeopleExtractor:
    """Finds people in one release body. Holds compiled patterns; create once, call per release."""

    def __init__(self) -> None:
        self.countries = gazetteer.countries()
        self.orgs = gazetteer.organizations()
        self.positions = gazetteer.positions()
        self.hon_th = _honorific_regex("th")
        self.hon_en = _honorific_regex("en")
        self.hon_en_chain = re.compile(r"(?:(?:" + alternation(gazetteer.honorifics().en) + r")\s+)+")
        self.spaced_hon_en = re.compile(r"\s+(?:(?:" + alternation(gazetteer.honorifics().en) + r")\s+)*")

    # ------------------------------------------------------------------ Thai
    def _thai_position(self, text: str, pos: int) -> tuple[int, str] | None:
        """The position phrase starting at pos (after spaces), and where it ends."""
        m = re.match(r"\s*", text[pos:])
        start = pos + (m.end() if m else 0)
        if not self.positions.th_pattern.match(text, start):
            return None
        line_end = text.find("\n", start, start + 300)
        line_end = min(len(text), start + 300) if line_end < 0 else line_end
        words = list(re.finditer(r"\S+", text[start:line_end]))
        end = start + words[0].end()
        index = 1
        while index < len(words):
            word = words[index].group(0)
            glued = _GLUED_VERB.search(text, end - len(words[index - 1].group(0)) + 2, end)
            if glued:  # "…ทหารสูงสุดเกาหลีใต้ซึ่งเดินทางมา": the clause, glued on, is no part of the title
                end = glued.start()
                break
            if word == "ณ" and index + 1 < len(words) and self.countries.place_th.fullmatch(words[index + 1].group(0)):
                end, index = start + words[index + 1].end(), index + 2  # "เอกอัครราชทูต ณ กรุงโตเกียว": a post
                continue
            if self._continues_position(word) or self.positions.th_pattern.match(word):
                # "รองนายกรัฐมนตรี รัฐมนตรีว่าการกระทรวงการต่างประเทศ และรัฐมนตรีด้าน…": a list of offices
                end, index = start + words[index].end(), index + 1
                continue
            # a ministry name may run over a few words before the country that closes it:
            # "รัฐมนตรีการค้า กระทรวงการค้า อุตสาหกรรม และพลังงาน สาธารณรัฐเกาหลี"
            ahead = words[index:index + 3]
            closing = next((k for k, w in enumerate(ahead) if self._is_country_word(w.group(0))
                            or self._ends_with_country(w.group(0))), None)
            if closing is None or any(_CLAUSE_RE.match(w.group(0)) for w in ahead[:closing]):
                break
            end, index = start + ahead[closing].end(), index + closing + 1
        else:
            glued = _GLUED_VERB.search(text, end - len(words[-1].group(0)) + 2, end)
            end = glued.start() if glued else end
        return end, text[start:end].rstrip(",")

    def _is_country_word(self, word: str) -> bool:
        """"ญี่ปุ่น", "ของสิงคโปร์", "สหรัฐฯ", and the MFA's "โปแลนด์/ไทย" (of Poland, to Thailand)."""
        return all(re.sub(r"^(?:ของ|แห่ง|ประเทศ)", "", part).rstrip("ฯ") in self.countries.by_name_th
                   for part in word.split("/"))

    def _ends_with_country(self, word: str) -> bool:
        """"…แรงงานและสวัสดิการของญี่ปุ่น": the last word of a ministry's name, closed by its state."""
        return any(m.end() == len(word.rstrip("ฯ")) and (m.start() == 0 or word[:m.start()].endswith(("ของ", "แห่ง")))
                   for m in self.countries.thai_pattern.finditer(word))

    def _continues_position(self, word: str) -> bool:
        if word.startswith(("และรัฐมนตรี", "และนายก", "และผู้", "ของ", "แห่ง", "ประจำ", "กระทรวง", "กรม", "สำนักงาน")):
            return not word.startswith(("ของทั้ง", "ของไทย")) or word.startswith("ของไทย")
        if word.startswith("และ") and self.positions.th_pattern.match(word, 3):
            return True
        if word.startswith("(") and word.endswith(")") and len(word) <= 14:
            return True
        if self._is_country_word(word):
            return True
        return False

    def _country_of_position(self, position: str, home: str | None) -> tuple[str | None, str | None]:
        """(country, portfolio) of a position phrase; a Thai office with no country named is the home country's."""
        # the state served, not the post: "…ประจำประเทศไทย", "Ambassador of Peru to Thailand", "ออท. โปแลนด์/ไทย"
        cut = re.search(r"ประจำ|accredited to|\bto\b|/", position)
        own = position[: cut.start()] if cut else position
        if re.match(r"(?:เอกอัครราชทูต|ออท\.|อัครราชทูต|กงสุลใหญ่)\s?(?:ณ|ประจำ)\s?(?:กรุง|นคร|เมือง)", position):
            return home, None  # "เอกอัครราชทูต ณ กรุงโตเกียว": the home state's ambassador at that post
        found = self.countries.find(own, "th" if is_thai(own) else "en")
        # "Chairman of the Japan-Thailand Friendship League": a pair names no side, nor says whose it is
        paired = [f for f in found if re.search(r"[-–]\s?$", own[:f[0]]) or re.match(r"\s?[-–]", own[f[1]:])]
        found = [f for f in found if f not in paired]
        if not found and not is_thai(own):
            found = self.countries.find_demonyms(own)
        portfolio = None
        for _s, _e, key in self.orgs.find(own):
            if self.orgs.info[key].kind != "international":
                portfolio = key
                break
        if found:
            return found[-1][2], portfolio
        # no country named: the speaking government's own office holder ("รัฐมนตรีว่าการกระทรวง
        # การต่างประเทศ", "นายกรัฐมนตรี", "Minister of Foreign Affairs" in its own release) — releases
        # always name a foreign official's state; an ambassador's post alone does not say which side
        role = self._role(own)
        if role in _OWN_OFFICES and not paired:
            return home, portfolio
        return None, portfolio

    def _role(self, position: str) -> str | None:
        """The highest office a position phrase names ("member of the Politburo and foreign minister": minister)."""
        pattern = self.positions.th_pattern if is_thai(position) else self.positions.en_pattern
        # an office heads the phrase or follows "และ"/"and": "โฆษกประจำสำนักนายกรัฐมนตรี" is a spokesperson
        roles = {self.positions.role.get(m.group(0)) for m in pattern.finditer(position)
                 if m.start() == 0 or re.search(r"(?:และ\s?|\band\s)$", position[:m.start()])}
        return next((r for r in _ROLE_PRIORITY if r in roles), None)

    def _thai_full(self, text: str, pos: int, hon_end: int, people: list[PersonRecord], home: str | None):
        """Parse an honorific + Thai name [+ (Latin)] [+ position] starting at hon_end."""
        if _NOT_A_NAME.match(text, pos):
            return None
        cursor = hon_end + (1 if text[hon_end:hon_end + 1] == " " else 0)
        more = self.hon_th.match(text, cursor)
        while more and not _NOT_A_NAME.match(text, cursor):  # stacked: "ฯพณฯ นาย…", "พลเอก ดร. …"
            hon_end = more.end()
            cursor = hon_end + (1 if text[hon_end:hon_end + 1] == " " else 0)
            more = self.hon_th.match(text, cursor)
        chunks: list[str] = []
        end = cursor
        while len(chunks) < 6:  # "มุฮัมหมัด บิน อับดุลเราะห์มาน อัล ษานี": five words, then the title
            cm = _THAI_NAME_CHUNK.match(text, cursor)
            if not cm:
                break
            word = cm.group(0)
            if chunks and word.startswith(("และ", "กับ", "พร้อม")) and len(word) > 4:
                break  # "นางสาวศิรมนต์ โสภา และนางสาวนภสร …": the next person
            if chunks and cm.end() >= len(text.rstrip()) and self._cut_title(word):
                break  # "นายคิม เช พง เอกอัครราชทู…": the page stops inside the title, the name is whole
            if chunks and (self.positions.th_pattern.match(text, cm.start()) or (
                    _CLAUSE_RE.match(word) and not (len(chunks) == 1 and self._surname_before_title(text, cm.end())))):
                break
            chunks.append(word)
            end = cm.end()
            nxt = text[end:end + 1]
            if nxt != " " or text[end + 1:end + 2] == "(":
                break
            cursor = end + 1
        if not chunks:
            return None
        gm = _GENERATION.match(text, end)
        if gm:
            chunks.append(gm.group(1))
            end = gm.end()
        latin = None
        pm = _LATIN_PAREN.match(text, end)
        if pm and not is_thai(pm.group(1)) and re.search(r"[A-Z]", pm.group(1)):
            latin = self._strip_en_honorifics(pm.group(1).strip())
            end = pm.end()
        elif pm and is_thai(pm.group(1)) and not any(is_thai(c) for c in chunks) and _THAI_NAME_ONLY.fullmatch(
                pm.group(1).strip()):
            # "นาย Geoffrey Quinton Mitchell Doidge ( เจฟฟรีย์ ควินตัน มิตเชลล์ ดอยจ์ )": the Thai form is the name
            latin = " ".join(chunks)
            chunks = pm.group(1).split()
            end = pm.end()
        position = self._thai_position(text, end)
        if len(chunks) > 4 and position is None and latin is None:
            return None  # a long run of words is a name only when its title or Latin form closes it
        before = self._thai_title_before(text, pos) if position is None else None
        if before is not None:
            position = (end, before)  # "รมช.กต. นายชัยชนะ ศรีสุข", "ออท. โปแลนด์/ไทย นายยาน โนวัค"
        elif position is None and (shared := self._shared_title(text, end)):
            position = (end, shared)  # "นางสาวศิรมนต์ โสภา และนางสาวนภสร แซ่ลิ่ม นักวิเทศสัมพันธ์": both hold it
        if position is None and latin is None and end >= len(text.rstrip()) - 1:
            return None  # the page stops in the name ("นายภุชงค์ วรศร…"): not a whole name
        if position is None and latin is None:
            # no position and no Latin form: accept only a clean given name + surname
            if len(chunks) != 2 or len(chunks[0]) > 20 or len(chunks[1]) > 20:
                return None
            if text[end:end + 1] not in (" ", "", "\n", ",", "”", '"'):
                return None
        elif position is None and len(chunks) == 1 and _CLAUSE_RE.search(chunks[0][2:]):
            return None
        name = " ".join(chunks)
        record = PersonRecord(name=name, lang="th")
        record.honorifics.extend(h.group(0) for h in self.hon_th.finditer(text, pos, hon_end))
        if latin:
            record.alt_names.append((latin, "en"))
        if position:
            end, phrase = position
            record.position, record.position_lang = phrase, "th"
            record.role = self._role(phrase)
            record.country, record.portfolio = self._country_of_position(phrase, home)
        return record, end

    def _thai_unmarked(self, body: str, home: str | None, taken: _Taken):
        """News names leaders without นาย/นาง: a quoted name after its title ("นายกรัฐมนตรี “แพทองธาร
        ชินวัตร”"), and a name glued to its title before the state ("ประธานาธิบดีเอ็มมานูแอล มาครง ของฝรั่งเศส")."""
        for m in _QUOTED_NAME.finditer(body) if "“" in body or '"' in body else ():
            lo = max(0, m.start() - 60, body.rfind(" ", 0, max(0, m.start() - 1)) + 1)
            title = body[lo:m.start()].rstrip()
            if taken.covers(m.start()) or not self.positions.th_pattern.fullmatch(title):
                continue
            record = PersonRecord(name=m.group(1).strip(), lang="th", position=title, position_lang="th",
                                  role=self._role(title))
            record.country, record.portfolio = self._country_of_position(title, home)
            yield record, lo, m.end()
        for m in _GLUED_TITLE_NAME.finditer(body):
            title, name, state = m.group(1), m.group(2), m.group(3)
            if (taken.covers(m.start()) or not self.positions.th_pattern.fullmatch(title)
                    or self.positions.role.get(title) not in ("head_of_state", "head_of_government", "minister")
                    or _CLAUSE_RE.match(name) or self.countries.thai_pattern.match(name)
                    or self.positions.th_pattern.match(name) or state not in self.countries.by_name_th):
                continue
            record = PersonRecord(name=name, lang="th", position=title + "ของ" + state, position_lang="th",
                                  role=self.positions.role.get(title), country=self.countries.by_name_th[state],
                                  stated=True)
            yield record, m.start(), m.end()

    def _shared_title(self, text: str, end: int) -> str | None:
        """The title after the next name of a list ("X และนางสาว Y <title>"), which both names hold."""
        m = re.match(r"\s?(?:และ|กับ)\s?", text[end:end + 6])
        if not m or not (hon := self.hon_th.match(text, end + m.end())):
            return None
        nxt = re.match(r"\s?[\u0e00-\u0e7f]+ [\u0e00-\u0e7f]+", text[hon.end():hon.end() + 60])
        found = self._thai_position(text, hon.end() + nxt.end()) if nxt else None
        return found[1] if found else None

    def _cut_title(self, word: str) -> bool:
        return len(word) >= 3 and any(form.startswith(word) for form in self.positions.th)

    def _thai_title_before(self, text: str, pos: int) -> str | None:
        """A position phrase that ends right before the name ("รมว.กต. นายดอน", "เอกอัครราชทูต
        สหรัฐฯ ประจำประเทศไทย นายX"): news and MFA briefs put the title first."""
        lo = max(0, pos - 80, text.rfind("\n", 0, pos) + 1)
        window = text[lo:pos]
        tail = len(window.rstrip())
        if window[:tail].endswith("("):  # "นายกรัฐมนตรี (นางสาวยิ่งลักษณ์ ชินวัตร)": the title, the name in brackets
            tail = len(window[:tail - 1].rstrip())
        for m in self.positions.th_pattern.finditer(window):
            found = self._thai_position(window, m.start())
            if found is not None and found[0] >= tail and not _CLAUSE_RE.search(window, m.end(), tail):
                return found[1]
        return None

    def _surname_before_title(self, text: str, end: int) -> bool:
        """A surname that begins like a verb ("มีสุข", "ร่วมใจ") is still a surname when the position
        phrase or the Latin form follows it: "นายสมพงษ์ มีสุข รองปลัดกระทรวง…"."""
        nxt = text[end:end + 2]
        return nxt == " (" or (nxt[:1] == " " and bool(self.positions.th_pattern.match(text, end + 1)))

    def _strip_en_honorifics(self, name: str) -> str:
        m = self.hon_en_chain.match(name + " ")
        return name[m.end():].strip() if m else name

    # --------------------------------------------------------------- English
    def _english_full(self, text: str, start: int, people: list[PersonRecord], home: str | None):
        """'H.E. Mr. Wang Yi, Minister of Foreign Affairs of …' or 'Prime Minister Srettha Thavisin'."""
        chain = self.hon_en_chain.match(text, start)
        if not chain:
            return None
        nm = _EN_NAME.match(text, chain.end())
        if not nm:
            return None
        name = nm.group(0).rstrip(".")
        if name.endswith((" of", " the")) or len(name) < 2:
            return None
        end = chain.start() + len(text[chain.start():nm.end()].rstrip("."))
        record = PersonRecord(name=name, lang="en")
        record.honorifics.extend(h.group(0) for h in self.hon_en.finditer(chain.group(0) + " "))
        appositive = self._appositive(text, end, home)
        thai_title = self._thai_position(text, end) if appositive is None and is_thai(text[end:end + 3]) else None
        if appositive is not None:
            end, record.position, record.role, record.country, record.portfolio = appositive
            record.position_lang = "en"
        elif thai_title is not None:
            # "H.E. Ith Samheng รัฐมนตรีว่าการกระทรวงแรงงานและฝึกอาชีพกัมพูชา": a Latin name in Thai prose
            end, phrase = thai_title
            record.position, record.position_lang, record.role = phrase, "th", self._role(phrase)
            record.country, record.portfolio = self._country_of_position(phrase, home)
        else:
            # the title before the name: "Minister for Foreign Affairs Mr. Tan …", "Thai Ambassador Mr. …"
            before = text[max(0, start - 80):start]
            for head in reversed(list(self.positions.en_pattern.finditer(before))):
                if _EN_TITLE_TAIL.fullmatch(before[head.end():]):
                    lead = re.search(r"(?:[A-Z][\w’']*\s)?$", before[:head.start()])
                    phrase = (before[lead.start():] if lead else before[head.start():]).strip().rstrip(",")
                    record.position, record.position_lang = phrase, "en"
                    record.role = self._role(before[head.start():].strip())
                    record.country, record.portfolio = self._country_of_position(phrase, home)
                    if record.country is None or record.country == home:
                        named = self.countries.find_demonyms(phrase)
                        record.country = named[0][2] if named else record.country
                    break
        return record, end

    def _appositive(self, text: str, end: int, home: str | None):
        """", Minister of Foreign Affairs of …" after a name: (end, phrase, role, country, portfolio)."""
        pm = re.match(r",\s+((?:the\s+)?[A-Z][^,;()\n]*?)(?=,\s|\.\s|\.$|;|\)|$| who | at | on | and [a-z])",
                      text[end:end + 300])
        if not (pm and self.positions.en_pattern.match(pm.group(1).removeprefix("the "))):
            return None
        phrase = pm.group(1).removeprefix("the ")
        # "Minister of Economy, Trade and Industry of Japan": capitalised segments after a comma
        # continue the office when they end with the state it serves
        more = re.match(r"((?:,\s+[A-Z][^,;()\n]*?){1,3})(?=,\s|\.\s|\.$|;|\)|$| who | at | on )",
                        text[end + pm.end():end + pm.end() + 200])
        if more and not self.countries.find(phrase, "en") and self.countries.find(more.group(1), "en"):
            phrase += more.group(1)
            end += more.end()
        country, portfolio = self._country_of_position(phrase, home)
        return end + pm.end(), phrase, self._role(phrase), country, portfolio

    def _english_appositions(self, body: str, home: str | None, taken: _Taken):
        """"Maris Sangiampongsa, Minister of Foreign Affairs, made …": news names people without an
        honorific and gives the office after a comma."""
        for m in self.positions.en_pattern.finditer(body):
            if taken.covers(m.start()):
                continue
            lead = _BARE_NAME_BEFORE.search(body, max(0, m.start() - 80), m.start())
            if lead is None or taken.covers(lead.start(1)):
                continue
            name = lead.group(1)
            words = name.split()
            if len(words) < 2 or self.countries.code(words[0]) or self.countries.find(name, "en") or (
                    self.positions.en_pattern.search(name) or self.orgs.find(name)):
                continue
            appositive = self._appositive(body, lead.end(1), home)
            if appositive is None:
                continue
            end, phrase, role, country, portfolio = appositive
            record = PersonRecord(name=name, lang="en", position=phrase, position_lang="en", role=role,
                                  country=country, portfolio=portfolio)
            yield record, lead.start(1), end

    def _english_titled(self, body: str, m: re.Match[str], home: str | None) -> tuple[PersonRecord, int] | None:
        """A title right before a name: "Thai Interior Minister Somchai Dee", "Malaysia's Home Affairs
        Minister Ahmad Zulkifli", "Peruvian Ambassador to Thailand Luis Soto", "Foreign Minister José
        Ramírez of Costa Rica", "his counterpart from Nepal, PM Ram Thapa"."""
        after = m.end()
        portfolio = _PORTFOLIO_AFTER.match(body, after)
        if portfolio and portfolio.end() > after:
            after = portfolio.end()  # "Minister of Foreign Affairs Lê Hoài Trung"
        posted = re.match(r"\s+to\s+(?:the\s+)?", body[after:after + 8])
        if posted and (state := self.countries.en_pattern.match(body, after + posted.end())):
            after = state.end()  # "Ambassador to Thailand": where the ambassador serves, not whom
        comma = re.match(r",\s+(?=(?:[A-Z][\w’'.\-]*\s+){1,4}?[A-Z][\w’'\-]*(?:[,;]|\.(?:\s|$)))", body[after:after + 60])
        if comma:
            after += comma.end() - 1  # "the Australian Prime Minister, Anthony Albanese, this morning"
        hm = self.spaced_hon_en.match(body, after)
        nm = _EN_NAME.match(body, hm.end()) if hm and hm.end() > after else None
        if not nm:
            return None
        name = _POSSESSIVE.sub("", nm.group(0).rstrip("."))
        if len(name.split()) < 2 or self.countries.code(name.split()[0]) or name.split()[0] in ("The", "Thailand") or (
                self.countries.find(name, "en")):
            return None
        role_phrase = body[m.start():after].strip()
        record = PersonRecord(name=name, lang="en", position=role_phrase, position_lang="en",
                              role=self.positions.role.get(m.group(0)))
        before = body[max(0, m.start() - 60, body.rfind("\n", 0, m.start()) + 1):m.start()]
        named = self.countries.find_demonyms(before) + self.countries.find(before, "en")
        named = [n for n in named if _PORTFOLIO_GAP.fullmatch(before[n[1]:])]
        of_state = re.match(r"\s+of\s+(?:the\s+)?", body[nm.end():nm.end() + 9])
        of_state = of_state and (self.countries.en_pattern.match(body, nm.end() + of_state.end()) or _OF_DEMONYM_BODY.match(
            body, nm.end() + of_state.end()))
        apposition = _APPOSITION.search(body, max(0, m.start() - 60), m.start())
        record.stated = bool(named or of_state or apposition)
        if named:
            # the state named just before, maybe with the portfolio between ("Thai Foreign Minister …")
            record.country = named[-1][2]
            record.position = before[named[-1][0]:].strip() + " " + role_phrase
        elif of_state:
            record.country = self.countries.code(of_state.group(1))  # "… of Costa Rica", "… of the Thai Ministry"
        elif apposition and (states := self.countries.find(apposition.group(1), "en")):
            record.country = states[-1][2]  # "his counterpart from Nepal, PM Ram Thapa"
        elif record.role in _OWN_OFFICES:
            record.country = home
        return record, nm.start() + len(name)

    # -------------------------------------------------------------- resolve
    def extract(self, body: str, lang: str, home: str | None = "TH") -> PeopleResult:
        people: list[PersonRecord] = []
        mentions: list[Mention] = []
        taken = _Taken(len(body))

        def add(record: PersonRecord, start: int, end: int) -> None:
            index = self._merge(people, record)
            mentions.append(Mention(start, end, index, True))
            taken.add(start, end)

        # 1. introductions: honorific + name (+ Latin) (+ position)
        if lang == "th" or is_thai(body):
            for m in self.hon_th.finditer(body):
                if taken.covers(m.start()):
                    continue
                if self._known_reference(body, m.end(), people) is not None:
                    continue
                parsed = self._thai_full(body, m.start(), m.end(), people, home)
                if parsed:
                    add(parsed[0], m.start(), parsed[1])
            for record, start, end in self._thai_unmarked(body, home, taken):
                add(record, start, end)
        for m in self.hon_en.finditer(body):
            if taken.covers(m.start()) or (m.start() > 0 and body[m.start() - 1] == "("):
                continue
            parsed = self._english_full(body, m.start(), people, home)
            if parsed and (parsed[0].position or len(parsed[0].name.split()) >= 2):
                add(parsed[0], m.start(), parsed[1])
        for record, start, end in list(self._english_appositions(body, home, taken)):
            add(record, start, end)
        for m in self.positions.en_pattern.finditer(body):
            # "Prime Minister Srettha Thavisin", "Government Spokesperson Mr. Chai Wacharonke"
            if not taken.covers(m.start()) and (found := self._english_titled(body, m, home)):
                add(found[0], m.start(), found[1])
        # 2. back-references by a short form of a known name
        self._short_references(body, people, mentions, taken)
        # 3. references by title alone
        self._title_references(body, lang, home, people, mentions, taken)
        mentions.sort(key=lambda x: x.start)
        return PeopleResult(people, mentions)

    def _merge(self, people: list[PersonRecord], record: PersonRecord) -> int:
        """The index of record in people, merging it with an earlier mention of the same person
        (also one spelt without a tone mark or ์: "ประยุทธ จันทร์โอชา" is "ประยุทธ์ จันทร์โอชา")."""
        forms = {_spelling(record.name), *(_spelling(n) for n, _ in record.alt_names)}
        for index, other in enumerate(people):
            other_forms = {_spelling(other.name), *(_spelling(n) for n, _ in other.alt_names)}
            if forms & other_forms:
                other.alt_names.extend(a for a in record.alt_names if a not in other.alt_names)
                if other.position is None and record.position:
                    other.position, other.position_lang, other.role = (
                        record.position, record.position_lang, record.role)
                    other.country, other.portfolio = record.country, record.portfolio
                return index
        self._registry_state(record)
        people.append(record)
        return len(people) - 1

    def _registry_state(self, record: PersonRecord) -> None:
        """A person the registry knows serves its state, unless the text itself says another: so that
        "Prime Minister Sonexay Siphandone" in a Lao report is Lao before titles are resolved."""
        if record.stated:
            return
        phrase = record.position or ""
        if phrase and (self.countries.find(phrase, "th" if is_thai(phrase) else "en") or self.countries.find_demonyms(phrase)):
            return
        entry = registry().lookup(record.name, *(n for n, _ in record.alt_names))
        if entry and entry.country:
            record.country = entry.country

    def _known_reference(self, text: str, pos: int, people: list[PersonRecord]) -> int | None:
        """A known person whose given name (or name) starts at pos: "นายดอนฯ", "นายพุทธิพงษ์กล่าว"."""
        rest = text[pos:pos + 60].lstrip()
        best, best_len = None, 0
        for index, person in enumerate(people):
            for form in (person.name, person.name.split()[0]):
                if len(form) > best_len and rest.startswith(form):
                    after = rest[len(form):len(form) + 1]
                    # a full name, or a given name followed by ฯ, a space, a quote, or glued Thai text
                    if form == person.name or after in ("ฯ", " ", "", "”", '"', ",", ")") or is_thai(after):
                        best, best_len = index, len(form)
        return best

    def _short_references(self, body: str, people: list[PersonRecord], mentions: list[Mention],
                          taken: _Taken) -> None:
        forms: dict[str, int] = {}
        for index, person in enumerate(people):
            for form in person.given_forms():
                if form.lower() in {"mr", "ms", "dr", "the"}:
                    continue
                forms.setdefault(form, index) if forms.get(form, index) == index else forms.update({form: -1})
        usable = {f: i for f, i in forms.items() if i >= 0 and len(f) >= 2}
        if not usable:
            return
        thai_forms = [f for f in usable if is_thai(f)]
        latin_forms = [f for f in usable if not is_thai(f)]
        patterns = []
        if thai_forms:
            patterns.append(re.compile(r"(?:" + alternation(thai_forms) + r")"))
        if latin_forms:
            patterns.append(re.compile(r"(?<![\w-])(?:" + alternation(latin_forms) + r")(?![\w-])"))
        for pattern in patterns:
            for m in pattern.finditer(body):
                if taken.covers(m.start()):
                    continue
                if is_thai(m.group(0)) and not self._thai_reference_context(body, m.start()):
                    continue
                mentions.append(Mention(m.start(), m.end(), usable[m.group(0)], False))
                taken.add(m.start(), m.end())

    def _thai_reference_context(self, body: str, start: int) -> bool:
        """A Thai given name counts as a reference after an honorific, a title, a quote or a space."""
        before = body[max(0, start - 12):start]
        return bool(re.search(r"(?:นาย|นาง|นางสาว|ดร\.\s?|พล\.อ\.\s?|พลเอก\s?|นายกฯ\s|รองนายกฯ\s|[“\"]|^|\s)$", before))

    def _title_references(self, body: str, lang: str, home: str | None, people: list[PersonRecord],
                          mentions: list[Mention], taken: _Taken) -> None:
        """"รมว.กต.", "นายกรัฐมนตรี", "the Prime Minister": the one person in the release holding that office."""
        pattern = self.positions.th_pattern if is_thai(body) else self.positions.en_pattern
        for m in pattern.finditer(body):
            if taken.covers(m.start()):
                continue
            if not is_thai(m.group(0)) and not re.search(
                    r"(?:^|[.;:]\s|\b[Tt]he\s(?:two\s|[A-Z][a-z]+\s)?|\b(?:his|her|their|[Bb]oth)\s)$",
                    body[max(0, m.start() - 30):m.start()]):
                continue  # "the Prime Minister", not the "Minister for …" inside "Vice-Minister for …"
            role = self.positions.role.get(m.group(0))
            tail = body[m.end():m.end() + 40]
            org = None
            om = self.orgs.pattern.match(body, m.end()) or (
                self.orgs.pattern.match(body, m.end() + 7) if tail.startswith("กระทรวง") else None)
            if om:
                org = self.orgs.by_form[om.group(0)]
            cm = self.countries.thai_pattern.match(body, m.end() + (len(om.group(0)) if om else 0))
            country = self.countries.by_name_th[cm.group(0)] if cm else None
            if not is_thai(m.group(0)) and (dm := re.search(r"\b([A-Z][a-z]+)\s$", body[max(0, m.start() - 20):m.start()])):
                country = self.countries.code(dm.group(1)) or country  # "the Vietnamese FM"
            if country is None and lang == "th":
                # "รมว.กต." or "นายกรัฐมนตรี" with no country: the home government's office holder
                if org and self.orgs.info[org].country == home or (org is None and role in (
                        "head_of_government", "deputy_head_of_government")):
                    country = home
            candidates = [i for i, p in enumerate(people)
                          if p.role and (p.role == role or (role == "minister" and p.role in (
                              "deputy_head_of_government",) and p.portfolio))
                          and (country is None or p.country == country)
                          and (org is None or p.portfolio == org or self._same_portfolio(p, org))]
            if role in ("head_of_government",):
                candidates = [i for i in candidates if people[i].role == "head_of_government"]
            end = m.end() + (len(om.group(0)) if om else 0) + (len(cm.group(0)) if cm else 0)
            plural = re.match(r"s?\s?ทั้งสอง(?!ฝ่าย)|s\b", body[end:end + 10]) or re.search(
                r"\b(?:two|both)\s+$", body[max(0, m.start() - 10):m.start()], re.I)
            if plural:
                # "นายกรัฐมนตรีทั้งสอง", "the two Prime Ministers": one office holder of each side
                group = [i for i, p in enumerate(people) if p.role == role and p.country]
                if len(group) == 2 and people[group[0]].country != people[group[1]].country:
                    for index in group:
                        mentions.append(Mention(m.start(), end, index, False))
                    taken.add(m.start(), end)
                continue
            if len(candidates) > 1 and country is None:
                # "the Minister" in a release of the home government: its own minister
                candidates = [i for i in candidates if people[i].country == home]
            if not candidates and country and not is_thai(m.group(0)) and any(
                    p.stated and p.country == home for p in people):
                # "The Vietnamese FM" in a release that names its Thai side as Thai (a wire story): the one
                # holder of that office whose state the text had not given is of that state
                unstated = [i for i, p in enumerate(people) if p.role == role and not p.stated
                            and not (p.position and self.countries.find_demonyms(p.position))]
                if len(unstated) == 1:
                    people[unstated[0]].country, people[unstated[0]].stated = country, True
                    candidates = unstated
            if len(candidates) == 1:
                mentions.append(Mention(m.start(), end, candidates[0], False))
                taken.add(m.start(), end)

    def _same_portfolio(self, person: PersonRecord, org: str) -> bool:
        info = self.orgs.info.get(org)
        return bool(person.position and info and (info.name_th in person.position or info.name_en in person.position))
