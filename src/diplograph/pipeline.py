"""The chain both the library and the CLI call: read → extract → map → validate → write.

``build`` keeps going past bad input (each failure is an error value naming its
file) and returns everything as data; the CLI only renders it.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pyoxigraph as ox
from rdflib import Dataset, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .datelines import unreadable_dates
from .errors import DiplographError, InputError, InternalError
from .extraction import extract
from .model import Release, ReleaseFacts
from .rdf import mapping
from .rdf.derived import derived_triples
from .rdf.namespaces import DG, PREFIXES, RDF
from .rdf.terms import XSD_STRING, to_ox
from .inputs import read_inputs
from .validate import ValidationReport, release_triples, validate_triples

if TYPE_CHECKING:
    from .curation import Curation

EVENT_CLASSES = {DG.BilateralMeeting, DG.MultilateralMeeting, DG.OfficialVisit, DG.CourtesyCall, DG.AgreementSigning}
FORMATS = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld", ".nt": "nt"}


@dataclass
class ReleaseOutcome:
    facts: ReleaseFacts
    graph: mapping.ReleaseGraph
    report: ValidationReport | None = None


@dataclass
class BuildResult:
    outcomes: list[ReleaseOutcome] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    derived: list[tuple] = field(default_factory=list)
    activity: list[tuple] = field(default_factory=list)
    curation: list[tuple] = field(default_factory=list)  # the rules applied, in their own graph

    @property
    def violations(self) -> int:
        return sum(len(o.report.violations) for o in self.outcomes if o.report)

    @property
    def warnings(self) -> int:
        return sum(len(o.report.warnings) for o in self.outcomes if o.report)

    def counts(self) -> dict[str, int]:
        people = {p.key for o in self.outcomes for p in o.facts.people}
        return {
            "releases": len(self.outcomes),
            "failed": len(self.errors),
            "events": len({s for o in self.outcomes for s, p, c in o.graph.triples
                           if p == RDF.type and c in EVENT_CLASSES}),
            "people": len(people),
            "agreements": len({s for o in self.outcomes for s, p, _ in o.graph.triples if p == DG.statusHistory}),
            "warnings": self.warnings,
            "violations": self.violations,
        }

    @property
    def exit_code(self) -> int:
        if not self.outcomes:
            return 2
        return 1 if self.errors or self.violations else 0

    def quads(self) -> Iterator[tuple]:
        yield from mapping.all_triples(o.graph for o in self.outcomes)
        for t in self.activity:
            yield (*t, None)
        for t in self.derived:
            yield (*t, None)
        if self.curation:
            from .curation import CURATION_GRAPH

            for t in self.curation:
                yield (*t, CURATION_GRAPH)


def process(release: Release, activity: URIRef | None = None, curation: Curation | None = None) -> ReleaseOutcome:
    """One release through extraction and mapping, corrected by the analysts' ``curation`` rules
    (here, so that ``build`` and ``ingest`` give the same graph); its notes (``facts.notes``) say
    what it lost."""
    facts = extract(release)
    if notes := date_notes(release):
        facts = replace(facts, notes=(*facts.notes, *notes))
    graph = mapping.map_release(facts, activity)
    if curation:
        from .curation import apply

        graph = apply(graph, curation)
    return ReleaseOutcome(facts, graph)


def date_notes(release: Release) -> tuple[str, ...]:
    """A note when the release states dates that name no real day ("31 กุมภาพันธ์ 2563", "45/13/2563"):
    they are rightly read as nothing, and without a word a release whose dates are all like that
    silently has none."""
    bad = unreadable_dates(f"{release.title or ''}\n{release.body}")
    if not bad:
        return ()
    shown = ", ".join(f"{text} ({why})" for text, why in bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
    whole = "; the release has no date of its own" if release.issued is None else ""
    return (f"dates that name no real day were left out: {shown}{whole}",)


def process_or_error(release: Release, activity: URIRef | None = None, *, debug: bool = False,
                     curation: Curation | None = None) -> ReleaseOutcome | InputError:
    """:func:`process`, with what goes wrong as the release's error, so a batch goes on: an
    input error as it is, a bug (any other exception) as an :class:`InternalError` naming the
    release — unless ``debug``, when the bug is raised with its traceback."""
    try:
        return process(release, activity, curation)
    except DiplographError as exc:
        return InputError(release.source_file, str(exc))
    except Exception as exc:  # noqa: BLE001 — a bug on one release fails that release, not the batch
        if debug:
            raise
        return InputError(release.source_file, str(InternalError.wrap(f"release {release.release_id}", exc)))


def iter_outcomes(paths: Iterable[Path], activity: URIRef | None = None, *, debug: bool = False
                  ) -> Iterator[ReleaseOutcome | InputError | str]:
    """Releases processed one by one; errors and notes pass through. A release whose content
    was already read under another name is skipped with a note (one release, one node)."""
    seen: dict[str, str] = {}
    for item in read_inputs(paths):
        if not isinstance(item, Release):
            yield item
            continue
        if item.content_hash in seen:
            yield f"skipped {item.source_file}: same text as release {seen[item.content_hash]}"
            continue
        seen[item.content_hash] = item.release_id
        yield process_or_error(item, activity, debug=debug)


def build(paths: Iterable[Path], *, validate: bool = True, debug: bool = False,
          curation: Curation | None = None) -> BuildResult:
    """Everything read, extracted, mapped, corrected by ``curation`` and validated, the same whatever
    the order of the inputs: of two files with the same text the one with the smaller release id
    stands for both."""
    result = BuildResult()
    if curation:
        from .curation import rule_triples

        result.curation = rule_triples(curation)
    activity, activity_triples = mapping.activity_iri()
    result.activity = activity_triples
    chosen: dict[str, Release] = {}
    for item in read_inputs(paths):
        if isinstance(item, InputError):
            result.errors.append(item)
        elif isinstance(item, str):
            result.notes.append(item)
        else:
            kept = chosen.setdefault(item.content_hash, item)
            if kept is not item:
                first, second = sorted((kept, item), key=lambda r: r.release_id)
                chosen[item.content_hash] = first
                result.notes.append(f"skipped {second.source_file}: same text as release {first.release_id}")
    for release in sorted(chosen.values(), key=lambda r: r.release_id):
        outcome = process_or_error(release, activity, debug=debug, curation=curation)
        (result.errors if isinstance(outcome, InputError) else result.outcomes).append(outcome)
        if not isinstance(outcome, InputError):
            result.notes.extend(f"{release.source_file}: {note}" for note in outcome.facts.notes)
    result.derived = derived_triples(mapping.all_triples(o.graph for o in result.outcomes))
    if validate:
        for outcome in result.outcomes:
            outcome.report = validate_outcome(outcome, result.derived)
    return result


def validate_outcome(outcome: ReleaseOutcome, derived: list[tuple]) -> ValidationReport:
    """The release's statements, the shared descriptions they use, and derived facts about its nodes."""
    return validate_triples(release_triples(outcome.graph, derived))


def to_dataset(quads: Iterable[tuple]) -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    for s, p, o, g in quads:
        ds.add((s, p, o, g if g is not None else DATASET_DEFAULT_GRAPH_ID))
    return ds


@contextmanager
def atomic_file(out: Path) -> Iterator[BinaryIO]:
    """A binary file that becomes ``out`` only when the block ends without an error.

    It is written beside ``out`` and renamed over it, so a reader (or a crash) never
    sees half a file; on an error the temporary file is removed and ``out`` is untouched.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.chmod(tmp, 0o644 & ~_umask())
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_graph(quads: Iterable[tuple], out: Path) -> None:
    """Write quads to out in the format its extension names, atomically (temporary file, then rename).

    Turtle, TriG, N-Triples and N-Quads are written by :func:`serialize` (terms escaped by
    Oxigraph, a few microseconds a triple; rdflib's Turtle writer takes ~30 µs); JSON-LD by rdflib.
    """
    out = Path(out)
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise DiplographError(f"{out}: unknown output format (use {', '.join(sorted(FORMATS))})")
    if fmt == "json-ld":
        ds = to_dataset(quads)
        with atomic_file(out) as handle:
            context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
            ds.serialize(handle, format="json-ld", context=context)
        return
    text = serialize(quads, fmt)
    with atomic_file(out) as handle:
        handle.write(text.encode("utf-8"))


def serialize(quads: Iterable[tuple], fmt: str) -> str:
    """rdflib quads (graph None = the default graph) as ``turtle`` (graphs merged), ``trig``,
    ``nt`` (merged) or ``nquads`` text. A statement given twice is written once; subjects are
    grouped in Turtle and TriG, in the order they first come; language tags keep their case."""
    graphs: dict[object, dict[object, dict[object, dict[object, None]]]] = {}
    merged = fmt in ("turtle", "nt")
    for s, p, o, g in quads:
        graph = graphs.setdefault(None if merged else g, {})
        graph.setdefault(s, {}).setdefault(p, {})[o] = None
    if fmt in ("nt", "nquads"):
        lines = []
        for g, subjects in graphs.items():
            tail = " ." if g is None else f" {_term(g)} ."
            for s, predicates in subjects.items():
                head = _term(s) + " "
                for p, objects in predicates.items():
                    mid = head + _term(p) + " "
                    lines.extend(mid + _term(o) + tail for o in objects)
        return "\n".join(lines) + ("\n" if lines else "")
    used: set[str] = set()
    blocks = []
    for g in sorted(graphs, key=lambda g: (g is not None, str(g))):  # the default graph first
        body = _turtle_block(graphs[g], used, indent="" if g is None else "    ")
        blocks.append(body if g is None else f"{_short(g, used)} {{\n{body}}}\n")
    header = "".join(f"@prefix {prefix}: <{PREFIXES[prefix]}> .\n" for prefix in sorted(used))
    return header + ("\n" if header else "") + "\n".join(blocks)


def _turtle_block(subjects: dict, used: set[str], indent: str) -> str:
    out = []
    for s, predicates in subjects.items():
        parts = []
        for p, objects in predicates.items():
            name = "a" if p == RDF.type else _short(p, used)
            sep = ", " if len(objects) <= 3 else f",\n{indent}        "
            parts.append(f"{name} " + sep.join(_short(o, used) for o in objects))
        out.append(f"{indent}{_short(s, used)} " + f" ;\n{indent}    ".join(parts) + " .\n")
    return "".join(out)


_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
_NAMESPACES = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda x: -len(x[0]))


def _short(term, used: set[str]) -> str:
    """A prefixed name when the term is an IRI in a known namespace with a plain local name (and
    a literal's datatype likewise: ``"2020-09-29"^^xsd:date``)."""
    if isinstance(term, Literal) and term.datatype is not None and not term.language:
        prefixed = _prefixed(term.datatype)
        if prefixed is not None and str(term.datatype) != XSD_STRING:
            used.add(prefixed[0])
            return f"{ox.Literal(str(term))}^^{prefixed[1]}"
    prefixed = _prefixed(term)
    if prefixed is None:
        return _term(term)
    used.add(prefixed[0])
    return prefixed[1]


@lru_cache(maxsize=1 << 16)
def _prefixed(term) -> tuple[str, str] | None:
    if not isinstance(term, URIRef):
        return None
    value = str(term)
    for namespace, prefix in _NAMESPACES:
        if value.startswith(namespace) and _LOCAL.fullmatch(value[len(namespace):]):
            return prefix, f"{prefix}:{value[len(namespace):]}"
    return None


@lru_cache(maxsize=1 << 17)
def _term(term) -> str:
    """A term in N-Triples syntax: IRIs validated and strings escaped by Oxigraph; a language tag as
    given (Oxigraph would lower-case it)."""
    if isinstance(term, Literal):
        quoted = str(ox.Literal(str(term)))
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype is not None and str(term.datatype) != XSD_STRING:
            return f"{quoted}^^{ox.NamedNode(str(term.datatype))}"
        return quoted
    return str(to_ox(term))
