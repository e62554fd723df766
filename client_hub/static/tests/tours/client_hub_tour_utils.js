/** @odoo-module **/
// Copyright 2026 client_hub contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {stepUtils} from "@web_tour/tour_service/tour_utils";

/** The steps every client_hub tour starts with: Sales → Clients, the list shown. */
export function openClientsSteps() {
    return [
        ...stepUtils.goToAppSteps("sale.sale_menu_root", "Open Sales"),
        {
            content: "Open Sales → Clients",
            trigger:
                '.o_main_navbar [data-menu-xmlid="client_hub.menu_client_hub_clients"]',
            run: "click",
        },
        {
            content: "The Clients list is shown",
            trigger: ".o_list_view .o_breadcrumb:contains(Clients)",
        },
    ];
}
