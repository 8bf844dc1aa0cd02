"""Long sentences: a release that is one 200 KB sentence against 200 KB of ordinary text.

A scraped page, a table flattened into one line or a Thai release typed without the
spaces that separate its sentences can be one very long "sentence". Extraction must cost
about what the same amount of ordinary text costs (issue 15: it once cost ~0.2 s per KB,
an hour for a file under the 20 MB input limit).

Both texts are made from the same synthetic releases (:mod:`diplograph.bench.synth`), so
they hold the same words:

* **ordinary** — the releases' bodies, one after another, as paragraphs;
* **one sentence** — the same sentences joined into one line with no sentence end: English
  sentences lose their full stop and are joined by ", and "; Thai sentences (which end at a
  space before a word that opens a sentence) are joined by a space, or by " และ" where the next
  one opens with such a word, so that nothing splits them again.

Sizes are UTF-8 bytes (a Thai character is three). The release is read
(:func:`diplograph.sources.parse_release`, which already cuts lines above
:data:`~diplograph.sources.MAX_LINE_CHARS`) and extracted; the figure is the median of a few
repeats, the two texts timed alternately so that a noisy neighbour hits both alike.
"""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Iterator

from . import synth

DEFAULT_BYTES = 200_000
_EN_END = re.compile(r"[.!?]+[”\"’)]?$")
_HEADLINE = {"en": "Press release on the week's meetings", "th": "ข่าวการประชุมประจำสัปดาห์"}


def _bodies(lang: str, seed: int) -> Iterator[str]:
    """Bodies of synthetic plain-text releases in one language, endlessly."""
    from ..extraction.text import is_thai
    from ..sources import parse_release

    batch = 0
    while True:
        for r in synth.releases(200, seed=seed + batch):
            if not r.html and is_thai(r.text) == (lang == "th"):
                yield parse_release(r.text, release_id=r.release_id, source_file=r.release_id + ".txt").body
        batch += 1


def texts(lang: str, size: int = DEFAULT_BYTES, seed: int = 11) -> tuple[str, str]:
    """(ordinary text, one sentence) of at least ``size`` UTF-8 bytes each, from the same sentences;
    each opens with a headline line, as a release does."""
    from ..extraction.text import sentences

    lines: list[str] = []
    joined: list[str] = []
    ordinary = one = 0
    for body in _bodies(lang, seed):
        lines.append(body)
        ordinary += len(body.encode()) + 1
        for sentence in (s.text for s in sentences(body)):
            piece = _join(lang, joined[-1] if joined else None, sentence)
            joined.append(piece)
            one += len(piece.encode())
        if min(ordinary, one) >= size:
            return _HEADLINE[lang] + "\n" + "\n".join(lines), _HEADLINE[lang] + "\n" + "".join(joined)
    raise AssertionError("unreachable: _bodies never ends")


def _join(lang: str, before: str | None, sentence: str) -> str:
    """A sentence as the continuation of the one before: English loses its full stop and follows
    ", and "; Thai follows a space, or " และ" (no space after) where the splitter would cut at the
    space (the sentence opens with "ทั้งนี้", "ในการนี้" …, or the one before ends in a Latin full stop)."""
    from ..extraction.text import sentences

    if lang == "en":
        sentence = _EN_END.sub("", sentence)
        return sentence if before is None else ", and " + sentence
    if before is None:
        return sentence
    return (" " if len(sentences(before[-40:] + " " + sentence[:40])) == 1 else " และ") + sentence


def time_extraction(text: str, release_id: str = "long") -> float:
    """Seconds to read and extract one release given as text."""
    from ..extraction import extract
    from ..sources import parse_release

    start = time.perf_counter()
    extract(parse_release(text, release_id=release_id, source_file=release_id + ".txt"))
    return time.perf_counter() - start


def measure(size: int = DEFAULT_BYTES, repeats: int = 3, langs: tuple[str, ...] = ("en", "th")) -> dict:
    """For each language: median seconds for ordinary text and for one sentence of ``size`` bytes, and
    their ratio (one sentence ÷ ordinary)."""
    out: dict = {"bytes": size, "repeats": repeats, "langs": {}}
    for lang in langs:  # warm-up: gazetteers, compiled patterns, the romaniser
        time_extraction(texts(lang, 5000)[0])
    for lang in langs:
        ordinary, long = texts(lang, size)
        times: dict[str, list[float]] = {"ordinary": [], "one_sentence": []}
        for _ in range(repeats):
            times["ordinary"].append(time_extraction(ordinary))
            times["one_sentence"].append(time_extraction(long))
        med = {k: statistics.median(v) for k, v in times.items()}
        out["langs"][lang] = {**med, "ratio": med["one_sentence"] / med["ordinary"],
                              "ordinary_bytes": len(ordinary.encode()), "one_sentence_bytes": len(long.encode())}
    return out


def report(result: dict) -> str:
    """The section's Markdown table."""
    rows = ["| language | ordinary text | one sentence | ratio (one sentence ÷ ordinary) |", "|---|---|---|---|"]
    names = {"en": "English", "th": "Thai"}
    for lang, r in result["langs"].items():
        rows.append(f"| {names.get(lang, lang)} | {r['ordinary']:.2f} s | {r['one_sentence']:.2f} s | "
                    f"**{r['ratio']:.2f}** |")
    return (f"### 6. Long sentences (read + extract one release of {result['bytes'] / 1000:,.0f} KB, UTF-8; "
            f"medians of {result['repeats']} repeats)\n\n" + "\n".join(rows))


def main(argv: list[str] | None = None) -> int:
    """``python -m diplograph.bench.longsentence``: this section alone (the whole benchmark runs it too)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m diplograph.bench.longsentence", description=__doc__.split("\n\n")[0])
    parser.add_argument("--bytes", type=int, default=DEFAULT_BYTES, help="size of each text (default 200000)")
    parser.add_argument("--repeats", type=int, default=7, help="repeats for the medians (default 7)")
    args = parser.parse_args(argv)
    print(report(measure(args.bytes, args.repeats)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["DEFAULT_BYTES", "main", "measure", "report", "texts", "time_extraction"]
