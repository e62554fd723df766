#!/usr/bin/env bash
# `make test`: set everything up, build a fresh test database with client_hub installed
# (and its demo data, so the demo is proven to load), then run every test with
# pytest-odoo. Extra arguments go to pytest (e.g. -k vat).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh" --browser
find_odoo_src

fresh_db "$TEST_DB" client_hub

say "pytest-odoo on $TEST_DB"
cd "$ROOT"
"$PY" -m pytest -p no:cacheprovider --odoo-config="$ODOO_CONF" \
    --odoo-database="$TEST_DB" --odoo-http client_hub/tests "$@"
