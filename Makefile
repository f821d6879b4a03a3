# Two commands a newcomer needs: `make run` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Debian's headless build of chromium: the same browser engine without the
# desktop browser around it. The browser tests use half the CPU they took
# with /usr/bin/chromium (bench/README.md, "How long make test takes").
CHROMIUM ?= /usr/bin/chromium-headless-shell

.PHONY: run serve test lint format bench install install-test chromium wrk clean translations translations-extract

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

# apt-get as root (CI), or through sudo for a person at their own machine.
APT := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo) env DEBIAN_FRONTEND=noninteractive apt-get

# Debian's chromium for the real-browser tests (never a downloaded browser): the
# headless shell, or Debian's whole chromium where that package cannot be had.
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "Installing Debian's chromium-headless-shell for the browser tests..."; \
		{ $(APT) update -qq && $(APT) install -y -qq chromium-headless-shell >/dev/null; } || \
		[ -x /usr/bin/chromium ] || $(APT) install -y -qq chromium >/dev/null; \
	fi

# wrk drives the submit benchmark.
wrk:
	@command -v wrk >/dev/null || { echo "Installing wrk..."; $(APT) update -qq && $(APT) install -y -qq wrk >/dev/null; }

## The catalogues (translations/<lang>/LC_MESSAGES/messages.po) compiled to .mo.
## The app also compiles any missing or older .mo when it starts.
translations: install
	$(BIN)/pybabel -q compile -d translations

## Every public word from the code and templates into translations/messages.pot,
## then into each language's catalogue (new words arrive empty, for a translator).
translations-extract: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_pgettext:1c,2 -k plural_words:1,2 \
		--no-location --sort-output --width 100 --project kiosk -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --width 100

## Create the database under instance/ and serve on http://127.0.0.1:5000, for this
## computer only; KIOSK_HOST=0.0.0.0 make run listens on the network, for tablets.
run: install translations
	$(BIN)/flask --app kiosk init-db
	$(BIN)/python -m kiosk

## Production: gunicorn, 2 workers, no access log, no client addresses
serve: install translations
	$(BIN)/flask --app kiosk init-db
	$(BIN)/gunicorn -c kiosk/gunicorn_conf.py

lint: install-test
	$(BIN)/ruff check kiosk admin tests bench
	$(BIN)/ruff format --check kiosk admin tests bench

format: install-test
	$(BIN)/ruff format kiosk admin tests bench
	$(BIN)/ruff check --fix kiosk admin tests bench

## Every test, the real-browser ones included. pytest's "no tests" (exit 5) fails too.
## Two pytest workers a core: browser tests spend part of their time waiting on the kiosk's
## own timers. Work-stealing: a worker that is done takes tests queued for another, so
## the run does not end on one busy worker (bench/README.md, "How long make test takes").
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) * 2 )))
test: install-test translations chromium lint
	CHROMIUM_PATH=$$([ -x $(CHROMIUM) ] && echo $(CHROMIUM) || echo /usr/bin/chromium) $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist worksteal; status=$$?; \
	if [ $$status -eq 5 ]; then echo "No tests were collected: that is a failure."; exit 1; fi; \
	exit $$status

## The four budgets (bench/README.md): submit rate, first-load weight, the first question on
## a slow tablet, weekly summary; about 4 minutes. All always run. Exit 1 if any fails; else
## submit_rate.py's 3 (machine busy).
bench: install-test wrk chromium
	@$(BIN)/python bench/submit_rate.py; submit=$$?; \
	$(BIN)/python bench/first_load.py; first=$$?; \
	CHROMIUM_PATH=$(CHROMIUM) $(BIN)/python bench/slow_tablet.py; slow=$$?; \
	$(BIN)/python bench/summary_speed.py; summary=$$?; \
	echo "bench: submit_rate.py exited $$submit, first_load.py $$first, slow_tablet.py $$slow, summary_speed.py $$summary"; \
	if [ $$submit -eq 1 ] || [ $$first -ne 0 ] || [ $$slow -ne 0 ] || [ $$summary -ne 0 ]; then exit 1; fi; \
	exit $$submit

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
