from odoo import fields, models


class PublicAdminDossierTransferWizard(models.TransientModel):
    _name = "public_admin.dossier.transfer.wizard"
    _description = "Transfer a dossier to another agency"

    dossier_id = fields.Many2one("public_admin.dossier", required=True)
    agency_id = fields.Many2one("public_admin.agency", string="To agency", required=True)
    step_name = fields.Char(string="What the agency must do")
    # Whole working hours (8 = one working day), not a clock time.
    hours = fields.Integer(
        string="Time given", default=8, help="Working hours the agency has for its step: 8 is one working day."
    )
    note = fields.Char()

    def action_confirm(self):
        self.ensure_one()
        self.dossier_id.action_transfer(self.agency_id, hours=self.hours, note=self.note, step_name=self.step_name)
        return {"type": "ir.actions.act_window_close"}
