"""The public API: a small, sorted __all__, every name importable."""

from __future__ import annotations

import diplograph


def test_all_is_sorted_and_importable() -> None:
    assert diplograph.__all__ == sorted(diplograph.__all__)
    for name in diplograph.__all__:
        assert getattr(diplograph, name) is not None


def test_extract_on_a_release_gives_plain_data() -> None:
    import datetime as dt

    release = diplograph.Release(release_id="x", source_file="x.txt", lang="en", issued=dt.date(2024, 3, 2),
                                 body="On 1 March 2024, H.E. Mr. Somchai Rakchat, Minister of Foreign Affairs, "
                                      "held a telephone conversation with H.E. Ms. Anna Berg, Minister for "
                                      "Foreign Affairs of Norway.")
    facts = diplograph.extract(release)
    assert [(e.kind, e.date, e.countries, e.mode) for e in facts.events] == [
        ("BilateralMeeting", dt.date(2024, 3, 1), ("NO", "TH"), "Virtual")]


def test_the_api_chains_read_extract_map_validate() -> None:
    """``validate_graph(map_release(facts))`` validates a release as ``build`` does."""
    import dataclasses
    import datetime as dt
    from pathlib import Path

    import pytest

    corpus = Path(__file__).parent / "fixtures" / "corpus"
    for path in [corpus / "seed" / "thaigov-35541.txt", *sorted((corpus / "dev").glob("d00*.txt"))[:3]]:
        built = diplograph.build([path])
        (outcome,) = built.outcomes
        release = diplograph.parse_release(path.read_text(encoding="utf-8"), release_id=path.stem,
                                           source_file=path.name)
        facts = diplograph.extract(release)
        assert diplograph.validate_graph(diplograph.map_release(facts)) == outcome.report, path.name
        for engine in ("fast", "pyshacl"):
            assert diplograph.validate_graph(outcome.graph, engine=engine).results == outcome.report.results
    # an unconverted Buddhist-era year is reported, through the chain too
    event = dataclasses.replace(facts.events[0], date=dt.date(2563, 9, 29))
    report = diplograph.validate_graph(diplograph.map_release(dataclasses.replace(facts, events=(event,))))
    assert not report.conforms and any("2563" in (r.value or "") for r in report.violations)
    with pytest.raises(TypeError, match="an rdflib Graph or what map_release returns, not ReleaseFacts"):
        diplograph.validate_graph(facts)
