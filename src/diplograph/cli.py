"""The ``diplograph`` command: a thin layer that parses options, calls the library, renders results.

Exit codes: 0 all good; 1 some inputs failed or the graph violates the shapes;
2 nothing could be done. Errors are one line on standard error; a Python
traceback only with ``--debug``.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import DiplographError

EXIT_OK, EXIT_PARTIAL, EXIT_FAILED = 0, 1, 2


def _err(message: str) -> None:
    click.echo(message, err=True)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn diplograph's errors into one line and exit code 2; tracebacks only with --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        debug = click.get_current_context().find_root().params.get("debug", False)
        try:
            return func(*args, **kwargs)
        except DiplographError as exc:
            if debug:
                raise
            _err(f"error: {exc}")
            sys.exit(EXIT_FAILED)
        except (OSError, ValueError) as exc:
            if debug:
                raise
            _err(f"error: {exc}")
            sys.exit(EXIT_FAILED)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="diplograph")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on errors.")
def main(debug: bool) -> None:
    """Turn diplomatic press releases into a knowledge graph of who met whom."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="Output file; its extension picks the format: .ttl .trig .nq .jsonld")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@handle_errors
def build(inputs: tuple[Path, ...], out: Path, no_validate: bool, quiet: bool) -> None:
    """Read releases (files, directories, .jsonl batches) and write their graph to OUT.

    OUT is written whenever at least one release was read, even if its graph
    violates the shapes; the exit code says which: 0 all good, 1 some releases
    failed or violations, 2 nothing could be done.
    """
    from .pipeline import build as run_build, write_graph

    result = run_build(inputs, validate=not no_validate)
    for note in result.notes:
        if not quiet:
            _err(note)
    for error in result.errors:
        _err(f"error: {error}")
    if not result.outcomes:
        _err("error: no release could be read; nothing written")
        sys.exit(EXIT_FAILED)
    write_graph(result.quads(), out)
    if not quiet:
        for outcome in result.outcomes:
            for v in outcome.report.violations if outcome.report else ():
                _err(f"violation: {outcome.facts.release.source_file}: {v.focus}: {v.message}")
        counts = result.counts()
        click.echo(
            f"wrote {out}: {counts['releases']} releases read, {counts['failed']} failed, "
            f"{counts['events']} events, {counts['people']} people, {counts['agreements']} agreements, "
            f"{counts['warnings']} warnings, {counts['violations']} violations")
    sys.exit(result.exit_code)


@main.command()
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@handle_errors
def validate(file: Path) -> None:
    """Run the shapes on any RDF FILE and print a readable report.

    Exit 0 conforms (warnings allowed), 1 violations, 2 could not validate.
    """
    from rdflib import Dataset

    from .errors import ValidationError
    from .validate import validate_graph

    data = Dataset(default_union=True)
    try:
        data.parse(file, format=_rdf_format(file))
    except Exception as exc:  # rdflib raises many types for malformed input
        raise ValidationError(f"{file}: cannot parse: {exc}") from exc
    from rdflib import Graph

    merged = Graph()
    for s, p, o, _g in data.quads((None, None, None, None)):
        merged.add((s, p, o))
    report = validate_graph(merged)
    for r in sorted(report.results, key=lambda r: (r.severity != "Violation", r.focus)):
        path = f" {r.path}" if r.path else ""
        value = f" (value {r.value})" if r.value else ""
        click.echo(f"{r.severity}: {r.focus}{path}{value}: {r.message}")
    click.echo(f"{file}: {len(report.violations)} violations, {len(report.warnings)} warnings"
               + (" — conforms" if report.conforms else ""))
    sys.exit(EXIT_OK if report.conforms else EXIT_PARTIAL)


def _rdf_format(path: Path) -> str | None:
    return {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld",
            ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}.get(path.suffix.lower())


if __name__ == "__main__":  # pragma: no cover
    main()
