# Two commands on a fresh machine (python3 and make only):
#   make run    set up .venv, ingest the folders named in config.yaml, open the app
#   make test   set up .venv with the test extras, lint, run the tests
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
N      ?= 2000

.PHONY: run test lint bench eval clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Bytecode compiled once at install, so every command starts without compiling its modules
# (even where PYTHONDONTWRITEBYTECODE is set).
$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	$(PY) -m compileall -q scrutiny_tui
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m compileall -q scrutiny_tui
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(VENV)/bin/scrutiny ingest
	$(VENV)/bin/scrutiny

lint: $(VENV)/.installed-test
	$(PY) -m ruff check scrutiny_tui tests
	$(VENV)/bin/lint-imports
	$(PY) -m mypy

test: lint
	$(PY) -m pytest -q

bench: $(VENV)/.installed-test
	$(PY) benchmarks/run.py --n $(N)

eval: $(VENV)/.installed-test
	$(PY) scripts/evaluate_parser.py

clean:
	rm -rf $(VENV) .pytest_cache
