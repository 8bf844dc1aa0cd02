"""Stable identities: the same person, event or agreement gets the same key in every release.

Keys are readable ASCII slugs built from the thing itself — a person's name
(Latin form preferred; Thai names romanised with pythainlp's offline RTGS
romaniser), an event's kind, date and countries, an agreement's kind, parties
and subject — never from the release that mentions it, so rebuilding or
reading releases in another order gives the same IRIs.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

from .extract.text import is_thai


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; non-Latin text is hashed, never dropped."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not out:
        out = "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return out[:80].strip("-")


@cache
def romanize(thai: str) -> str:
    """Royal Thai General System romanisation (pythainlp, offline), for IRIs and search labels."""
    from pythainlp.transliterate import romanize as _romanize

    return " ".join(_romanize(part, engine="royin") for part in thai.split())


def person_key(name: str, lang: str, alt_names: tuple[tuple[str, str], ...] = ()) -> str:
    latin = name if lang == "en" else next((n for n, l in alt_names if l == "en"), None)
    if latin:
        return slug(latin)
    return slug(romanize(name)) if is_thai(name) else slug(name)
