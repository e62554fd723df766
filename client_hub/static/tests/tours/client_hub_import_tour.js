/** @odoo-module **/
// Copyright 2026 client_hub contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

import {inputFiles} from "@web/../tests/utils";
import {registry} from "@web/core/registry";
import {openClientsSteps} from "@client_hub/../tests/tours/client_hub_tour_utils";

// ASCII only: base_import guesses a CSV's encoding with chardet, which can take a
// short UTF-8 file with a few accents for another encoding.
const HEADER = "Legal name,Tax ID,Street,ZIP,City,Country";
const GOOD_ROWS = [
    "Tour Norte Texteis Lda,PT506666662,Rua de Santa Catarina 101,4000-447,Porto,Portugal",
    "Tour Minho Calcado Lda,PT507777778,Rua Dr. Jose Sampaio 7,4810-275,Guimaraes,Portugal",
];
const BAD_ROW =
    "Tour Mar Azul Pescas Lda,PT999999999,Avenida da Liberdade 45,1250-140,Lisboa,Portugal";
const FIXED_ROW = BAD_ROW.replace("PT999999999", "PT500001111");

// Steps that wait for the server (parse, test, import, preview): a loaded machine
// takes longer than the tour's default 10 s.
const SERVER_TIMEOUT = 60000;

function csvFile(name, rows) {
    return new File([[HEADER, ...rows].join("\n") + "\n"], name, {type: "text/csv"});
}

/** Sales → Clients → ⋯ → Import records → upload `file`: its preview is shown. */
function uploadSteps(file) {
    return [
        ...openClientsSteps(),
        {
            content: "Open the ⋯ (cog) menu",
            trigger: ".o_control_panel .o_cp_action_menus button.dropdown-toggle",
            run: "click",
        },
        {
            content: "Import records",
            trigger: ".o-dropdown--menu .o-dropdown-item:contains(Import records)",
            run: "click",
        },
        {
            content: `Upload ${file.name}`,
            trigger: ".o_import_action",
            async run() {
                await inputFiles(".o_control_panel input.o_input_file", [file]);
            },
        },
        {
            content: "The file's preview is shown",
            timeout: SERVER_TIMEOUT,
            trigger:
                ".o_import_data_content .o_import_file_column_cell:contains(Tax ID)",
        },
        {
            content: "The header Legal name is matched to the client's name",
            trigger:
                ".o_import_data_content tr:contains(Legal name) .o_select_menu:contains(Name)",
        },
    ];
}

/**
 * A client file with one invalid tax ID: Test reports the row, and so does Import,
 * which creates nothing (test_client_tours.py checks). client_hub_import_fixed then
 * imports the file with that tax ID corrected.
 */
registry.category("web_tour.tours").add("client_hub_import", {
    url: "/odoo",
    steps: () => [
        ...uploadSteps(
            csvFile("clients_bad.csv", [GOOD_ROWS[0], BAD_ROW, GOOD_ROWS[1]])
        ),
        {
            content: "Test the file",
            trigger: ".o_control_panel button:contains(Test)",
            run: "click",
        },
        {
            content:
                "The invalid tax ID is reported with its row (base_import counts data rows from 0)",
            timeout: SERVER_TIMEOUT,
            trigger:
                ".o_import_data_content .alert-danger:contains(Error at row 1):contains(PT999999999)",
        },
        {
            content: "Import it anyway",
            trigger: ".o_control_panel button.btn-primary:contains(Import)",
            run: "click",
        },
        {
            content: "Import refuses the file with the same error",
            timeout: SERVER_TIMEOUT,
            trigger:
                ".o_import_data_content .alert-danger:contains(Error at row 1):contains(PT999999999)",
        },
        {
            content: "The import screen stays open",
            trigger: ".o_import_action .o_import_data_content",
        },
    ],
});

registry.category("web_tour.tours").add("client_hub_import_fixed", {
    url: "/odoo",
    steps: () => [
        ...uploadSteps(
            csvFile("clients_fixed.csv", [GOOD_ROWS[0], FIXED_ROW, GOOD_ROWS[1]])
        ),
        {
            content: "Import the fixed file",
            trigger: ".o_control_panel button.btn-primary:contains(Import)",
            run: "click",
        },
        {
            content: "Back on the Clients list, the imported clients are listed",
            timeout: SERVER_TIMEOUT,
            trigger: ".o_list_view .o_data_row:contains(Tour Mar Azul Pescas Lda)",
        },
        {
            content: "with their tax IDs",
            trigger:
                ".o_list_view .o_data_row:contains(Tour Norte Texteis Lda):contains(PT506666662)",
        },
        {
            content: "all three",
            trigger: ".o_list_view .o_data_row:contains(Tour Minho Calcado Lda)",
        },
    ],
});

/**
 * Preview before importing: a file that updates one client (its city) and creates
 * another. The preview counts them and shows the city's old and new value; the
 * import then does just that (test_client_tours.py checks).
 */
registry.category("web_tour.tours").add("client_hub_import_preview", {
    url: "/odoo",
    steps: () => [
        ...uploadSteps(
            csvFile("clients_preview.csv", [
                "Tour Preview Existente Lda,PT504444441,Rua Nova 1,4700-321,Braga,Portugal",
                "Tour Preview Nova Lda,PT508888883,Rua Velha 2,4000-447,Porto,Portugal",
            ])
        ),
        {
            content: "Preview the file",
            trigger: ".o_control_panel button.o_client_hub_import_preview_button",
            run: "click",
        },
        {
            content: "The preview counts one updated client",
            timeout: SERVER_TIMEOUT,
            trigger: ".modal .o_client_hub_preview_updated .badge:contains(1)",
        },
        {
            content: "and one new client",
            trigger: ".modal .o_client_hub_preview_new .badge:contains(1)",
        },
        {
            content: "The update shows the city's old and new value",
            trigger:
                ".modal .o_client_hub_preview_rows tr:contains(Tour Preview Existente Lda):contains(City):contains(Porto):contains(Braga)",
        },
        {
            content: "Show the new clients",
            trigger: ".modal .o_client_hub_preview_new",
            run: "click",
        },
        {
            content: "The new client is listed",
            trigger:
                ".modal .o_client_hub_preview_rows tr:contains(Tour Preview Nova Lda)",
        },
        {
            content: "Close the preview",
            trigger: ".modal .modal-footer button.btn-primary:contains(Close)",
            run: "click",
        },
        {
            content: "Import the file",
            trigger:
                "body:not(:has(.modal)) .o_control_panel button.btn-primary:contains(Import)",
            run: "click",
        },
        {
            content: "Back on the Clients list, the new client is listed",
            timeout: SERVER_TIMEOUT,
            trigger: ".o_list_view .o_data_row:contains(Tour Preview Nova Lda)",
        },
    ],
});
