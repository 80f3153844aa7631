/** @odoo-module */
/* The front desk's morning: the board it lands on, and a citizen never seen before received in a
 * few clicks, from a scan of their ID card or from typed data. Each click a person makes is
 * counted in the comments ("click n"); typing and keys are not clicks. */

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// The QR code of a chip-based citizen ID card, as a counter scanner types it.
const ID_CARD_QR = "038095007788|172345678|Lê Văn Bình|15031995|Nam|Số 5 Trần Phú, Phường Hạc Thành, Thanh Hóa|10082021";

function receiveAndCheckReceipt() {
    return [
        {
            content: "click 5: receive and print the receipt",
            trigger: ".o_form_view button:contains('Receive and print the receipt')",
            run: "click",
        },
        {
            content: "The dossier has its code",
            trigger: ".o_form_view .oe_title .o_field_widget[name=name]:contains('000.00.00.H56-')",
        },
        {
            trigger: ".oe_title .o_field_widget[name=state]:contains('Received')",
        },
        {
            content: "The print dialog opened on the receipt (printing it is the next click)",
            trigger: ".o_form_view",
            async run() {
                // The receipt is issued (and logged) by the request that loads it in the (unseen) frame.
                for (let attempt = 0; attempt < 50; attempt++) {
                    const frame = document.querySelector("iframe.o_public_admin_print_frame");
                    if (frame?.contentDocument?.querySelector(".o_public_admin_form")) {
                        return;
                    }
                    await new Promise((resolve) => setTimeout(resolve, 200));
                }
                throw new Error("The receipt was not loaded for printing");
            },
        },
    ];
}

function expectCursorIn(fieldName, content) {
    return {
        content,
        trigger: `.o_field_widget[name=${fieldName}] input`,
        run() {
            if (document.activeElement !== this.anchor) {
                throw new Error(`The cursor is not in ${fieldName} but in ${document.activeElement?.outerHTML}`);
            }
        },
    };
}

function chooseProcedureAndDocuments() {
    return [
        {
            content: "click 2: the procedure, found by typing part of its name",
            trigger: ".o_field_widget[name=procedure_id] input",
            run: "edit giấy phép xây dựng",
        },
        {
            content: "click 3: pick it",
            trigger: ".o-autocomplete--dropdown-item:contains('1.009972')",
            run: "click",
        },
        {
            content: "The checklist of the procedure is there",
            trigger: ".o_field_widget[name=document_ids] .o_data_row:contains('Bản vẽ thiết kế xây dựng')",
        },
        {
            content: "click 4: every required document was handed in",
            trigger: ".o_form_view button:contains('All required documents received')",
            run: "click",
        },
        {
            content: "The required documents are ticked",
            trigger:
                ".o_field_widget[name=document_ids] .o_data_row:contains('Giấy tờ về quyền sử dụng đất') .o_field_boolean_toggle input:checked",
        },
    ];
}

tours.add("public_admin_counter_landing_tour", {
    steps: () => [
        {
            content: "The front desk lands on the counter's board, the online queue in view with the time each submission arrived",
            trigger: ".o_kanban_view .o_kanban_record:contains('Nguyễn Văn An'):contains('Submitted')",
        },
        {
            content: "The board is the counter's",
            trigger: ".o_control_panel .o_breadcrumb:contains('Counter')",
        },
    ],
});

tours.add("public_admin_counter_walk_in_scan_tour", {
    steps: () => [
        {
            content: "click 1: a new dossier from the counter's board",
            trigger: ".o_control_panel button:contains('New')",
            run: "click",
        },
        expectCursorIn("id_card_scan", "The form opens with the cursor in the ID card box"),
        {
            content: "The scanner types the ID card's QR code, then Enter",
            trigger: ".o_field_widget[name=id_card_scan] input",
            async run(helpers) {
                await helpers.edit(ID_CARD_QR);
                await helpers.press("Enter");
            },
        },
        {
            content: "The card filled the applicant",
            trigger: ".o_field_widget[name=applicant_id_number] input:value('038095007788')",
        },
        {
            trigger: ".o_field_widget[name=applicant_address] input:value('Số 5 Trần Phú, Phường Hạc Thành, Thanh Hóa')",
        },
        expectCursorIn("applicant_phone", "The cursor went on to the phone, which the card does not hold"),
        {
            content: "The applicant says their phone number",
            trigger: ".o_field_widget[name=applicant_phone] input",
            run: "edit 0912 000 111",
        },
        {
            trigger: ".o_field_widget[name=applicant_name] input:value('Lê Văn Bình')",
        },
        ...chooseProcedureAndDocuments(),
        ...receiveAndCheckReceipt(),
    ],
});

tours.add("public_admin_counter_walk_in_typed_tour", {
    steps: () => [
        {
            content: "click 1: a new dossier from the counter's board",
            trigger: ".o_control_panel button:contains('New')",
            run: "click",
        },
        expectCursorIn("id_card_scan", "No ID card to scan: from the ID card box the officer tabs to the name"),
        {
            trigger: ".o_field_widget[name=applicant_name] input",
            run: "edit Phạm Thị Thu",
        },
        {
            content: "Tab: the citizen ID number",
            trigger: ".o_field_widget[name=applicant_id_number] input",
            run: "edit 038190004455",
        },
        {
            content: "Tab: the phone",
            trigger: ".o_field_widget[name=applicant_phone] input",
            run: "edit 0987 111 222",
        },
        {
            content: "Tab, Tab: the address",
            trigger: ".o_field_widget[name=applicant_address] input",
            run: "edit Thôn 2, xã Quảng Tâm, Thanh Hóa",
        },
        ...chooseProcedureAndDocuments(),
        ...receiveAndCheckReceipt(),
    ],
});
