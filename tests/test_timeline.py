"""A country's calendar: events per period by type, agreements' status changes marked."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from diplograph.errors import DiplographError
from diplograph.timeline import render_timeline, timeline

SMALL = Path(__file__).parent / "fixtures" / "viz" / "small.trig"


def counts(tl) -> dict[str, dict[str, int]]:
    return {tl.label(start): dict(c) for start, c in tl.bins if c}


def test_events_per_month_by_type() -> None:
    tl = timeline(SMALL, "th", partner="sg")
    assert (tl.country, tl.partner, tl.by) == ("TH", "SG", "month")
    assert counts(tl) == {"2023-01": {"BilateralMeeting": 1}, "2023-03": {"CourtesyCall": 1}}
    assert tl.undated == 1  # the Regional Forum has no date
    assert [tl.label(s) for s, _ in tl.bins][:3] == ["2023-01", "2023-02", "2023-03"]  # empty months kept
    assert [(c.date, c.status) for c in tl.changes] == [(dt.date(2023, 1, 10), "Proposed"),
                                                        (dt.date(2023, 6, 1), "Signed")]


def test_all_partners_by_year() -> None:
    tl = timeline(SMALL, "TH", by="year")
    # the visit during which the TH–KH talks were held counts once, as the talks (as partners counts it)
    assert counts(tl) == {"2023": {"BilateralMeeting": 1, "CourtesyCall": 1}, "2024": {"BilateralMeeting": 1}}


def test_filters_apply() -> None:
    tl = timeline(SMALL, "TH", since="2024")
    assert counts(tl) == {"2024-02": {"BilateralMeeting": 1}} and tl.changes == []


def test_every_period_asked_is_shown_empty_or_not() -> None:
    tl = timeline(SMALL, "TH", partner="SG", by="year", since="2019", until="2025")
    assert [(tl.label(s), sum(c.values())) for s, c in tl.bins] == [
        ("2019", 0), ("2020", 0), ("2021", 0), ("2022", 0), ("2023", 2), ("2024", 0), ("2025", 0)]
    assert timeline(SMALL, "TH", partner="SG", since="2023-01", until="2023-04").by == "month"
    assert len(timeline(SMALL, "TH", partner="SG", since="2023-01", until="2023-04").bins) == 4


def test_scheduled_meetings_only_when_asked(tmp_path: Path) -> None:
    """A scheduled meeting is not on the calendar of what happened; it is with include_planned."""
    planned = tmp_path / "planned.trig"
    planned.write_text(SMALL.read_text(encoding="utf-8").replace(
        "id:event\\/e1 dg:eventStatus dg:Held .", "id:event\\/e1 dg:eventStatus dg:Scheduled ."), encoding="utf-8")
    assert counts(timeline(planned, "TH", partner="SG")) == {"2023-03": {"CourtesyCall": 1}}
    assert counts(timeline(planned, "TH", partner="SG", include_planned=True)) == {
        "2023-01": {"BilateralMeeting": 1}, "2023-03": {"CourtesyCall": 1}}


@pytest.mark.parametrize("name", ["tl.png", "tl.svg", "tl.html"])
def test_outputs(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    render_timeline(SMALL, out, "TH", partner="SG")
    assert out.stat().st_size > 1000
    if name.endswith(".html"):
        page = out.read_text(encoding="utf-8")
        assert "data:image/svg+xml;base64," in page and "default-src 'none'" in page
        assert "MoU on trade" in page and "<script" not in page and "http" not in page.split("<body>")[1]


def test_hostile_titles_are_escaped(tmp_path: Path) -> None:
    from diplograph.timeline import Change, Timeline, timeline_html

    hostile = Change(dt.date(2023, 1, 2), "Signed", "MemorandumOfUnderstanding", "<script>alert(1)</script>",
                     ("SG", "TH"), None)
    tl = Timeline("TH", None, "month", bins=[(dt.date(2023, 1, 1), Counter({"BilateralMeeting": 1}))],
                  changes=[hostile])
    page = timeline_html(tl)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_unknown_output(tmp_path: Path) -> None:
    with pytest.raises(DiplographError, match="unknown output"):
        render_timeline(SMALL, tmp_path / "tl.pdf", "TH")


@pytest.mark.parametrize(("by", "since", "until"), [
    ("year", "2023", "2024"), ("year", "2019", "2025"), ("year", "1990", "2030"), ("year", None, None),
    ("month", "2023-01", "2023-02"), ("month", "2023-01", "2023-06"), ("month", "2021-01", "2023-12"),
    (None, None, None)])
def test_each_period_is_named_once_on_the_axis(by: str | None, since: str | None, until: str | None) -> None:
    """matplotlib's own date ticks put several ticks in a year, each labelled with it ("2023 2023
    2023 2024"): one tick per period (every n-th when there are many), labelled with its period."""
    from diplograph.timeline import MAX_TICKS, timeline_figure

    tl = timeline(SMALL, "TH", by=by, since=since, until=until)  # type: ignore[arg-type]
    with timeline_figure(tl) as fig:
        fig.canvas.draw()
        labels = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert len(labels) == len(set(labels)), labels
    assert set(labels) <= {tl.label(start) for start, _ in tl.bins}
    assert min(len(tl.bins), 2) <= len(labels) <= MAX_TICKS
    assert "1970" not in labels


def test_an_unknown_country_code_is_named() -> None:
    from diplograph.errors import QueryError

    with pytest.raises(QueryError, match="unknown country code 'XX'"):
        timeline(SMALL, "XX")
    with pytest.raises(QueryError, match=r"unknown country code 'Singapore' \(Singapore is SG\)"):
        timeline(SMALL, "TH", partner="Singapore")


@pytest.mark.parametrize("name", ["tl.png", "tl.html"])
def test_nothing_to_draw_is_said_not_drawn(tmp_path: Path, name: str) -> None:
    from diplograph.errors import NothingToShow

    with pytest.raises(NothingToShow, match="no dated meeting and no agreement status between TH and FJ"):
        render_timeline(SMALL, tmp_path / name, "TH", partner="FJ")
    with pytest.raises(NothingToShow, match="involving TH"):
        render_timeline(SMALL, tmp_path / name, "TH", since="2030", until="2031")
    assert not (tmp_path / name).exists()
