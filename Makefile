# Two commands for a fresh machine with Python >= 3.11: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test lint bench clean

$(BIN)/duban: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

demo: $(BIN)/duban
	$(BIN)/duban check
	$(BIN)/duban plan --now 2021-06-15 --to 2021-07-09 --unit 省政府审改办
	$(BIN)/duban workdays shift 2021-10-01 -1

test: $(BIN)/duban
	$(BIN)/pytest

lint: $(BIN)/duban
	$(BIN)/ruff check scheduler tests bench
	$(BIN)/mypy scheduler

bench: $(BIN)/duban
	$(BIN)/python bench/workdays_bench.py
	$(BIN)/python bench/plan_bench.py

clean:
	rm -rf $(VENV) state outbox
