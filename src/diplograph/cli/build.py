"""``diplograph build`` and ``diplograph validate``: files in, a validated graph out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_PARTIAL,
    _err,
    count,
    debugging,
    handle_errors,
    main,
)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path),
              help="Output file; its extension picks the format: .ttl .trig .nq .jsonld")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--curation", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="Analysts' corrections (a TOML curation file) applied to every release.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@handle_errors
def build(inputs: tuple[Path, ...], out: Path, no_validate: bool, curation: Path | None, quiet: bool) -> None:
    """Read releases (files, directories, .jsonl batches) and write their graph to OUT.

    OUT is written whenever at least one release was read, even if its graph
    violates the shapes; the exit code says which: 0 all good, 1 some releases
    failed or violations, 2 nothing could be done.
    """
    from ..pipeline import build as run_build
    from ..pipeline import write_graph

    rules = None
    if curation is not None:
        from ..curation import load

        rules = load(curation)  # a malformed file stops here, before anything is written
    result = run_build(inputs, validate=not no_validate, debug=debugging(), curation=rules)
    for note in result.notes:
        if not quiet:
            _err(f"note: {note}")
    for error in result.errors:
        _err(f"error: {error}")
    if not result.outcomes:
        _err(f"error: no release could be read ({len(result.errors)} failed); nothing written")
        sys.exit(EXIT_FAILED)
    write_graph(result.quads(), out)
    if not quiet:
        for outcome in result.outcomes:
            for v in outcome.report.violations if outcome.report else ():
                _err(f"violation: {outcome.facts.release.source_file}: {v.focus}: {v.message}")
        counts = result.counts()
        click.echo(
            f"wrote {out}: {count(counts['releases'], 'release')} read, {counts['failed']} failed, "
            f"{count(counts['events'], 'event')}, {count(counts['people'], 'person', 'people')}, "
            f"{count(counts['agreements'], 'agreement')}, {count(counts['warnings'], 'warning')}, "
            f"{count(counts['violations'], 'violation')}")
    sys.exit(result.exit_code)


@main.command()
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@handle_errors
def validate(file: Path) -> None:
    """Run the shapes on any RDF FILE and print a readable report.

    Exit 0 conforms (warnings allowed), 1 violations, 2 could not validate (an unreadable file,
    XML entities, a JSON-LD context on the web: nothing is fetched).
    """
    from ..validate import validate_file

    report = validate_file(file)
    for r in sorted(report.results, key=lambda r: (r.severity != "Violation", r.focus)):
        path = f" {r.path}" if r.path else ""
        value = f" (value {r.value})" if r.value else ""
        click.echo(f"{r.severity}: {r.focus}{path}{value}: {r.message}")
    click.echo(f"{file}: {count(len(report.violations), 'violation')}, {count(len(report.warnings), 'warning')}"
               + (" — conforms" if report.conforms else ""))
    sys.exit(EXIT_OK if report.conforms else EXIT_PARTIAL)

