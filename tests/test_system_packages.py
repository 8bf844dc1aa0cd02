"""A test that needs a Debian package skips without it, naming the package; under
DIPLOGRAPH_REQUIRE_SERVER=1 (CI) it fails instead, so CI never passes without those tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import system_packages

CI = Path(__file__).parent.parent / ".ci"


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: None)


@pytest.mark.parametrize("package", sorted(system_packages.PACKAGES))
def test_a_missing_package_skips_naming_it(package: str, nothing_installed, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIPLOGRAPH_REQUIRE_SERVER", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        system_packages.require(package)
    message = str(skipped.value)
    assert f"Debian package {package} is not installed" in message and f"apt-get install {package}" in message
    assert "\n" not in message


@pytest.mark.parametrize("package", sorted(system_packages.PACKAGES))
def test_a_missing_package_fails_in_ci(package: str, nothing_installed, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_REQUIRE_SERVER", "1")
    with pytest.raises(pytest.fail.Exception, match=f"{package}.*DIPLOGRAPH_REQUIRE_SERVER=1 requires it"):
        system_packages.require(package)


def test_an_installed_package_runs_its_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name, *a, **k: f"/usr/bin/{name}")
    for package in system_packages.PACKAGES:
        system_packages.require(package)  # neither skips nor fails


def test_every_package_is_installed_by_ci() -> None:
    listed = {line.strip() for line in (CI / "apt-packages.txt").read_text().splitlines()
              if line.strip() and not line.lstrip().startswith("#")}
    assert set(system_packages.PACKAGES) <= listed


def test_ci_requires_them() -> None:
    run = (CI / "run").read_text()
    assert "DIPLOGRAPH_REQUIRE_SERVER=1" in run and ".ci/install-system" in run

