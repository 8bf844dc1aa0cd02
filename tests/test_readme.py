"""The README's promises: two quick-start commands that work, and every command documented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


def test_quick_start_is_two_commands() -> None:
    assert quick_start_commands() == ["make run", "make test"]


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (REPO / ".ci" / "run").read_text()


@pytest.mark.slow
def test_make_run_works(tmp_path: Path) -> None:
    """`make run` with the environment the tests run in (CI has just installed it with `make test`)."""
    venv = Path(sys.prefix)
    result = subprocess.run(["make", "run", f"VENV={venv}"], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (REPO / "out" / "graph.ttl").stat().st_size > 0
    assert "conforms" in result.stdout


def test_every_command_is_documented() -> None:
    from diplograph.cli import main

    for name in main.commands:
        assert f"diplograph {name}" in README, f"README does not document `diplograph {name}`"
