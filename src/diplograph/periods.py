"""Dates and periods as analysts type them: ``2020``, ``2020-03``, ``2020-03-15``, ``2019..2021``.

One syntax everywhere: every ``--since``/``--until`` of every command, the ``date`` parameters of
queries (``-p from=2020 -p to=2020``), the library's ``since=``/``until=`` and the network page's
``?since=``. A year or a month given as a start means its first day, as an end its last day, so
``--since 2020 --until 2020`` is the whole of 2020 and ``--until 2024-02`` ends on 29 February.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .errors import QueryError

Period = tuple[dt.date | None, dt.date | None]
DateLike = dt.date | str | None  # a date, or text: 2020, 2020-03, 2020-03-15

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def parse_date(text: str, *, end: bool = False) -> dt.date:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a year or month stands for its first day, or its
    last with ``end=True``."""
    m = _DATE.fullmatch(text.strip())
    if not m:
        raise QueryError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, int(month))[1]
            return dt.date(year, int(month), last if end else 1)
        return dt.date(year, int(month), int(day))
    except ValueError as exc:
        raise QueryError(f"not a date: {text!r} ({exc})") from exc


def as_date(value: DateLike, *, end: bool = False) -> dt.date | None:
    """``value`` as a date: a date stays as it is, text is read by :func:`parse_date`, None stays None."""
    if value is None or isinstance(value, dt.date):
        return value
    return parse_date(value, end=end)


def parse_period(text: str) -> Period:
    """``2020`` (the year), ``2019..2021``, ``2020-01-15..2020-06-30``; an open side (``..2020``) is None."""
    start, sep, stop = text.partition("..")
    if not sep:
        return parse_date(text), parse_date(text, end=True)
    return (parse_date(start) if start.strip() else None,
            parse_date(stop, end=True) if stop.strip() else None)


def within(day: dt.date | None, period: Period) -> bool:
    """Whether ``day`` lies in ``period``; an undated fact lies only in an unbounded period."""
    since, until = period
    if since is None and until is None:
        return True
    if day is None:
        return False
    return (since is None or day >= since) and (until is None or day <= until)


def describe(period: Period) -> str:
    since, until = period
    if since and until:
        return f"{since.isoformat()} to {until.isoformat()}"
    if since or until:
        return f"from {since.isoformat()}" if since else f"up to {until.isoformat()}"  # type: ignore[union-attr]
    return "all dates"


__all__ = ["DateLike", "Period", "as_date", "describe", "parse_date", "parse_period", "within"]
