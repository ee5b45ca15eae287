# The two commands of the README. Each sets up what it needs (see scripts/bootstrap.sh).
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint setup sample package package-test bench

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

## The desktop app as one folder, dist/RFM (build.spec, PyInstaller); prints its size and time.
package:
	@bash scripts/bootstrap.sh package
	@start=$$(date +%s); \
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec && \
	echo "package: dist/RFM is $$(du -sh dist/RFM | cut -f1), built in $$(( $$(date +%s) - start )) s"

## Build, then run the frozen app's self-test offscreen (import GBK CSV and XLSX, export, screenshot).
package-test: package
	QT_QPA_PLATFORM=offscreen dist/RFM/RFM --selftest build/selftest.png

## Speed and peak memory against the targets of docs/performance.md (a table, and JSON under
## benchmarks/results/). BENCH_ARGS=--quick: 1M rows only; --big adds 50M out of core; --spark adds Spark.
bench:
	@bash scripts/bootstrap.sh dev
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)
