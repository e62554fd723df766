#!/usr/bin/env bash
# Export <module>/i18n/<module>.pot of client_hub and client_hub_import_async and
# merge it into the .po files (--check: only compare). Uses the database $I18N_DB
# (both installed without demo data, updated first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh" >&2
find_odoo_src
I18N_DB=${I18N_DB:-client_hub_i18n}
ensure_db "$I18N_DB" --without-demo >&2
ensure_module "$I18N_DB" client_hub_import_async >&2
"$PY" "$ROOT/tools/i18n.py" --config "$ODOO_CONF" --database "$I18N_DB" "$@"
