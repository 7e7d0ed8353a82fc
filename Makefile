# communique: the front door. `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= seeds
OUT ?= reports
ENGINE ?= local
# Extra notebook parameters, e.g. PARAMS='-p freq quarter -p group_by outlet_country'
PARAMS ?=
STAMP := $(VENV)/.installed
LOCK := requirements.lock

.PHONY: help install lock reports test validate lab bench lint clean

help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "} {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned packages of requirements.lock and the project

lock: ## Re-pin requirements.lock from pyproject.toml (uv) and regenerate environment.yml
	$(PYTHON) -m venv $(VENV)-lock
	$(VENV)-lock/bin/pip install --quiet uv
	$(VENV)-lock/bin/uv pip compile pyproject.toml --extra test --universal --python-version 3.10 \
		--quiet --custom-compile-command "make lock" -o $(LOCK)
	rm -rf $(VENV)-lock
	PYTHONPATH=src $(PYTHON) -m helpers.build.lockfile

reports: $(STAMP) ## Analyse CORPUS (default seeds/) and write HTML reports to OUT (default reports/)
	$(BIN)/communique build --corpus "$(CORPUS)" --out "$(OUT)" --engine $(ENGINE) $(PARAMS)

test: $(STAMP) ## Run the test suite (unit, notebooks, browser checks)
	$(BIN)/pytest -n 2 --dist loadgroup --durations=15

validate: $(STAMP) ## Measure the analysis against the gold sets written by hand in tests/ (field corpus, attribution)
	$(BIN)/python -m helpers.validation

lab: $(STAMP) ## Open JupyterLab with the project's kernel and notebooks
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (communique)"
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) --notebook-dir=. notebooks/

bench: $(STAMP) ## Benchmark analysis and report builds on 1,000 and 10,000 synthetic articles
	$(BIN)/python -m benchmarks.run --sizes 1000 10000

lint: $(STAMP) ## Lint the code with ruff
	$(BIN)/ruff check src tests benchmarks

clean: ## Remove built reports and the analysis cache
	rm -rf $(OUT)/*.html $(OUT)/*.ipynb $(OUT)/figures $(OUT)/tables $(OUT)/build.json .cache
