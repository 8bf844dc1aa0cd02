"""Text in one canonical form, and what its letters say (Thai or English, which script).

:func:`normalize_text` gives every later stage — and the content hash — one form of the text;
:func:`detect_lang` and :func:`script_problem` judge a text by its letters. The letter counts
(:func:`count_covered` with :data:`THAI_LETTER`, :data:`LATIN_LETTER`) are shared with the
decoder, which uses them to tell Thai from bytes read wrongly, and the HTML reader.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import Lang

__all__ = ["LATIN_LETTER", "SCRIPT_SAMPLE", "THAI_LETTER", "count_covered", "detect_lang", "normalize_text",
           "script_problem"]

THAI_LETTER = re.compile("[\u0e01-\u0e4e]+")  # runs: counting them is cheaper than one match per letter
LATIN_LETTER = re.compile("[A-Za-z]+")

# zero-width → "", Unicode spaces and controls → " ", odd line breaks → "\n", Thai digits ๐–๙ → 0–9;
# lone surrogates (a JSON "\ud800" escape, half an emoji) → "": they cannot be encoded, in RDF or anywhere.
_MAP = {chr(c): "" for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD)}
_MAP |= {chr(c): " " for c in (9, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B), *range(0, 9),
                               *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0))}
_MAP |= {chr(c): "\n" for c in (0x0B, 0x0C, 0x85, 0x2028, 0x2029)} | {chr(0x0E50 + i): str(i) for i in range(10)}
# str.translate looks up every character (≈40 ms per MB of Thai); a regex that
# only stops at the few characters to change is ~8× faster on real text.
_TO_MAP = re.compile("[" + "".join(re.escape(c) for c in sorted(_MAP)) + "\ud800-\udfff]")
_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")  # nikhahit (+tone) + sara aa → (tone +) sara am
_DOUBLE_SARA_E = re.compile("\u0e40\u0e40")  # "เเ" typed for "แ"
_TONE_FIRST = re.compile("([\u0e48-\u0e4b]+)([\u0e31\u0e34-\u0e37])")  # "ท่ี": a tone typed before its vowel
_DUP_MARK = re.compile("([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\\1+")  # the same mark typed twice
_SPACES = re.compile(" {2,}")
_LINE_EDGES = re.compile(" *\n *")
_BLANK_RUNS = re.compile("\n{3,}")


def _thai_marks(s: str) -> str:
    """Thai vowels and marks as they should be typed, until nothing changes (one pass on clean text).

    One fix can make another possible — a doubled tone removed leaves nikhahit,
    tone and sara aa side by side, to be composed into sara am — so the fixes
    repeat until the text is stable; each one shortens the text or moves a tone
    mark to the right, so this ends.
    """
    while True:
        fixed = s
        if "\u0e4d" in fixed:
            fixed = _SARA_AM.sub("\\1\u0e33", fixed)
        if "\u0e40\u0e40" in fixed:
            fixed = _DOUBLE_SARA_E.sub("\u0e41", fixed)
        fixed = _DUP_MARK.sub("\\1", fixed)
        if _TONE_FIRST.search(fixed):
            fixed = unicodedata.normalize("NFC", _TONE_FIRST.sub("\\2\\1", fixed))
        if fixed == s:
            return s
        s = fixed


def normalize_text(s: str) -> str:
    """One canonical form of text for every later stage (and for the content hash).

    NFC; zero-width characters, soft hyphens and lone surrogates removed
    (scrapers leave them inside Thai words); every Unicode space → " ", runs
    collapsed; controls dropped; line endings → "\\n", lines stripped, at most one blank line in a
    row; decomposed sara am composed ("นํ้า" → "น้ำ"), "เเ" → "แ", a tone mark typed
    before its vowel put after it ("ท่ี" → "ที่", as NFC does for vowels below); Thai digits →
    ASCII digits (documented choice: dates, counts and ordinals then need one
    grammar).  Idempotent, and linear: a handful of compiled regexes
    (≈25 ms per MB).
    """
    s = _TO_MAP.sub(lambda m: _MAP.get(m.group(), ""), s.replace("\r\n", "\n").replace("\r", "\n"))
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    s = _thai_marks(s)
    s = _SPACES.sub(" ", s)
    s = _LINE_EDGES.sub("\n", s)
    return _BLANK_RUNS.sub("\n\n", s).strip(" \n")


def count_covered(runs: re.Pattern[str], text: str) -> int:
    """How many characters of ``text`` the run pattern covers (removing them is done in C: no Python loop)."""
    return len(text) - len(runs.sub("", text))


def detect_lang(text: str) -> Lang:
    """"th" when Thai letters are at least 30 % of the letters (names in Latin script don't flip it)."""
    text = text[:20000]  # the share is settled long before; keeps huge inputs cheap
    thai = count_covered(THAI_LETTER, text)
    latin = count_covered(LATIN_LETTER, text)
    return "th" if thai and thai >= 0.3 * (thai + latin) else "en"


_LATIN_ANY = re.compile("[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")  # English, and names with accents
_OTHER_LETTERS = re.compile("[^\\W\\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0e00-\u0e7f]+")  # any other script
_SCRIPT_NAMES = {"CJK": "Han", "HANGUL": "Hangul", "HIRAGANA": "Hiragana", "KATAKANA": "Katakana"}
SCRIPT_SAMPLE = 20000  # characters looked at: the share of each script is settled long before


def script_problem(text: str) -> str | None:
    """Why ``text`` is not a Thai or English release, judged by its letters; None when it is one.

    Thai and Latin letters must be at least half of all letters: a Lao,
    Khmer or Chinese page gives "no Thai or English text (Lao script)" instead
    of a silently empty release, while names in another script inside a Thai
    or English release are fine.  Linear, and only the first
    :data:`SCRIPT_SAMPLE` characters are read.
    """
    sample = text[:SCRIPT_SAMPLE]
    ours = count_covered(THAI_LETTER, sample) + count_covered(_LATIN_ANY, sample)
    others = count_covered(_OTHER_LETTERS, sample)
    if ours >= others and ours:
        return None
    if not others:
        return "no Thai or English text (no letters at all)"
    scripts: dict[str, int] = {}
    for m in _OTHER_LETTERS.finditer(sample):
        for c in m.group():
            word = unicodedata.name(c, "UNKNOWN").split(" ")[0]
            scripts[word] = scripts.get(word, 0) + 1
    top = max(sorted(scripts), key=scripts.__getitem__)
    return f"no Thai or English text ({_SCRIPT_NAMES.get(top, top.title())} script)"
