"""Static figures that read: every label inside the axes and clear of the others, the most connected
people kept and labelled first, circles sized by partners, and an empty view said rather than drawn."""

from __future__ import annotations

import datetime as dt
import random
from itertools import combinations, pairwise
from pathlib import Path

import networkx as nx
import pytest
from matplotlib.collections import LineCollection, PathCollection

import diplograph.network as dn
from diplograph.errors import NothingToShow
from diplograph.network.data import CountryInfo, Event, Facts, PersonInfo
from diplograph.viz import FIGURE_TOP, render
from diplograph.viz.labels import MAX_CHARS
from diplograph.viz.static import network_figure

SMALL = Path(__file__).parent / "fixtures" / "viz" / "small.trig"
STATES = ("TH", "SG", "KH", "VN", "LA", "MY", "JP", "CN")
FIRST = ("Ariusa", "Belen", "Corvin", "Daniel", "Elina", "สมชาย", "วิศักดิ์", "ประพงษ์", "Kalo", "Marel")
LAST = ("Ashton", "Brookberg", "Carrski", "Dalova", "ศรีสวัสดิ์", "ทองประเสริฐกุล", "Lindsen", "Yi")


def crowded_facts(events: int = 900, people: int = 400, seed: int = 1) -> Facts:
    """Meetings of two or three states with one to three people each: a few thousand releases' worth."""
    rng = random.Random(seed)
    facts = Facts()
    for iso in STATES:
        facts.countries[iso] = CountryInfo(iso, f"c:{iso}", {"en": f"Country {iso}"})
    for i in range(people):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if i == 7:
            name = "A name that an extraction slip made far too long to print on a figure"
        facts.people[f"p{i:03d}"] = PersonInfo(f"p{i:03d}", f"p:{i}", {"en": name}, country=STATES[i % len(STATES)])
    by_state = {iso: [k for k, p in facts.people.items() if p.country == iso] for iso in STATES}
    for e in range(events):
        sides = rng.sample(STATES[:4] if e % 3 else STATES, rng.choice((2, 2, 3)))
        # a few people of each state turn up often, as ministers do
        who = {k for iso in sides for k in rng.sample(by_state[iso][: 6 + e % 40], rng.randint(1, 3))}
        facts.events[f"e{e}"] = Event(f"e{e}", "BilateralMeeting", date=dt.date(2020, 1, 1) + dt.timedelta(days=e),
                                      countries=set(sides), participants=who)
    return facts


@pytest.fixture(scope="module")
def crowded() -> Facts:
    return crowded_facts()


def drawn_labels(fig) -> tuple[list, object]:  # type: ignore[no-untyped-def]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    return [t.get_window_extent(renderer) for t in ax.texts], ax.get_window_extent(renderer)


def assert_readable(fig) -> int:  # type: ignore[no-untyped-def]
    """Every label inside the axes, no two overlapping; the title and legend inside the figure."""
    boxes, inside = drawn_labels(fig)
    for box in boxes:
        assert inside.x0 - 0.5 <= box.x0 and box.x1 <= inside.x1 + 0.5, (box, inside)
        assert inside.y0 - 0.5 <= box.y0 and box.y1 <= inside.y1 + 0.5, (box, inside)
    for a, b in combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    renderer = fig.canvas.get_renderer()
    page = fig.bbox
    for artist in [*fig.texts, *fig.legends]:
        box = artist.get_window_extent(renderer)
        assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1, box
    return len(boxes)


@pytest.mark.parametrize("top", [None, 60, 150])
def test_labels_are_inside_the_axes_and_never_overlap(crowded: Facts, top: int | None) -> None:
    graph = dn.most_connected(dn.project(crowded, "people"), top)
    with network_figure(graph, title="Who met whom — a crowded view", caption="a caption") as fig:
        labelled = assert_readable(fig)
        texts = [t.get_text() for t in fig.axes[0].texts]
    assert 10 <= labelled <= graph.number_of_nodes()
    if top is None:
        assert labelled < graph.number_of_nodes()  # a crowded view: the less connected gave way
    best = max(graph.nodes, key=lambda n: (graph.degree(n), graph.nodes[n]["meetings"], -int(n[1:])))
    assert graph.nodes[best]["label"][:MAX_CHARS - 1] in " ".join(texts)  # the most connected is named
    assert all(len(t) <= MAX_CHARS for t in texts)


def test_country_figures_label_mous_at_the_size_of_names() -> None:
    facts = dn.load_facts(SMALL)
    with network_figure(dn.project(facts, "countries"), title="Country relations") as fig:
        assert_readable(fig)
        sizes = {t.get_text(): t.get_fontsize() for t in fig.axes[0].texts}
    assert "MoU signed" in sizes and {"Thailand", "Singapore", "Cambodia"} <= set(sizes)
    assert len(set(sizes.values())) == 1


def test_circles_grow_with_partners(crowded: Facts) -> None:
    graph = dn.most_connected(dn.project(crowded, "people"), 40)
    with network_figure(graph) as fig:
        (circles,) = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
        area = dict(zip(sorted(graph.nodes), circles.get_sizes(), strict=True))
    by_degree = sorted(graph.nodes, key=graph.degree)
    assert all(area[a] <= area[b] for a, b in pairwise(by_degree))
    assert area[by_degree[0]] < area[by_degree[-1]]


def test_a_figure_keeps_the_most_connected_and_the_page_keeps_all(crowded: Facts, tmp_path: Path) -> None:
    people = dn.project(crowded, "people")
    figure = render(crowded, tmp_path / "people.png")
    assert (figure.nodes, figure.of_nodes) == (FIGURE_TOP["people"], people.number_of_nodes())
    kept = dn.most_connected(people, FIGURE_TOP["people"])
    least_kept = min(people.degree(n) for n in kept)
    assert all(people.degree(n) <= least_kept for n in people if n not in kept)
    assert render(crowded, tmp_path / "ten.svg", top=10).nodes == 10
    page = render(crowded, tmp_path / "people.html")
    assert page.nodes == page.of_nodes == people.number_of_nodes()


def test_an_ego_view_keeps_its_centre(crowded: Facts) -> None:
    people = dn.project(crowded, "people")
    quiet = min(people.nodes, key=lambda n: (people.degree(n), n))
    ego = dn.project(crowded, f"person:{quiet}")
    kept = dn.most_connected(ego, 1, keep=quiet)
    assert list(kept.nodes) == [quiet] and kept.graph["of_nodes"] == ego.number_of_nodes()


def test_an_empty_view_is_said_not_drawn(tmp_path: Path) -> None:
    for name in ("empty.png", "empty.html"):
        with pytest.raises(NothingToShow, match="no meeting in this graph matches these filters"):
            render(SMALL, tmp_path / name, since="2030")
        assert not (tmp_path / name).exists()


def test_delegations_are_not_drawn_as_meeting(tmp_path: Path) -> None:
    """Two Thai ministers at one meeting with a Singaporean: two links, not three."""
    facts = Facts()
    for key, state in (("th1", "TH"), ("th2", "TH"), ("sg1", "SG"), ("who", None)):
        facts.people[key] = PersonInfo(key, f"p:{key}", {"en": key}, country=state)
    facts.events["e1"] = Event("e1", "BilateralMeeting", date=dt.date(2024, 1, 5), countries={"TH", "SG"},
                               participants={"th1", "th2", "sg1", "who"})
    graph = dn.project(facts, "people")
    assert sorted(tuple(sorted(e)) for e in graph.edges) == [("sg1", "th1"), ("sg1", "th2")]
    assert graph.degree("who") == 0  # a state not known: nothing says which side they were on
    with network_figure(graph) as fig:
        assert_readable(fig)
        (lines,) = [c for c in fig.axes[0].collections if isinstance(c, LineCollection)]
        assert len(lines.get_segments()) == 2
    assert render(facts, tmp_path / "d.png").edges == 2


def test_pairs_and_trios_are_not_sent_to_kamada_kawai(monkeypatch: pytest.MonkeyPatch) -> None:
    """Most components of a large people view are a pair or a trio: Kamada-Kawai spent ~10 ms on
    each (10 s of a 2 000-release figure) to find what a circle gives."""
    from diplograph.viz import static

    graph = nx.Graph()
    for i in range(300):
        graph.add_edge(f"a{i}", f"b{i}")
        if i % 2:
            graph.add_edge(f"b{i}", f"c{i}")
    graph.add_edges_from([("x1", "x2"), ("x2", "x3"), ("x3", "x4")])
    sizes: list[int] = []
    real = nx.kamada_kawai_layout
    monkeypatch.setattr(static.nx, "kamada_kawai_layout", lambda g, **k: sizes.append(len(g)) or real(g, **k))
    pos = static.layout(graph)
    assert len(pos) == graph.number_of_nodes() and sizes == [4]
    assert len(set(pos.values())) == len(pos)  # no two nodes on one spot
