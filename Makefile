# Quick start: `make run` (build the bundled example, store it and query it), `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test install clean

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
	$(BIN)/diplograph query meetings-between --param country1=TH --param country2=SG --store out/store

test: install
	$(BIN)/python -m pytest

clean:
	rm -rf out build dist .pytest_cache
