#!/usr/bin/env bash
# `make test`: set everything up, build a fresh test database with client_hub installed
# (and its demo data, so the demo is proven to load) and OCA's account_financial_report,
# then run every test with pytest-odoo. Extra arguments go to pytest (e.g. -k vat).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh" --browser
find_odoo_src

# OCA's account_financial_report (requirements-dev.txt) only for the cross-check of the
# receivables aging with its Aged Partner Balance: client_hub does not depend on it.
fresh_db "$TEST_DB" client_hub,account_financial_report

# client_hub first on its own (it must work without queue_job), then the glue
# module, which pulls in queue_job and base_import_async, and its tests.
say "pytest-odoo on $TEST_DB: client_hub"
cd "$ROOT"
"$PY" -m pytest -p no:cacheprovider --odoo-config="$ODOO_CONF" \
    --odoo-database="$TEST_DB" --odoo-http client_hub/tests "$@"

say "Installing client_hub_import_async (queue_job, base_import_async) in $TEST_DB"
odoo_once "$TEST_DB" -i client_hub_import_async
say "pytest-odoo on $TEST_DB: client_hub_import_async"
# Exit status 5: no test selected (e.g. by -k), not a failure.
"$PY" -m pytest -p no:cacheprovider --odoo-config="$ODOO_CONF" \
    --odoo-database="$TEST_DB" --odoo-http client_hub_import_async/tests "$@" \
    || [ $? = 5 ]
