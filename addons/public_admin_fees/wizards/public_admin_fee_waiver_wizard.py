from odoo import fields, models


class PublicAdminFeeWaiverWizard(models.TransientModel):
    _name = "public_admin.fee.waiver.wizard"
    _description = "Waive the fees due for the return of the result"

    dossier_id = fields.Many2one("public_admin.dossier", required=True, readonly=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.dossier_id.action_fee_waive(self.reason)
        return {"type": "ir.actions.act_window_close"}
