/** @odoo-module */
/* A citizen takes a ticket at the kiosk; the display shows the call live when the officer at
   counter 1 calls it; the officer serves it, which opens the reception of a dossier. */

import { registry } from "@web/core/registry";
import { rpc } from "@web/core/network/rpc";

registry.category("web_tour.tours").add("public_admin_queue_waiting_room_tour", {
    steps: () => [
        {
            content: "The kiosk prints silently in this browser",
            trigger: ".o_queue_tile:contains('Xây dựng')",
            run() {
                window.print = () => {};
            },
        },
        {
            content: "The citizen touches the construction service",
            trigger: ".o_queue_tile:contains('Xây dựng')",
            run: "click",
        },
        {
            content: "They choose their procedure to see the documents to bring",
            trigger: ".o_queue_tile:contains('Cấp giấy phép xây dựng mới')",
            run: "click",
        },
        {
            trigger: ".o_queue_documents li:contains('Bản vẽ thiết kế xây dựng')",
        },
        {
            content: "They take a number",
            trigger: "button:contains('Lấy số thứ tự')",
            run: "click",
        },
        {
            content: "The slip shows the number and the people ahead",
            trigger: ".o_queue_slip_number:contains('B-001')",
        },
        {
            trigger: ".o_queue_ahead:contains('0')",
            run() {
                const display = new URLSearchParams(window.location.search).get("display");
                window.location.href = `/xep-hang/man-hinh/${display}`;
            },
        },
        {
            content: "The display shows the counters and listens to its channel",
            trigger: ".o_queue_display_screen[data-live='1'] .o_queue_counter_cell:contains('Quầy 1')",
            async run() {
                // The officer at counter 1 calls the next ticket (from another screen).
                await rpc("/web/dataset/call_kw/public_admin.queue.ticket/action_call_next", {
                    model: "public_admin.queue.ticket",
                    method: "action_call_next",
                    args: [],
                    kwargs: {},
                });
            },
        },
        {
            content: "The display shows the call live, without a reload",
            trigger: ".o_queue_number_cell:contains('B-001')",
        },
        {
            content: "and says it in Vietnamese",
            trigger: ".o_queue_announcement:contains('Mời công dân có số thứ tự một đến quầy số một')",
            run() {
                window.location.href = "/odoo/action-public_admin_queue.public_admin_counter_action_my_counter";
            },
        },
        {
            content: "At the counter, the officer sees the ticket called",
            trigger: ".o_field_widget[name=queue_ticket_id]:contains('B-001')",
        },
        {
            content: "and serves it: the reception of a dossier opens",
            trigger: "button:contains('Serve: open the reception')",
            run: "click",
        },
        {
            content: "The new dossier already names the procedure chosen at the kiosk",
            trigger:
                ".o_form_view .o_field_widget[name=procedure_id] input:value('[1.009972] Cấp giấy phép xây dựng mới đối với công trình cấp II')",
        },
    ],
});
