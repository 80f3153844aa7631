from odoo import fields, models


class AccountJournal(models.Model):
    _inherit = "account.journal"

    public_admin_fee_method = fields.Selection(
        [("cash", "Cash"), ("card", "Card"), ("transfer", "Bank transfer")],
        string="Collects fees by",
        help="The counter offers this journal to collect fees and charges.",
    )
