/** @odoo-module */
/* The box of the reception form where a counter scanner types the citizen ID card's QR code.
 * Scanners end the code with Enter: the code is read (the dossier's onchange fills the applicant)
 * and the cursor moves on to the phone, the one thing the card does not hold. */

import { registry } from "@web/core/registry";
import { CharField, charField } from "@web/views/fields/char/char_field";
import { useEffect } from "@odoo/owl";

export class IdCardScanField extends CharField {
    setup() {
        super.setup();
        this.scanSent = false;
        useEffect(
            (input) => {
                if (!input) {
                    return;
                }
                const onKeydown = (ev) => {
                    if (ev.key === "Enter" && input.value.trim()) {
                        this.scanSent = true;
                    }
                };
                input.addEventListener("keydown", onKeydown);
                return () => input.removeEventListener("keydown", onKeydown);
            },
            () => [this.input.el]
        );
        // Once the scan has been read (the box is emptied and the card's ID number filled in).
        useEffect(() => {
            const data = this.props.record.data;
            if (this.scanSent && !data[this.props.name] && data.applicant_id_number) {
                this.scanSent = false;
                const form = this.input.el?.closest(".o_form_renderer");
                form?.querySelector(".o_field_widget[name=applicant_phone] input")?.focus();
            }
        });
    }
}

registry.category("fields").add("public_admin_id_card_scan", {
    ...charField,
    component: IdCardScanField,
});
