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
ensure_db "$BENCH_DB" --without-demo
say "Benchmark: importing clients through base_import"
"$PY" "$ROOT/tools/bench_import.py" "$@"
