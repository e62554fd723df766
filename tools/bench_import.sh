#!/usr/bin/env bash
# `make bench-import`: the client import benchmark (tools/bench_import.py). BENCH_DB
# has client_hub and client_hub_import_async, PLAIN_DB the same Odoo modules without
# client_hub (the baseline); both are created without demo data when missing.
# Extra arguments go to the script (e.g. --rows 2000 --big-rows 0).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh"
find_odoo_src
BENCH_DB=${BENCH_DB:-client_hub_bench_import}
PLAIN_DB=${PLAIN_DB:-${BENCH_DB}_plain}
export BENCH_DB PLAIN_DB ODOO_CONF ODOO_SRC PY VAR
if ! psql -d "$BENCH_DB" -tAc 'select 1' >/dev/null 2>&1; then
    say "Creating $BENCH_DB: client_hub and client_hub_import_async, no demo data"
    odoo_once "$BENCH_DB" -i client_hub,client_hub_import_async --without-demo=all
else
    odoo_once "$BENCH_DB" -u client_hub
fi
if ! psql -d "$PLAIN_DB" -tAc 'select 1' >/dev/null 2>&1; then
    say "Creating $PLAIN_DB: client_hub's dependencies without client_hub, no demo data"
    odoo_once "$PLAIN_DB" -i "$("$PY" -c "import ast; print(','.join(ast.literal_eval(open('$ROOT/client_hub/__manifest__.py').read())['depends']))")" --without-demo=all
fi
say "Benchmark: importing clients through base_import"
cd "$ROOT/tools"
"$PY" "$ROOT/tools/bench_import.py" "$@"
