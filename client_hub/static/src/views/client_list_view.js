/** @odoo-module **/
// Copyright 2026 client_hub contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {ListController} from "@web/views/list/list_controller";
import {listView} from "@web/views/list/list_view";
import {registry} from "@web/core/registry";

/**
 * The Clients list: its New button ("+ Add client") opens the short Add client dialog
 * instead of an empty profile, as the kanban view does through its on_create.
 */
export class ClientListController extends ListController {
    static template = "client_hub.ClientListView";

    async createRecord() {
        await this.actionService.doAction("client_hub.res_partner_action_add_client", {
            additionalContext: this.props.context,
            onClose: () => this.model.root.load(),
        });
    }
}

registry.category("views").add("client_hub_list", {
    ...listView,
    Controller: ClientListController,
});
