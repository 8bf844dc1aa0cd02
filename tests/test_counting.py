"""One definition per number: what stats, doctor, the queries, network and timeline count.

The definition is :mod:`diplograph.counting` (the README's "What is counted"): held
events, each once; scheduled ones only with include_planned; postponed and
cancelled ones never; a visit with talks of the same countries held during it
counts once as a meeting, a summit counts for all its states. The tests check it
on a hand-made graph where every case has its own event, then on one store of the
dev corpus and the seed, command against command.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

import diplograph.network as dn
from diplograph import counting, queries
from diplograph.cli import main
from diplograph.stats import stats
from diplograph.store import EmbeddedStore
from diplograph.timeline import timeline

FIXTURES = Path(__file__).parent / "fixtures"
COUNTING = FIXTURES / "counting.trig"
CORPUS = FIXTURES / "corpus"
# which shipped queries count events, and whether they count meetings (a visit with its talks once)
COUNTING_QUERIES = {"partners": True, "top-country-pairs": True, "events-per-year": True, "meetings-between": True,
                    "topics-per-pair": True, "events-by-type-and-year": False}


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.strip().splitlines()]


def contains(text: str, fragment: str) -> bool:
    """Whether ``fragment`` is in ``text`` word for word (indentation aside)."""
    want, have = lines(fragment), lines(text)
    return any(have[i:i + len(want)] == want for i in range(len(have)))


def cli(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# --------------------------------------------------------------------------- one text


@pytest.mark.parametrize("name", sorted(COUNTING_QUERIES))
def test_the_queries_that_count_carry_the_definition_word_for_word(name: str) -> None:
    text = queries.shipped()[name].text
    assert contains(text, counting.COUNTED)
    assert contains(text, counting.ONCE) == COUNTING_QUERIES[name]


def test_no_other_shipped_query_counts_events() -> None:
    """A query that counts events with COUNT(DISTINCT ?event) is one of the above, so it says what it counts."""
    for name, q in queries.shipped().items():
        if re.search(r"COUNT\(DISTINCT \?event\)", q.text) and name != "releases":
            assert name in COUNTING_QUERIES, name
        if name in COUNTING_QUERIES:
            assert q.param("include_planned") is not None and q.param("include_planned").type == "flag", name


def test_the_library_counts_with_the_same_text() -> None:
    assert contains(counting.EVENTS, counting.COUNTED) and not contains(counting.EVENTS, counting.ONCE)
    assert contains(counting.MEETINGS, counting.COUNTED) and contains(counting.MEETINGS, counting.ONCE)


def test_the_network_reads_the_meetings_the_definition_gives() -> None:
    for planned in (False, True):
        with EmbeddedStore.in_memory(COUNTING) as store:
            expected = {r[0].value for r in store.query(counting.MEETINGS, counting.planned(planned)).rows}
        assert set(dn.load_facts(COUNTING, include_planned=planned).events) == expected
        assert len(expected) == (10 if planned else 9)


# --------------------------------------------------------------------------- each case once


@pytest.fixture(scope="module")
def graph():
    store = EmbeddedStore.in_memory(COUNTING)
    yield store
    store.close()


def run(store, name: str, planned: bool = False, **params: str) -> list[tuple]:
    if planned:
        params["include_planned"] = "yes"
    rows = queries.run(store, queries.load(name), params).rows
    return [tuple(None if t is None else t.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for t in row) for row in rows]


def test_held_events_count_scheduled_ones_only_when_asked(graph) -> None:
    assert counting.count_events(graph) == 10  # c1 c2 v1 t1 s1 v2 v3 m1 b1 u1
    assert counting.count_events(graph, include_planned=True) == 12  # and c3, s2; never c4, c5, x1
    assert counting.count_agreements(graph) == 1
    assert sum(int(r[2]) for r in run(graph, "events-by-type-and-year")) == 10
    assert sum(int(r[2]) for r in run(graph, "events-by-type-and-year", planned=True)) == 12


def test_partners_and_pairs_count_meetings(graph) -> None:
    assert [(r[1], int(r[3])) for r in run(graph, "partners", country="NO")] == [
        ("FI", 5), ("DK", 3), ("IS", 2), ("SE", 2)]  # DK: t1 s1 m1 (v1 once, through t1 and s1)
    assert [(r[1], int(r[3])) for r in run(graph, "partners", planned=True, country="NO")] == [
        ("FI", 6), ("DK", 3), ("IS", 2), ("SE", 2)]  # IS: s2 m1 (v2 through the signing now)
    pairs = {(r[0], r[1]): int(r[2]) for r in run(graph, "top-country-pairs")}
    assert pairs[("FI", "NO")] == 5 and pairs[("DK", "FI")] == 1 and len(pairs) == 10  # the summit: every pair


def test_a_listing_shows_what_partners_counts(graph) -> None:
    assert [r[0] for r in run(graph, "meetings-between", country1="NO", country2="IS")] == ["v2", "m1"]
    assert [(r[0], r[5], r[7]) for r in run(graph, "meetings-between", planned=True, country1="NO",
                                            country2="IS")] == [("s2", "Scheduled", "v2"), ("m1", "Held", None)]
    assert [r[0] for r in run(graph, "meetings-between", country1="NO", country2="SE")] == ["v3", "m1"]


def test_year_series_have_every_year(graph) -> None:
    assert run(graph, "events-per-year", country1="NO", country2="FI") == [
        ("2019", "2"), ("2020", "0"), ("2021", "0"), ("2022", "2")]
    assert run(graph, "events-per-year", planned=True, country1="NO", country2="FI")[2] == ("2021", "1")
    assert run(graph, "events-per-year", country1="NO", country2="FI", **{"from": "2018", "to": "2020"}) == [
        ("2018", "0"), ("2019", "2"), ("2020", "0")]
    by_type = run(graph, "events-by-type-and-year")
    assert ("MultilateralMeeting", "2020", "0") in by_type and ("BilateralMeeting", None, "1") in by_type
    assert Counter(r[0] for r in by_type if r[1]) == dict.fromkeys(
        ["AgreementSigning", "BilateralMeeting", "CourtesyCall", "MultilateralMeeting", "OfficialVisit"], 4)


def test_networks_and_timelines_count_the_same(graph) -> None:
    for planned in (False, True):
        countries = dn.to_networkx(COUNTING, "countries", include_planned=planned)
        edges = {tuple(sorted(e)): d["weight"] for *e, d in countries.edges(data=True)}
        assert edges == {tuple(sorted((r[0], r[1]))): int(r[2]) for r in run(graph, "top-country-pairs", planned)}
        tl = timeline(COUNTING, "NO", partner="FI", by="year", include_planned=planned)
        assert [(tl.label(s), sum(c.values())) for s, c in tl.bins] == \
            [(y, int(n)) for y, n in run(graph, "events-per-year", planned, country1="NO", country2="FI")]
        assert tl.undated == 1
    people = dn.to_networkx(COUNTING, "people")
    assert {tuple(sorted(e)): d["weight"] for *e, d in people.edges(data=True)} == {
        ("counting-fi", "counting-no"): 3, ("counting-dk", "counting-no"): 2, ("counting-dk", "counting-fi"): 1}


def test_a_summit_stays_a_contact_when_two_of_its_states_met_on_its_sidelines(graph) -> None:
    facts = dn.load_facts(COUNTING)
    change = dn.partner_change(facts, "NO", dn.parse_period("2020"), dn.parse_period("2022"))
    assert change.after == {"FI": 2, "DK": 1, "IS": 1, "SE": 1}  # summit and sideline bilateral; summit
    assert change.before == {"DK": 2, "IS": 1, "SE": 1}
    assert change.after == {r[1]: int(r[3]) for r in run(graph, "partners", country="NO",
                                                         **{"from": "2022-01-01", "to": "2022-12-31"})}


def test_stats_counts_as_the_queries_do(graph) -> None:
    figures = stats(graph, top=100)
    assert (figures.events, figures.agreements) == (10, 1)
    assert sum(n for _, _, n in figures.events_by_type_and_year) == figures.events
    assert stats(graph, include_planned=True).events == 12


# --------------------------------------------------------------------------- the dev corpus and the seed


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store of the dev corpus and the seed release, as diplograph ingest writes it."""
    path = tmp_path_factory.mktemp("counting") / "store"
    result = cli("ingest", str(CORPUS / "dev"), str(CORPUS / "seed"), "--store", str(path), "-q", "--jobs", "1")
    assert result.exit_code == 0, result.output
    return path


def numbers(store: Path, planned: bool) -> dict:
    """What each command says about the store, read from its JSON output."""
    flag = ["--include-planned"] if planned else []
    where = ["--store", str(store)]
    out = {"stats": json.loads(cli("stats", *where, "--top", "1000", "--format", "json", *flag).stdout),
           "doctor": json.loads(cli("doctor", *where, "--format", "json", *flag).stdout),
           "network": json.loads(cli("network", *where, "--top", "1000", "--format", "json", *flag).stdout)}
    partners = {}
    for country in {row["country1"] for row in out["stats"]["top_country_pairs"]} | \
            {row["country2"] for row in out["stats"]["top_country_pairs"]}:
        rows = json.loads(cli("query", "partners", "-p", f"country={country}", *where, "--format", "json",
                              *flag).stdout)["results"]["bindings"]
        partners[country] = {r["iso"]["value"]: int(r["meetings"]["value"]) for r in rows}
    out["partners"] = partners
    return out


@pytest.mark.parametrize("planned", [False, True], ids=["held", "planned"])
def test_the_commands_agree_on_the_dev_corpus_and_the_seed(corpus_store: Path, planned: bool) -> None:
    said = numbers(corpus_store, planned)
    st, doctor, network, partners = said["stats"], said["doctor"], said["network"], said["partners"]
    assert doctor["healthy"] and st["releases"] == doctor["releases"] == 25
    # events and agreements: stats = doctor = the sum of stats' table by type and year
    assert st["events"] == doctor["events"] == sum(r["events"] for r in st["events_by_type_and_year"])
    assert st["agreements"] == doctor["agreements"]
    # meetings of a pair: stats' top pairs = partners, both ways
    pairs = {(r["country1"], r["country2"]): r["events"] for r in st["top_country_pairs"]}
    assert pairs == {tuple(sorted((c, p))): n for c, row in partners.items() for p, n in row.items()}
    # network: a country's partners (degree) and meetings summed over them, as partners gives them
    for row in network["countries"]:
        assert (row["degree"], row["meetings"]) == (len(partners[row["node"]]), sum(partners[row["node"]].values()))
    facts = dn.load_facts(corpus_store, include_planned=planned)
    graph = dn.project(facts, "countries")
    assert {tuple(sorted(e)): d["weight"] for *e, d in graph.edges(data=True) if d["weight"]} == pairs
    # timeline and events-per-year: the same meetings, dated ones per year, the undated apart
    with EmbeddedStore.open(corpus_store) as store:
        for (a, b), n in list(pairs.items())[:8]:
            tl = timeline(facts, a, partner=b, by="year")
            assert sum(sum(c.values()) for _, c in tl.bins) + tl.undated == n
            per_year = queries.run(store, queries.load("events-per-year"), {
                "country1": a, "country2": b, **({"include_planned": "yes"} if planned else {})})
            assert [(tl.label(s), sum(c.values())) for s, c in tl.bins] == \
                [(r[0].value, int(r[1].value)) for r in per_year.rows]
            listed = queries.run(store, queries.load("meetings-between"), {
                "country1": a, "country2": b, **({"include_planned": "yes"} if planned else {})})
            assert len(listed.rows) == n


def test_scheduled_events_change_the_counts_only_when_asked(corpus_store: Path) -> None:
    held, planned = numbers(corpus_store, False), numbers(corpus_store, True)
    assert (held["stats"]["events"], planned["stats"]["events"]) == (45, 53)  # the seed's AMCC and SICW …
    assert held["partners"]["TH"]["KR"] < planned["partners"]["TH"]["KR"]  # … and KR talks to come
    assert held["stats"]["agreements"] == planned["stats"]["agreements"] == 21  # each with its own subject


def test_the_readme_says_it_once_for_every_command_that_counts() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What is counted", 1)[1].split("\n## ", 1)[0]
    with_option = sorted(name for name, command in main.commands.items()
                         if any(p.name == "include_planned" for p in command.params))
    assert with_option == ["doctor", "export", "network", "query", "stats", "timeline", "viz"]
    for name in with_option:
        assert f"`{name}`" in section, name
    for name in COUNTING_QUERIES:
        assert f"`{name}`" in section, name
