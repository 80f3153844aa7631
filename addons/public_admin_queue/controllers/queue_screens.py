from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request

from odoo.addons.public_admin_centre.controllers.catalogue import PublicCatalogue
from odoo.addons.public_admin_centre.report.public_admin_dossier_forms import qr_code_png


class QueueScreens(http.Controller):
    """The waiting room's login-free screens: ticket kiosk, display, a ticket's phone page.

    A kiosk or display is a registered device known by its secret token (as the kiosks of
    ``pos_self_order`` and ``hr_attendance``): a wrong or revoked token gives the same 404,
    which says nothing about whether such a device ever existed.
    """

    def _device(self, token, kind):
        device = request.env["public_admin.device"]._from_token(token, kind)
        if not device:
            raise NotFound()
        device._touch()
        self._vietnamese()
        return device

    def _vietnamese(self):
        """Citizens read the screens of the centre in Vietnamese."""
        if request.env["res.lang"]._lang_get("vi_VN"):
            request.update_context(lang="vi_VN")

    def _render_screen(self, template, values):
        return request.render(template, dict(values, no_header=True, no_footer=True))

    # ------------------------------------------------------------------ kiosk
    @http.route("/xep-hang/kiosk/<string:token>", type="http", auth="public", methods=["GET"])
    def kiosk(self, token, **kw):
        device = self._device(token, "queue_kiosk")
        return self._render_screen(
            "public_admin_queue.queue_kiosk_page",
            {"device": device.sudo(), "props": {"token": token}, "title": device.sudo().reception_centre_id.name},
        )

    @http.route("/xep-hang/kiosk/<string:token>/services", type="json", auth="public", methods=["POST"])
    def kiosk_services(self, token):
        device = self._device(token, "queue_kiosk")
        centre = device.sudo().reception_centre_id
        return {"centre": centre.name, "services": request.env["public_admin.queue.ticket"]._kiosk_services(device)}

    @http.route("/xep-hang/kiosk/<string:token>/documents", type="json", auth="public", methods=["POST"])
    def kiosk_documents(self, token, service_id, procedure_id):
        device = self._device(token, "queue_kiosk")
        Ticket = request.env["public_admin.queue.ticket"]
        service = device._queue_services().filtered(lambda s: s.id == service_id)
        procedure = service._procedures().filtered(lambda p: p.id == procedure_id) if service else service
        if not procedure:
            raise NotFound()
        return {"name": procedure.name, "documents": Ticket._kiosk_documents(procedure)}

    @http.route("/xep-hang/kiosk/<string:token>/ticket", type="json", auth="public", methods=["POST"])
    def kiosk_ticket(self, token, service_id=None, procedure_id=None, scanned=None):
        device = self._device(token, "queue_kiosk")
        try:
            return {
                "ticket": request.env["public_admin.queue.ticket"]._kiosk_issue(
                    device, service_id=service_id, procedure_id=procedure_id, scanned=scanned
                )
            }
        except UserError as error:
            return {"error": error.args[0]}

    # ------------------------------------------------------------------ display
    @http.route("/xep-hang/man-hinh/<string:token>", type="http", auth="public", methods=["GET"])
    def display(self, token, **kw):
        device = self._device(token, "queue_display")
        return self._render_screen(
            "public_admin_queue.queue_display_page",
            {
                "device": device.sudo(),
                "props": {"token": token, "channel": device._bus_channel()},
                "title": device.sudo().reception_centre_id.name,
            },
        )

    @http.route("/xep-hang/man-hinh/<string:token>/state", type="json", auth="public", methods=["POST"])
    def display_state(self, token):
        device = self._device(token, "queue_display")
        return request.env["public_admin.queue.ticket"]._display_state(device)

    # ------------------------------------------------------------------ phone view of a ticket
    def _ticket(self, token):
        ticket = request.env["public_admin.queue.ticket"]._from_token(token)
        if not ticket:
            raise NotFound()
        self._vietnamese()
        return ticket

    @http.route("/xep-hang/ve/<string:token>", type="http", auth="public", methods=["GET"])
    def ticket_page(self, token, **kw):
        ticket = self._ticket(token)
        return request.render(
            "public_admin_queue.queue_ticket_page",
            {"ticket": ticket, "props": {"token": token, "channel": ticket._bus_channel()}, "title": ticket.name},
        )

    @http.route("/xep-hang/ve/<string:token>/state", type="json", auth="public", methods=["POST"])
    def ticket_state(self, token):
        return self._ticket(token)._ticket_values()

    @http.route("/xep-hang/ve/<string:token>/sms", type="json", auth="public", methods=["POST"])
    def ticket_sms(self, token, phone=None):
        ticket = self._ticket(token)
        try:
            ticket._subscribe_sms(phone)
        except UserError as error:
            return {"error": error.args[0]}
        return {"ticket": ticket._ticket_values()}

    @http.route("/xep-hang/ve/<string:token>/in", type="http", auth="public", methods=["GET"])
    def ticket_print(self, token, **kw):
        """The 80 mm slip the kiosk prints (also reachable from the phone page)."""
        ticket = self._ticket(token)
        return request.render("public_admin_queue.queue_ticket_slip", {"values": ticket._ticket_values()})


class QueueLookupScreen(PublicCatalogue):
    """The procedure lookup screen: the public catalogue in a touch layout, on a device token."""

    def _lookup_device(self, token):
        device = request.env["public_admin.device"]._from_token(token, "procedure_lookup")
        if not device:
            raise NotFound()
        device._touch()
        if request.env["res.lang"]._lang_get("vi_VN"):
            request.update_context(lang="vi_VN")
        return device

    @http.route("/xep-hang/tra-cuu/<string:token>", type="http", auth="public", methods=["GET"])
    def lookup_home(self, token, sector=None, agency=None, **kw):
        self._lookup_device(token)
        # sudo: public by design; restricted to _published_domain()
        Procedure = request.env["public_admin.procedure"].sudo()
        sector_id, agency_id = self._to_int(sector), self._to_int(agency)
        procedures = Procedure.browse()
        Agency = request.env["public_admin.agency"].sudo()  # public: names of published agencies
        sector_groups, agencies = self._filter_choices(Procedure)
        if sector_id:
            procedures = Procedure.search(self._published_domain() + [("sector_id", "=", sector_id)], order="name")
        elif agency_id:
            procedures = Procedure.search(self._published_domain() + [("agency_id", "=", agency_id)], order="name")
        counts = {
            sector.id: count
            for sector, count in Procedure._read_group(self._published_domain(), ["sector_id"], ["__count"])
            if sector
        }
        agency_counts = {
            agency.id: count
            for agency, count in Procedure._read_group(self._published_domain(), ["agency_id"], ["__count"])
            if agency
        }
        return request.render(
            "public_admin_queue.queue_lookup_page",
            {
                "token": token,
                "sector_groups": sector_groups,
                "sector": request.env["public_admin.sector"].sudo().browse(sector_id).exists(),
                "agency": Agency.browse(agency_id).exists() if agency_id and not sector_id else Agency,
                "agencies": agencies,
                "agency_counts": agency_counts,
                "procedures": procedures,
                "counts": counts,
                "no_header": True,
                "no_footer": True,
            },
        )

    @http.route(
        "/xep-hang/tra-cuu/<string:token>/thu-tuc/<int:procedure_id>",
        type="http",
        auth="public",
        methods=["GET"],
    )
    def lookup_procedure(self, token, procedure_id, **kw):
        self._lookup_device(token)
        procedure = self._published_procedure(procedure_id)
        return request.render(
            "public_admin_queue.queue_lookup_procedure_page",
            {
                "token": token,
                "procedure": procedure,
                "processing_time_text": self._processing_time_text(procedure),
                "fee_lines": procedure._public_fee_lines(),
                "copy_types": self._selection_labels(request.env["public_admin.procedure.document"], "copy_type"),
                "public_qr": qr_code_png(f"{procedure.get_base_url()}{procedure._get_public_url()}"),
                "no_header": True,
                "no_footer": True,
            },
        )
