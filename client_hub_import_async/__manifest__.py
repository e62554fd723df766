# Copyright 2026 client_hub contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Client Hub: Import in the Background",
    "summary": "Large client files import in chunked queue jobs: progress, a report "
    "by row, a notification at the end",
    "version": "18.0.1.0.0",
    "category": "Sales/Sales",
    "website": "https://github.com/client-hub/client_hub",
    "author": "client_hub contributors",
    "maintainers": ["client-hub"],
    # AGPL-3 because base_import_async, which this glue extends, is AGPL-3.
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["client_hub", "base_import_async"],
    "data": [
        "views/queue_job_views.xml",
    ],
    "auto_install": True,
    "installable": True,
}
