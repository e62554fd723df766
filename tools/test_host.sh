#!/usr/bin/env bash
# `make test-host`: Odoo's own tests for the code client_hub touches, run with client_hub
# installed, on a database of their own ($HOST_DB): base's res.partner tests, base_vat,
# test_import_export (import and export) and sale's order tests (partners on orders).
# A failure here is a regression client_hub causes in the host. Extra arguments go to
# pytest.
#
# They run with pytest-odoo on the fully loaded registry, not with odoo-bin --test-tags:
# on an installed database odoo-bin runs only post_install tests, and base's are
# at_install ones, which `-u base` would run before client_hub is even loaded.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tools/setup.sh"
find_odoo_src
HOST_DB=${HOST_DB:-client_hub_host}

fresh_db "$HOST_DB" client_hub,test_import_export

base=$ODOO_SRC/odoo/addons/base/tests
tests=(
    "$base/test_res_partner.py" "$base/test_res_partner_bank.py"
    "$base/test_res_partner_merge.py"
    "$ODOO_SRC/addons/base_vat/tests"
    "$ODOO_SRC/addons/test_import_export/tests"
    "$ODOO_SRC/addons/sale/tests/test_sale_order.py"
)
# Not client_hub's to fix, and failing without it too (see README.md, "Host tests"):
#  - VIES: calls the EU's web service (tagged external in Odoo, not run by default);
#  - test_commercial_field_sync: base's test uses a Belgian VAT that base_vat refuses;
#  - test_big_attachments: outside Odoo's runner, csv's field size limit is not raised.
deselect=(-k "not VIES and not test_commercial_field_sync and not test_big_attachments")

say "Odoo's own tests on $HOST_DB"
cd "$ROOT"
"$PY" -m pytest -p no:cacheprovider --odoo-config="$ODOO_CONF" \
    --odoo-database="$HOST_DB" --odoo-http -q "${tests[@]}" "${deselect[@]}" "$@"
