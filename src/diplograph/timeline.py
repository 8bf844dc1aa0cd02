"""A country's diplomatic calendar: meetings per month or year by type, agreements' steps marked.

``timeline(source, "TH", partner="SG")`` counts the meetings that involve both
countries in each month (or year, when they span more than three years), by
contract class, and lists every status an agreement between them was reported
in (proposed, approved, signed …) with its date. Meetings are counted as
``partners`` and ``network`` count them (:mod:`diplograph.counting`): held ones,
scheduled ones too with ``include_planned``; a visit with talks held during it
once, as the talks. Every period from ``since`` to ``until`` (else from the first
to the last date) has its bar, empty or not. The figure (SVG, PNG) stacks the
counts and marks the status changes; the HTML page embeds that figure and the
tables behind it, and loads nothing from anywhere.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import DiplographError, NothingToShow
from .network import DateLike, load_facts
from .network.data import EVENT_KINDS, Event, Facts
from .periods import as_date
from .network.source import GraphSource
from .network.views import country_code
from .viz.fonts import font_families
from .viz.style import AGREEMENT_KIND_LABELS, EVENT_KIND_LABELS, KIND_COLOURS, STATUS_COLOURS, STATUS_LABELS

Granularity = Literal["month", "year"]
OUTPUTS = (".png", ".svg", ".html")
MAX_TICKS = 18  # labels on the time axis, at most
MAX_LINES = 24  # status changes marked down to the axis; more would hide the bars (the diamonds stay)


@dataclass(frozen=True)
class Change:
    """An agreement reported in a status on a date."""

    date: dt.date
    status: str
    kind: str
    title: str
    parties: tuple[str, ...]
    release: str | None


@dataclass
class Timeline:
    country: str
    partner: str | None
    by: Granularity
    bins: list[tuple[dt.date, Counter[str]]] = field(default_factory=list)  # period start → kind → events
    changes: list[Change] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # dated, oldest first
    undated: int = 0  # events that could not be placed

    def label(self, start: dt.date) -> str:
        return start.strftime("%Y-%m") if self.by == "month" else str(start.year)

    @property
    def title(self) -> str:
        return f"{self.country} and {self.partner}" if self.partner else f"{self.country}: all partners"


def timeline(source: GraphSource | Facts, country: str, *, partner: str | None = None,
             by: Granularity | None = None, since: DateLike = None, until: DateLike = None,
             topic: str | None = None, include_planned: bool = False) -> Timeline:
    """Meetings involving ``country`` (and ``partner``) counted per period and type, and the
    status changes of the agreements binding them. (Facts already read keep the meetings they
    were read with; ``since`` and ``until`` still set the periods shown.) An unknown country code
    raises :class:`~diplograph.errors.QueryError` naming it, before anything is read."""
    country, partner = country_code(country), country_code(partner) if partner else None
    facts = load_facts(source, since=since, until=until, topic=topic, include_planned=include_planned)
    wanted = {country} | ({partner} if partner else set())
    chosen = [e for e in facts.events.values() if wanted <= e.countries]
    dated = sorted((e for e in chosen if e.date), key=lambda e: (e.date, e.kind, e.iri))
    changes = sorted(
        (Change(c.date, c.status, a.kind, a.title or AGREEMENT_KIND_LABELS.get(a.kind, a.kind),
                tuple(sorted(a.parties)), c.release)
         for a in facts.agreements.values() if wanted <= a.parties for c in a.history if c.date),
        key=lambda c: (c.date, c.title, c.status))
    days = [e.date for e in dated] + [c.date for c in changes]
    first = as_date(since) or min(days, default=None)
    last = as_date(until, end=True) or max(days, default=None)
    if by is None:
        by = "month" if first and last and _months(first, last) <= 36 else "year"
    result = Timeline(country, partner, by, changes=changes, events=dated, undated=len(chosen) - len(dated))
    if first and last and first <= last:
        counts: dict[dt.date, Counter[str]] = {start: Counter() for start in _periods(first, last, by)}
        for event in dated:
            counts[_start(event.date, by)][event.kind] += 1  # type: ignore[arg-type]
        result.bins = sorted(counts.items())
    return result


def _start(day: dt.date, by: Granularity) -> dt.date:
    return day.replace(day=1) if by == "month" else day.replace(month=1, day=1)


def _months(a: dt.date, b: dt.date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month + 1


def _next(start: dt.date, by: Granularity) -> dt.date:
    return (start.replace(year=start.year + 1) if by == "year" else
            start.replace(year=start.year + (start.month == 12), month=start.month % 12 + 1))


def _periods(first: dt.date, last: dt.date, by: Granularity) -> list[dt.date]:
    out, day = [], _start(first, by)
    while day <= last:
        out.append(day)
        day = _next(day, by)
    return out


def _ticks(tl: Timeline, centres: list[dt.date]) -> tuple[list[dt.date], list[str]]:
    """A tick under each bar (every n-th when there are many) labelled with its period, so the
    axis names each year (or month) once: matplotlib's own date ticks put several in a year, all
    labelled with it, or invent a range (1970) when there is nothing to show."""
    step = max(1, -(-len(tl.bins) // MAX_TICKS))
    return centres[::step], [tl.label(start) for start, _ in tl.bins[::step]]


def draw_timeline(tl: Timeline, out: Path | io.BytesIO, *, fmt: str = "png") -> None:
    """Stacked bars of events per period and type; a marker for each agreement status change."""
    with timeline_figure(tl) as fig:
        fig.savefig(out, format=fmt, dpi=150 if fmt == "png" else None,
                    metadata={"Date": None} if fmt == "svg" else {"Software": "diplograph"})


@contextmanager
def timeline_figure(tl: Timeline) -> Iterator[Any]:
    """The matplotlib figure of :func:`draw_timeline`, closed when the block ends."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    width = 25 if tl.by == "month" else 300
    texts = [tl.title] + [c.title for c in tl.changes]
    with plt.rc_context({"font.family": font_families(texts), "svg.hashsalt": "diplograph"}):
        fig, ax = plt.subplots(figsize=(max(7.0, min(2 + 0.35 * len(tl.bins), 18)), 4.5))
        try:
            bottoms = [0] * len(tl.bins)
            centres = [start + dt.timedelta(days=width // 2 + 2) for start, _ in tl.bins]
            for kind in EVENT_KINDS:
                heights = [counts.get(kind, 0) for _, counts in tl.bins]
                if any(heights):
                    ax.bar(centres, heights, width=width, bottom=bottoms, color=KIND_COLOURS[kind],
                           label=EVENT_KIND_LABELS[kind])
                    bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
            top = max(bottoms or [0]) or 1
            for i, change in enumerate(tl.changes):
                colour = STATUS_COLOURS.get(change.status, "#555555")
                if len(tl.changes) <= MAX_LINES:
                    ax.axvline(change.date, color=colour, lw=1, ls=":", zorder=0)
                ax.plot([change.date], [top * (1.08 + 0.06 * (i % 3))], marker="D", color=colour, ms=6, ls="")
            handles, _labels = ax.get_legend_handles_labels()  # the bars
            handles += [Line2D([], [], marker="D", ls=":", color=STATUS_COLOURS[s],
                               label=f"agreement {STATUS_LABELS[s]}")
                        for s in STATUS_COLOURS if any(c.status == s for c in tl.changes)]
            ax.legend(handles=handles, fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
            ax.set_ylim(0, top * 1.3)
            ax.yaxis.get_major_locator().set_params(integer=True)
            ticks, labels = _ticks(tl, centres)
            ax.set_xticks(ticks, labels)
            days = [start for start, _ in tl.bins] + [c.date for c in tl.changes]
            if days:  # the periods shown, not matplotlib's idea of a round range, set the axis
                margin, end = dt.timedelta(days=width // 4), _next(tl.bins[-1][0], tl.by) if tl.bins else max(days)
                ax.set_xlim(min(days) - margin, max([*days, end]) + margin)
            ax.set_ylabel(f"meetings per {tl.by}")
            undated = f" ({tl.undated} undated not shown)" if tl.undated else ""
            ax.set_title(f"{tl.title}: meetings per {tl.by}{undated}", fontsize=11)
            ax.spines[["top", "right"]].set_visible(False)
            fig.autofmt_xdate()
            fig.tight_layout()
            yield fig
        finally:
            plt.close(fig)


def timeline_html(tl: Timeline, facts_releases: dict[str, str] | None = None) -> str:
    """A self-contained page: the figure (inline SVG image) and the tables behind it."""
    svg = io.BytesIO()
    draw_timeline(tl, svg, fmt="svg")
    image = "data:image/svg+xml;base64," + base64.b64encode(svg.getvalue()).decode()
    esc = html.escape
    kinds = [k for k in EVENT_KINDS if any(c.get(k) for _, c in tl.bins)]
    head = "".join(f"<th>{esc(EVENT_KIND_LABELS[k])}</th>" for k in kinds)
    rows = "".join(f"<tr><td>{esc(tl.label(s))}</td>" + "".join(f"<td>{c.get(k, 0)}</td>" for k in kinds)
                   + f"<td>{sum(c.values())}</td></tr>" for s, c in tl.bins)
    names = facts_releases or {}
    changes = "".join(
        f"<tr><td>{c.date.isoformat()}</td><td>{esc(AGREEMENT_KIND_LABELS.get(c.kind, c.kind))}</td>"
        f"<td>{esc(c.title)}</td><td>{esc(STATUS_LABELS.get(c.status, c.status))}</td>"
        f"<td>{esc(names.get(c.release or '', c.release or ''))}</td></tr>" for c in tl.changes)
    title = esc(f"{tl.title}: meetings per {tl.by}")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>{title}</title>
<style>body{{font-family:Loma,Garuda,Tahoma,sans-serif;margin:1rem 2rem;color:#222}}
table{{border-collapse:collapse;margin:1rem 0}}td,th{{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}}
img{{max-width:100%}}</style></head>
<body><h1>{title}</h1>
<p><img alt="{title}" src="{image}"></p>
<h2>Meetings</h2><table><tr><th>period</th>{head}<th>total</th></tr>{rows}</table>
<p>{tl.undated} undated meeting(s) not counted.</p>
<h2>Agreements: status as reported</h2>
<table><tr><th>date</th><th>kind</th><th>agreement</th><th>status</th><th>release</th></tr>{changes}</table>
</body></html>
"""


def render_timeline(source: GraphSource | Facts, out: Path | str, country: str, *, partner: str | None = None,
                    by: Granularity | None = None, since: DateLike = None, until: DateLike = None,
                    topic: str | None = None, include_planned: bool = False) -> Timeline:
    """Write the timeline to ``out``; its extension picks the output (.png, .svg, .html).

    Raises :class:`~diplograph.errors.NothingToShow` (nothing written) when there is no dated
    meeting and no agreement status to show."""
    from .viz import write_text_atomic

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in OUTPUTS:
        raise DiplographError(f"{out}: unknown output (use {', '.join(OUTPUTS)})")
    country, partner = country_code(country), country_code(partner) if partner else None
    facts = load_facts(source, since=since, until=until, topic=topic, include_planned=include_planned)
    tl = timeline(facts, country, partner=partner, by=by, since=since, until=until)
    if not tl.events and not tl.changes:
        between = f"between {country} and {partner}" if partner else f"involving {country}"
        undated = f" ({tl.undated} undated, which a timeline cannot place)" if tl.undated else ""
        raise NothingToShow(f"nothing to draw: no dated meeting{undated} and no agreement status {between} "
                            "in this graph (with these filters)")
    if suffix == ".html":
        releases = {iri: ref.release_id for iri, ref in facts.releases.items()}
        write_text_atomic(out, timeline_html(tl, releases))
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        draw_timeline(tl, out, fmt=suffix[1:])
    return tl


__all__ = ["Change", "Granularity", "OUTPUTS", "Timeline", "draw_timeline", "render_timeline", "timeline",
           "timeline_figure", "timeline_html"]
