# client_hub: the commands a developer needs. See README.md.
.PHONY: run test setup lint bench bench-import test-host screenshots pot

run:            ## set everything up, then serve the demo on http://localhost:8069
	tools/run.sh

test:           ## set everything up, then run every test on a fresh database
	tools/test.sh

setup:          ## only set up the virtualenv, PostgreSQL and the Odoo config
	tools/setup.sh --browser

lint:           ## the pre-commit checks (ruff, pylint-odoo, prettier), on every file
	tools/lint.sh

bench-import:   ## import 10,000 clients with and without tax-ID matching; rows/second
	tools/bench_import.sh
