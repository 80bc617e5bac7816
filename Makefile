# detente — two commands: `make run` (set up + demo) and `make test` (set up + tests).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= demo.duckdb

.PHONY: run test eval bench bench-relations setup clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

run: setup
	rm -f $(DB) $(DB).lock $(DB).wal
	$(BIN)/detente --db $(DB) ingest demo/corpus || test $$? -eq 1
	$(BIN)/detente --db $(DB) summary --example

test: setup
	$(BIN)/python -m pytest

ARTICLES := --articles ../shared/corpora/wikinews-politics-2004-2006.jsonl --articles ../shared/examples/2006-11-02-us-iraq-relations-breaking-point.md

eval: setup
	$(BIN)/detente eval tests/gold/own_gold.jsonl --where split=heldout $(ARTICLES)
	$(BIN)/detente eval tests/gold/own_gold.jsonl --where split=sample-heldout $(ARTICLES)
	$(BIN)/detente eval tests/gold/own_gold.jsonl --where split=dev $(ARTICLES)
	$(BIN)/detente eval tests/gold/own_gold.jsonl --where split=sample $(ARTICLES)
	$(BIN)/detente eval ../shared/gold/petr2_gsr.jsonl --conventions phoenix
	$(BIN)/detente eval ../shared/gold/petr2_gsr.jsonl --where nature=news --conventions phoenix
	$(BIN)/detente eval ../shared/gold/plover_gsr.jsonl --conventions phoenix
	$(BIN)/detente eval tests/gold/actor_gold.jsonl $(ARTICLES)
	$(BIN)/detente eval tests/gold/date_gold.jsonl $(ARTICLES)
	$(BIN)/detente eval tests/gold/event_place_gold.jsonl $(ARTICLES)
	rm -f eval.duckdb eval.duckdb.lock eval.duckdb.wal
	$(BIN)/detente --db eval.duckdb ingest ../shared/corpora || test $$? -eq 1
	$(BIN)/detente --db eval.duckdb patterns coverage
	$(BIN)/detente --db eval.duckdb eval tests/gold/crises.yaml

bench: setup
	$(BIN)/python benchmarks/code_throughput.py

bench-relations: setup  # builds a 10M-event synthetic database in /tmp once (about 2.1 GB, a few minutes)
	$(BIN)/python benchmarks/relations.py

clean:
	rm -rf $(VENV) demo.duckdb demo.duckdb.lock eval.duckdb eval.duckdb.lock .pytest_cache
