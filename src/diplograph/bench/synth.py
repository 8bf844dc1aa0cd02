"""Synthetic releases for the benchmark: the dev corpus's phrasing with other people, states, dates, topics.

``releases(n, seed)`` yields ``n`` releases made by recombining the 24 releases of the
annotated development corpus (``tests/fixtures/corpus/dev``): each synthetic release is
one of them (Thai or English, plain text or a web page) in which, following the gold
annotation,

* the foreign states are replaced by other states (every Thai and English name form of
  the state and its demonym, by the names the gazetteer knows for the new one);
* the people who take part are replaced by people of a fixed pool of invented names
  (Thai script and Latin script), so the same person turns up in many releases;
* every date moves by the same number of years (Buddhist-era, Gregorian and two-digit
  years alike) and days, so a release stays consistent with itself;
* up to two topic cues (``data/topic_cues.tsv``) are swapped for cues of other topics;
* the source URL names a page of its own.

Release ``i`` depends only on the seed and ``i`` (and the releases before it only to
keep texts distinct), so the first 1 000 releases of a 100 000-release corpus are the
1 000-release corpus. Nothing is written unless asked (:func:`write_files`, an archive
of ``.txt`` and ``.html`` files; :func:`write_jsonl`): the corpus is generated on
demand, never committed.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..resources import _SOURCE_ROOT

DEV_CORPUS = _SOURCE_ROOT / "tests" / "fixtures" / "corpus" / "dev"
POOL_PEOPLE = 4000  # invented people; ~25 releases each at 100 000 releases

_TH_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
              "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
_TH_ABBR = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_MONTH = "|".join(re.escape(m) for m in sorted((*_TH_MONTHS, *_TH_ABBR, *_EN_MONTHS,
                                                 *(m[:3] + "." for m in _EN_MONTHS)), key=len, reverse=True))
_DAY_FIRST = re.compile(rf"(?<!\d)(\d{{1,2}})(\s*[-–]\s*)?(\d{{1,2}})?(\s*(?:{_MONTH}))")
_MONTH_FIRST = re.compile(rf"({'|'.join(_EN_MONTHS)})(\s+)(\d{{1,2}})(?:(\s*[-–]\s*)(\d{{1,2}}))?(?!\d)")
_BE_YEAR = re.compile(r"(?<!\d)(25[4-7]\d)(?!\d)")
_CE_YEAR = re.compile(r"(?<![\d-])(20[0-3]\d)(?!\d)")
_SHORT_YEAR = re.compile(rf"((?:{'|'.join(re.escape(a) for a in _TH_ABBR)})\s*)(\d\d)(?!\d)")
_URL = re.compile(r"(thaigov\.example/news/contents/details/)\d+")

# Invented names: parts that are names and nothing else (no state, title or common word).
_TH_FIRST_A = ("สม", "วิ", "ประ", "กิตติ", "ธนา", "สุร", "อนุ", "ภูมิ", "ชนิน", "ณัฐ", "ปิย", "วร", "ศุภ", "อภิ",
               "นพ", "จักร", "ธีร", "พีร", "สุทธิ", "เกียรติ", "อร", "พิม", "รัช", "ศิริ")
_TH_FIRST_B = ("ชาย", "ศักดิ์", "ชัย", "พงษ์", "กร", "เชษฐ์", "พล", "วุฒิ", "พันธ์", "วัฒน์", "นันท์", "รัตน์", "ภา",
               "นุช")
_TH_LAST_A = ("ศรี", "ทอง", "แก้ว", "วงศ์", "มณี", "สุข", "บุญ", "เจริญ", "รุ่ง", "พูล", "สิริ", "อุดม")
_TH_LAST_B = ("สวัสดิ์", "ประเสริฐ", "สมบูรณ์", "เรือง", "ชัยกุล", "วัฒนา", "ทรัพย์", "ธรรม", "โชติ", "ศิลป์")
_TH_LAST_C = ("", "กุล", "วงศ์", "ภักดี", "สกุล")
_EN_FIRST_A = ("Ar", "Bel", "Cor", "Dan", "El", "Fen", "Gal", "Har", "Iv", "Jon", "Kal", "Lor", "Mar", "Nor",
               "Os", "Pel", "Quin", "Ros", "Sol", "Tor", "Val", "Wil")
_EN_FIRST_B = ("a", "en", "ius", "o", "an", "ir", "el", "ina", "is")
_EN_LAST_A = ("Ash", "Brook", "Carr", "Dal", "Eng", "Fitz", "Gor", "Hol", "Kov", "Lind", "Mor", "Nak", "Ols",
              "Pet", "Rad", "Sund", "Tan", "Vel", "Wen", "Yor")
_EN_LAST_B = ("ton", "berg", "ski", "ova", "ari", "ez", "sen", "ley", "ham", "wick")


@dataclass(frozen=True)
class Synthetic:
    """One generated release: a JSONL object (``id`` and ``text`` or ``html``)."""

    release_id: str
    text: str
    html: bool

    def json(self) -> str:
        return json.dumps({"id": self.release_id, "html" if self.html else "text": self.text}, ensure_ascii=False)


@dataclass(frozen=True)
class _Template:
    name: str
    text: str
    html: bool
    countries: tuple[str, ...]  # foreign states, as the gold annotation lists them
    people: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]  # (Thai-or-text name tokens, Latin tokens)
    lang: str


@dataclass(frozen=True)
class _Identity:
    th: tuple[str, str, str]  # first, middle, last
    en: tuple[str, str, str]


def _identity(seed: int, index: int) -> _Identity:
    rng = random.Random(f"person:{seed}:{index}")
    th_first = rng.choice(_TH_FIRST_A) + rng.choice(_TH_FIRST_B)
    th_mid = rng.choice(_TH_FIRST_A) + rng.choice(_TH_FIRST_B)
    th_last = rng.choice(_TH_LAST_A) + rng.choice(_TH_LAST_B) + rng.choice(_TH_LAST_C)
    en_first = rng.choice(_EN_FIRST_A) + rng.choice(_EN_FIRST_B)
    en_mid = rng.choice(_EN_FIRST_A) + rng.choice(_EN_FIRST_B)
    en_last = rng.choice(_EN_LAST_A) + rng.choice(_EN_LAST_B)
    return _Identity((th_first, th_mid, th_last), (en_first, en_mid, en_last))


def _tokens(name: str | None) -> tuple[str, ...]:
    """The parts of a name worth replacing (not initials, ordinals or single letters)."""
    if not name:
        return ()
    return tuple(t for t in name.split() if len(t) >= 3 and "." not in t and not t.isdigit())


@cache
def _templates(corpus: Path = DEV_CORPUS) -> tuple[_Template, ...]:
    from ..sources import decode_bytes

    out = []
    for gold_file in sorted(corpus.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        source = next((p for p in (gold_file.with_suffix(s) for s in (".txt", ".html", ".htm")) if p.is_file()), None)
        if source is None:
            continue
        text = decode_bytes(source.read_bytes(), str(source))
        countries = sorted({c for e in gold.get("events", []) for c in e.get("countries", [])}
                           | {c for a in gold.get("agreements", []) for c in a.get("parties", [])})
        people = {}
        for event in gold.get("events", []):
            for p in event.get("participants", []):
                latin = p.get("name_en")
                own = p["name"] if p["name"] != latin else None
                people[(p["name"], latin)] = (_tokens(own), _tokens(latin))
        out.append(_Template(gold_file.stem, text, source.suffix != ".txt",
                             tuple(c for c in countries if c != "TH"), tuple(people.values()), gold.get("lang", "th")))
    if not out:
        raise FileNotFoundError(f"{corpus}: no annotated releases (dNNN.json beside dNNN.txt/.html)")
    return tuple(out)


@cache
def _country_forms() -> tuple[dict[str, list[str]], dict[str, tuple[str, str, str]]]:
    """Every name form of each state (Thai, English, demonym), and the states a release can be
    about with the forms to write for them (Thai label, English label, demonym)."""
    from ..gazetteer import countries

    c = countries()
    forms: dict[str, list[str]] = {}
    for table in (c.by_name_th, c.by_name_en, c.demonyms):
        for name, code in table.items():
            if len(name) >= 3:
                forms.setdefault(code, []).append(name)
    demonym = {}
    for d, code in c.demonyms.items():
        demonym.setdefault(code, d)
    usable = {}
    for code, info in sorted(c.info.items()):
        if code != "TH" and code in demonym and c.by_name_th.get(info.label_th) == code \
                and c.by_name_en.get(info.label_en) == code:
            usable[code] = (info.label_th, info.label_en, demonym[code])
    return forms, usable


@cache
def _topic_cues() -> dict[str, list[tuple[str, str]]]:
    """lang -> [(notation, cue)] for cues long enough to replace safely."""
    from ..gazetteer import read_tsv

    out: dict[str, list[tuple[str, str]]] = {}
    for notation, lang, cue in read_tsv("topic_cues.tsv"):
        if len(cue) >= 5:
            out.setdefault(lang, []).append((notation, cue))
    return out


def _replace_all(text: str, mapping: dict[str, str], *, thai: bool) -> str:
    """Replace every key by its value at once, longest key first; Latin keys as whole words."""
    if not mapping:
        return text
    return _pattern(tuple(sorted(mapping, key=lambda k: (-len(k), k))), thai).sub(lambda m: mapping[m.group(0)], text)


@lru_cache(maxsize=4096)
def _pattern(keys: tuple[str, ...], thai: bool) -> re.Pattern[str]:
    from ..gazetteer import alternation  # a trie: one pass over the text, not one per key

    alternatives = alternation(list(keys))
    return re.compile(alternatives if thai else r"(?<![\w’'-])(?:" + alternatives + r")(?![\w’-])")


def _shift_dates(text: str, years: int, days: int) -> str:
    def day_first(m: re.Match) -> str:
        d1, sep, d2, rest = m.group(1), m.group(2), m.group(3), m.group(4)
        numbers = [int(d1)] + ([int(d2)] if d2 else [])
        if max(numbers) + days > 28 or min(numbers) < 1:
            return m.group(0)
        out = str(int(d1) + days)
        if sep is not None and d2:
            out += sep + str(int(d2) + days)
        elif sep is not None:
            out += sep
        return out + rest

    def month_first(m: re.Match) -> str:
        numbers = [int(m.group(3))] + ([int(m.group(5))] if m.group(5) else [])
        if max(numbers) + days > 28 or min(numbers) < 1:
            return m.group(0)
        out = m.group(1) + m.group(2) + str(numbers[0] + days)
        if m.group(5):
            out += m.group(4) + str(numbers[1] + days)
        return out

    text = _DAY_FIRST.sub(day_first, text)
    text = _MONTH_FIRST.sub(month_first, text)
    text = _BE_YEAR.sub(lambda m: str(int(m.group(1)) + years), text)
    text = _CE_YEAR.sub(lambda m: str(int(m.group(1)) + years), text)
    return _SHORT_YEAR.sub(lambda m: m.group(1) + f"{(int(m.group(2)) + years) % 100:02d}", text)


def _people_map(template: _Template, identities: list[_Identity]) -> tuple[dict[str, str], dict[str, str]]:
    thai, latin = {}, {}
    for (own, latin_tokens), who in zip(template.people, identities):
        own_script_thai = any("\u0e00" <= ch <= "\u0e7f" for t in own for ch in t)
        for tokens, target, table in ((own, who.th if own_script_thai else who.en, thai if own_script_thai else latin),
                                      (latin_tokens, who.en, latin)):
            for i, token in enumerate(tokens):
                part = target[0] if i == 0 else target[2] if i == len(tokens) - 1 else target[1]
                table.setdefault(token, part)
    return thai, latin


def generate(template: _Template, rng: random.Random, index: int, seed: int) -> str:
    text = template.text
    forms, usable = _country_forms()
    # states
    choices = [c for c in usable if c not in template.countries]
    targets = rng.sample(choices, len(template.countries))
    thai_map: dict[str, str] = {}
    latin_map: dict[str, str] = {}
    for old, new in zip(template.countries, targets):
        label_th, label_en, demonym = usable[new]
        for form in forms.get(old, ()):
            if any("\u0e00" <= ch <= "\u0e7f" for ch in form):
                thai_map[form] = label_th
            elif form in _demonyms():
                latin_map[form] = demonym
            else:
                latin_map[form] = label_en
    # people
    picks = rng.sample(range(POOL_PEOPLE), len(template.people))
    people_th, people_en = _people_map(template, [_identity(seed, p) for p in picks])
    thai_map.update(people_th)
    latin_map.update(people_en)
    text = _replace_all(text, thai_map, thai=True)
    text = _replace_all(text, latin_map, thai=False)
    # topics: up to two cues present in the text become cues of other topics
    present, absent = _cues_of(template)
    swaps = {}
    for notation, cue in rng.sample(present, min(2, len(present))):
        others = [c for n, c in absent if n != notation]
        if others:
            swaps[cue] = rng.choice(others)
    text = _replace_all(text, swaps, thai=True) if swaps else text
    text = _shift_dates(text, rng.randint(-12, 3), rng.randint(0, 6))
    return _URL.sub(lambda m: f"{m.group(1)}{seed}{index:07d}", text)


@cache
def _cues_of(template: _Template) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The topic cues a template uses, and those it does not."""
    cues = _topic_cues().get(template.lang, [])
    return [(n, c) for n, c in cues if c in template.text], [(n, c) for n, c in cues if c not in template.text]


@cache
def _demonyms() -> frozenset[str]:
    from ..gazetteer import countries

    return frozenset(countries().demonyms)


def releases(n: int, seed: int = 1, corpus: Path = DEV_CORPUS) -> Iterator[Synthetic]:
    """``n`` distinct synthetic releases, the same ones for the same seed."""
    templates = _templates(corpus)
    seen: set[bytes] = set()
    for i in range(n):
        rng = random.Random(f"release:{seed}:{i}")
        while True:
            template = templates[rng.randrange(len(templates))]
            text = generate(template, rng, i, seed)
            digest = hashlib.blake2b(text.encode("utf-8"), digest_size=12).digest()
            if digest not in seen:
                seen.add(digest)
                break
        yield Synthetic(f"s{seed}-{i:06d}", text, template.html)


def write_jsonl(out_dir: Path, n: int, seed: int = 1, per_file: int = 1000, corpus: Path = DEV_CORPUS) -> list[Path]:
    """Write ``n`` synthetic releases as JSONL files of ``per_file`` lines each; the files' paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    handle = None
    for i, release in enumerate(releases(n, seed, corpus)):
        if i % per_file == 0:
            if handle:
                handle.close()
            paths.append(out_dir / f"synthetic-{seed}-{i // per_file:05d}.jsonl")
            handle = paths[-1].open("w", encoding="utf-8")
        handle.write(release.json() + "\n")
    if handle:
        handle.close()
    return paths


def write_files(out_dir: Path, n: int, seed: int = 1, per_dir: int = 1000, corpus: Path = DEV_CORPUS) -> Path:
    """Write ``n`` synthetic releases as an archive of files (``.txt``, web pages as ``.html``),
    ``per_dir`` to a sub-folder; ``out_dir``."""
    out_dir = Path(out_dir)
    for i, release in enumerate(releases(n, seed, corpus)):
        folder = out_dir / f"{i // per_dir:04d}"
        if i % per_dir == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{release.release_id}.{'html' if release.html else 'txt'}").write_text(release.text, encoding="utf-8")
    return out_dir


__all__ = ["DEV_CORPUS", "Synthetic", "releases", "write_files", "write_jsonl"]
