from odoo import fields, models


class PublicAdminFeeReceiptCancelWizard(models.TransientModel):
    _name = "public_admin.fee.receipt.cancel.wizard"
    _description = "Cancel a fee receipt"

    receipt_id = fields.Many2one("public_admin.fee.receipt", required=True, readonly=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        self.receipt_id.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
