/** @odoo-module **/
// Copyright 2026 client_hub contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {registry} from "@web/core/registry";
import {openClientsSteps} from "@client_hub/../tests/tours/client_hub_tour_utils";

/**
 * Sales → Clients → + Add client → legal name, tax ID, address → Create: the new
 * client's profile opens. test_client_tours.py checks the record it leaves behind.
 */
registry.category("web_tour.tours").add("client_hub_add_client", {
    url: "/odoo",
    steps: () => [
        ...openClientsSteps(),
        {
            content: "Click + Add client",
            trigger: ".o_list_view .o_list_button_add:contains(Add client)",
            run: "click",
        },
        {
            content: "Legal name",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Tour Engenharia, Lda.",
        },
        {
            content: "Tax identification number",
            trigger: ".modal .o_field_widget[name=vat] input",
            run: "edit PT505555557",
        },
        {
            content: "Street",
            trigger: ".modal .o_field_widget[name=street] input",
            run: "edit Rua das Flores 12",
        },
        {
            content: "ZIP",
            trigger: ".modal .o_field_widget[name=zip] input",
            run: "edit 4050-262",
        },
        {
            content: "City",
            trigger: ".modal .o_field_widget[name=city] input",
            run: "edit Porto",
        },
        {
            content: "Country",
            trigger: ".modal .o_field_widget[name=country_id] input",
            run: "edit Portugal",
        },
        {
            content: "Pick Portugal",
            trigger:
                ".modal .o_field_widget[name=country_id] .o-autocomplete--dropdown-item a:contains(Portugal)",
            run: "click",
        },
        {
            content: "Create",
            trigger: ".modal footer button[name=action_client_hub_open_profile]",
            run: "click",
        },
        {
            content: "The profile opens in place of the list, named after the client",
            trigger: ".o_breadcrumb .active:contains(Tour Engenharia)",
        },
        {
            content: "The profile's right panel shows the tax ID",
            trigger:
                ".o_action_manager .o_form_view .o_client_hub_panel .o_field_widget[name=vat]:contains(PT505555557)",
        },
        {
            content: "The profile is not a dialog",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
