# Developer commands of the Public Admin Centre suite (see README.md).
# The work is done by scripts/dev.py (the modules of scripts/devtools/); PYTHON must be an
# interpreter that imports Odoo 18.0.

PYTHON ?= python3
export PYTHON
DEV = $(PYTHON) scripts/dev.py

.DEFAULT_GOAL := help
.PHONY: help run test lint stop reset bench

help:
	@echo "make run    create (first time) and start the demo database on http://localhost:8069"
	@echo "make test   lint + our addons' Odoo tests + pytest tests/ on a throwaway database"
	@echo "make lint   lint only: the hooks of .pre-commit-config.yaml (ruff, pylint-odoo, OCA checks)"
	@echo "make stop   stop the server of 'make run' and the private PostgreSQL"
	@echo "make reset  drop the demo database (the next 'make run' recreates it)"
	@echo "make bench  benchmark at scale (SIZE=10000[,100000,...]) side by side with baselines (README)"
	@echo "Variables: PYTHON=$(PYTHON) ODOO_PORT DEMO_DB ODOO_ARGS PG* (see README.md, $(PYTHON) scripts/dev.py --help)"

run:
	@$(DEV) run

test:
	@$(DEV) test

lint:
	@$(DEV) lint

stop:
	@$(DEV) stop

reset:
	@$(DEV) reset

# make bench SIZE=10000 (or SIZE=10000,100000,1000000) REPEAT=3 SUITES=reception,crons
bench:
	@$(DEV) bench
