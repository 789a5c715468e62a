# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3.11
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never

.PHONY: install system browser demo test lint format messages

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check "uv==0.13.9"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

install: $(VENV)/.synced

# WeasyPrint (advice-plan PDFs) needs Pango and a font from Debian; the translation catalogue
# (make messages, src/vroeghulp/tests/test_catalogue_current.py) needs GNU gettext.
system:
	@ldconfig -p | grep -q libpangoft2-1.0 || { \
		echo "Installing Pango for PDF generation"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; }
	@command -v xgettext >/dev/null || { \
		echo "Installing GNU gettext for make messages and the catalogue tests"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q gettext; }

# Browser tests drive Debian's Chromium through Playwright (no browser download).
browser:
	@test -x /usr/bin/chromium || { \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }
	@test -x /usr/bin/chromium || { echo "FAIL: /usr/bin/chromium is missing" >&2; exit 1; }

demo: install system
	DEBUG=1 $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

test: install system browser
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# After changing texts: collect them into the English catalogue, translate the new entries in
# src/vroeghulp/locale/en/LC_MESSAGES/django.po and the parents' languages' catalogues (ar, tr, pl;
# docs/translations.md), then compile (needs GNU gettext). The compiled
# .mo is committed, so running the application never needs gettext.
messages: install system
	cd src/vroeghulp && DEBUG=1 ../../$(PY) ../../manage.py makemessages -l en -l ar -l tr -l pl --no-location --no-wrap \
		--ignore "*/tests/*" --ignore conftest.py
	cd src/vroeghulp && DEBUG=1 ../../$(PY) ../../manage.py compilemessages -l en -l ar -l tr -l pl
