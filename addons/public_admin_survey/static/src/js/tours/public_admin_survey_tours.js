/** @odoo-module **/
import { registry } from "@web/core/registry";

// The front desk, on a returned dossier, sends its evaluation to the counter's kiosk.
registry.category("web_tour.tours").add("public_admin_survey_invite_tour", {
    steps: () => [
        {
            content: "Invite the citizen to rate the service on the kiosk",
            trigger: ".o_form_view button:contains(Invite to rate)",
            run: "click",
        },
        {
            content: "The kiosk shows it",
            trigger: ".o_notification:contains(is shown on the kiosk)",
        },
    ],
});

// The citizen at the desk answers with big buttons; the kiosk thanks them and goes idle.
registry.category("web_tour.tours").add("public_admin_survey_kiosk_tour", {
    steps: () => [
        {
            content: "The evaluation is on the screen",
            trigger: ".o_pa_kiosk_form:not(.d-none) .o_pa_evaluation_role_overall",
        },
        {
            content: "Sending without the overall rating is refused",
            trigger: ".o_pa_kiosk_submit",
            run: "click",
        },
        {
            content: "The kiosk says what is missing",
            trigger: ".o_pa_kiosk_error:not(.d-none):contains(Vui lòng trả lời)",
        },
        {
            content: "Very satisfied",
            trigger: ".o_pa_evaluation_role_overall button:contains(Rất hài lòng)",
            run: "click",
        },
        {
            content: "Officers' attitude",
            trigger: ".o_pa_kiosk_question:contains(Thái độ) button:contains(Lịch sự)",
            run: "click",
        },
        {
            content: "Send",
            trigger: ".o_pa_kiosk_submit",
            run: "click",
        },
        {
            content: "Thank you",
            trigger: ".o_pa_kiosk_thanks:not(.d-none)",
        },
        {
            content: "Back to the idle screen, with nothing of the answer left",
            trigger: ".o_pa_kiosk_idle:not(.d-none)",
            timeout: 15000,
            run() {
                const kiosk = document.querySelector(".o_pa_kiosk");
                if (kiosk.querySelector(".o_pa_kiosk_questions").children.length) {
                    throw new Error("the previous answer is still in the page");
                }
                if (kiosk.querySelector(".o_pa_kiosk_dossier").textContent) {
                    throw new Error("the previous dossier is still in the page");
                }
            },
        },
    ],
});

// The next visitor opens the kiosk: idle, nothing to show, nothing to reuse.
registry.category("web_tour.tours").add("public_admin_survey_kiosk_idle_tour", {
    steps: () => [
        {
            content: "The kiosk asked for its evaluation and has none",
            trigger: ".o_pa_kiosk[data-ready] .o_pa_kiosk_idle:not(.d-none)",
            run() {
                const kiosk = document.querySelector(".o_pa_kiosk");
                if (!kiosk.querySelector(".o_pa_kiosk_form").classList.contains("d-none")) {
                    throw new Error("the kiosk shows a form");
                }
                if (kiosk.querySelector(".o_pa_kiosk_questions").children.length) {
                    throw new Error("the previous answer is in the page");
                }
            },
        },
    ],
});
