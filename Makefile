# One-command set-up: every target installs (and trains) what it needs first.
#   make run    the bot in `rasa shell` (Chinese), with the action server in the background
#   make test   validation, unit tests, Rasa data validation, training, story and NLU tests,
#               and a whole conversation over REST against real servers
PYTHON ?= $(shell command -v python3.11 || command -v python3.10 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
# Rasa's command line through the launcher, which installs runtime.patches first
# for the commands that serve conversations (runtime/__main__.py)
RASA   := $(PY) -m runtime
PIP    := $(PY) -m pip --disable-pip-version-check
STAMP  := $(VENV)/.installed
MODEL  := models/current.tar.gz

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONWARNINGS := ignore

# Embedded defaults for endpoints.yml's ${VAR}s (config/embedded.env), for every
# variable not already set in the environment or on the command line.
$(foreach kv,$(shell grep -E '^[A-Z_][A-Z0-9_]*=' config/embedded.env),\
  $(eval _k := $(firstword $(subst =, ,$(kv))))\
  $(if $(filter undefined,$(origin $(_k))),$(eval export $(_k) := $(patsubst $(_k)=%,%,$(kv)))))

TRAINING_INPUTS := config.yml domain.yml $(shell find data -type f 2>/dev/null) \
                   $(wildcard runtime/nlu_components.py bot/script.py)

.PHONY: install run test unit rasa-test validate gen train actions telegram web browser-deps bench lock clean \
        cluster-deps cluster cluster-stop load staff

install: $(STAMP)

# Rasa 3.6.21 declares Python <3.11; it runs on 3.11 with its dependencies
# pinned to versions that have 3.11 wheels (requirements/lock.txt). rasa and
# rasa-sdk themselves go in without their metadata's dependency/Python checks.
$(STAMP): requirements/lock.txt requirements/rasa.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade "pip>=23,<25"
	$(PIP) install -q -r requirements/lock.txt
	$(PIP) install -q --no-deps --ignore-requires-python -r requirements/rasa.txt
	$(PIP) install -q --no-deps --no-build-isolation -e .   # bot (core) and runtime, from pyproject.toml
	$(PY) -c "import rasa, rasa_sdk, spacy, jieba, telegram, opencc, sqlalchemy; print('installed rasa', rasa.__version__)" 2>/dev/null
	touch $(STAMP)

validate: install
	$(PY) -m bot validate

gen: install
	$(PY) -m bot gen

$(MODEL): $(STAMP) $(TRAINING_INPUTS)
	$(PY) -m bot gen --check
	$(RASA) train --fixed-model-name current --out models

train: $(MODEL)

run: $(MODEL)
	bash scripts/shell.sh

actions: install
	$(PY) -m runtime.action_server --port 5055

telegram: $(MODEL)
	bash scripts/telegram.sh

web: $(MODEL)
	bash scripts/web.sh

# Debian's Chromium and a CJK font for the browser tests (Playwright drives
# /usr/bin/chromium; its own browser download does not work here); pdftotext
# reads the printed summary back.
browser-deps:
	@command -v chromium >/dev/null && fc-list | grep -qi "Noto.*CJK" && command -v pdftotext >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk \
	      poppler-utils >/dev/null; }

# The production topology on loopback (localrun/cluster.py): PostgreSQL, Redis
# and nginx from Debian's packages, two Rasa replicas, two action servers.
cluster-deps:
	@{ ls /usr/lib/postgresql/*/bin/initdb && command -v redis-server && command -v nginx; } >/dev/null 2>&1 || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      postgresql redis-server nginx-light >/dev/null; }
	@# Debian starts the packaged services; the cluster runs its own on other ports.
	@-service postgresql stop >/dev/null 2>&1; service redis-server stop >/dev/null 2>&1; \
	  service nginx stop >/dev/null 2>&1; true

cluster: $(MODEL) cluster-deps
	$(PY) -m localrun.cluster start

cluster-stop:
	$(PY) -m localrun.cluster stop

# 50 users through nginx against our bot, then against a bare `rasa init` moodbot (bench/load.py)
load: $(MODEL) cluster-deps
	$(PY) bench/load.py

# The staff console (staff/, docs/staff.md) on 127.0.0.1:$(STAFF_PORT), reading the
# tracker store of `make run` (tracker.db) or, while it runs, of `make cluster`; needs STAFF_TOKEN.
STAFF_PORT ?= 5077
staff: install
	@test -n "$$STAFF_TOKEN" || { echo 'set STAFF_TOKEN first, e.g.: export STAFF_TOKEN=$$(openssl rand -hex 16); make staff' >&2; exit 2; }
	$(PY) -m staff migrate
	$(PY) -m staff serve --port $(STAFF_PORT)

# pyflakes: unused imports and undefined names, in every package, the tests, benches and scripts
LINT_DIRS := actions bot drafting localrun runtime staff tests bench scripts

unit: install
	$(PY) -m pyflakes $(LINT_DIRS)
	$(PY) -m bot validate
	$(PY) -m bot gen --check
	$(PY) -m tests.run_without_rasa -q tests/bot tests/drafting    # the core's tests, with Rasa unimportable
	$(PY) -m pytest -q tests --ignore=tests/integration --ignore=tests/bot --ignore=tests/drafting

rasa-test: $(MODEL) browser-deps cluster-deps
	$(RASA) data validate --fail-on-warnings
	$(RASA) test core --model $(MODEL) --stories tests/test_stories.yml \
	    --fail-on-prediction-errors --out results/core
	$(PY) -m pytest -q tests/integration

test: unit rasa-test

bench: install
	$(PY) bench/match.py

# Re-resolve the pins from the *.in files (needs the package registry).
lock:
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install -q -r requirements/rasa-deps.in -r requirements/project.in
	/tmp/lock-venv/bin/pip freeze --exclude-editable | grep -v '^rasa' > requirements/lock.txt

clean:
	-test ! -f .cluster/state.json || $(PY) -m localrun.cluster stop
	rm -rf $(VENV) .pytest_cache models results tracker.db .cluster .run
