"""Stable identities: the same person, event or agreement gets the same key in every release.

Keys are readable ASCII slugs built from the thing itself, never from the release
that mentions it, so rebuilding or reading releases in another order gives the
same IRIs. A person is looked up in the person registry (``data/people.tsv``:
canonical name, Thai and English names, aliases, country, Wikidata id), which
decides the hard cases — "ดอน ปรมัตถ์วินัย" and "Don Pramudwinai" are one
person; without an entry, the Latin form of the name is the key (a release
giving "นายหวัง อี้ (H.E. Mr. Wang Yi)" links the Thai form to it), and a Thai
name with no Latin form is romanised with pythainlp's offline RTGS romaniser.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .gazetteer import alternation, read_tsv


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; non-Latin text is hashed, never dropped."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not out:
        out = "x" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return out[:80].strip("-")


@cache
def romanize(thai: str) -> str:
    """Royal Thai General System romanisation (pythainlp, offline), for IRIs and search labels."""
    from pythainlp.transliterate import romanize as _romanize

    return " ".join(_romanize(part, engine="royin") for part in thai.split())


def name_form(name: str) -> str:
    """What two spellings of one name share: no case, spaces, dots, hyphens or apostrophes."""
    return re.sub(r"[\s.\-’'‘`]+", "", unicodedata.normalize("NFC", name)).lower()


@dataclass(frozen=True)
class RegistryEntry:
    key: str
    name_en: str
    name_th: str
    aliases: tuple[str, ...]
    country: str | None
    wikidata: str | None


class Registry:
    """The person registry, indexed by every form of every name."""

    def __init__(self, rows: list[list[str]]) -> None:
        self.entries: dict[str, RegistryEntry] = {}
        self.by_form: dict[str, str] = {}
        self._pattern: re.Pattern[str] | None = None
        for row in rows:
            key, name_en, name_th, aliases, country, wikidata = (row + [""] * 6)[:6]
            entry = RegistryEntry(key, name_en, name_th, tuple(a for a in aliases.split("|") if a),
                                  country or None, wikidata or None)
            self.entries[key] = entry
            forms = [name_en, name_th, *entry.aliases]
            parts = name_en.split()
            if len(parts) == 2:
                forms.append(f"{parts[1]} {parts[0]}")  # "Kishida Fumio" / "Fumio Kishida"
            for form in forms:
                if form:
                    self.by_form.setdefault(name_form(form), key)

    def thai_forms_pattern(self) -> re.Pattern[str]:
        """Every registered Thai full name, as written with its space and without it ("ยิ่งลักษณ์ ชินวัตร",
        "ยิ่งลักษณ์ชินวัตร"), so a leader named without an honorific is found; a trie of literals, so the
        scan costs little however long the registry grows."""
        if self._pattern is None:
            forms = {v for e in self.entries.values() for f in (e.name_th, *e.aliases)
                     if f and len(f.split()) >= 2 and re.search(r"[\u0e00-\u0e7f]", f)
                     for v in (f, f.replace(" ", ""))}
            self._pattern = re.compile(alternation(sorted(forms)))
        return self._pattern

    def lookup(self, *names: str) -> RegistryEntry | None:
        for name in names:
            key = self.by_form.get(name_form(name))
            if key:
                return self.entries[key]
        return None


@cache
def registry() -> Registry:
    return Registry(list(read_tsv("people.tsv")))


def person_key(name: str, lang: str, alt_names: tuple[tuple[str, str], ...] = ()) -> str:
    entry = registry().lookup(name, *(n for n, _ in alt_names))
    if entry:
        return entry.key
    latin = name if lang == "en" else next((n for n, l in alt_names if l == "en"), None)
    if latin:
        return slug(latin)
    return slug(romanize(name)) if re.search(r"[\u0e00-\u0e7f]", name) else slug(name)
