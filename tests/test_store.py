"""The embedded store: idempotent ingest, exact removal, order independence, one writer, readers."""

from __future__ import annotations

import dataclasses
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.changes import NewRelease
from diplograph.errors import StoreError
from diplograph.export import export
from diplograph.ingest import Summary, ingest, remove
from diplograph.pipeline import ReleaseOutcome, build
from diplograph.rdf import mapping
from diplograph.store import EmbeddedStore
from diplograph.store_layout import DERIVED_GRAPH

DG = "https://w3id.org/diplograph/ontology#"
ID = "https://w3id.org/diplograph/id/"
REPO = Path(__file__).parent.parent
DEV = Path(__file__).parent / "fixtures" / "corpus" / "dev"
DIPLOGRAPH = str(Path(sys.executable).parent / "diplograph")


def run_ingest(store, outcomes, activity, **options) -> Summary:
    summary = Summary()
    for event in ingest(store, outcomes, activity=activity, **options):
        summary.add(event)
    return summary


def run_remove(store, ids) -> Summary:
    summary = Summary()
    for event in remove(store, ids):
        summary.add(event)
    return summary


def quads(store: EmbeddedStore) -> set[str]:
    return {str(q) for q in store.ox}


def filled(path: Path, outcomes, activity, **options) -> EmbeddedStore:
    store = EmbeddedStore.open(path, write=True)
    run_ingest(store, outcomes, activity, validate=False, **options)
    return store


def rid(outcome: ReleaseOutcome) -> str:
    return outcome.facts.release.release_id


def test_ingest_twice_gives_the_same_store(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with EmbeddedStore.open(tmp_path / "s", write=True) as store:
        first = run_ingest(store, outcomes, activity)
        assert first.counts == {"stored": 24} and first.exit_code == 0
        before = quads(store)
        second = run_ingest(store, outcomes, activity)
        assert second.counts == {"replaced": 24} and second.exit_code == 0
        assert quads(store) == before
        assert store.count() == len(before) > 2000


def test_the_store_holds_what_build_writes(tmp_path: Path, dev_releases) -> None:
    """Release graphs, shared descriptions and derived facts: the same as a build of the same releases."""
    outcomes, activity = dev_releases
    built = build([DEV])
    expected = ox.Store()
    expected.extend(ox.Quad(*(mapping_term(t) for t in q[:3]), mapping_term(q[3]) if q[3] is not None
                            else ox.DefaultGraph()) for q in built.quads())
    with filled(tmp_path / "s", outcomes, activity) as store:
        export(store, tmp_path / "out.trig")
    exported = ox.Store()
    exported.load(path=str(tmp_path / "out.trig"), format=ox.RdfFormat.TRIG)
    assert {str(q) for q in exported} == {str(q) for q in expected}


def mapping_term(term):
    from diplograph.rdf.terms import to_ox

    return to_ox(term)


def test_ingest_order_does_not_matter(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with filled(tmp_path / "a", outcomes, activity) as store:
        forward = quads(store)
    shuffled = list(outcomes)
    random.Random(7).shuffle(shuffled)
    with filled(tmp_path / "b", shuffled, activity, batch_size=5) as store:
        assert quads(store) == forward
    with filled(tmp_path / "c", list(reversed(outcomes)), activity, batch_size=1) as store:
        assert quads(store) == forward


def test_remove_then_ingest_returns_to_the_same_store(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with filled(tmp_path / "s", outcomes, activity) as store:
        everything = quads(store)
        gone = [o for o in outcomes if rid(o) in ("d001", "d009", "d020")]
        summary = run_remove(store, [rid(o) for o in gone])
        assert summary.counts == {"removed": 3} and summary.exit_code == 0
        assert store.count() < len(everything)
        run_ingest(store, gone, activity, validate=False)
        assert quads(store) == everything


def test_removing_releases_leaves_the_store_of_the_others(tmp_path: Path, dev_releases) -> None:
    """Nothing only they supported stays (no orphan), nothing the others need goes (no dangling node)."""
    outcomes, activity = dev_releases
    gone = {rid(o) for o in outcomes[::2]}
    with filled(tmp_path / "rest", [o for o in outcomes if rid(o) not in gone], activity) as store:
        expected = quads(store)
    with filled(tmp_path / "s", outcomes, activity) as store:
        run_remove(store, sorted(gone))
        assert quads(store) == expected
        assert_no_dangling_nodes(store)


def assert_no_dangling_nodes(store: EmbeddedStore) -> None:
    described = {q.subject for q in store.shared_quads()}
    for q in store.ox.quads_for_pattern(None, ox.NamedNode(DG + "participant"), None, None):
        assert q.object in described, f"{q.object} has no description"
    for q in store.ox.quads_for_pattern(None, ox.NamedNode(DG + "involvesCountry"), None, None):
        assert q.object in described, f"{q.object} has no description"


def test_removing_every_release_empties_the_store(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with filled(tmp_path / "s", outcomes, activity) as store:
        summary = run_remove(store, [rid(o) for o in outcomes])
        assert summary["removed"] == 24
        assert store.count() == 0, sorted(str(q) for q in store.ox)[:5]


def test_derived_facts_follow_the_releases(tmp_path: Path, dev_releases) -> None:
    """d001 reports the TH–SG digital economy MoU approved, d009 signed: the latest status and
    dg:hasMoUWith come and go with d009."""
    outcomes, activity = dev_releases
    mou = ox.NamedNode(ID + "agreement/mou/sg-th/digital-economy")
    th, sg = ox.NamedNode(ID + "country/TH"), ox.NamedNode(ID + "country/SG")

    def status(store):
        return {q.object.value.rsplit("#")[-1] for q in store.ox.quads_for_pattern(mou, ox.NamedNode(DG + "status"),
                                                                                     None, DERIVED_GRAPH)}

    def mou_with(store):
        return bool(list(store.ox.quads_for_pattern(th, ox.NamedNode(DG + "hasMoUWith"), sg, DERIVED_GRAPH)))

    with filled(tmp_path / "s", outcomes, activity) as store:
        assert status(store) == {"Signed"} and mou_with(store)
        run_remove(store, ["d009"])
        assert status(store) == {"Approved"} and not mou_with(store)
        run_remove(store, ["d001"])
        assert status(store) == set()
        run_ingest(store, [o for o in outcomes if rid(o) == "d009"], activity, validate=False)
        assert status(store) == {"Signed"} and mou_with(store)


def copy_of(outcome: ReleaseOutcome, release_id: str, activity_iri, same_text: bool = True) -> ReleaseOutcome:
    release = dataclasses.replace(outcome.facts.release, release_id=release_id, source_file=release_id + ".txt")
    if not same_text:
        release = dataclasses.replace(release, content_hash=release.content_hash[::-1])
    facts = dataclasses.replace(outcome.facts, release=release)
    return ReleaseOutcome(facts, mapping.map_release(facts, activity_iri))


def test_the_same_text_under_two_names_is_one_release(tmp_path: Path, dev_releases) -> None:
    """As in build: the smaller release id stands for both, whatever order they come in."""
    outcomes, activity = dev_releases
    run = activity[0][0]
    original = next(o for o in outcomes if rid(o) == "d002")
    copy = copy_of(original, "zz-copy", run)
    with filled(tmp_path / "a", [original], activity) as store:
        expected = quads(store)
        summary = run_ingest(store, [copy], activity, validate=False)
        assert summary.counts == {"skipped": 1}
        assert quads(store) == expected
    with filled(tmp_path / "b", [copy], activity) as store:
        summary = run_ingest(store, [original], activity, validate=False)
        assert summary.counts == {"removed": 1, "stored": 1}
        assert quads(store) == expected
    with filled(tmp_path / "c", [copy, original], activity) as store:
        assert quads(store) == expected


def test_a_changed_release_replaces_the_old_version(tmp_path: Path, dev_releases) -> None:
    """A new version of d004 (no agreement, other topics, another text) leaves no trace of the old one."""
    outcomes, activity = dev_releases
    old = next(o for o in outcomes if rid(o) == "d004")
    assert old.facts.agreements
    release = dataclasses.replace(old.facts.release, content_hash="changed")
    events = tuple(dataclasses.replace(e, topics=("tourism",), evidence=("Changed.",)) for e in old.facts.events)
    facts = dataclasses.replace(old.facts, release=release, events=events, agreements=())
    new = ReleaseOutcome(facts, mapping.map_release(facts, activity[0][0]))
    others = [o for o in outcomes if rid(o) != "d004"]
    with filled(tmp_path / "expected", [*others, new], activity) as store:
        expected = quads(store)
    with filled(tmp_path / "s", outcomes, activity) as store:
        assert run_ingest(store, [new], activity, validate=False).counts == {"replaced": 1}
        assert quads(store) == expected


def test_a_release_that_violates_the_shapes_is_held_back(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    good = next(o for o in outcomes if rid(o) == "d003")
    bad = copy_of(good, "bad-date", activity[0][0], same_text=False)
    heldon = mapping_term(next(p for _, p, _ in bad.graph.triples if str(p) == DG + "heldOn"))
    from rdflib import Literal
    from rdflib.namespace import XSD

    bad.graph.triples[:] = [(s, p, Literal("2564-10-12", datatype=XSD.date) if str(p) == heldon.value else o)
                            for s, p, o in bad.graph.triples]  # an unconverted Buddhist-era year
    with EmbeddedStore.open(tmp_path / "s", write=True) as store:
        summary = run_ingest(store, [good, bad], activity)
        assert summary.counts == {"stored": 1, "held": 1} and summary.exit_code == 1
        assert [g.value.rsplit("/", 1)[-1] for g in store.release_graphs()] == ["d003"]
        summary = run_ingest(store, [bad], activity, allow_invalid=True)
        assert summary.counts == {"stored": 1}
        assert len(store.release_graphs()) == 2


def test_removing_an_unknown_release_says_so(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with filled(tmp_path / "s", outcomes[:3], activity) as store:
        summary = run_remove(store, ["no-such-release"])
        assert summary.counts == {"missing": 1} and summary.exit_code == 2
        url = next(str(o) for o in outcomes for s, p, o in o.graph.triples if str(p) == "https://schema.org/url")
        summary = run_remove(store, [url, rid(outcomes[0])])
        assert summary["removed"] >= 1 and summary.exit_code == 0


# --------------------------------------------------------------------------- writers and readers


def test_a_second_writer_is_refused_at_once(tmp_path: Path) -> None:
    with EmbeddedStore.open(tmp_path / "s", write=True):
        start = time.monotonic()
        with pytest.raises(StoreError, match=rf"process {os.getpid()} is writing this store"):
            EmbeddedStore.open(tmp_path / "s", write=True)
        assert time.monotonic() - start < 3
        other = subprocess.run([DIPLOGRAPH, "ingest", str(DEV / "d001.txt"),
                                "--store", str(tmp_path / "s")], capture_output=True, text=True, timeout=120)
        assert other.returncode == 2
        assert "one writer at a time" in other.stderr
    with EmbeddedStore.open(tmp_path / "s", write=True):  # the lock went with its holder
        pass


def test_a_reader_sees_the_committed_store_while_a_writer_holds_it(tmp_path: Path, dev_releases) -> None:
    outcomes, activity = dev_releases
    with filled(tmp_path / "s", outcomes[:5], activity) as writer:
        with EmbeddedStore.open(tmp_path / "s") as reader:
            assert reader.writer_pid == os.getpid()
            assert len(reader.release_graphs()) == 5
            with pytest.raises(StoreError, match="read-only"):
                reader.apply(__import__("diplograph.store_layout").store_layout.ChangeSet(drop=[]))
        assert writer.count() > 0
    with EmbeddedStore.open(tmp_path / "s") as reader:
        assert reader.writer_pid is None


def test_opening_what_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no diplograph store"):
        EmbeddedStore.open(tmp_path / "missing")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a diplograph store"):
        EmbeddedStore.open(tmp_path / "docs", write=True)
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == ["notes.txt"]


@pytest.mark.slow
def test_reading_while_an_ingest_runs_sees_only_whole_releases(tmp_path: Path, dev_releases) -> None:
    """Readers open the store read-only while another process writes: every release they see is whole."""
    outcomes, activity = dev_releases
    expected = {NewRelease.from_graph(o.graph, rid(o), "").iri: len(set(NewRelease.from_graph(o.graph, rid(o), "")
                                                                         .triples)) for o in outcomes}
    store = tmp_path / "s"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    writer = subprocess.Popen([DIPLOGRAPH, "ingest", str(DEV), "--store", str(store),
                               "--batch-size", "1", "-q"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen, reads = set(), 0
    try:
        while writer.poll() is None or reads == 0:
            if (store / "CURRENT").exists():
                try:
                    reader = EmbeddedStore.open(store)
                except StoreError:
                    time.sleep(0.05)
                    continue
                with reader:
                    for g in reader.release_graphs():
                        n = sum(1 for _ in reader.ox.quads_for_pattern(None, None, None, g))
                        assert n == expected[g], f"{g.value}: {n} of {expected[g]} triples"
                        seen.add(g)
                reads += 1
            time.sleep(0.05)
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0, writer.stderr.read().decode()
    assert reads >= 2


def test_the_python_api(tmp_path: Path) -> None:
    import diplograph

    with diplograph.EmbeddedStore.open(tmp_path / "s", write=True) as store:
        events = list(diplograph.ingest_releases(store, [DEV / "d001.txt", DEV / "d009.txt"]))
        assert [(e.kind, e.release) for e in events] == [("stored", "d001"), ("stored", "d009")]
        rows = diplograph.run_query(store, "meetings-between", {"country1": "TH", "country2": "SG"}).rows
        assert rows
        assert diplograph.store_stats(store).releases == 2
        assert diplograph.export_store(store, tmp_path / "g.trig").releases == 2
        assert [e.kind for e in diplograph.remove_releases(store, ["d001"])] == ["removed"]
