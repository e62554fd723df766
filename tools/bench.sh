#!/usr/bin/env bash
# `make bench`: a database of its own ($BENCH_DB) with client_hub and no demo data,
# created when missing, then tools/bench.py (which builds the 1,000 clients once).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh"
find_odoo_src
BENCH_DB=${BENCH_DB:-client_hub_bench}
if ! psql -d "$BENCH_DB" -tAc 'select 1' >/dev/null 2>&1; then
    say "Creating the database $BENCH_DB with client_hub, without demo data"
    "$PY" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" -i client_hub \
        --without-demo=all --stop-after-init --no-http
else
    "$PY" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" -u client_hub \
        --stop-after-init --no-http
fi
"$PY" "$ROOT/tools/bench.py" -c "$ODOO_CONF" -d "$BENCH_DB"
