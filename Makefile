# Two commands for a fresh machine with Python >= 3.11: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test lint bench clean

# duban needs Python >= 3.11: say so before making a venv, and replace a venv an older Python left
# (`python3 -m venv` over it would keep its interpreter, and every later make would fail the same way)
NEW_ENOUGH = -c 'import sys; sys.exit(sys.version_info < (3, 11))'

$(BIN)/duban: pyproject.toml
	@$(PYTHON) $(NEW_ENOUGH) 2>/dev/null || { echo "需要 Python ≥ 3.11，而 $(PYTHON) 是 $$($(PYTHON) --version 2>&1)：请用 make $(MAKECMDGOALS) PYTHON=python3.12 指定较新的 Python" >&2; exit 1; }
	@[ ! -d $(VENV) ] || $(BIN)/python $(NEW_ENOUGH) 2>/dev/null || { echo "$(VENV) 由旧版 Python 创建，重新创建"; rm -rf $(VENV); }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# The daemon on the bundled sample, its clock set to 2021-06-30 09:30 (the deadline of task (二)):
# it catches up, writes the reminders to ./outbox, runs for 8 seconds and stops on SIGTERM.
demo: $(BIN)/duban
	rm -rf state outbox
	$(BIN)/duban check
	timeout --preserve-status -s TERM 8 $(BIN)/duban run --now 2021-06-30T09:30
	$(BIN)/duban status --now 2021-06-30
	@echo; echo "发件箱 outbox/："; ls outbox; echo
	@$(BIN)/python -c "import email,email.policy,glob; m=email.message_from_binary_file(open(glob.glob('outbox/email-省政府审改办-*.eml')[0],'rb'),policy=email.policy.default); print('Subject:',m['Subject']); print(m.get_body(('plain',)).get_content())"

test: $(BIN)/duban
	$(BIN)/pytest

lint: $(BIN)/duban
	$(BIN)/ruff check scheduler tests bench
	$(BIN)/mypy scheduler tests bench

bench: $(BIN)/duban
	$(BIN)/python bench/workdays_bench.py
	$(BIN)/python bench/plan_bench.py
	$(BIN)/python bench/import_bench.py

clean:
	rm -rf $(VENV) state outbox
