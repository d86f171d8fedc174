# congso developer interface. The README's quick start is `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
SEEDS_DIR ?= ../shared/seeds
export SEEDS_DIR
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-12)
TEST_STAMP := $(VENV)/.installed-test-$(shell cat pyproject.toml | md5sum | cut -c1-12)

.PHONY: demo demo-fonts test test-suite install install-test system-deps migrate lint format check bench bench-deps bench-documents validate-html clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[test]"
	touch $(STAMP) $@

install: $(STAMP)

install-test: $(TEST_STAMP) system-deps

# Debian's Chromium (browser tests), nginx (the tests of deploy/nginx.conf; Debian does not
# start it in a container) and fonts with Vietnamese glyphs (demo PDF); installed only when
# missing and only when we are root.
system-deps:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$$missing nginx-light"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing (browser tests will be skipped; install them as root)"; \
	  fi; \
	fi

demo-fonts:
	@if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; fi

migrate: install
	@echo "Đang chuẩn bị cơ sở dữ liệu…"
	$(PY) manage.py migrate --noinput -v 0

# The address the demo serves is the one its sitemap, feeds and links give (moved on every run).
demo: export BASE_URL = http://127.0.0.1:$(PORT)
demo: install demo-fonts migrate
	$(PY) manage.py import_seeds --seeds-dir "$(SEEDS_DIR)"
	$(PY) manage.py protect_images
	$(PY) manage.py set_site_address "http://127.0.0.1:$(PORT)"
	$(PY) manage.py setup_roles
	$(PY) manage.py load_sample_sites
	$(PY) manage.py load_sample_procedures
	$(PY) manage.py load_sample_payments
	$(PY) manage.py ensure_demo_admin
	$(PY) manage.py load_sample_dossiers
	$(PY) manage.py load_sample_index_766
	$(PY) manage.py load_sample_report_signing
	$(PY) manage.py load_sample_publications
	$(PY) manage.py load_sample_drafts
	$(PY) manage.py load_sample_questions
	$(PY) manage.py load_sample_contact
	$(PY) manage.py load_sample_polls
	$(PY) manage.py load_sample_schedule
	@# WhiteNoise serves the static files from their apps in the demo; it only needs the folder.
	@mkdir -p "$${STATIC_ROOT:-staticfiles}"
	@echo "Cổng thông tin: http://127.0.0.1:$(PORT)/   Quản trị: http://127.0.0.1:$(PORT)/admin/"
	@echo "Trang xã mẫu (trang thứ hai, cùng cài đặt): http://xa-mau.localhost:$(PORT)/   (tài khoản bientap-xa, truongban-xa)"
	@echo "Dịch vụ công: http://127.0.0.1:$(PORT)/thu-tuc-hanh-chinh/   Tra cứu hồ sơ: http://127.0.0.1:$(PORT)/tra-cuu-ho-so/"
	@echo "Thư điện tử (xác thực tài khoản, thông báo hồ sơ) không gửi đi mà ghi thành tệp trong $${EMAIL_FILE_PATH:-$${CONGSO_VAR_DIR:-var}/mail}/"
	@# The background worker (signature checks, index updates) and the scheduler (articles
	@# scheduled by editors go live on time) run beside the web server and stop with it, as the
	@# congso-worker and congso-publish-scheduled units do in production.
	@$(PY) manage.py db_worker --interval 2 -v 0 & worker=$$!; \
	  ( while sleep 60; do $(PY) manage.py publish_scheduled >/dev/null; $(PY) manage.py send_national_sync >/dev/null; $(PY) manage.py send_reminders >/dev/null; done ) & scheduler=$$!; \
	  trap 'kill $$worker $$scheduler 2>/dev/null; wait 2>/dev/null' EXIT INT TERM; \
	  echo "Tiến trình nền: db_worker (pid $$worker), lịch xuất bản mỗi phút (pid $$scheduler)"; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT) --noreload

test: install-test test-suite

# Database tests in parallel, then the live-server (browser) tests on their own: those flush
# the database, which must not happen under the feet of other tests in the same worker.
test-suite:
	$(PY) -m pytest -q -n 2 --dist loadfile -m "not browser" congso
	$(PY) -m pytest -q -m browser congso

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Deployment checks CI runs besides the tests.
check: install-test
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	SECRET_KEY=ci-only-not-secret-$$RANDOM-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx \
	  ALLOWED_HOSTS=portal.example.gov.vn $(PY) manage.py check --deploy --fail-level WARNING \
	  --settings=congso.settings.production

# Benchmarks are never part of `make test`; each writes its figures and the command to
# docs/benchmarks.md by hand (see there). BENCH_ARGS passes options, e.g. BENCH_ARGS="--db sqlite".
bench-deps:
	@missing=""; for tool in nginx wrk; do command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = "0" ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi

bench: install-test bench-deps
	$(PY) benchmarks/portal_bench.py $(BENCH_ARGS)

# W3C Nu HTML checker over every reader page type (docs/quality.md); needs Java and npm.
validate-html: install-test
	$(PY) benchmarks/validate_html.py

bench-documents: install-test
	$(PY) benchmarks/documents_files.py

clean:
	rm -rf $(VENV) var media staticfiles
