"""Decoding a release's bytes: UTF-8, UTF-16/32 and Windows-874/TIS-620, or a :class:`DecodeError`.

Releases come in three encodings. The rules here either read Thai (or English) text or refuse:
a guess that produced mojibake would poison the graph silently (:func:`decode_bytes` says why a
general-purpose detector is not used).
"""

from __future__ import annotations

import codecs
import re

from ..errors import DecodeError
from .text import LATIN_LETTER, THAI_LETTER, count_covered

__all__ = ["decode_bytes"]

_MAGIC = (
    (b"%PDF", "PDF"), (b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"), (b"PK\x03\x04", "ZIP"), (b"PK\x05\x06", "ZIP"), (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0", "OLE/MS Office"), (b"\x7fELF", "ELF"), (b"RIFF", "RIFF"),
    (b"7z\xbc\xaf", "7z"), (b"Rar!", "RAR"), (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BAD_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")

# Thai orthography: an above/below vowel or tone mark follows a consonant or
# another mark; a leading vowel precedes a consonant.  Random bytes read as
# cp874 break these rules constantly, real Thai text almost never.
_ORPHAN_MARK = re.compile("(?<![\u0e01-\u0e2e\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")
_BAD_LEADING = re.compile("[\u0e40-\u0e44](?![\u0e01-\u0e2e])")
# What Thai/English releases are made of; UTF-16 read with the wrong byte order is mostly CJK.
_TEXTLIKE = re.compile("[\t\n\r\x20-\x7e\xa0-\xff\u0e00-\u0e7f\u2000-\u206f\u20ac\ufeff]+")
# Bytes above 0x7F that Windows-874 and Windows-1252 both read as the same punctuation (€ … ‘ ’ “ ” • – — NBSP).
_SHARED_HIGH = re.compile(rb"[\x00-\x7f\x80\x85\x91-\x97\xa0]*")
_UTF8_AS_CP874 = re.compile("\u0e40[\u0e18\u0e19]")


def _plausible(text: str, *, legacy: bool) -> bool:
    """Is this decoded text something a person wrote (not bytes read wrongly)?

    Every reading: no more than 0.5 % control/private-use characters (none in a
    short text).  A legacy (cp874) reading must also look Thai: Thai letters
    ≥ 30 % of letters, Thai marks in legal positions, and not the "เธ…เน…"
    pattern that UTF-8 Thai bytes make when read as cp874.
    """
    if len(_BAD_CONTROLS.findall(text)) > len(text) // 200:
        return False
    if not legacy:  # decoded strictly as UTF-8/16/32: only binary junk is left to catch
        return True
    thai = count_covered(THAI_LETTER, text)
    if thai < 4 or thai < 0.3 * (thai + count_covered(LATIN_LETTER, text)):
        return False
    if len(_ORPHAN_MARK.findall(text)) + len(_BAD_LEADING.findall(text)) > max(1, thai // 100):
        return False
    return len(_UTF8_AS_CP874.findall(text)) * 3 <= thai // 2


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a release's bytes: UTF-8 (± BOM), UTF-16/32 (BOM, or UTF-16 by its NULs), cp874.

    Windows-874/TIS-620 is accepted only when strict UTF-8 fails *and* the
    cp874 reading is plausibly Thai (enough Thai letters, no controls, Thai
    marks in legal positions), or when its only high bytes are the punctuation
    cp874 and cp1252 read alike (English text with curly quotes): a guess that
    produced mojibake would poison the graph silently, so anything else is a
    :class:`DecodeError`.
    Why rules and not a detector (charset-normalizer, which trafilatura brings
    along; diplograph does not depend on it): releases come in three
    encodings, and a detector chooses among dozens of code pages with nothing
    to say "none of these". It names the dev corpus's Windows-874 file (d023)
    right, but reads a one-line Windows-874 title ("กระทรวงการต่างประเทศ
    29 ก.ย. 2563", 33 bytes) as cp932, Japanese, and would put that mojibake
    in the graph without a word; these rules either read Thai or refuse.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(source, f"is binary ({kind}), not a text release")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(source, f"invalid {enc.upper()} after its byte-order mark at byte {e.start + len(bom)}") from None
            if not _plausible(text, legacy=False):
                raise DecodeError(source, f"{enc.upper()} byte-order mark but the text holds control characters (binary?)")
            return text
    if b"\x00" in data:
        # UTF-16 without BOM: ASCII and Thai (U+0E00–U+0E7F) both put a NUL or 0x0E in every other byte.
        if len(data) % 2 == 0:
            for enc in ("utf-16-le", "utf-16-be"):
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                if _plausible(text, legacy=False) and count_covered(_TEXTLIKE, text) >= 0.9 * len(text):
                    return text
        raise DecodeError(source, "is binary (NUL bytes without UTF-16 structure)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    else:
        if _plausible(text, legacy=False):
            return text
        raise DecodeError(source, "is binary (control characters in the text)")
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        text = None
    if text is not None and (_plausible(text, legacy=True) or (
            _SHARED_HIGH.fullmatch(data) and _plausible(text, legacy=False))):
        return text  # Thai, or (English) text whose only high bytes read alike in cp874 and cp1252
    if utf8_error.reason == "unexpected end of data" and _plausible(data[:utf8_error.start].decode("utf-8"),
                                                                     legacy=False):
        raise DecodeError(source, f"truncated: the UTF-8 text ends in the middle of a character (at byte "
                                  f"{utf8_error.start}); the file was cut short")
    raise DecodeError(source, f"not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at {utf8_error.start}), "
                              "UTF-16 or Windows-874/TIS-620 text")
