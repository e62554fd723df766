/** @odoo-module **/
// Copyright 2026 client_hub contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {ImportAction} from "@base_import/import_action/import_action";
import {downloadFile} from "@web/core/network/download";
import {patch} from "@web/core/utils/patch";
import {ClientImportPreviewDialog} from "./import_preview_dialog";

/**
 * The import screen of Clients gets a Preview button: what the file will do (new,
 * updated, unchanged, failed rows), before it does it.
 */
patch(ImportAction.prototype, {
    get clientHubPreviewable() {
        return Boolean(this.model.context.client_hub_import);
    },

    clientHubImportArgs() {
        const model = this.model;
        return [
            model.id,
            model.columns.map((column) => Boolean(column.fieldInfo) && column.fieldInfo.fieldPath),
            model.columns.map((column) => column.name.trim().toLowerCase()),
            model.formattedImportOptions,
        ];
    },

    async clientHubPreview() {
        const context = this.model.context;
        const preview = await this.orm.call(
            "base_import.import",
            "client_hub_preview",
            this.clientHubImportArgs(),
            {context}
        );
        this.env.services.dialog.add(ClientImportPreviewDialog, {
            preview,
            download: () => this.clientHubPreviewDownload(),
        });
    },

    async clientHubPreviewDownload() {
        const {name, content} = await this.orm.call(
            "base_import.import",
            "client_hub_preview_xlsx",
            this.clientHubImportArgs(),
            {context: this.model.context}
        );
        const bytes = Uint8Array.from(atob(content), (char) => char.charCodeAt(0));
        const type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        await downloadFile(new Blob([bytes], {type}), name, type);
    },
});
