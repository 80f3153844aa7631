from odoo import api, models
from odoo.exceptions import UserError

from odoo.addons.public_admin_centre.report.public_admin_dossier_forms import qr_code_png


class ReportPublicAdminEvaluationSlip(models.AbstractModel):
    """The slip handed over with the result: the QR code of the dossier's evaluation link."""

    _name = "report.public_admin_survey.report_evaluation_slip"
    _description = "Evaluation slip with QR code"

    @api.model
    def _get_report_values(self, docids, data=None):
        dossiers = self.env["public_admin.dossier"].browse(docids)
        dossiers.check_access("read")
        slips = []
        # sudo: read access to the dossiers was checked above; the evaluation is theirs
        for dossier in dossiers.sudo():
            user_input = dossier._public_admin_ensure_evaluation()
            if not user_input or user_input._public_admin_refusal():
                raise UserError(
                    self.env._(
                        "Dossier %(dossier)s has no evaluation open: its result is not ready, or it was "
                        "rated already, or the link expired.",
                        dossier=dossier.display_name,
                    )
                )
            url = user_input._public_admin_url()
            slips.append({"dossier": dossier, "url": url, "qr": qr_code_png(url)})
        return {"doc_ids": docids, "doc_model": "public_admin.dossier", "docs": dossiers, "slips": slips}
