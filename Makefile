# client_hub: the commands a developer needs. See README.md.
.PHONY: run test setup lint bench bench-import bench-portfolio test-host screenshots pot

run:            ## set everything up, then serve the demo on http://localhost:8069 (with queue_job's runner)
	tools/run.sh

test:           ## set everything up, then run every test on a fresh database
	tools/test.sh

test-host:      ## Odoo's own tests (res.partner, base_vat, import/export, sale) with client_hub
	tools/test_host.sh

setup:          ## only set up the virtualenv, PostgreSQL and the Odoo config
	tools/setup.sh --browser

lint:           ## the pre-commit checks (ruff, pylint-odoo, prettier) and a current .pot
	tools/lint.sh

pot:            ## export i18n/client_hub.pot and merge it into the .po files
	tools/i18n.sh

screenshots:    ## retake the screenshots of client_hub/static/description/ from the demo
	tools/screenshots.sh

bench:          ## 1,000 clients: query count and time of the figures vs Odoo's buttons
	tools/bench.sh

bench-import:   ## 10,000 clients: client_hub vs Odoo alone, preview; 100,000 in the foreground and background
	tools/bench_import.sh

bench-portfolio: ## 1,000 and 10,000 clients: the Clients list sorted/filtered by figures; aging vs OCA
	tools/bench_portfolio.sh
