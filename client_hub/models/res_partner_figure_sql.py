# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The figures in SQL: one query per source model, for the profile and the list.

Each query is the source model's ``_search`` (its record rules and the user's
companies) joined to the contact tree (``_client_hub_tree``: each client and every
partner under it), with one ``aggregate FILTER (WHERE domain)`` per figure. The
figures' values, their search and the portfolio's sorting and group sums read it.
"""

from datetime import date

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import SQL

from .res_partner_figures import OPERATOR_FUNCTIONS, SQL_OPERATORS


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _client_hub_read_figures(self, figures):
        """Return ``{figure: {client id: value}}`` for the clients ``self``, or for
        every partner when ``self`` is empty; one query per source model."""
        by_source = {}
        for fname, figure in figures.items():
            if self._client_hub_can_read(fname, figure.model):
                by_source.setdefault((figure.model, figure.partner), {})[fname] = figure
        values = {}
        for (model, partner), source_figures in by_source.items():
            query = self._client_hub_figure_query(model, partner, source_figures)
            names = list(source_figures)
            for root_id, *row in self.env.execute_query(query):
                for fname, value in zip(names, row, strict=True):
                    values.setdefault(fname, {})[root_id] = value
        return values

    def _client_hub_figure_query(self, model, partner, figures):
        """SQL returning ``(root_id, <each figure>)`` for the clients
        ``self`` (every partner when empty): the records of ``model`` the user may
        read, joined through ``partner`` to the contact tree (see
        ``_client_hub_tree``), one filtered aggregate per figure."""
        Source = self.env[model]
        query = Source._search([])
        query.order = None
        conditions = {
            fname: self._client_hub_domain_sql(Source, figure.domain, query)
            for fname, figure in figures.items()
        }
        query.add_where(SQL("(%s)", SQL(" OR ").join(conditions.values())))
        alias, current = query.table, Source
        *steps, last = partner.split(".")
        for step in steps:
            current = self.env[current._fields[step].comodel_name]
            alias = query.left_join(alias, step, current._table, "id", step)
        tree = query.join(
            alias, last, self._client_hub_tree(), "partner_id", "client_hub_tree"
        )
        aggregates = [
            SQL(
                "%s FILTER (WHERE %s) AS %s",
                self._client_hub_aggregate_sql(Source, figure.aggregate, query),
                conditions[fname],
                SQL.identifier(fname),
            )
            for fname, figure in figures.items()
        ]
        root = SQL.identifier(tree, "root_id")
        query.groupby = root
        return query.select(root, *aggregates)

    @api.model
    def _client_hub_aggregate_sql(self, model, aggregate, query):
        """The SQL of a ``_read_group`` aggregate; ``id:array_agg`` lists the ids in
        the model's own order, as its list would."""
        if aggregate == "id:array_agg":
            return SQL(
                "ARRAY_AGG(%s ORDER BY %s)",
                SQL.identifier(query.table, "id"),
                model._order_to_sql(model._order, query),
            )
        return model._read_group_select(aggregate, query)

    def _client_hub_tree(self):
        """SQL of the pairs ``(root_id, partner_id)``: each client of ``self`` (every
        partner when empty) and each partner under it, itself and archived contacts
        included. The one walk of the contact tree: a client's figures are those of
        every partner under it."""
        self.env["res.partner"].flush_model(["parent_id"])
        roots = SQL("WHERE id = ANY(%s)", list(self.ids)) if self else SQL()
        return SQL(
            "(WITH RECURSIVE tree(root_id, partner_id) AS ("
            " SELECT id, id FROM res_partner %s"
            " UNION ALL SELECT tree.root_id, child.id FROM tree"
            " JOIN res_partner child ON child.parent_id = tree.partner_id"
            ") SELECT root_id, partner_id FROM tree)",
            roots,
        )

    @api.model
    def _client_hub_domain_sql(self, model, domain, query):
        """The SQL condition of ``domain`` on ``model``'s main table alias in
        ``query``. The joins the domain needs (``auto_join`` fields, such as a
        journal item's account) are added to ``query``: they are the same for
        every figure of the source, and a many2one join keeps every row."""
        if not domain:
            return SQL("TRUE")
        where = model.with_context(active_test=False)._where_calc(domain)
        for alias, join in where._joins.items():
            query._joins.setdefault(alias, join)
        return where.where_clause

    def _client_hub_figure_domain(self, fname, operator, value):
        """Return a domain on the clients whose figure ``fname`` compares with
        ``value``, as the reading user counts it: the figure's query over every
        partner, compared in SQL. A number figure of a client without any source
        record is 0; a date figure is then empty (``= False``) and, as any empty
        date in Odoo, matches no comparison but ``!=``."""
        figure = self._client_hub_figures()[fname]
        field = self._fields[fname]
        label = field._description_string(self.env)
        if operator not in SQL_OPERATORS:
            raise UserError(
                _(
                    "%(figure)s can only be compared with =, !=, <, <=, > or >=.",
                    figure=label,
                )
            )
        is_date = field.type in ("date", "datetime")
        value = self._client_hub_figure_value(field, label, operator, value)
        if not self._client_hub_can_read(fname, figure.model):
            return expression.FALSE_DOMAIN
        query = self.browse()._client_hub_figure_query(
            figure.model, figure.partner, {fname: figure}
        )
        if is_date:
            if value is False or operator == "!=":
                # Empty dates: "= False" is "not set", "!= day" includes them.
                condition = SQL("value IS NOT NULL")
                if value is not False:
                    condition = SQL("value = %s", value)
                inside = (operator == "!=") == (value is False)
                return [
                    (
                        "id",
                        "in" if inside else "not in",
                        self._client_hub_roots(query, condition),
                    )
                ]
            matches = SQL("value %s %s", SQL_OPERATORS[operator], value)
            return [("id", "in", self._client_hub_roots(query, matches))]
        matches = SQL("COALESCE(value, 0) %s %s", SQL_OPERATORS[operator], value)
        if OPERATOR_FUNCTIONS[operator](0, value):
            # Clients without any source record match too: exclude the others.
            return [
                (
                    "id",
                    "not in",
                    self._client_hub_roots(query, SQL("NOT (%s)", matches)),
                )
            ]
        return [("id", "in", self._client_hub_roots(query, matches))]

    @api.model
    def _client_hub_figure_value(self, field, label, operator, value):
        """The value a figure of ``field`` is compared with, checked: a number for
        a number figure; a date (or its text) or ``False`` with ``=``/``!=`` for a
        date figure. Anything else is refused with a message naming the figure."""
        if field.type not in ("date", "datetime"):
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise UserError(
                    _("%(figure)s can only be compared with a number.", figure=label)
                )
            return value
        if value is False and operator in ("=", "!="):
            return False
        convert = (
            fields.Date.to_date if field.type == "date" else fields.Datetime.to_datetime
        )
        converted = None
        if isinstance(value, str | date):
            try:
                converted = convert(value)
            except ValueError:
                converted = None
        if not converted:
            raise UserError(
                _(
                    "%(figure)s can only be compared with a date, such as %(example)s.",
                    figure=label,
                    example=fields.Date.to_string(fields.Date.context_today(self)),
                )
            )
        return converted

    @api.model
    def _client_hub_roots(self, query, condition):
        """SQL sub-query of the client ids of a figure ``query`` whose value meets
        ``condition``."""
        return SQL(
            "(SELECT root_id FROM (%s) AS figure(root_id, value) WHERE %s)",
            query,
            condition,
        )
