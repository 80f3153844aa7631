/** @odoo-module */
/* Fees: the front desk receives a fee-bearing dossier, the citizen pays online from the portal,
   the accountant finds the bank statement matched and the report tied out. */

import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

tours.add("public_admin_fees_reception_tour", {
    steps: () => [
        {
            content: "Receive the dossier the front desk entered",
            trigger: ".o_form_view button[name=action_receive]",
            run: "click",
        },
        {
            content: "Fees to pay at reception: the clock waits for the payment",
            trigger: ".oe_title .o_field_widget[name=state]:contains('Awaiting financial obligation')",
        },
        {
            content: "Open the fees",
            trigger: ".o_notebook .nav-link:contains('Fees')",
            run: "click",
        },
        {
            content: "What is due, charged on the applicant's invoice",
            trigger: ".o_field_widget[name=fee_amount_due]:contains('77')",
        },
        {
            trigger: ".o_form_view button[name=action_fee_open_payment_wizard]",
        },
    ],
});

tours.add("public_admin_fees_citizen_pay_tour", {
    steps: () => [
        {
            content: "The dossier page says what to pay, with the VietQR of a transfer",
            trigger: ".o_public_admin_fees .o_public_admin_vietqr img",
        },
        {
            content: "Pay now",
            trigger: "a.o_public_admin_pay_now",
            run: "click",
        },
        {
            content: "The invoice of the dossier: pay it",
            trigger: "a[data-bs-target='#pay_with']",
            run: "click",
        },
        {
            content: "Pay with the (demo) payment provider",
            trigger: "#pay_with input[name=o_payment_radio]",
            run: "click",
        },
        {
            trigger: "#pay_with #customer_input",
            run: "edit 4111111111111111",
        },
        {
            trigger: "#pay_with button[name=o_payment_submit_button]",
            run: "click",
        },
        {
            content: "The payment is confirmed",
            trigger: ".badge:contains('Paid'), .alert:contains('successfully')",
            timeout: 20000,
        },
    ],
});

tours.add("public_admin_fees_unmatched_tour", {
    steps: () => [
        {
            content: "Every bank line of the fee journals is matched",
            trigger: ".o_view_nocontent:contains('Every bank line of the fee journals is matched')",
        },
    ],
});

tours.add("public_admin_fees_report_tour", {
    steps: () => [
        {
            content: "Collected online and by transfer today: 154,000; retained 1,200; to remit 152,800",
            trigger: ".o_pivot:contains('154,000'):contains('1,200'):contains('152,800')",
        },
    ],
});
