#!/usr/bin/env bash
# `make bench-portfolio`: two databases of their own, created when missing, with
# client_hub and OCA's account_financial_report (for its Aged Partner Balance) and no
# demo data: ${BENCH_DB}_1000 with 1,000 clients and $BENCH_DB with 10,000 (built
# once by tools/bench_portfolio.py, then reused).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh"
find_odoo_src
BENCH_DB=${BENCH_DB:-client_hub_bench_portfolio}

with_oca() {
    local installed
    installed=$(psql -d "$1" -tAc "SELECT 1 FROM ir_module_module
        WHERE name = 'account_financial_report' AND state = 'installed'")
    [ "$installed" = 1 ] || odoo_once "$1" -i account_financial_report
}

for size in 1000 10000; do
    db=$BENCH_DB
    [ "$size" = 1000 ] && db=${BENCH_DB}_1000
    ensure_db "$db" --without-demo
    with_oca "$db"
    "$PY" "$ROOT/tools/bench_portfolio.py" -c "$ODOO_CONF" -d "$db" --clients "$size"
done
