"""English introductions of people: "H.E. Mr. Wang Yi, Minister of …", "Thai Interior Minister Somchai Dee",
"Maris Sangiampongsa, Minister of Foreign Affairs, …", "his counterpart from Nepal, PM Ram Thapa"."""

from __future__ import annotations

import re

from .person import PersonRecord, Taken
from .text import is_thai
from .titles import OWN_OFFICES, TitleReader

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŸŹŻŽ"  # names with accents: "José Ramírez", "Đặng"
_LETTER = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ"
# Letters after a name, not of it: "The Rt. Hon. Amanda Milling MP".
_POST_NOMINAL = r"(?:MP|MEP|QC|KC|OBE|CBE|MBE|KBE|DBE|CMG|KCMG|GCMG)\b"
# Words that follow a name in wire prose and are capitalised without being part of it.
_NOT_NAME_WORD = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
                  r"|May|June|July|August|September|October|November|December|The|This|In|On|At|Later|Earlier"
                  r"|Meanwhile|However|Also|Following|After|Before|During|Upon|With|And|For|To|Of|From"
                  # a title-case headline's verbs: "Ambassador of the Kingdom of Thailand Bids Farewell"
                  r"|Bids|Pays|Meets|Calls|Holds|Visits|Receives|Signs|Welcomes|Attends|Hosts|Discusses|Says)\b"
                  rf"|{_POST_NOMINAL})")
# A name word: an initial ("J."), a capitalised word ("O'Brien", "Chan-o-cha"; a possessive "Prayut's" ends it,
# a full stop too, but for Jr./Sr.), or a particle of Malay, Dutch, Portuguese and Arabic names.
_PARTICLE = r"(?:bin|binti|van|von|del|de|da|dos|di|al-\w+|Le|La|o-\w+|na)"
_EN_NAME_WORD = (rf"(?:[A-Z]\.(?:[A-Z]\.)*(?=[ \t]+(?:[A-Z]|{_PARTICLE}\b))|[A-Z]\.(?:[A-Z]\.)+"
                 rf"|{_NOT_NAME_WORD}[{_UPPER}][{_LETTER}\-]*(?:[’'](?!s\b)[{_LETTER}\-]+)*"
                 rf"(?:(?<=Jr|Sr|St)\.)?|{_PARTICLE})")  # "Albert F. del Rosario"
_EN_NAME = re.compile(_EN_NAME_WORD + r"(?:[ \t\u00a0]+" + _EN_NAME_WORD + r")*")  # a name never spans lines
_POST_NOMINALS = re.compile(rf"(?:\s{_POST_NOMINAL})*")
_POSSESSIVE = re.compile(r"['’]s?$")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_STATE_WORD_BEFORE = re.compile(r",\s+(?:the\s+)?[A-Z][a-z]+(?:['’]s)?\s+$")
_OF_OR_FROM = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")
_BODY_WORD = re.compile(r"\b(?:Committee|Council|Commission|Ministry|Department|Forces|Army|Navy|Assembly|Office|Agency"
                        r"|Bureau|Authority|Corporation|Company|Bank|University|Summit|Meeting|Conference)\b")
# The portfolio between a title and the name: "Minister of Foreign Affairs Lê Hoài Trung" — words of
# offices, so that the name that follows is not taken for more of the office.
_PORTFOLIO_WORD = (
    r"(?:Foreign|Affairs|External|Home|Interior|Defen[cs]e|National|Trade|Industry"
    r"|Commerce|Economy|Economic|Finance|Planning|Investment|Tourism|Sports?|Culture|Labou?r|Health|Public"
    r"|Education|Agriculture|Cooperatives|Energy|Transport|Communications?|Information|Digital|Justice"
    r"|Environment|Natural|Resources|Science|Technology|Innovation|Higher|Development|International"
    r"|Cooperation|Social|Welfare|Security|Fisheries|Forestry|Water|Land|Works|Manpower|Women|Youth|Religious"
    r"|Immigration|Employment|Armed|Forces|Services|Staff|Army|Navy|Air|Force"
    # regions and fields of a department: "Assistant Secretary of State for East Asian and Pacific Affairs X"
    r"|State|East|Eastern|Asian|Asia|Pacific|Southeast|European|Europe|American|Americas|African|Africa|Middle"
    r"|Political|Multilateral|Consular|Legal|Protocol|Strategic|Global|Regional)\b")
_PORTFOLIO_AFTER = re.compile(rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_PORTFOLIO_WORD}(?:,?\s+(?:and\s+)?{_PORTFOLIO_WORD})*)*")
_BARE_NAME_BEFORE = re.compile(r"(?:^|(?<=[\s(“\"]))(" + _EN_NAME.pattern + r"),\s+(?:the\s+)?(?P<state>[A-Z][a-z]+)?"
                               r"(?:['’]s)?\s*$")
# "National security advisor X, … foreign secretary Y, and other senior officials": an office heads each item
_LIST_ITEM_BEFORE = re.compile(r"(?:^|[.;,]\s+|\band\s+)$")
_MINISTRY_THEN_STATE = re.compile(r"(?:,\s+|\s+of\s+(?:the\s+)?)(?:Ministry|Department|Office) of (?:the )?[A-Z][\w&]*"
                                  r"(?:\s+(?:and\s+)?[A-Z][\w&]*)*?,\s+")
_BUILDING = re.compile(r"\b(?:House|Building|Room|Hall|Palace|Hotel|Centre|Center|Airport|Square|Tower|Residence)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near)\s+\Z")
_OF_DEMONYM_BODY = re.compile(r"([A-Z][a-z]+)\s+(?:Ministry|Government|Embassy|Foreign Ministry|side|National Assembly|Parliament"
                              r"|Senate|House of|Armed Forces|Navy|Army|Air Force)\b")
_APPOSITION = re.compile(r"\b(?:counterparts?|leaders?|ministers?|delegations?) (?:from|of) ([^,]{3,40}),\s*$"
                         # "his Saudi Arabian counterpart, HRH Crown Prince X"
                         r"|\b(?:his|her|their) ((?:[A-Z][a-z]+ ){1,2})counterparts?,\s*$")
# What may stand between a state and the title of its official: "Malaysia's Home Affairs ", "Thai ".
# ("Mission to Thailand of Undersecretary X": a state followed by "of" is no official's)
_PORTFOLIO_GAP = re.compile(r"(?:['’]s)?(?:\s+[A-Z][\w&\-]*(?:\s+(?:[A-Z][\w&\-]*|and|of|for|the))*)?\s+")
# an office is capitalised words joined by these; any other lower-case word ("had", "met", "during") ends it
_NOT_OF_AN_OFFICE = re.compile(r"\s(?!(?:of|for|and|the|to|in|at|charge|attached|de|du|des|la|el|y|al|bin|binti)\b)[a-z]")
_VERB_IN_LOWER = re.compile(r"\s(?:had|has|have|held|met|said|says|was|were|is|are|will|would|visited|paid|told|called"
                            r"|discussed|expressed|signed|attended|arrived|led|also|who|which)\b")
_EN_TITLE_TAIL = re.compile(r"(?:\s(?:of|for|and|the|[A-Z][\w’'\-]*|\([A-Z]{2,8}\)))*,?\s")  # "… Army (RTA) General X"


class EnglishNames(TitleReader):
    """The English forms of introducing a person."""

    def __init__(self) -> None:
        super().__init__()
        # ", Minister of …" after a name, up to a clause's end; "and" joins another office ("deputy prime minister
        # and foreign minister of Thailand"), not a clause ("and discussed …")
        self._apposition_re = re.compile(
            r",\s+((?:the\s+)?[A-Za-z][^,;()\n]*?)(?=,\s|\.\s|\.$|;|:|\)|\s\(|$| who | on "
            # "at" ends an office, but for the body it is held at: "Minister for Asia at the Foreign, Commonwealth …"
            r"| at (?!the (?:[A-Z][\w’'-]*,? (?:and )?){1,5}(?:Office|Ministry|Department)\b)"
            r"| and (?!(?:" + self.positions.en_lower_any.pattern.removeprefix(r"\b") + r"))[a-z]"
            r"| and (?:Mr|Mrs|Ms|Dr|Madam|H\.E)\b)")

    def _strip_en_honorifics(self, name: str) -> str:
        m = self.hon_en_chain.match(name + " ")
        return name[m.end():].strip() if m else name

    def _english_full(self, text: str, start: int, people: list[PersonRecord], home: str | None):
        """'H.E. Mr. Wang Yi, Minister of Foreign Affairs of …' or 'Prime Minister Srettha Thavisin'."""
        chain = self.hon_en_chain.match(text, start)
        if not chain:
            return None
        nm = _EN_NAME.match(text, chain.end())
        if not nm:
            return None
        office_of = None
        if self.positions.en_pattern.fullmatch(nm.group(0)) and (of := _OF_THE.match(text, nm.end())):
            # "H.E. Prime Minister of the Socialist Republic of Viet Nam Nguyen Tan Dung": office, state, then the name
            states = self.countries.find(text[of.end():of.end() + 60], "en")
            if states and states[0][0] == 0 and (after := _EN_NAME.match(text, of.end() + states[0][1] + 1)) and (
                    text[of.end() + states[0][1]:after.start()] == " "):
                office_of = (text[nm.start():of.end() + states[0][1]], states[0][2])
                nm = after
        if office_of is None and (self.positions.en_pattern.fullmatch(nm.group(0).rstrip("."))
                                  or _BODY_WORD.search(nm.group(0))):
            return None  # "General Secretary of the Party", "General Border Committee": a rank-like word, no name
        name = nm.group(0).rstrip(".")
        if name.endswith((" of", " the")) or len(name) < 2:
            return None
        end = chain.start() + len(text[chain.start():nm.end()].rstrip("."))
        for state in self.countries.en_pattern.finditer(name, 1):
            # "U Htin Kyaw Philippines President Rodrigo Duterte" (a caption run on): a state and its office start another
            if name[state.start() - 1] == " " and self.positions.en_pattern.match(name, state.end() + 1):
                name, end = name[:state.start() - 1], nm.start() + state.start() - 1
                break
        end = _POST_NOMINALS.match(text, end).end()  # "Amanda Milling MP, Minister for Asia …"
        title = self.positions.en_pattern.match(name)
        title = title if title and name[title.end():title.end() + 1] == " " else None
        # "His Majesty King Maha Vajiralongkorn": the title is no part of the name
        record = PersonRecord(name=name[title.end() + 1:] if title else name, lang="en")
        record.honorifics.extend(h.group(0) for h in self.hon_en.finditer(chain.group(0) + " "))
        if office_of is not None:
            record.position, record.position_lang, record.country = office_of[0], "en", office_of[1]
            record.role = self._role(office_of[0])
            return record, end
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
        elif title:
            record.position, record.position_lang = title.group(0), "en"
            record.role = self.positions.role.get(title.group(0))
        else:
            # the title before the name: "Minister for Foreign Affairs Mr. Tan …", "Thai Ambassador Mr. …"
            before = text[max(0, start - 80, text.rfind("\n", 0, start) + 1):start]  # a title on the line above is another's
            known = {form for person in people for form in person.given_forms()}
            for head in self.positions.en_pattern.finditer(before):  # the earliest: "Prime Minister and Defense Minister"
                if _EN_TITLE_TAIL.fullmatch(before[head.end():]) and not known & set(
                        re.findall(r"[\w’'\-]+", before[head.end():])):  # "Prime Minister Prayut, Professor X"
                    lead = re.search(r"(?:[A-Z][\w’']*\s)?$", before[:head.start()])
                    phrase = (before[lead.start():] if lead else before[head.start():]).strip().rstrip(",")
                    record.position, record.position_lang = phrase, "en"
                    record.role = self._role(before[head.start():].strip())
                    record.country, record.portfolio = self._country_of_position(phrase, home)
                    if record.country is None or record.country == home:
                        named = self.countries.find_demonyms(phrase)
                        record.country = named[0][2] if named else record.country
                    break
            else:
                self._envoy_of_state_before(record, chain.group(0), before)
        if record.country is None and (of := _OF_OR_FROM.match(text, end)) and (
                state := self.countries.en_pattern.match(text, of.end())):
            record.country = self.countries.code(state.group(0))  # "Gen. Sukumpol Suwanatat of Thailand", "… from Laos"
        if record.country is None and (apposition := _APPOSITION.search(text, max(0, start - 60), start)) and (
                states := self.countries.find_demonyms(apposition.group(2) or "")):
            record.country = states[-1][2]  # "his Saudi Arabian counterpart, HRH Crown Prince X"
        return record, end

    def _envoy_of_state_before(self, record: PersonRecord, honorifics: str, before: str) -> None:
        """"US Ambassador Kristie Kenney", "Peruvian Ambassador Luis Soto": "Ambassador" reads as a style of the
        name, and the state named right before it is the one the envoy serves."""
        if not re.search(r"\b[Aa]mbassador\b", honorifics):
            return
        lead = re.search(r"(?:^|[\s(“\"])((?:[A-Z][\w.’']*\s){1,2})$", before)
        if not lead:
            return
        named = self.countries.find_demonyms(lead.group(1)) + self.countries.find(lead.group(1), "en")
        if named:
            record.country = max(named)[2]  # the word nearest the title: "Thai-born US Ambassador" is the US's
            record.position, record.position_lang = lead.group(1) + "Ambassador", "en"
            record.role = self._role(record.position)

    def _body_before(self, text: str) -> tuple[int, str] | None:
        """(offset, key) of a government body right before a title ("State Department Counselor"): its own."""
        tail = text[-60:]
        for s, e, key in self.orgs.find(tail):
            if e < len(tail) and tail[e:].strip() == "":
                return len(text) - len(tail) + s, key
        return None

    def _appositive(self, text: str, end: int, home: str | None):
        """", Minister of Foreign Affairs of …" after a name: (end, phrase, role, country, portfolio); also
        ", chairman of the … of the Chinese People's …", in lower case, when it names the state served."""
        pm = self._apposition_re.match(text[end:end + 300])
        if not pm:
            return None
        phrase = pm.group(1).removeprefix("the ")
        phrase_at = end + pm.end(1) - len(phrase)
        state = re.match(r"([A-Z][a-z]+)(?:['’]s)?\s+", phrase)  # "Thailand’s Prime Minister"
        lower = not (self.positions.en_pattern.match(phrase) or (
            state and self.countries.code(state.group(1)) and (self.positions.en_pattern.match(phrase, state.end())
                                                             # news: "X, the Thai ambassador to Myanmar, …"
                                                             or self.positions.en_lower_any.match(phrase, state.end()))))
        if lower and not (self.positions.en_lower_any.match(phrase) and re.match(r"[a-z ]+ of ", phrase)):
            return None  # ", chairman of …", ", deputy prime minister and foreign minister of Thailand"
        # an office in lower case has lower-case words of its own: only a verb ends it
        verb = (_VERB_IN_LOWER if lower else _NOT_OF_AN_OFFICE).search(phrase)
        if verb or lower:  # "…Minister of Foreign Affairs had a bilateral meeting with …": the office ends at the verb
            phrase = phrase[:verb.start()] if verb else phrase
            if _POSSESSIVE.search(phrase):
                return None  # "…trip to Southeast Asia, Counselor Chollet's visit": a possessive, no office
            if lower and not (self.countries.find(phrase, "en") or self.countries.find_demonyms(phrase)):
                return None  # "…, president of the chamber": only an office that names its state
            country, portfolio = self._country_of_position(phrase, home)
            return phrase_at + len(phrase), phrase, self._role(phrase), country, portfolio
        # "Minister of Economy, Trade and Industry of Japan": capitalised segments after a comma
        # continue the office when they end with the state it serves
        more = re.match(r"((?:,\s+[A-Z][\w&’'\-]*(?:\s(?:of|for|and|the|on|[A-Z][\w&’'\-]*|\([A-Z]{2,10}\)))*){1,3})"
                        r"(?=,\s|\.\s|\.$|;|\)|$| who | at | on | and |\s[a-z])",
                        text[end + pm.end():end + pm.end() + 200])
        if more and not self.countries.find(phrase, "en") and self.countries.find(more.group(1), "en"):
            phrase += more.group(1)
            end += more.end()
        country, portfolio = self._country_of_position(phrase, home)
        return end + pm.end(), phrase, self._role(phrase), country, portfolio

    def _english_appositions(self, body: str, home: str | None, taken: Taken):
        """"Maris Sangiampongsa, Minister of Foreign Affairs, made …": news names people without an
        honorific and gives the office after a comma."""
        heads = sorted([*self.positions.en_pattern.finditer(body), *self.positions.en_lower_pattern.finditer(body),
                        # "X, the Thai ambassador to Myanmar": a lower-case office right after a state word
                        *(m for m in self.positions.en_lower_any.finditer(body)
                          if _STATE_WORD_BEFORE.search(body, max(0, m.start() - 30), m.start())
                          or body[m.start() - 2:m.start()] == ", ")],  # "X, deputy prime minister and …"
                       key=lambda m: m.start())
        for m in heads:
            if taken.covers(m.start()):
                continue
            lead = _BARE_NAME_BEFORE.search(body, max(0, m.start() - 80), m.start())
            if lead is None or taken.covers(lead.start(1)) or (
                    lead["state"] and not self.countries.code(lead["state"].strip())):
                continue  # "Don Pramudwinai, Thai Deputy Prime Minister:": only a state's word may come first
            name = lead.group(1)
            words = name.split()
            if len(words) < 2 or self.countries.code(words[0]) or self.countries.find(name, "en") or (
                    self.positions.en_pattern.search(name) or self.orgs.find(name) or _BUILDING.search(name)):
                continue  # "…, Thai Khu Fah Building, Government House, Prime Minister …": a place
            if _PLACE_BEFORE.search(body, max(0, lead.start(1) - 8), lead.start(1)):
                continue  # "… in New York, Foreign Minister Parnpree met …": a place, not a name
            if re.match(_PORTFOLIO_WORD, name) and re.search(r"\b(?:of|for|and)\s+$", body[max(0, lead.start(1) - 5):lead.start(1)]):
                continue  # "Minister of Finance Kittiratt Na-Ranong, …": the office runs into the name
            appositive = self._appositive(body, lead.end(1), home)
            if appositive is None:
                continue
            end, phrase, role, country, portfolio = appositive
            record = PersonRecord(name=name, lang="en", position=phrase, position_lang="en", role=role,
                                  country=country, portfolio=portfolio)
            yield record, lead.start(1), end

    def _english_titled(self, body: str, m: re.Match[str], home: str | None,
                        stated_only: bool = False) -> tuple[PersonRecord, int] | None:
        """A title right before a name: "Thai Interior Minister Somchai Dee", "Malaysia's Home Affairs
        Minister Ahmad Zulkifli", "Peruvian Ambassador to Thailand Luis Soto", "Foreign Minister José
        Ramírez of Costa Rica", "his counterpart from Nepal, PM Ram Thapa"."""
        after = m.end()
        portfolio = _PORTFOLIO_AFTER.match(body, after)
        if portfolio and portfolio.end() > after:
            after = portfolio.end()  # "Minister of Foreign Affairs Lê Hoài Trung"
        posted = re.match(r"\s+(to|of)\s+(?:the\s+)?", body[after:after + 9])
        served = None
        if posted and (state := self.countries.en_pattern.match(body, after + posted.end())):
            after = state.end()  # "Ambassador to Thailand": where the ambassador serves, not whom
            if body_words := re.match(rf"(?:\s+{_PORTFOLIO_WORD})+", body[after:after + 60]):
                after += body_words.end()  # "Commander-in-Chief of the Myanmar Armed Forces General X": its forces
            if posted.group(1) == "of":  # "The President of the United States of America Donald J Trump"
                served = self.countries.code(state.group(0))
        if served is None and (ministry := _MINISTRY_THEN_STATE.match(body, after)) and (
                state := self.countries.en_pattern.match(body, ministry.end())) and body[state.end():state.end() + 1] == " ":
            # "Special Secretary, Ministry of Defence, India Nivedita Shukla Verma": the office's ministry, its state, the name
            after, served = state.end(), self.countries.code(state.group(0))
        comma = re.match(r",\s+(?=(?:[A-Z][\w’'.\-]*\s+){1,4}?[A-Z][\w’'\-]*(?:[,;]|\.(?:\s|$)))", body[after:after + 60])
        if comma:
            after += comma.end() - 1  # "the Australian Prime Minister, Anthony Albanese, this morning"
        hm = self.spaced_hon_en.match(body, after)
        nm = _EN_NAME.match(body, hm.end()) if hm and hm.end() > after else None
        if not nm or "\n" in body[m.end():nm.start()]:
            return None  # a title ending a line is not the next line's name's
        name = _POSSESSIVE.sub("", nm.group(0).rstrip("."))
        name_start, name_end = nm.start(), nm.end()
        office = self.positions.en_pattern.match(name)
        if office and name[office.end():office.end() + 1] == " ":
            name = name[office.end() + 1:]  # "his Thai counterpart Permanent Secretary Thani Thongphakdi": an office
            name_start += office.end() + 1  # between them
            name_end = name_start + len(name)
        if len(name.split()) < 2 or self.countries.code(name.split()[0]) or name.split()[0] in ("The", "Thailand") or (
                self.countries.find(name, "en")):
            return None
        role_phrase = body[m.start():after].strip()
        record = PersonRecord(name=name, lang="en", position=role_phrase, position_lang="en",
                              role=self.positions.role.get(m.group(0)) or self.positions.role.get(m.group(0).lower()))
        before = body[max(0, m.start() - 60, body.rfind("\n", 0, m.start()) + 1):m.start()]
        named = self.countries.find_demonyms(before) + self.countries.find(before, "en")
        named = sorted(n for n in named if _PORTFOLIO_GAP.fullmatch(before[n[1]:]))  # the nearest state last
        of_state = _OF_THE.match(body, name_end, name_end + 9)
        of_state = of_state and (self.countries.en_pattern.match(body, of_state.end()) or _OF_DEMONYM_BODY.match(
            body, of_state.end()))
        apposition = _APPOSITION.search(body, max(0, m.start() - 60), m.start())
        if stated_only and not (named and named[-1][1] + 1 >= len(before) or _LIST_ITEM_BEFORE.search(before)):
            return None  # a lower-case office names someone right after its state, or heading an item of a list
        body_of = self._body_before(before)
        record.stated = bool(named or of_state or apposition or body_of or served)
        if served:
            record.country = served
        elif body_of and not named and self.orgs.info[body_of[1]].country not in (None, home):
            # "State Department Counselor Derek Chollet": the body's state
            record.country, record.portfolio = self.orgs.info[body_of[1]].country, body_of[1]
            record.position = before[body_of[0]:].strip() + " " + role_phrase
        elif named:
            # the state named just before, maybe with the portfolio between ("Thai Foreign Minister …")
            record.country = named[-1][2]
            record.position = before[named[-1][0]:].strip() + " " + role_phrase
        elif of_state:
            record.country = self.countries.code(of_state.group(1))  # "… of Costa Rica", "… of the Thai Ministry"
        elif apposition and (states := self.countries.find(apposition.group(1) or apposition.group(2), "en")
                             or self.countries.find_demonyms(apposition.group(2) or "")):
            record.country = states[-1][2]  # "his counterpart from Nepal, PM Ram Thapa", "his Saudi Arabian counterpart, …"
        elif record.role in OWN_OFFICES:
            record.country = home
        return record, name_start + len(name)
