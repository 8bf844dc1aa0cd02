#!/usr/bin/env python3
"""Fold the collectors' lists (eval/real/incoming/*.tsv) into eval/real/sources.tsv, and assign splits.

A page keeps the split it was given when it first entered the list, so adding pages never moves one
between the parts. New pages get theirs by a rule fixed before anyone reads them: within each
collector's group, in the order collected, every third page (the 3rd, 6th, …) is held out.
A page whose URL is already listed is left out (the same release seen twice).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

REAL = Path(__file__).resolve().parent / "real"
COLUMNS = ("id", "lang", "site", "url", "year", "split", "query")


def main() -> int:
    target = REAL / "sources.tsv"
    rows: list[dict[str, str]] = []
    if target.exists():
        with target.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
    known_ids = {r["id"] for r in rows}
    known_urls = {r["url"].rstrip("/") for r in rows}
    added = 0
    for part in sorted((REAL / "incoming").glob("*.tsv")):
        lines = [ln.split("\t") for ln in part.read_text(encoding="utf-8").splitlines() if ln.strip()]
        lines.sort(key=lambda cols: int(re.sub(r"\D", "", cols[0]) or 0))
        for position, cols in enumerate(lines, 1):
            if len(cols) < 6:
                print(f"{part.name}: line for {cols[0]!r} has {len(cols)} columns, not 6", file=sys.stderr)
                continue
            rid, lang, site, url, year, query = (c.strip() for c in cols[:6])
            if rid in known_ids:
                continue
            if url.rstrip("/") in known_urls:
                print(f"{rid}: {url} is already listed; left out", file=sys.stderr)
                continue
            if not (REAL / "gold" / f"{rid}.json").exists():
                print(f"{rid}: no gold file; left out", file=sys.stderr)
                continue
            split = "heldout" if position % 3 == 0 else "dev"
            rows.append(dict(zip(COLUMNS, (rid, lang, site, url, year, split, query))))
            known_ids.add(rid)
            known_urls.add(url.rstrip("/"))
            added += 1
    rows.sort(key=lambda r: r["id"])
    tmp = target.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(target)
    print(f"{added} pages added; {len(rows)} in {target.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
