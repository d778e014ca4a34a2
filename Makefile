# Two commands for a newcomer: `make serve` and `make test`. Each sets up .venv/ if needed.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
VIGYAPTI := $(VENV)/bin/vigyapti
INSTALLED := $(VENV)/.installed
PORT ?= 8000

.PHONY: install model serve test bench clean-index browser

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

# The widget tests drive Debian's Chromium (never `playwright install`: it downloads a browser build);
# fonts-noto-core renders Devanagari in the screenshots.
browser:
	@(command -v chromium >/dev/null && fc-list 2>/dev/null | grep -qi devanagari) || (apt-get update -qq && apt-get install -y -qq chromium fonts-noto-core)

# The suite runs on the encoder `auto` picks for this CPU; the search and API tests run again on the
# torch float32 reference and on onnx-int8 (what `auto` picks on Intel without AMX), so every path
# answers the same questions whatever CPU runs them; and `auto` is checked with AMX refused
# (bench/no_amx.py) (docs/encoders.md).
test: model browser
	$(PY) -m pytest
	VIGYAPTI_ENCODER=torch VIGYAPTI_BF16=false $(PY) -m pytest -q tests/index/search/test_searcher.py tests/index/test_translations.py tests/bot/test_api.py
	VIGYAPTI_ENCODER=onnx-int8 $(PY) -m pytest -q tests/index/search/test_searcher.py tests/bot/test_api.py
	$(PY) bench/no_amx.py $(PY) -m pytest -q tests/index/test_encoders.py::test_the_service_runs_the_auto_choice

clean-index:
	rm -rf var/index
