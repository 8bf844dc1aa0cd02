"""A table as data, and its files: CSV, TSV and Parquet, and a pandas DataFrame.

Written without pandas on purpose: a pandas column of integers with a gap
becomes floats (``830.0``), which is exactly what analysts merging on COW codes
must not get. CSV and TSV come from the csv module (integers as integers, an
empty cell where there is no value, UTF-8 without a byte order mark, which R,
Stata and pandas read as they are); Parquet from pyarrow with typed columns
(64-bit integers with nulls, dates, text). Text cells are kept on one line (runs
of white space become one space), as Stata and TSV readers need. Files are
written whole or not at all (:func:`diplograph.pipeline.atomic_file`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..errors import DiplographError
from ..pipeline import atomic_file

Kind = Literal["text", "int", "date"]
SUFFIXES = (".csv", ".tsv", ".parquet")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind = "text"


@dataclass
class Table:
    """Rows of one of the analyst tables; cells are str, int, datetime.date or None (no value)."""

    name: str
    columns: tuple[Column, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the table leaves out, for the user

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def to_arrow(self) -> Any:
        """A pyarrow Table with typed columns (int64 with nulls, date32, string)."""
        import pyarrow as pa

        types = {"text": pa.string(), "int": pa.int64(), "date": pa.date32()}
        schema = pa.schema([pa.field(c.name, types[c.kind]) for c in self.columns])
        data = {c.name: [row[i] for row in self.rows] for i, c in enumerate(self.columns)}
        return pa.table(data, schema=schema)

    def to_pandas(self) -> Any:
        """A pandas DataFrame: integer columns as nullable ``Int64`` (never floats), dates as
        ``datetime64``, text as strings."""
        import pandas as pd
        import pyarrow as pa

        frame = self.to_arrow().to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
        for c in self.columns:
            if c.kind == "date":
                frame[c.name] = pd.to_datetime(frame[c.name])
        return frame


def write(table: Table, out: Path) -> Path:
    """Write ``table`` to ``out`` in the format its extension names (.csv, .tsv, .parquet)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise DiplographError(f"{out}: a table is written as {', '.join(SUFFIXES)}")
    with atomic_file(out) as handle:
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            pq.write_table(table.to_arrow(), handle)
        else:
            text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
            if suffix == ".tsv":  # cells hold no tab or line break (see cell), so no quoting is needed
                text.write("\t".join(table.names) + "\n")
                for row in table.rows:
                    text.write("\t".join(cell(value) for value in row) + "\n")
            else:
                writer = csv.writer(text, lineterminator="\n")
                writer.writerow(table.names)
                for row in table.rows:
                    writer.writerow([cell(value) for value in row])
            text.flush()
            text.detach()
    return out


def cell(value: Any) -> str:
    """A value as CSV text: an integer as digits, a date as YYYY-MM-DD, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise TypeError("no booleans in the tables")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return _SPACE.sub(" ", str(value)).strip()


__all__ = ["Column", "SUFFIXES", "Table", "cell", "write"]
