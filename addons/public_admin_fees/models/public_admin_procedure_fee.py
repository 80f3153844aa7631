from odoo import fields, models


class PublicAdminProcedureFee(models.Model):
    """A fee (phí) or charge (lệ phí) of a procedure, effective with the procedure's version."""

    _name = "public_admin.procedure.fee"
    _description = "Fee or charge of a procedure"
    _order = "procedure_id, sequence, id"

    procedure_id = fields.Many2one("public_admin.procedure", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True, help="E.g. Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ.")
    fee_type = fields.Selection(
        [("fee", "Fee (phí)"), ("charge", "Charge (lệ phí)")],
        required=True,
        default="charge",
        help="A fee may be partly kept by the collecting agency; a charge goes entirely to the state budget.",
    )
    amount = fields.Monetary(required=True, currency_field="currency_id")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.ref("base.VND", raise_if_not_found=False) or self.env.company.currency_id,
    )
    retained_percent = fields.Float(
        string="Retained by the agency (%)",
        help="Share of a fee the collecting agency keeps; the rest is remitted to the state budget.",
    )
    note = fields.Char(help="Who is exempt, or how the amount varies.")

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0)", "A fee cannot be negative."),
        (
            "retained_range",
            "CHECK(retained_percent >= 0 AND retained_percent <= 100)",
            "The retained share is a percentage between 0 and 100.",
        ),
    ]
