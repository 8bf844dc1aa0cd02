"""Pictures: the offline network page (escaping, no outside resource) and the static figures."""

from __future__ import annotations

import json
import re
import sys
import warnings
from pathlib import Path

import networkx as nx
import pytest

import diplograph.network as dn
from diplograph.errors import DiplographError
from diplograph.viz import fonts, render
from diplograph.viz.page import network_html, network_payload, script_json
from diplograph.viz.static import layout

SMALL = Path(__file__).parent / "fixtures" / "viz" / "small.trig"


@pytest.fixture(scope="module")
def small() -> dn.Facts:
    return dn.load_facts(SMALL)


@pytest.fixture(scope="module")
def page(small: dn.Facts) -> str:
    return network_html(dn.project(small, "people"), small, title="<i>Who</i> met whom", subtitle="2023 & after")


def embedded_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert m
    return json.loads(m.group(1))


def test_script_json_cannot_close_the_script_element() -> None:
    text = script_json({"name": "</script><script>alert(1)</script>", "s": "a & b \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": "</script><script>alert(1)</script>", "s": "a & b \u2028"}


def test_page_is_self_contained(page: str) -> None:
    assert "<script src" not in page and "<link" not in page and "@import" not in page
    # no address outside the data, besides vis-network's licence comment
    code = re.sub(r'<script type="application/json" id="graph-data">.*?</script>', "", page, flags=re.S)
    hosts = set(re.findall(r"(?:src|href)\s*=\s*[\"']?(https?://[^\"' >]+)", code))
    assert hosts == set()
    assert "sourceMappingURL" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split(";")[1]


def test_hostile_text_stays_data(page: str) -> None:
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "<i>Who</i>" not in page and "&lt;i&gt;Who&lt;/i&gt; met whom" in page and "2023 &amp; after" in page
    data = embedded_data(page)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["charlie"] == "<script>alert(1)</script>"
    assert "textContent" in page and ".innerHTML" not in page.split("</script>")[-2]


def test_links_only_for_web_addresses(small: dn.Facts) -> None:
    data = network_payload(dn.project(small, "people"), small)
    urls = {r["id"]: r["url"] for r in data["releases"].values()}
    assert urls == {"r1": "https://example.org/r1", "r2": None, "r3": None}  # javascript: dropped


def test_payload_carries_meetings_and_evidence(small: dn.Facts) -> None:
    data = network_payload(dn.project(small, "people"), small)
    assert data["noun"] == "people" and len(data["nodes"]) == 4 and len(data["edges"]) == 4
    ab = next(e for e in data["edges"] if {e["from"], e["to"]} == {"alpha", "bravo"})
    meetings = [data["events"][m] for m in ab["meetings"]]
    assert [m["date"] for m in meetings] == ["2023-01-10", None]
    assert meetings[0]["topics"] == ["free trade"]
    assert meetings[0]["evidence"][0]["text"].startswith("Alpha Anan met Bravo Tan")
    alpha = next(n for n in data["nodes"] if n["id"] == "alpha")
    assert "Minister of Foreign Affairs" in alpha["details"] and "Thailand (TH)" in alpha["details"]
    countries = network_payload(dn.project(small, "countries"), small)
    th_sg = next(e for e in countries["edges"] if {e["from"], e["to"]} == {"TH", "SG"})
    assert th_sg["label"] == "MoU signed" and len(th_sg["agreements"]) == 1
    (agreement,) = countries["agreements"].values()
    assert [h["status"] for h in agreement["history"]] == ["proposed", "signed"]


def test_every_label_on_the_page_has_one_size(small: dn.Facts) -> None:
    """Names and MoU labels alike: the page sets one size and turns vis-network's scaling of
    labels off, for nodes and for edges (the browser test measures what vis-network draws)."""
    from diplograph.viz.page import LABEL_PX, asset

    data = network_payload(dn.project(small, "countries"), small)
    assert data["labelSize"] == LABEL_PX and any(e["label"] == "MoU signed" for e in data["edges"])
    script = asset("network.js")
    assert script.count("size: data.labelSize") == 2 and script.count("label: { enabled: false }") == 2


def test_render_all_outputs(tmp_path: Path) -> None:
    html = render(SMALL, tmp_path / "people.html")
    assert (html.nodes, html.edges) == (4, 4)
    assert (tmp_path / "people.html").stat().st_mode & 0o444 == 0o444
    for name in ("countries.svg", "countries.png"):
        result = render(SMALL, tmp_path / name, view="countries")
        assert (result.nodes, result.edges) == (3, 3) and result.path.stat().st_size > 1000
    assert (tmp_path / "countries.png").read_bytes().startswith(b"\x89PNG")
    with pytest.raises(DiplographError, match="unknown output"):
        render(SMALL, tmp_path / "x.pdf")


def test_svg_is_reproducible(tmp_path: Path) -> None:
    render(SMALL, tmp_path / "a.svg", view="people")
    render(SMALL, tmp_path / "b.svg", view="people")
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


def test_layout_is_seeded_and_order_independent(small: dn.Facts) -> None:
    g = dn.project(small, "people")
    shuffled = nx.Graph()
    shuffled.add_nodes_from(reversed(list(g.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(g.edges(data=True))))
    assert layout(g) == layout(g) == layout(shuffled)


def test_thai_labels_use_the_shipped_font_on_a_machine_without_thai_fonts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """A figure with Thai labels on a machine with only Python: every font outside the Python
    environment (Debian's fonts-thai-tlwg among them) hidden from matplotlib's font manager, the
    labels are drawn with the font file diplograph ships, and matplotlib says nothing about fonts."""
    from matplotlib import font_manager

    manager = font_manager.fontManager
    outside = [f for f in manager.ttflist if not Path(f.fname).is_relative_to(Path(sys.prefix))]
    assert outside, "no system font to hide: the test would prove nothing here"
    monkeypatch.setattr(manager, "ttflist", [f for f in manager.ttflist if f not in outside])
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    font_manager.FontManager._findfont_cached.cache_clear()
    fonts.thai_font.cache_clear()
    used: list[str] = []
    find = manager._find_fonts_by_props
    monkeypatch.setattr(manager, "_find_fonts_by_props",
                        lambda prop, *a, **k: used.extend(found := find(prop, *a, **k)) or found)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            caplog.set_level("DEBUG", logger="matplotlib.font_manager")
            result = render(SMALL, tmp_path / "countries.png", view="countries", lang="th")
    finally:
        font_manager.FontManager._findfont_cached.cache_clear()
        fonts.thai_font.cache_clear()
    assert result.nodes == 3
    assert Path(used[0]).resolve() == fonts.font_path().resolve()
    assert {Path(p).name for p in used} <= {"Sarabun-Regular.ttf", "DejaVuSans.ttf"}
    assert not [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")], caplog.text
    assert fonts.font_path().is_relative_to(Path(fonts.__file__).parent)  # inside the package


def test_the_shipped_font_is_regular_and_covers_thai() -> None:
    from matplotlib import ft2font

    font = ft2font.FT2Font(str(fonts.font_path()))
    assert (font.family_name, font.style_name) == ("Sarabun", "Regular")
    charmap = font.get_charmap()
    assert all(ord(ch) in charmap for ch in "กรุงเทพฯ ผู้ที่ นี่ ฟื้น ๒๕๖๓ Thailand–Singapore")
    licence = (fonts.font_path().parent / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License, Version 1.1" in licence and "Sarabun Project Authors" in licence


def test_missing_thai_font_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "thai_font", lambda: None)
    with pytest.warns(fonts.ThaiFontWarning, match="reinstall diplograph"):
        assert fonts.font_families(["ไทย"]) == ["DejaVu Sans"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fonts.font_families(["Latin only"])
