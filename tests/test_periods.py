"""One date syntax everywhere: ``2024``, ``2024-03`` and ``2024-03-05``, read by one function
(:func:`diplograph.periods.parse_date`) in every command's date options, the query parameters of type
``date``, the library and the network page; as an end, a year or month runs to its last day."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import example, given
from hypothesis import strategies as st

from diplograph import queries
from diplograph.cli import DateParam, main
from diplograph.errors import QueryError
from diplograph.periods import as_date, parse_date
from diplograph.store import EmbeddedStore

SMALL = Path(__file__).parent / "fixtures" / "viz" / "small.trig"
DAYS = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


# --------------------------------------------------------------------------- the parser

@given(DAYS)
def test_a_day_is_itself_as_a_start_and_as_an_end(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day == parse_date(day.isoformat(), end=True)


@given(DAYS)
def test_a_month_runs_from_its_first_to_its_last_day(day: dt.date) -> None:
    text = f"{day.year:04d}-{day.month:02d}"
    start, end = parse_date(text), parse_date(text, end=True)
    assert start == day.replace(day=1) <= day <= end
    assert end.day == calendar.monthrange(day.year, day.month)[1]
    assert end.month == day.month and (end + dt.timedelta(days=1)).day == 1


@given(DAYS)
def test_a_year_runs_from_1_january_to_31_december(day: dt.date) -> None:
    text = f"{day.year:04d}"
    assert parse_date(text) == dt.date(day.year, 1, 1) <= day <= parse_date(text, end=True) == dt.date(day.year, 12, 31)


@given(st.text(max_size=20))
@example("2024-02-30")
@example("2024-13")
@example("2024-1-5")
@example("๒๕๖๗")  # Thai digits: not the syntax (and not a Gregorian year)
@example("24")
@example("2024-03-05T10:00")
def test_anything_else_is_a_clear_error(text: str) -> None:
    """Text in the syntax gives the date ISO 8601 reads in it (a year or month: its first day); anything
    else is a QueryError that says so — never another exception, never a guess."""
    stripped = text.strip()
    try:
        day = parse_date(text)
    except QueryError as exc:
        assert "not a date" in str(exc)
        assert _first_day(stripped) is None
        return
    assert day == _first_day(stripped)


def _first_day(text: str) -> dt.date | None:
    if not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", text):
        return None
    try:
        return dt.date.fromisoformat(text + "-01-01"[len(text) - 4:] if len(text) < 10 else text)
    except ValueError:
        return None


def test_as_date_keeps_dates_and_none() -> None:
    assert as_date(None) is None
    assert as_date(dt.date(2024, 2, 3), end=True) == dt.date(2024, 2, 3)
    assert as_date("2024-02", end=True) == dt.date(2024, 2, 29)


# --------------------------------------------------------------------------- every command

def _date_options() -> list[tuple[str, str]]:
    """(command, option) of every option of every command named like a date bound."""
    found = []
    for name, command in main.commands.items():
        for param in command.params:
            if isinstance(param, click.Option) and param.name in ("since", "until"):
                found.append((name, param.name))
    return found


def test_every_date_option_is_read_by_the_one_parser() -> None:
    """Each --since/--until either is a DateParam (read while parsing the options) or is text the
    library reads with parse_date (viz, timeline, network: load_facts)."""
    options = _date_options()
    assert {name for name, _ in options} >= {"viz", "timeline", "network", "export", "collect", "track"}
    for name, option in options:
        param = next(p for p in main.commands[name].params if p.name == option)
        if isinstance(param.type, DateParam):
            assert param.type.end == (option == "until"), (name, option)
            ctx = main.commands[name].make_context(name, ["--" + option, "2024", *_required(name)])
            assert ctx.params[option] == (dt.date(2024, 12, 31) if option == "until" else dt.date(2024, 1, 1))


def _required(name: str) -> list[str]:
    return {"export": ["-o", "x.csv"], "collect": ["-a", "archive"], "track": ["-a", "archive", "--store", "s"]
            }.get(name, [])


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [
    ["viz", str(SMALL), "--view", "countries"],
    ["timeline", str(SMALL), "--country", "TH"],
    ["network", str(SMALL)],
])
def test_pictures_and_measures_take_every_form(command: list[str], tmp_path: Path) -> None:
    out = ["-o", str(tmp_path / "x.html")] if command[0] != "network" else []
    for since, until in (("2023", "2023"), ("2023-01", "2023-06"), ("2023-01-01", "2023-06-30")):
        code, _, err = run(*command, *out, "--since", since, "--until", until)
        assert code == 0, (since, until, err)
    code, _, err = run(*command, *out, "--since", "2023-13")
    assert code == 2 and "not a date: '2023-13'" in err


def test_export_takes_every_form_and_until_a_year_is_its_end(dev_store: Path, tmp_path: Path) -> None:
    rows = {}
    for since, until in (("2023", "2023"), ("2023-01-01", "2023-12-31"), ("2023-01", "2023-12")):
        out = tmp_path / f"{since}.csv"
        code, _, err = run("export", "--store", str(dev_store), "--table", "events", "--since", since,
                           "--until", until, "-o", str(out))
        assert code == 0, err
        rows[since] = out.read_text(encoding="utf-8-sig")
    assert len(set(rows.values())) == 1 and "2023-" in rows["2023"]
    code, _, err = run("export", "--store", str(dev_store), "--since", "2023", "-o", str(tmp_path / "x.trig"))
    assert code == 0, err
    code, _, err = run("export", "--store", str(dev_store), "--until", "2023-02-30", "--table", "events",
                       "-o", str(tmp_path / "y.csv"))
    assert code == 2 and "not a date" in err


def test_query_date_parameters_take_every_form(dev_store: Path) -> None:
    """``-p to=2023`` is up to 31 December 2023, ``-p from=2023`` from 1 January."""
    with EmbeddedStore.open(dev_store) as store:
        query = queries.load("partners")
        answers = [queries.run(store, query, {"country": "TH", "from": a, "to": b}).rows
                   for a, b in (("2023", "2023"), ("2023-01", "2023-12"), ("2023-01-01", "2023-12-31"))]
        assert answers[0] and answers[0] == answers[1] == answers[2]
        everything = queries.run(store, query, {"country": "TH"}).rows
        assert answers[0] != everything
        with pytest.raises(QueryError, match="is not a date"):
            queries.run(store, query, {"country": "TH", "to": "2023-02-30"})


def test_the_library_takes_every_form(dev_store: Path) -> None:
    import diplograph.network as dn
    from diplograph import tables

    a = dn.load_facts(dev_store, since="2023", until="2023")
    b = dn.load_facts(dev_store, since=dt.date(2023, 1, 1), until=dt.date(2023, 12, 31))
    assert a.events.keys() == b.events.keys() and a.events
    with EmbeddedStore.open(dev_store) as store:
        assert tables.table(store, "events", since="2023", until="2023").rows == \
            tables.table(store, "events", since="2023-01-01", until="2023-12-31").rows
