"""`diplograph doctor`: a healthy store passes; each kind of damage is found, counted and exits 1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.doctor import CHECKS, check_store
from diplograph.ingest import ingest, remove
from diplograph.store import EmbeddedStore
from diplograph.store_layout import DERIVED_GRAPH, SHARED_GRAPH, SHARES, SUPPORT_GRAPH

DG = "https://w3id.org/diplograph/ontology#"
ID = "https://w3id.org/diplograph/id/"
PREFIXES = f"PREFIX dg: <{DG}>\nPREFIX prov: <http://www.w3.org/ns/prov#>\nPREFIX id: <{ID}>\n"


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory, dev_releases) -> Path:
    outcomes, activity = dev_releases
    path = tmp_path_factory.mktemp("doctor") / "store"
    with EmbeddedStore.open(path, write=True) as writer:
        for _ in ingest(writer, outcomes, activity=activity, validate=False):
            pass
    return path


def damaged(healthy: Path, tmp_path: Path, update: str) -> Path:
    """A copy of the healthy store with one SPARQL Update applied behind diplograph's back."""
    path = tmp_path / "store"
    shutil.copytree(healthy, path)
    store = ox.Store(str(path))
    store.update(PREFIXES + update)
    store.flush()
    del store
    return path


def report(path: Path):
    with EmbeddedStore.open(path) as store:
        return check_store(store)


def doctor(path: Path, *args: str):
    return CliRunner().invoke(main, ["doctor", "--store", str(path), *args])


def test_a_store_written_by_ingest_is_healthy(healthy: Path) -> None:
    found = report(healthy)
    assert found.healthy and found.problems == []
    # each event and agreement once, held events only, as stats counts them (it counted each release's
    # report of one: 54 events and 29 agreements, scheduled, postponed and cancelled ones included; 21
    # agreements since each agreement is keyed by its own subject)
    assert (found.releases, found.events, found.agreements) == (24, 45, 21)
    assert found.shared_triples > 100 and found.derived_triples > 10
    result = doctor(healthy)
    assert result.exit_code == 0
    assert "healthy — 24 releases (45 held events and 21 agreements, as stats counts them)" in result.stdout
    assert "(51 held and scheduled events and 21 agreements" in doctor(healthy, "--include-planned").stdout
    data = json.loads(doctor(healthy, "--format", "json").stdout)
    assert data["healthy"] is True and data["counts"] == dict.fromkeys(CHECKS, 0)


def test_a_store_of_the_older_layout_is_healthy_and_reads_the_same(healthy: Path, tmp_path: Path) -> None:
    """A store written before the view existed (shared descriptions in the default graph, queries
    read through the union until its next writer converts it) is one diplograph still reads: doctor,
    export and stats find its shared descriptions where it keeps them (doctor found 955 problems)."""
    from diplograph.export import export
    from diplograph.stats import stats

    path = damaged(healthy, tmp_path, f"CLEAR DEFAULT ; ADD <{SHARED_GRAPH.value}> TO DEFAULT ; "
                                      f"DROP GRAPH <{SHARED_GRAPH.value}>")
    found = report(path)
    assert found.healthy, found.counts()
    assert (found.releases, found.events, found.agreements) == (24, 45, 21)  # as in the current layout
    assert doctor(path).exit_code == 0
    with EmbeddedStore.open(healthy) as new, EmbeddedStore.open(path) as old:
        assert stats(old) == stats(new)
        export(new, tmp_path / "new.trig")
        export(old, tmp_path / "old.trig")
    assert (tmp_path / "old.trig").read_bytes() == (tmp_path / "new.trig").read_bytes()


def test_removing_releases_keeps_the_store_healthy(healthy: Path, tmp_path: Path) -> None:
    path = tmp_path / "store"
    shutil.copytree(healthy, path)
    with EmbeddedStore.open(path, write=True) as writer:
        assert [e.kind for e in remove(writer, ["d001", "d009", "d013"])] == ["removed"] * 3
    found = report(path)
    assert found.healthy, found.problems
    assert found.releases == 21


DAMAGE = {
    "provenance": ("DELETE { GRAPH ?g { ?e prov:wasDerivedFrom ?g } } WHERE { BIND(id:release\\/d002 AS ?g) "
                   "GRAPH ?g { ?e a dg:BilateralMeeting ; prov:wasDerivedFrom ?g } }",
                   {"provenance": 1}),
    "evidence": ("DELETE { GRAPH ?g { ?a dg:evidence ?s } } WHERE { BIND(id:release\\/d001 AS ?g) "
                 "GRAPH ?g { ?a a dg:MemorandumOfUnderstanding ; dg:evidence ?s } }",
                 {"evidence": 1}),
    "release node": ("DELETE DATA { GRAPH id:release\\/d003 { id:release\\/d003 a dg:PressRelease } }",
                     {"graphs": 1}),
    "shapes": ("DELETE { GRAPH ?g { ?e dg:heldOn ?d } } INSERT { GRAPH ?g { ?e dg:heldOn \"2563-09-29\"^^"
               "<http://www.w3.org/2001/XMLSchema#date> } } WHERE { GRAPH ?g { ?e dg:heldOn ?d } "
               "FILTER(?g = id:release\\/thaigov-35541 || ?g = id:release\\/d001) FILTER(STR(?d) = \"2020-09-29\") }",
               {"shapes": 1}),
    "derived, missing": (f"DELETE WHERE {{ GRAPH <{DERIVED_GRAPH.value}> {{ ?a dg:status dg:Signed }} }}",
                         {"derived": None}),
    "derived, unsupported": (f"INSERT DATA {{ GRAPH <{DERIVED_GRAPH.value}> {{ id:country\\/TH dg:hasMoUWith "
                             "id:country\\/FR } }", {"derived": 1}),
    "orphan description": (f"INSERT DATA {{ GRAPH <{SHARED_GRAPH.value}> {{ id:country\\/ZZ a dg:Country ; "
                           "dg:iso3166 \"ZZ\" } }", {"shared": 2, "view": 2}),
    "unknown graph": ("INSERT DATA { GRAPH id:graph\\/scratch { id:x id:y id:z } }", {"graphs": 1}),
    "support of a missing release": (f"INSERT DATA {{ GRAPH <{SUPPORT_GRAPH.value}> {{ id:release\\/ghost "
                                     f"<{SHARES.value}> id:description\\/x }} }}", {"shared": 1}),
    "a shared triple gone": (f"DELETE WHERE {{ GRAPH <{SHARED_GRAPH.value}> {{ id:country\\/SG dg:iso3166 ?code }} }}",
                             {"shared": 1, "shapes": None, "view": 1}),
    "the view out of step": ("DELETE WHERE { id:country\\/SG dg:iso3166 ?code }", {"view": 1, "shared": 0}),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damage_is_found_and_counted(damage: str, healthy: Path, tmp_path: Path) -> None:
    update, expected = DAMAGE[damage]
    path = damaged(healthy, tmp_path, update)
    counts = report(path).counts()
    for check, n in expected.items():
        assert counts[check] == n if n is not None else counts[check] >= 1, (damage, counts)
    result = doctor(path)
    assert result.exit_code == 1, result.output
    last = result.stdout.strip().splitlines()[-1]
    total = sum(counts.values())
    assert f"{total} problem{'s' if total != 1 else ''} (" in last and all(f"{n} {c}" in last for c, n in counts.items() if n)
    data = json.loads(doctor(path, "--format", "json").stdout)
    assert data["healthy"] is False and data["counts"] == counts


def test_problems_are_listed_up_to_the_limit(healthy: Path, tmp_path: Path) -> None:
    path = damaged(healthy, tmp_path, "DELETE WHERE { GRAPH ?g { ?e dg:evidence ?s } }")
    counts = report(path).counts()
    assert counts["evidence"] == 54 + 29
    result = doctor(path, "--limit", "3")
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("evidence: ")]
    assert len(lines) == 4 and lines[-1] == f"evidence: … and {54 + 29 - 3} more"


def test_a_store_that_cannot_be_opened_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a store")
    for path in (tmp_path / "missing", tmp_path):
        result = doctor(path)
        assert result.exit_code == 2 and result.stderr.startswith("error: ") and len(result.stderr.splitlines()) == 1
        assert "no diplograph store there" in result.stderr
    result = doctor(tmp_path / "file")  # refused by the option's own check
    assert result.exit_code == 2 and "is a file" in result.stderr


@pytest.mark.server
def test_doctor_on_a_server(virtuoso, dev_releases) -> None:
    """The same checks through SPARQL: the dev corpus on Virtuoso is healthy, and damage is found."""
    from test_remote import clear, connect, run

    outcomes, activity = dev_releases
    remote = connect(virtuoso)
    clear(remote)
    run(ingest(remote, outcomes[:6], activity=activity, validate=False))
    found = check_store(remote)
    assert found.healthy, found.problems[:5]
    assert found.releases == 6
    remote._http("POST", remote.endpoints.update, (
        f"INSERT DATA {{ GRAPH <{DERIVED_GRAPH.value}> {{ <{ID}country/TH> <{DG}hasMoUWith> <{ID}country/FR> }} }}"
    ).encode(), "application/sparql-update")
    assert check_store(remote).counts()["derived"] == 1
    clear(remote)
