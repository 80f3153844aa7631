/** @odoo-module */
/* The centre's administrator imports the province's catalogue from the national database's
   published file: a preview, then every row in or explained. */

import { registry } from "@web/core/registry";

// Three procedures as the national database publishes them; the second has no code.
const CATALOGUE = [
    "code,name,sector,agency,level,processing_time_text,fee_text,online_level,documents",
    '9.77001,Cấp giấy phép thử nghiệm,Hoạt động xây dựng,"Sở Xây dựng, Sở Y tế",Cấp tỉnh,15 Ngày làm việc,Miễn phí,' +
        'online_channel_listed,"[{""name"": ""Đơn đề nghị"", ""copies"": 1}, {""name"": ""Số lượng hồ sơ: 01 bộ"", ""copies"": 0}]"',
    ',Thủ tục thiếu mã,Hoạt động xây dựng,Sở Xây dựng,Cấp tỉnh,5 Ngày làm việc,Miễn phí,offline_only,[]',
    '9.77002,Gia hạn giấy phép thử nghiệm,Hoạt động xây dựng,Sở Xây dựng,Cấp tỉnh,Không quy định,Miễn phí,offline_only,[]',
].join("\n");

registry.category("web_tour.tours").add("public_admin_catalogue_import_tour", {
    url: "/odoo/action-public_admin_centre.public_admin_catalogue_import_wizard_action",
    steps: () => [
        {
            content: "Choose the catalogue file downloaded from the national database",
            trigger: ".o_field_widget[name=file] input[type=file]:not(:visible)",
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(new File([CATALOGUE], "danh-muc-tthc.csv", { type: "text/csv" }));
                this.anchor.files = transfer.files;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            trigger: ".o_field_widget[name=file] input:value('danh-muc-tthc.csv')",
        },
        {
            content: "See what the import would do first",
            trigger: ".modal button:contains('Preview')",
            run: "click",
        },
        {
            content: "Nothing is written yet: two new procedures, one refused",
            trigger: ".modal .alert-info:contains('nothing is written yet')",
        },
        {
            trigger: ".modal .o_field_widget[name=count_new]:contains('2')",
        },
        {
            trigger: ".modal .o_field_widget[name=count_refused]:contains('1')",
        },
        {
            content: "The refused row is listed with its reason",
            trigger: ".modal .o_pa_import_problem:contains('No procedure code'):contains('row 3')",
        },
        {
            content: "Open the list of processing times that could not be read",
            trigger: ".modal .o_pa_import_problem summary:contains('Processing time not readable')",
            run: "click",
        },
        {
            trigger: ".modal .o_pa_import_problem[open]:contains('9.77002'):contains('Không quy định')",
        },
        {
            content: "Import the rows that can be imported",
            trigger: ".modal button:contains('Import')",
            run: "click",
        },
        {
            trigger: ".modal .alert-success:contains('Imported in')",
        },
        {
            content: "Open the procedures whose processing time must be set",
            trigger: ".modal button:contains('Processing times to review')",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row:contains('9.77002')",
        },
    ],
});
