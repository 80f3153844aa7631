/** @odoo-module */
/* The dossier's life in the backend, as each role clicks through it. */

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("public_admin_counter_reception_tour", {
    url: "/odoo/action-public_admin_centre.public_admin_dossier_action/new",
    steps: () => [
        {
            content: "Choose the procedure",
            trigger: ".o_field_widget[name=procedure_id] input",
            run: "edit 1.009972",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('1.009972')",
            run: "click",
        },
        {
            content: "Choose the applicant",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Nguyễn Văn An",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Nguyễn Văn An')",
            run: "click",
        },
        {
            content: "The applicant's phone comes from the partner",
            trigger: ".o_field_widget[name=applicant_phone] input:value('+84912345678')",
        },
        {
            content: "Tick the documents handed in against the checklist",
            trigger: ".o_field_widget[name=document_ids] .o_data_row:nth-child(1) .o_field_boolean_toggle input",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=document_ids] .o_data_row:nth-child(2) .o_field_boolean_toggle input",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=document_ids] .o_data_row:nth-child(3) .o_field_boolean_toggle input",
            run: "click",
        },
        {
            content: "Receive the dossier",
            trigger: ".o_form_view button[name=action_receive]",
            run: "click",
        },
        {
            content: "It has its code",
            trigger: ".o_field_widget[name=name]:contains('000.00.00.H56-')",
        },
        {
            trigger: ".oe_title .o_field_widget[name=state]:contains('Received')",
        },
        {
            content: "Print the receipt and appointment slip",
            trigger: ".o_form_view button[name=action_print_receipt]",
            run: "click",
        },
        {
            content: "The form stays on the received dossier",
            trigger: ".o_field_widget[name=current_agency_id]:contains('Sở Xây dựng')",
        },
    ],
});

tours.add("public_admin_agency_step_tour", {
    steps: () => [
        {
            content: "Take the dossier handed over to the agency",
            trigger: ".o_form_view button[name=action_start_step]",
            run: "click",
        },
        {
            trigger: ".oe_title .o_field_widget[name=state]:contains('In process')",
        },
        {
            content: "Finish the agency's step",
            trigger: ".o_form_view button[name=action_finish_step]",
            run: "click",
        },
        {
            content: "The dossier went on to the next agency, or processing finished",
            trigger: ".o-mail-Message-body:contains('Handed over'), .o-mail-Message-body:contains('Processing finished')",
        },
    ],
});

tours.add("public_admin_return_result_tour", {
    steps: () => [
        {
            trigger: ".oe_title .o_field_widget[name=state]:contains('Processing finished')",
        },
        {
            content: "Hand the result back at the counter",
            trigger: ".o_form_view button[name=action_return_at_counter]",
            run: "click",
        },
        {
            trigger: ".oe_title .o_field_widget[name=state]:contains('Result returned')",
        },
    ],
});
