# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo starts without tracebacks on a machine without internet."""

from unittest import SkipTest

from odoo.tests import tagged

from .common import ClientHubCase


@tagged("post_install", "-at_install")
class TestDemoSchedulesNothingOnline(ClientHubCase):
    def test_lead_enrichment_is_not_scheduled_in_the_demo(self):
        """crm's lead enrichment calls an online service: the demo turns its
        scheduled action off and enriches on demand only."""
        if not self.env.ref("client_hub.client_lusitania", False):
            raise SkipTest("no demo data in this database")
        crons = (
            self.env["ir.cron"]
            .with_context(active_test=False)
            .search([("code", "=", "model._iap_enrich_leads_cron()")])
        )
        if not crons:
            raise SkipTest("crm's lead enrichment is not installed")
        self.assertFalse(crons.filtered("active"))
        self.assertEqual(
            self.env["ir.config_parameter"].get_param("crm.iap.lead.enrich.setting"),
            "manual",
        )
