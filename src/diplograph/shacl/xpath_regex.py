"""XPath regular expressions (sh:pattern, with sh:flags) compiled with Python's :mod:`re`.

SHACL's sh:pattern is SPARQL's REGEX, whose syntax is XPath's. The two dialects agree on what
diplograph's shapes use, except for the flags and for ``$``, which XPath matches only at the
very end of the string (Python's also before a final newline): :func:`xpath_regex` handles both.
"""

from __future__ import annotations

import re

__all__ = ["xpath_regex"]

_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


def xpath_regex(pattern: str, flags: str) -> re.Pattern:
    """Compile an XPath regular expression (as SPARQL REGEX takes it) with Python's re.

    The differences that matter are handled: the flags, and ``$``, which in XPath matches
    only at the end of the string (Python's also matches before a final newline) unless
    the ``m`` flag is given."""
    unknown = set(flags) - set(_FLAGS) - {"q"}
    if unknown:
        raise ValueError(f"unknown regular-expression flags {''.join(sorted(unknown))!r}")
    if "q" in flags:
        return re.compile(re.escape(pattern), _python_flags(flags))
    if "m" not in flags:
        pattern = _dollar_at_end_only(pattern)
    return re.compile(pattern, _python_flags(flags))


def _python_flags(flags: str) -> int:
    value = 0
    for f in flags:
        value |= _FLAGS.get(f, 0)
    return value


def _dollar_at_end_only(pattern: str) -> str:
    """Replace each unescaped ``$`` outside a character class by ``\\Z``."""
    out = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if ch == "[":  # copy the class; a "]" first in it (after an optional "^") is literal
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i:j + 1])
            i = j + 1
            continue
        out.append(r"\Z" if ch == "$" else ch)
        i += 1
    return "".join(out)

