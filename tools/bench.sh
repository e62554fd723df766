#!/usr/bin/env bash
# `make bench`: a database of its own ($BENCH_DB) with client_hub and no demo data,
# created when missing, then tools/bench.py (which builds the 1,000 clients once).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh"
find_odoo_src
BENCH_DB=${BENCH_DB:-client_hub_bench}
ensure_db "$BENCH_DB" --without-demo
"$PY" "$ROOT/tools/bench.py" -c "$ODOO_CONF" -d "$BENCH_DB"
