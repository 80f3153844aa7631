from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import check_vnd_amount


class PublicAdminProcedureFeeTier(models.Model):
    """A tier of a fee line: the unit amount for the quantities from ``quantity_from`` on.

    E.g. certifying copies: 2 000 đ a page for pages 1–2, 1 000 đ from the 3rd page on, capped
    at 200 000 đ a copy (the cap is the line's maximum).
    """

    _name = "public_admin.procedure.fee.tier"
    _description = "Tier of a fee"
    _order = "fee_id, quantity_from"

    fee_id = fields.Many2one("public_admin.procedure.fee", required=True, ondelete="cascade", index=True)
    currency_id = fields.Many2one(related="fee_id.currency_id")
    quantity_from = fields.Integer(string="From quantity", required=True, default=1)
    amount = fields.Monetary(string="Unit amount", currency_field="currency_id", required=True)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if "amount" in vals and not check_vnd_amount(vals["amount"] or 0):
                raise ValidationError(self.env._("The amount of a tier must be a whole, non-negative number of đồng."))
        return super().create(vals_list)

    def write(self, vals):
        if "amount" in vals and not check_vnd_amount(vals["amount"] or 0):
            raise ValidationError(self.env._("The amount of a tier must be a whole, non-negative number of đồng."))
        return super().write(vals)

    @api.constrains("quantity_from", "amount")
    def _check_values(self):
        for tier in self:
            if tier.quantity_from < 1:
                raise ValidationError(self.env._("A tier starts at quantity 1 or more."))
            if not check_vnd_amount(tier.amount):
                raise ValidationError(self.env._("The amount of a tier must be a whole, non-negative number of đồng."))
