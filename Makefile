# Two commands for a newcomer: `make serve` and `make test`. Each sets up .venv/ if needed.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
VIGYAPTI := $(VENV)/bin/vigyapti
INSTALLED := $(VENV)/.installed
PORT ?= 8000

.PHONY: install model serve test bench clean-index

$(INSTALLED): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	# torch first and pinned: an unpinned torch would pull a multi-GB CUDA build.
	$(PY) -m pip install --quiet torch==2.13.0
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

install: $(INSTALLED)

model: install
	$(VIGYAPTI) model prepare

serve: model
	PORT=$(PORT) $(VIGYAPTI) serve

test: model
	$(PY) -m pytest

clean-index:
	rm -rf var/index
