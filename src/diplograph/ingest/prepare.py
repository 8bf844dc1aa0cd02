"""One release made ready for the store, in whichever process does it: processed, validated on
its own small graph (pyshacl never sees the store), and packed as a :class:`Prepared` to travel
from a worker process to the writer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef

from ..changes import NewRelease
from ..curation import Curation
from ..errors import InputError
from ..model import Release
from ..pipeline import ReleaseOutcome, process_or_error, validate_outcome
from ..rdf.derived import derived_triples
from ..rdf.ntriples import NTriples
from ..rdf.terms import iri
from ..wording import count
from . import timings
from .events import Event


@dataclass(frozen=True)
class Prepared:
    """A release read, extracted, mapped and validated, ready to store; small and quick to pickle.

    The named-graph triples and each shared description travel as N-Triples text, formatted
    once by the worker process: the writer passes it on to the store and parses only what
    its planner reads (:class:`~diplograph.rdf.ntriples.NTriples`).
    """

    release_id: str
    content_hash: str
    iri: str
    triples: str
    descriptions: tuple[tuple[str, str], ...]  # (description node, its triples), one per shared subject
    notes: tuple[str, ...] = ()  # what the release lost (ReleaseFacts.notes), reported by the writer

    @classmethod
    def from_outcome(cls, outcome: ReleaseOutcome, activity: Iterable[tuple] = ()) -> Prepared:
        release = outcome.facts.release
        new = NewRelease.from_graph(outcome.graph, release.release_id, release.content_hash, activity)
        return cls(release.release_id, release.content_hash, new.iri.value, new.triples.text,
                   tuple((node.value, ts.text) for node, ts in new.descriptions.items()), outcome.facts.notes)

    def new_release(self) -> NewRelease:
        return NewRelease(iri(self.iri), self.release_id, self.content_hash, NTriples(text=self.triples),
                          {iri(node): NTriples(text=text) for node, text in self.descriptions})


def check(outcome: ReleaseOutcome, *, validate: bool = True, allow_invalid: bool = False) -> Event | None:
    """Validate a release on its own small graph (setting ``outcome.report``); the ``held`` event
    when it violates the shapes and is to be kept out of the store, else None."""
    if not validate:
        return None
    release = outcome.facts.release
    outcome.report = validate_outcome(outcome, _own_derived(outcome))
    if outcome.report.violations and not allow_invalid:
        first = outcome.report.violations[0]
        return Event("held", release.release_id,
                     f"{release.source_file}: {count(len(outcome.report.violations), 'violation')}, not stored "
                     f"(--allow-invalid stores it anyway); first: {first.focus}: {first.message}")
    return None


def _own_derived(outcome: ReleaseOutcome) -> list[tuple]:
    """The derived facts the shapes expect (statuses), from this release alone."""
    return derived_triples((*t, outcome.graph.iri) for t in outcome.graph.triples)


def prepare(item: Release | InputError, activity: URIRef, activity_triples: list[tuple], validate: bool,
            allow_invalid: bool, debug: bool = False, curation: Curation | None = None) -> Prepared | Event:
    """A release processed, validated and packed — or the event of one that failed or is held back."""
    if isinstance(item, InputError):
        return Event("failed", item.source, str(item))
    clock = timings.clock()
    try:
        outcome = process_or_error(item, activity, debug=debug, curation=curation)
    finally:
        timings.spent("extract+map", clock)
    if isinstance(outcome, InputError):
        return Event("failed", item.source_file, str(outcome))
    clock = timings.clock()
    held = check(outcome, validate=validate, allow_invalid=allow_invalid)
    timings.spent("validate", clock)
    if held is not None:
        return held
    clock = timings.clock()
    prepared = Prepared.from_outcome(outcome, activity_triples)
    timings.spent("send", clock)
    return prepared
