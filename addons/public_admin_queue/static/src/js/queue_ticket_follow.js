/** @odoo-module **/
/* A ticket on the citizen's phone: position in the queue and estimated wait, live. */
import { Component, onWillStart, onWillUnmount, useState } from "@odoo/owl";
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

const POLL_MS = 30000;

export class QueueTicketFollow extends Component {
    static template = "public_admin_queue.TicketFollow";
    static props = { token: String, channel: String };

    setup() {
        this.bus = useService("bus_service");
        this.state = useState({ ticket: null, phone: "", error: "" });
        this.onMoved = () => this.load();
        onWillStart(async () => {
            await this.load();
            this.bus.subscribe("public_admin_queue/moved", this.onMoved);
            this.bus.addEventListener("reconnect", this.onMoved);
            this.bus.addChannel(this.props.channel);
            this.poll = setInterval(() => this.load(), POLL_MS);
        });
        onWillUnmount(() => {
            clearInterval(this.poll);
            this.bus.unsubscribe("public_admin_queue/moved", this.onMoved);
            this.bus.removeEventListener("reconnect", this.onMoved);
        });
    }

    async subscribeSms(ev) {
        ev.preventDefault();
        const result = await rpc(`/xep-hang/ve/${encodeURIComponent(this.props.token)}/sms`, {
            phone: this.state.phone,
        });
        this.state.error = result.error || "";
        if (result.ticket) {
            this.state.ticket = result.ticket;
        }
    }

    async load() {
        this.state.ticket = await rpc(`/xep-hang/ve/${encodeURIComponent(this.props.token)}/state`, {});
    }
}

registry.category("public_components").add("public_admin_queue.TicketFollow", QueueTicketFollow);
