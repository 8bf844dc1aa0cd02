"""The working records of people extraction: a person assembled from a release's mentions, and the mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gazetteer import countries
from .text import is_thai

_MARKS = re.compile("[\u0e47-\u0e4e]")


def spelling(name: str) -> str:
    return _MARKS.sub("", name).lower()


class Taken:
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


def stated_in_position(record: PersonRecord) -> bool:
    """Whether a person's position phrase itself names their state ("… of the Kingdom of Thailand")."""
    phrase = record.position or ""
    lang = "th" if is_thai(phrase) else "en"
    return record.stated or bool(countries().find(phrase, lang) or (lang == "en" and countries().find_demonyms(phrase)))
