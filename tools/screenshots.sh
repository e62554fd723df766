#!/usr/bin/env bash
# `make screenshots`: refresh the PNGs of client_hub/static/description/ from the demo.
# Creates the demo database $DEMO_DB (or updates client_hub in it, keeping its data) as
# tools/run.sh does, then tools/screenshots.py serves it on a free port, takes every
# screenshot in headless Chromium and stops the server. Arguments name the shots to take
# (e.g. clients_list.png); none means all.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh" --browser
find_odoo_src

ensure_db "$DEMO_DB"
say "Taking the screenshots"
"$PY" "$ROOT/tools/screenshots.py" --config "$ODOO_CONF" --database "$DEMO_DB" \
    --odoo-src "$ODOO_SRC" --logfile "$VAR/screenshots-odoo.log" "$@"
