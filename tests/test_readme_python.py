"""Every Python block of the README runs as written, in a folder holding what the blocks name:
``releases/`` (the dev corpus), ``examples/``, ``dev.trig`` and the store ``out/store``. The collecting
example reads a feed of a small site on 127.0.0.1 (tests/collect_site.py) in place of thaigov.go.th's."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from collect_site import Page, Site, release_html, rss

REPO = Path(__file__).parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
FEED = "https://www.thaigov.go.th/rss/"


def test_the_readme_shows_the_api_chaining() -> None:
    assert len(BLOCKS) >= 6
    assert any("diplograph.validate_graph(diplograph.map_release(facts))" in b for b in BLOCKS)
    assert any("nx.write_gexf" in b for b in BLOCKS)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory, dev_store: Path) -> Path:
    from diplograph.pipeline import build, write_graph

    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(CORPUS / "dev", folder / "releases")
    shutil.copytree(REPO / "examples", folder / "examples")
    shutil.copytree(dev_store, folder / "out" / "store")
    write_graph(build([CORPUS / "dev", CORPUS / "seed"], validate=False).quads(), folder / "dev.trig")
    return folder


@pytest.mark.parametrize("index", range(len(BLOCKS)), ids=[f"block{i + 1}" for i in range(len(BLOCKS))])
def test_a_python_block_runs(index: int, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = BLOCKS[index]
    monkeypatch.chdir(folder)
    if FEED not in code:
        exec(compile(code, f"README.md, python block {index + 1}", "exec"), {"__name__": "readme"})
        return
    with Site() as site:
        site.routes["/rss/"] = Page(rss([("/news/contents/details/35541", "Tue, 29 Sep 2020 10:00:00 GMT")]),
                                    content_type="application/rss+xml")
        site.routes["/news/contents/details/35541"] = Page(release_html("d001"))
        code = code.replace(FEED, site.url("/rss/"))
        exec(compile(code, f"README.md, python block {index + 1}", "exec"), {"__name__": "readme"})
        assert site.hits("/news/contents/details/35541") == 1
    assert list((folder / "archive").glob("*.warc*"))
