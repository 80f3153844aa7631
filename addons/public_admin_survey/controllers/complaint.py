"""Complaints without login: the form (``/phan-anh-kien-nghi``), the sender's lookup by reference
and contact, the sender's page by the secret link, and the published answers.

The form is throttled per client address (``public_admin.complaint._is_submission_throttled``),
capped in size, and carries a honeypot field that people never fill: a filled one is answered
as if it had worked, and nothing is stored.
"""

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.addons.public_admin_centre.controllers.tools import PRIVATE_HEADERS, client_address

FORM_FIELDS = ("subject", "content", "sender_name", "sender_phone", "sender_email", "sender_address", "dossier_code")
HONEYPOT = "website_url"
PUBLISHED_PER_PAGE = 20


class ComplaintPublic(http.Controller):
    def _render(self, template, values, status=200):
        return request.render(f"public_admin_survey.{template}", values, status=status, headers=PRIVATE_HEADERS)

    def _render_form(self, status=200, **values):
        return self._render("public_complaint_form", {"values": {}, "error": "", "throttled": False, **values}, status)

    @http.route("/phan-anh-kien-nghi", type="http", auth="public", website=True, methods=["GET", "POST"])
    def complaint_form(self, **post):
        if request.httprequest.method != "POST":
            return self._render_form(values={"dossier_code": (post.get("dossier_code") or "").strip()[:64]})
        values = {key: (post.get(key) or "")[:6000] for key in FORM_FIELDS}
        Complaint = request.env["public_admin.complaint"]
        if post.get(HONEYPOT):
            # A robot filled the hidden field: the same thanks, nothing stored.
            return self._render("public_complaint_thanks", {"complaint": None})
        if Complaint._is_submission_throttled(client_address()):
            response = self._render_form(status=429, throttled=True, values=values)
            response.headers["Retry-After"] = str(Complaint._submission_settings()[1] * 60)
            return response
        try:
            complaint = Complaint._public_submit(values, client_address=client_address())
        except ValidationError as error:
            request.env.cr.rollback()
            return self._render_form(status=400, error=error.args[0], values=values)
        return self._render("public_complaint_thanks", {"complaint": complaint})

    # ------------------------------------------------------------------ the sender's lookup
    @http.route("/phan-anh-kien-nghi/tra-cuu", type="http", auth="public", website=True, methods=["GET", "POST"])
    def complaint_lookup(self, code=None, contact=None, **kw):
        values = {"code": (code or "").strip()[:64], "error": "", "not_found": False, "throttled": False}
        if request.httprequest.method != "POST":
            return self._render("public_complaint_lookup", values)
        Attempt = request.env["public_admin.lookup.attempt"]
        if Attempt._is_blocked(client_address()):
            return self._render("public_complaint_lookup", {**values, "throttled": True}, status=429)
        if not values["code"] or not (contact or "").strip():
            values["error"] = request.env._(
                "Enter the reference of your complaint and the phone number or email address you gave."
            )
            return self._render("public_complaint_lookup", values, status=400)
        complaint = request.env["public_admin.complaint"]._public_find(values["code"], contact)
        if not complaint:
            Attempt._record_failure(client_address())
            return self._render("public_complaint_lookup", {**values, "not_found": True}, status=404)
        complaint._portal_ensure_token()
        return request.redirect(f"/phan-anh-kien-nghi/{complaint.access_token}")

    def _sender_complaint(self, token):
        complaint = request.env["public_admin.complaint"]._public_find_by_token(token)
        if not complaint:
            request.env["public_admin.lookup.attempt"]._record_failure(client_address())
        return complaint

    @http.route("/phan-anh-kien-nghi/<string:token>", type="http", auth="public", website=True, methods=["GET"])
    def complaint_page(self, token, message=None, **kw):
        if request.env["public_admin.lookup.attempt"]._is_blocked(client_address()):
            return self._render(
                "public_complaint_lookup", {"code": "", "error": "", "not_found": False, "throttled": True}, status=429
            )
        complaint = self._sender_complaint(token)
        if not complaint:
            return self._render(
                "public_complaint_lookup", {"code": "", "error": "", "not_found": True, "throttled": False}, status=404
            )
        # sudo (in _public_find_by_token): the visitor holds the sender's secret link
        return self._render(
            "public_complaint_page",
            {"complaint": complaint, "post_url": f"/phan-anh-kien-nghi/{token}", "message": message, "error": ""},
        )

    @http.route(
        "/phan-anh-kien-nghi/<string:token>/<string:what>", type="http", auth="public", website=True, methods=["POST"]
    )
    def complaint_reply(self, token, what, satisfaction=None, comment=None, reply=None, **kw):
        """The sender rates the answer (``danh-gia``) or sends the supplement asked (``bo-sung``)."""
        complaint = self._sender_complaint(token)
        if not complaint or what not in ("danh-gia", "bo-sung"):
            raise request.not_found()
        try:
            # the secret link proves the sender; the methods check the state
            if what == "danh-gia":
                complaint._sender_rate_answer(satisfaction, comment)
            else:
                complaint._sender_add_supplement(reply)
        except (ValidationError, UserError) as error:
            request.env.cr.rollback()
            return self._render(
                "public_complaint_page",
                {
                    "complaint": complaint,
                    "post_url": f"/phan-anh-kien-nghi/{token}",
                    "message": None,
                    "error": error.args[0],
                },
                status=400,
            )
        return request.redirect(f"/phan-anh-kien-nghi/{token}?message=sent")

    # ------------------------------------------------------------------ published answers
    @http.route(
        ["/phan-anh-kien-nghi/cong-khai", "/phan-anh-kien-nghi/cong-khai/page/<int:page>"],
        type="http",
        auth="public",
        website=True,
        methods=["GET"],
    )
    def complaint_published(self, page=1, **kw):
        # sudo: published answers are public by design; the template shows only the public texts
        Complaint = request.env["public_admin.complaint"].sudo()
        domain = Complaint._published_domain()
        total = Complaint.search_count(domain)
        pager = portal_pager(url="/phan-anh-kien-nghi/cong-khai", total=total, page=page, step=PUBLISHED_PER_PAGE)
        complaints = Complaint.search(
            domain, order="date_published desc, id desc", limit=PUBLISHED_PER_PAGE, offset=pager["offset"]
        )
        entries = [
            {
                "name": c.name,
                "category": dict(c._fields["category"]._description_selection(request.env)).get(c.category),
                "agency": c.agency_id.name or "",
                "date": c._format_local(c.date_published)[-10:],
                "question": c.public_question,
                "answer": c.public_answer,
            }
            for c in complaints
        ]
        return request.render("public_admin_survey.public_complaint_published", {"entries": entries, "pager": pager})
