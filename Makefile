# Two entry points for a fresh machine (Python 3.10+ with venv, and make):
#   make demo   sets up .venv and cleans a sample page
#   make test   sets up .venv and runs the test suite
# CI (.ci/run) calls `make test` with the optional extras installed too.

PYTHON ?= python3
VENV ?= .venv
EXTRAS ?= dev
BIN := $(VENV)/bin

.PHONY: demo test bench clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

demo: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/cleaner fixtures/seeds/002_af3665352ec5a0d6.txt

test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[$(EXTRAS)]'
	$(BIN)/python -m pytest

bench: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python bench/quality.py

clean-venv:
	rm -rf $(VENV)
