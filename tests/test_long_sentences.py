"""Issue 15: a release that is one very long sentence (no full stops; Thai with no space before the
words that open its sentences) is read in windows of bounded size — and loses neither text nor facts.

How fast it is, against ordinary text, is printed by ``python -m diplograph.bench`` (section 6),
never asserted here.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.bench import longsentence
from diplograph.extraction import extract
from diplograph.extraction.text import (
    CLAUSE_BREAKS,
    MAX_SENTENCE_CHARS,
    THAI_MARKS,
    is_thai,
    sentences,
    windows,
)
from diplograph.sources import MAX_LINE_CHARS, parse_release

EN_FILLER = "the economy of the region grew steadily in the first quarter of the year"
EN_FACT = ("Prime Minister Prayut Chan-o-cha held bilateral talks with Prime Minister Lee Hsien Loong of Singapore "
           "on 29 September 2020")
TH_FILLER = "เศรษฐกิจของภูมิภาคขยายตัวอย่างต่อเนื่องในไตรมาสแรกของปีตามการฟื้นตัวของการท่องเที่ยว"
TH_FACT = ("พลเอก ประยุทธ์ จันทร์โอชา นายกรัฐมนตรี หารือทวิภาคีกับนายลี เซียนลุง นายกรัฐมนตรีสิงคโปร์ "
           "เมื่อวันที่ 29 กันยายน 2563")


def _one_sentence(lang: str, clauses: int, fact_at: int) -> str:
    """A headline and one sentence of ``clauses`` filler clauses with the fact clause at ``fact_at``."""
    parts = [EN_FILLER if lang == "en" else TH_FILLER] * clauses
    parts.insert(fact_at, EN_FACT if lang == "en" else TH_FACT)
    return ("Talks with Singapore\n" + ", and ".join(parts) if lang == "en"
            else "หารือกับสิงคโปร์\n" + " และ".join(parts))


@pytest.mark.parametrize("lang", ["en", "th"])
@pytest.mark.parametrize("fact_at", [0, 37, 150, 263, 400])
def test_a_fact_inside_a_long_one_sentence_release_is_found(lang: str, fact_at: int) -> None:
    """About 30 KB (English) or 40 KB (Thai) in one sentence — cut into lines by the reader and into
    windows by the sentence splitter — still gives the meeting its clause states, wherever it is."""
    text = _one_sentence(lang, 400, fact_at)
    assert "." not in text.replace("Chan-o-cha", "")  # no sentence end anywhere
    release = parse_release(text, release_id="long", source_file="long.txt")
    body_sentences = sentences(release.body)
    assert len(body_sentences) > 10 and max(len(s.text) for s in body_sentences) <= MAX_SENTENCE_CHARS
    facts = extract(release)
    meetings = [(e.kind, e.date, e.countries) for e in facts.events]
    assert meetings == [("BilateralMeeting", dt.date(2020, 9, 29), ("SG", "TH"))]
    participants = {p.key for p in facts.people}
    assert participants == {"prayut-chan-o-cha", "lee-hsien-loong"}
    assert any((EN_FACT if lang == "en" else TH_FACT) in s for s in facts.events[0].evidence)  # quoted whole


def test_ordinary_sentences_are_not_cut() -> None:
    """Windows only cut what is longer than any sentence of a real release."""
    filler = "In short, " + ", ".join([EN_FILLER] * 20) + "."  # 1,500 characters
    body = (EN_FACT + ". ") * 3 + filler + "\n" + TH_FACT + " " + TH_FILLER
    assert [s.text for s in sentences(body)] == [EN_FACT + "."] * 3 + [filler, TH_FACT + " " + TH_FILLER]


# --- windows never lose text ---------------------------------------------------------------

_PIECES = st.sampled_from(["a", "Z", " ", "  ", ", ", "; ", ": ", ".", "\u0e01", "\u0e19", "\u0e32", "\u0e34",
                           "\u0e48", "\u0e31\u0e49", "e\u0301", " และ", "โดย", "ประชุม", "7", "\t"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECES, max_size=400), limit=st.integers(1, 60), lo=st.integers(0, 20))
def test_windows_cover_the_text_exactly(pieces: list[str], limit: int, lo: int) -> None:
    text = "".join(pieces)
    lo = min(lo, len(text))
    spans = windows(text, lo, len(text), limit, CLAUSE_BREAKS)
    assert spans[0][0] == lo and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # consecutive: nothing skipped, nothing twice
    assert all(0 < end - start <= limit for start, end in spans) or spans == [(lo, lo)]
    def mark(i: int) -> bool:
        return text[i] in THAI_MARKS or unicodedata.combining(text[i]) > 0

    for start, end in spans[:-1]:  # a Thai mark (or any combining mark) stays with its letter
        if mark(end) and not text[end - 1].isspace():  # unless the window's whole second half is marks
            assert all(mark(i) for i in range(start + max(1, limit // 2), end + 1))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(_PIECES, max_size=1500), lines=st.integers(1, 3))
def test_sentences_keep_every_character(pieces: list[str], lines: int) -> None:
    """However a body is cut — sentence ends, Thai sentence openers, windows — the sentences, in
    order, hold all its text but the spaces where they were cut, and none is over the bound."""
    text = "".join(pieces) * 6  # up to ~20 000 characters, beyond the bound
    body = "\n".join([text] * lines)
    found = sentences(body)
    assert all(body[s.start:s.end] == s.text and len(s.text) <= MAX_SENTENCE_CHARS for s in found)
    assert all(a.end <= b.start and not body[a.end:b.start].strip() for a, b in zip(found, found[1:]))
    assert "".join("".join(s.text.split()) for s in found) == "".join(body.split())


def test_a_long_line_is_cut_at_clauses_before_spaces() -> None:
    """The reader's line limit cuts after a comma (or before a Thai conjunction), not between two
    words of a name."""
    line = ", ".join([EN_FACT] * 400)
    parts = parse_release("Headline\n" + line, release_id="l", source_file="l.txt").body.split("\n")[1:]
    assert len(parts) > 5 and max(map(len, parts)) <= MAX_LINE_CHARS
    assert all(p.startswith("Prime Minister Prayut") for p in parts)
    thai = " และ".join([TH_FACT] * 400)
    parts = parse_release("หัวข้อ\n" + thai, release_id="t", source_file="t.txt").body.split("\n")[1:]
    assert len(parts) > 5 and all(p.startswith("และพลเอก ประยุทธ์") for p in parts[1:])


# --- the benchmark's texts -------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "th"])
def test_the_benchmarks_one_sentence_text_is_one_sentence(lang: str) -> None:
    """Section 6 of the benchmark compares like with like: the same sentences, once ordinary and
    once joined into one (cut only by the windows)."""
    ordinary, one = longsentence.texts(lang, 30_000)
    assert 30_000 <= len(one.encode()) and abs(len(one.encode()) - len(ordinary.encode())) < 0.1 * len(one.encode())
    _headline, line = one.split("\n")
    assert is_thai(line) == (lang == "th")
    cut = sentences(line)
    assert len(cut) > 1 and all(len(s.text) > MAX_SENTENCE_CHARS // 2 for s in cut[:-1])  # only window cuts
