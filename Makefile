# Signalenportaal — `make run` to try it, `make test` to check it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint messages makemessages vendor-static clean

run: $(VENV)/.installed .env messages ## Serve the portal with demo data on http://127.0.0.1:$(PORT)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed-test .env messages ## The whole test suite (DATABASE_URL / REDIS_URL select PostgreSQL / Redis)
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The tests also drive a real browser (tests/e2e/), with selenium from requirements-test.txt.
$(VENV)/.installed-test: $(VENV)/.installed requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# A development .env: DEBUG on and a random secret, made once.
.env:
	printf 'DEBUG=true\nSECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@

messages: $(VENV)/.installed ## Compile the Dutch and English message catalogues
	$(PY) manage.py compilemessages --ignore=.venv -v 0

makemessages: $(VENV)/.installed ## Refresh the catalogues after changing strings
	$(PY) manage.py makemessages -l nl -l en --ignore=.venv --ignore=staticfiles --ignore=node_modules --no-obsolete

vendor-static: ## Refresh the vendored NL Design System CSS (needs npm; versions pinned in package-lock.json)
	sh scripts/vendor_static.sh

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache
