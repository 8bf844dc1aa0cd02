"""Whole releases against their expected graphs, compared by graph isomorphism.

Each folder in tests/golden/ holds input/ (release files) and expected.trig.
Run `pytest tests/test_golden.py --regen-golden` to rewrite expected.trig from
the current output, then review the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from diplograph.pipeline import build, write_graph

CASES = sorted(p for p in (Path(__file__).parent / "golden").iterdir() if (p / "input").is_dir())


def _graphs(path: Path) -> dict[str, Graph]:
    ds = Dataset()
    ds.parse(path, format="trig")
    out: dict[str, Graph] = {}
    for ctx in ds.graphs():
        g = Graph()
        for t in ctx:
            g.add(t)
        if len(g):
            out[str(ctx.identifier)] = g
    return out


def _describe(expected: Graph, actual: Graph) -> str:
    _both, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    lines = [f"- {' '.join(t.n3() for t in triple)}" for triple in sorted(only_expected)[:30]]
    lines += [f"+ {' '.join(t.n3() for t in triple)}" for triple in sorted(only_actual)[:30]]
    return "\n".join(lines)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path, tmp_path: Path, regen_golden: bool) -> None:
    result = build([case / "input"])
    assert result.exit_code == 0, [str(e) for e in result.errors] + [
        v.message for o in result.outcomes for v in (o.report.violations if o.report else ())]
    actual_path = tmp_path / "actual.trig"
    write_graph(result.quads(), actual_path)
    expected_path = case / "expected.trig"
    if regen_golden:
        expected_path.write_bytes(actual_path.read_bytes())
        pytest.skip(f"wrote {expected_path}; review it")
    assert expected_path.exists(), f"{expected_path} is missing: run with --regen-golden and review it"
    expected, actual = _graphs(expected_path), _graphs(actual_path)
    assert sorted(expected) == sorted(actual), "named graphs differ"
    for name in expected:
        assert isomorphic(expected[name], actual[name]), f"graph {name} differs:\n" + _describe(
            expected[name], actual[name])


def test_order_of_inputs_does_not_change_the_graph(tmp_path: Path) -> None:
    """Releases read in any order, and a release read twice under two names, give one graph."""
    import random
    import shutil

    corpus = Path(__file__).parent / "fixtures" / "corpus"
    files = sorted(p for p in (corpus / "dev").iterdir() if p.suffix in (".txt", ".html"))
    files.append(corpus / "seed" / "thaigov-35541.txt")
    copy = tmp_path / "copy-of-seed.txt"
    shutil.copy(files[-1], copy)
    graphs = []
    for seed in (1, 2, 3):
        order = [*files, copy]
        random.Random(seed).shuffle(order)
        out = tmp_path / f"out{seed}.trig"
        result = build(order)
        assert any("same text" in note for note in result.notes)
        write_graph(result.quads(), out)
        graphs.append(_graphs(out))
    for other in graphs[1:]:
        assert sorted(other) == sorted(graphs[0])
        assert all(isomorphic(other[name], graphs[0][name]) for name in other)


@pytest.mark.parametrize("corpus_name", ["dev", "heldout"])
def test_corpus_quality(corpus_name: str, tmp_path: Path) -> None:
    """The scorer on an annotated corpus built as TriG: the dev corpus, and held-out releases written
    after the rules (tests/fixtures/corpus/heldout) — a guard against regressions and over-fitting."""
    import json
    import subprocess
    import sys

    corpus = Path(__file__).parent / "fixtures" / "corpus"
    out = tmp_path / f"{corpus_name}.trig"
    result = build([corpus / corpus_name] + ([corpus / "seed"] if corpus_name == "dev" else []))
    assert not result.errors and result.violations == 0
    write_graph(result.quads(), out)
    scores = subprocess.run([sys.executable, str(corpus / "score.py"), str(corpus / corpus_name), str(out), "--json"],
                            capture_output=True, text=True, check=True)
    figures = json.loads(scores.stdout)
    assert figures["overall_f1"] >= 0.95, figures
    for kind in ("countries", "events", "dates", "participants", "agreements", "details"):
        assert figures[kind]["f1"] >= 0.9, (kind, figures[kind])
    assert figures["dates"]["precision"] == 1.0  # no wrong date
