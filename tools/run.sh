#!/usr/bin/env bash
# `make run`: set everything up, create the demo database (or update it when it
# exists, keeping its data) and serve Odoo on http://localhost:$HTTP_PORT.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh"
find_odoo_src

ensure_db "$DEMO_DB"
ensure_module "$DEMO_DB" client_hub_import_async
# queue_job's job runner runs inside this server (--load ...,queue_job), with
# ODOO_QUEUE_JOB_CHANNELS channels (default root:2: two chunks at a time).
export ODOO_QUEUE_JOB_CHANNELS=${ODOO_QUEUE_JOB_CHANNELS:-root:2}
say "Serving Odoo on http://localhost:$HTTP_PORT (login admin, password admin), with queue_job's runner ($ODOO_QUEUE_JOB_CHANNELS); Ctrl-C stops"
exec "$PY" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DEMO_DB" --db-filter="^$DEMO_DB\$" \
    --load=base,web,queue_job --log-level=info
