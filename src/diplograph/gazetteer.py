"""Names of countries, organisations, honorifics and positions, loaded once.

Country names come from pycountry (ISO 3166 with its Thai translation: short
and official names) and babel (CLDR Thai and English names), plus the small
alias and demonym files in ``data/`` for the forms releases use that neither
knows (สหรัฐฯ, สปป.ลาว, "Lao PDR"). Wikidata ids come from Our World in Data's
country table (CC BY 4.0). Everything else is a commented TSV in ``data/``.
"""

from __future__ import annotations

import csv
import gettext
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from .resources import data_file


def read_tsv(filename: str) -> Iterator[list[str]]:
    """Rows of a package TSV file, skipping comments and blank lines."""
    with data_file(filename).open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0].strip() and not row[0].startswith("#"):
                yield [cell.strip() for cell in row]


def alternation(forms: list[str]) -> str:
    """A regex matching any of forms, longest first (Thai has no word spaces).

    Written as a trie — "ไทย|ไต้หวัน" becomes "ไ(?:ทย|ต้หวัน)" — because Python's regex engine
    tries the branches of a flat alternation one by one at every position: with the ~450 Thai
    country names that made country lookup the slowest step of extraction.
    """
    trie: dict = {}
    for form in set(forms):
        if not form:
            continue
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    # longest first: each branch continues further than stopping here
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


@dataclass(frozen=True)
class CountryInfo:
    iso2: str
    label_en: str
    label_th: str
    wikidata: str | None


class Countries:
    """ISO 3166-1 states by their Thai and English names."""

    def __init__(self) -> None:
        import pycountry
        from babel import Locale

        thai = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["th"], fallback=True)
        cldr_th, cldr_en = Locale("th").territories, Locale("en").territories
        wikidata = {row[0]: row[3] for row in read_tsv("countries.tsv") if row[0] != "iso2"}
        self.info: dict[str, CountryInfo] = {}
        self.by_name_th: dict[str, str] = {}
        self.by_name_en: dict[str, str] = {}
        for c in pycountry.countries:
            code = c.alpha_2
            official = getattr(c, "official_name", None)
            common = getattr(c, "common_name", None)
            label_en = cldr_en.get(code) or common or c.name
            label_th = cldr_th.get(code) or thai.gettext(c.name)
            self.info[code] = CountryInfo(code, label_en, re.sub(r"\s*\(.*\)$", "", label_th),
                                          wikidata.get(code))
            for name in (thai.gettext(c.name), official and thai.gettext(official), cldr_th.get(code)):
                if name and _is_thai(name):
                    self.by_name_th.setdefault(re.sub(r"\s*\(.*\)$", "", name), code)
            for name in (c.name, official, common, cldr_en.get(code)):
                if name and "," not in name:
                    self.by_name_en.setdefault(name, code)
        for code, name_en, names_th, qid in read_tsv("extra_countries.tsv"):
            self.info[code] = CountryInfo(code, name_en, names_th.split("|")[0], qid)
            self.by_name_en.setdefault(name_en, code)
            for name in names_th.split("|"):
                self.by_name_th.setdefault(name, code)
        for name, code, lang in read_tsv("country_aliases.tsv"):
            (self.by_name_th if lang == "th" else self.by_name_en)[name] = code
        for name, code in list(self.by_name_th.items()):
            for variant in _thai_spellings(name):
                self.by_name_th.setdefault(variant, code)
        self.demonyms = {d: code for d, code in read_tsv("demonyms.tsv")}
        self.thai_pattern = re.compile(alternation(list(self.by_name_th)))
        # English names and demonyms are matched as whole words, case-sensitively (names are capitalised)
        self.en_pattern = re.compile(
            r"(?<![\w’'])(?:the\s+)?(" + alternation(list(self.by_name_en)) + r")(?!\w)(?![’'][a-rt-z])")  # China’s
        self.demonym_pattern = re.compile(r"(?<![\w-])(" + alternation(list(self.demonyms)) + r")(?![\w-])")
        places = list(read_tsv("capitals.tsv"))
        self.places = {name: code for name, code, _lang in places}
        thai_places = alternation([n for n, _c, lang in places if lang == "th"])
        self.place_th = re.compile(r"(?:กรุง|นคร)?(" + thai_places + ")")
        # a post as Thai names it: "ณ กรุงโตเกียว", "ณ แขวงสะหวันนะเขต", "ประจำรัฐกลันตัน"
        self.post_th = re.compile(r"(?:กรุง|นคร|แขวง|จังหวัด|รัฐ|เมือง)?(" + thai_places + ")")
        self.place_en = re.compile(r"(?<![\w’'])(" + alternation([n for n, _c, lang in places if lang == "en"])
                                   + r")(?![\w’])")

    def find(self, text: str, lang: str) -> list[tuple[int, int, str]]:
        """(start, end, iso2) for every country name in text, longest match first."""
        if lang == "th":
            found = [(m.start(), m.end(), self.by_name_th[m.group(0)]) for m in self.thai_pattern.finditer(text)
                     if not _FALSE_FRIEND.search(text, max(0, m.start() - 4), m.start())
                     and not _MARK_AFTER.match(text, m.end())]
            # Latin-script names inside Thai text (in parentheses) count too
            found += [(m.start(1), m.end(1), self.by_name_en[m.group(1)]) for m in self.en_pattern.finditer(text)]
            return sorted(found)
        return [(m.start(1), m.end(1), self.by_name_en[m.group(1)]) for m in self.en_pattern.finditer(text)]

    def joined(self, text: str, lang: str) -> list[tuple[str, str]]:
        """Two states named together as the two sides: "ไทยและลาว", "ไทยกับจีน", "Thailand and Kenya"."""
        return [pair for _start, _end, pair in self.joined_spans(text, lang)]

    def joined_spans(self, text: str, lang: str) -> list[tuple[int, int, tuple[str, str]]]:
        """The same pairs, with where each is written."""
        found = self.find(text, lang)
        return [(a[0], b[1], (a[2], b[2])) for a, b in zip(found, found[1:])
                if _JOINED.fullmatch(text[a[1]:b[0]]) and a[2] != b[2]]

    def find_demonyms(self, text: str) -> list[tuple[int, int, str]]:
        return [(m.start(1), m.end(1), self.demonyms[m.group(1)]) for m in self.demonym_pattern.finditer(text)]

    def find_places(self, text: str, lang: str) -> list[tuple[int, int, str]]:
        """(start, end, iso2) for capitals and venue cities ("กรุงโตเกียว", "Colombo"): where a meeting was
        held or an ambassador serves."""
        pattern = self.place_th if lang == "th" else self.place_en
        return [(m.start(), m.end(), self.places[m.group(1)]) for m in pattern.finditer(text)]

    def code(self, name: str) -> str | None:
        return self.by_name_th.get(name) or self.by_name_en.get(name) or self.demonyms.get(name)


@dataclass(frozen=True)
class OrgInfo:
    key: str
    kind: str
    country: str | None
    name_th: str
    name_en: str
    aliases: tuple[str, ...]


class Organizations:
    def __init__(self) -> None:
        self.info: dict[str, OrgInfo] = {}
        self.by_form: dict[str, str] = {}
        for key, kind, country, name_th, name_en, aliases in read_tsv("organizations.tsv"):
            forms = tuple(a for a in aliases.split("|") if a)
            self.info[key] = OrgInfo(key, kind, country or None, name_th, name_en, forms)
            for form in (name_th, name_en, *forms):
                self.by_form.setdefault(form, key)
        self.pattern = re.compile(alternation(list(self.by_form)))
        # names that stand for the organisation in running text; short words such as "พาณิชย์" or
        # "อุตสาหกรรม" only do after a title ("รมว.พาณิชย์") and are left out here
        formal = [f for f in self.by_form if f in (i.name_th for i in self.info.values())
                  or f in (i.name_en for i in self.info.values())
                  or f.startswith(("กระทรวง", "สำนักงาน", "กรม")) or f.endswith((".", "ฯ"))
                  or re.fullmatch(r"[A-Z]{2,}", f) or f in ("ดีอีเอส", "อาเซียน", "เอเปค")]
        self.formal_pattern = re.compile(alternation(formal))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), self.by_form[m.group(0)]) for m in self.pattern.finditer(text)]

    def find_names(self, text: str) -> list[tuple[int, int, str]]:
        """Organisations named in running text (full names, "กระทรวง…ฯ" forms, acronyms)."""
        return [(m.start(), m.end(), self.by_form[m.group(0)]) for m in self.formal_pattern.finditer(text)]


class Honorifics:
    def __init__(self) -> None:
        rows = list(read_tsv("honorifics.tsv"))
        self.th = sorted({r[0] for r in rows if r[1] == "th"}, key=len, reverse=True)
        self.en = sorted({r[0] for r in rows if r[1] == "en"}, key=len, reverse=True)
        self.kind = {r[0]: r[2] for r in rows}


class Positions:
    def __init__(self) -> None:
        rows = list(read_tsv("positions.tsv"))
        self.role = {form: role for form, _lang, role in rows}
        self.th = sorted({r[0] for r in rows if r[1] == "th"}, key=len, reverse=True)
        self.en = sorted({r[0] for r in rows if r[1] == "en"}, key=len, reverse=True)
        self.th_pattern = re.compile(alternation(self.th))
        # "the two Prime Ministers": a plural s may follow, outside the match
        self.en_pattern = re.compile(r"\b(?:" + alternation(self.en) + r")(?=s?\b)")
        # Chinese and wire English write offices in lower case after a name ("Jia Qinglin, chairman of …");
        # only an office "of" something is read so
        lowered = {f.lower() for f in self.en if f.lower() != f}
        lower = alternation(sorted(lowered, key=len, reverse=True))
        self.en_lower_pattern = re.compile(r"\b(?:" + lower + r")(?= of\b)")
        # "the Thai prime minister"; at a sentence's start "National security advisor X"
        spoken = lowered | {f[0].upper() + f[1:] for f in lowered if " " in f}
        self.en_lower_any = re.compile(r"\b(?:" + alternation(sorted(spoken, key=len, reverse=True)) + r")(?=s?\b)")
        for form, _lang, role in rows:
            self.role.setdefault(form.lower(), role)


@cache
def countries() -> Countries:
    return Countries()


@cache
def organizations() -> Organizations:
    return Organizations()


@cache
def honorifics() -> Honorifics:
    return Honorifics()


@cache
def positions() -> Positions:
    return Positions()


# Letters Thai writers exchange when they transcribe a foreign name ("บังคลาเทศ" for บังกลาเทศ,
# "เวียตนาม" for เวียดนาม, "ซาอุดิอาระเบีย" for ซาอุดีอาระเบีย, "อุซเบกิซสถาน").
_SWAPS = (("ก", "ค"), ("ค", "ก"), ("ด", "ต"), ("ต", "ด"), ("ซ", "ส"), ("ส", "ซ"), ("ิ", "ี"), ("ี", "ิ"), ("ฏ", "ฎ"),
          ("ฎ", "ฏ"))


def _thai_spellings(name: str) -> list[str]:
    """One-letter spelling variants of a short Thai country name. Formal names ("สาธารณรัฐ…") are
    copied, not transcribed, and names of fewer than five letters would collide with common words."""
    if len(name) < 5 or len(name) > 16 or not _is_thai(name) or name.startswith(("สาธารณ", "ราชอาณา", "สหพันธ")):
        return []
    out = []
    for i, ch in enumerate(name):
        for a, b in _SWAPS:
            if ch == a:
                out.append(name[:i] + b + name[i + 1:])
    return out


# Thai words that hold a country's name without naming it: มหาดไทย (the Interior ministry) is no "ไทย".
_FALSE_FRIEND = re.compile(r"มหาด$")
# A name whose last letter carries a tone mark or vowel after it is part of other syllables: "ศาลาว่าการ" holds no "ลาว".
_MARK_AFTER = re.compile("[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")
_JOINED = re.compile(r"\s?(?:และ|กับ|and(?: the)?)\s?")


def _is_thai(s: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in s)
