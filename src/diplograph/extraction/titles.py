"""Position phrases: where a title ends, whose office it is, which role it names.

Shared by the Thai and English readers of names (:mod:`.names_th`, :mod:`.names_en`): a release states a
person's office in a phrase ("รองนายกรัฐมนตรี รัฐมนตรีว่าการกระทรวงการต่างประเทศ และรัฐมนตรีด้านการประมงนอร์เวย์",
"Minister of Economy, Trade and Industry of Japan") whose end, state and highest office these rules read.
"""

from __future__ import annotations

import re

from .. import gazetteer
from ..gazetteer import alternation
from .text import is_thai

# Words that end a Thai name or position phrase: verbs and connectives that follow a
# person's introduction in release prose.
_THAI_CLAUSE_WORDS = (
    "ได้", "กล่าว", "เปิดเผย", "ให้การต้อนรับ", "หารือ", "ผ่าน", "เพื่อ", "ใน", "ณ", "ซึ่ง", "โดย", "ที่", "เป็น",
    "ร่วม", "ระหว่าง", "เกี่ยวกับ", "เมื่อ", "ลงนาม", "ประชุม", "จะ", "และได้", "ยืนยัน", "แสดง", "ขอบคุณ",
    "เดินทาง", "นำ", "พร้อม", "ได้รับ", "มี", "ตาม", "ยัง", "แจ้ง", "เสนอ", "เห็น", "ย้ำ", "รับ", "ต่อ", "ด้วย",
    "ถึง", "กับ", "แก่", "ว่า", "ระบุ", "อวยพร", "ฝาก", "เชิญ", "ใช้", "มอบ", "ประสาน", "ดำรง", "ครบ", "เข้า",
    "ก่อน", "หลัง", "สำหรับ", "จาก", "เลือก", "ขอ", "ตอบ", "รายงาน", "ชื่นชม", "ยินดี", "อีก", "ออก",
)
# Verbs that may be glued to the end of a title ("…เกาหลีใต้ซึ่งเดินทางมาเยือน", "…ญี่ปุ่นได้หารือ"):
# never part of an office's name (unlike "ที่" or "เพื่อ", found inside ministries' names).
_GLUED_VERB = re.compile(r"ซึ่ง|ได้(?!แก่)|ให้การ|เข้าเยี่ยม|เข้าพบ|เดินทาง|(?<!ผู้มา)เยือน|หารือ|กล่าว|เปิดเผย|ลงนาม|พร้อมด้วย|ในโอกาส"
                         r"|ร่วมกับ|ระหว่างการ|(?:และ|พร้อม)คณะ")
CLAUSE_RE = re.compile(r"(?:" + alternation(list(_THAI_CLAUSE_WORDS)) + r")")


# a company's officer first: "President and CEO" is a businessman, not a head of state
_ROLE_PRIORITY = ("business", "head_of_state", "head_of_government", "deputy_head_of_government", "minister",
                  "deputy_minister", "ambassador", "official", "party", "former", "spokesperson")
NOT_TAKING_PART = ("spokesperson", "former", "business")  # named in a report, never a side of it
OWN_OFFICES = ("head_of_government", "deputy_head_of_government", "minister", "deputy_minister", "official",
                "spokesperson")


_PORTFOLIO_BEFORE = re.compile(r"(?:[A-Z][a-z]+\s(?:and\s)?)+")


def _honorific_regex(lang: str) -> re.Pattern[str]:
    table = gazetteer.honorifics()
    if lang == "th":
        return re.compile(r"(?:" + alternation(table.th) + r")")
    return re.compile(r"(?<![\w.])(?:" + alternation(table.en) + r")(?=\s)")


class TitleReader:
    """Compiled gazetteer patterns and the rules of position phrases; the base of the name readers."""

    def __init__(self) -> None:
        self.countries = gazetteer.countries()
        self.orgs = gazetteer.organizations()
        self.positions = gazetteer.positions()
        self.hon_th = _honorific_regex("th")
        self.hon_en = _honorific_regex("en")
        self.hon_en_chain = re.compile(r"(?:(?:" + alternation(gazetteer.honorifics().en) + r")\s+)+")
        self.spaced_hon_en = re.compile(r"\s+(?:(?:" + alternation(gazetteer.honorifics().en) + r")\s+)*")

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
            if word == "ณ" and index + 1 < len(words) and (post_end := self._post_end(words[index + 1].group(0))):
                # "เอกอัครราชทูต ณ กรุงโตเกียว", "กงสุลใหญ่ ณ แขวงสะหวันนะเขตเข้าร่วม…": a post (a verb may be glued on)
                end, index = start + words[index + 1].start() + post_end, index + 2
                if post_end < len(words[index - 1].group(0)):
                    break
                continue
            if self._continues_position(word) or self.positions.th_pattern.match(word):
                # "รองนายกรัฐมนตรี รัฐมนตรีว่าการกระทรวงการต่างประเทศ และรัฐมนตรีด้าน…": a list of offices
                end, index = start + words[index].end(), index + 1
                continue
            # a ministry name may run over a few words before the country that closes it:
            # "รัฐมนตรีการค้า กระทรวงการค้า อุตสาหกรรม และพลังงาน สาธารณรัฐเกาหลี"
            ahead = words[index:index + 3]
            closing = next((k for k, w in enumerate(ahead) if self._is_country_word(w.group(0))
                            or self._ends_with_country(w.group(0))
                            or (k and "กระทรวง" in text[start:end] and self._last_portfolio(w.group(0)))), None)
            if closing is None or any(CLAUSE_RE.match(w.group(0)) for w in ahead[:closing]):
                break
            end, index = start + ahead[closing].end(), index + closing + 1
        else:
            glued = _GLUED_VERB.search(text, end - len(words[-1].group(0)) + 2, end)
            end = glued.start() if glued else end
        return end, text[start:end].rstrip(",")

    def _post_end(self, word: str) -> int:
        """Where a post's place ends in the word after "ณ": a place we know, or any capital the word
        "กรุง"/"นคร" names ("ณ กรุงเม็กซิโก"), up to a verb glued on; 0 when the word is no post."""
        if post := self.countries.post_th.match(word):
            return post.end()
        if not word.startswith(("กรุง", "นคร")) or len(word) < 6:
            return 0
        glued = _GLUED_VERB.search(word, 4)
        return glued.start() if glued else len(word)

    def _is_country_word(self, word: str) -> bool:
        """"ญี่ปุ่น", "ของสิงคโปร์", "สหรัฐฯ", and the MFA's "โปแลนด์/ไทย" (of Poland, to Thailand)."""
        return all(re.sub(r"^(?:ของ|แห่ง|ประเทศ)", "", part).rstrip("ฯ") in self.countries.by_name_th
                   for part in word.split("/"))

    def _state_at_end(self, word: str):
        """The state's name that closes the word ("…และประชากรเมียนมา", "…ของญี่ปุ่นฯ"), if one does."""
        return next((m for m in self.countries.thai_pattern.finditer(word) if m.end() == len(word.rstrip("ฯ"))), None)

    def _ends_with_country(self, word: str) -> bool:
        """"…แรงงานและสวัสดิการของญี่ปุ่น": the last word of a ministry's name, closed by its state."""
        state = self._state_at_end(word)
        return bool(state) and (state.start() == 0 or word[:state.start()].endswith(("ของ", "แห่ง")))

    def _last_portfolio(self, word: str) -> bool:
        """"กระทรวงแรงงาน ตรวจคนเข้าเมือง และประชากรเมียนมา": the last of a ministry's spaced list of
        portfolios, closed by its state — not a clause glued on ("และคณะเยือนเมียนมา")."""
        if not word.startswith("และ"):
            return False
        state = self._state_at_end(word)
        return bool(state and 3 < state.start() <= 24 and not _GLUED_VERB.search(word, 0, state.start())
                    and not CLAUSE_RE.search(word, 3, state.start()))

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
        # "เอกอัครราชทูตไทย ณ กรุงไนโรบี สาธารณรัฐเคนยา": the state before a post's "ณ" is the one served too
        cut = re.search(r"ประจำ|(?<=\S)\s?ณ\s?(?=กรุง|นคร|เมือง)|accredited to|\bto\b|/", position)
        own = position[: cut.start()] if cut else position
        posted = re.match(r"(?:เอกอัครราชทูต|ออท\.|อัครราชทูต|กงสุลใหญ่|กงสุล)\s?(?:ณ|ประจำ)\s?", position)
        if posted and (re.match(r"กรุง|นคร|เมือง|แขวง|จังหวัด|รัฐ", position[posted.end():])
                       or self.countries.post_th.match(position, posted.end())):
            # "เอกอัครราชทูต ณ กรุงโตเกียว", "… ณ เวียงจันทน์", "กงสุลใหญ่ ณ แขวงสะหวันนะเขต": the home state's, posted there
            return home, None
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
        if not found and portfolio and self.orgs.info[portfolio].country not in (None, "TH"):
            return self.orgs.info[portfolio].country, portfolio  # "State Department Counselor": the body's state
        if found:
            return found[-1][2], portfolio
        if places := self.countries.find_places(own, "th" if is_thai(own) else "en"):
            return places[-1][2], portfolio  # "เจ้าแขวงสะหวันนะเขต", "Governor of Koh Kong": the state of the province
        # no country named: the speaking government's own office holder ("รัฐมนตรีว่าการกระทรวง
        # การต่างประเทศ", "นายกรัฐมนตรี", "Minister of Foreign Affairs" in its own release) — releases
        # always name a foreign official's state; an ambassador's post alone does not say which side
        role = self._role(own)
        if role in OWN_OFFICES and not paired:
            return home, portfolio
        return None, portfolio

    def _is_state_word(self, text: str) -> bool:
        """"Thai " before "Deputy Prime Minister": a state's name or adjective, nothing else."""
        word = re.fullmatch(r"([A-Z][a-z]+)\s", text)
        return bool(word and self.countries.code(word.group(1)))

    def _role(self, position: str) -> str | None:
        """The highest office a position phrase names ("member of the Politburo and foreign minister": minister)."""
        pattern = (self.positions.th_pattern if is_thai(position) else self.positions.en_pattern
                   if position[:1].isupper() else self.positions.en_lower_any)
        # an office heads the phrase or follows "และ"/"and": "โฆษกประจำสำนักนายกรัฐมนตรี" is a spokesperson
        roles = {self.positions.role.get(m.group(0)) for m in pattern.finditer(position)
                 if m.start() == 0 or re.search(r"(?:และ\s?|\band\s)$", position[:m.start()])
                 or self._is_state_word(position[:m.start()])
                 or _PORTFOLIO_BEFORE.fullmatch(position, 0, m.start())}  # "Interior Minister", "Public Health Minister"
        return next((r for r in _ROLE_PRIORITY if r in roles), None)
