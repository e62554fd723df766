# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The Clients list as a portfolio: every figure sorts the list and sums in groups.

The figures are computed, not stored (stored totals go stale and ignore the reader's
rights), so Odoo cannot turn them into SQL by itself. Here a figure becomes a LEFT
JOIN of its own query over every partner (see ``_client_hub_figure_query``: the
source model's ``_search``, with the reading user's record rules and companies),
which Odoo's ORDER BY and ``read_group`` then use like a column. ``fields_get``
derives ``sortable`` and ``aggregator`` from the same two methods, so the web client
offers the sort and the group sums by itself.
"""

from odoo import models
from odoo.models import READ_GROUP_AGGREGATE, parse_read_group_spec
from odoo.tools import SQL

# The aggregates that a group of clients may show for a figure.
FIGURE_AGGREGATES = ("sum", "avg", "min", "max")


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _order_field_to_sql(self, alias, field_name, direction, nulls, query):
        """Order by a figure as the reading user counts it.

        A number figure orders as its value (0 without source records); a date
        figure puts clients without one first when ascending, last when
        descending, as the oldest of all. A figure the user may not read raises
        Odoo's own access error, as for any field they may not read.
        """
        if field_name not in self._client_hub_figure_fields():
            return super()._order_field_to_sql(
                alias, field_name, direction, nulls, query
            )
        self.check_field_access_rights("read", [field_name])
        value = self._client_hub_figure_join(field_name, alias, query)
        if value is None:
            return SQL()
        if self._fields[field_name].type in ("date", "datetime"):
            if not nulls.code:
                nulls = SQL("NULLS LAST" if direction.code == "DESC" else "NULLS FIRST")
        else:
            value = SQL("COALESCE(%s, 0)", value)
        if query.groupby:
            query.groupby = SQL("%s, %s", query.groupby, value)
        return SQL("%s %s %s", value, direction, nulls)

    def _read_group_select(self, aggregate_spec, query):
        """Aggregate a figure over a group of clients (the sums under a grouped
        Clients list): the figure's value of each client, summed in SQL."""
        if aggregate_spec != "__count":
            fname, __, func = parse_read_group_spec(aggregate_spec)
            if fname in self._client_hub_figure_fields() and func in FIGURE_AGGREGATES:
                self.check_field_access_rights("read", [fname])
                value = self._client_hub_figure_join(
                    fname, self._table, query, whole_source=True
                )
                if value is None:
                    return SQL("NULL")
                if self._fields[fname].type not in ("date", "datetime"):
                    value = SQL("COALESCE(%s, 0)", value)
                return READ_GROUP_AGGREGATE[func](self._table, value)
        return super()._read_group_select(aggregate_spec, query)

    def _client_hub_figure_fields(self):
        """The names of the figure fields (read from the fields, so that this
        costs nothing where no figure is involved)."""
        return {
            name
            for name, field in self._fields.items()
            if field.compute == "_compute_client_figures"
        }

    def _client_hub_figure_join(self, fname, alias, query, whole_source=False):
        """LEFT JOIN the value of figure ``fname`` for every partner to ``query``,
        on the partner ``alias``; return the SQL of the value (NULL for a partner
        without source records), or None when the user may not read the source.

        With ``whole_source``, the join computes every figure of the same source
        that the user may read, in one sub-query: a grouped list sums all its
        figure columns with one join per source model instead of one per figure.
        A join asked twice is made once.
        """
        figures = self._client_hub_figures()
        figure = figures[fname]
        if not self._client_hub_can_read(fname, figure.model):
            return None
        source = (figure.model, figure.partner)
        joined = {fname: figure}
        if whole_source:
            joined = {
                name: other
                for name, other in figures.items()
                if (other.model, other.partner) == source
                and self._client_hub_can_read(name, other.model)
            }
        values = self.browse()._client_hub_figure_query(
            figure.model, figure.partner, joined
        )
        link = fname
        if whole_source:
            link = "client_hub_" + "_".join(source).replace(".", "_")
        figure_alias = query.make_alias(alias, link)
        query.add_join(
            "LEFT JOIN",
            figure_alias,
            SQL("(%s)", values),
            SQL(
                "%s = %s",
                SQL.identifier(figure_alias, "root_id"),
                SQL.identifier(alias, "id"),
            ),
        )
        return SQL.identifier(figure_alias, fname)
