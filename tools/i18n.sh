#!/usr/bin/env bash
# Export <module>/i18n/<module>.pot of client_hub and client_hub_import_async and
# merge it into the .po files (--check: only compare). Uses the database $I18N_DB
# (both installed without demo data, updated first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh" >&2
find_odoo_src
I18N_DB=${I18N_DB:-client_hub_i18n}
odoo=("$PY" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$I18N_DB" --stop-after-init --no-http)
if psql -d "$I18N_DB" -tAc 'select 1' >/dev/null 2>&1; then
    "${odoo[@]}" -i client_hub_import_async -u client_hub,client_hub_import_async >&2
else
    "${odoo[@]}" -i client_hub,client_hub_import_async --without-demo=all >&2
fi
"$PY" "$ROOT/tools/i18n.py" --config "$ODOO_CONF" --database "$I18N_DB" "$@"
