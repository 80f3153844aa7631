/** @odoo-module **/
/* The counter's satisfaction kiosk (views/kiosk_templates.xml).

   Idle until the front desk invites the citizen: the server wakes the page on the bus channel
   named by the kiosk's secret token, and the page asks for its pending evaluation. The answers
   live in this page's memory only; after the answer, or after a minute without a touch, the page
   forgets them and goes back to idle (and withdraws an unanswered invitation). */

import { registry } from "@web/core/registry";
import { rpc } from "@web/core/network/rpc";

const IDLE_AFTER_MS = 60000;
const THANKS_MS = 4000;
const LEVEL_CLASS = { very_satisfied: "success", satisfied: "primary", not_satisfied: "danger" };

class SatisfactionKiosk {
    constructor(root, bus) {
        this.root = root;
        this.bus = bus;
        this.url = `/kiosk/danh-gia/${root.dataset.token}`;
        this.evaluation = null;
        this.answers = {};
        this.timer = null;
    }

    start() {
        this.bus.addChannel(this.root.dataset.channel);
        this.bus.subscribe("public_admin_survey/invite", () => this.loadPending());
        this.root.querySelector(".o_pa_kiosk_submit").addEventListener("click", () => this.submit());
        for (const event of ["pointerdown", "keydown", "input"]) {
            this.root.addEventListener(event, () => this.armTimer());
        }
        this.loadPending();
    }

    show(name) {
        for (const part of ["idle", "form", "thanks"]) {
            this.root.querySelector(`.o_pa_kiosk_${part}`).classList.toggle("d-none", part !== name);
        }
    }

    armTimer() {
        clearTimeout(this.timer);
        if (this.evaluation) {
            this.timer = setTimeout(() => this.dismiss(), IDLE_AFTER_MS);
        }
    }

    async loadPending() {
        const result = await rpc(`${this.url}/pending`, {});
        if (!result.error && result.evaluation) {
            this.render(result.evaluation);
        }
        this.root.dataset.ready = "1";
    }

    render(evaluation) {
        this.reset();
        this.evaluation = evaluation;
        this.root.querySelector(".o_pa_kiosk_dossier").textContent =
            `${evaluation.dossier} – ${evaluation.procedure}`;
        const container = this.root.querySelector(".o_pa_kiosk_questions");
        for (const question of evaluation.questions) {
            const fieldset = document.createElement("fieldset");
            fieldset.className = `mb-4 o_pa_kiosk_question o_pa_evaluation_role_${question.role || "other"}`;
            const legend = document.createElement("legend");
            legend.className = "fs-3";
            legend.textContent = question.title + (question.mandatory ? " *" : "");
            fieldset.appendChild(legend);
            if (question.type === "simple_choice") {
                const row = document.createElement("div");
                row.className = "d-grid gap-3 d-md-flex";
                for (const answer of question.answers) {
                    const button = document.createElement("button");
                    button.type = "button";
                    button.className = `btn btn-lg py-3 fs-3 flex-fill btn-outline-${LEVEL_CLASS[answer.level] || "secondary"}`;
                    button.textContent = answer.value;
                    button.setAttribute("aria-pressed", "false");
                    button.addEventListener("click", () => {
                        this.answers[question.id] = answer.id;
                        for (const other of row.querySelectorAll("button")) {
                            const pressed = other === button;
                            other.setAttribute("aria-pressed", String(pressed));
                            other.classList.toggle("active", pressed);
                        }
                    });
                    row.appendChild(button);
                }
                fieldset.appendChild(row);
            } else {
                const textarea = document.createElement("textarea");
                textarea.className = "form-control form-control-lg fs-3";
                textarea.rows = 2;
                textarea.maxLength = 2000;
                textarea.setAttribute("aria-label", question.title);
                textarea.addEventListener("input", () => {
                    this.answers[question.id] = textarea.value;
                });
                fieldset.appendChild(textarea);
            }
            container.appendChild(fieldset);
        }
        this.show("form");
        this.armTimer();
    }

    async submit() {
        if (!this.evaluation) {
            return;
        }
        const result = await rpc(`${this.url}/submit`, {
            evaluation_id: this.evaluation.id,
            answers: this.answers,
        });
        if (result.error) {
            const error = this.root.querySelector(".o_pa_kiosk_error");
            error.textContent = result.error === "not_found" ? "" : result.error;
            error.classList.remove("d-none");
            return;
        }
        this.reset();
        this.show("thanks");
        this.timer = setTimeout(() => this.show("idle"), THANKS_MS);
    }

    async dismiss() {
        const evaluation = this.evaluation;
        this.reset();
        this.show("idle");
        if (evaluation) {
            await rpc(`${this.url}/dismiss`, { evaluation_id: evaluation.id });
        }
    }

    /** Forget everything of the current citizen. */
    reset() {
        clearTimeout(this.timer);
        this.evaluation = null;
        this.answers = {};
        this.root.querySelector(".o_pa_kiosk_questions").replaceChildren();
        this.root.querySelector(".o_pa_kiosk_dossier").textContent = "";
        const error = this.root.querySelector(".o_pa_kiosk_error");
        error.textContent = "";
        error.classList.add("d-none");
    }
}

export const satisfactionKioskService = {
    dependencies: ["bus_service"],
    start(env, { bus_service }) {
        const root = document.querySelector(".o_pa_kiosk");
        if (root) {
            new SatisfactionKiosk(root, bus_service).start();
        }
    },
};

registry.category("services").add("public_admin_survey.satisfaction_kiosk", satisfactionKioskService);
