# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What an import of clients refuses before the database would, and how it words
what the database refuses: every message names the row and says what to change."""

import psycopg2

from odoo import _, api, models
from odoo.exceptions import UserError

from .res_partner_vat import CLIENT_VAT_MAX_LENGTH

# Longer texts may not fit in the indexes of their columns.
CLIENT_NAME_MAX_LENGTH = 512
CLIENT_TEXT_MAX_LENGTH = 512
CLIENT_PHONE_MAX_LENGTH = 64
# Database errors of an imported row: worded by Odoo's load (missing value, unique,
# check); of two transactions at once; of a value too long for an index.
WORDED_PGCODES = ("23502", "23505", "23514")
RETRY_PGCODES = ("40001", "40P01", "55P03")
TOO_LONG_PGCODES = ("54000", "22001")


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _load_records(self, data_list, update=False, ignore_duplicates=False):
        """Word the database errors that Odoo's load would report raw, during an
        import of partners.

        Odoo's load shows PostgreSQL's own text for every database error but a
        missing value, a unique or a check constraint. The rows are flushed here, so
        that such an error is raised where it can be worded; the import's savepoint
        then rolls the row back, as for any error.
        """
        if not self.env.context.get("client_hub_load"):
            return super()._load_records(data_list, update, ignore_duplicates)
        try:
            records = super()._load_records(data_list, update, ignore_duplicates)
            self.env.flush_all()
        except psycopg2.Error as error:
            if error.pgcode in WORDED_PGCODES:
                raise
            raise UserError(self._client_hub_database_error(error)) from None
        return records

    @api.model
    def _client_hub_database_error(self, error):
        """A message, in words, for a database error on an imported row."""
        if error.pgcode in RETRY_PGCODES:
            return _(
                "This row could not be written because another user was changing "
                "the same records at that moment. Nothing was written: import the "
                "file again."
            )
        if error.pgcode in TOO_LONG_PGCODES:
            return _(
                "A value of this row is too long for the database. Shorten the "
                "longest cells of the row."
            )
        return _(
            "The database refused this row (error code %(code)s). Nothing was "
            "written: check the row's values.",
            code=error.pgcode,
        )

    @api.model
    def _client_hub_cell_errors(self, paths, data):
        """Name the rows with a cell that the database would refuse with a raw error.

        PostgreSQL cannot store a NUL character, and a text longer than its column's
        limit (``_client_hub_import_max_lengths``) may not fit in the column's index
        ("index row requires ... bytes"); the matching would also search for them.
        """
        limits = self._client_hub_import_max_lengths()
        limited = [
            (col, path[0], limits[path[0]])
            for col, path in enumerate(paths)
            if len(path) == 1 and path[0] in limits
        ]
        messages = []
        for index, row in enumerate(data):
            if any(isinstance(cell, str) and "\x00" in cell for cell in row):
                message = _(
                    "Row %(row)s contains a NUL character, which cannot be "
                    "stored. Remove it from the file.",
                    row=index,
                )
            else:
                too_long = next(
                    (
                        (fname, limit, len(row[col]))
                        for col, fname, limit in limited
                        if isinstance(row[col], str) and len(row[col]) > limit
                    ),
                    None,
                )
                if not too_long:
                    continue
                fname, limit, length = too_long
                message = _(
                    "The %(field)s of row %(row)s has %(length)s characters; a "
                    "%(field)s has at most %(max)s.",
                    field=_("legal name")
                    if fname == "name"
                    else self._fields[fname]._description_string(self.env),
                    row=index,
                    length=length,
                    max=limit,
                )
            messages.append(self._client_hub_import_error(index, message))
        return messages

    @api.model
    def _client_hub_import_max_lengths(self):
        """Return ``{field name: most characters}`` for the text columns with an
        index that an import may write: the legal name, the tax ID, the phones
        (indexed by phone_validation) and every other indexed text field.

        A btree index entry holds at most about 2,700 bytes, 4 per character at
        worst: the limits stay below that, and far above any real value.
        """
        limits = {
            fname: CLIENT_TEXT_MAX_LENGTH
            for fname, field in self._fields.items()
            if field.type == "char" and field.store and field.index
        }
        limits.update(
            name=CLIENT_NAME_MAX_LENGTH,
            vat=CLIENT_VAT_MAX_LENGTH,
            phone=CLIENT_PHONE_MAX_LENGTH,
            mobile=CLIENT_PHONE_MAX_LENGTH,
        )
        return limits
