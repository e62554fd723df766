# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A figure is shown only to users who can open the list behind it."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import PROJECT_USER, ClientOverviewCase

TIMESHEET_USER = "hr_timesheet.group_hr_timesheet_user"
TIMESHEET_APPROVER = "hr_timesheet.group_hr_timesheet_approver"


@tagged("post_install", "-at_install")
class TestFigureRights(ClientOverviewCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.client = cls.create_client("Tejo Consultores, Lda.")
        cls.create_project(cls.client, hours=3.5)

    def test_every_figures_groups_may_open_its_list(self):
        """Whoever is in a group of a figure's field can read the records of the
        list its button opens, and run that list's search."""
        figures = self.Partner._client_hub_figures()
        for fname in figures:
            for group in (self.Partner._fields[fname].groups or "").split(","):
                if not group:
                    continue
                with self.subTest(figure=fname, group=group):
                    user = self.new_user(f"rights_{fname}_{group}", group)
                    client = self.client.with_user(user)
                    action = client.with_context(
                        client_hub_figure=fname
                    ).action_client_hub_open_figure()
                    self.assertTrue(
                        self.env[action["res_model"]].with_user(user).has_access("read")
                    )
                    self.env[action["res_model"]].with_user(user).search(
                        action["domain"]
                    )

    def test_project_user_without_timesheets_does_not_get_the_hours(self):
        user = self.new_user("rights_project", PROJECT_USER)
        self.assertFalse(user.has_group(TIMESHEET_USER))
        client = self.client.with_user(user)
        self.assertEqual(client.client_project_count, 1)
        with self.assertRaises(AccessError):
            client.read(["client_project_hours"])
        self.assertNotIn("client_project_hours", client.fields_get())

    def test_timesheet_users_get_the_hours_of_the_list_they_open(self):
        """A timesheet user sees their own timesheets, an approver every one: the
        figure is the total of the list its button opens, for each."""
        for login, group, hours in (
            ("rights_timesheet", TIMESHEET_USER, 0.0),
            ("rights_approver", TIMESHEET_APPROVER, 3.5),
        ):
            with self.subTest(group=group):
                user = self.new_user(login, f"{PROJECT_USER},{group}")
                client = self.client.with_user(user)
                self.assertEqual(client.client_project_hours, hours)
                action = client.with_context(
                    client_hub_figure="client_project_hours"
                ).action_client_hub_open_figure()
                lines = (
                    self.env[action["res_model"]]
                    .with_user(user)
                    .search(action["domain"])
                )
                self.assertEqual(sum(lines.mapped("unit_amount")), hours)
