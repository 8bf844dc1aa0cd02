"""The benchmark behind ``make bench``: six sections measured side by side in one run.

1. **Extraction cost ratio** — on the dev corpus, the per-release pipeline (read, extract,
   map, validate) against pythainlp's newmm tokeniser alone on the same release bodies
   (medians of repeated in-process runs), and the whole ``diplograph build`` process
   against a process that only tokenises the same files (fresh processes, start-up and
   imports included; medians of several runs).
2. **Ingest at scale** — ``diplograph ingest`` (the command, in its own process, with its
   default worker processes) of N synthetic releases (:mod:`diplograph.bench.synth`) into a
   new embedded store: releases per second, and the peak memory of the whole process tree
   (the writer and its workers), sampled every half second.
3. **Query latency** — each shipped query with realistic parameters (picked from the store:
   Thailand and its most frequent partner, that pair's busiest agreement, the most active
   person) through :func:`diplograph.run_query`, and the same query text through raw
   pyoxigraph; on the ``--rdflib-size`` store also through an rdflib in-memory Dataset of the
   same quads.
4. **Validation** — SHACL runs per release in the workers; its share of the ingest's CPU
   time, from the stage timings every ingest process records (``DIPLOGRAPH_TIMINGS``).
5. **Scaling** — ingest time, store size and median query time for each size.
6. **Long sentences** — reading and extracting one release that is a single 200 KB sentence
   against 200 KB of ordinary text made of the same sentences, English and Thai, timed
   alternately in this process (:mod:`diplograph.bench.longsentence`); their ratio.

Figures are printed (Markdown tables on standard output, progress on standard error),
never asserted: timings depend on the machine and on what else runs on it, so the load
average is printed too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import longsentence, synth

DEFAULT_SIZES = (1_000, 10_000, 100_000)
SMOKE_SIZE = 1_000  # the issue: "CI runs a 1 000-release smoke version"
_CLI = "import sys; from diplograph.cli import main; sys.argv[0] = 'diplograph'; main()"

# Each shipped query and its parameters; {c2}, {person}, {agreement}, {event} are picked from the store.
QUERY_PARAMS: dict[str, dict[str, str]] = {
    "agreement-history": {"agreement": "{agreement}"},
    "events-by-type-and-year": {},
    "events-per-year": {"country1": "TH", "country2": "{c2}"},
    "evidence": {"fact": "{event}"},
    "meetings-between": {"country1": "TH", "country2": "{c2}", "from": "2015-01-01", "to": "2020-12-31"},
    "mous-by-status": {"country": "TH"},
    "mous-never-signed": {"country": "{c2}"},
    "partners": {"country": "TH"},
    "people-by-position": {"position": "รัฐมนตรี", "country": "{c2}"},
    "person-meetings": {"person": "{person}"},
    "releases": {"since": "2023-01-01"},
    "top-country-pairs": {"from": "2018-01-01", "to": "2022-12-31"},
    "topics-per-pair": {"country1": "TH", "country2": "{c2}"},
    "who-met-whom": {"country1": "TH", "country2": "{c2}", "from": "2015-01-01", "to": "2020-12-31"},
}


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --------------------------------------------------------------------------- machine


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) * 1024
    except OSError:
        pass
    from importlib.metadata import version

    return {
        "date": dt.date.today().isoformat(),
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": model,
        "memory_gib": round(memory / 2**30, 1),
        "python": platform.python_version(),
        "versions": {p: version(p) for p in ("diplograph", "pyoxigraph", "rdflib", "pythainlp")},
        "load_at_start": os.getloadavg(),
    }


# --------------------------------------------------------------------------- 1. ratio


def ratio_in_process(corpus: Path, repeats: int) -> dict:
    """Stage times over the corpus (seconds, medians of ``repeats`` passes after a warm-up)."""
    from pythainlp.tokenize import word_tokenize

    from ..extraction import extract
    from ..ingest import check
    from ..model import Release
    from ..pipeline import ReleaseOutcome
    from ..rdf import mapping
    from ..inputs import read_inputs

    activity, _ = mapping.activity_iri()

    def one_pass() -> dict[str, float]:
        times = {}
        start = time.perf_counter()
        releases = [r for r in read_inputs([corpus]) if isinstance(r, Release)]
        times["read"] = time.perf_counter() - start
        start = time.perf_counter()
        for r in releases:
            word_tokenize(r.body, engine="newmm")
        times["tokenise"] = time.perf_counter() - start
        start = time.perf_counter()
        facts = [extract(r) for r in releases]
        times["extract"] = time.perf_counter() - start
        start = time.perf_counter()
        graphs = [mapping.map_release(f, activity) for f in facts]
        times["map"] = time.perf_counter() - start
        start = time.perf_counter()
        for f, g in zip(facts, graphs):
            check(ReleaseOutcome(f, g))
        times["validate"] = time.perf_counter() - start
        times["releases"] = len(releases)
        return times

    one_pass()  # warm-up: lazy imports, gazetteers, the tokeniser's dictionary
    passes = [one_pass() for _ in range(repeats)]
    out = {k: median([p[k] for p in passes]) for k in ("read", "tokenise", "extract", "map", "validate")}
    ratios = [(p["read"] + p["extract"] + p["map"] + p["validate"]) / p["tokenise"] for p in passes]
    out["pipeline"] = out["read"] + out["extract"] + out["map"] + out["validate"]
    out["ratio"] = median(ratios)
    out["releases"] = passes[0]["releases"]
    out["repeats"] = repeats
    return out


def _timed_run(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd[:4])}… failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return elapsed


def ratio_processes(corpus: Path, work: Path, repeats: int) -> dict:
    """``diplograph build`` against a tokenise-only process, as fresh processes, interleaved."""
    builds, tokenises = [], []
    out = work / "dev.trig"
    for _ in range(repeats):
        tokenises.append(_timed_run([sys.executable, "-m", "diplograph.bench.tokenise", str(corpus)]))
        builds.append(_timed_run([sys.executable, "-c", _CLI, "build", str(corpus), "-o", str(out), "-q"]))
    startup = median([_timed_run([sys.executable, "-c", _CLI, "--version"]) for _ in range(repeats)])
    return {"build": median(builds), "tokenise": median(tokenises), "ratio": median(builds) / median(tokenises),
            "cli_startup": startup, "repeats": repeats}


# --------------------------------------------------------------------------- 2. ingest


def _tree_rss(root: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode(errors="replace")
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
        except OSError:
            pass
    return total


@dataclass
class IngestRun:
    size: int
    seconds: float = 0.0
    peak_rss: int = 0
    rss_samples: list[tuple[float, int]] = field(default_factory=list)
    store_bytes: int = 0
    quads: int = 0
    stored: int = 0
    processes: list[dict] = field(default_factory=list)  # stage timings of each process
    exit_code: int = 0

    @property
    def rate(self) -> float:
        return self.size / self.seconds if self.seconds else float("nan")

    def stage(self, name: str, role: str | None = None) -> float:
        return sum(p["stages"].get(name, 0.0) for p in self.processes if role in (None, p["role"]))

    @property
    def cpu(self) -> float:
        return sum(p["cpu"] for p in self.processes)


def ingest_run(corpus: Path, store: Path, size: int, jobs: int | None, work: Path) -> IngestRun:
    run = IngestRun(size)
    if store.exists():
        shutil.rmtree(store)
    timings = work / f"timings-{size}.jsonl"
    timings.unlink(missing_ok=True)
    env = {**os.environ, "DIPLOGRAPH_TIMINGS": str(timings)}
    cmd = [sys.executable, "-c", _CLI, "ingest", str(corpus), "--store", str(store), "-q"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    start = time.perf_counter()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr: list[bytes] = []
    reader = threading.Thread(target=lambda: stderr.append(process.stderr.read()), daemon=True)
    reader.start()
    last_log = start
    while process.poll() is None:
        rss = _tree_rss(process.pid)
        elapsed = time.perf_counter() - start
        run.rss_samples.append((round(elapsed, 1), rss))
        run.peak_rss = max(run.peak_rss, rss)
        if elapsed - (last_log - start) > 60:
            last_log = time.perf_counter()
            log(f"  ingest {size}: {elapsed:.0f} s, tree RSS {rss / 2**20:.0f} MiB")
        time.sleep(0.5)
    run.seconds = time.perf_counter() - start
    reader.join()
    run.exit_code = process.returncode
    if process.returncode not in (0, 1):
        raise RuntimeError(f"ingest of {size} releases failed ({process.returncode}): "
                           f"{b''.join(stderr).decode(errors='replace')[-3000:]}")
    run.processes = [json.loads(line) for line in timings.read_text().splitlines() if line.strip()]
    run.store_bytes = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
    from ..store import EmbeddedStore

    with EmbeddedStore.open(store) as opened:
        run.quads = opened.count()
        run.stored = len(opened.release_graphs())
    return run


# --------------------------------------------------------------------------- 3. queries


def pick_parameters(store) -> dict[str, str]:
    """Realistic values: Thailand's most frequent partner, that partner's most reported agreement and
    one of its bilateral meetings, the person in the most events. (Each query reads one pattern
    first and de-duplicates: a node stated in many release graphs comes back once per graph.)"""
    dg, country = "https://w3id.org/diplograph/ontology#", "https://w3id.org/diplograph/id/country/"
    partners = store.query(f"SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e <{dg}involvesCountry> ?c }} "
                           "GROUP BY ?c ORDER BY DESC(?n) ?c LIMIT 2").rows
    codes = [c.value.rsplit("/", 1)[-1] for c, _ in partners]
    c2 = next((c for c in codes if c != "TH"), "SG")
    person = store.query(f"SELECT ?p (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e <{dg}participant> ?p }} "
                         "GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1").rows
    agreement = store.query(f"SELECT ?a (COUNT(DISTINCT ?c) AS ?n) WHERE {{ {{ SELECT DISTINCT ?a WHERE {{ "
                            f"?a <{dg}party> <{country}{c2}> }} }} ?a <{dg}statusHistory> ?c }} "
                            "GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 1").rows
    event = store.query(f"SELECT ?e WHERE {{ {{ SELECT DISTINCT ?e WHERE {{ ?e <{dg}involvesCountry> "
                        f"<{country}{c2}> }} }} ?e a <{dg}BilateralMeeting> }} ORDER BY ?e LIMIT 1").rows
    none = "https://w3id.org/diplograph/id/none"
    return {"c2": c2, "person": person[0][0].value if person else none,
            "agreement": agreement[0][0].value if agreement else none,
            "event": event[0][0].value if event else none}


def _params(name: str, picked: dict[str, str]) -> dict[str, str]:
    return {k: v.format(**picked) for k, v in QUERY_PARAMS.get(name, {}).items()}


def query_latencies(store_path: Path, repeats: int, rdflib_too: bool, limit: float) -> dict:
    """Each shipped query in a process of its own (:mod:`diplograph.bench.query`), ended after
    ``limit`` seconds: Oxigraph cannot be interrupted from Python."""
    from ..queries import bind, load, shipped
    from ..sparql import inject_values
    from ..store import EmbeddedStore

    out: dict = {"queries": {}, "rdflib": None, "limit_s": limit}
    with EmbeddedStore.open(store_path) as store:
        picked = pick_parameters(store)
        texts = {}
        for name in sorted(shipped()):
            query = load(name)
            texts[name] = inject_values(query.text, bind(query, _params(name, picked), store))
    out["parameters"] = picked
    for name in sorted(texts):
        params = _params(name, picked)
        log(f"  {name}")
        try:
            done = subprocess.run([sys.executable, "-m", "diplograph.bench.query", str(store_path), name,
                                   json.dumps(params, ensure_ascii=False), str(repeats)],
                                  capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            out["queries"][name] = {"timeout": True, "params": params}
            continue
        if done.returncode != 0:
            out["queries"][name] = {"error": done.stderr.strip().splitlines()[-1][:200] if done.stderr else "failed",
                                    "params": params}
            continue
        out["queries"][name] = {**json.loads(done.stdout), "params": params}
    if rdflib_too:
        with EmbeddedStore.open(store_path) as store:
            out["rdflib"] = rdflib_latencies(store, texts, limit)
    return out


class _Timeout(Exception):
    pass


def rdflib_latencies(store, texts: dict[str, str], limit: float) -> dict:
    """The same queries on an rdflib in-memory Dataset (the union of its graphs as default graph),
    each ended after ``limit`` seconds (rdflib is Python: an alarm interrupts it)."""
    import signal

    import pyoxigraph as ox
    from rdflib import Dataset
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    from ..rdf.terms import to_rdflib

    before = _tree_rss(os.getpid())
    start = time.perf_counter()
    ds = Dataset(default_union=True)
    for q in store.ox:
        graph = DATASET_DEFAULT_GRAPH_ID if isinstance(q.graph_name, ox.DefaultGraph) else to_rdflib(q.graph_name)
        ds.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), graph))
    load = time.perf_counter() - start
    grown = _tree_rss(os.getpid()) - before
    out = {"load_s": load, "rss_growth": grown, "quads": store.count(), "queries": {}}

    def alarm(signum, frame):
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        for name, text in texts.items():
            log(f"  rdflib: {name}")
            times: list[float] = []
            rows = None
            try:
                while len(times) < 3 and sum(times) < limit / 3:
                    signal.setitimer(signal.ITIMER_REAL, limit)
                    t = time.perf_counter()
                    try:
                        rows = len(list(ds.query(text)))
                    finally:
                        signal.setitimer(signal.ITIMER_REAL, 0)
                    times.append(time.perf_counter() - t)
            except _Timeout:
                out["queries"][name] = {"timeout": True}
                continue
            except Exception as exc:  # noqa: BLE001 — rdflib cannot run every query; say so
                out["queries"][name] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
                continue
            out["queries"][name] = {"ms": median(times) * 1000, "rows": rows, "runs": len(times)}
    finally:
        signal.signal(signal.SIGALRM, previous)
    del ds
    return out


# --------------------------------------------------------------------------- report


def _mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def report_ratio(r_in: dict, r_proc: dict) -> str:
    n = r_in["releases"]
    per = lambda s: f"{s * 1000:.0f} ms ({s * 1000 / n:.2f} ms/release)"  # noqa: E731
    rows = [[stage, per(r_in[stage]), f"{r_in[stage] / r_in['tokenise']:.2f}"]
            for stage in ("tokenise", "read", "extract", "map", "validate", "pipeline")]
    rows.append(["**ratio** (read+extract+map+validate) / tokenise", "", f"**{r_in['ratio']:.2f}**"])
    text = (f"### 1. Extraction cost ratio (dev corpus, {n} releases; medians of {r_in['repeats']} passes)\n\n"
            + _table(["stage", "time", "× tokenise"], rows))
    text += ("\n\n" + _table(["process (start-up included)", "median wall time"], [
        ["`diplograph build DEV -o dev.trig`", f"{r_proc['build']:.2f} s"],
        ["tokenise-only process (`python -m diplograph.bench.tokenise DEV`)", f"{r_proc['tokenise']:.2f} s"],
        ["`diplograph --version` (start-up alone)", f"{r_proc['cli_startup']:.2f} s"],
        ["**ratio** build / tokenise", f"**{r_proc['ratio']:.2f}**"]]))
    return text


def report_ingest(runs: list[IngestRun], jobs: int) -> str:
    rows = []
    for run in runs:
        rows.append([f"{run.size:,}", f"{run.seconds:,.0f} s", f"{run.rate:,.0f}", _mib(run.peak_rss),
                     f"{run.cpu:,.0f} s", f"{run.stored:,}"])
    text = (f"### 2. Ingest (`diplograph ingest CORPUS --store STORE`, {jobs} worker processes + the writer)\n\n"
            + _table(["releases", "wall time", "releases/s", "peak RSS (writer + workers)", "CPU time (all processes)",
                      "stored"], rows))
    big = runs[-1]
    if big.rss_samples:
        marks = []
        for fraction in (0.1, 0.25, 0.5, 0.75, 1.0):
            t = big.seconds * fraction
            sample = min(big.rss_samples, key=lambda s: abs(s[0] - t))
            marks.append(f"{int(fraction * 100)} %: {_mib(sample[1])}")
        text += f"\n\nMemory during the {big.size:,}-release ingest (whole process tree): " + ", ".join(marks) + "."
    stages = ["read", "extract+map", "validate", "send", "receive", "plan", "apply"]
    rows = [[s] + [f"{run.stage(s):,.1f} s ({run.stage(s) * 1000 / run.size:.2f} ms/rel)" for run in runs]
            for s in stages]
    text += "\n\nStage times (seconds summed over processes; workers: read, extract+map, validate, send; " \
            "writer: receive, plan, apply):\n\n" + _table(["stage"] + [f"{r.size:,}" for r in runs], rows)
    return text


def _ms(r: dict, key: str = "ms", limit: float | None = None) -> str:
    if r.get("timeout"):
        return f"> {limit:.0f} s (stopped)" if limit else "stopped"
    if "error" in r:
        return "error: " + r["error"]
    value = r[key]
    return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"


def report_queries(results: dict[int, dict], size: int, rdflib_size: int | None) -> str:
    q = results[size]
    limit = q.get("limit_s")
    rows = []
    for name, r in sorted(q["queries"].items()):
        ok = "ms" in r
        rows.append([name, _ms(r, "ms", limit), _ms(r, "raw_ms", limit) if ok else "",
                     f"{r['ms'] / r['raw_ms']:.2f}" if ok and r["raw_ms"] else "", str(r.get("rows", ""))])
    text = (f"### 3. Query latency ({size:,} releases; median ms; parameters {json.dumps(q['parameters'])})\n\n"
            + _table(["query", "diplograph", "raw pyoxigraph", "ratio", "rows"], rows))
    if rdflib_size and results.get(rdflib_size, {}).get("rdflib"):
        small = results[rdflib_size]
        rd = small["rdflib"]
        limit = small.get("limit_s")
        rows = []
        for name, r in sorted(small["queries"].items()):
            other = rd["queries"].get(name, {})
            faster = ""
            if "ms" in r and "ms" in other:
                faster = f"{other['ms'] / r['ms']:,.0f}×" if other["ms"] >= r["ms"] else f"{other['ms'] / r['ms']:.2f}×"
            elif "ms" in r and other.get("timeout"):
                faster = f"> {limit * 1000 / r['ms']:,.0f}×"
            elif r.get("timeout") and "ms" in other:
                faster = f"< {other['ms'] / (limit * 1000):.2f}×"
            rows.append([name, _ms(r, "ms", limit), _ms(other, "ms", limit), faster, str(r.get("rows", "")),
                         str(other.get("rows", ""))])
        text += (f"\n\nAgainst rdflib ({rdflib_size:,} releases, {rd['quads']:,} quads in an rdflib Dataset: loaded in "
                 f"{rd['load_s']:.0f} s, {_mib(rd['rss_growth'])} of memory):\n\n"
                 + _table(["query", "diplograph ms", "rdflib ms", "diplograph faster by", "rows", "rdflib rows"], rows))
    return text


def report_validation(runs: list[IngestRun]) -> str:
    rows = []
    for run in runs:
        v = run.stage("validate")
        rows.append([f"{run.size:,}", f"{v:,.1f} s", f"{v * 1e6 / run.size:,.0f} µs",
                     f"{100 * v / run.cpu:.1f} %" if run.cpu else "n/a"])
    return ("### 4. Validation (SHACL per release, in the workers)\n\n"
            + _table(["releases", "validation time", "per release", "share of the ingest's CPU time"], rows))


def report_scaling(runs: list[IngestRun], queries: dict[int, dict]) -> str:
    rows = []
    for run in runs:
        result = queries.get(run.size, {})
        q = result.get("queries", {})
        limit = result.get("limit_s") or float("inf")
        # a stopped query counts as the time limit: the median is then a lower bound
        times = [r["ms"] if "ms" in r else limit * 1000 for r in q.values() if "error" not in r]
        med = median(times)
        stopped = sum(1 for r in q.values() if r.get("timeout"))
        rows.append([f"{run.size:,}", f"{run.seconds:,.0f} s", f"{run.seconds * 1000 / run.size:.1f} ms",
                     _mib(run.store_bytes), f"{run.quads:,}", ("≥ " if stopped else "") + f"{med:,.1f} ms",
                     f"{stopped} of {len(q)}", _mib(run.peak_rss)])
    return ("### 5. Scaling\n\n"
            + _table(["releases", "ingest", "per release", "store on disk", "quads", "median query",
                      "queries stopped at the time limit", "peak RSS"], rows))


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m diplograph.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help=f"a quick run for CI: {SMOKE_SIZE} releases, few repeats")
    parser.add_argument("--sizes", default=None, help="corpus sizes, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--rdflib-size", type=int, default=None,
                        help="the size at which rdflib is compared (default 10000; with --smoke the smoke size)")
    parser.add_argument("--work", type=Path, default=None, help="folder for corpora and stores (default: temporary)")
    parser.add_argument("--keep", action="store_true", help="keep generated corpora and stores")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for ingest (default: one per core)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=None, help="repeats for medians (default 7; smoke 2)")
    parser.add_argument("--corpus", type=Path, default=synth.DEV_CORPUS, help="the annotated dev corpus")
    parser.add_argument("--skip-ratio", action="store_true")
    parser.add_argument("--long-bytes", type=int, default=longsentence.DEFAULT_BYTES,
                        help="size of the one-sentence release of section 6, in UTF-8 bytes (default 200000)")
    parser.add_argument("--query-limit", type=float, default=None,
                        help="seconds after which a query is stopped and reported as such (default 120; smoke 10)")
    parser.add_argument("--json", type=Path, default=None, help="also write every figure to this JSON file")
    args = parser.parse_args(argv)

    sizes = [SMOKE_SIZE] if args.smoke else [int(s) for s in (args.sizes or ",".join(map(str, DEFAULT_SIZES))).split(",")]
    sizes.sort()
    rdflib_size = args.rdflib_size or (sizes[0] if args.smoke else 10_000)
    repeats = args.repeats or (2 if args.smoke else 7)
    query_limit = args.query_limit or (10.0 if args.smoke else 120.0)
    from ..ingest import default_jobs

    jobs = args.jobs or default_jobs()
    work = args.work or Path(tempfile.mkdtemp(prefix="diplograph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": machine(), "sizes": sizes, "jobs": jobs, "seed": args.seed,
                     "command": " ".join(["python -m diplograph.bench", *(argv if argv is not None else sys.argv[1:])])}
    m = results["machine"]
    print(f"## diplograph benchmark — {m['date']}\n\n{m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB memory, "
          f"Python {m['python']}, " + ", ".join(f"{k} {v}" for k, v in m["versions"].items())
          + f"; load average at start {m['load_at_start'][0]:.2f}\n", flush=True)
    try:
        if not args.skip_ratio:
            log("1. extraction cost ratio: in-process passes over the dev corpus")
            r_in = ratio_in_process(args.corpus, repeats)
            log("1. extraction cost ratio: build and tokenise processes")
            r_proc = ratio_processes(args.corpus, work, max(2, min(repeats, 5)))
            results["ratio"] = {"in_process": r_in, "processes": r_proc}
            print(report_ratio(r_in, r_proc) + "\n", flush=True)

        runs: list[IngestRun] = []
        queries: dict[int, dict] = {}
        for size in sizes:
            corpus = work / f"corpus-{args.seed}-{size}"
            if not (corpus / ".complete").exists():
                log(f"generating {size:,} synthetic releases (seed {args.seed})")
                if corpus.exists():
                    shutil.rmtree(corpus)
                start = time.perf_counter()
                synth.write_files(corpus, size, args.seed, corpus=args.corpus)
                (corpus / ".complete").write_text("")
                log(f"  generated in {time.perf_counter() - start:.0f} s")
            log(f"2. ingesting {size:,} releases with {jobs} workers")
            run = ingest_run(corpus, work / f"store-{size}", size, jobs, work)
            runs.append(run)
            log(f"  {run.seconds:.0f} s, {run.rate:.1f} releases/s, peak RSS {_mib(run.peak_rss)}")
            log(f"3. queries on {size:,} releases" + (" (and rdflib)" if size == rdflib_size else ""))
            queries[size] = query_latencies(work / f"store-{size}", max(3, repeats if size < 100_000 else 5),
                                            rdflib_too=size == rdflib_size, limit=query_limit)
            if not args.keep:
                shutil.rmtree(work / f"store-{size}", ignore_errors=True)
        results["ingest"] = [{k: v for k, v in vars(r).items()} for r in runs]
        results["queries"] = {str(k): v for k, v in queries.items()}
        print(report_ingest(runs, jobs) + "\n", flush=True)
        print(report_queries(queries, sizes[-1], rdflib_size if rdflib_size in queries else None) + "\n", flush=True)
        print(report_validation(runs) + "\n", flush=True)
        print(report_scaling(runs, queries) + "\n", flush=True)
        log(f"6. long sentences: one {args.long_bytes:,}-byte sentence against ordinary text")
        results["long_sentences"] = longsentence.measure(args.long_bytes, max(3, repeats))
        print(longsentence.report(results["long_sentences"]) + "\n", flush=True)
        load = os.getloadavg()
        results["load_at_end"] = load
        print(f"Load average at the end: {load[0]:.2f} (1 min), {load[1]:.2f} (5 min), {load[2]:.2f} (15 min).")
    finally:
        if args.json:
            args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str))
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
        elif not args.keep:
            for size in sizes:
                shutil.rmtree(work / f"corpus-{args.seed}-{size}", ignore_errors=True)
                shutil.rmtree(work / f"store-{size}", ignore_errors=True)
    return 0


__all__ = ["main", "QUERY_PARAMS", "ratio_in_process", "ratio_processes", "ingest_run", "query_latencies"]
