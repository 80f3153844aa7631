from odoo import fields, models


class PublicAdminDossierTransferWizard(models.TransientModel):
    _name = "public_admin.dossier.transfer.wizard"
    _description = "Transfer a dossier to another agency"

    dossier_id = fields.Many2one("public_admin.dossier", required=True)
    agency_id = fields.Many2one("public_admin.agency", string="To agency", required=True)
    step_name = fields.Char(string="What the agency must do")
    hours = fields.Float(string="Working hours given", default=8.0)
    note = fields.Char()

    def action_confirm(self):
        self.ensure_one()
        self.dossier_id.action_transfer(self.agency_id, hours=self.hours, note=self.note, step_name=self.step_name)
        return {"type": "ir.actions.act_window_close"}
