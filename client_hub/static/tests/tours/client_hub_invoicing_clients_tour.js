/** @odoo-module **/
// Copyright 2026 client_hub contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const OVERDUE = '.o_list_view th[data-name="client_invoice_overdue_amount"]';
const FIRST_ROW = ".o_list_view .o_data_row:first-child";

/**
 * An accountant without any sales right: Invoicing → Customers → Clients, sort the
 * list by overdue amount (the second click on the header sorts descending), then
 * open the top client's profile. test_portfolio_tour.py creates the client that
 * owes the most, "Tour Top Debtor".
 */
registry.category("web_tour.tours").add("client_hub_invoicing_clients", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("account.menu_finance", "Open Invoicing"),
        {
            content: "Open the Customers menu",
            trigger:
                '.o_main_navbar [data-menu-xmlid="account.menu_finance_receivables"]',
            run: "click",
        },
        {
            content: "Open Customers → Clients",
            trigger:
                '.dropdown-item[data-menu-xmlid="client_hub.menu_client_hub_invoicing_clients"]',
            run: "click",
        },
        {
            content: "The Clients list shows the aging columns",
            trigger: '.o_list_view th[data-name="client_receivable_90_plus_amount"]',
        },
        {
            content: "Sort by overdue amount, ascending",
            trigger: OVERDUE,
            run: "click",
        },
        {
            content: "Sorted ascending",
            trigger: `${OVERDUE} .o_list_sortable_caret.fa-angle-up`,
        },
        {
            content: "Sort by overdue amount, descending",
            trigger: OVERDUE,
            run: "click",
        },
        {
            content: "Sorted descending",
            trigger: `${OVERDUE} .o_list_sortable_caret.fa-angle-down:not(.opacity-0)`,
        },
        {
            content: "The client that owes the most comes first",
            trigger: `${FIRST_ROW} td[name=complete_name]:contains(Tour Top Debtor)`,
        },
        {
            content: "Open its profile",
            trigger: `${FIRST_ROW} td[name=complete_name]`,
            run: "click",
        },
        {
            content: "The profile of the top client is shown",
            trigger: ".o_form_view .o_breadcrumb:contains(Tour Top Debtor)",
        },
        {
            content: "Its overdue amount is on the profile",
            trigger: '.o_form_view [name="client_invoice_overdue_amount"]',
        },
    ],
});
