"""One query's latency, measured in a process of its own (the benchmark's time limit can end it).

``python -m diplograph.bench.query STORE NAME PARAMS_JSON REPEATS`` prints a JSON object:
the median milliseconds through :func:`diplograph.run_query` (``ms``) and through raw
pyoxigraph on the same query text (``raw_ms``), the number of rows and runs. A query of
more than :data:`SLOW` seconds is run once each way, without a warm-up.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

SLOW = 5.0


def measure(store_path: str, name: str, params: dict[str, str], repeats: int) -> dict:
    from ..queries import bind, load, run_query
    from ..sparql import inject_values
    from ..store import EmbeddedStore, query_options

    with EmbeddedStore.open(store_path) as store:
        query = load(name)
        text = inject_values(query.text, bind(query, params, store))

        def wrapped():
            return run_query(store, name, params)

        def raw():
            return [tuple(solution) for solution in store.ox.query(text, **query_options(store.ox))]

        start = time.perf_counter()
        rows = len(wrapped().rows)
        first = time.perf_counter() - start
        if first > SLOW:
            start = time.perf_counter()
            raw()
            return {"ms": first * 1000, "raw_ms": (time.perf_counter() - start) * 1000, "rows": rows, "runs": 1}
        raw()  # warm-up
        ours, raws = [], []
        for _ in range(repeats):  # interleaved, so load on the machine hits both alike
            start = time.perf_counter()
            wrapped()
            ours.append(time.perf_counter() - start)
            start = time.perf_counter()
            raw()
            raws.append(time.perf_counter() - start)
        return {"ms": statistics.median(ours) * 1000, "raw_ms": statistics.median(raws) * 1000, "rows": rows,
                "runs": repeats}


def main() -> int:
    store_path, name, params, repeats = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), int(sys.argv[4])
    print(json.dumps(measure(store_path, name, params, repeats)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
