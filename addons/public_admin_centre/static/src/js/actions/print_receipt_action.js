/** @odoo-module */
/* "Receive and print the receipt": the receipt is loaded in a frame of the page and the browser's
 * print dialog opens on it at once; no new tab, nothing for a popup blocker to stop. */

import { _t } from "@web/core/l10n/translation";
import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";

function loadFrame(url) {
    const frame = document.createElement("iframe");
    frame.className = "o_public_admin_print_frame";
    // Not display:none: a hidden frame's PDF viewer would not print.
    Object.assign(frame.style, { position: "fixed", right: "0", bottom: "0", width: "0", height: "0", border: "0" });
    return new Promise((resolve) => {
        frame.addEventListener("load", () => resolve(frame), { once: true });
        // A browser that downloads PDFs instead of showing them never loads the frame.
        browser.setTimeout(() => resolve(frame), 20000);
        frame.src = url;
        document.body.append(frame);
    });
}

function isReceipt(frame) {
    const doc = frame.contentDocument;
    // The PDF, or its HTML rendering (what Odoo serves when no PDF can be made); not an error page.
    return doc?.contentType === "application/pdf" || Boolean(doc?.querySelector(".o_public_admin_form"));
}

async function printReceipt(env, action) {
    const { url } = action.params;
    const frame = await loadFrame(url);
    let printed = false;
    try {
        if (isReceipt(frame)) {
            frame.contentWindow.focus();
            frame.contentWindow.print();
            printed = true;
        }
    } catch {
        printed = false;
    }
    if (!printed) {
        // The receipt could not be printed from the page: show it in a tab of its own.
        browser.open(url, "_blank");
        env.services.notification.add(_t("The receipt opened in a new tab: print it from there."), {
            type: "warning",
        });
    }
    // The frame stays a while: some browsers print from it after the dialog closes.
    browser.setTimeout(() => frame.remove(), 60000);
    // Closing reloads the form, which now shows the received dossier.
    return { type: "ir.actions.act_window_close" };
}

registry.category("actions").add("public_admin_print_receipt", printReceipt);
