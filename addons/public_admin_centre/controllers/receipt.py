"""The receipt and appointment slip opened in a browser tab at reception, ready to print.

Odoo's ``/report/pdf`` route runs read-only, and printing a standard form writes its issue log:
this route renders the same report in a normal transaction. Backend users only; the report reads
the dossier with the user's own rights.
"""

from odoo import http
from odoo.http import content_disposition, request


class DossierReceiptController(http.Controller):
    @http.route("/public_admin/dossier/<int:dossier_id>/receipt", type="http", auth="user", methods=["GET"])
    def dossier_receipt(self, dossier_id):
        dossier = request.env["public_admin.dossier"].browse(dossier_id).exists()
        if not dossier or request.env.user.share:
            raise request.not_found()
        dossier.check_access("read")
        # Printing issues the form (an original, then copies): the front desk's action.
        dossier._check_action_groups("action_print_receipt")
        report = request.env.ref("public_admin_centre.public_admin_dossier_report_receipt")
        content, report_type = request.env["ir.actions.report"]._render_qweb_pdf(report, dossier.ids)
        # Without wkhtmltopdf (or in tests) Odoo renders the report as HTML.
        is_pdf = report_type == "pdf"
        filename = dossier._get_report_base_filename() + (".pdf" if is_pdf else ".html")
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/pdf" if is_pdf else "text/html; charset=utf-8"),
                ("Content-Length", len(content)),
                # Shown in the browser's viewer, whose print button is one click away.
                ("Content-Disposition", content_disposition(filename).replace("attachment", "inline", 1)),
            ],
        )
