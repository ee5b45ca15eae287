# The two commands of the README. Each sets up what it needs (see scripts/bootstrap.sh).
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint setup sample bench

## Main job on the built-in sample: prints the segment summary, writes rfm_output/.
demo:
	@bash scripts/bootstrap.sh base
	$(BIN)/rfm analyze --out rfm_output

## The whole test suite, with lint, format check and the import-layer contract.
test:
	@bash scripts/bootstrap.sh dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

setup:
	@bash scripts/bootstrap.sh dev

## Regenerate resources/sample/sample_orders.csv (seeded, reproducible).
sample:
	@bash scripts/bootstrap.sh base
	$(BIN)/python scripts/make_sample_data.py

## Speed and peak memory against the targets of docs/performance.md (a table, and JSON under
## benchmarks/results/). BENCH_ARGS=--quick skips 10M rows; BENCH_ARGS=--big adds 50M out of core.
bench:
	@bash scripts/bootstrap.sh dev
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)
