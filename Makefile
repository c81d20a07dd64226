# The two commands: `make run` (demo site on http://127.0.0.1:8000) and `make test`.
# Both create the virtualenv and install everything on first use.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The browser suite's checkers (package.json): axe-core and the Nu HTML Checker.
NODE_STAMP := node_modules/.installed
PORT   ?= 8000

# Values the checks and tests run with (never used in production). Anything
# already set in the environment wins, e.g. DATABASE_URL from .ci/run.
TEST_ENV := DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-test-only-not-a-secret} \
	DJANGO_DEBUG=false DJANGO_SECURE_SSL_REDIRECT=false \
	SITE_URL=$${SITE_URL:-https://blog.example.org}

# Production-like values for `check --deploy` (HTTPS on, debug off).
DEPLOY_ENV := DJANGO_SECRET_KEY=deploy-check-$$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n') \
	DJANGO_DEBUG=false DJANGO_SECURE_SSL_REDIRECT=true \
	DJANGO_ALLOWED_HOSTS=www.example.org SITE_URL=https://www.example.org \
	SITE_SECURITY_CONTACT=mailto:security@example.org

.PHONY: help install system-tools run test test-fast test-e2e lint format check bench clean db-fault-drill

help:
	@echo "make run        demo site on http://127.0.0.1:$(PORT) (SQLite unless DATABASE_URL is set)"
	@echo "make test       lint, checks and the whole test suite, browser tests included"
	@echo "make test-fast  the test suite without the browser tests (ARGS='tests/posts -k feed')"
	@echo "make test-e2e   the browser tests only, in Chromium (ARGS='-k keyboard')"
	@echo "make format     reformat Python (ruff) and templates (djhtml)"
	@echo "make db-fault-drill  restart local PostgreSQL under traffic (DATABASE_URL, root)"
	@echo "make bench      benchmark against the Django floor (ARGS='--no-cache', '--posts 10000')"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# --ignore-scripts: vnu-jar's install script would download a Java runtime; the
# machine's Java runs the checker.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $(NODE_STAMP)

install: $(STAMP) $(NODE_STAMP)

# Chromium, Java, npm (and nginx) for the browser tests: apt-get when missing.
system-tools:
	@scripts/install_system_tools.sh

run: export DJANGO_DEBUG ?= true
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: $(STAMP)
	@mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  Site:  http://127.0.0.1:$(PORT)/"
	@echo "  Admin: http://127.0.0.1:$(PORT)/$${DJANGO_ADMIN_PATH:-admin/} (credentials above, printed when the admin user was created)"
	@echo ""
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

check: $(STAMP)
	$(TEST_ENV) $(BIN)/python manage.py check --fail-level WARNING
	$(DEPLOY_ENV) $(BIN)/python manage.py check --deploy --fail-level WARNING
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run

test: system-tools lint check $(NODE_STAMP)
	$(TEST_ENV) $(BIN)/pytest $(ARGS)

test-fast: $(STAMP)
	$(TEST_ENV) $(BIN)/pytest -m "not e2e" $(ARGS)

test-e2e: system-tools $(STAMP) $(NODE_STAMP)
	$(TEST_ENV) $(BIN)/pytest tests/e2e $(ARGS)

# Restarts the local PostgreSQL under traffic (root; affects every database on
# the server for a few seconds). See README "Security" and scripts/db_fault_drill.py.
db-fault-drill: $(STAMP)
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to a PostgreSQL database."; exit 2; }
	$(BIN)/python scripts/db_fault_drill.py $(ARGS)

# The benchmark (benchmarks/run.py): its own database, gunicorn, wrk. wrk comes from
# Debian's packages when we may install it; otherwise a bundled Python client runs.
bench: $(STAMP)
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		{ apt-get install -y -qq wrk >/dev/null 2>&1 || \
		  { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }; }; } || \
		echo "wrk is not installed: the bench uses its bundled Python client (slower)."
	$(BIN)/python -m benchmarks.run $(ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache *.egg-info node_modules test-artifacts
