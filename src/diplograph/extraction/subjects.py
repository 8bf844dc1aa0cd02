"""An agreement's own subject — what the instrument covers — read from its name, in Thai or English.

The subject is part of an agreement's identity (its IRI is kind, parties and subject), so it must be
the same for one instrument in every release that names it, and differ between two instruments of the
same parties. A topic category cannot do that: a border-crossing MoU and a cross-border-movement MoU
are both "border management". So the subject is what the name says, mapped to one form for both
languages by ``data/agreement_subjects.tsv``:

* the first subject the name gives, and those listed with it ("Telecommunications, ICT and Digital
  Technology"): "บันทึกความเข้าใจว่าด้วยความร่วมมือด้านพลังงาน" and "MoU on Energy Cooperation" are
  both ``energy``;
* qualifiers that tell variants apart wherever the name has them (a visa exemption for ordinary
  passports is not the one for diplomatic passports), and the places it names as a pair
  ("จุดผ่านแดนถาวรบ้านคลองลึก – ปอยเปต", "Ban Khlong Luek – Poipet Permanent Border Checkpoint"): a
  crossing's two sides, written as a consonant skeleton of their romanised names, so the Thai and
  the Latin spelling of one place agree;
* qualifiers also say which one of a series ("แห่งที่ 5", "the Fifth …": ``no-5``) and for which
  years ("2022–2025", "ปี 2565-2568") it is: the next plan of action is another one;
* a name with no known subject word keeps its own words after "on" / "ว่าด้วย" ("MoU on
  Meteorology" → ``meteorology``) — a weaker identity: Thai and English
  forms of it then stay two nodes, which only duplicates;
* the parties' own names (states, ministries) are never read as a subject: "the Ministry of Energy"
  does not make an energy MoU.

A name that states no subject at all ("the MoU", "เอกสาร 2 ฉบับ") gives None; the purpose clause
after it ("… เพื่อส่งเสริมความร่วมมือด้านเศรษฐกิจดิจิทัล", "… to promote cooperation in tourism") is a
weaker source: :func:`subject_of` says which it used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .. import gazetteer
from ..resolve import romanize, slug
from .text import is_thai

FILLER = "-"
PLACE_PREFIX = "place-prefix"


@dataclass(frozen=True)
class Subject:
    """What an agreement covers: its subjects (sorted) and the qualifiers that tell variants apart."""

    heads: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """The subject part of the agreement's IRI: ``visa-exemption/ordinary-passports``,
        ``culture-and-tourism`` (the subjects a name lists, sorted)."""
        return "/".join(([("-and-".join(self.heads))] if self.heads else []) + list(self.qualifiers))

    def refines(self, other: Subject) -> bool:
        """Says at least what other says: the same instrument named more fully ("the MoU on energy" and
        "the MoU on energy and mining" are not; "visa exemption" and "visa exemption for ordinary
        passports" are, within one release)."""
        return set(self.heads) >= set(other.heads) and set(self.qualifiers) >= set(other.qualifiers) and (
            bool(self.heads) == bool(other.heads))


@dataclass(frozen=True)
class _Term:
    start: int
    end: int
    subject: str  # a subject, "-" (filler) or "+qualifier"


@cache
def _vocabulary() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], tuple[str, ...], tuple[str, ...]]:
    """Thai and English phrase patterns, each phrase's subject, and the place prefixes of each script."""
    by_phrase: dict[str, str] = {}
    thai, latin, prefix_th, prefix_en = [], [], [], []
    for subject, lang, phrase in gazetteer.read_tsv("agreement_subjects.tsv"):
        if subject == PLACE_PREFIX:
            (prefix_th if lang == "th" else prefix_en).append(phrase.lower())
            continue
        by_phrase[phrase.lower()] = subject
        (thai if lang == "th" else latin).append(phrase.lower())
    return (re.compile(gazetteer.alternation(thai)), re.compile(gazetteer.alternation(latin)), by_phrase,
            tuple(prefix_th), tuple(prefix_en))


def _terms(text: str, masked: str | None = None) -> list[_Term]:
    """The vocabulary's phrases in text, leftmost-longest; English ones only as whole words (a plural
    "s" allowed): "transit" is not in "transitional", "road" not in "roadmap". With ``masked`` (the
    text with names of states and organisations blanked), a phrase wholly inside such a name is not one
    ("กระทรวงพลังงาน"); one that only overlaps it is ("อุตสาหกรรมป้องกันประเทศไทย")."""
    thai, latin, by_phrase, _pt, _pe = _vocabulary()
    lower = text.lower()
    found = [_Term(m.start(), m.end(), by_phrase[m.group(0)]) for m in thai.finditer(lower)] if is_thai(lower) else []
    for m in latin.finditer(lower):
        start, end = m.start(), m.end()
        if start and lower[start - 1].isalpha():
            continue
        if end < len(lower) and lower[end] == "s" and not lower[end + 1:end + 2].isalpha():
            end += 1
        elif end < len(lower) and lower[end].isalpha():
            continue
        found.append(_Term(start, end, by_phrase[m.group(0)]))
    if masked is not None:
        found = [t for t in found if masked[t.start:t.end].strip("|")]
    return sorted(found, key=lambda t: t.start)


# Between two subjects of one list: separators, connectives and the words of a name's frame.
_LISTED = re.compile(r"(?:[\s,;/&()]|\band\b|\bof\b|\bin\b|\bon\b|\bthe\b|\bfor\b|และ|ด้าน|ว่าด้วย|การ|รวมถึง|ตลอดจน)*")
# Where a name says what it is about; in Thai also the start of a purpose clause.
_ABOUT = re.compile(r"ว่าด้วย|ด้าน|เรื่อง|\b(?:on|concerning|regarding|in the fields? of|relating to)\b", re.I)
_BETWEEN = re.compile(r"ระหว่าง(?!ประเทศ)|(?<!กำ)กับ|\b(?:between|with)\b", re.I)
_PURPOSE = re.compile(
    r"^\s?(?:\(\S[^)]{0,40}\)\s?)?(?:เพื่อ|โดยมีวัตถุประสงค์เพื่อ|ซึ่งมีวัตถุประสงค์เพื่อ|ที่มุ่ง|ครอบคลุม)(\S{0,120})"
    r"|^,?\s(?:to|aimed at|aiming to|which aims to|that aims to|covering)\s((?:[\w’'-]+\s?){1,14})", re.I)
_LOCATIVE = re.compile(r"^\s?ณ\s?(\S+(?:\s?[–—-]\s?\S+)*)|^,?\s(?:at|in)\s((?:the\s)?(?:[A-Z][\w’'-]*\s?(?:[–—-]\s?)?){1,10})")
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                      "june july august september october november december today yesterday tomorrow".split())
_STOP_WORDS = frozenset("a an the of on in for and to with between by at its their this that these those".split())


@dataclass(frozen=True)
class NameSubject:
    """What a mention of an agreement says it covers.

    ``subject`` is its identity; ``strong`` says the name states it in the vocabulary's words, so a
    mention with another strong subject is another agreement; a subject in the name's own words or from
    a purpose clause is weaker (the same release may name the same instrument another way). ``hint`` is
    what the words around the name suggest ("บันทึกความเข้าใจ 5 ด้าน ตั้งแต่ความมั่นคงปลอดภัยไซเบอร์…"):
    enough to tell which of a release's agreements a mention is about, never an identity."""

    subject: Subject | None = None
    strong: bool = False
    hint: Subject | None = None


def subject_of(title: str, noun_end: int, tail: str = "") -> NameSubject:
    """The subject of an agreement named by ``title`` (its noun ends at ``noun_end``). ``tail`` is the
    sentence after the title as the release cut it: a locative "ณ จุดผ่านแดน…", "at the … Checkpoint"
    still names the instrument's place, a purpose clause what it is for."""
    proper = _name_proper(title, noun_end)
    region = _subject_region(proper)
    masked = _masked(region)
    heads = _heads(masked, _terms(region, masked))
    locative = _LOCATIVE.match(tail)
    place_text = masked + (" " + _masked(locative.group(1) or locative.group(2)) if locative else "")
    variants = {q for t in _terms(place_text) if t.subject.startswith("+") for q in t.subject[1:].split("+")}
    qualifiers = sorted(variants | set(_places(place_text)) | set(_ordinals(place_text)) | set(_periods(place_text)))
    if heads or qualifiers:
        subject = Subject(tuple(sorted(heads)), tuple(qualifiers))
        return NameSubject(subject, True, subject)
    rest = title[len(proper):] + tail
    purpose = _PURPOSE.match(rest)
    clause = _masked(purpose.group(1) or purpose.group(2) or "") if purpose else ""
    from_purpose = _heads(clause, _terms(clause)) if clause else []
    own = _own_words(masked)
    subject = Subject((own,)) if own else Subject(tuple(sorted(from_purpose))) if from_purpose else None
    around = _masked(_subject_region(title[len(proper):]))
    hint = _heads(around, _terms(around))
    return NameSubject(subject, False, subject or (Subject(tuple(sorted(hint))) if hint else None))


_PERIOD = re.compile(r"(?<![0-9])((?:19|20|25)[0-9]{2})\s?[–—-]\s?((?:19|20|25)?[0-9]{2})(?![0-9])")


def _periods(text: str) -> list[str]:
    """"Plan of Action 2022–2025", "แผนปฏิบัติการร่วม ปี 2565-2568": the years the instrument runs,
    Gregorian (a Buddhist-era year less 543), as ``2022-2025``: the next plan is another one."""
    out = []
    for m in _PERIOD.finditer(text):
        first, last = int(m.group(1)), m.group(2)
        last_year = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if last_year <= first:
            continue
        if first > 2400:
            first, last_year = first - 543, last_year - 543
        out.append(f"{first}-{last_year}")
    return out


_ORDINAL = re.compile(r"(?:แห่งที่|ฉบับที่|ระยะที่|ครั้งที่)\s?([0-9๐-๙]{1,3})(?![0-9๐-๙])"
                      r"|\b([0-9]{1,3})(?:st|nd|rd|th)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
                      r"|tenth)\b", re.I)
_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _ordinals(text: str) -> list[str]:
    """"สะพานมิตรภาพไทย-ลาว แห่งที่ 4", "the Fourth Friendship Bridge", "JC ครั้งที่ 22": which one of a
    series the name is about, as ``no-4``."""
    out = []
    for m in _ORDINAL.finditer(text):
        if m.group(3):
            out.append(f"no-{_ORDINAL_WORDS.index(m.group(3).lower()) + 1}")
        else:
            digits = (m.group(1) or m.group(2)).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
            out.append(f"no-{int(digits)}")
    return out


# A chunk that goes on with a Thai name: what it is about, between whom, which one of a series, for which
# years ("แห่งที่ 5", "ปี 2565 - 2568"), a place pair or a name in parentheses.
_THAI_NAME_GOES_ON = re.compile(r"^(?:ว่าด้วย|ด้าน|เรื่อง|ระหว่าง|กับ|แห่ง|ของ|สำหรับ|และ|ฉบับที่|ระยะที่|ปี|พ\.ศ\.|ค\.ศ\.|[(–—-])"
                                r"|^\S{1,30}\)$|^[0-9๐-๙]{4}\s?[–-]\s?[0-9๐-๙]{2,4}$")
_THAI_NAME_OPEN = re.compile(r"(?:ว่าด้วย|ด้าน|เรื่อง|ระหว่าง|กับ|และ|แห่ง|ที่|ปี|พ\.ศ\.|[–—-])$")
_THAI_DETERMINER = re.compile(r"ฉบับนี้|ฉบับดังกล่าว|ดังกล่าว|ร่วมกัน")
_EN_NAME_WORD = re.compile(r"[A-Z(][\w’'\-–)]*|\)|of|for|and|in|the|to|a|an|on|&|[–—-]|[0-9]{4}(?:[–-][0-9]{2,4})?")


def _name_proper(title: str, noun_end: int) -> str:
    """The name itself, not the words the release goes on with: Thai writes a name as one chunk and
    chunks that continue it ("บันทึกความเข้าใจว่าด้วยความร่วมมือด้านพลังงาน ระหว่าง…"), English as
    capitalised words ("Memorandum of Understanding on Tourism Cooperation") or an "on …" phrase ("a
    Memorandum of Understanding on cooperation in the halal industry"); the words before the noun
    ("Double Taxation Agreement", "a social security agreement") are part of it."""
    head, post = title[:noun_end], title[noun_end:]
    chunks = re.split(r"(\s+)", post)
    if is_thai(title[:noun_end + 20]):
        this = _THAI_DETERMINER.search(chunks[0])
        if this:  # "ความตกลงฉบับนี้ผ่านความเห็นชอบ…": the one named before, then a clause about it
            return head + chunks[0][:this.start()]
        out, previous = [chunks[0]], chunks[0] or head
        listing = bool(_ABOUT.search(head + chunks[0]))
        for k in range(2, len(chunks), 2):
            chunk = chunks[k]
            # "ว่าด้วยกรรมสิทธิ์การใช้ การบริหาร การบำรุงรักษาสะพาน…": a list of what it covers goes on
            if not (_THAI_NAME_GOES_ON.search(chunk) or _THAI_NAME_OPEN.search(previous)
                    or (listing and chunk.startswith("การ"))):
                break
            listing = listing or bool(_ABOUT.search(chunk))
            out += [chunks[k - 1], chunk]
            previous = chunk
        return head + "".join(out)
    out, about = [], False
    for k, chunk in enumerate(chunks):
        word = chunk.strip(",;:.")
        if k % 2 or not chunk:
            out.append(chunk)
            continue
        if _ABOUT.fullmatch(word):
            about = True
        elif not (about or _EN_NAME_WORD.fullmatch(word)):
            break
        out.append(chunk)
        if chunk != word:
            break  # "…, which", "… industry."
    return re.sub(r"(?:\s+(?:of|for|and|in|the|to|a|an|on|&))+$", "", head + "".join(out).rstrip())


def _masked(text: str) -> str:
    """The text with the names of states and organisations blanked out (to "|", which ends a list)."""
    lang = "th" if is_thai(text) else "en"
    countries, orgs = gazetteer.countries(), gazetteer.organizations()
    spans = [(s, e) for s, e, _ in countries.find(text, lang)]
    spans += [(s, e) for s, e, _ in orgs.find_names(text)]
    if lang == "en":
        spans += [(s, e) for s, e, _ in countries.find_demonyms(text)]
    chars = list(text)
    for s, e in spans:
        chars[s:e] = "|" * (e - s)
    return "".join(chars)


def _subject_region(name: str) -> str:
    """The part of a name that can say what it covers: not the parties' part ("ระหว่าง … กับ …",
    "between … and …") unless the name goes on to say what it is about after it."""
    between = _BETWEEN.search(name)
    if between is None:
        return name
    about = _ABOUT.search(name, between.end())
    return name[:between.start()] + ("|" + name[about.start():] if about else "")


def _heads(region: str, terms: list[_Term]) -> list[str]:
    """The first subject and those listed with it; qualifiers and words that say nothing are skipped."""
    heads: list[str] = []
    last_end = -1
    for t in terms:
        if heads and not _listed(region, last_end, t.start):
            break
        if t.subject == FILLER or t.subject.startswith("+"):
            last_end = t.end if heads else last_end
            continue
        heads.append(t.subject)
        last_end = t.end
    return list(dict.fromkeys(heads))


def _listed(region: str, end: int, start: int) -> bool:
    """Whether the words between two subjects only list them: Thai lists with spaces ("โทรคมนาคม ไอซีที
    และเทคโนโลยีดิจิทัล"); English needs "and" or a comma ("Health and Medical Research"), as "cruise
    tourism industry" is one thing."""
    if not _LISTED.fullmatch(region, end, start):
        return False
    return is_thai(region[max(0, end - 1):start + 1]) or bool(re.search(r"[,&/]|\band\b", region[end:start]))


def _own_words(region: str) -> str | None:
    """A name's subject in its own words when the vocabulary knows none of them: the words after "on" /
    "ว่าด้วย" (Thai romanised), without the words that say nothing. Short, so a long clause read as part
    of the name gives no false likeness."""
    about = _ABOUT.search(region)
    if about is None:
        return None
    rest = region[about.end():]
    for t in sorted(_terms(rest), key=lambda t: -t.start):
        if t.subject == FILLER:
            rest = rest[:t.start] + " " + rest[t.end:]
    if is_thai(rest):
        chunk = re.split(r"[\s|()]", rest.strip(" |"), maxsplit=1)[0]
        chunk = re.sub(r"^(?:การ|ด้าน|ว่าด้วย)+", "", chunk)
        return slug(romanize(chunk))[:40].strip("-") or None if len(chunk) >= 3 else None
    words = []
    for word in re.findall(r"[A-Za-z][A-Za-z'-]*|\|", rest):
        if word == "|" or (words and not word[0].isupper() and word.lower() not in _STOP_WORDS):
            break
        if word.lower() in _STOP_WORDS:
            continue
        if word.lower() in _CALENDAR:
            return None  # "agreements on Wednesday": a day, not a subject
        words.append(re.sub(r"(?<=[a-z]{4})s$", "", word.lower()))
        if len(words) == 4:
            break
    return "-".join(words) or None


# ----------------------------------------------------------------------------- places

_PAIR_TH = re.compile(r"([\u0e00-\u0e7f]{2,})\s?[–—-]\s?([\u0e00-\u0e7f]{2,})")
_PAIR_EN = re.compile(r"((?:[A-Z][\w’'-]*\s){0,3}[A-Z][\w’'-]*)(?:\s[-–—]\s|[–—])((?:[A-Z][\w’'-]*)(?:\s[A-Z][\w’'-]*){0,3})")


def _places(text: str) -> list[str]:
    """Pairs of places the name joins with a dash — a crossing's two sides, a road's or a railway's two
    ends — each as the consonant skeleton of its romanised name, the pair sorted."""
    out = []
    for pattern in (_PAIR_TH, _PAIR_EN):
        for m in pattern.finditer(text):
            left, right = _place(m.group(1), last=True), _place(m.group(2), last=False)
            if left and right:
                out.append("-".join(sorted((left, right))))
    return out


def _place(chunk: str, *, last: bool) -> str | None:
    """One side of a pair: the words of its chunk that are no vocabulary word ("จุดผ่านแดนถาวร",
    "Permanent Border Checkpoint"), as a skeleton; None when nothing is left or it is a number."""
    terms = _terms(chunk)
    if terms:
        chunk = chunk[terms[-1].end:] if last else chunk[:terms[0].start]
    _t, _l, _b, prefix_th, prefix_en = _vocabulary()
    chunk = chunk.strip()
    lower = chunk.lower()
    for prefix in prefix_th + tuple(p + " " for p in prefix_en):
        if lower.startswith(prefix) and len(lower) > len(prefix) + 2:
            chunk = chunk[len(prefix):]
            break
    if is_thai(chunk):
        chunk = romanize(chunk)
    skeleton = _skeleton(chunk)
    return skeleton if len(skeleton) >= 2 else None


_SKELETON_MAP = str.maketrans({"j": "c", "z": "s", "x": "s", "q": "k", "d": "t", "b": "p", "v": "w"})


def _skeleton(latin: str) -> str:
    """Consonants only, h, w and y dropped, d/t and b/p merged, doubles collapsed: what the royal
    romanisation of a Thai name and the usual Latin spelling of it share ("bankhlongluek", "Ban Khlong
    Luek"; "stuengabot", "Stung Bot")."""
    letters = re.sub(r"[^a-z]", "", latin.lower()).translate(_SKELETON_MAP)
    letters = re.sub(r"[aeiouhwy]", "", letters)
    return re.sub(r"(.)\1+", r"\1", letters)


__all__ = ["NameSubject", "Subject", "subject_of"]
