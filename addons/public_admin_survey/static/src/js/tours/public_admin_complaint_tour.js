/** @odoo-module **/

import { registry } from "@web/core/registry";

// A citizen sends a complaint about their dossier from the portal's home page.
registry.category("web_tour.tours").add("public_admin_complaint_portal_tour", {
    url: "/my",
    steps: () => [
        {
            content: "Open the complaints from the account's home",
            trigger: "a:contains('Complaints and suggestions')",
            run: "click",
        },
        {
            content: "Start a new complaint",
            trigger: "a:contains('New complaint')",
            run: "click",
        },
        {
            content: "Write the complaint",
            trigger: "textarea[name=content]",
            run: "edit Bộ phận một cửa yêu cầu nộp giấy tờ không có trong danh mục.",
        },
        {
            content: "Send it",
            trigger: "button:contains('Send')",
            run: "click",
        },
        {
            content: "The complaint's page gives its reference and the answer's deadline",
            trigger: ".o_public_admin_complaint_state:contains('Received')",
        },
    ],
});

// The sender reads the answer and says they are satisfied.
registry.category("web_tour.tours").add("public_admin_complaint_rating_tour", {
    url: "/my/complaints",
    steps: () => [
        {
            content: "Open the answered complaint",
            trigger: "table.o_public_admin_complaints a:contains('PAKN-')",
            run: "click",
        },
        {
            content: "The answer is shown",
            trigger: ".o_public_admin_complaint_answer:contains('danh mục đã công bố')",
        },
        {
            content: "Satisfied",
            trigger: "button:contains('Satisfied')",
            run: "click",
        },
        {
            content: "Thanked",
            trigger: ".alert-success:contains('Thank you')",
        },
    ],
});
