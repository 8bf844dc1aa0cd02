"""Numbers in messages read as sentences: ``1 release``, ``2 releases``, ``1 person``, ``3 people``.

Every count a command or the library prints goes through :func:`count`, so no message says
"1 releases" (``tests/test_messages.py`` holds the commands to it).
"""

from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and ``noun`` (singular) or ``plural`` (default: ``noun`` + s), as a sentence says it."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


__all__ = ["count"]
