"""Curation: analysts' corrections change what the store answers, are kept, traced and reported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_store import DEV, filled

from diplograph import curation
from diplograph.curation import CURATION_GRAPH, CurationError
from diplograph.doctor import check_store
from diplograph.ingest import Summary, ingest_releases
from diplograph.pipeline import ReleaseOutcome
from diplograph.queries import run_query
from diplograph.store import EmbeddedStore

ID = "https://w3id.org/diplograph/id/"
WHO = 'by = "A. Analyst"\non = 2026-12-07\nwhy = "read the releases again"\n'
APPROVED = "dgid:agreement/joint-statement/kh-th/unnamed/approved-2024-02-06"
SIGNED = "dgid:agreement/joint-statement/kh-th/unnamed/signed-2024-02-07"
CALL = "dgid:event/courtesy-call/2023-11-29/jp-th"
AU = "dgid:event/bilateral-meeting/2024-07-26/au-th"
ENERGY = "dgid:agreement/mou/kh-th/energy"
VISIT = "dgid:event/official-visit/2024-02-07/kh-th"


def rules(text: str) -> curation.Curation:
    return curation.parse(text, "curation.toml")


def full(name: str) -> str:
    return name.replace("dgid:", ID)


def curated_store(path: Path, dev_releases, text: str) -> EmbeddedStore:
    """The dev corpus stored as ``diplograph ingest --curation`` stores it (rules applied in processing)."""
    outcomes, activity = dev_releases
    cur = rules(text)
    fixed = [ReleaseOutcome(o.facts, curation.apply(o.graph, cur)) for o in outcomes]
    store = filled(path, fixed, activity)
    store.apply(curation.keep_change(cur))
    return store


def ask(store: EmbeddedStore, query: str) -> list[tuple]:
    query = f"PREFIX dg: <https://w3id.org/diplograph/ontology#>\n{query}"
    return [tuple(getattr(x, "value", x) for x in row) for row in store.select(query).rows]


def graphs_of(store: EmbeddedStore, node: str) -> set[str]:
    """The release, shared and derived graphs that name ``node`` (the curation graph's rules aside)."""
    return {r[0] for r in ask(store, f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ {{ <{full(node)}> ?p ?o }} UNION "
                                     f"{{ ?s ?p <{full(node)}> }} }} }}")} - {str(CURATION_GRAPH)}


KH_STATEMENTS = "SELECT DISTINCT ?a WHERE { ?a a dg:JointStatement ; dg:party ?c . ?c dg:iso3166 'KH' }"


def test_same_merges_two_agreements_into_one(tmp_path: Path, dev_releases) -> None:
    plain = filled(tmp_path / "plain", *dev_releases)
    assert {full(APPROVED), full(SIGNED)} <= {r[0] for r in ask(plain, KH_STATEMENTS)}
    plain.close()
    store = curated_store(tmp_path / "s", dev_releases, f'[[same]]\nkeep = "{SIGNED}"\nmerge = ["{APPROVED}"]\n{WHO}')
    assert graphs_of(store, APPROVED) == set()  # renamed wherever it occurred
    history = run_query(store, "evidence", {"fact": SIGNED})
    assert len({r["release"] for r in history.records()}) == 2  # both releases now report the one statement
    agreements = {r[0] for r in ask(store, KH_STATEMENTS)}
    assert full(APPROVED) not in agreements and full(SIGNED) in agreements


def test_different_splits_a_node_in_one_release(tmp_path: Path, dev_releases) -> None:
    plain = filled(tmp_path / "plain", *dev_releases)
    releases = sorted(g for g in graphs_of(plain, VISIT) if "/release/" in g)
    plain.close()
    assert len(releases) >= 2
    one = releases[0].rsplit("/", 1)[-1]
    store = curated_store(tmp_path / "s", dev_releases, f'[[different]]\nnode = "{VISIT}"\nrelease = "{one}"\n'
                                                        f'as = "{VISIT}/second"\n{WHO}')
    assert {g for g in graphs_of(store, VISIT + "/second") if "/release/" in g} == {releases[0]}
    assert releases[0] not in graphs_of(store, VISIT)
    assert set(releases[1:]) <= graphs_of(store, VISIT)


def test_wrong_drops_a_fact_or_a_whole_node(tmp_path: Path, dev_releases) -> None:
    store = curated_store(tmp_path / "s", dev_releases,
                          f'[[wrong]]\nnode = "{CALL}"\n{WHO}\n[[wrong]]\nnode = "{ENERGY}"\nproperty = "dg:topic"\n{WHO}')
    assert graphs_of(store, CALL) == set()
    assert not run_query(store, "meetings-between", {"country1": "JP", "country2": "TH", "from": "2023-11-29",
                                                     "to": "2023-11-29"}).rows
    assert ask(store, f"SELECT ?t WHERE {{ <{full(ENERGY)}> dg:topic ?t }}") == []
    assert ask(store, f"SELECT ?s WHERE {{ <{full(ENERGY)}> dg:status ?s }}")  # the rest of it stays


def test_date_sets_the_day_an_event_was_held(tmp_path: Path, dev_releases) -> None:
    store = curated_store(tmp_path / "s", dev_releases, f'[[date]]\nevent = "{AU}"\ndate = 2024-07-27\n{WHO}')
    rows = run_query(store, "meetings-between", {"country1": "AU", "country2": "TH"})
    assert {r["date"].value for r in rows.records() if r["event"].value == full(AU)} == {"2024-07-27"}


def test_each_change_is_recorded_with_who_when_why(tmp_path: Path, dev_releases) -> None:
    store = curated_store(tmp_path / "s", dev_releases, f'[[wrong]]\nnode = "{CALL}"\n{WHO}')
    rule = ask(store, f"SELECT ?r ?who ?when ?why WHERE {{ GRAPH <{CURATION_GRAPH}> {{ ?r "
                      "<http://www.w3.org/ns/prov#wasAttributedTo> ?who ; <http://purl.org/dc/terms/date> ?when ; "
                      "<http://www.w3.org/2000/01/rdf-schema#comment> ?why } }")
    assert [r[1:] for r in rule] == [("A. Analyst", "2026-12-07", "read the releases again")]
    removed = ask(store, f"SELECT ?g ?line WHERE {{ GRAPH ?g {{ <{rule[0][0]}> <{curation.REMOVED}> ?line }} }}")
    assert removed and all(full(CALL) in line for _, line in removed)


@pytest.mark.parametrize("text, cause", [
    (f'[[same]]\nkeep = "{SIGNED}"\nmerge = ["{APPROVED}"]\nby = "x"\non = 2026-12-07\n', "[[same]] entry 1: 'why' is missing"),
    (f'[[date]]\nevent = "{AU}"\ndate = "27 July"\n{WHO}', "[[date]] entry 1: 'date': '27 July' is not a date"),
    (f'[[wrong]]\nnode = "not an iri"\n{WHO}', "[[wrong]] entry 1: 'node': 'not an iri' is not an IRI"),
    (f'[[merge]]\nkeep = "{SIGNED}"\n{WHO}', "unknown section 'merge'"),
    ('[[same]\n', "not TOML"),
])
def test_a_malformed_file_is_one_line_naming_the_entry(text: str, cause: str) -> None:
    with pytest.raises(CurationError) as info:
        rules(text)
    assert str(info.value).startswith("curation.toml: ") and cause in str(info.value)
    assert "\n" not in str(info.value)


def test_rules_are_kept_across_a_re_ingest(tmp_path: Path) -> None:
    path = tmp_path / "s"
    with EmbeddedStore.open(path, write=True) as store:
        summary = Summary()
        for event in ingest_releases(store, [DEV], jobs=1, curation=rules(f'[[wrong]]\nnode = "{CALL}"\n{WHO}')):
            summary.add(event)
        assert summary["stored"] == 24 and graphs_of(store, CALL) == set()
    with EmbeddedStore.open(path, write=True) as store:
        for _ in ingest_releases(store, [DEV], jobs=1):  # no rules given: those kept apply
            pass
        assert graphs_of(store, CALL) == set()
        assert len(curation.stored(store).rules) == 1
        for _ in ingest_releases(store, [DEV], jobs=1, curation=rules("")):  # an empty file clears them
            pass
        assert not curation.stored(store) and graphs_of(store, CALL)


def test_worker_processes_apply_the_rules_too(tmp_path: Path, monkeypatch) -> None:
    import diplograph.ingest.parallel as parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)  # use the worker processes even for 24 releases
    cur = rules(f'[[wrong]]\nnode = "{CALL}"\n{WHO}\n[[date]]\nevent = "{AU}"\ndate = 2024-07-27\n{WHO}')
    with EmbeddedStore.open(tmp_path / "s", write=True) as store:
        kinds = Summary()
        for event in ingest_releases(store, [DEV], jobs=2, curation=cur):
            kinds.add(event)
        assert kinds["stored"] == 24
        assert graphs_of(store, CALL) == set()
        assert ask(store, f"SELECT ?d WHERE {{ <{full(AU)}> dg:heldOn ?d }}") == [("2024-07-27",)]


def test_doctor_counts_the_rules_and_warns_of_stale_ones(tmp_path: Path, dev_releases) -> None:
    store = curated_store(tmp_path / "s", dev_releases,
                          f'[[wrong]]\nnode = "{CALL}"\n{WHO}\n[[wrong]]\nnode = "dgid:event/nothing"\n{WHO}')
    report = check_store(store)
    assert report.healthy, report.problems[:3]  # the curation graph is the store's own; stale rules warn only
    assert report.curation.rules == 2 and report.curation.outdated == []
    assert [label for _, label in report.curation.stale] == ["[[wrong]] entry 2"]
    assert report.to_json()["curation"]["stale"][0]["label"] == "[[wrong]] entry 2"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run([sys.executable, "-m", "diplograph", *args], check=False, capture_output=True, text=True, env=env)


def test_build_and_ingest_agree_and_a_bad_file_writes_nothing(tmp_path: Path) -> None:
    good = tmp_path / "curation.toml"
    good.write_text(f'[[wrong]]\nnode = "{CALL}"\n{WHO}\n[[date]]\nevent = "{AU}"\ndate = 2024-07-27\n{WHO}',
                    encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text(f'[[date]]\nevent = "{AU}"\n{WHO}', encoding="utf-8")
    for command in (["build", str(DEV), "-o", str(tmp_path / "bad.trig")], ["ingest", str(DEV), "--store",
                                                                            str(tmp_path / "bad-store")]):
        result = run_cli(*command, "--curation", str(bad), "-q")
        assert result.returncode == 2 and f"{bad}: [[date]] entry 1: 'date' is missing" in result.stderr
        assert not (tmp_path / "bad.trig").exists() and not (tmp_path / "bad-store").exists()
    assert run_cli("build", str(DEV), "-o", str(tmp_path / "g.trig"), "--curation", str(good), "-q").returncode == 0
    assert run_cli("ingest", str(DEV), "--store", str(tmp_path / "s"), "-j", "1", "--curation", str(good),
                   "-q").returncode == 0
    sparql = ("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "
              f"'{ID}release/')) FILTER(?p != <http://www.w3.org/ns/prov#wasGeneratedBy>) }}")
    with EmbeddedStore.in_memory(tmp_path / "g.trig") as built, EmbeddedStore.open(tmp_path / "s") as stored:
        assert set(ask(built, sparql)) == set(ask(stored, sparql))
        assert ask(built, f"SELECT ?d WHERE {{ GRAPH ?g {{ <{full(AU)}> dg:heldOn ?d }} }}") == [("2024-07-27",)]
        assert len(curation.stored(built).rules) == len(curation.stored(stored).rules) == 2
    report = run_cli("doctor", "--store", str(tmp_path / "s"))
    assert report.returncode == 0 and "curation: 2 rules, 0 matching nothing, 0 releases" in report.stdout
    stale = tmp_path / "stale.toml"
    stale.write_text(f'[[date]]\nevent = "dgid:event/nothing"\ndate = 2024-07-27\n{WHO}', encoding="utf-8")
    assert run_cli("ingest", str(DEV / "d001.txt"), "--store", str(tmp_path / "s"), "--curation", str(stale),
                   "-q").returncode == 0
    report = run_cli("doctor", "--store", str(tmp_path / "s"))
    assert report.returncode == 0, report.stdout  # a stale rule is a warning, not a problem
    assert "warning: curation rule [[date]] entry 1" in report.stdout and "matches nothing" in report.stdout
    outdated = {line.split()[1] for line in report.stdout.splitlines() if "no longer keeps" in line}
    assert outdated and f"{ID}release/d001" not in outdated  # d001 was ingested again with the new rules
