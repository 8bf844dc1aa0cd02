"""Analyst datasets: the store as tables for pandas, R and Stata (``diplograph export --table``).

Three tables, in the manner of event datasets (GDELT, ICEWS, POLECAT), with
ISO alpha-3 and Correlates of War codes to merge with other country data::

    import diplograph.tables as dt

    with diplograph.EmbeddedStore.open("out/store") as store:
        events = dt.events(store)                          # one row per event and pair of states
        panel = dt.dyads(store, by="year", complete=True)  # counts per pair and period
        mous = dt.agreements(store, country="TH")          # one row per agreement

Each returns a pandas DataFrame (integer columns as nullable ``Int64``, never
floats); :func:`table` returns the :class:`Table` itself and :func:`write` writes
one to .csv, .tsv or .parquet. The codebook — every column, its type and
meaning, how CAMEO and PLOVER codes are chosen — is docs/datasets.md, shipped
in the package (:func:`codebook`). The panel counts held events unless
``include_planned``, as every count does (:mod:`diplograph.counting`). The store is read
by :func:`diplograph.network.data.read_facts`, as the pictures and measures read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from ..errors import DiplographError
from ..periods import DateLike, as_date
from ..counting import Queryable as Source
from .build import COLUMNS, PERIODS, Filters, Period, agreements_table, dyads_table, events_table, read
from .output import SUFFIXES, Column, Table, write

TableName = Literal["events", "dyads", "agreements"]
TABLES: tuple[TableName, ...] = ("events", "dyads", "agreements")


def table(store: Source, name: TableName, *, by: Period = "year", include_planned: bool = False,
          complete: bool = False, since: DateLike = None, until: DateLike = None,
          country: str | Iterable[str] = ()) -> Table:
    """One of the tables. ``by``, ``include_planned`` and ``complete`` are the panel's (dyads)."""
    if name not in TABLES:
        raise DiplographError(f"--table {name!r}: give one of {', '.join(TABLES)}")
    if name != "dyads" and (include_planned or complete or by != "year"):
        raise DiplographError(f"--by, --complete and --include-planned are for --table dyads, not {name}")
    filters = Filters(_day(since, "since"), _day(until, "until"), _countries(country))
    facts = read(store, include_planned=include_planned)
    if name == "events":
        return events_table(facts, filters)
    if name == "agreements":
        return agreements_table(facts, filters)
    return dyads_table(facts, by, complete=complete, filters=filters)


def events(store: Source, **options: Any) -> Any:
    """Events by pair of states, as a DataFrame (options: since, until, country)."""
    return table(store, "events", **options).to_pandas()


def dyads(store: Source, by: Period = "year", **options: Any) -> Any:
    """The dyad-period panel, as a DataFrame (options: include_planned, complete, since, until, country)."""
    return table(store, "dyads", by=by, **options).to_pandas()


def agreements(store: Source, **options: Any) -> Any:
    """Agreements, as a DataFrame (options: since, until, country)."""
    return table(store, "agreements", **options).to_pandas()


def codebook() -> Path:
    """The codebook's file (docs/datasets.md), in the installed package or the source tree."""
    from ..resources import resource_file

    return resource_file("docs", "datasets.md")


def _day(value: DateLike, name: str) -> dt.date | None:
    """A ``since``/``until`` in the one date syntax (:mod:`diplograph.periods`): ``until=2023`` ends on
    31 December 2023."""
    try:
        return as_date(value, end=name == "until")
    except DiplographError as exc:
        raise DiplographError(f"--{name}: {exc}") from None


def _countries(value: str | Iterable[str]) -> frozenset[str]:
    """ISO alpha-2 codes (alpha-3 accepted), checked: a typo must not give an empty table silently."""
    from .codes import iso2

    items = [value] if isinstance(value, str) else list(value)
    return frozenset(iso2(item) for item in items)


__all__ = ["COLUMNS", "Column", "PERIODS", "SUFFIXES", "TABLES", "Table", "agreements", "codebook", "dyads",
           "events", "table", "write"]
