from odoo import api, fields, models

from .public_admin_complaint import CATEGORIES


class PublicAdminComplaintWizard(models.TransientModel):
    """The text (reason, supplement, answer) and the agency of a complaint's transition."""

    _name = "public_admin.complaint.wizard"
    _description = "Complaint action"

    complaint_id = fields.Many2one("public_admin.complaint", required=True, ondelete="cascade")
    action = fields.Selection(
        [
            ("assign", "Assign"),
            ("transfer", "Transfer"),
            ("request_supplement", "Ask the sender for a supplement"),
            ("resume", "Supplement received"),
            ("answer", "Answer"),
            ("refuse", "Refuse"),
        ],
        required=True,
    )
    category = fields.Selection(CATEGORIES, string="Class")
    agency_id = fields.Many2one("public_admin.agency")
    text = fields.Text()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        complaint = self.env["public_admin.complaint"].browse(values.get("complaint_id"))
        if values.get("action") == "assign":
            values.setdefault("category", complaint.category)
            if complaint.dossier_id and "agency_id" in fields_list:
                values["agency_id"] = complaint.dossier_id.agency_id.id
        return values

    def action_confirm(self):
        self.ensure_one()
        complaint = self.complaint_id
        if self.action == "assign":
            complaint.action_assign(self.agency_id, category=self.category)
        elif self.action == "transfer":
            complaint.action_transfer(self.agency_id, self.text)
        else:
            getattr(complaint, f"action_{self.action}")(self.text)
        return {"type": "ir.actions.act_window_close"}
