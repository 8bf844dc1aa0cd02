"""SIGKILL trials: a collect killed at any moment leaves whole archive files and a state that resumes.

Every page the command reported as fetched before the kill is in the archive
after the next run, and is not fetched again; the archive files a reader can see
are always complete WARC files.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from collect_site import Page, Site, release_html
from diplograph.inputs import read_inputs

REPO = Path(__file__).parent.parent
ENV = dict(os.environ, PYTHONPATH=str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
PAGES = [f"/news/contents/details/{2000 + i}" for i in range(24)]


def site_with_pages(site: Site) -> None:
    site.routes["/robots.txt"] = Page("User-agent: *\nAllow: /\n", content_type="text/plain")
    for i, path in enumerate(PAGES):
        site.routes[path] = Page(release_html(f"d{(i % 16) + 1:03d}").replace(
            b"</article>", f"<p>release number {i} of the trial, a sentence of its own.</p></article>".encode()))


def assert_whole(archive: Path) -> None:
    """Every archive file a reader can see is a complete WARC file: each record read to its end."""
    from warcio.archiveiterator import ArchiveIterator

    for path in archive.glob("*.warc.gz"):
        with open(path, "rb") as handle:
            for record in ArchiveIterator(handle):
                record.content_stream().read()
                assert getattr(record.raw_stream, "limit", 0) == 0, f"{path.name}: a record is cut short"


def collect(site: Site, archive: Path, listfile: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "diplograph", "collect", f"@{listfile}", "--archive", str(archive),
                             "--delay", "0.02", "-v"], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(4))
def test_kill_9_loses_nothing_reported(tmp_path: Path, trial: int) -> None:
    rng = random.Random(trial)
    archive = tmp_path / "A"
    with Site() as site:
        site_with_pages(site)
        listfile = tmp_path / "urls.txt"
        listfile.write_text("\n".join(site.url(p) for p in PAGES) + "\n", encoding="utf-8")
        reported: list[str] = []
        marks: list = []
        reported_before: dict[str, float] = {}
        for _ in range(2):  # two kills, then a run to the end
            proc = collect(site, archive, listfile)
            marks.append(("start", round(time.monotonic(), 3)))
            if trial % 2 == 0:  # right after a page was reported
                target = len(reported) + rng.randint(1, 5)
                for line in proc.stderr:
                    if line.startswith("fetched: "):
                        reported.append(line.split(": ", 1)[1].split(": ")[0].strip())
                        if len(reported) >= target:
                            break
            else:  # at any moment
                lines: list[str] = []
                reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
                reader.start()
                time.sleep(1.2 + rng.random() * 1.5)
            proc.send_signal(signal.SIGKILL)
            killed_at = time.monotonic()
            proc.wait(timeout=30)
            if trial % 2 == 1:
                reader.join(timeout=10)
                reported += [ln.split(": ", 1)[1].split(": ")[0].strip() for ln in lines if ln.startswith("fetched: ")]
            for url in reported:  # a page fetched but not reported before the kill may be fetched again
                reported_before.setdefault(url, killed_at)
            marks.append(("kill", round(killed_at, 3), list(reported)))
            assert_whole(archive)
        done = collect(site, archive, listfile)
        out, err = done.communicate(timeout=120)
        assert done.returncode == 0, err
        assert_whole(archive)
        assert not list(archive.glob(".*.part")), "the last run seals its part file"
        for url, killed_at in reported_before.items():
            path = url.split(str(site.server.server_address[1]), 1)[1]
            later = [h.at for h in site.log if h.path == path and h.at > killed_at]
            assert not later, (f"{path} was reported collected, then fetched again: "
                               f"{[(round(h.at, 3), h.path) for h in site.log]} {marks}")
    ids = {r.release_id for r in read_inputs([archive]) if hasattr(r, "release_id")}
    assert ids == {site.url(p).split("://", 1)[1] for p in PAGES}
