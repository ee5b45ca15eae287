# The two commands of the README. Each sets up what it needs (see scripts/bootstrap.sh).
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint setup sample

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
