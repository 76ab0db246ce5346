# Utväg: `make demo` runs the synthetic demo municipality, `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.lock requirements-dev.lock | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test browser-deps lint bench bench-load bench-exports bench-public messages

$(STAMP): requirements.lock requirements-dev.lock
	@bash scripts/make-venv.sh $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r requirements.lock -r requirements-dev.lock
	@rm -f $(VENV)/.installed-*; touch $(STAMP)

demo: $(STAMP)
	@bash scripts/ensure-pdf-libs.sh
	$(PY) manage.py migrate --noinput -v0
	UTVAG_DEMO=true $(PY) manage.py seed --scale demo --if-empty
	@bash scripts/run-demo.sh $(HOST) $(PORT)

browser-deps:
	@bash scripts/ensure-chromium.sh

test: $(STAMP) browser-deps
	@bash scripts/ensure-pdf-libs.sh
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports --no-cache

# With BENCH_NATIONAL_URL set (a national seed), national is then timed against city, interleaved.
bench: $(STAMP)
	$(PY) -m benchmarks.fresh $(BENCH_ARGS)
	$(if $(BENCH_NATIONAL_URL),$(PY) -m benchmarks.fresh --module benchmarks.scales)

# The hot pages under load: gunicorn in production settings, wrk at 1, 4 and 16 clients (docs/benchmarks.md).
bench-load: $(STAMP)
	@bash scripts/ensure-wrk.sh
	$(PY) -m benchmarks.fresh --module benchmarks.load

# A 5,000- and a 50,000-row export made by the real task worker, on a fresh copy (docs/benchmarks.md).
bench-exports: $(STAMP)
	$(PY) -m benchmarks.fresh --module benchmarks.exports

# The public contact page under a flood: gunicorn in production settings, wrk, every accepted request stored.
bench-public: $(STAMP)
	@bash scripts/ensure-wrk.sh
	$(PY) -m benchmarks.fresh --module benchmarks.public_load

# Our English catalogue (Swedish is the source language). The allauth templates we override keep
# allauth's own strings and catalogues, so they are left out.
messages: $(STAMP)
	$(PY) manage.py makemessages -l en --no-obsolete --ignore=.venv --ignore=staticfiles \
		--ignore=web/templates/account --ignore=web/templates/allauth
	$(PY) manage.py compilemessages -l en --ignore=.venv
