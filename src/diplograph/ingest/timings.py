"""Stage timings for the benchmark (``python -m diplograph.bench``), off unless asked for.

With ``DIPLOGRAPH_TIMINGS=FILE`` each ingest process (the writer and every worker) adds up
the seconds it spends in each stage and appends them, with its CPU time and peak memory, to
FILE as one JSON line when it exits. Without it :func:`clock` and :func:`spent` cost a test
of one global: they run for every release.
"""

from __future__ import annotations

import os
import time

_timings: dict[str, float] | None = None


def clock() -> float:
    """A start time to give :func:`spent` (0.0 when timings are off)."""
    return time.perf_counter() if _timings is not None else 0.0


def spent(stage: str, since: float) -> None:
    """Add the time since ``since`` (from :func:`clock`) to ``stage``."""
    if _timings is not None:
        _timings[stage] = _timings.get(stage, 0.0) + time.perf_counter() - since


def start(role: str) -> None:
    """Start adding up stage times in this process (``role``: writer or worker), when
    DIPLOGRAPH_TIMINGS names a file; once per process."""
    global _timings
    target = os.environ.get("DIPLOGRAPH_TIMINGS")
    if not target or _timings is not None:
        return
    _timings = {}

    def write() -> None:
        import json
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        line = json.dumps({"role": role, "pid": os.getpid(), "cpu": usage.ru_utime + usage.ru_stime,
                           "max_rss_kb": usage.ru_maxrss, "stages": _timings})
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    import atexit

    atexit.register(write)
