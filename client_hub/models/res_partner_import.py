# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Spreadsheet import of clients: templates, update by tax ID, errors by row.

Odoo's own ``load`` does the import; this adds the matching of each row to an
existing client (by tax ID, else by legal name for clients without one), refuses
what the database would refuse with a raw error, and writes only what changes.
"""

from collections import defaultdict

from odoo import _, api, models
from odoo.models import fix_import_export_id_paths


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def get_import_templates(self):
        """Offer the client template when the import starts from the Clients list.

        The Clients action puts ``client_hub_import`` in its context, which the import
        screen passes on; other partner imports keep what Odoo offers.
        """
        if not self.env.context.get("client_hub_import"):
            return super().get_import_templates()
        name = self._client_hub_template_name()
        return [
            {
                "label": _("Import Template for Clients (.xlsx)"),
                "template": f"/client_hub/static/xls/{name}.xlsx",
            },
            {
                "label": _("Import Template for Clients (.xls)"),
                "template": f"/client_hub/static/xls/{name}.xls",
            },
        ]

    @api.model
    def _client_hub_template_name(self):
        """The client template in the user's language: Brazilian Portuguese,
        Portuguese, Spanish, else English (``CLIENT_TEMPLATE_HEADERS``)."""
        lang = self.env.lang or "en_US"
        if lang == "pt_BR":
            return "clients_import_template_pt_BR"
        for prefix in ("pt", "es"):
            if lang.split("_")[0] == prefix:
                return f"clients_import_template_{prefix}"
        return "clients_import_template"

    @api.model
    def load(self, fields, data):
        """Update the clients whose tax ID the file gives instead of duplicating them.

        When the tax ID is imported and the file has no ``id``/``.id`` column, every
        row's tax ID is normalized as ``client_vat_key`` is (with the row's country,
        else the context's default), the matching clients of the current company are
        found with one search, and a ``.id`` column is added so that Odoo's own load
        updates them. Two rows with one tax ID, and a new client without a legal name,
        are reported with their row numbers as base_import numbers them (the first
        data row is 0); any error rolls everything back, as Odoo's load does.
        Cells that the database cannot take are refused first, by row: see
        ``_client_hub_cell_errors``. ``client_hub_vat_match=False`` in the context
        turns the matching off.
        """
        if not self.env.context.get("client_hub_load"):
            return self.with_context(client_hub_load=True).load(fields, data)
        paths = [fix_import_export_id_paths(name) for name in fields]
        limit = self.env.context.get("_import_limit") or len(data)
        messages = self._client_hub_cell_errors(paths, data[:limit])
        if messages:
            return {"ids": False, "messages": messages, "nextrow": 0}
        if ["vat"] in paths:
            # Every tax ID of the file locked at once, in one order, before any
            # write: two imports then wait for each other instead of deadlocking.
            vat_col = paths.index(["vat"])
            self._client_hub_lock_vats([row[vat_col] for row in data[:limit]])
        if (
            not self.env.context.get("client_hub_vat_match", True)
            or ["vat"] not in paths
            or any(path[0] in ("id", ".id") for path in paths)
        ):
            return super().load(fields, data)

        matches, messages = self._client_hub_match_rows(paths, data[:limit])
        self._client_hub_preview_note_rows(paths, data[:limit], matches)
        fields = [*fields, ".id"]
        data = [
            [*row, str(matches[index]) if index in matches else ""]
            for index, row in enumerate(data)
        ]
        # A row already reported (a second row of one client) is left out of
        # Odoo's load: there it would fail again, naming the client of the first
        # row, which the rollback below never creates, and the batch it was in.
        reported = {message["record"] for message in messages}
        kept = [index for index in range(len(data)) if index not in reported]
        savepoint = self.env.cr.savepoint(flush=False)
        result = super(
            ResPartner, self.with_context(client_hub_skip_unchanged=True)
        ).load(fields, [data[index] for index in kept] if reported else data)
        result["messages"] = self._client_hub_drop_batch_error(result["messages"])
        if reported:
            result["messages"] = [
                self._client_hub_renumber(message, kept)
                for message in result["messages"]
            ]
        if messages:
            self.env.flush_all()
            savepoint.rollback()
            self.env.invalidate_all()
            self.pool.reset_changes()
            result.update(ids=False, messages=messages + result["messages"])
        elif result["ids"] and self.env.context.get("res_partner_search_mode") == (
            "customer"
        ):
            # New clients get their rank from account's create; updated ones need it
            # to appear under Clients.
            self.browse(result["ids"]).filtered(lambda p: not p.customer_rank).write(
                {"customer_rank": 1}
            )
        savepoint.close(rollback=False)
        return result

    def _load_records_write(self, values):
        """Write only what the file changes when a client import updates a client.

        Without this, importing an exported file back would rewrite every client
        (new write date, tracking, recomputations) although nothing changed.
        """
        if self.env.context.get("client_hub_skip_unchanged"):
            values = {
                name: value
                for name, value in values.items()
                if name not in self._fields
                or self._fields[name].type in ("one2many", "many2many", "properties")
                or (self._fields[name].convert_to_write(self[name], self) or False)
                != (value or False)
            }
            if not values:
                return
            before = self._client_hub_preview_values(values)
            result = super()._load_records_write(values)
            self._client_hub_preview_note_changes(before)
            return result
        return super()._load_records_write(values)

    @api.model
    def _client_hub_match_rows(self, paths, data):
        """Return ``({row index: client id}, [error messages])`` for an import."""
        vat_col = paths.index(["vat"])
        name_col = paths.index(["name"]) if ["name"] in paths else None
        keys = self._client_hub_import_vat_keys(paths, data)
        by_row = self._client_hub_clients_by_vat_key(keys)
        by_name = self._client_hub_clients_by_name(
            {row[name_col] for index, row in enumerate(data) if index not in keys}
            if name_col is not None
            else set()
        )
        matches, first_row, messages = {}, {}, []
        rows_by_number = defaultdict(list)
        for index, (country_id, number) in keys.items():
            client = by_row.get(index)
            if client:
                matches[index] = client.id
                first = first_row.setdefault(client.id, index)
            else:
                # The first earlier row that the database would take for the same
                # client: same number, and the same country or one of them unknown.
                first = next(
                    (
                        other
                        for other, other_country in rows_by_number[number]
                        if not country_id
                        or not other_country
                        or other_country == country_id
                    ),
                    index,
                )
            rows_by_number[number].append((index, country_id))
            if first != index:
                messages.append(
                    self._client_hub_import_error(
                        index,
                        _(
                            "Rows %(first)s and %(second)s have the same tax ID "
                            "%(vat)s. Keep one row per client: merge them or correct "
                            "the tax ID.",
                            first=first,
                            second=index,
                            vat=data[index][vat_col],
                        ),
                    )
                )
        # Rows that only continue the previous record's one2many lines are no record.
        own_cols = [
            col
            for col, path in enumerate(paths)
            if getattr(self._fields.get(path[0]), "type", None) != "one2many"
        ]
        for index, row in enumerate(data):
            if index in matches or not any(row[col] for col in own_cols):
                continue
            name = _name_key(row[name_col]) if name_col is not None else ""
            client = index not in keys and by_name.get(name)
            if client:
                matches[index] = client.id
                first = first_row.setdefault(client.id, index)
                message = first != index and _(
                    "Rows %(first)s and %(second)s are both the client %(name)s. "
                    "Keep one row per client.",
                    first=first,
                    second=index,
                    name=client.name,
                )
            else:
                message = not name and _(
                    "Row %(row)s has no legal name. A new client needs one: fill in "
                    "the Legal name column, or the tax ID of an existing client to "
                    "update it.",
                    row=index,
                )
            if message:
                messages.append(self._client_hub_import_error(index, message))
        return matches, messages

    @api.model
    def _client_hub_import_vat_keys(self, paths, data):
        """Return ``{row index: (country id or False, number)}``: each row's tax ID
        split as ``client_vat_key`` and ``client_vat_country_id`` would store it,
        with the row's country, else the context's default country."""
        vat_col = paths.index(["vat"])
        countries = self._client_hub_import_countries(paths, data)
        default = self.env["res.country"].browse(
            self.env.context.get("default_country_id")
        )
        by_code = self._client_hub_countries_by_code()
        keys = {}
        for index, row in enumerate(data):
            country, number = self._client_hub_vat_parts(
                row[vat_col], countries.get(index) or default, by_code
            )
            if number:
                keys[index] = (country.id, number)
        return keys

    @api.model
    def _client_hub_clients_by_vat_key(self, keys):
        """Return ``{row index: client}`` for the rows whose tax ID is a client's.

        One search, among the current company's clients and those without company.
        A client matches a row with the same number when their countries are the
        same or one of them is unknown, as the uniqueness rule compares them; a
        client of the row's own country comes first.
        """
        clients = self.search_fetch(
            [
                ("client_vat_key", "in", list({key[1] for key in keys.values()})),
                ("company_id", "in", [False, self.env.company.id]),
            ],
            ["client_vat_key", "client_vat_country_id"],
        )
        by_number = defaultdict(list)
        for client in clients:
            by_number[client.client_vat_key].append(client)
        by_row = {}
        for index, (country_id, number) in keys.items():
            found = [
                client
                for client in by_number.get(number, [])
                if not country_id
                or not client.client_vat_country_id
                or client.client_vat_country_id.id == country_id
            ]
            found.sort(key=lambda client: client.client_vat_country_id.id != country_id)
            if found:
                by_row[index] = found[0]
        return by_row

    @api.model
    def _client_hub_clients_by_name(self, names):
        """Return ``{legal name key: client}`` for the clients without a tax ID.

        A client without a tax ID can only be recognized by its legal name, so that a
        file exported without tax IDs imports back without duplicates; a name that
        two such clients share matches neither.
        """
        names = {name.strip() for name in names if name and name.strip()}
        if not names:
            return {}
        found = defaultdict(list)
        for client in self.search_fetch(
            self._client_hub_client_domain()
            + [
                ("name", "in", list(names)),
                ("client_vat_key", "=", False),
                ("company_id", "in", [False, self.env.company.id]),
            ],
            ["name"],
        ):
            found[_name_key(client.name)].append(client)
        return {key: clients[0] for key, clients in found.items() if len(clients) == 1}

    @api.model
    def _client_hub_import_countries(self, paths, data):
        """Return ``{row index: res.country}`` for the rows that name a country.

        A country column holds names or codes (as Odoo's import reads them) or
        external ids; each distinct value is looked up once.
        """
        Country = self.env["res.country"]
        if ["country_id"] in paths:
            column = paths.index(["country_id"])

            def lookup(value):
                found = Country.name_search(value, operator="=", limit=1)
                return Country.browse(found[0][0]) if found else Country

        elif ["country_id", "id"] in paths:
            column = paths.index(["country_id", "id"])

            def lookup(value):
                return self.env.ref(value, raise_if_not_found=False) or Country

        else:
            return {}
        found = {
            value: lookup(value)
            for value in {(row[column] or "").strip() for row in data} - {""}
        }
        return {
            index: found[(row[column] or "").strip()]
            for index, row in enumerate(data)
            if (row[column] or "").strip()
        }

    @api.model
    def _client_hub_drop_batch_error(self, messages):
        """Drop the copy of a row's error that Odoo's load puts first, on row 0.

        When a batch create fails, load retries row by row and, if a row fails, also
        reports the batch's error with the batch's first row. When that error is one
        row's own, the copy blames row 0 for it; the row's message says it already.
        """
        if len(messages) > 1 and any(
            other["message"] == messages[0]["message"]
            and other.get("record") != messages[0].get("record")
            for other in messages[1:]
        ):
            return messages[1:]
        return messages

    @api.model
    def _client_hub_renumber(self, message, kept):
        """Number the rows of a message of Odoo's load on the rows ``kept`` as the
        file numbers them."""
        message = dict(message)
        if isinstance(message.get("record"), int) and message["record"] < len(kept):
            message["record"] = kept[message["record"]]
        rows = message.get("rows")
        if isinstance(rows, dict):
            message["rows"] = {
                key: kept[value] if 0 <= value < len(kept) else value
                for key, value in rows.items()
            }
        return message

    @api.model
    def _client_hub_preview_note_rows(self, paths, data, matches):
        """Tell an import preview (``client_hub_preview`` in the context: see
        ``base_import.import.client_hub_preview``) which rows are records, with their
        legal name and tax ID, and which client each matched row updates."""
        preview = self.env.context.get("client_hub_preview")
        if preview is None:
            return
        own_cols = [
            col
            for col, path in enumerate(paths)
            if getattr(self._fields.get(path[0]), "type", None) != "one2many"
        ]
        name_col = paths.index(["name"]) if ["name"] in paths else None
        vat_col = paths.index(["vat"]) if ["vat"] in paths else None
        preview["rows"] = {
            index: {
                "name": row[name_col] if name_col is not None else "",
                "vat": row[vat_col] if vat_col is not None else "",
            }
            for index, row in enumerate(data)
            if any(row[col] for col in own_cols)
        }
        preview["matches"] = dict(matches)

    def _client_hub_preview_values(self, values):
        """For an import preview, the values of ``self`` that ``values`` may change,
        as the user reads them (a country's name, not its id); else None."""
        if self.env.context.get("client_hub_preview") is None:
            return None
        return {
            name: self._fields[name].convert_to_export(self[name], self) or ""
            for name in values
            if name in self._fields
            and self._fields[name].type not in ("one2many", "many2many", "properties")
        }

    def _client_hub_preview_note_changes(self, before):
        """Tell an import preview what the update of ``self`` changed: the fields
        whose value differs from ``before``, once written (as Odoo stores them: a
        tax ID reformatted by base_vat is no change)."""
        if before is None:
            return
        changes = {}
        for name, old in before.items():
            field = self._fields[name]
            new = field.convert_to_export(self[name], self) or ""
            if new != old:
                changes[name] = {
                    "field": field._description_string(self.env),
                    "old": old,
                    "new": new,
                }
        self.env.context["client_hub_preview"].setdefault("changes", {})[self.id] = (
            changes
        )

    @api.model
    def _client_hub_import_error(self, index, message):
        return {
            "type": "error",
            "message": message,
            "record": index,
            "rows": {"from": index, "to": index},
        }


def _name_key(name):
    """A legal name as the import compares it: surrounding spaces do not count."""
    return (name or "").strip()
