"""The sides of an event: which states meet, host, attend, or are counterparts in a list.

A release names the sides of a meeting in many ways — "ไทย-สิงคโปร์", "กับสหรัฐฯ", "visit to Sri Lanka", an official
of a state named by title ("รมว.ไอซีทีสิงคโปร์", "the Japanese Foreign Minister"), a venue ("ณ กรุงจาการ์ตา"), a list
of states taking part ("leaders of Brunei, Cambodia and Laos"), several counterparts in one sentence ("the Foreign
Ministers of Chile, Peru and Mexico"). These rules read them for :class:`~.events.EventExtractor`.
"""

from __future__ import annotations

import copy
import re

from . import cues
from .candidates import Candidate, Context
from .text import is_thai

_DEMONYM_OFFICIAL = re.compile(
    r"\s(?:[A-Z][a-z]+\s){0,3}(?:counterparts?|sides?|Prime Minister|President|Minister|Secretary|delegation|Ambassador"
    r"|[Ll]eader|Premier|King|Chancellor|Vice[- ]Minister|prime ministers?|(?:foreign )?ministers?|presidents?|leaders)\b"
    # "The Thai and Malaysian prime ministers": the first of two demonyms sharing the office
    r"|\sand (?:[A-Z][a-z]+\s)(?:prime ministers|foreign ministers|ministers|presidents|leaders)\b")


class SideReader:
    """Rules of an event's sides; the event extractor's base (it holds the gazetteers)."""

    def _side_countries(self, ctx: Context, text: str, kind: str) -> set[str]:
        """States named as a side in a trigger's window: "ไทย-สิงคโปร์", "กับสหรัฐฯ", "visit to Sri Lanka",
        an official of a state named by title ("รมว.ไอซีทีสิงคโปร์"). A destination ("to France") is a
        side only of a visit: "a dinner hosted by the Thai Ambassador to France" is not a meeting with France."""
        lang = "th" if is_thai(text) else "en"
        found: set[str] = set()
        mentions = self.countries.find(text, lang)
        for k, (start, end, code) in enumerate(mentions):
            before = text[max(0, start - 14):start]
            chain = _hyphen_chain(text, mentions, k)
            if len(chain) > 1 and (cues.SOCIETY_BEFORE.search(text, max(0, start - 30), start)
                                   or _BETWEEN_NOT_MEETING.search(text, max(0, start - 40), start)):
                continue  # "สมาคมมิตรภาพไทย-กัมพูชา", "ความสัมพันธ์ระหว่างประเทศไทย – กัมพูชา": no sides of the talks
            if len(chain) > 1:
                # "ไทย-สิงคโปร์" names the two sides; "รถไฟจีน-ลาว" (no home country) is a railway and
                # "ลาว-ไทย-มาเลเซีย-สิงคโปร์" (more than two) a project
                if len(chain) == 2 and ctx.home in chain:
                    found.add(code)
                continue
            if re.search(r"(?:กับ|ฝ่าย|\bwith)\s?(?:the\s)?$", before):
                found.add(code)
            elif kind == "OfficialVisit" and re.search(r"(?:เยือน(?:ประเทศ)?|\bto|\bvisit|\b(?:is|was|are|were|been) in)\s?(?:the\s)?$",
                                                       before):  # "visit to China", "is in China on an official visit"
                found.add(code)
            elif kind == "BilateralMeeting" and re.search(r"\bto\s(?:the\s)?$", before) and re.search(
                    r"\b(?:welcomed|received)\b", text[max(0, start - 90):start]):
                found.add(code)  # "Prime Minister Gillard warmly welcomed Prime Minister Yingluck to Australia": the host
            elif _STATE_ACTS.match(text, end):
                found.add(code)  # "ซาอุดิอาระเบียเตรียมลงนาม MOU กับไทย", "Laos and Thailand signed …": the state acts
            elif _INVITED_BY.search(text[max(0, start - 40):start]):
                found.add(code)  # "ตามคำเชิญของรัฐบาลจีน", "at the invitation of the Government of Japan": the host
            elif re.search(r"(?:ของ|แห่ง|\bof)\s?(?:the\s)?$", before) and (
                    self.positions.th_pattern if lang == "th" else self.positions.en_pattern).search(
                    text[max(0, start - 60):start]):
                found.add(code)  # an official of that state: "the Minister of Foreign Affairs of Chile"
            elif lang == "th" and self._titled(text, start):
                found.add(code)  # "รมว.ไอซีทีสิงคโปร์", "รัฐมนตรีว่าการกระทรวงการต่างประเทศจีน": a title glued to it
        if kind == "AgreementSigning":
            for m in _BETWEEN_PLACES.finditer(text):
                # "ลงนาม … ระหว่าง จังหวัดภูเก็ต ราชอาณาจักรไทย กับ เมืองเซี่ยเหมิน … สาธารณรัฐประชาชนจีน": each party's state
                # after its city
                states = {code for _s, _e, code in self.countries.find(m.group(0), lang)}
                if len(states) == 2 and ctx.home in states:
                    found |= states
        for start, _end, pair in self.countries.joined_spans(text, lang):
            if ctx.home in pair and not _BETWEEN_NOT_MEETING.search(text, max(0, start - 40), start):
                found |= set(pair)  # "ไทยและลาว", "Thailand and Laos"; not "tensions between Thailand and Cambodia"
        if lang == "en":
            for start, _end, code in self.countries.find_demonyms(text):
                if _DEMONYM_OFFICIAL.match(text, _end):  # "the Japanese Foreign Minister", "his Lao counterpart"
                    found.add(code)
        return found

    def _titled(self, text: str, start: int) -> bool:
        """A title runs, without a break, into the country name at start: "รัฐมนตรีการค้าเกาหลีใต้"; an abbreviated
        one may stand a space before it: "รมว.กต. เวียดนาม", "ออท. โปแลนด์"."""
        gap = start - 1 if text[max(0, start - 2):start] == ". " else start
        lo = max(0, start - 80, text.rfind(" ", 0, gap) + 1)
        heads = list(self.positions.th_pattern.finditer(text, lo, start))
        return bool(heads) and not re.search(r"กับ|และ(?!รัฐมนตรี)|หารือ|ได้|ต่อ|ของ(?!กระทรวง)", text[heads[-1].end():start])

    def _counterparts(self, ctx: Context, cand: Candidate) -> list[Candidate]:
        """Several counterparts of different states in one sentence: "met with the Foreign Ministers of Chile,
        Peru and Mexico" is one meeting with each; "เอกอัครราชทูตลาว กัมพูชา และเวียดนาม … เข้าเยี่ยมคารวะ" is
        one joint courtesy call of them all."""
        if cand.kind == "MultilateralMeeting" and cand.name and (pair := cues.NUMBERED_PAIR.search(cand.name)):
            # "การประชุมสุดยอดอาเซียน ครั้งที่ 44 และ 45": two summits, on the dates the text gives them together
            out = []
            for number, suffix in ((pair["a"], pair["sa"]), (pair["b"], pair["sb"])):
                one = copy.copy(cand)
                one.name = cand.name[:pair.start()] + number + (suffix or "") + cand.name[pair.end():]
                one.aliases = {name_key(one.name)}
                one.evidence, one.participants = list(cand.evidence), list(cand.participants)
                one.countries = set(cand.countries)
                out.append(one)
            return out
        if cand.kind == "MultilateralMeeting" and (partners := self._dialogue_partners(ctx, cand)):
            out = []
            for state, written in partners:
                one = copy.copy(cand)
                one.countries = {state} | ({ctx.home} & cand.countries)
                one.name = f"{cand.name} – {written}" if cand.name else None
                # keyed by the partner first: the list's name alone (the headline's) is none of them
                one.aliases = {name_key(f"{written} {cand.name}")} if cand.name else set()
                one.evidence, one.participants = list(cand.evidence), list(cand.participants)
                out.append(one)
            return out
        if cand.kind not in ("BilateralMeeting", "CourtesyCall") or cand.hosted:
            return [cand]
        states = [c for c in self._listed_counterparts(cand.window) if c != ctx.home]
        pivot = {ctx.home} & cand.countries
        if len(states) < 2:
            states, pivot = self._several_of_one_side(ctx, cand)
        if len(states) < 2:
            return [cand]
        if cand.kind == "CourtesyCall" and not _EACH_APART.search(cand.window):
            cand.countries |= set(states)
            cand.joint = True
            return [cand]
        out = []
        for state in states:
            one = copy.copy(cand)
            one.countries = {state} | pivot
            one.participants = [p for p in cand.participants
                                if p < 0 or ctx.people.people[p].country in ({None, state} | pivot)]
            one.evidence = list(cand.evidence)
            one.aliases = set(cand.aliases)
            out.append(one)
        return out

    def _several_of_one_side(self, ctx: Context, cand: Candidate) -> tuple[list[str], set[str]]:
        """People of several states on one side of the verb and one state on the other: "Korean Ambassador X and
        US Ambassador Y each paid courtesy calls on …", "telephone conversations with three of his counterparts –
        A, B and C". Returns the several states and the one they each met."""
        if len({ctx.people.people[p].country for p in cand.participants if p >= 0} - {None}) < 3:
            return [], set()  # one state on a side and two on the other make three at least
        sides: tuple[dict[str, None], dict[str, None]] = ({}, {})
        first = {}
        for m in ctx.mentions_in(ctx.sentences[cand.sentence].start, ctx.sentences[cand.sentence].end):
            first.setdefault(m.person, m.start)
        for p in cand.participants:
            if p >= 0 and (state := ctx.people.people[p].country) and p in first:
                sides[first[p] >= cand.start][state] = None
        before, after = list(sides[0]), [s for s in sides[1] if s not in sides[0]]
        if len(before) == 1 and len(after) >= 2:
            return after, set(before)
        if len(after) == 1 and len(before) >= 2:
            return [s for s in before if s != after[0]], set(after)
        if ctx.home in cand.countries:  # the sides not told apart by the verb: each foreign state met ours
            return [s for s in dict.fromkeys(before + after) if s != ctx.home], {ctx.home}
        return [], set()

    def _dialogue_partners(self, ctx: Context, cand: Candidate) -> list[tuple[str, str]]:
        """The dialogue partners (code, as written) listed right after an ASEAN meeting's name, each a meeting
        of its own."""
        sentence = ctx.sentences[cand.sentence]
        at = cand.end - sentence.start
        intro = cues.DIALOGUE_PARTNERS.search(sentence.text, max(0, at - 40), at + 60)
        if intro is None or not cues.GROUPING_NAME.search(sentence.text, max(0, at - 120), at):
            return []
        rest = sentence.text[intro.end():intro.end() + 200]
        lang = "th" if is_thai(rest) else "en"
        listed: dict[str, str] = {}
        cursor = 0
        for start, end, code in self.countries.find(rest, lang):
            if not cues.LIST_GAP.fullmatch(rest[cursor:start]):
                break
            if code != ctx.home:
                listed.setdefault(code, rest[start:end])
            cursor = end
        return list(listed.items()) if len(listed) >= 2 else []

    def _listed_counterparts(self, text: str) -> list[str]:
        lang = "th" if is_thai(text) else "en"
        mentions = self.countries.find(text, lang)
        run: list[tuple[int, int, str]] = []
        for mention in mentions + [(len(text) + 1, len(text) + 1, "")]:
            if run and mention[2] and cues.LIST_GAP.fullmatch(text[run[-1][1]:mention[0]]) and mention[0] > run[-1][1]:
                run.append(mention)
                continue
            if len(run) >= 2 and (cues.COUNTERPART_LIST.search(text, max(0, run[0][0] - 60), run[0][0])
                                  or (lang == "th" and self._titled(text, run[0][0]))):
                return list(dict.fromkeys(code for _s, _e, code in run))
            run = [mention] if mention[2] else []
        return []

    def _attending(self, text: str) -> set[str]:
        """"โดยมีผู้นำจากบังกลาเทศ ภูฏาน อินเดีย … เข้าร่วม", "leaders of Brunei, Cambodia and Laos"."""
        lang = "th" if is_thai(text) else "en"
        found: set[str] = set()
        for intro in cues.ATTENDING_LIST.finditer(text):
            names = self.countries.find(text[intro.end():], lang)
            cursor = 0
            for start, end, code in names:
                if not cues.LIST_GAP.fullmatch(text[intro.end() + cursor:intro.end() + start]):
                    break
                found.add(code)
                cursor = end
        return found

    def _hosts(self, text: str) -> set[str]:
        """The state hosting a conference: "ณ กรุงจาการ์ตา สาธารณรัฐอินโดนีเซีย", "hosted by the Lao PDR"."""
        lang = "th" if is_thai(text) else "en"
        found = set()
        for start, end, code in self.countries.find(text, lang):
            before, after = text[max(0, start - 30):start], text[end:end + 16]
            if (re.search(r"ณ\s?(?:กรุง|นคร)?\S*\s?$|(?:^|\s)ที่\s(?:ประเทศ)?$|(?:^|\s)ที่ประเทศ$"  # "… ครั้งที่ 9 ที่ สปป.ลาว"
                          r"|\bin [A-Z][a-z]+(?: [A-Z][a-z]+){0,2},\s(?:the\s)?$|hosted by (?:the\s)?$", before)
                    or re.match(r"\s?(?:เป็นเจ้าภาพ|as (?:the )?host)", after)):
                found.add(code)
        for start, _end, code in self.countries.find_places(text, lang):
            if re.search(r"(?:ณ|ที่)\s?$|\b(?:in|at)\s$", text[max(0, start - 4):start]):
                found.add(code)  # "ณ กรุงเวียงจันทน์", "in Jakarta"
        return found


# Several callers, one call each: "each paid a courtesy call", "paid separate courtesy calls", "แยกกัน".
_EACH_APART = re.compile(r"\beach\b|\bseparate(?:ly)?\b|แยกกัน|ต่างคนต่าง")
# "between" after a word that is no meeting: what lies between the two states, not talks of theirs.
_BETWEEN_NOT_MEETING = re.compile(r"\b(?!talks\b|meetings?\b|consultations?\b|discussions?\b|held\b|signed\b)[a-z]+"
                                  r" between (?:the )?$|(?<!การหารือ)(?<!การประชุม)(?<!ประชุม)(?<!หารือ)(?<!ลงนาม)ระหว่าง(?:ประเทศ)?(?:\S{1,20}\s?[-–]\s?)?$")
_BETWEEN_PLACES = re.compile(r"ระหว่าง(?!ประเทศ)\s?[^\s]+(?:\s[^\s]+){0,3}\s?กับ\s?[^\s]+(?:\s[^\s]+){0,3}")
_STATE_ACTS = re.compile(r"\s?(?:ได้|จะ|เตรียม|มีกำหนด|ร่วมกัน|will|has|have|to)?\s?(?:จะ|ได้)?\s?"
                         r"(?:ลงนาม|เซ็น|หารือ|signed|sign|held talks|met)")
_INVITED_BY = re.compile(r"(?:คำเชิญ(?:จาก|ของ)\s?(?:รัฐบาล|ประธานาธิบดี|นายกรัฐมนตรี)?|\binvitation (?:of|from) (?:the )?"
                         r"(?:[Gg]overnment of (?:the )?)?)$")


def _hyphen_chain(text: str, mentions: list[tuple[int, int, str]], k: int) -> list[str]:
    """The countries joined to mention k by hyphens or dashes ("ไทย-จีน", "Thailand–Korea")."""
    chain = [mentions[k][2]]
    i = k
    while i > 0 and re.fullmatch(r"\s?[-–]\s?", text[mentions[i - 1][1]:mentions[i][0]]):
        i -= 1
        chain.insert(0, mentions[i][2])
    i = k
    while i + 1 < len(mentions) and re.fullmatch(r"\s?[-–]\s?", text[mentions[i][1]:mentions[i + 1][0]]):
        i += 1
        chain.append(mentions[i][2])
    return chain


def name_key(name: str) -> str:
    """A meeting name as compared across mentions: no spaces, dots, dashes or case, and no "Meeting of
    the" ("the 22nd Meeting of the Joint Commission …" is "the 22nd Joint Commission …")."""
    name = re.sub(r"\b(?:Meeting|Session) of (?:the )?", "", name, flags=re.I)
    name = _ORDINAL_WORD.sub(lambda m: _ORDINALS[m.group(0).lower()], name)  # "Second …" is "2nd …"
    return re.sub(r"[\s’'.\-–:]+", "", name).lower()


_ORDINALS = {w: f"{n}{'st' if n == 1 else 'nd' if n == 2 else 'rd' if n == 3 else 'th'}" for n, w in enumerate(
    ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"), 1)}
_ORDINAL_WORD = re.compile(r"\b(?:" + "|".join(_ORDINALS) + r")\b", re.I)
