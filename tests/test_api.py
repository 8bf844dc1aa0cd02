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
