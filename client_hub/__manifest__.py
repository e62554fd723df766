# Copyright 2026 client_hub contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Client Hub",
    "summary": "Sales > Clients: every client with its projects, hours, tasks, "
    "orders, invoices, offers, files and activity on one profile",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/client-hub/client_hub",
    "author": "client_hub contributors",
    "maintainers": ["client-hub"],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": False,
    "installable": True,
    "depends": [
        "base_import",
        "base_vat",
        "sale_management",
        "sale_crm",
        "account",
        "hr_timesheet",
        # Installed anyway (auto_install with the above); named so that it loads
        # before our demo projects, whose table it gives a required column.
        "sale_timesheet",
    ],
    "data": [
        "data/ir_exports_data.xml",
        "views/res_partner_add_client_views.xml",
        "views/res_partner_profile_views.xml",
        "views/res_partner_views.xml",
        "views/client_hub_menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
        "demo/client_activity_demo.xml",
        "demo/crm_lead_enrichment_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "client_hub/static/src/views/**/*",
            "client_hub/static/src/import_action/**/*",
        ],
        "web.assets_tests": [
            "client_hub/static/tests/tours/**/*",
        ],
    },
}
