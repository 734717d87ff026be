# Two commands on a fresh machine (python3 and make only):
#   make run    set up .venv, ingest the folders named in config.yaml, open the app
#   make test   set up .venv with the test extras, lint, run the tests
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
N      ?= 2000

.PHONY: run test lint bench eval fuzz clean

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

# Generated HTML, Word and PDF files through the readers and the parser for about
# FUZZ_SECONDS (not part of make test); a failure is shrunk, printed and kept in .hypothesis/.
FUZZ_SECONDS ?= 60
fuzz: $(VENV)/.installed-test
	FUZZ_SECONDS=$(FUZZ_SECONDS) $(PY) -m pytest fuzz -q -p no:cacheprovider

clean:
	rm -rf $(VENV) .pytest_cache
