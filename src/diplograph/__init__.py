"""diplograph: diplomatic press releases into a knowledge graph of bilateral diplomacy.

The public API, for notebooks and scripts (the CLI is a thin layer over it)::

    import diplograph
    result = diplograph.build(["releases/"])          # read, extract, map, validate
    diplograph.write_graph(result.quads(), "out.trig")
    facts = diplograph.extract(release)                   # one Release -> plain-data facts

    with diplograph.EmbeddedStore.open("out/store", write=True) as store:   # the on-disk store
        for event in diplograph.ingest_releases(store, ["releases/"]):
            print(event.kind, event.release)
        rows = diplograph.run_query(store, "partners", {"country": "TH"}).rows
        diplograph.export_store(store, "out/graph.trig")

Names are imported on first use, so ``import diplograph`` (and the CLI's start-up)
stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Agreement": "model",
    "BuildResult": "pipeline",
    "Curation": "curation",
    "CurationError": "curation",
    "DecodeError": "errors",
    "DiplographError": "errors",
    "DuplicateIdError": "errors",
    "EmbeddedStore": "store",
    "Event": "model",
    "InputError": "errors",
    "InternalError": "errors",
    "NoContentError": "errors",
    "NothingToShow": "errors",
    "Person": "model",
    "QueryError": "errors",
    "Release": "model",
    "ReleaseFacts": "model",
    "RemoteStore": "remote",
    "ResourceNotFound": "errors",
    "Results": "results",
    "ScriptError": "errors",
    "StoreError": "errors",
    "ValidationError": "errors",
    "ValidationReport": "validate",
    "build": "pipeline",
    "check_store": "doctor",
    "export_store": "export",
    "extract": "extraction",
    "ingest_releases": "ingest",
    "map_release": "rdf.mapping",
    "parse_release": "sources",
    "process": "pipeline",
    "read_inputs": "inputs",
    "remove_releases": "ingest",
    "run_query": "queries",
    "store_stats": "stats",
    "to_networkx": "network",
    "validate_graph": "validate",
    "write_graph": "pipeline",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
