"""The cues' prefilters lose no match: a led() cue's first characters, the needles a sentence must hold
before a cue or a trigger is run (cues.CUE_NEEDLES, cues.TRIGGER_WORDS).

Checked on every sentence of the bundled corpus copy and of the phenomena tests' sentences: a cue whose
wording grew without its prefilter would silently stop matching, and only this would say so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diplograph.extraction import cues
from diplograph.inputs import read_inputs
from diplograph.model import Release

import test_extract_real_phenomena as phenomena

ROOT = Path(__file__).parent
_LED = re.compile(r"\(\?=\[(?P<first>(?:[^\]\\]|\\.)+)\]\)\(\?:(?P<inner>.*)\)\Z", re.S)


def _sentences() -> list[str]:
    texts = [r.body for r in read_inputs([ROOT / "fixtures" / "corpus"]) if isinstance(r, Release)]
    for table in (phenomena.THAI_PEOPLE, phenomena.ENGLISH_PEOPLE, phenomena.EVENTS, phenomena.EVENTS_AMONG,
                  phenomena.AGREEMENTS):
        texts += [p.values[0] for p in table]
    return [line for text in texts for line in text.splitlines() if line.strip()]


SENTENCES = _sentences()
LED = {name: value for name, value in vars(cues).items()
       if isinstance(value, re.Pattern) and _LED.match(value.pattern)}
LED.update({f"{table}:{kind}": pattern for table in ("THAI_TRIGGERS", "ENGLISH_TRIGGERS")
            for kind, pattern in getattr(cues, table) if _LED.match(pattern.pattern)})


def test_the_corpus_gives_the_checks_something_to_read() -> None:
    assert len(SENTENCES) > 300 and len(LED) >= 8


@pytest.mark.parametrize("name", sorted(LED))
def test_a_led_cue_matches_what_its_pattern_alone_matches(name: str) -> None:
    led = LED[name]
    alone = re.compile(_LED.match(led.pattern)["inner"], led.flags)
    for sentence in SENTENCES:
        assert [m.span() for m in led.finditer(sentence)] == [m.span() for m in alone.finditer(sentence)], sentence


@pytest.mark.parametrize("pattern", list(cues.CUE_NEEDLE_RE), ids=lambda p: p.pattern[:30])
def test_a_cue_matches_only_where_one_of_its_needles_stands(pattern: re.Pattern[str]) -> None:
    needles = cues.CUE_NEEDLE_RE[pattern]
    for sentence in SENTENCES:
        if pattern.search(sentence):
            assert needles.search(sentence.lower()), sentence


@pytest.mark.parametrize("kind", sorted(cues.TRIGGER_NEEDLES))
def test_a_trigger_matches_only_where_one_of_its_words_stands(kind: str) -> None:
    patterns = [p for k, p in (*cues.THAI_TRIGGERS, *cues.ENGLISH_TRIGGERS) if k == kind]
    for sentence in SENTENCES:
        if any(p.search(sentence) for p in patterns):
            assert cues.TRIGGER_NEEDLES[kind].search(sentence.lower()), sentence
