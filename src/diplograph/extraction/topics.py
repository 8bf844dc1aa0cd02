"""Topics of the SKOS scheme that a passage talks about, from the cue list in data/."""

from __future__ import annotations

import re
from functools import cache

from ..gazetteer import alternation, read_tsv
from .text import is_thai


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, set[str]]]:
    by_cue: dict[str, set[str]] = {}
    thai, latin = [], []
    for notation, lang, cue in read_tsv("topic_cues.tsv"):
        by_cue.setdefault(cue.lower(), set()).add(notation)
        (thai if lang == "th" else latin).append(cue)
    # matched on the lower-cased text with plain alternations of literals: a case-insensitive pattern, or
    # a word boundary before the first letter, would cost the engine its fast scan (the boundary is
    # checked in code instead)
    return re.compile(alternation(thai)), re.compile(alternation([c.lower() for c in latin])), by_cue


def topics_in(text: str) -> tuple[str, ...]:
    """Topic notations mentioned in text, in order of first mention."""
    thai, latin, by_cue = _cues()
    lower = text.lower()
    matches = list(thai.finditer(lower)) if is_thai(lower) else []
    matches += [m for m in latin.finditer(lower) if not (m.start() and "a" <= lower[m.start() - 1] <= "z")]
    found: dict[str, None] = {}
    for m in sorted(matches, key=lambda m: m.start()):
        for notation in sorted(by_cue.get(m.group(0), ())):
            found.setdefault(notation, None)
    return tuple(found)

