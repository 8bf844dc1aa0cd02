"""Analyst datasets: the events, dyads and agreements tables against SPARQL answers, their files, the codebook."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from diplograph import queries, tables
from diplograph.cli import main
from diplograph.ingest import ingest, iter_releases
from diplograph.pipeline import ReleaseOutcome
from diplograph.store import EmbeddedStore
from diplograph.tables.codes import annotations, event_codes
from diplograph.tables.output import Column, Table

SEED = Path(__file__).parent / "fixtures" / "corpus" / "seed"
REPO = Path(__file__).parent.parent
DG = "PREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
EVENT_TYPES = "VALUES ?type { dg:BilateralMeeting dg:MultilateralMeeting dg:OfficialVisit dg:CourtesyCall dg:AgreementSigning }"


@pytest.fixture(scope="module")
def store(dev_store: Path):
    """The dev corpus and the seed release in an embedded store, as the issue's acceptance asks."""
    with EmbeddedStore.open(dev_store) as reader:
        yield reader


@pytest.fixture(scope="module")
def built(store) -> dict[str, Table]:
    return {name: tables.table(store, name) for name in tables.TABLES}


def records(table: Table) -> list[dict]:
    return [dict(zip(table.names, row)) for row in table.rows]


def answer(store, name: str, **params: str) -> list[dict]:
    return [{k: (v.value if v is not None else None) for k, v in r.items()}
            for r in queries.run(store, queries.load(name), params).records()]


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize("name", tables.TABLES)
def test_each_table_in_csv_tsv_and_parquet_holds_the_same_rows(name: str, built, tmp_path: Path) -> None:
    table = built[name]
    assert table.rows, f"{name}: no rows on the dev corpus"
    for suffix in tables.SUFFIXES:
        tables.write(table, tmp_path / f"{name}{suffix}")
    raw = (tmp_path / f"{name}.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / f"{name}.csv", encoding="utf-8", newline="") as handle:
        from_csv = list(csv.reader(handle))
    from_tsv = [line.split("\t") for line in (tmp_path / f"{name}.tsv").read_text(encoding="utf-8").splitlines()]
    expected = [table.names] + [[tables.output.cell(v) for v in row] for row in table.rows]
    assert from_csv == expected and from_tsv == expected
    parquet = pq.read_table(tmp_path / f"{name}.parquet")
    assert parquet.column_names == table.names
    assert [tuple(r.values()) for r in parquet.to_pylist()] == table.rows
    for column in table.columns:
        kind = str(parquet.schema.field(column.name).type)
        assert kind == {"int": "int64", "date": "date32[day]", "text": "string"}[column.kind], column.name


def test_integers_are_written_without_decimals_even_with_gaps(tmp_path: Path) -> None:
    table = Table("t", (Column("country"), Column("cow", "int"), Column("day", "date")),
                  [("TH", 800, dt.date(2024, 1, 2)), ("HK", None, None)])
    tables.write(table, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text(encoding="utf-8") == "country,cow,day\nTH,800,2024-01-02\nHK,,\n"
    frame = table.to_pandas()
    assert str(frame["cow"].dtype) == "Int64" and frame["cow"].tolist()[0] == 800
    assert pq.read_table(tables.write(table, tmp_path / "t.parquet")).column("cow").to_pylist() == [800, None]


def test_dataframes_keep_integer_columns_integers(store) -> None:
    for frame in (tables.events(store), tables.dyads(store, complete=True), tables.agreements(store)):
        ints = [c for c in frame.columns if str(frame[c].dtype) == "Int64"]
        assert ints and not [c for c in frame.columns if str(frame[c].dtype).startswith("float")]


# --------------------------------------------------------------------------- codes


def test_every_row_has_a_cameo_code_iso_alpha3_and_cow_codes(built) -> None:
    for row in records(built["events"]):
        assert re.fullmatch(r"0\d\d", row["cameo_code"]) and row["plover_type"], row["event_id"]
        assert row["iso3_1"] and row["iso3_2"] and isinstance(row["cow_1"], int) and isinstance(row["cow_2"], int)
    for row in records(built["dyads"]):
        assert row["iso3_1"] and row["iso3_2"] and isinstance(row["cow_1"], int) and isinstance(row["cow_2"], int)
    for row in records(built["agreements"]):
        assert re.fullmatch(r"0\d\d", row["cameo_code"]) and row["plover_type"], row["agreement_id"]
        assert "NA" not in row["parties_iso3"].split("; ") + row["parties_cow"].split("; ")
    th_sg = next(r for r in records(built["events"]) if r["event_id"].endswith("bilateral-meeting/2020-09-29/sg-th"))
    assert (th_sg["iso3_1"], th_sg["iso3_2"], th_sg["cow_1"], th_sg["cow_2"]) == ("SGP", "THA", 830, 800)


@pytest.mark.parametrize(("kind", "modes", "during", "cameo", "plover_mode"), [
    ("BilateralMeeting", {"Virtual"}, None, "041", "phone"),                       # the seed's meeting
    ("BilateralMeeting", {"InPerson"}, None, "040", ""),
    ("BilateralMeeting", set(), None, "040", ""),
    ("BilateralMeeting", {"InPerson"}, "MultilateralMeeting", "044", "multilateral"),  # on the sidelines
    ("BilateralMeeting", {"Virtual"}, "MultilateralMeeting", "041", "phone"),
    ("BilateralMeeting", {"InPerson"}, "OfficialVisit", "040", ""),                # talks during a visit
    ("BilateralMeeting", {"Virtual", "InPerson"}, None, "040", ""),                # releases disagree
    ("MultilateralMeeting", {"InPerson"}, None, "040", "multilateral"),
    ("MultilateralMeeting", {"Virtual"}, None, "040", "multilateral"),
    ("OfficialVisit", {"InPerson"}, None, "042", "visit"),
    ("CourtesyCall", set(), None, "042", "visit"),
    ("AgreementSigning", {"Virtual"}, "OfficialVisit", "057", ""),
])
def test_one_cameo_code_per_row_by_the_codebook_rule(kind, modes, during, cameo, plover_mode) -> None:
    codes = event_codes(kind, frozenset(modes), during)
    assert (codes.cameo, codes.plover_mode) == (cameo, plover_mode)
    assert codes.cameo in annotations()[kind].cameo  # always one the ontology lists for the class
    assert codes.plover_type == annotations()[kind].plover_type


def test_event_codes_come_from_the_ontology_file(built) -> None:
    rows = records(built["events"])
    assert {r["cameo_code"] for r in rows if r["event_type"] == "AgreementSigning"} == {"057"}
    assert {r["plover_type"] for r in rows} == {"CONSULT", "SUPPORT"}
    assert {r["cameo_code"] for r in rows} <= {c for a in annotations().values() for c in a.cameo}


# --------------------------------------------------------------------------- events against SPARQL


def test_the_events_table_has_every_bilateral_meeting_of_the_store(store, built) -> None:
    count = store.query(DG + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a dg:BilateralMeeting }").rows[0][0]
    rows = records(built["events"])
    assert len({r["event_id"] for r in rows if r["event_type"] == "BilateralMeeting"}) == int(count.value) > 10
    assert all(r["n_countries"] == 2 for r in rows if r["event_type"] == "BilateralMeeting")


def test_each_event_is_one_row_per_pair_of_its_states(store, built) -> None:
    found = store.query(DG + f"SELECT ?e ?iso WHERE {{ {EVENT_TYPES} ?e a ?type ; dg:involvesCountry ?c . "
                             "?c dg:iso3166 ?iso }").rows
    states: dict[str, set[str]] = {}
    for e, iso in found:
        states.setdefault(e.value, set()).add(iso.value)
    expected = Counter({e: len(c) * (len(c) - 1) // 2 for e, c in states.items() if len(c) > 1})
    rows = records(built["events"])
    assert Counter(r["event_id"] for r in rows) == expected
    assert max(expected.values()) >= 6  # a multilateral meeting of four states or more
    assert all(r["country_1"] < r["country_2"] for r in rows)
    assert all({r["country_1"], r["country_2"]} <= states[r["event_id"]] for r in rows)


def test_event_rows_agree_with_meetings_between(store, built) -> None:
    """Every TH–SG event of the meetings-between query, with its date, status and mode, whatever its status."""
    shipped = answer(store, "meetings-between", country1="TH", country2="SG")
    rows = [r for r in records(built["events"]) if (r["country_1"], r["country_2"]) == ("SG", "TH")]
    assert sorted(r["event_id"] for r in rows) == sorted(s["event"] for s in shipped)
    by_id = {r["event_id"]: r for r in rows}
    for s in shipped:
        row = by_id[s["event"]]
        assert row["event_type"] == s["type"].rsplit("#")[-1]
        assert (row["date"].isoformat() if row["date"] else None) == s["date"]
        assert row["status"] == (s["status"].rsplit("#")[-1].lower() if s["status"] else "held")
        assert row["mode"] == {None: None, "Virtual": "virtual", "InPerson": "in_person"}[
            s["mode"].rsplit("#")[-1] if s["mode"] else None]
    seed = by_id["https://w3id.org/diplograph/id/event/bilateral-meeting/2020-09-29/sg-th"]
    assert "S. Iswaran" in seed["participants_1"] and "Buddhipongse" in seed["participants_2"]
    assert "thaigov-35541" in seed["releases"] and "cybersecurity" in seed["topics"]


def test_the_events_table_lists_every_status(built) -> None:
    statuses = Counter(r["status"] for r in records(built["events"]))
    assert statuses["held"] and statuses["scheduled"]


# --------------------------------------------------------------------------- the dyad panel against SPARQL


def events_per_year(store, a: str, b: str, include_planned: bool) -> dict[str, int] | None:
    """The shipped query's answer with the same held/planned choice; None when it cannot make the choice
    (main's events-per-year before the shared "held" rule: it counts events of every status)."""
    q = queries.load("events-per-year")
    params = {"country1": a, "country2": b}
    if q.param("include_planned") is None:
        return None
    if include_planned:
        params["include_planned"] = "yes"
    # years with events: the query fills the years between with 0 (a year series), the panel without --complete not
    return {r["year"]: int(r["events"]) for r in answer(store, "events-per-year", **params) if int(r["events"])}


def every_status_per_year(store, a: str, b: str) -> dict[str, int]:
    return {r["year"]: int(r["events"]) for r in answer(store, "events-per-year", country1=a, country2=b)}


def panel(store, **options) -> dict[tuple[str, str], dict[str, int]]:
    out: dict[tuple[str, str], dict[str, int]] = {}
    for r in records(tables.table(store, "dyads", **options)):
        if r["events"]:
            out.setdefault((r["country_1"], r["country_2"]), {})[r["period"]] = r["events"]
    return out


def test_the_thailand_singapore_panel_equals_events_per_year(store, built) -> None:
    expected = events_per_year(store, "TH", "SG", False)
    if expected is None:  # the query counts every status: the same here, where every TH–SG event was held
        assert {r["status"] for r in records(built["events"]) if (r["country_1"], r["country_2"]) == ("SG", "TH")
                and r["date"]} == {"held"}
        expected = every_status_per_year(store, "TH", "SG")
    assert panel(store)[("SG", "TH")] == expected == {"2020": 1, "2021": 2, "2022": 2, "2023": 2, "2024": 2}


@pytest.mark.parametrize("include_planned", [False, True])
def test_every_pair_of_the_panel_equals_events_per_year(store, built, include_planned: bool) -> None:
    counts = panel(store, include_planned=include_planned)
    pairs = store.query(DG + f"SELECT DISTINCT ?a ?b WHERE {{ {EVENT_TYPES} ?e a ?type ; dg:involvesCountry ?x, ?y . "
                             "?x dg:iso3166 ?a . ?y dg:iso3166 ?b FILTER(STR(?a) < STR(?b)) }").rows
    assert len(pairs) > 20
    unheld = {(r["country_1"], r["country_2"], str(r["date"].year)) for r in records(built["events"])
              if r["date"] and r["status"] != "held"}
    for a, b in ((x.value, y.value) for x, y in pairs):
        ours = counts.get((a, b), {})
        expected = events_per_year(store, a, b, include_planned)
        if expected is not None:
            assert ours == expected, (a, b)
            continue
        if include_planned:
            pytest.skip("events-per-year takes no include_planned parameter yet")
        # the query counts every status: equal where every event was held, more where some was not
        every = every_status_per_year(store, a, b)
        assert set(ours) <= set(every), (a, b)
        for year, n in every.items():
            assert ours.get(year, 0) == n if (a, b, year) not in unheld else ours.get(year, 0) < n, (a, b, year)


def test_held_events_only_unless_planned_ones_are_asked_for(store) -> None:
    held, planned = panel(store), panel(store, include_planned=True)
    assert held[("KH", "TH")] != planned[("KH", "TH")]  # a joint commission scheduled for 2022
    assert planned[("KH", "TH")]["2022"] == held[("KH", "TH")]["2022"] + 1
    assert ("JP", "TH") in planned and held[("JP", "TH")] == {"2023": 1}


def test_type_counts_add_up_and_agreements_are_counted(built) -> None:
    rows = records(built["dyads"])
    for r in rows:
        assert r["events"] == sum(r[c] for c in ("bilateral_meetings", "multilateral_meetings", "official_visits",
                                                 "courtesy_calls", "agreement_signings"))
    sg_th = {r["period"]: r for r in rows if (r["country_1"], r["country_2"]) == ("SG", "TH")}
    assert sg_th["2021"]["agreements_signed"] >= 1 and sg_th["2021"]["agreement_signings"] == 1


@pytest.mark.parametrize("by", ["year", "quarter", "month"])
def test_complete_adds_a_zero_row_for_every_period_between_first_and_last(store, by: str) -> None:
    sparse = records(tables.table(store, "dyads", by=by))
    full = records(tables.table(store, "dyads", by=by, complete=True))
    pattern = {"year": r"\d{4}", "quarter": r"\d{4}-Q[1-4]", "month": r"\d{4}-(0[1-9]|1[0-2])"}[by]
    assert all(re.fullmatch(pattern, r["period"]) for r in full)
    for pair in {(r["country_1"], r["country_2"]) for r in sparse}:
        have = [r for r in sparse if (r["country_1"], r["country_2"]) == pair]
        rows = [r for r in full if (r["country_1"], r["country_2"]) == pair]
        periods = [r["period"] for r in rows]
        assert periods == list(tables.build.periods_between(have[0]["period"], have[-1]["period"], by))
        assert [r for r in rows if any(r[c] for c in tables.build.DYAD_COUNTS)] == have
    assert len(full) > len(sparse)


# --------------------------------------------------------------------------- agreements against SPARQL


def test_agreement_rows_agree_with_the_agreement_history(store, built) -> None:
    rows = {r["agreement_id"]: r for r in records(built["agreements"])}
    count = store.query(DG + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a dg:Agreement }").rows[0][0]
    assert len(rows) == int(count.value)
    for mou in answer(store, "mous-by-status", country="TH"):
        row = rows[mou["agreement"]]
        assert row["status"] == {"Proposed": "proposed", "UnderNegotiation": "under_negotiation",
                                 "Approved": "approved", "Signed": "signed"}[mou["latest_status"].rsplit("#")[-1]]
        history = answer(store, "agreement-history", agreement=row["agreement_id"])
        for status, column in tables.build.STEPS.items():
            days = [h["date"] for h in history if h["status"].endswith("#" + status) and h["date"]]
            expected = min(dt.date.fromisoformat(d) for d in days) if days else None
            assert row[column] == expected, (row["agreement_id"], column)
    digital = rows["https://w3id.org/diplograph/id/agreement/mou/sg-th/digital-economy"]
    assert (digital["status"], digital["cameo_code"], digital["plover_type"]) == ("signed", "057", "SUPPORT")
    assert (digital["parties"], digital["parties_iso3"], digital["parties_cow"]) == ("SG; TH", "SGP; THA", "830; 800")


# --------------------------------------------------------------------------- filters, the command


def test_since_until_and_country_filter_every_table(store) -> None:
    options = {"since": "2022-01-01", "until": "2023-12-31", "country": ["KR"]}
    events = records(tables.table(store, "events", **options))
    assert events and all(dt.date(2022, 1, 1) <= r["date"] <= dt.date(2023, 12, 31) for r in events)
    assert all("KR" in (r["country_1"], r["country_2"]) for r in events)
    dyads = records(tables.table(store, "dyads", **options))
    assert dyads and {r["period"] for r in dyads} <= {"2022", "2023"}
    agreements = records(tables.table(store, "agreements", country="KOR"))
    assert agreements and all("KR" in r["parties"].split("; ") for r in agreements)


def test_the_export_command_writes_the_tables(store, tmp_path: Path) -> None:
    runner = CliRunner()
    path = str(store.path)
    store_args = ["--store", path]
    for name in tables.TABLES:
        out = tmp_path / f"{name}.parquet"
        result = runner.invoke(main, ["export", *store_args, "--table", name, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert pq.read_table(out).num_rows == len(tables.table(store, name).rows)
    result = runner.invoke(main, ["export", *store_args, "--table", "dyads", "--by", "quarter", "--complete",
                                  "--include-planned", "--country", "SG", "-o", str(tmp_path / "p.csv")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "p.csv").read_text(encoding="utf-8").splitlines()[1].count("-Q") == 1
    result = runner.invoke(main, ["export", *store_args, "-o", str(tmp_path / "plain.csv")])
    assert result.exit_code == 0 and "events" in result.output  # the plain CSV export is unchanged
    for bad, message in ((["--table", "events", "-o", str(tmp_path / "x.xlsx")], "a table is written as"),
                         (["--table", "events", "--country", "XX", "-o", str(tmp_path / "x.csv")], "not an ISO"),
                         (["--table", "events", "--complete", "-o", str(tmp_path / "x.csv")], "for --table dyads"),
                         (["--country", "TH", "-o", str(tmp_path / "x.csv")], "only with --table")):
        result = runner.invoke(main, ["export", *store_args, *bad])
        assert result.exit_code == 2 and message in result.output, result.output
        assert not (tmp_path / "x.csv").exists()


# --------------------------------------------------------------------------- the codebook


def codebook_columns() -> dict[str, dict[str, str]]:
    text = tables.codebook().read_text(encoding="utf-8")
    out: dict[str, dict[str, str]] = {}
    for section in re.split(r"^### ", text, flags=re.M)[1:]:
        name = section.split("\n", 1)[0].strip()
        out[name] = {m[1]: m[2] for m in re.finditer(r"^\| `([a-z0-9_]+)` \| (\w+) \|", section, re.M)}
    return out


def test_the_codebook_lists_every_column_the_tables_contain(built) -> None:
    documented = codebook_columns()
    assert set(documented) == set(tables.TABLES)
    words = {"text": {"text", "list"}, "int": {"integer"}, "date": {"date"}}
    for name, table in built.items():
        assert list(documented[name]) == table.names, f"the codebook's {name} columns"
        for column in table.columns:
            assert documented[name][column.name] in words[column.kind], (name, column.name)


def test_the_codebook_ships_with_the_package() -> None:
    assert tables.codebook().resolve() == (REPO / "docs" / "datasets.md").resolve()
    assert "How CAMEO and PLOVER codes are assigned" in tables.codebook().read_text(encoding="utf-8")


def test_pairs_are_unordered_and_cover_multilateral_meetings(built) -> None:
    rows = records(built["events"])
    summit = [r for r in rows if r["event_type"] == "MultilateralMeeting" and r["n_countries"] == 5]
    assert summit
    n = summit[0]["n_countries"]
    same = [r for r in rows if r["event_id"] == summit[0]["event_id"]]
    assert len(same) == len(list(combinations(range(n), 2)))
