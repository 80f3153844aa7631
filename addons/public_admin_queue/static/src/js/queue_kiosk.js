/** @odoo-module **/
/* The ticket kiosk: choose a service (or scan a receipt), see what to bring, take a number. */
import { Component, onMounted, onPatched, onWillStart, onWillUnmount, useRef, useState } from "@odoo/owl";
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";

const INACTIVITY_MS = 60000;
const TICKET_SHOWN_MS = 20000;

export class QueueKiosk extends Component {
    static template = "public_admin_queue.Kiosk";
    static props = { token: String };

    setup() {
        this.state = useState({
            step: "services",
            centre: "",
            services: [],
            service: null,
            procedure: null,
            documents: [],
            ticket: null,
            error: "",
            scanned: "",
        });
        this.timer = null;
        // A receipt scanner types into the focused field: keep the scan field focused.
        this.scanInput = useRef("scan");
        const focusScan = () => this.scanInput.el && this.scanInput.el.focus();
        onPatched(focusScan);
        this.onActivity = () => this.armTimer();
        onWillStart(() => this.loadServices());
        onMounted(() => {
            focusScan();
            for (const type of ["pointerdown", "keydown"]) {
                document.addEventListener(type, this.onActivity);
            }
        });
        onWillUnmount(() => {
            clearTimeout(this.timer);
            for (const type of ["pointerdown", "keydown"]) {
                document.removeEventListener(type, this.onActivity);
            }
        });
    }

    get url() {
        return `/xep-hang/kiosk/${encodeURIComponent(this.props.token)}`;
    }

    async loadServices() {
        const result = await rpc(`${this.url}/services`, {});
        this.state.centre = result.centre;
        this.state.services = result.services;
    }

    armTimer(delay = INACTIVITY_MS) {
        clearTimeout(this.timer);
        if (this.state.step !== "services" || this.state.error) {
            this.timer = setTimeout(() => this.reset(), delay);
        }
    }

    /** Back to the first screen: nothing of the previous citizen stays on it. */
    reset() {
        clearTimeout(this.timer);
        Object.assign(this.state, {
            step: "services",
            service: null,
            procedure: null,
            documents: [],
            ticket: null,
            error: "",
            scanned: "",
        });
        this.loadServices();
    }

    chooseService(service) {
        this.state.service = service;
        this.state.error = "";
        if (service.procedures.length) {
            this.state.step = "procedures";
            this.armTimer();
        } else {
            this.takeTicket();
        }
    }

    async chooseProcedure(procedure) {
        this.state.procedure = procedure;
        const result = await rpc(`${this.url}/documents`, {
            service_id: this.state.service.id,
            procedure_id: procedure.id,
        });
        this.state.documents = result.documents;
        this.state.step = "documents";
        this.armTimer();
    }

    async takeTicket(scanned = null) {
        const result = await rpc(`${this.url}/ticket`, {
            service_id: this.state.service && this.state.service.id,
            procedure_id: this.state.procedure && this.state.procedure.id,
            scanned,
        });
        if (result.error) {
            this.state.error = result.error;
            this.armTimer(10000);
            return;
        }
        this.state.ticket = result.ticket;
        this.state.step = "ticket";
        this.armTimer(TICKET_SHOWN_MS);
        // The slip prints on the kiosk's 80 mm printer (kiosk mode browsers print silently).
        setTimeout(() => window.print(), 300);
    }

    onScanKeydown(ev) {
        if (ev.key === "Enter" && this.state.scanned.trim()) {
            const scanned = this.state.scanned.trim();
            this.state.scanned = "";
            this.takeTicket(scanned);
        }
    }
}

registry.category("public_components").add("public_admin_queue.Kiosk", QueueKiosk);
