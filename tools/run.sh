#!/usr/bin/env bash
# `make run`: set everything up, create the demo database (or update it when it
# exists, keeping its data) and serve Odoo on http://localhost:$HTTP_PORT.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh"
find_odoo_src

ensure_db "$DEMO_DB"
say "Serving Odoo on http://localhost:$HTTP_PORT (login admin, password admin); Ctrl-C stops"
exec "$PY" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DEMO_DB" --db-filter="^$DEMO_DB\$" --log-level=info
