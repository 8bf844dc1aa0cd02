"""Topics of the SKOS scheme that a passage talks about, from the cue list in data/."""

from __future__ import annotations

import re
from functools import cache

from ..gazetteer import alternation, read_tsv


@cache
def _cues() -> tuple[re.Pattern[str], dict[str, set[str]]]:
    by_cue: dict[str, set[str]] = {}
    thai, latin = [], []
    for notation, lang, cue in read_tsv("topic_cues.tsv"):
        by_cue.setdefault(cue.lower(), set()).add(notation)
        (thai if lang == "th" else latin).append(cue)
    # matched on the lower-cased text: a case-insensitive alternation would cost the engine its fast scan
    pattern = re.compile(
        r"(?:" + alternation(thai) + r")|(?<![a-z])(?:" + alternation([c.lower() for c in latin]) + r")")
    return pattern, by_cue


def topics_in(text: str) -> tuple[str, ...]:
    """Topic notations mentioned in text, in order of first mention."""
    pattern, by_cue = _cues()
    found: dict[str, None] = {}
    for m in pattern.finditer(text.lower()):
        for notation in sorted(by_cue.get(m.group(0).lower(), ())):
            found.setdefault(notation, None)
    return tuple(found)
