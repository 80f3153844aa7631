from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import request
from odoo.osv import expression

from odoo.addons.portal.controllers.portal import pager as portal_pager


class PublicCatalogue(http.Controller):
    """The published procedures, for anyone, without login."""

    _procedures_per_page = 20

    # ------------------------------------------------------------------ helpers
    def _published_domain(self):
        return [("is_published", "=", True), ("is_current", "=", True)]

    def _published_procedure(self, procedure_id):
        """The procedure if it is published and in force; 404 otherwise (archived, old version...)."""
        # sudo: public by design once published and in force, which the next line checks
        procedure = request.env["public_admin.procedure"].sudo().browse(procedure_id).exists()
        if not procedure or not procedure._is_public():
            raise NotFound()
        return procedure

    @staticmethod
    def _to_int(value):
        try:
            return max(int(value), 0)
        except (TypeError, ValueError):
            return 0

    def _search_domain(self, search, sector_id, agency_id, online_level):
        domain = self._published_domain()
        for word in (search or "").split()[:10]:
            domain = expression.AND([domain, ["|", ("name", "ilike", word), ("code", "ilike", word)]])
        if sector_id:
            domain = expression.AND([domain, [("sector_id", "=", sector_id)]])
        if agency_id:
            domain = expression.AND([domain, [("agency_id", "child_of", agency_id)]])
        if online_level in ("full", "partial", "none"):
            domain = expression.AND([domain, [("online_level", "=", online_level)]])
        return domain

    def _selection_labels(self, model, field_name):
        return dict(model._fields[field_name]._description_selection(request.env))

    def _processing_time_text(self, procedure):
        """“15 working days (legal time: 20)”, or the published text when no time is set."""
        env = request.env
        unit = procedure.processing_time_unit
        if unit == "same_day":
            return env._("Same day")
        if not procedure.processing_time:
            return procedure.processing_time_text or ""
        unit_label = self._selection_labels(procedure, "processing_time_unit").get(unit, "").lower()
        text = f"{procedure.processing_time:g} {unit_label}"
        if procedure.processing_time_local and procedure.processing_time_local < procedure.processing_time_legal:
            legal = "%g" % procedure.processing_time_legal  # no f-string inside _(): the extractor evals them
            text += " " + env._("(legal time: %(legal)s)", legal=legal)
        return text

    def _reception_places(self, procedure):
        """Where to hand in the dossier: the company's reception centres and their address."""
        centres = (
            request.env["public_admin.agency"]
            .sudo()  # public by design: the reception centres' names and addresses
            .search([("is_reception_centre", "=", True), ("company_id", "=", procedure.company_id.id)])
        )
        places = []
        for centre in centres:
            address = centre.partner_id._public_admin_one_line_address() if centre.partner_id else ""
            places.append({"name": centre.name, "address": address, "phone": centre.phone or ""})
        return places

    # ------------------------------------------------------------------ routes
    @http.route(
        ["/dich-vu-cong", "/dich-vu-cong/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def catalogue(self, page=1, search="", sector=None, agency=None, online_level=None, **kw):
        # sudo: public by design; every search below is restricted to _published_domain()
        Procedure = request.env["public_admin.procedure"].sudo()
        sector_id, agency_id = self._to_int(sector), self._to_int(agency)
        search = (search or "").strip()[:200]
        domain = self._search_domain(search, sector_id, agency_id, online_level)
        total = Procedure.search_count(domain)
        url_args = {
            key: value
            for key, value in (
                ("search", search),
                ("sector", sector_id),
                ("agency", agency_id),
                ("online_level", online_level),
            )
            if value
        }
        pager = portal_pager(
            url="/dich-vu-cong",
            total=total,
            page=page,
            step=self._procedures_per_page,
            url_args=url_args,
        )
        procedures = Procedure.search(
            domain, order="name, code", limit=self._procedures_per_page, offset=pager["offset"]
        )
        published = Procedure.search(self._published_domain())
        return request.render(
            "public_admin_centre.public_catalogue_list",
            {
                "procedures": procedures,
                "total": total,
                "pager": pager,
                "search": search,
                "sector_id": sector_id,
                "agency_id": agency_id,
                "online_level": online_level if online_level in ("full", "partial", "none") else "",
                "sectors": published.sector_id.sorted("name"),
                "agencies": published.agency_id.sorted("complete_name"),
                "online_levels": self._selection_labels(Procedure, "online_level"),
            },
        )

    @http.route(
        "/dich-vu-cong/thu-tuc/<int:procedure_id>",
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
        readonly=True,
    )
    def procedure_page(self, procedure_id, **kw):
        procedure = self._published_procedure(procedure_id)
        return request.render(
            "public_admin_centre.public_catalogue_procedure",
            {
                "procedure": procedure,
                "processing_time_text": self._processing_time_text(procedure),
                "fee_lines": procedure._public_fee_lines(),
                "online_levels": self._selection_labels(procedure, "online_level"),
                "levels": self._selection_labels(procedure, "level"),
                "copy_types": self._selection_labels(request.env["public_admin.procedure.document"], "copy_type"),
                "reception_places": self._reception_places(procedure),
                "submit_url": f"/my/dossiers/new/{procedure.id}",
            },
        )

    @http.route("/dich-vu-cong/mau/<int:document_id>", type="http", auth="public", methods=["GET"], readonly=True)
    def document_template(self, document_id, **kw):
        """The blank form of a checklist line, for published procedures only."""
        # sudo: public by design for published procedures, checked by _published_procedure below
        document = request.env["public_admin.procedure.document"].sudo().browse(document_id).exists()
        if not document or not document.template_file:
            raise NotFound()
        self._published_procedure(document.procedure_id.id)
        stream = request.env["ir.binary"]._get_stream_from(
            document,
            "template_file",
            filename_field="template_filename",
        )
        return stream.get_response(as_attachment=True)
