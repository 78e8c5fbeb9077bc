# The two commands of the README: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The demo's public address (SITE_URL, emails' links) follows PORT.
export PORT
export DJANGO_SETTINGS_MODULE ?= cms.settings.dev

.PHONY: install demo serve test lint format check clean-venv

$(BIN)/.installed: requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

install: $(BIN)/.installed

demo: install  ## Set everything up and serve the demo site at http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py import_territories
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py setup_site
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# pytest-xdist: one worker per core; a group of tests sharing a demo goes to one worker
# (conftest.py), and the workers share one HTML checker (tests/browser.py). PYTEST_WORKERS=0
# runs in one process.
PYTEST_WORKERS ?= auto

test: install  ## Run the whole test suite (browser tests need Debian's chromium)
	DJANGO_SETTINGS_MODULE=cms.settings.test $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

lock:  ## Re-pin requirements.lock from pyproject.toml
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.12 -o requirements.lock
