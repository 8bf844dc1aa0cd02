"""Thai introductions of people: honorific, name, Latin form, title — and the forms news uses without them.

"นายเอส อิสวารัน (H.E. Mr. S. Iswaran) รัฐมนตรีว่าการกระทรวงสื่อสารและสารสนเทศ ของสาธารณรัฐสิงคโปร์", the title
first ("รมช.กต. นายชัยชนะ ศรีสุข"), a name in brackets after its title, a quoted name ("นายกรัฐมนตรี “แพทองธาร
ชินวัตร”"), a name glued to its title before the state ("ประธานาธิบดีเอ็มมานูแอล มาครง ของฝรั่งเศส").
"""

from __future__ import annotations

import re
from functools import cache

from .cues import SPOUSE_TH
from .person import PersonRecord, Taken
from .text import is_thai
from .titles import CLAUSE_RE, TitleReader

# Common nouns that begin like an honorific: นายก(รัฐมนตรี), นายทหาร, นางพยาบาล …
_NOT_A_NAME = re.compile(
    r"(?:นายก(?:รัฐมนตรี|ฯ|สมาคม|เทศมนตรี|องค์การ|อบ)|นายทหาร|นายอำเภอ|นายจ้าง|นายหน้า|นายทุน|นายด่าน|นายตำรวจ|นายสถานี|นางพยาบาล|นางงาม|นางแบบ)")
_SPOUSE_WORD = re.compile(SPOUSE_TH)
_LATIN_PAREN = re.compile(r"\s*\(([^()]{2,80})\)")
# Latin-script names after a Thai honorific keep their accents: "นาย Andrés Manuel López Obrador"
_THAI_NAME_CHUNK = re.compile(r"[\u0e00-\u0e7fA-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"
                              r"[\u0e00-\u0e7fA-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f.\-’']*")
_GENERATION = re.compile(r"\s+(ที่\s*\d+|I{1,3}|IV|Jr\.?)(?=[\s(,]|$)")
_QUOTED_NAME = re.compile(r"[“\"]([\u0e00-\u0e7f]{2,20}(?: [\u0e00-\u0e7f]{2,25}){1,2})[”\"]")
_GLUED_TITLE_NAME = re.compile(r"(ประธานาธิบดี|นายกรัฐมนตรี|สมเด็จพระราชาธิบดี|รัฐมนตรีต่างประเทศ)"
                               r"([\u0e00-\u0e7f]{2,20} [\u0e00-\u0e7f]{2,20}) (?:ของ|แห่ง)([\u0e00-\u0e7f.]{2,30})")
_NEXT_WORD = re.compile(r" ([\u0e00-\u0e7f.]{4,40})")
_THAI_NAME_ONLY = re.compile(r"[\u0e00-\u0e7f.\-]+(?: [\u0e00-\u0e7f.\-]+){0,5}")
# Two or three words after a clause boundary and before an office: a name the news gives without นาย/นาง.
_BARE_NAME_AT = re.compile(r"([\u0e00-\u0e7f]{2,15}(?: [\u0e00-\u0e7f]{2,20}){1,2}) (?=\S)")


def _bare_names(body: str):
    """A bare name before an office (_BARE_NAME_AT), tried only where a line, "ว่า " or "โดย " ends: a regex search
    from every position of every Thai release costs more than three substring searches."""
    starts = {0}
    for needle in ("\n", "ว่า ", "โดย "):
        at = body.find(needle)
        while at >= 0:
            starts.add(at + len(needle))
            at = body.find(needle, at + 1)
    for start in sorted(starts):
        if m := _BARE_NAME_AT.match(body, start):
            yield m


def _foreign_word(word: str) -> bool:
    """A transliterated foreign name's word: not a Thai word, nor two Thai words written together (a name is
    foreign when none of its words is a Thai word and one at least is neither)."""
    words = _thai_dictionary()
    if word in words:
        return False
    return not any(word[:k] in words and word[k:] in words for k in range(2, len(word) - 1))


@cache
def _thai_dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words
    return frozenset(thai_words())


class ThaiNames(TitleReader):
    """The Thai forms of introducing a person."""

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
                    CLAUSE_RE.match(word) and not (len(chunks) == 1 and self._surname_before_title(text, cm.end())))):
                break
            if len(chunks) >= 2 and self.countries.thai_pattern.search(word):
                break  # "นายอาหมัด ซาเลห์ นักการทูตมาเลเซีย": an office we do not know, naming its state
            if chunks and _SPOUSE_WORD.match(word):
                break  # "ตุน ดร. ซีตี ฮัสมะฮ์ บินตี โมฮัมหมัด อาลี ภริยา": the spouse's word closes the name
            glued = next((m for m in self.positions.th_pattern.finditer(word, 2, 22) if len(m.group(0)) >= 8),
                         None) if len(chunks) == 1 and is_thai(word[:2]) else None
            if glued is not None and not CLAUSE_RE.search(word, 0, glued.start()) and "และ" not in word[:glued.start()]:
                # "พ.ต.ต.สงวน โรงสะอาดผู้บังคับการตำรวจภูธร…": the surname runs into its office
                chunks.append(word[:glued.start()])
                end = cm.start() + glued.start()
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
        spouse = position is None and latin is None and bool(_SPOUSE_WORD.match(text, end + 1))
        if len(chunks) > 4 and position is None and latin is None and not spouse:
            return None  # a long run of words is a name only when its title, Latin form or "ภริยา" closes it
        before = self._thai_title_before(text, pos) if position is None else None
        if before is not None:
            position = (end, before)  # "รมช.กต. นายชัยชนะ ศรีสุข", "ออท. โปแลนด์/ไทย นายยาน โนวัค"
        elif position is None and (shared := self._shared_title(text, end)):
            position = (end, shared)  # "นางสาวศิรมนต์ โสภา และนางสาวนภสร แซ่ลิ่ม นักวิเทศสัมพันธ์": both hold it
        if position is None and latin is None and end >= len(text.rstrip()) - 1:
            return None  # the page stops in the name ("นายภุชงค์ วรศร…"): not a whole name
        if position is None and latin is None and not spouse:
            # no position and no Latin form: accept only a clean given name + surname
            if len(chunks) != 2 or len(chunks[0]) > 20 or len(chunks[1]) > 20:
                return None
            if text[end:end + 1] not in (" ", "", "\n", ",", "”", '"'):
                return None
        elif position is None and len(chunks) == 1 and CLAUSE_RE.search(chunks[0][2:]):
            return None
        state_after = None
        if position is None and (word := _NEXT_WORD.match(text, end)) and (
                named := self.countries.find(word.group(1), "th")) and named[-1][2] != home:
            state_after = named[-1][2]  # "นายอาหมัด ซาเลห์ นักการทูตมาเลเซีย", "… จากมาเลเซีย": no office we know, a state
        name = " ".join(chunks)
        record = PersonRecord(name=name, lang="th", country=state_after)
        record.honorifics.extend(h.group(0) for h in self.hon_th.finditer(text, pos, hon_end))
        if latin:
            record.alt_names.append((latin, "en"))
        if position:
            end, phrase = position
            record.position, record.position_lang = phrase, "th"
            record.role = self._role(phrase)
            record.country, record.portfolio = self._country_of_position(phrase, home)
        return record, end

    def _thai_unmarked(self, body: str, home: str | None, taken: Taken):
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
                    or CLAUSE_RE.match(name) or self.countries.thai_pattern.match(name)
                    or self.positions.th_pattern.match(name) or state not in self.countries.by_name_th):
                continue
            record = PersonRecord(name=name, lang="th", position=title + "ของ" + state, position_lang="th",
                                  role=self.positions.role.get(title), country=self.countries.by_name_th[state],
                                  stated=True)
            yield record, m.start(), m.end()

        for m in _bare_names(body):
            # "ว่า เดเร็ก โชเลต์ ที่ปรึกษากระทรวงการต่างประเทศสหรัฐ ได้เดินทาง …": a foreign name, no honorific, its
            # office and state after it; the words are no Thai words (Thai words would make a clause, not a name)
            name = m.group(1)
            title = self.positions.th_pattern.match(body, m.end(1) + 1)
            words = name.split()
            if taken.covers(m.start(1)) or title is None or self.hon_th.search(name) or any(
                    w in _thai_dictionary() for w in words) or not any(_foreign_word(w) for w in words):
                continue  # "เริ่มต้นกันที่นายอันวาร์ …": an honorific inside is the other reading's
            phrase = _THAI_NAME_ONLY.match(body, title.start()).group(0).split(" ")[0]
            country, portfolio = self._country_of_position(phrase, home)
            if country in (None, home):
                continue
            record = PersonRecord(name=name, lang="th", position=phrase, position_lang="th", role=self._role(phrase),
                                  country=country, portfolio=portfolio, stated=True)
            yield record, m.start(1), title.start() + len(phrase)

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
            if found is not None and found[0] >= tail and not CLAUSE_RE.search(window, m.end(), tail):
                return found[1]
        return None

    def _surname_before_title(self, text: str, end: int) -> bool:
        """A surname that begins like a verb ("มีสุข", "ร่วมใจ") is still a surname when the position
        phrase or the Latin form follows it: "นายสมพงษ์ มีสุข รองปลัดกระทรวง…"."""
        nxt = text[end:end + 2]
        return nxt == " (" or (nxt[:1] == " " and bool(self.positions.th_pattern.match(text, end + 1)))
