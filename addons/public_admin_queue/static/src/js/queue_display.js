/** @odoo-module **/
/* The waiting-room display: each counter's number and the last calls, live through the bus. */
import { Component, onWillStart, onWillUnmount, useState } from "@odoo/owl";
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { Announcer } from "./queue_announcer";

const POLL_MS = 60000;

export class QueueDisplay extends Component {
    static template = "public_admin_queue.Display";
    static props = { token: String, channel: String };

    setup() {
        this.bus = useService("bus_service");
        this.announcer = new Announcer();
        this.state = useState({ centre: "", counters: [], last: [], announcing: "", soundOn: false, live: false });
        this.onCalled = (payload) => this.called(payload);
        this.onChanged = () => this.load();
        this.onReconnect = () => this.load();
        this.onConnect = () => {
            this.state.live = true;
        };
        onWillStart(async () => {
            await this.load();
            this.bus.subscribe("public_admin_queue/called", this.onCalled);
            this.bus.subscribe("public_admin_queue/changed", this.onChanged);
            // The bus keeps messages briefly: after a reconnection, read the whole board again.
            this.bus.addEventListener("reconnect", this.onReconnect);
            this.bus.addEventListener("connect", this.onConnect);
            this.bus.addChannel(this.props.channel);
            this.poll = setInterval(() => this.load(), POLL_MS);
        });
        onWillUnmount(() => {
            clearInterval(this.poll);
            this.bus.unsubscribe("public_admin_queue/called", this.onCalled);
            this.bus.unsubscribe("public_admin_queue/changed", this.onChanged);
            this.bus.removeEventListener("reconnect", this.onReconnect);
            this.bus.removeEventListener("connect", this.onConnect);
            this.bus.deleteChannel(this.props.channel);
        });
    }

    async load() {
        const result = await rpc(`/xep-hang/man-hinh/${encodeURIComponent(this.props.token)}/state`, {});
        Object.assign(this.state, result);
    }

    called(payload) {
        this.state.announcing = payload.announcement.text;
        this.state.lastCalled = payload.ticket;
        this.announcer.announce(payload.announcement);
        this.load();
    }

    enableSound() {
        // Browsers play sound only after a touch on the page: the first one unlocks it.
        this.state.soundOn = true;
        this.announcer.playClip("chime");
    }
}

registry.category("public_components").add("public_admin_queue.Display", QueueDisplay);
