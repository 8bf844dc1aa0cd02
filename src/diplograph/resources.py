"""Find the files that ship with diplograph: ontology, shapes, queries, data.

``ontology/``, ``shapes/`` and ``queries/`` have one copy, at the top of the
repository.  A wheel carries them inside the package (hatch force-include); an
editable install does not, so the source tree is the second place to look.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from .errors import ResourceNotFound

_PACKAGE_DIR = Path(str(resources.files("diplograph")))
_SOURCE_ROOT = _PACKAGE_DIR.parent.parent  # src/diplograph -> repository root


@cache
def resource_dir(name: str) -> Path:
    """The folder ``name`` (ontology, shapes or queries), installed or in the source tree."""
    for base in (_PACKAGE_DIR, _SOURCE_ROOT):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise ResourceNotFound(f"{name}/ not found in {_PACKAGE_DIR} or {_SOURCE_ROOT}; reinstall diplograph")


def resource_file(folder: str, filename: str) -> Path:
    path = resource_dir(folder) / filename
    if not path.is_file():
        raise ResourceNotFound(f"{path} is missing; reinstall diplograph")
    return path


def data_file(filename: str) -> Path:
    """A package data file (gazetteers, registries) under ``diplograph/data``."""
    path = _PACKAGE_DIR / "data" / filename
    if not path.is_file():
        raise ResourceNotFound(f"{path} is missing; reinstall diplograph")
    return path
