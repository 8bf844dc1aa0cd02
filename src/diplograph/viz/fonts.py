"""The Thai-capable font of every figure: Sarabun Regular, shipped inside the package.

matplotlib's default DejaVu Sans has no Thai glyphs: Thai names would be drawn as
empty boxes. Why a font file in the package rather than the system's fonts: a
figure must read the same on any machine with nothing but Python — no Debian
``fonts-thai-tlwg``, no font cache that predates an install — and the same input
must give the same SVG everywhere. Why Sarabun: Cadson Demak's Sarabun (the
Google Fonts family descended from TH Sarabun New, the typeface of Thai
government documents) covers Latin as well as Thai, so a mixed label is set in
one face, and it is licensed under the SIL Open Font License 1.1, which allows
shipping it unmodified with its licence (``assets/fonts/OFL.txt``; provenance
in ``assets/README.md``). Only the regular weight is shipped (90 KB): figures
use no other. matplotlib 3.11 or later shapes the text (libraqm), which puts
Thai vowel and tone marks in place.

The file is registered with matplotlib's font manager once per process; figures
ask for the family by name, with DejaVu Sans behind it for any symbol Sarabun
lacks. If the file is missing (a broken install), figures are still drawn, with
a :class:`ThaiFontWarning` when a label is Thai.
"""

from __future__ import annotations

import warnings
from functools import cache
from importlib import resources
from pathlib import Path

FONT_FILE = ("assets", "fonts", "Sarabun-Regular.ttf")


class ThaiFontWarning(UserWarning):
    """The shipped Thai font could not be loaded: Thai labels will show as boxes."""


def has_thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def font_path() -> Path:
    """The shipped font file (inside the installed package)."""
    return Path(str(resources.files("diplograph.viz").joinpath(*FONT_FILE)))


@cache
def thai_font() -> str | None:
    """The family name of the shipped Thai font, registered with matplotlib; None if it is missing."""
    from matplotlib import font_manager

    path = font_path()
    if not path.is_file():
        return None
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def font_families(texts: list[str]) -> list[str]:
    """The font family list for these labels: the Thai font first (DejaVu Sans behind it for
    glyphs it lacks); warns once per call when Thai text has no font."""
    thai = thai_font()
    if thai:
        return [thai, "DejaVu Sans"]
    if any(has_thai(t) for t in texts):
        warnings.warn(f"the Thai font {font_path()} is missing: Thai labels will show as boxes; "
                      "reinstall diplograph", ThaiFontWarning, stacklevel=3)
    return ["DejaVu Sans"]


__all__ = ["ThaiFontWarning", "font_families", "font_path", "has_thai", "thai_font"]
