# eventmill: two commands set everything up on a fresh machine.
#   make demo   creates .venv, installs eventmill and its model, codes the bundled articles
#   make test   creates .venv, installs eventmill with its test tools, runs lint and tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test install install-test lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

demo: install
	$(BIN)/eventmill demo --db eventmill-demo.db

lint: install-test
	$(BIN)/ruff check src tests bench

test: install-test lint
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) eventmill-demo.db build *.egg-info src/*.egg-info
