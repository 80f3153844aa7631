/** @odoo-module **/

import publicWidget from "@web/legacy/js/public/public_widget";

/**
 * The sector filter of the public catalogue: a province publishes procedures of 150+ sectors,
 * grouped by ministry in the list; typing a few letters (with or without diacritics) keeps the
 * sectors whose name or ministry contains them. Without JavaScript the grouped list still works.
 */
function fold(text) {
    return (text || "")
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/đ/g, "d")
        .replace(/Đ/g, "D")
        .toLowerCase()
        .trim();
}

publicWidget.registry.PublicAdminSectorFilter = publicWidget.Widget.extend({
    selector: ".o_public_admin_catalogue_search",
    events: {
        "input .o_public_admin_sector_filter": "_onFilterInput",
    },

    start() {
        this.input = this.el.querySelector(".o_public_admin_sector_filter");
        this.select = this.el.querySelector("select[name='sector']");
        if (this.input && this.select) {
            this.input.classList.remove("d-none");
        }
        return this._super(...arguments);
    },

    _onFilterInput() {
        const words = fold(this.input.value).split(/\s+/).filter(Boolean);
        for (const group of this.select.querySelectorAll("optgroup")) {
            const ministry = fold(group.label);
            let shown = 0;
            for (const option of group.querySelectorAll("option")) {
                const text = `${ministry} ${fold(option.textContent)}`;
                const match = words.every((word) => text.includes(word));
                option.hidden = !match && !option.selected;
                shown += option.hidden ? 0 : 1;
            }
            group.hidden = shown === 0;
        }
        for (const option of this.select.querySelectorAll(":scope > option[value]:not([value=''])")) {
            const match = words.every((word) => fold(option.textContent).includes(word));
            option.hidden = !match && !option.selected;
        }
    },
});

export default publicWidget.registry.PublicAdminSectorFilter;
