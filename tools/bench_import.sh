#!/usr/bin/env bash
# `make bench-import`: the client import benchmark (tools/bench_import.py) on its own
# database, $BENCH_DB, created without demo data with client_hub installed when missing.
# Extra arguments go to the script (e.g. --rows 2000).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh"
find_odoo_src
BENCH_DB=${BENCH_DB:-client_hub_bench_import}
export BENCH_DB ODOO_CONF

if ! psql -d "$BENCH_DB" -tAc 'select 1' >/dev/null 2>&1; then
    say "Creating the database $BENCH_DB (no demo data) with client_hub"
    "$PY" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" -i client_hub \
        --without-demo=all --stop-after-init --no-http
else
    say "Updating client_hub in $BENCH_DB"
    "$PY" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$BENCH_DB" -u client_hub \
        --stop-after-init --no-http
fi
say "Benchmark: importing clients through base_import"
"$PY" "$ROOT/tools/bench_import.py" "$@"
