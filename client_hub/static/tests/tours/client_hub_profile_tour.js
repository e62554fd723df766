/** @odoo-module **/
// Copyright 2026 client_hub contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {inputFiles} from "@web/../tests/utils";
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";
import {openClientsSteps} from "@client_hub/../tests/tours/client_hub_tour_utils";

const PROFILE = ".o_action_manager .o_form_view";

/** A step that fails unless exactly `count` elements match `selector`. */
function countIs(content, selector, count) {
    return {
        content,
        trigger: selector,
        run() {
            const found = document.querySelectorAll(selector).length;
            if (found !== count) {
                throw new Error(`${content}: ${found} elements, not ${count}`);
            }
        },
    };
}

/** Click a tab of the profile's notebook, and wait for its page to be the shown one. */
function openTab(name, label) {
    return [
        {
            content: `Open the ${label} tab`,
            trigger: `${PROFILE} .o_notebook a.nav-link[name=${name}]`,
            run: "click",
        },
        {
            content: `The ${label} tab is shown`,
            trigger: `${PROFILE} .o_notebook a.nav-link.active[name=${name}]`,
        },
    ];
}

/**
 * Sales → Clients → the demo client Lusitânia Engenharia: every tab of the profile shows
 * the client's own documents (those of its contacts included), the overview's labels
 * agree with their numbers, a payment term edited under Contact data is saved, the
 * overdue-invoices figure opens the list of exactly that invoice, and a file uploaded
 * in Files is kept.
 * test_tours.py checks the payment term and the attachment it leaves behind.
 */
registry.category("web_tour.tours").add("client_hub_profile", {
    url: "/odoo",
    steps: () => [
        ...openClientsSteps(),
        {
            content: "Open the demo client Lusitânia Engenharia",
            trigger: ".o_list_view .o_data_row td:contains(Lusitânia Engenharia)",
            run: "click",
        },
        {
            content: "The profile opens on the Overview tab",
            trigger: `${PROFILE} .o_notebook a.nav-link.active[name=overview]`,
        },
        {
            content: "The right panel shows the client's tax ID",
            trigger: `${PROFILE} .o_client_hub_panel .o_field_widget[name=vat]:contains(PT501964843)`,
        },
        // Overview: figures of the client and its contacts.
        {
            content: "Overview: 2 confirmed orders (one was placed by a contact)",
            trigger: `${PROFILE} button.o_client_hub_figure .o_field_widget[name=client_order_count]:contains(2)`,
        },
        {
            content: "Overview: 1 overdue invoice (addressed to a contact)",
            trigger: `${PROFILE} button.o_client_hub_figure .o_field_widget[name=client_invoice_overdue_count]:contains(1)`,
        },
        {
            content: "Overview: one quotation, in the singular",
            trigger: `${PROFILE} button.o_client_hub_figure:has(.o_field_widget[name=client_quote_count]):contains(1 quotation):not(:contains(quotations))`,
        },
        {
            content: "Overview: two projects, in the plural",
            trigger: `${PROFILE} button.o_client_hub_figure:has(.o_field_widget[name=client_project_count]):contains(2 projects)`,
        },
        {
            content: "Overview: one file, in the singular",
            trigger: `${PROFILE} button.o_client_hub_figure:has(.o_field_widget[name=client_attachment_count]):contains(1 file):not(:contains(files))`,
        },
        {
            content: "The right panel's address starts with the street, not the name",
            trigger: `${PROFILE} .o_client_hub_panel [name=client_panel_address] > :first-child:contains(Rua Castilho, 39)`,
        },
        // Contact data: Odoo's partner form, its own tabs under it.
        ...openTab("contact_data", "Contact data"),
        {
            content: "Contact data: the client's address",
            trigger: `${PROFILE} .tab-pane.active .o_field_widget[name=street] input:value(Rua Castilho, 39)`,
        },
        {
            content: "Contact data: the client's contacts",
            trigger: `${PROFILE} .tab-pane.active .o_field_widget[name=child_ids] .o_kanban_record:contains(Rui Matos)`,
        },
        countIs(
            "Contact data: two contacts",
            `${PROFILE} .tab-pane.active .o_field_widget[name=child_ids] .o_kanban_record:not(.o_kanban_ghost)`,
            2
        ),
        ...openTab("sales_purchases", "Sales & Purchase"),
        {
            content: "Sales & Purchase: type a customer payment term",
            trigger: `${PROFILE} .tab-pane.active .o_field_widget[name=property_payment_term_id] input`,
            run: "edit 30 Days",
        },
        {
            content: "Sales & Purchase: pick 30 Days",
            trigger:
                ".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains(30 Days)",
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            content: "Sales & Purchase: the payment term is saved",
            trigger: `${PROFILE} .o_field_widget[name=property_payment_term_id] input:value(30 Days)`,
        },
        // Projects
        ...openTab("projects", "Projects"),
        {
            content: "Projects: the client's project",
            trigger: `${PROFILE} .tab-pane.active .o_field_widget[name=client_project_ids] .o_data_row:contains(Ponte pedonal do Tejo)`,
        },
        {
            content: "Projects: and its contact's project",
            trigger: `${PROFILE} .tab-pane.active .o_field_widget[name=client_project_ids] .o_data_row:contains(Auditoria energética)`,
        },
        // Orders & Invoices
        ...openTab("orders_invoices", "Orders & Invoices"),
        countIs(
            "Orders & Invoices: the two confirmed orders",
            `${PROFILE} .tab-pane.active .o_field_widget[name=client_order_ids] .o_data_row`,
            2
        ),
        {
            content: "Orders & Invoices: the credit note is among the invoices",
            trigger: `${PROFILE} .tab-pane.active .o_field_widget[name=client_invoice_ids] .o_data_row:contains(Credit Note)`,
        },
        // Offers & Quotes
        ...openTab("offers_quotes", "Offers & Quotes"),
        {
            content: "Offers & Quotes: an open opportunity of the client",
            trigger: `${PROFILE} .tab-pane.active .o_field_widget[name=client_opportunity_ids] .o_data_row:contains(Fiscalização da obra da ponte)`,
        },
        {
            content: "Offers & Quotes: and one of its contact",
            trigger: `${PROFILE} .tab-pane.active .o_field_widget[name=client_opportunity_ids] .o_data_row:contains(Certificação energética)`,
        },
        countIs(
            "Offers & Quotes: neither the won nor the lost opportunity",
            `${PROFILE} .tab-pane.active .o_field_widget[name=client_opportunity_ids] .o_data_row`,
            2
        ),
        countIs(
            "Offers & Quotes: the one quotation",
            `${PROFILE} .tab-pane.active .o_field_widget[name=client_quote_ids] .o_data_row`,
            1
        ),
        // One figure of the overview opens its filtered list.
        ...openTab("overview", "Overview"),
        {
            content: "Click the overdue-invoices figure",
            trigger: `${PROFILE} button.o_client_hub_figure:has(.o_field_widget[name=client_invoice_overdue_count])`,
            run: "click",
        },
        {
            content: "The Overdue Invoices list opens",
            trigger: ".o_breadcrumb .active:contains(Overdue Invoices)",
        },
        {
            content: "It lists the invoice addressed to the client's contact",
            trigger: ".o_list_view .o_data_row:contains(Ana Ferreira)",
        },
        countIs("It lists that invoice only", ".o_list_view .o_data_row", 1),
        {
            content: "Back to the profile through the breadcrumb",
            trigger: ".o_breadcrumb a:contains(Lusitânia Engenharia)",
            run: "click",
        },
        // Files: the demo file, then upload one.
        ...openTab("files", "Files"),
        {
            content: "Files: the demo contract",
            trigger: `${PROFILE} .tab-pane.active .o_field_widget[name=client_attachment_ids] .o_data_row:contains(contrato-lusitania.txt)`,
        },
        {
            content: "Files: add a line",
            trigger: `${PROFILE} .tab-pane.active .o_field_widget[name=client_attachment_ids] .o_field_x2many_list_row_add a`,
            run: "click",
        },
        {
            content: "Files: upload a file in the new line",
            trigger: `${PROFILE} .o_field_widget[name=client_attachment_ids] .o_selected_row .o_field_widget[name=datas]`,
            async run() {
                const file = new File(
                    ["Caderno de encargos (tour)."],
                    "caderno-encargos.txt",
                    {
                        type: "text/plain",
                    }
                );
                await inputFiles(
                    `${PROFILE} .o_field_widget[name=client_attachment_ids] .o_selected_row .o_field_widget[name=datas] input.o_input_file`,
                    [file]
                );
            },
        },
        {
            content: "Files: the file's name fills the Name column",
            trigger: `${PROFILE} .o_field_widget[name=client_attachment_ids] .o_selected_row .o_field_widget[name=name] input:value(caderno-encargos.txt)`,
        },
        ...stepUtils.saveForm(),
        {
            content: "Files: the uploaded file is listed beside the demo contract",
            trigger: `${PROFILE} .tab-pane.active .o_field_widget[name=client_attachment_ids] .o_data_row:contains(caderno-encargos.txt)`,
        },
        ...openTab("overview", "Overview"),
        {
            content: "Overview: the Files figure counts it, in the plural",
            trigger: `${PROFILE} button.o_client_hub_figure:has(.o_field_widget[name=client_attachment_count]):contains(2 files)`,
        },
    ],
});
