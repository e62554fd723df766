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

say "pytest-odoo on $TEST_DB"
cd "$ROOT"
"$PY" -m pytest -p no:cacheprovider --odoo-config="$ODOO_CONF" \
    --odoo-database="$TEST_DB" --odoo-http client_hub/tests "$@"
