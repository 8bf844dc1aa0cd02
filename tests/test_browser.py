"""The pages in a real headless browser: Debian's chromium, driven through Playwright's CDP client.

No browser is downloaded: Playwright launches Debian's chromium from PATH (installed by
.ci/run from .ci/apt-packages.txt; without it these tests skip, see tests/system_packages.py). Each test watches the console, uncaught
errors, dialogs (an ``alert`` would mean a label ran as code) and every request
(any host but this page's own is a failure). Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import system_packages

from diplograph.serve import background, create_app, open_for_serving
from diplograph.viz import render

pytestmark = pytest.mark.browser

SMALL = Path(__file__).parent / "fixtures" / "viz" / "small.trig"
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
ARTIFACTS = Path(__file__).parent / "artifacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]


@dataclass
class Watch:
    """What a page did that a test must see: console errors, uncaught errors, dialogs, requests."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def outside(self, prefix: str) -> list[str]:
        return [u for u in self.requests if not u.startswith(prefix) and not u.startswith("data:")]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    system_packages.require("chromium")  # skips on a machine without it (fails in CI)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Iterator[tuple[object, Watch]]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    watch = Watch()
    page.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watch.errors.append(str(e)))
    page.on("request", lambda r: watch.requests.append(r.url))

    def dialog(d) -> None:  # type: ignore[no-untyped-def]
        watch.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    yield page, watch
    context.close()


def screenshot(page, name: str) -> Path:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path))
    return path


def open_network(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)


def point_on_edge(page, a: str, b: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """A point in the viewport on the edge a–b and on nothing else (not a node, not its label)."""
    return tuple(page.evaluate("""([a, b]) => {
        const net = window.diplograph.network, box = document.getElementById('network').getBoundingClientRect();
        const pos = net.getPositions([a, b]);
        const id = net.getConnectedEdges(a).find(e => net.getConnectedNodes(e).includes(b));
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
            const p = net.canvasToDOM({x: pos[a].x + t * (pos[b].x - pos[a].x),
                                       y: pos[a].y + t * (pos[b].y - pos[a].y)});
            if (net.getNodeAt(p) === undefined && net.getEdgeAt(p) === id) return [box.left + p.x, box.top + p.y];
        }
        throw new Error('no free point on the edge ' + a + '–' + b);
    }""", [a, b]))


def point_on_node(page, node: str) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    return tuple(page.evaluate("""(n) => {
        const net = window.diplograph.network, box = document.getElementById('network').getBoundingClientRect();
        const p = net.canvasToDOM(net.getPositions([n])[n]);
        return [box.left + p.x, box.top + p.y];
    }""", node))


def test_network_page_offline_hover_click_and_hostile_labels(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, watch = page
    out = tmp_path / "people.html"
    render(SMALL, out)
    open_network(page, out.as_uri())
    assert page.evaluate("window.diplograph.nodes.length") == 4
    assert page.inner_text("#counts") == "4 people · 4 links"

    page.mouse.move(*point_on_node(page, "alpha"))
    page.wait_for_selector("#tooltip:not([hidden])")
    tip = page.inner_text("#tooltip")
    assert "Alpha Anan" in tip and "Minister of Foreign Affairs" in tip and "Thailand (TH)" in tip

    page.mouse.click(*point_on_edge(page, "alpha", "charlie"))
    details = page.locator("#details")
    assert details.locator("h2").inner_text() == "Alpha Anan — <script>alert(1)</script>"
    assert "<img src=x onerror=alert(3)> called on Alpha Anan." in details.inner_text()
    assert "2023-03-05 · courtesy call" in details.inner_text() and "topics: tourism" in details.inner_text()
    assert details.locator("img, script, b").count() == 0  # shown as text, never parsed as HTML
    assert details.locator("a").count() == 0  # the javascript: URL of r2 is not a link
    assert "r2 (2023-03-05) — <b>Courtesy call</b>" in details.inner_text()

    page.mouse.click(*point_on_edge(page, "alpha", "bravo"))
    assert "Alpha Anan met Bravo Tan on 10 January 2023 & discussed trade." in details.inner_text()
    link = details.locator("a")
    assert link.get_attribute("href") == "https://example.org/r1" and link.get_attribute("rel") == "noopener noreferrer"

    page.fill("#search", "bravo")
    assert page.inner_text("#found") == "1 found"
    assert page.evaluate("window.diplograph.network.getSelectedNodes()") == ["bravo"]
    page.fill("#search", "ดารา")
    assert page.evaluate("window.diplograph.network.getSelectedNodes()") == ["delta"]

    screenshot(page, "network-small.png")
    assert watch.errors == [] and watch.dialogs == []
    assert watch.outside("file://") == []


@pytest.mark.slow
def test_dev_corpus_page_and_screenshot(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from diplograph.pipeline import build, write_graph

    page, watch = page
    graph = tmp_path / "dev.trig"
    write_graph(build([CORPUS / "dev", CORPUS / "seed"], validate=False).quads(), graph)
    result = render(graph, tmp_path / "people.html")
    open_network(page, (tmp_path / "people.html").as_uri())
    assert page.evaluate("window.diplograph.nodes.length") == result.nodes
    assert page.evaluate("window.diplograph.edges.length") == result.edges
    assert screenshot(page, "network-dev-people.png").stat().st_size > 10_000
    assert watch.errors == [] and watch.dialogs == [] and watch.outside("file://") == []


def test_served_query_page_and_network(page) -> None:  # type: ignore[no-untyped-def]
    page, watch = page
    with background(create_app(open_for_serving(SMALL, allow_update=False))) as base:
        page.goto(base)
        page.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
        shipped = page.evaluate("window.diplograph.queries")
        plain = next((q for q in shipped if not q["params"]), None)  # today every shipped query takes some
        if plain is not None:
            page.click(f"button.query[data-index='{shipped.index(plain)}']")
            assert page.evaluate("window.diplograph.yasgui.getTab().getQuery()") == plain["text"]
        between = shipped.index(next(q for q in shipped if q["name"] == "meetings-between"))
        page.click(f"button.query[data-index='{between}']")  # required parameters: a form first
        form = page.locator("nav form")
        form.locator("input[name=country1]").fill("TH")
        form.locator("input[name=country2]").fill("XX")
        form.locator("button").click()
        page.wait_for_selector("nav form .error >> text=ISO 3166", timeout=10_000)
        form.locator("input[name=country2]").fill("SG")
        form.locator("button").click()
        for _ in range(100):  # wait_for_function would eval a string, which the page's CSP forbids
            if "VALUES ?country2" in page.evaluate("window.diplograph.yasgui.getTab().getQuery()"):
                break
            page.wait_for_timeout(100)
        assert "VALUES ?country2" in page.evaluate("window.diplograph.yasgui.getTab().getQuery()")
        page.wait_for_selector(".yasr table", timeout=10_000)
        page.evaluate("""window.diplograph.open({name: 'people', text:
            'SELECT ?name WHERE { ?p a <https://w3id.org/diplograph/ontology#Person> ; ' +
            '<http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name'})""")
        page.click(".yasqe_queryButton")
        page.wait_for_selector(".yasr table >> text=Bravo Tan", timeout=10_000)
        assert "<script>alert(1)</script>" in page.inner_text(".yasr")
        screenshot(page, "query-page.png")

        open_network(page, base + "network?view=countries")
        assert page.inner_text("#counts") == "3 countries · 3 links"
    refused = "Failed to load resource: the server responded with a status of 400 (Bad Request)"
    assert watch.errors == [refused] and watch.dialogs == []  # only the country code XX, refused on purpose
    assert watch.outside(base) == []


def test_mou_labels_are_the_size_of_the_names(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """vis-network scales an edge's label with its weight (14 to 30 px) unless told not to: a
    much-used MoU link's "MoU signed" stood twice the height of the country names."""
    page, watch = page
    out = tmp_path / "countries.html"
    render(SMALL, out, view="countries")
    open_network(page, out.as_uri())
    sizes = page.evaluate("""() => {
        const body = window.diplograph.network.body, size = (item) => item.labelModule.fontOptions.size;
        return {nodes: Object.values(body.nodes).filter(n => n.options.label).map(size),
                edges: Object.values(body.edges).filter(e => e.options.label).map(size)};
    }""")
    assert len(sizes["nodes"]) == 3 and len(sizes["edges"]) == 1  # TH–SG: "MoU signed"
    assert set(sizes["nodes"]) == set(sizes["edges"]) == {14}
    screenshot(page, "network-small-countries.png")
    assert watch.errors == [] and watch.dialogs == []


def test_an_empty_selection_says_so(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """``render`` refuses to write an empty view (the command says so, exit 1); the page that
    ``serve`` builds for one says so in the page."""
    from diplograph.network import load_facts, project
    from diplograph.viz.page import network_html

    page, watch = page
    out = tmp_path / "empty.html"
    facts = load_facts(SMALL, since="2030")
    out.write_text(network_html(project(facts, "people"), facts), encoding="utf-8")
    open_network(page, out.as_uri())
    assert page.inner_text("#counts") == "0 people · 0 links"
    assert "no meeting matches these filters" in page.inner_text("#details")
    assert watch.errors == [] and watch.outside("file://") == []
