"""Every file diplograph writes appears whole or not at all: a write that fails half-way (the disk fills up)
or a process killed while writing leaves no partial OUT, and a previous OUT as it was.

The failures are real ones, whatever serialiser a command uses: the file-size limit (RLIMIT_FSIZE) makes
the write fail with EFBIG once OUT passes a few kilobytes — Python ignores SIGXFSZ, so the write raises —
and SIGKILL stops a process the moment its temporary file appears.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import main

DEV = Path(__file__).parent / "fixtures" / "corpus" / "dev"
DIPLOGRAPH = str(Path(sys.executable).parent / "diplograph")
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
PREVIOUS = b"the previous file, which must survive\n"
LIMIT = 8 * 1024


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The dev corpus as a graph file and as a store, to draw and to export."""
    root = tmp_path_factory.mktemp("atomic")
    graph, store = root / "dev.trig", root / "store"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
        assert CliRunner().invoke(main, ["build", str(DEV), "-o", str(graph)]).exit_code in (0, 1)
        assert CliRunner().invoke(main, ["ingest", str(DEV), "--store", str(store), "-q"]).exit_code in (0, 1)
    return {"graph": graph, "store": store}


COMMANDS = {
    "build .trig": ["build", "{dev}", "-o", "{out}.trig"],
    "build .ttl": ["build", "{dev}", "-o", "{out}.ttl"],
    "build .jsonld": ["build", "{dev}", "-o", "{out}.jsonld"],
    "export .nq": ["export", "--store", "{store}", "-o", "{out}.nq"],
    "export .csv": ["export", "--store", "{store}", "-o", "{out}.csv"],
    "export .jsonld": ["export", "--store", "{store}", "-o", "{out}.jsonld"],
    "viz .html": ["viz", "{graph}", "-o", "{out}.html"],
    "viz .png": ["viz", "{graph}", "--view", "countries", "-o", "{out}.png"],
    "timeline .svg": ["timeline", "{graph}", "--country", "TH", "-o", "{out}.svg"],
}


def command(name: str, sources: dict[str, Path], tmp_path: Path) -> tuple[list[str], Path]:
    args = [a.format(dev=DEV, store=sources["store"], graph=sources["graph"], out=tmp_path / "out")
            for a in COMMANDS[name]]
    return [DIPLOGRAPH, *args], Path(args[args.index("-o") + 1])


def small_files() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_write_that_fails_half_way_leaves_the_previous_file(name: str, sources, tmp_path: Path) -> None:
    args, out = command(name, sources, tmp_path)
    out.write_bytes(PREVIOUS)
    result = subprocess.run(args, capture_output=True, text=True, env=ENV, timeout=300, preexec_fn=small_files)
    assert result.returncode == 2, result.stderr
    assert "File too large" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) >= 1 and result.stderr.strip().splitlines()[-1].startswith("error: ")
    assert out.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name], "a temporary file was left behind"


@pytest.mark.parametrize("name", ["build .trig", "export .nq", "viz .png"])
def test_a_write_that_fails_the_first_time_leaves_no_file(name: str, sources, tmp_path: Path) -> None:
    args, out = command(name, sources, tmp_path)
    result = subprocess.run(args, capture_output=True, text=True, env=ENV, timeout=300, preexec_fn=small_files)
    assert result.returncode == 2 and "File too large" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
@pytest.mark.parametrize("name", ["build .trig", "export .nq", "viz .png"])
def test_a_process_killed_while_writing_leaves_the_previous_file(name: str, sources, tmp_path: Path) -> None:
    """SIGKILL as soon as anything but OUT shows up beside it (the file being written), or OUT changes."""
    args, out = command(name, sources, tmp_path)
    out.write_bytes(PREVIOUS)
    before = out.stat()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        others = [p for p in tmp_path.iterdir() if p != out]
        if others or out.stat().st_mtime_ns != before.st_mtime_ns:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.0005)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the command finished before it could be killed while writing"
    if out.read_bytes() != PREVIOUS:  # on a loaded machine the kill can land just after the rename:
        whole = tmp_path.parent / f"whole-{tmp_path.name}{out.suffix}"  # then OUT is the new file, whole
        subprocess.run([a if a != str(out) else str(whole) for a in args], capture_output=True, env=ENV,
                       timeout=300, check=False)
        assert out.read_bytes() == whole.read_bytes()
    assert all(p.name.startswith(".") for p in tmp_path.iterdir() if p != out)  # only a hidden temporary file
