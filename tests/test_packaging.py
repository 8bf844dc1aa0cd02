"""ontology/, shapes/ and queries/ have one copy and are found both in a wheel and in an editable install."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
SHIPPED = ("ontology", "shapes", "queries", "docs")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation",
                    "-w", str(out), "-q"], check=True, capture_output=True)
    return next(out.glob("diplograph-*.whl"))


def test_wheel_carries_the_shipped_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    for folder in SHIPPED:
        repo_files = sorted(p.relative_to(REPO).as_posix() for p in (REPO / folder).rglob("*") if p.is_file())
        assert repo_files, f"{folder}/ is empty"
        for rel in repo_files:
            assert f"diplograph/{rel}" in names, f"{rel} missing from the wheel"
    assert "diplograph/data/people.tsv" in names
    # the figures' Thai font and its licence (figures need no system font)
    assert {"diplograph/viz/assets/fonts/Sarabun-Regular.ttf", "diplograph/viz/assets/fonts/OFL.txt"} <= set(names)


def test_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel), "-q"],
                   check=True, capture_output=True)
    code = ("from diplograph.resources import resource_dir; "
            "print('\\n'.join(str(resource_dir(n)) for n in ('ontology', 'shapes', 'queries')))")
    found = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(target)}, capture_output=True,
                           text=True, check=True).stdout.split()
    assert all(Path(p).is_relative_to(target) for p in found), found


def test_source_tree_finds_the_top_level_folders() -> None:
    """An editable install reads the repository's own folders: one copy, not two."""
    from diplograph.resources import resource_dir

    for folder in SHIPPED:
        assert resource_dir(folder).resolve() == (REPO / folder).resolve()
