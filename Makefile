# One-command set-up: every target installs what it needs first.
#   make run    interactive demo (later: the Rasa bot in `rasa shell`)
#   make test   validation + the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3.10 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check
STAMP  := $(VENV)/.installed

.PHONY: install run test validate bench lock clean

install: $(STAMP)

# Rasa 3.6.21 declares Python <3.11; it runs on 3.11 with its dependencies
# pinned to versions that have 3.11 wheels (requirements/lock.txt). rasa and
# rasa-sdk themselves go in without their metadata's dependency/Python checks.
$(STAMP): requirements/lock.txt requirements/rasa.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade "pip>=23,<25"
	$(PIP) install -q -r requirements/lock.txt
	$(PIP) install -q --no-deps --ignore-requires-python -r requirements/rasa.txt
	$(PY) -c "import rasa, rasa_sdk, spacy, jieba, telegram, opencc, sqlalchemy; print('installed rasa', rasa.__version__)"
	touch $(STAMP)

run: install
	$(PY) -m bot validate
	$(PY) -m bot demo

validate: install
	$(PY) -m bot validate

test: install
	$(PY) -m bot validate
	$(PY) -m pytest -q

bench: install
	$(PY) bench/match.py

# Re-resolve the pins from the *.in files (needs the package registry).
lock:
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install -q -r requirements/rasa-deps.in -r requirements/project.in
	/tmp/lock-venv/bin/pip freeze --exclude-editable | grep -v '^rasa' > requirements/lock.txt

clean:
	rm -rf $(VENV) .pytest_cache
