/** @odoo-module **/
// Copyright 2026 client_hub contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {Component, useState} from "@odoo/owl";
import {Dialog} from "@web/core/dialog/dialog";
import {_t} from "@web/core/l10n/translation";

// Rows shown on the screen; the spreadsheet has them all.
const SHOWN_ROWS = 200;

/**
 * What a client file will do, before it does it: the rows that create, update, leave
 * unchanged or fail, with each update's old and new values. The data comes from
 * base_import.import.client_hub_preview, the import itself run and rolled back.
 */
export class ClientImportPreviewDialog extends Component {
    static template = "client_hub.ClientImportPreviewDialog";
    static components = {Dialog};
    static props = {
        preview: Object,
        download: Function,
        close: Function,
    };

    setup() {
        this.state = useState({status: this.firstStatus()});
        this.statuses = [
            {key: "new", label: _t("New clients"), css: "text-bg-success"},
            {key: "updated", label: _t("Updated"), css: "text-bg-info"},
            {key: "unchanged", label: _t("Unchanged"), css: "text-bg-secondary"},
            {key: "failed", label: _t("Failed"), css: "text-bg-danger"},
        ];
    }

    firstStatus() {
        const counts = this.props.preview.counts;
        return ["failed", "updated", "new", "unchanged"].find((key) => counts[key]) || "new";
    }

    get rows() {
        return this.props.preview.rows.filter((row) => row.status === this.state.status);
    }

    get shownRows() {
        return this.rows.slice(0, SHOWN_ROWS);
    }

    get hiddenCount() {
        return Math.max(0, this.rows.length - SHOWN_ROWS);
    }
}
