from odoo import http
from odoo.http import request

from ..tools import mask_name, mask_phone
from .tools import PRIVATE_HEADERS, client_address


class PublicStatus(http.Controller):
    """Public status lookup: by dossier code plus the last 4 digits of the applicant's phone,
    or by the unguessable link of the receipt's QR code.

    Whatever does not match (unknown code, wrong digits, unknown link) gets the same page with
    the same status (404); failures are counted per client address and, past the limit, every
    lookup from that client is answered 429 until the oldest failure ages out.
    """

    def _render_form(self, status=200, **values):
        return request.render(
            "public_admin_centre.public_status_lookup",
            {"code": "", "error": "", "throttled": False, "not_found": False, **values},
            status=status,
            headers=PRIVATE_HEADERS,
        )

    def _throttled(self):
        response = self._render_form(status=429, throttled=True)
        _max, window = request.env["public_admin.lookup.attempt"]._settings()
        response.headers["Retry-After"] = str(window * 60)
        return response

    def _not_found(self, code=""):
        """The one neutral answer to any lookup that does not match, and a failure counted."""
        request.env["public_admin.lookup.attempt"]._record_failure(client_address())
        return self._render_form(status=404, not_found=True, code=code)

    def _render_status(self, dossier):
        # sudo: the visitor proved they know the dossier (code + phone digits, or the receipt's
        # secret link); the page shows only what the template masks
        dossier = dossier.sudo()
        states = dict(dossier._fields["state"]._description_selection(request.env))
        return request.render(
            "public_admin_centre.public_status_page",
            {
                "dossier": dossier,
                "state_label": states.get(dossier.state, ""),
                "masked_name": mask_name(dossier.applicant_name),
                "masked_phone": mask_phone(dossier.applicant_phone),
                "date_received": dossier._format_local(dossier.date_received),
                "appointment": dossier._format_local(dossier._portal_appointment()),
                "appointment_moved": bool(dossier.date_due_promised),
                "next_step": dossier._portal_next_step(),
                "timeline": dossier._portal_timeline(),
            },
            headers=PRIVATE_HEADERS,
        )

    @http.route("/tra-cuu-ho-so", type="http", auth="public", website=True, methods=["GET", "POST"])
    def status_lookup(self, code=None, phone_digits=None, **kw):
        if request.httprequest.method != "POST":
            # A link may carry the code (e.g. from a notification); the digits are always typed.
            return self._render_form(code=(code or "").strip()[:64])
        Attempt = request.env["public_admin.lookup.attempt"]
        if Attempt._is_blocked(client_address()):
            return self._throttled()
        code = (code or "").strip()[:64]
        digits = (phone_digits or "").strip()
        if not code or len(digits) != 4 or not digits.isdigit():
            return self._render_form(
                status=400,
                code=code,
                error=request.env._(
                    "Enter the dossier code and the last 4 digits of the phone number "
                    "given when the dossier was handed in."
                ),
            )
        dossier = request.env["public_admin.dossier"]._public_find_by_code(code, digits)
        if not dossier:
            return self._not_found(code=code)
        return self._render_status(dossier)

    @http.route("/tra-cuu-ho-so/<string:token>", type="http", auth="public", website=True, methods=["GET"])
    def status_by_token(self, token, **kw):
        Attempt = request.env["public_admin.lookup.attempt"]
        if Attempt._is_blocked(client_address()):
            return self._throttled()
        dossier = request.env["public_admin.dossier"]._public_find_by_token(token)
        if not dossier:
            return self._not_found()
        return self._render_status(dossier)
