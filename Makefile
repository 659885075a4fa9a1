# sache: the two commands are `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_ORGS ?= 200
DEMO_SEED ?= 2026
PYTEST_ARGS ?=

export DJANGO_SETTINGS_MODULE ?= sache.config.settings.dev

.PHONY: help install demo demo-data serve test lint messages bench clean e2e-deps audit

help:
	@echo "make demo   - install, migrate, load the demo hub and serve on http://$(HOST):$(PORT)"
	@echo "make test   - lint and run the whole test suite (set DATABASE_URL for PostgreSQL)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo-data: install
	$(BIN)/sache compile_translations
	$(BIN)/sache migrate --noinput
	$(BIN)/sache seed-demo --orgs $(DEMO_ORGS) --seed $(DEMO_SEED) --with-accounts
	$(BIN)/sache reindex

demo: demo-data
	$(BIN)/sache runserver $(HOST):$(PORT)

test: install
	$(BIN)/ruff check src tests bench
	DJANGO_SETTINGS_MODULE=sache.config.settings.test $(BIN)/sache compile_translations
	DJANGO_SETTINGS_MODULE=sache.config.settings.test $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src tests bench

# Extracting strings needs GNU gettext (xgettext); translators edit the .po files.
# Each app keeps its own catalogue, so strings are extracted app by app.
messages: install
	for locale in src/sache/*/locale; do \
		(cd $$(dirname $$locale) && $(CURDIR)/$(BIN)/sache makemessages --locale pl --locale en --no-obsolete) || exit 1; \
	done

# Browser tests (tests/e2e): Debian's Chromium and axe-core; CI runs this before `make test`.
AXE_JS := node_modules/axe-core/axe.min.js
$(AXE_JS):
	npm install --no-save --no-audit --no-fund axe-core@4

e2e-deps: $(AXE_JS)
	@test -x /usr/bin/chromium || { command -v apt-get >/dev/null && (apt-get update -qq && apt-get install -y -qq chromium); }

# Known vulnerabilities in the installed dependencies; needs the vulnerability service to be reachable.
AUDIT_SERVICE ?= osv
audit: install
	$(BIN)/pip-audit --strict --skip-editable --vulnerability-service $(AUDIT_SERVICE)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
