"""A Thai-capable font for matplotlib, found through its font manager.

matplotlib's default DejaVu Sans has no Thai glyphs: Thai names would be drawn
as empty boxes. We look for a font that covers Thai (the TLWG fonts of Debian's
``fonts-thai-tlwg``, Noto Sans Thai, Sarabun …), first among the fonts
matplotlib already knows, then among the system's font files (a font installed
after matplotlib built its cache is not in it). Missing, the figure is still
drawn, with a :class:`ThaiFontWarning` that says what to install.
"""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path

PREFERRED = ("Loma", "Garuda", "Noto Sans Thai", "Noto Sans Thai UI", "Sarabun", "TH Sarabun New",
             "Norasi", "Kinnari", "Waree", "Umpush", "Tlwg Typo", "Leelawadee UI", "Tahoma")
THAI_PROBE = 0x0E01  # ก


class ThaiFontWarning(UserWarning):
    """No font with Thai glyphs was found: Thai labels will show as boxes."""


def has_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def _covers_thai(path: str) -> bool:
    from matplotlib import ft2font

    try:
        return THAI_PROBE in ft2font.FT2Font(path).get_charmap()
    except (OSError, RuntimeError, ValueError):
        return False


@cache
def thai_font() -> str | None:
    """The family name of a Thai-capable font known to matplotlib, or None."""
    from matplotlib import font_manager

    manager = font_manager.fontManager
    known = {f.name: f.fname for f in manager.ttflist}
    for name in PREFERRED:
        if name in known and _covers_thai(known[name]):
            return name
    candidates = [p for p in font_manager.findSystemFonts() if Path(p).suffix.lower() in (".ttf", ".otf")]
    candidates.sort(key=lambda p: (not any(k in p.lower() for k in ("tlwg", "thai", "loma", "garuda")), p))
    for path in candidates:
        if path in known.values() or not _covers_thai(path):
            continue
        manager.addfont(path)
        return font_manager.FontProperties(fname=path).get_name()
    return None


def font_families(texts: list[str]) -> list[str]:
    """The font family list for these labels: a Thai font first when any is Thai (DejaVu Sans
    behind it for Latin glyphs it lacks); warns once per call when Thai text has no font."""
    thai = thai_font()
    if thai:
        return [thai, "DejaVu Sans"]
    if any(has_thai(t) for t in texts):
        warnings.warn("no Thai-capable font found: Thai labels will show as boxes; install one "
                      "(Debian: apt-get install fonts-thai-tlwg)", ThaiFontWarning, stacklevel=3)
    return ["DejaVu Sans"]


__all__ = ["ThaiFontWarning", "font_families", "has_thai", "thai_font"]
