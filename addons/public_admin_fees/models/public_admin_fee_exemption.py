from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PublicAdminFeeExemption(models.Model):
    """A category of applicants exempt from a fee or given a reduction, with its legal basis."""

    _name = "public_admin.fee.exemption"
    _description = "Fee exemption or reduction"
    _order = "name"

    name = fields.Char(required=True, translate=True, help="E.g. Hộ nghèo, Người có công với cách mạng.")
    reduction_percent = fields.Float(
        string="Reduction (%)", default=100.0, help="100: exempt; 50: half the amount is collected."
    )
    legal_basis = fields.Text(
        required=True, translate=True, help="The legal text that grants it, e.g. Điều 5 Thông tư 85/2019/TT-BTC."
    )
    active = fields.Boolean(default=True)

    @api.constrains("reduction_percent")
    def _check_reduction_percent(self):
        for exemption in self:
            if not 0 < exemption.reduction_percent <= 100:
                raise ValidationError(self.env._("A reduction is a percentage above 0 and at most 100."))
