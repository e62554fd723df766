"""Keep client_hub's translation files current.

    tools/i18n.sh            export i18n/client_hub.pot from a database with client_hub
                             installed, then merge it into every i18n/*.po
    tools/i18n.sh --check    fail when the committed .pot misses or keeps a string

Run through tools/i18n.sh, which passes the Odoo config and database.
"""

import argparse
import io
import pathlib
import sys

import polib

import odoo
from odoo.tools.translate import trans_export

I18N = pathlib.Path(__file__).resolve().parent.parent / "client_hub" / "i18n"
POT = I18N / "client_hub.pot"


def export_pot(database):
    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        buffer = io.BytesIO()
        trans_export(None, ["client_hub"], buffer, "po", cr)
    return polib.pofile(buffer.getvalue().decode())


def entry_keys(catalog):
    return {(entry.msgctxt, entry.msgid) for entry in catalog if not entry.obsolete}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config])
    fresh = export_pot(args.database)
    if args.check:
        committed = polib.pofile(str(POT)) if POT.exists() else polib.POFile()
        missing = entry_keys(fresh) - entry_keys(committed)
        stale = entry_keys(committed) - entry_keys(fresh)
        for _ctxt, msgid in sorted(missing, key=str):
            print(f"missing from client_hub.pot: {msgid!r}")
        for _ctxt, msgid in sorted(stale, key=str):
            print(f"stale in client_hub.pot: {msgid!r}")
        if missing or stale:
            print("client_hub.pot is not current: run tools/i18n.sh", file=sys.stderr)
            sys.exit(1)
        print("client_hub.pot is current")
        return
    I18N.mkdir(exist_ok=True)
    fresh.save(str(POT))
    for po_path in sorted(I18N.glob("*.po")):
        catalog = polib.pofile(str(po_path))
        catalog.merge(fresh)
        catalog.save(str(po_path))
        untranslated = len(catalog.untranslated_entries())
        print(f"{po_path.name}: {catalog.percent_translated()}% ({untranslated} left)")


if __name__ == "__main__":
    main()
