"""Keep the translation files of client_hub and client_hub_import_async current.

    tools/i18n.sh            export <module>/i18n/<module>.pot from a database with
                             both installed, then merge it into every i18n/*.po
    tools/i18n.sh --check    fail when a committed .pot misses or keeps a string

Run through tools/i18n.sh, which passes the Odoo config and database.
"""

import argparse
import io
import pathlib
import sys

import polib

import odoo
from odoo.tools.translate import trans_export

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODULES = ("client_hub", "client_hub_import_async")


def export_pot(database, module):
    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        buffer = io.BytesIO()
        trans_export(None, [module], buffer, "po", cr)
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
    failed = False
    for module in MODULES:
        failed |= update(module, args.database, args.check)
    if failed:
        sys.exit(1)


def update(module, database, check):
    """Export ``module``'s .pot and merge it into its .po files (or, with
    ``check``, compare it with the committed one); True when it is not current."""
    i18n = ROOT / module / "i18n"
    pot = i18n / f"{module}.pot"
    fresh = export_pot(database, module)
    if check:
        committed = polib.pofile(str(pot)) if pot.exists() else polib.POFile()
        missing = entry_keys(fresh) - entry_keys(committed)
        stale = entry_keys(committed) - entry_keys(fresh)
        for _ctxt, msgid in sorted(missing, key=str):
            print(f"missing from {pot.name}: {msgid!r}")
        for _ctxt, msgid in sorted(stale, key=str):
            print(f"stale in {pot.name}: {msgid!r}")
        if missing or stale:
            print(f"{pot.name} is not current: run tools/i18n.sh", file=sys.stderr)
            return True
        print(f"{pot.name} is current")
        return False
    i18n.mkdir(exist_ok=True)
    fresh.save(str(pot))
    for lang in ("pt", "pt_BR", "es"):
        po_path = i18n / f"{lang}.po"
        if po_path.exists():
            catalog = polib.pofile(str(po_path))
        else:
            catalog = polib.POFile()
            catalog.metadata = dict(fresh.metadata, Language=lang)
        catalog.merge(fresh)
        catalog.save(str(po_path))
        untranslated = len(catalog.untranslated_entries())
        print(
            f"{module}/{po_path.name}: {catalog.percent_translated()}% "
            f"({untranslated} left)"
        )
    return False


if __name__ == "__main__":
    main()
