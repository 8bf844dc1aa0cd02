"""Labels a reader can read: inside the axes, never on top of one another, the most connected first.

A static figure cannot move a label out of the way when the reader hovers, so
the figure decides. Labels are offered in order of importance (the caller's
order: most partners first); each is tried above its node, then below, right
and left, first where it covers neither another label nor a node, then where it
only covers a node (an edge's label is tried at the edge's middle only, and never
over a node); it is drawn at the first place that lies wholly inside the
axes and overlaps no label drawn before it, and left out when there is none. So
no label is cut at the border, no two labels overlap, and the ones that give way
are those of the least connected nodes. The hover card of the HTML page has no
such limit: it is the place for every name.

Each text is measured once with the figure's own renderer, in display units,
and its box at each place worked out from that, after the axes' limits and
aspect are final (:func:`fit_limits`); boxes are kept in a coarse grid, so a
label is checked against its neighbours only. A figure of three thousand
labels is placed in a second or two.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

GAP_PT = 2.0  # between a node's edge and its label
MARGIN_PT = 1.0  # two labels closer than this count as touching (their white boxes pad them ~1 pt)
MAX_CHARS = 32  # a longer label (an extraction slip) is shortened with an ellipsis
EDGE_PX = 1.0  # a label keeps this far inside the axes (rounding in the renderer stays inside too)
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 in display units
_SHIFT = {"left": 0.0, "center": -0.5, "right": -1.0, "bottom": 0.0, "top": -1.0}  # of the width or height


@dataclass(frozen=True)
class Candidate:
    """A label to place: ``text`` for the point ``(x, y)`` in data units, whose marker has
    ``radius`` points (0 for an edge's label, which is centred on the point)."""

    text: str
    x: float
    y: float
    radius: float = 0.0


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# offset direction (in points, scaled by the marker's radius + GAP_PT) and alignment, in order of preference
_PLACES = ((0, 1, "center", "bottom"), (0, -1, "center", "top"), (1, 0, "left", "center"),
           (-1, 0, "right", "center"))


def label_sizes(ax: Any, texts: list[str], fontsize: float, **text_props: Any) -> dict[str, tuple[float, float]]:
    """The width and height of each text in display units, as the figure draws it (one probe,
    measured once per distinct text)."""
    renderer = ax.figure.canvas.get_renderer()
    probe = ax.text(0, 0, "", fontsize=fontsize, **text_props)
    sizes: dict[str, tuple[float, float]] = {}
    try:
        for text in texts:
            if text not in sizes:
                probe.set_text(text)
                extent = probe.get_window_extent(renderer)
                sizes[text] = (extent.width, extent.height)
    finally:
        probe.remove()
    return sizes


def fit_limits(ax: Any, xs: list[float], ys: list[float], pad_x: float, pad_y: float) -> None:
    """Set the axes' limits, one data unit as long across as up, so that every point lies at
    least ``pad_x``/``pad_y`` display units inside the axes' box: room for a label on every side."""
    box = ax.get_window_extent(ax.figure.canvas.get_renderer())
    span_x, span_y = max(max(xs) - min(xs), 1e-6), max(max(ys) - min(ys), 1e-6)
    # the data range D whose scale box/D leaves pad on both sides: D = span + 2 pad D / box
    need_x = span_x / max(1 - 2 * pad_x / box.width, 0.3)
    need_y = span_y / max(1 - 2 * pad_y / box.height, 0.3)
    scale = min(box.width / need_x, box.height / need_y)  # display units per data unit
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half_x, half_y = box.width / scale / 2, box.height / scale / 2
    ax.set_xlim(mid_x - half_x, mid_x + half_x)
    ax.set_ylim(mid_y - half_y, mid_y + half_y)
    ax.set_aspect("equal", adjustable="datalim")  # as set: the limits already have the box's shape


def place_labels(ax: Any, candidates: list[Candidate], *, fontsize: float, markers: list[Candidate] = (),
                 sizes: dict[str, tuple[float, float]] | None = None, **text_props: Any) -> list[Any]:
    """Draw the candidates that fit, in their order, avoiding each other (always) and the
    ``markers`` (nodes: when they can); returns the drawn Text artists. ``sizes`` are the
    texts' measures (:func:`label_sizes`), when already taken."""
    texts = [shorten(c.text) for c in candidates]
    sizes = sizes if sizes is not None else label_sizes(ax, texts, fontsize)
    frame = ax.get_window_extent(ax.figure.canvas.get_renderer())
    inside = (frame.x0 + EDGE_PX, frame.y0 + EDGE_PX, frame.x1 - EDGE_PX, frame.y1 - EDGE_PX)
    to_px = ax.figure.dpi / 72
    margin = MARGIN_PT * to_px
    nodes, taken = _Grid(), _Grid()
    for m in markers:
        cx, cy = ax.transData.transform((m.x, m.y))
        r = m.radius * to_px
        nodes.add((cx - r, cy - r, cx + r, cy + r), (m.x, m.y))
    drawn = []
    for c, text in zip(candidates, texts, strict=True):
        anchor = ax.transData.transform((c.x, c.y))
        place = _spot(c, anchor, sizes[text], to_px, inside, margin, taken, nodes)
        if place is None:
            continue
        offset, ha, va, box = place
        taken.add(box)
        drawn.append(ax.annotate(text, (c.x, c.y), xytext=offset, textcoords="offset points", ha=ha, va=va,
                                 fontsize=fontsize, annotation_clip=False, **text_props))
    return drawn


def _spot(c: Candidate, anchor: Any, size: tuple[float, float], to_px: float, inside: Box, margin: float,
          taken: _Grid, nodes: _Grid) -> tuple[tuple[float, float], str, str, Box] | None:
    """The first free place for a label of ``size`` at ``anchor``: its offset (points), alignment and
    box (with the margin); None when there is none."""
    width, height = size
    places = _PLACES if c.radius else ((0, 0, "center", "center"),)
    for strict in (True, False) if c.radius else (True,):  # an edge's label never covers a node
        for dx, dy, ha, va in places:
            offset = (dx * (c.radius + GAP_PT), dy * (c.radius + GAP_PT))
            x0 = anchor[0] + offset[0] * to_px + _SHIFT[ha] * width
            y0 = anchor[1] + offset[1] * to_px + (-0.5 * height if va == "center" else _SHIFT[va] * height)
            if x0 < inside[0] or y0 < inside[1] or x0 + width > inside[2] or y0 + height > inside[3]:
                continue
            box = (x0 - margin, y0 - margin, x0 + width + margin, y0 + height + margin)
            if taken.hits(box) or (strict and nodes.hits(box, besides=(c.x, c.y))):
                continue
            return offset, ha, va, box
    return None


class _Grid:
    """Boxes filed by the cells of a coarse grid they cover, so a new box is checked against its
    neighbours only (a view of thousands of labels stays quick)."""

    CELL = 64.0

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[tuple[Box, object]]] = {}

    def _cells(self, box: Box) -> list[tuple[int, int]]:
        c = self.CELL
        return [(i, j) for i in range(int(box[0] // c), int(box[2] // c) + 1)
                for j in range(int(box[1] // c), int(box[3] // c) + 1)]

    def add(self, box: Box, owner: object = None) -> None:
        for cell in self._cells(box):
            self.cells.setdefault(cell, []).append((box, owner))

    def hits(self, box: Box, *, besides: object = None) -> bool:
        """Whether ``box`` overlaps a filed box (not one filed for ``besides``)."""
        return any(_overlap(box, other) and (besides is None or owner != besides)
                   for cell in self._cells(box) for other, owner in self.cells.get(cell, ()))


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


__all__ = ["Candidate", "fit_limits", "label_sizes", "place_labels", "shorten"]
