#!/usr/bin/env bash
# `make run`: set everything up, create the demo database (or update it when it
# exists, keeping its data) and serve Odoo on http://localhost:$HTTP_PORT.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh"
find_odoo_src

odoo=("$PY" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DEMO_DB")
if psql -d "$DEMO_DB" -tAc 'select 1' >/dev/null 2>&1; then
    say "Updating client_hub in the database $DEMO_DB (data kept)"
    "${odoo[@]}" -u client_hub --stop-after-init --no-http
else
    say "Creating the database $DEMO_DB with demo data and client_hub"
    "${odoo[@]}" -i client_hub --stop-after-init --no-http
fi
say "Serving Odoo on http://localhost:$HTTP_PORT (login admin, password admin); Ctrl-C stops"
exec "${odoo[@]}" --db-filter="^$DEMO_DB\$" --log-level=info
