"""Naming a person, the same way in every command: ``query -p person=…``, ``viz --view person:…``,
``network --person …`` and the network page.

A person is named by their key (``prayut-chan-o-cha``), their IRI, or a name: whole or in part,
in Thai or Latin script, in any case, with or without spaces, dots and hyphens, and in the
spellings the person registry (``data/people.tsv``) lists for them ("Prayuth Chan-ocha"). The
names looked through are the ones the graph gives (``rdfs:label`` and ``skos:altLabel``, which
hold an RTGS romanisation of a Thai name) and the registry's. :func:`find_person` tries, in
order, stopping at the first step that finds anyone:

1. the key or IRI itself;
2. the person registry (every spelling of a registered person's name);
3. a whole name: the same letters (``Don Pramudwinai``, ``don pramudwinai``, ``DonPramudwinai``);
4. a whole name spelled another common way: an ``h`` after a consonant and doubled letters
   left out (``Prayuth`` / ``Prayut``, ``Thavisin`` / ``Tavisin``);
5. part of a name: each word given is in one of the person's names (``Prayut``, ``ประยุทธ์``,
   ``Chan-o-cha Prayut``), the same way, then spelled the other common way.

A step that finds two people or more is an error naming them (give more of the name, or a key);
finding nobody is an error too — never an empty answer that looks like "no meetings".
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from urllib.parse import unquote

from .errors import QueryError
from .resolve import name_form, registry

MAX_NAME = 200
_LISTED = 8  # candidates an error names


class UnknownPerson(QueryError):
    """Nobody in the graph goes by that name."""


class AmbiguousPerson(QueryError):
    """The name fits two people or more; ``candidates`` are their ids."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


def loose_form(name: str) -> str:
    """What two common Latin spellings of one name share: :func:`~diplograph.resolve.name_form`
    with an ``h`` after a consonant and doubled letters left out (``Prayuth`` and ``Prayut``)."""
    form = re.sub(r"(?<=[bcdgkpt])h", "", name_form(name))
    return re.sub(r"(.)\1+", r"\1", form)


def find_person(text: str, people: Mapping[str, Iterable[str]]) -> str:
    """The id of the one person ``text`` names among ``people`` (id → the names the graph gives them;
    an id is a person key or IRI). :class:`UnknownPerson` or :class:`AmbiguousPerson` otherwise."""
    wanted = " ".join(text.split())
    if not wanted or len(wanted) > MAX_NAME:
        raise UnknownPerson(f"{text[:MAX_NAME]!r} is not a name")
    names = {pid: _all_names(pid, found) for pid, found in people.items()}
    by_key = {_key(pid): pid for pid in names}
    if wanted in names:
        return wanted
    if _key(wanted) in by_key and ("/" in wanted or wanted == _key(wanted)):
        return by_key[_key(wanted)]
    entry = registry().lookup(wanted)
    if entry is not None and entry.key in by_key:
        return by_key[entry.key]
    words = [(name_form(w), loose_form(w)) for w in wanted.split() if name_form(w)]
    if not words:
        raise UnknownPerson(f"{wanted!r} is not a name")
    whole = name_form(wanted), loose_form(wanted)
    forms = {pid: [(name_form(n), loose_form(n)) for n in found] for pid, found in names.items()}
    for exact, loose in ((True, False), (True, True), (False, False), (False, True)):
        i = int(loose)
        if exact:
            found = sorted(pid for pid, fs in forms.items() if any(f[i] == whole[i] for f in fs))
        else:
            found = sorted(pid for pid, fs in forms.items() if any(all(w[i] in f[i] for w in words) for f in fs))
        if len(found) == 1:
            return found[0]
        if found:
            listed = ", ".join(f"{_display(names[pid])} ({_key(pid)})" for pid in found[:_LISTED])
            more = f" and {len(found) - _LISTED} more" if len(found) > _LISTED else ""
            raise AmbiguousPerson(f"{wanted!r} names {len(found)} people: {listed}{more}; give more of the name, "
                                  "or a key", found)
    close = difflib.get_close_matches(wanted, sorted({n for forms in names.values() for n in forms}), n=3)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownPerson(f"nobody named {wanted!r} (give part of the name, another spelling, a key or an IRI)"
                        f"{hint}")


def _key(pid: str) -> str:
    """A person key from an id: the key itself, or the last segment of a minted IRI."""
    return unquote(pid.rstrip("/").rsplit("/", 1)[-1])


def _all_names(pid: str, found: Iterable[str]) -> list[str]:
    """The graph's names for the person, then the registry's spellings of a registered one."""
    out = [n for n in found if n]
    entry = registry().entries.get(_key(pid))
    if entry is not None:
        out += [n for n in (entry.name_en, entry.name_th, *entry.aliases) if n]
    return out or [_key(pid)]


def _display(names: list[str]) -> str:
    """A name to show in an error: the first in Latin script, else the first."""
    return next((n for n in names if re.search(r"[A-Za-z]", n)), names[0])


__all__ = ["AmbiguousPerson", "UnknownPerson", "find_person", "loose_form"]
