from odoo import fields, models
from odoo.tools import format_amount


class PublicAdminProcedure(models.Model):
    _inherit = "public_admin.procedure"

    fee_ids = fields.One2many("public_admin.procedure.fee", "procedure_id", string="Fee schedule", copy=True)

    def _public_fee_lines(self):
        """The fee schedule replaces the published text when the procedure has one."""
        self.ensure_one()
        if not self.fee_ids:
            return super()._public_fee_lines()
        return [
            (
                fee.name,
                format_amount(self.env, fee.amount, fee.currency_id) if fee.amount else self.env._("Free of charge"),
                fee.note or "",
            )
            for fee in self.fee_ids
        ]
