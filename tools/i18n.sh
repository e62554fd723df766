#!/usr/bin/env bash
# Export i18n/client_hub.pot and merge it into the .po files (--check: only compare).
# Uses the database $I18N_DB (client_hub installed without demo data, updated first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh" >&2
find_odoo_src
I18N_DB=${I18N_DB:-client_hub_i18n}
odoo=("$PY" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$I18N_DB" --stop-after-init --no-http)
if psql -d "$I18N_DB" -tAc 'select 1' >/dev/null 2>&1; then
    "${odoo[@]}" -u client_hub >&2
else
    "${odoo[@]}" -i client_hub --without-demo=all >&2
fi
"$PY" "$ROOT/tools/i18n.py" --config "$ODOO_CONF" --database "$I18N_DB" "$@"
