"""“My complaints” on the portal: list, page (answer, rating, supplement) and a new complaint."""

from odoo import http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.public_admin_centre.controllers.tools import PRIVATE_HEADERS, client_address

from .complaint import FORM_FIELDS


class ComplaintPortal(CustomerPortal):
    def _complaint_domain(self):
        return [("partner_id", "child_of", request.env.user.partner_id.id)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "complaint_count" in counters:
            Complaint = request.env["public_admin.complaint"]
            values["complaint_count"] = (
                Complaint.search_count(self._complaint_domain()) if Complaint.has_access("read") else 0
            )
        return values

    @http.route("/my/complaints", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_complaints(self, **kw):
        Complaint = request.env["public_admin.complaint"]
        if not Complaint.has_access("read"):
            return request.redirect("/my")
        complaints = Complaint.search(self._complaint_domain(), limit=200)
        values = self._prepare_portal_layout_values()
        values.update({"complaints": complaints, "page_name": "complaints"})
        return request.render("public_admin_survey.portal_my_complaints", values, headers=PRIVATE_HEADERS)

    @http.route("/my/complaints/new", type="http", auth="user", website=True, methods=["GET", "POST"])
    def portal_complaint_new(self, **post):
        Complaint = request.env["public_admin.complaint"]
        if not Complaint.has_access("read") or request.env.user._is_internal():
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        form = {key: (post.get(key) or "")[:6000] for key in FORM_FIELDS}
        values.update({"page_name": "complaints", "values": form, "error": ""})
        if request.httprequest.method != "POST":
            return request.render("public_admin_survey.portal_complaint_new", values, headers=PRIVATE_HEADERS)
        if Complaint._is_submission_throttled(client_address()):
            values["error"] = request.env._(
                "Too many complaints were sent from your connection. Please try again later."
            )
            return request.render(
                "public_admin_survey.portal_complaint_new", values, status=429, headers=PRIVATE_HEADERS
            )
        try:
            complaint = Complaint._public_submit(
                form, client_address=client_address(), partner=request.env.user.partner_id
            )
        except ValidationError as error:
            request.env.cr.rollback()
            values["error"] = error.args[0]
            return request.render(
                "public_admin_survey.portal_complaint_new", values, status=400, headers=PRIVATE_HEADERS
            )
        return request.redirect(f"/my/complaints/{complaint.id}?message=sent")

    def _my_complaint(self, complaint_id):
        try:
            return self._document_check_access("public_admin.complaint", complaint_id)
        except (AccessError, MissingError):
            return None

    @http.route("/my/complaints/<int:complaint_id>", type="http", auth="user", website=True, methods=["GET"])
    def portal_my_complaint(self, complaint_id, message=None, **kw):
        complaint = self._my_complaint(complaint_id)
        if complaint is None or request.env.user._is_internal():
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "complaint": complaint,
                "page_name": "complaints",
                "post_url": f"/my/complaints/{complaint.id}",
                "message": message,
                "error": "",
            }
        )
        return request.render("public_admin_survey.portal_my_complaint", values, headers=PRIVATE_HEADERS)

    @http.route(
        "/my/complaints/<int:complaint_id>/<string:what>", type="http", auth="user", website=True, methods=["POST"]
    )
    def portal_complaint_reply(self, complaint_id, what, satisfaction=None, comment=None, reply=None, **kw):
        complaint = self._my_complaint(complaint_id)
        if complaint is None or what not in ("danh-gia", "bo-sung") or request.env.user._is_internal():
            raise request.not_found()
        try:
            # _document_check_access (above) proved the user is the sender (record rules)
            if what == "danh-gia":
                complaint._sender_rate_answer(satisfaction, comment)
            else:
                complaint._sender_add_supplement(reply)
        except (ValidationError, UserError) as error:
            request.env.cr.rollback()
            values = self._prepare_portal_layout_values()
            values.update(
                {
                    "complaint": complaint,
                    "page_name": "complaints",
                    "post_url": f"/my/complaints/{complaint.id}",
                    "message": None,
                    "error": error.args[0],
                }
            )
            return request.render(
                "public_admin_survey.portal_my_complaint", values, status=400, headers=PRIVATE_HEADERS
            )
        return request.redirect(f"/my/complaints/{complaint.id}?message=sent")
