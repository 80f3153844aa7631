from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools.misc import consteq

from odoo.addons.public_admin_centre.report.public_admin_dossier_forms import qr_code_png
from odoo.addons.public_admin_centre.tools import normalize_vietnamese_phone

LAST_CALLED = 6


# pylint: disable=consider-merging-classes-inherited


class PublicAdminQueueTicket(models.Model):
    """What the public screens show: the kiosk's choices, the display's board, a ticket's phone page.

    Every method here is reached by a login-free route that found the device or the ticket by its
    secret token first; they read as superuser and return only what that screen shows anyway.
    """

    _inherit = "public_admin.queue.ticket"

    @api.model
    def _from_token(self, token):
        if not token or not isinstance(token, str) or len(token) > 64:
            return self.browse()
        ticket = self.sudo().search([("access_token", "=", token)], limit=1)
        if not ticket or not consteq(ticket.access_token, token):
            return self.browse()
        return ticket

    # ------------------------------------------------------------------ kiosk
    @api.model
    def _kiosk_services(self, device):
        """The services a kiosk offers and their procedures (for "what to bring")."""
        services = []
        for service in device._queue_services():
            services.append(
                {
                    "id": service.id,
                    "name": service.name,
                    "prefix": service.prefix,
                    "waiting": self.sudo().search_count(
                        [
                            ("service_id", "=", service.id),
                            ("state", "=", "waiting"),
                            ("day", "=", self._local_day(self._now(), service.reception_centre_id)),
                        ]
                    ),
                    "procedures": [{"id": p.id, "name": p.name} for p in service._procedures()],
                }
            )
        return services

    @api.model
    def _kiosk_documents(self, procedure):
        """The checklist of a procedure as the kiosk shows it: name, copies, condition."""
        copy_types = dict(procedure.document_ids._fields["copy_type"]._description_selection(self.env))
        return [
            {
                "name": document.name,
                "copies": document.copies,
                "copy_type": copy_types.get(document.copy_type, ""),
                "is_required": document.is_required and not document.is_conditional,
                "condition": document.condition or "" if document.is_conditional else "",
            }
            for document in procedure.sudo().document_ids
        ]

    @api.model
    def _kiosk_find_dossier(self, scanned):
        """The dossier of a scanned receipt or status QR code (its public status address)."""
        text = (scanned or "").strip().rstrip("/")
        token = text.rsplit("/", 1)[-1].split("?", 1)[0]
        return self.env["public_admin.dossier"]._public_find_by_token(token)

    @api.model
    def _kiosk_issue(self, device, service_id=None, procedure_id=None, scanned=None, phone=None):
        """Issue a ticket at ``device`` (found by its token) and return what the kiosk prints."""
        services = device._queue_services()
        dossier = self.env["public_admin.dossier"]
        procedure = self.env["public_admin.procedure"]
        if scanned:
            dossier = self._kiosk_find_dossier(scanned)
            if not dossier:
                raise UserError(self.env._("This code is not a receipt or a dossier of the centre."))
            procedure = dossier.procedure_id
            service = services.filtered(lambda s: procedure in s._procedures())[:1]
        else:
            service = services.filtered(lambda s: s.id == service_id)
            if procedure_id:
                procedure = service._procedures().filtered(lambda p: p.id == procedure_id) if service else procedure
        if not service:
            raise UserError(self.env._("Choose a service shown on the screen."))
        ticket = self._issue(service, device=device, procedure=procedure, dossier=dossier, phone=phone)
        return ticket._ticket_values()

    def _ticket_values(self):
        self.ensure_one()
        ticket = self.sudo()
        local = ticket._local(ticket.date_issued)
        url = f"{ticket.get_base_url()}/xep-hang/ve/{ticket.access_token}"
        return {
            "name": ticket.name,
            "service": ticket.service_id.name,
            "procedure": ticket.procedure_id.name or "",
            "centre": ticket.reception_centre_id.name,
            "issued": local.strftime("%H:%M %d/%m/%Y"),
            "ahead": ticket._ahead_count(),
            "wait": ticket._estimated_wait(),
            "state": ticket.state,
            "state_label": ticket._state_label(),
            "counter": ticket.counter_id.number if ticket.state in ("called", "serving") else False,
            "url": url,
            "has_sms": bool(ticket.phone),
            "sms_ahead": ticket.reception_centre_id.queue_sms_ahead,
            "qr": f"data:image/png;base64,{qr_code_png(url)}",
        }

    def _subscribe_sms(self, phone):
        """The citizen asks (from the phone page of their ticket) for an SMS when their turn nears."""
        self.ensure_one()
        number = normalize_vietnamese_phone(phone)
        if not number:
            raise UserError(self.env._("Enter a valid Vietnamese mobile number, e.g. 0912 345 678."))
        if self.state != "waiting":
            raise UserError(self.env._("This ticket is no longer waiting."))
        # sudo: the caller holds the ticket's secret token, printed on the citizen's own slip
        self.sudo().write({"phone": number, "is_sms_sent": False})
        self._send_sms_when_near()
        return True

    # ------------------------------------------------------------------ display
    @api.model
    def _display_state(self, device):
        """The board of a waiting-room display: each counter's number, the last numbers called."""
        centre = device.sudo().reception_centre_id
        day = self._local_day(self._now(), centre)
        tickets = self.sudo().search(
            [("reception_centre_id", "=", centre.id), ("day", "=", day), ("date_called", "!=", False)],
            order="date_called desc, id desc",
        )
        counters = []
        for counter in self.env["public_admin.counter"].sudo().search([("reception_centre_id", "=", centre.id)]):
            current = tickets.filtered(lambda t, c=counter: t.counter_id == c and t.state in ("called", "serving"))[:1]
            counters.append(
                {
                    "number": counter.number,
                    "name": counter.name,
                    "ticket": current.name or "",
                    "state": current.state or "",
                }
            )
        last = [ticket._display_payload() for ticket in tickets.filtered(lambda t: t.counter_id)[:LAST_CALLED]]
        return {"centre": centre.name, "counters": counters, "last": last}
