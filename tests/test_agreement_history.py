"""Agreements across releases, on one store of the dev corpus and the seed: one node per instrument,
each step dated as its release dates it, every agreement type in the agreement-status queries.

These are answers an analyst gets only when releases are combined — the per-release scorer cannot
see a wrong merge of two MoUs or a signing dated on the cabinet's day.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph import queries
from diplograph.errors import QueryError
from diplograph.ingest import ingest, iter_releases
from diplograph.pipeline import ReleaseOutcome
from diplograph.rdf import mapping
from diplograph.store import EmbeddedStore

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
DG = "https://w3id.org/diplograph/ontology#"
ID = "https://w3id.org/diplograph/id/"
PREFIXES = f"PREFIX dg: <{DG}>\nPREFIX prov: <http://www.w3.org/ns/prov#>\n"


@pytest.fixture(scope="module")
def store(dev_store: Path):
    """The dev corpus and the seed ingested into one store, as ``diplograph ingest dev seed`` does."""
    with EmbeddedStore.open(dev_store) as reader:
        yield reader


def run(store, name: str, **params: str) -> list[dict[str, str]]:
    results = queries.run(store, queries.load(name), params)
    return [{v: (t.value if t is not None else None) for v, t in zip(results.vars, row)} for row in results.rows]


def select(store, text: str) -> list[tuple[str | None, ...]]:
    results = store.query(PREFIXES + text)
    return [tuple(t.value if t is not None else None for t in row) for row in results.rows]


def releases_of(store, agreement: str) -> set[str]:
    return {r for (r,) in select(store, f"SELECT ?id WHERE {{ <{agreement}> prov:wasDerivedFrom ?r . "
                                        "?r dg:releaseId ?id }")}


# --------------------------------------------------------------------------- acceptance

def test_the_cambodia_mou_never_signed_is_the_2022_border_crossing_one(store) -> None:
    rows = run(store, "mous-never-signed", country="KH")
    assert len(rows) == 1
    row = rows[0]
    assert row["proposed_on"] == "2022-02-04" and row["latest_status"] == DG + "Proposed"
    assert "จุดผ่านแดนถาวร" in row["title"] and row["kind"] == DG + "MemorandumOfUnderstanding"
    assert releases_of(store, row["agreement"]) == {"d012"}


def test_thailand_and_cambodia_have_three_distinct_mous(store) -> None:
    rows = run(store, "mous-by-status", country="KH", type="MoU")
    mous = {r["agreement"] for r in rows}
    assert len(mous) == 3
    by_releases = {frozenset(releases_of(store, m)) for m in mous}
    # the 2022 proposal alone; the crossing-movement and the energy MoUs, approved (d020, English) and
    # signed (d004, Thai) — one node each, whatever the language of the release
    assert by_releases == {frozenset({"d012"}), frozenset({"d020", "d004"})}
    history = run(store, "agreement-history", country="KH", type="MoU")
    steps = sorted((r["agreement_iri"].rsplit("/kh-th/", 1)[1].split("/")[0], r["status"].rsplit("#")[1],
                    r["date"], r["release_id"]) for r in history)
    assert steps == [
        ("border-crossing-point", "Proposed", None, "d012"),
        ("cross-border-movement", "Approved", "2024-02-06", "d020"),
        ("cross-border-movement", "Signed", "2024-02-07", "d004"),
        ("energy", "Approved", "2024-02-06", "d020"),
        ("energy", "Signed", "2024-02-07", "d004"),
    ]


def test_the_singapore_digital_economy_mou_is_one_node_with_three_releases(store) -> None:
    rows = [r for r in run(store, "mous-by-status", country="SG", type="MemorandumOfUnderstanding")
            if "digital" in r["agreement"]]
    assert len(rows) == 1
    mou = rows[0]["agreement"]
    assert releases_of(store, mou) == {"thaigov-35541", "d001", "d009"}
    assert rows[0]["latest_status"] == DG + "Signed" and rows[0]["last_change"] == "2021-12-16"
    history = run(store, "agreement-history", agreement=mou)
    assert [(r["status"].rsplit("#")[1], r["date"], r["release_id"]) for r in history] == [
        ("Proposed", None, "thaigov-35541"), ("Approved", "2020-11-24", "d001"),
        ("Approved", "2020-11-24", "d009"), ("Signed", "2021-12-16", "d009")]


# --------------------------------------------------------------------------- steps and their days

def test_a_signed_step_takes_the_day_of_its_signing_event(store) -> None:
    """Each signing a release ties to a dated signing event is dated that day, in that release."""
    rows = select(store, """
        SELECT ?a ?event_day ?step_day WHERE {
          GRAPH ?r { ?a dg:signedAt ?e ; dg:statusHistory ?c . ?c dg:status dg:Signed . OPTIONAL { ?c dg:date ?step_day } }
          ?e dg:heldOn ?event_day .
        }""")
    assert len(rows) >= 8
    assert all(step == event for _a, event, step in rows), rows


def test_most_signed_steps_are_dated(store) -> None:
    """Undated only where the release gives no signing day: an agreement cited as in force (d015, d022)
    or a statement issued after talks with no signing event (d014)."""
    rows = select(store, """
        SELECT ?id ?day WHERE { ?a dg:statusHistory ?c . ?c dg:status dg:Signed ; prov:wasDerivedFrom ?r .
                                ?r dg:releaseId ?id . OPTIONAL { ?c dg:date ?day } }""")
    undated = {rid for rid, day in rows if day is None}
    assert undated <= {"d014", "d015", "d022"}
    assert sum(day is not None for _rid, day in rows) >= 10


def test_the_visa_agreement_is_signed_on_the_signing_day_not_the_cabinet_day(store) -> None:
    rows = run(store, "agreement-history", country="CN", type="Agreement")
    d011 = {(r["status"].rsplit("#")[1], r["date"]) for r in rows if r["release_id"] == "d011"}
    # "ความตกลงฉบับนี้ผ่านความเห็นชอบของคณะรัฐมนตรีเมื่อวันที่ 9 มกราคม 2567": the approval's own day
    assert d011 == {("Signed", "2024-01-28"), ("Approved", "2024-01-09")}
    assert {r["agreement_iri"] for r in rows} == {ID + "agreement/agreement/cn-th/visa-exemption/ordinary-passports"}
    assert {r["release_id"] for r in rows} == {"d011", "d015", "d022"}


def test_an_approval_takes_the_day_of_the_cabinet_meeting(store) -> None:
    """d020: "at today's Cabinet meeting (6 February 2024) … The Cabinet also approved the drafts of two
    Memoranda …" — the approval of each is dated the day of the meeting."""
    rows = run(store, "agreement-history", country="KH")
    assert {(r["status"].rsplit("#")[1], r["date"]) for r in rows if r["release_id"] == "d020"} == {
        ("Approved", "2024-02-06")}


def test_every_mou_with_a_dated_step_shows_its_last_change(store) -> None:
    rows = run(store, "mous-by-status", country="TH", type="MoU")
    dated = {a for (a,) in select(store, "SELECT DISTINCT ?a WHERE { ?a a dg:MemorandumOfUnderstanding ; "
                                         "dg:statusHistory ?c . ?c dg:date ?d }")}
    assert dated and all(r["last_change"] for r in rows if r["agreement"] in dated)
    assert sum(1 for r in rows if r["last_change"]) >= 6


# --------------------------------------------------------------------------- every agreement type

def test_agreement_status_queries_cover_every_type(store) -> None:
    kinds = {r["kind"].rsplit("#")[1] for r in run(store, "mous-by-status", country="TH")}
    assert kinds == {"MemorandumOfUnderstanding", "Agreement", "JointStatement"}
    china = run(store, "mous-by-status", country="CN")
    assert {(r["kind"].rsplit("#")[1], r["latest_status"].rsplit("#")[1], r["last_change"]) for r in china} == {
        ("Agreement", "Signed", "2024-01-28"), ("MemorandumOfUnderstanding", "Proposed", None)}
    assert [r["kind"] for r in run(store, "mous-by-status", country="CN", type="Agreement")] == [DG + "Agreement"]
    assert [r["kind"] for r in run(store, "mous-by-status", country="CN", type="mou")] == [
        DG + "MemorandumOfUnderstanding"]
    statements = run(store, "mous-never-signed", country="US", type="JointStatement")
    assert [r["kind"] for r in statements] == [DG + "JointStatement"]  # the 2022 defence vision statement
    assert run(store, "mous-never-signed", country="US", type="LetterOfIntent") == []


@pytest.mark.parametrize(("value", "local"), [
    ("MoU", "MemorandumOfUnderstanding"), ("memorandum of understanding", "MemorandumOfUnderstanding"),
    ("joint statement", "JointStatement"), ("JointStatement", "JointStatement"), ("LoI", "LetterOfIntent"),
    ("agreement", "Agreement")])
def test_the_type_parameter_takes_the_type_or_its_abbreviation(value: str, local: str) -> None:
    term = queries.bind(queries.load("mous-by-status"), {"country": "TH", "type": value})["type"]
    assert term.value == DG + local


@pytest.mark.parametrize("value", ["treaty", "MoU } ; DROP ALL", "dg:Agreement", ""])
def test_an_unknown_type_is_a_clear_error(value: str) -> None:
    with pytest.raises(QueryError, match="parameter type: "):
        queries.bind(queries.load("mous-by-status"), {"country": "TH", "type": value})


# --------------------------------------------------------------------------- order

def test_agreement_nodes_do_not_depend_on_the_order_releases_are_read(tmp_path: Path, store) -> None:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        activity, triples = mapping.activity_iri()
        outcomes = [o for o in iter_releases([CORPUS / "seed", CORPUS / "dev"], activity)
                    if isinstance(o, ReleaseOutcome)]
    outcomes.reverse()
    text = ("SELECT ?a ?s ?d ?id WHERE { ?a dg:statusHistory ?c . ?c dg:status ?s ; prov:wasDerivedFrom ?r . "
            "?r dg:releaseId ?id OPTIONAL { ?c dg:date ?d } }")
    with EmbeddedStore.open(tmp_path / "reversed", write=True) as other:
        for _ in ingest(other, outcomes, activity=triples, validate=False):
            pass
        assert sorted(select(other, text), key=str) == sorted(select(store, text), key=str)
