# atria.cortex developer entry points. The README's two commands:
#   make demo   build + install the collection tarball, run playbooks/demo.yml twice against the simulator
#   make test   sanity, unit + simulator tests, reliability suite, integration, e2e, ansible-lint
# Everything runs from .venv, which `make venv` creates from the pinned requirements/dev.txt.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
PYTHON := $(BIN)/python
# Tools and ansible-test's subprocesses must use the venv, whatever the caller's PATH holds.
export PATH := $(BIN):$(PATH)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# pytest imports ansible_collections.atria.cortex through this link (tests/unit/conftest.py makes the same one).
COLLECTIONS_LINK := .build/collections/ansible_collections/atria/cortex
PYTEST_DIRS = $(wildcard tests/unit tests/simulator/tests)

# Prints how long a stage took, so slow stages show in CI logs.
TIMED = scripts/timed

.PHONY: help venv demo test test-tools sanity units reliability integration e2e molecule bench lint style format build changelog-lint clean \
	matrix galaxy-importer docs-lint docs docs-test

help:
	@echo "make demo         build and install the collection, run playbooks/demo.yml twice against the simulator"
	@echo "make test         sanity + units + reliability + integration + e2e + lint (what CI runs)"
	@echo "make venv         create $(VENV) from requirements/dev.txt (only when the pins changed)"
	@echo "make sanity       ansible-test sanity on a staged copy of the collection"
	@echo "make units        pytest: tests/unit and tests/simulator/tests"
	@echo "make reliability  pytest tests/reliability: fault matrix, 8 forks, properties, hostile XML, secret leaks"
	@echo "make integration  ansible-test integration against a simulator started for the run"
	@echo "make e2e          pytest tests/e2e: whole playbooks against the simulator (acceptance scenarios)"
	@echo "make molecule     molecule test of roles/tenant (extensions/molecule/default) against a simulator"
	@echo "make bench        benchmarks/bench.py: requests, time (and peak memory of the inventory) against the simulator"
	@echo "make lint         ansible-lint, production profile, offline"
	@echo "make style        ruff: lint the repository, check the formatting of the FORMATTED paths (ruff.toml)"
	@echo "make format       ruff: fix what the linter can and format the FORMATTED paths"
	@echo "make build        the collection tarball in .build/dist"
	@echo "make changelog-lint  check changelogs/fragments (sanity runs it too)"
	@echo "make matrix       every ansible-core 2.16-2.21 in its own venv: sanity (oldest, newest), units, smoke; a table"
	@echo "make galaxy-importer  Galaxy's import check on the built tarball (offline, no containers): no error, no warning"
	@echo "make docs-lint    antsibull-docs lint-collection-docs --plugin-docs"
	@echo "make docs         the documentation site (antsibull-docs + Sphinx) in .build/docs/html"
	@echo "make docs-test    make docs, then open a module page in headless Chromium (options table, examples)"
	@echo "make clean        remove .build and test output (keeps $(VENV))"

venv:
	@$(TIMED) venv scripts/bootstrap-venv

demo: venv
	@$(TIMED) demo scripts/demo

# Stages run one after another. --keep-going: a failing stage does not hide the others' results,
# and make still exits non-zero when any of them failed.
test: venv
	@$(TIMED) test $(MAKE) --no-print-directory --keep-going style sanity units reliability integration e2e molecule lint \
		matrix galaxy-importer docs-lint docs-test

sanity: venv
	@$(TIMED) sanity scripts/run-sanity

units: venv $(COLLECTIONS_LINK) test-tools
	@if [[ -z "$(PYTEST_DIRS)" ]]; then echo "units: no test folders (tests/unit, tests/simulator/tests)" >&2; exit 1; fi
	@$(TIMED) units $(PYTHON) -m pytest $(PYTEST_DIRS)

# Faults, concurrency, property-based convergence, hostile XML, secret leaks, the check-mode marker.
reliability: venv $(COLLECTIONS_LINK)
	@$(TIMED) reliability $(PYTHON) -m pytest tests/reliability

integration: venv
	@$(TIMED) integration scripts/run-integration

# Whole playbooks through ansible-playbook against a simulator: acceptance scenarios, faults, -vvv leaks.
e2e: venv $(COLLECTIONS_LINK) test-tools
	@$(TIMED) e2e $(PYTHON) -m pytest tests/e2e

# roles/tenant: converge, idempotence, verify (_info modules), cleanup (offboard), against a simulator the scenario
# starts and stops. Offline: no Galaxy, no ansible-compat prerun.
molecule: venv $(COLLECTIONS_LINK)
	@$(TIMED) molecule scripts/run-molecule test

# Not part of `make test`: minutes long. BENCH_ARGS go to bench.py, e.g. BENCH_ARGS="--runs 1 --users 100".
bench: venv $(COLLECTIONS_LINK)
	@$(TIMED) bench $(PYTHON) benchmarks/bench.py $(BENCH_ARGS)

# Ruff lints every Python file (rules in ruff.toml); the formatter checks only FORMATTED, the paths already
# formatted: add a folder here (after `make format`) when nobody has open edits in it.
FORMATTED = plugins/doc_fragments plugins/module_utils/api/status.py scripts/import_graph.py scripts/plugin_fragment.py \
	tests/unit/plugins/modules tests/unit/plugins/doc_fragments tests/unit/plugins/module_utils/api/test_status.py \
	tests/unit/test_architecture_doc.py tests/unit/plugins/module_utils/engine/test_fields.py tests/unit/plugins/module_utils/engine/test_resource.py \
	tests/unit/plugins/module_utils/api/test_error_codes.py

style: venv
	@$(TIMED) style sh -c '$(BIN)/ruff check . && $(BIN)/ruff format --check $(FORMATTED)'

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format $(FORMATTED)

# Offline, ansible-lint does not install the collection it lints: point it at the same link pytest uses.
lint: venv $(COLLECTIONS_LINK)
	@ANSIBLE_COLLECTIONS_PATH=$(CURDIR)/.build/collections \
		$(TIMED) lint $(BIN)/ansible-lint --offline --profile production

build: venv
	$(BIN)/ansible-galaxy collection build --force --output-path .build/dist

changelog-lint: venv
	$(BIN)/antsibull-changelog lint

# ansible-core 2.16 ... 2.21, each in .build/matrix/<core> from requirements/matrix/ (2.19: $(VENV)). MATRIX_VERSIONS=2.16,2.21
# and MATRIX_STAGES=units,smoke pick a part. Prints the table version x stage x result x time.
matrix: venv
	@$(TIMED) matrix $(PYTHON) scripts/matrix.py

galaxy-importer: venv
	@$(TIMED) galaxy-importer scripts/run-galaxy-importer

docs-lint: venv
	@$(TIMED) docs-lint scripts/build-docs lint

docs: venv
	@$(TIMED) docs scripts/build-docs site

docs-test: docs test-tools
	@$(TIMED) docs-test $(PYTHON) -m pytest -p no:cacheprovider tests/docs

# openssl and a headless Chromium, installed with apt-get only when missing: the suites that need them never skip.
test-tools:
	@scripts/ensure-test-tools

$(COLLECTIONS_LINK):
	@mkdir -p $(dir $@)
	@ln -sfn $(CURDIR) $@

clean:
	rm -rf .build tests/output .pytest_cache .hypothesis .ansible
