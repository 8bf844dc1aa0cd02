# Quick start: `make run` (build the bundled example, store it and ask who met whom, when, how and on what), `make test` (the whole suite).
# `make bench`: the performance benchmark (README, "Performance"); `make bench-smoke`: its quick CI version.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test install clean bench bench-smoke eval eval-misses

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

run: install
	$(BIN)/diplograph build examples -o out/graph.ttl
	$(BIN)/diplograph validate out/graph.ttl
	$(BIN)/diplograph ingest examples --store out/store
	$(BIN)/diplograph query who-met-whom --param country1=TH --param country2=SG --store out/store
	$(BIN)/diplograph query topics-per-pair --param country1=TH --param country2=SG --store out/store

test: install
	$(BIN)/python -m pytest

# 1 000, 10 000 and 100 000 synthetic releases: about an hour on 2 cores. BENCH_ARGS="--sizes 1000,10000" for less.
bench: install
	$(BIN)/python -m diplograph.bench $(BENCH_ARGS)

# The real-release set (eval/real/README.md): build and score it, per kind, part, language and site.
eval: install
	$(BIN)/python eval/score_real.py

# The same, listing every miss and false positive of the development part (never of the held-out part).
eval-misses: install
	$(BIN)/python eval/score_real.py --misses

bench-smoke: install
	$(BIN)/python -m diplograph.bench --smoke

clean:
	rm -rf out build dist .pytest_cache
