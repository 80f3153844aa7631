from odoo import fields, models


class PublicAdminDossierApologyWizard(models.TransientModel):
    _name = "public_admin.dossier.apology.wizard"
    _description = "Apology and new appointment"

    dossier_id = fields.Many2one("public_admin.dossier", required=True)
    agency_id = fields.Many2one("public_admin.agency", string="Late agency")
    reason = fields.Text(required=True)
    date_due_new = fields.Datetime(string="New appointment", required=True)

    def action_confirm(self):
        self.ensure_one()
        self.dossier_id.action_apologize(self.reason, self.date_due_new, agency=self.agency_id)
        return {"type": "ir.actions.act_window_close"}
