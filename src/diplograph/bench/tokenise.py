"""The floor of the extraction cost ratio: a process that only reads and tokenises release files.

``python -m diplograph.bench.tokenise DIR`` reads every ``.txt``/``.html``/``.htm`` file
under DIR (UTF-8, else Windows-874; tags of web pages stripped) and runs pythainlp's
newmm word tokeniser on it — what any Thai text pipeline costs at least. The benchmark
times it against ``diplograph build DIR`` (both as fresh processes, start-up included).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]*>", re.S | re.I)


def main(argv: list[str] | None = None) -> int:
    from pythainlp.tokenize import word_tokenize

    folders = [Path(a) for a in (argv if argv is not None else sys.argv[1:])]
    words = 0
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".txt", ".html", ".htm")):
            data = path.read_bytes()
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp874", errors="replace")
            if path.suffix.lower() != ".txt":
                text = _TAGS.sub(" ", text)
            words += len(word_tokenize(text, engine="newmm"))
    print(f"{words} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
