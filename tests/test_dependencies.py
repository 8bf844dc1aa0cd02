"""The dependencies in pyproject.toml say the truth: each one is imported by the package (or is
needed at run time for a reason written here), and each third-party module the package imports
is declared — not merely present because another dependency brought it along."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).parent.parent
SRC = REPO / "src" / "diplograph"

# Declared, never imported by diplograph's code, and needed all the same.
NOT_IMPORTED = {
    "lxml-html-clean": "trafilatura's import fails without it (lxml moved its cleaner out)",
    "scipy": "networkx's kamada_kawai_layout and spring_layout (large graphs) need it in viz/static.py",
}


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_name(r) for r in project["dependencies"]}


def imported_modules() -> set[str]:
    """Top-level modules of every import statement in src/ (inside functions too)."""
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"diplograph", "__future__"}


def imported_distributions() -> dict[str, set[str]]:
    owners = importlib.metadata.packages_distributions()
    out: dict[str, set[str]] = {}
    for module in imported_modules():
        for dist in owners.get(module, [module]):
            out.setdefault(dist.lower().replace("_", "-"), set()).add(module)
    return out


def test_every_dependency_is_used() -> None:
    unused = declared() - set(imported_distributions()) - set(NOT_IMPORTED)
    assert not unused, f"declared in pyproject.toml but never imported: {sorted(unused)}"


def test_every_import_is_declared() -> None:
    missing = {dist: mods for dist, mods in imported_distributions().items() if dist not in declared()}
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_reasons_are_for_declared_packages() -> None:
    assert set(NOT_IMPORTED) <= declared()
