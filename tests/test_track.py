"""``diplograph track``: collect, ingest what is new, say what changed — and the README's set-up, run as written."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from collect_site import Page, Site, release_html, rss

REPO = Path(__file__).parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def env(home: Path) -> dict[str, str]:
    path = os.pathsep.join([str(BIN), os.environ.get("PATH", "")])
    pythonpath = os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])
    return dict(os.environ, HOME=str(home), PATH=path, PYTHONPATH=pythonpath, USER="tester")


def feed_site(site: Site, days: list[str]) -> None:
    """A thaigov-like feed whose entries are the dev releases ``days`` (d001 …) at /news/contents/details/N."""
    site.routes["/robots.txt"] = Page("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    items = [(f"/news/contents/details/{35000 + int(name[1:])}", None) for name in days]
    site.routes["/rss/"] = Page(rss(items), content_type="application/rss+xml")
    for name in days:
        site.routes[f"/news/contents/details/{35000 + int(name[1:])}"] = Page(release_html(name))


def track(home: Path, site: Site, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "diplograph", "track", f"feed:{site.url('/rss/')}", "--archive",
                           str(home / "archive"), "--store", str(home / "store"), "--delay", "0.05", *extra],
                          env=env(home), capture_output=True, text=True, timeout=300)


def test_track_reports_new_releases_events_and_moved_statuses(tmp_path: Path) -> None:
    with Site() as site:
        feed_site(site, ["d001", "d002"])
        first = track(tmp_path, site)
        assert first.returncode == 0, first.stderr
        assert f"new release: 127.0.0.1:{site.server.server_address[1]}/news/contents/details/35001" in first.stdout
        assert "new event: " in first.stdout
        assert "new agreement: agreement/mou/sg-th/digital-economy (Approved)" in first.stdout
        assert "2 fetched" in first.stdout and "2 new releases" in first.stdout

        feed_site(site, ["d001", "d002", "d009"])  # the next day: the MoU is signed
        second = track(tmp_path, site)
        assert second.returncode == 0, second.stderr
        assert "agreement status: agreement/mou/sg-th/digital-economy: Approved → Signed" in second.stdout
        assert second.stdout.count("new release: ") == 1 and "2 already had" in second.stdout

        third = track(tmp_path, site)  # nothing new: still 0
        assert third.returncode == 0, third.stderr
        assert "new release: " not in third.stdout and "0 new releases" in third.stdout


def test_track_exit_codes(tmp_path: Path) -> None:
    with Site() as site:
        feed_site(site, ["d003"])
        site.routes["/rss/"] = Page(rss([("/news/contents/details/35003", None), ("/gone", None)]),
                                    content_type="application/rss+xml")
        partial = track(tmp_path, site, "--retries", "0")
        assert partial.returncode == 1, partial.stdout + partial.stderr  # /gone is a 404
        assert re.search(r"error: http://127\.0\.0\.1:\d+/gone: HTTP 404", partial.stderr)
    down = subprocess.run([sys.executable, "-m", "diplograph", "track", "feed:http://127.0.0.1:9/rss/", "--archive",
                           str(tmp_path / "other"), "--store", str(tmp_path / "store2"), "--retries", "0"],
                          env=env(tmp_path), capture_output=True, text=True, timeout=120)
    assert down.returncode == 2, down.stdout + down.stderr


def test_track_finishes_an_ingest_that_did_not_happen(tmp_path: Path) -> None:
    """Archive files collected by ``collect`` alone (or by a track killed before its ingest) go in next time."""
    with Site() as site:
        feed_site(site, ["d004"])
        collected = subprocess.run([sys.executable, "-m", "diplograph", "collect", f"feed:{site.url('/rss/')}",
                                    "--archive", str(tmp_path / "archive"), "--delay", "0.05"],
                                   env=env(tmp_path), capture_output=True, text=True, timeout=120)
        assert collected.returncode == 0, collected.stderr
        tracked = track(tmp_path, site)
    assert tracked.returncode == 0, tracked.stderr
    assert "2 archive files ingested" in tracked.stdout and tracked.stdout.count("new release: ") == 1


# ------------------------------------------------------------------------------------------ README

def tracking_section() -> str:
    return README.split("### Tracking: a daily run", 1)[1].split("\n## ", 1)[0]


def blocks(section: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", section, re.S)


@pytest.mark.slow
def test_readme_tracking_section_works_as_written(tmp_path: Path) -> None:
    """The README's sources file, the run by hand, the cron line and the systemd service, in a fresh HOME
    against a local site; only the feed's host is changed (the real one is out of reach here)."""
    section = tracking_section()
    (toml,) = blocks(section, "toml")
    (by_hand,) = blocks(section, "sh")
    (cron,) = blocks(section, "cron")
    service, timer = blocks(section, "ini")
    home = tmp_path / "home"
    work = home / "diplograph"
    work.mkdir(parents=True)
    first_line = toml.splitlines()[0]
    assert first_line == "# ~/diplograph/sources.toml"
    with Site() as site:
        feed_site(site, ["d001", "d002"])
        assert "https://www.thaigov.go.th/rss/" in toml
        (work / "sources.toml").write_text(toml.replace("https://www.thaigov.go.th/rss/", site.url("/rss/")),
                                           encoding="utf-8")

        done = subprocess.run(["bash", "-e", "-c", by_hand], env=env(home), capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr
        assert done.stdout.count("new release: ") == 2 and "2 fetched" in done.stdout

        feed_site(site, ["d001", "d002", "d009"])
        schedule, command = cron.strip().split(" ", 5)[:5], cron.strip().split(" ", 5)[5]
        assert len(schedule) == 5 and schedule[0].isdigit() and schedule[1].isdigit()
        done = subprocess.run(["sh", "-c", command], env=env(home), capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr + (work / "track.log").read_text()
        log = (work / "track.log").read_text(encoding="utf-8")
        assert "agreement status: agreement/mou/sg-th/digital-economy: Approved → Signed" in log

        feed_site(site, ["d001", "d002", "d009", "d010"])
        unit = dict(re.findall(r"^(\w+)=(.*)$", service, re.M))
        assert unit["Type"] == "oneshot" and "OnCalendar" in timer and "WantedBy=timers.target" in timer
        cwd = Path(unit["WorkingDirectory"].replace("%h", str(home)))
        argv = shlex.split(unit["ExecStart"].replace("%h", str(home)))
        assert argv[0] == f"{home}/.venv/bin/diplograph"
        (home / ".venv" / "bin").mkdir(parents=True)
        (home / ".venv" / "bin" / "diplograph").symlink_to(BIN / "diplograph")
        done = subprocess.run(argv, cwd=cwd, env=env(home), capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert done.stdout.count("new release: ") == 1


def test_track_applies_the_curation_rules_the_store_keeps(tmp_path: Path) -> None:
    # the store keeps "the courtesy call of 29 November 2023 is wrong"; a release tracked later that reports it
    # must be stored without it, as `diplograph ingest` would store it
    rule = tmp_path / "curation.toml"
    rule.write_text('[[wrong]]\nnode = "dgid:event/courtesy-call/2023-11-29/jp-th"\nby = "A. Analyst"\n'
                    'on = 2026-12-07\nwhy = "read the release again"\n', encoding="utf-8")
    made = subprocess.run([sys.executable, "-m", "diplograph", "ingest", str(REPO / "tests/fixtures/corpus/dev/d001.txt"),
                           "--store", str(tmp_path / "store"), "--curation", str(rule), "-q"], env=env(tmp_path),
                          capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    with Site() as site:
        feed_site(site, ["d008"])
        result = track(tmp_path, site)
        assert result.returncode == 0, result.stderr
    from diplograph.store import EmbeddedStore

    with EmbeddedStore.open(tmp_path / "store") as store:
        found = store.select("SELECT ?p WHERE { GRAPH ?g { <https://w3id.org/diplograph/id/event/courtesy-call/"
                             "2023-11-29/jp-th> ?p ?o } }").rows
        assert len(found) == 0
