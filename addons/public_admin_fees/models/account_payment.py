from odoo import fields, models


class AccountPayment(models.Model):
    _inherit = "account.payment"

    public_admin_receipt_ids = fields.One2many("public_admin.fee.receipt", "payment_id", string="Fee receipts")
