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

from ..resolve import registry
from .names_en import EnglishNames
from .names_th import ThaiNames
from .person import Mention, PeopleResult, PersonRecord, spelling, stated_in_position, Taken
from .text import is_thai

__all__ = ["Mention", "PeopleExtractor", "PeopleResult", "PersonRecord"]


# "the Prime Minister", "his counterpart's …", a sentence start: an office used as a reference
_DETERMINED = re.compile(r"(?:^|[.;:]\s|\b[Tt]he\s(?:two\s|[A-Z][a-z]+\s)?|\b(?:his|her|their|[Bb]oth)\s)$")
_DEMONYM_BEFORE = re.compile(r"\b[Tt]he [A-Z][a-z]+ $")
_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s$")
_PLURAL_AFTER = re.compile(r"s?\s?ทั้งสอง(?!ฝ่าย)|s\b")
_PLURAL_BEFORE = re.compile(r"\b(?:two|both)\s+$", re.I)


_RESPECT = re.compile(r"ท่าน(?!ผู้|ทูต|นายก|จะ|ได้|เป็น|ก็|มี|กล่าว|ยัง|ให้|เคย|คง|อาจ|ต้อง|ใหม่|หนึ่ง|อื่น|นี้|นั้น|แรก|ต่อ|เดียว|ละ|ทั้ง)(?=[\u0e01-\u0e2e\u0e40-\u0e44])")


class PeopleExtractor(ThaiNames, EnglishNames):
    """Finds people in one release body. Holds compiled patterns; create once, call per release."""

    def extract(self, body: str, lang: str, home: str | None = "TH") -> PeopleResult:
        people: list[PersonRecord] = []
        mentions: list[Mention] = []
        taken = Taken(len(body))

        def add(record: PersonRecord, start: int, end: int) -> None:
            if len(record.name.replace(" ", "")) < 3:
                return  # "นายก\nรัฐมนตรี" broken by the page: "นาย" + "ก" is no one
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
            for m in _RESPECT.finditer(body) if "ท่าน" in body else ():
                # "พร้อมด้วยท่านเหงียน ดึ๊ก จิ๋น ประธานคณะกรรมการประชาชนจังหวัดกวางตรี": "ท่าน" is also "he"/"you", so
                # only a name that an office follows is taken
                if not taken.covers(m.start()) and (parsed := self._thai_full(body, m.start(), m.end(), people, home)) and (
                        parsed[0].role and len(parsed[0].name.split()) >= 2):
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
        for m in self.positions.en_lower_any.finditer(body) if lang == "en" else ():
            # news writes the office in lower case after its state: "US secretary of state John Ward"
            if not taken.covers(m.start()) and (found := self._english_titled(body, m, home, stated_only=True)):
                add(found[0], m.start(), found[1])
        # 1b. registered people Thai names bare ("นายกรัฐมนตรียิ่งลักษณ์ ชินวัตร", "เวิน เจีย เป่า เข้าพบ …"); an
        # English text's bare names are read by the rules above, or are passing mentions
        for m in registry().thai_forms_pattern().finditer(body) if is_thai(body) else ():
            if not taken.covers(m.start()) and not taken.covers(m.end() - 1):
                entry = registry().lookup(m.group(0))
                record = self._registered(body, m.start(), m.group(0), entry) if entry is not None else None
                if record is not None and (record.position or "\n" not in body[:m.start()]):
                    add(record, m.start(), m.end())  # titled, or in the headline: not a name in passing
        # 2. back-references by a short form of a known name
        self._short_references(body, people, mentions, taken)
        # 3. references by title alone
        self._title_references(body, lang, home, people, mentions, taken)
        mentions.sort(key=lambda x: x.start)
        return PeopleResult(people, mentions)

    def _registered(self, body: str, start: int, text: str, entry) -> PersonRecord:
        """A registered person named bare, with the title glued before the name if there is one
        ("นายกรัฐมนตรีสาธารณรัฐประชาชนจีน เวิน เจียเป่า", "President Rodrigo Duterte")."""
        thai = is_thai(text)
        record = PersonRecord(name=(entry.name_th if thai else entry.name_en) or text, lang="th" if thai else "en",
                              country=entry.country)
        before = body[max(0, start - 60):start].rstrip()
        pattern = self.positions.th_pattern if thai else self.positions.en_pattern
        # the title, maybe with the state it serves: "นายกรัฐมนตรีสาธารณรัฐประชาชนจีน", "Prime Minister of Thailand"
        title = next((t for t in pattern.finditer(before) if not before[t.end():].strip() or self.countries.find(
            before[t.end():], "th" if thai else "en") and re.fullmatch(r"\s?(?:of\s)?(?:the\s)?\S[^,;:.]*",
                                                                          before[t.end():])), None)
        if title is not None:
            record.position, record.position_lang = before[title.start():].strip(), "th" if thai else "en"
            record.role = self.positions.role.get(title.group(0))
        return record

    def _merge(self, people: list[PersonRecord], record: PersonRecord) -> int:
        """The index of record in people, merging it with an earlier mention of the same person
        (also one spelt without a tone mark or ์: "ประยุทธ จันทร์โอชา" is "ประยุทธ์ จันทร์โอชา")."""
        forms = {spelling(record.name), *(spelling(n) for n, _ in record.alt_names)}
        if " " not in record.name and not record.stated and not is_thai(record.name):
            # "Ambassador Susaia" after "H.E. Akillino H. Susaia, Ambassador of …": the one person of that family name
            same = [i for i, other in enumerate(people) if other.name.split()[-1] == record.name and " " in other.name]
            if len(same) == 1:
                return same[0]
        for index, other in enumerate(people):
            other_forms = {spelling(other.name), *(spelling(n) for n, _ in other.alt_names)}
            if forms & other_forms or _middle_dropped(record.name, other.name) or _middle_dropped(other.name, record.name):
                other.alt_names.extend(a for a in record.alt_names if a not in other.alt_names)
                # a position where there was none; a stated state where there was none (the headline's
                # "Counselor Derek Chollet", the body's "State Department Counselor …")
                stated = record.stated and not other.stated and record.country
                if (other.position is None and record.position) or stated:
                    other.position, other.position_lang, other.role = (
                        record.position, record.position_lang, record.role)
                    other.country, other.portfolio = record.country, record.portfolio
                    other.stated = other.stated or bool(stated)
                return index
        self._registry_state(record)
        people.append(record)
        return len(people) - 1

    def _registry_state(self, record: PersonRecord) -> None:
        """A person the registry knows serves its state, unless the text itself says another: so that
        "Prime Minister Sonexay Siphandone" in a Lao report is Lao before titles are resolved."""
        if stated_in_position(record):
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
                    if form != person.name and _INTRODUCED.match(rest, len(form)):
                        continue  # "นาย เจิ่น ต๊วง แองห์ (Tran Tuan Anh)": another person of the same family name
                    if form == person.name or after in ("ฯ", " ", "", "”", '"', ",", ")") or is_thai(after):
                        best, best_len = index, len(form)
        return best

    def _short_references(self, body: str, people: list[PersonRecord], mentions: list[Mention],
                          taken: Taken) -> None:
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
        patterns = []  # a handful of names per release: a plain longest-first alternation builds faster than a trie
        if thai_forms:
            patterns.append(re.compile(r"(?:" + _longest_first(thai_forms) + r")"))
        loose: dict[str, int] = {}
        if latin_forms:
            # "Hishamuddin" for "Hishammuddin": a doubled letter written once is the same name
            loose = {_undoubled(f): usable[f] for f in latin_forms}
            alternation = "|".join(_DOUBLED.sub(r"\1{1,2}", re.escape(f)) for f in sorted(latin_forms, key=len, reverse=True))
            patterns.append(re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])"))
        for pattern in patterns:
            for m in pattern.finditer(body):
                if taken.covers(m.start()):
                    continue
                if is_thai(m.group(0)) and not self._thai_reference_context(body, m.start()):
                    continue
                index = usable.get(m.group(0), loose.get(_undoubled(m.group(0)), -1))
                if index < 0:
                    continue
                mentions.append(Mention(m.start(), m.end(), index, False))
                taken.add(m.start(), m.end())

    def _thai_reference_context(self, body: str, start: int) -> bool:
        """A Thai given name counts as a reference after an honorific, a title, a quote or a space."""
        before = body[max(0, start - 12):start]
        return bool(re.search(r"(?:นาย|นาง|นางสาว|ดร\.\s?|พล\.อ\.\s?|พลเอก\s?|นายกฯ\s|รองนายกฯ\s|[“\"]|^|\s)$", before))

    def _title_references(self, body: str, lang: str, home: str | None, people: list[PersonRecord],
                          mentions: list[Mention], taken: Taken) -> None:
        """"รมว.กต.", "นายกรัฐมนตรี", "the Prime Minister": the one person in the release holding that office."""
        if is_thai(body):
            heads = list(self.positions.th_pattern.finditer(body))
        else:  # news writes "the Thai prime minister", "the Chinese minister" in lower case
            heads = sorted([*self.positions.en_pattern.finditer(body), *(
                m for m in self.positions.en_lower_any.finditer(body)
                if _DEMONYM_BEFORE.search(body, max(0, m.start() - 20), m.start())  # "the two prime ministers" too
                or _PLURAL_BEFORE.search(body, max(0, m.start() - 10), m.start()))], key=lambda m: m.start())
        for m in heads:
            if taken.covers(m.start()):
                continue
            if not is_thai(m.group(0)) and not _DETERMINED.search(body[max(0, m.start() - 30):m.start()]):
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
            if not is_thai(m.group(0)) and (dm := _WORD_BEFORE.search(body[max(0, m.start() - 20):m.start()])):
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
            plural = _PLURAL_AFTER.match(body[end:end + 10]) or _PLURAL_BEFORE.search(body[max(0, m.start() - 10):m.start()])
            if plural:
                # "นายกรัฐมนตรีทั้งสอง", "the two Prime Ministers": one office holder of each side
                group = [i for i, p in enumerate(people) if p.role == role and p.country]
                if len(group) == 2 and people[group[0]].country != people[group[1]].country:
                    for index in group:
                        mentions.append(Mention(m.start(), end, index, False))
                    taken.add(m.start(), end)
                continue
            if len(candidates) > 1 and len(exact := [i for i in candidates if (people[i].position or "").lower().startswith(
                    m.group(0).lower())]) == 1:
                candidates = exact  # "the Special Secretary" among officials: the one whose office it is word for word
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


def _middle_dropped(short: str, full: str) -> bool:
    """"Masud Momen" after "Masud Bin Momen": a Latin name again without its middle words."""
    a, b = short.split(), full.split()
    return 2 <= len(a) < len(b) and a[0] == b[0] and a[-1] == b[-1] and short.isascii() and a[0][:1].isupper()


_INTRODUCED = re.compile(r"(?:\s[^\s(]+){1,3}\s?\([A-Z]")  # more name words, then the Latin form in parentheses
_DOUBLED = re.compile(r"([A-Za-z])\1")


def _undoubled(form: str) -> str:
    return re.sub(r"([a-z])\1+", r"\1", form.lower())


def _longest_first(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
