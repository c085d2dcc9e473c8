# Warta: `make run` serves the demo site, `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
WARTA := $(VENV)/bin/warta
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3.13 $$HOME/.pyenv/versions/3.12*/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12 python3; do \
	if $$p -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then echo $$p; break; fi; done)

.PHONY: install run test lint format clean

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -n "$(PYTHON)" || { echo "Python 3.12 atau lebih baru tidak ditemukan / Python 3.12+ not found"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

run: install
	$(WARTA) setup
	$(WARTA) serve

test: install
	$(VENV)/bin/ruff check src tests bench conftest.py
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest

lint: install
	$(VENV)/bin/ruff check src tests bench conftest.py
	$(VENV)/bin/ruff format --check src tests bench conftest.py

format: install
	$(VENV)/bin/ruff format src tests bench conftest.py
	$(VENV)/bin/ruff check --fix src tests bench conftest.py

clean:
	rm -rf $(VENV) var
