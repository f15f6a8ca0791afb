# Two commands matter: `make run` and `make test`. Both build .venv on demand.
# Prefer Debian's own interpreter: it is what a fresh machine has, and it is
# built with PGO/LTO (a pyenv build here runs the CLI ~30% slower).
PYTHON ?= $(firstword $(wildcard /usr/bin/python3) python3)
VENV := .venv
BIN := $(VENV)/bin
# The stamp names the pyproject hash so a changed pin reinstalls.
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
DEV_STAMP := $(STAMP)-dev

.PHONY: run test lint typecheck bench kb clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3 -m venv failed; installing Debian's python3-venv" >&2; \
	  apt-get install -y -q python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); } || { \
	  echo "Could not create $(VENV): install python3-venv (apt install python3-venv)" >&2; exit 1; }

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	@touch $@

$(DEV_STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP) $@

run: $(STAMP)
	@$(BIN)/knotwork serve

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest -q

bench: $(DEV_STAMP)
	$(BIN)/python bench/cli_latency.py
	$(BIN)/python bench/vignette_scores.py
	$(BIN)/python bench/reader_speed.py
	$(BIN)/python bench/progress_speed.py
	$(BIN)/python bench/page_weight.py
	$(BIN)/python bench/api_load.py

# Validate kb/data (schema and cross-references) after editing it.
kb: $(STAMP)
	$(BIN)/python -m knotwork.kb.build

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
