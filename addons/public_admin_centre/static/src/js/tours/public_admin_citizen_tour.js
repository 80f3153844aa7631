/** @odoo-module **/

import { registry } from "@web/core/registry";

// A minimal PDF: the server recognises files by their first bytes, not by their name.
const PDF_CONTENT = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

/**
 * Put a PDF in file inputs: a browser test cannot pick a file from the disk, but it can
 * hand a File to the input through a DataTransfer, which the form then submits normally.
 */
function attachPdf(inputs, name) {
    for (const input of inputs) {
        const transfer = new DataTransfer();
        transfer.items.add(new File([PDF_CONTENT], name, { type: "application/pdf" }));
        input.files = transfer.files;
        input.dispatchEvent(new Event("change", { bubbles: true }));
    }
}

const DOSSIER_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}$/;

// A citizen finds a procedure in the public catalogue and submits it online with its documents.
registry.category("web_tour.tours").add("public_admin_citizen_submit_tour", {
    url: "/dich-vu-cong",
    steps: () => [
        {
            content: "Search the catalogue by words",
            trigger: "input[name=search]",
            run: "edit giấy phép xây dựng",
        },
        {
            content: "Narrow to the procedures offered online",
            trigger: "select[name=online_level]",
            run: "select partial",
        },
        {
            content: "Search",
            trigger: "form.o_public_admin_catalogue_search button[type=submit]",
            run: "click",
        },
        {
            content: "Open the construction permit procedure",
            trigger: "a.o_public_admin_procedure_item:contains('Cấp giấy phép xây dựng mới')",
            run: "click",
        },
        {
            content: "The page lists the documents to provide",
            trigger: ".o_public_admin_document_line:contains('Bản vẽ thiết kế xây dựng')",
        },
        {
            content: "and the processing time",
            trigger: ".o_public_admin_processing_time:contains('15')",
        },
        {
            content: "Submit online",
            trigger: "a.o_public_admin_submit_online",
            run: "click",
        },
        {
            content: "The applicant's data come from the account",
            trigger: "input[name=name]:value('Nguyễn Văn An')",
        },
        {
            content: "Describe the request",
            trigger: "textarea[name=summary]",
            run: "edit Xây nhà ở riêng lẻ 3 tầng tại 12 Trần Phú",
        },
        {
            content: "Attach a file to every required document",
            trigger: "input[type=file][data-required]",
            run() {
                attachPdf(document.querySelectorAll("input[type=file][data-required]"), "ho-so.pdf");
            },
        },
        {
            content: "Sign the declaration",
            trigger: "input[name=declaration]",
            run: "check",
        },
        {
            content: "Submit the dossier",
            trigger: "button.o_public_admin_submission_submit",
            run: "click",
        },
        {
            content: "The dossier waits for the front desk",
            trigger: ".o_public_admin_flash:contains('Your dossier was submitted')",
        },
        {
            content: "registered online",
            trigger: ".o_public_admin_dossier_state[data-state=registered]",
        },
    ],
});

// Once received and asked for a supplement: the citizen sees the code and the appointment,
// sends the missing document and downloads the receipt.
registry.category("web_tour.tours").add("public_admin_citizen_follow_tour", {
    url: "/my/dossiers",
    steps: () => [
        {
            content: "The dossier needs the citizen's action",
            trigger: "a[data-filter=action]:contains('(1)')",
        },
        {
            content: "Open the dossier",
            trigger: "tr.o_public_admin_dossier_row a",
            run: "click",
        },
        {
            content: "The dossier has its code",
            trigger: ".o_public_admin_dossier_code",
            run() {
                const code = this.anchor.textContent.trim();
                if (!DOSSIER_CODE.test(code)) {
                    throw new Error(`Unexpected dossier code: ${code}`);
                }
            },
        },
        {
            content: "and its appointment",
            trigger: ".o_public_admin_appointment:contains('/')",
        },
        {
            content: "The centre says what is missing",
            trigger: ".o_public_admin_next_step:contains('Bản vẽ thiếu chữ ký')",
        },
        {
            content: "Attach the corrected drawing",
            trigger: ".o_public_admin_supplement input[type=file][name^=document_]",
            run() {
                const label = [...document.querySelectorAll(".o_public_admin_supplement label")].find((el) =>
                    el.textContent.includes("Bản vẽ thiết kế xây dựng")
                );
                attachPdf([document.getElementById(label.getAttribute("for"))], "ban-ve-da-ky.pdf");
            },
        },
        {
            content: "Write to the centre",
            trigger: "textarea[name=message]",
            run: "edit Gửi lại bản vẽ đã có chữ ký.",
        },
        {
            content: "Send the supplement",
            trigger: "button.o_public_admin_supplement_submit",
            run: "click",
        },
        {
            content: "The supplement is sent",
            trigger: ".o_public_admin_flash:contains('Your supplement was sent')",
        },
        {
            content: "The file is listed with the drawing",
            trigger: ".o_public_admin_document:contains('Bản vẽ thiết kế xây dựng') a.o_public_admin_document_file:contains('ban-ve-da-ky.pdf')",
        },
        {
            content: "The supplement appears in the messages with the centre",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains('Gửi lại bản vẽ đã có chữ ký.')",
        },
        {
            content: "Ask the centre a question",
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: "edit Xin hỏi khi nào có kết quả thẩm định?",
        },
        {
            content: "Send it",
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The question is posted",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains('Xin hỏi khi nào có kết quả thẩm định?')",
        },
        {
            content: "Download the receipt",
            trigger: "a.o_public_admin_form_receipt",
            async run() {
                const response = await fetch(this.anchor.href);
                const disposition = response.headers.get("Content-Disposition") || "";
                if (!response.ok || !disposition.includes("attachment")) {
                    throw new Error(`The receipt did not download (${response.status})`);
                }
            },
        },
    ],
});

// Anyone follows a dossier with its code and the last digits of the phone number.
// Started from /tra-cuu-ho-so?code=<code>, as a link carrying the code would open it.
registry.category("web_tour.tours").add("public_admin_status_lookup_tour", {
    steps: () => [
        {
            content: "The code of the receipt is in the form",
            trigger: "input[name=code]:value(/H56-/)",
        },
        {
            content: "Type the last 4 digits of the phone number",
            trigger: "input[name=phone_digits]",
            run: "edit 5678",
        },
        {
            content: "Look up",
            trigger: ".o_public_admin_lookup_form button[type=submit]",
            run: "click",
        },
        {
            content: "The status is shown",
            trigger: ".o_public_admin_next_step:contains('Being processed')",
        },
        {
            content: "with the applicant's name masked",
            trigger: ".o_public_admin_masked_name:contains('N. V. An')",
        },
        {
            content: "and the appointment",
            trigger: ".o_public_admin_appointment:contains('/')",
        },
    ],
});

// The QR code of the receipt leads straight to the status page.
registry.category("web_tour.tours").add("public_admin_status_qr_tour", {
    steps: () => [
        {
            content: "The status page opens without any input",
            trigger: ".o_public_admin_status_code",
            run() {
                if (!DOSSIER_CODE.test(this.anchor.textContent.trim())) {
                    throw new Error("The status page does not show the dossier code");
                }
            },
        },
        {
            content: "with the steps done so far",
            trigger: ".o_public_admin_timeline:contains('Received')",
        },
        {
            content: "and the phone number masked",
            trigger: ".o_public_admin_masked_phone:contains('091•••')",
        },
    ],
});
