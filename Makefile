# The two commands: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
TEST_SECRET := test-only-secret-key-not-for-production-0123456789abcdefghijklmnop
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install test-tools run serve test check migrate demo clean cluster bench-search bench-http lighthouse fault-drill

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# axe-core for the accessibility checks of the browser tests (npm registry, pinned in the lock).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

test-tools:
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory node_modules/.installed; \
	else echo "npm not found: browser accessibility checks will be skipped"; fi

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

demo: migrate
	DEBUG=1 $(BIN)/python manage.py load_demo

run: demo
	@echo "Trang quản trị: http://$(HOST):$(PORT)/admin/"
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Production-like on this machine: gunicorn, DEBUG off, compressed fingerprinted static files.
# Set SECRET_KEY (else a local one is made in var/), DATABASE_URL, REDIS_URL as in production.
# The demo content goes only into an empty database: a database in use is never rewritten.
serve: migrate
	DEBUG=1 $(BIN)/python manage.py load_demo --only-into-empty
	@mkdir -p var
	@test -s var/secret_key || $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
	DEBUG=0 SECRET_KEY=$${SECRET_KEY:-$$(cat var/secret_key)} $(BIN)/python manage.py collectstatic --noinput -v0
	DEBUG=0 SECRET_KEY=$${SECRET_KEY:-$$(cat var/secret_key)} HTTPS=$${HTTPS:-0} SERVE_MEDIA=$${SERVE_MEDIA:-1} \
		ALLOWED_HOSTS=$${ALLOWED_HOSTS:-127.0.0.1,localhost} PORT=$(PORT) \
		SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} \
		$(BIN)/gunicorn -c deploy/gunicorn.conf.py culture_portal.wsgi

test: install test-tools
	SECRET_KEY=$(TEST_SECRET) SECURE_SSL_REDIRECT=0 $(BIN)/python -m pytest $(PYTEST_ARGS)

check: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	SECRET_KEY=$(TEST_SECRET) $(BIN)/python manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY=$(TEST_SECRET) ALLOWED_HOSTS=portal.example.gov.vn \
		$(BIN)/python manage.py check --deploy --fail-level WARNING

# Scale-out proof: PostgreSQL primary + replica, Redis, moto S3, two app servers, nginx, on
# loopback; checks and figures; torn down at the end (bench/local_cluster.py, as root).
cluster: install
	$(BIN)/python -m pip install --quiet -r requirements-cluster.txt
	@command -v nginx >/dev/null && command -v wrk >/dev/null || apt-get install -y nginx-light wrk
	$(BIN)/python bench/local_cluster.py

# Benchmarks (figures printed; see the README).
bench-search: install
	$(BIN)/python bench/search.py

# PostgreSQL, Redis and the media disk failing under the production server (as root; its own
# PostgreSQL and Redis on free ports, never the machine's): bench/fault_drill.py.
fault-drill: install
	$(BIN)/python bench/fault_drill.py

bench-http: install
	@command -v wrk >/dev/null || apt-get install -y wrk
	$(BIN)/python bench/http_load.py

lighthouse: install
	bash bench/lighthouse.sh

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache staticfiles
