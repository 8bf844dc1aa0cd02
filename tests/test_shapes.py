"""The SHACL shapes catch the extraction errors they are written for.

Each case in ``tests/shapes/`` is a small Turtle graph, validated together with
the shared descriptions in ``tests/shapes/context.ttl`` (releases, countries,
people, organisations), as a release's graph is validated with the shared
descriptions it points to:

* ``<name>.ok.ttl`` conforms: no ``sh:Violation``, and no result at all except
  the warnings its header declares (``# expect-warning: <shape> <focus IRI>``);
* ``<name>.bad.ttl`` breaks one constraint. Its header names the shape and the
  focus node of the violation it must produce
  (``# expect-violation: <shape> <focus IRI>``) and its conforming twin
  (``# conforming twin: <file>``).

pyshacl's ``conforms`` is False as soon as there is any validation result,
warnings included (unless it is called with ``allow_warnings=True``), so the
tests count results by ``sh:resultSeverity`` instead of reading ``conforms``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SH

from diplograph.rdf.namespaces import DG
from diplograph.resources import resource_file

CASES_DIR = Path(__file__).parent / "shapes"
CONTEXT = CASES_DIR / "context.ttl"
DGSH = Namespace("https://w3id.org/diplograph/shapes#")

OK_CASES = sorted(CASES_DIR.glob("*.ok.ttl"))
BAD_CASES = sorted(CASES_DIR.glob("*.bad.ttl"))

_DIRECTIVE = re.compile(r"^# (expect-violation|expect-warning|conforming twin): (.+)$")

# Parameters that make a shape check something (SHACL Core only).
_CONSTRAINT_PARAMETERS = {
    SH["class"], SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH.minInclusive,
    SH.maxInclusive, SH.minExclusive, SH.maxExclusive, SH.minLength, SH.maxLength,
    SH.pattern, SH.languageIn, SH.uniqueLang, SH.equals, SH.disjoint, SH.lessThan,
    SH.lessThanOrEquals, SH["in"], SH.hasValue, SH["not"], SH["and"], SH["or"], SH.xone,
    SH.node, SH.qualifiedValueShape, SH.closed,
}
EVENT_CLASSES = [DG.BilateralMeeting, DG.MultilateralMeeting, DG.OfficialVisit, DG.CourtesyCall,
                 DG.AgreementSigning]
AGREEMENT_CLASSES = [DG.Agreement, DG.MemorandumOfUnderstanding, DG.JointStatement,
                     DG.LetterOfIntent]


@dataclass(frozen=True)
class Result:
    severity: URIRef
    shape: URIRef
    focus: URIRef

    def __str__(self) -> str:  # readable assertion messages
        shape = self.shape.removeprefix(str(DGSH)) if isinstance(self.shape, URIRef) else "_:"
        return f"{self.severity.removeprefix(str(SH))} {shape} on <{self.focus}>"


@dataclass(frozen=True)
class Expectation:
    shape: URIRef
    focus: URIRef


@pytest.fixture(scope="session")
def shapes() -> Graph:
    return Graph().parse(resource_file("shapes", "diplograph.ttl"), format="turtle")


def validate(shapes_graph: Graph, *files: Path) -> list[Result]:
    data = Graph()  # rdflib Memory store: pyshacl is fast on it
    for path in files:
        data.parse(path, format="turtle")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph, ont_graph=None,
                                    inference="none", advanced=False)
    return [
        Result(report.value(r, SH.resultSeverity), report.value(r, SH.sourceShape),
               report.value(r, SH.focusNode))
        for r in report.subjects(RDF.type, SH.ValidationResult)
    ]


def directives(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if m := _DIRECTIVE.match(line):
            found.setdefault(m.group(1), []).append(m.group(2).strip())
    return found


def expectation(text: str) -> Expectation:
    shape, focus = text.split()
    assert focus.startswith("<") and focus.endswith(">"), text
    return Expectation(DGSH[shape], URIRef(focus[1:-1]))


def violations(results: list[Result]) -> list[Result]:
    return [r for r in results if r.severity == SH.Violation]


# --- the shapes file -------------------------------------------------------


def test_shapes_use_only_shacl_core(shapes: Graph) -> None:
    """No SPARQL-based constraints or targets: they are too slow for per-release validation."""
    forbidden = {SH.sparql, SH.select, SH.ask, SH.SPARQLConstraint, SH.SPARQLTarget, SH.target,
                 SH.rule, SH.js, SH.declare}
    used = {p for p in shapes.predicates()} | {o for o in shapes.objects(None, RDF.type)}
    assert not used & forbidden


def test_every_shape_has_a_message_and_a_comment(shapes: Graph) -> None:
    named = [s for t in (SH.NodeShape, SH.PropertyShape) for s in shapes.subjects(RDF.type, t)]
    assert len(named) >= 30
    for shape in named:
        assert isinstance(shape, URIRef), "shapes have IRIs so that results name them"
        assert any(m.language == "en" for m in shapes.objects(shape, SH.message)), shape
        assert any(isinstance(c, Literal) for c in shapes.objects(shape, RDFS.comment)), shape


def test_only_the_missing_date_is_a_warning(shapes: Graph) -> None:
    severities = {(s, o) for s, o in shapes.subject_objects(SH.severity)}
    assert severities == {(DGSH.EventDateWarningShape, SH.Warning)}


def test_event_and_agreement_classes_are_targeted_explicitly(shapes: Graph) -> None:
    assert set(shapes.objects(DGSH.EventShape, SH.targetClass)) == set(EVENT_CLASSES)
    assert set(shapes.objects(DGSH.EventDateWarningShape, SH.targetClass)) == set(EVENT_CLASSES)
    assert set(shapes.objects(DGSH.AgreementShape, SH.targetClass)) == set(AGREEMENT_CLASSES)


def test_every_constraint_has_a_violating_case(shapes: Graph) -> None:
    """Each shape that constrains something is exercised by a .bad.ttl (or a declared warning)."""
    constraining = {
        s for s in shapes.subjects()
        if isinstance(s, URIRef) and set(shapes.predicates(s)) & _CONSTRAINT_PARAMETERS
    }
    exercised = set()
    for path in BAD_CASES + OK_CASES:
        found = directives(path)
        for text in found.get("expect-violation", []) + found.get("expect-warning", []):
            exercised.add(expectation(text).shape)
    assert constraining - exercised == set()


# --- the cases -------------------------------------------------------------


def test_context_alone_has_no_results(shapes: Graph) -> None:
    assert validate(shapes, CONTEXT) == []


@pytest.mark.parametrize("path", OK_CASES, ids=lambda p: p.name)
def test_conforming_case(shapes: Graph, path: Path) -> None:
    results = validate(shapes, CONTEXT, path)
    assert [str(r) for r in violations(results)] == []
    declared = {expectation(t) for t in directives(path).get("expect-warning", [])}
    warnings = {Expectation(r.shape, r.focus) for r in results if r.severity == SH.Warning}
    assert warnings == declared
    assert all(r.severity in (SH.Violation, SH.Warning) for r in results)


@pytest.mark.parametrize("path", BAD_CASES, ids=lambda p: p.name)
def test_violating_case(shapes: Graph, path: Path) -> None:
    found = directives(path)
    assert found.get("expect-violation"), f"{path.name} declares no '# expect-violation:' line"
    twin = found.get("conforming twin", [None])[0]
    assert twin and (CASES_DIR / twin).is_file(), f"{path.name}: conforming twin {twin} missing"

    got = violations(validate(shapes, CONTEXT, path))
    for text in found["expect-violation"]:
        expected = expectation(text)
        assert any(r.shape == expected.shape and r.focus == expected.focus for r in got), (
            f"{path.name}: expected a violation of {text}; got {[str(r) for r in got]}")
    # and nothing else: each case breaks only the constraints it declares
    declared = {expectation(t) for t in found["expect-violation"]}
    assert {Expectation(r.shape, r.focus) for r in got} == declared, [str(r) for r in got]


# --- named scenarios (the ones the design calls out) ---------------------------


def _case(name: str) -> Path:
    return CASES_DIR / name


def test_unconverted_buddhist_era_year_is_a_violation(shapes: Graph) -> None:
    got = violations(validate(shapes, CONTEXT, _case("event_buddhist_era_date.bad.ttl")))
    assert {r.shape for r in got} == {DGSH.HeldOnProperty}


def test_undated_event_is_only_a_warning(shapes: Graph) -> None:
    results = validate(shapes, CONTEXT, _case("event_undated.ok.ttl"))
    assert violations(results) == []
    assert [r.shape for r in results] == [DGSH.EventDateWarningShape]


def test_pyshacl_conforms_is_false_on_warnings_alone(shapes: Graph) -> None:
    """Why callers must count by severity (or pass allow_warnings=True)."""
    data = Graph()
    data.parse(CONTEXT, format="turtle")
    data.parse(_case("event_undated.ok.ttl"), format="turtle")
    conforms, _, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=None,
                                      inference="none", advanced=False)
    assert conforms is False
    conforms, _, _ = pyshacl.validate(data, shacl_graph=shapes, ont_graph=None,
                                      inference="none", advanced=False, allow_warnings=True)
    assert conforms is True


def test_seed_release_graph_conforms(shapes: Graph) -> None:
    assert validate(shapes, CONTEXT, _case("seed_release.ok.ttl")) == []
