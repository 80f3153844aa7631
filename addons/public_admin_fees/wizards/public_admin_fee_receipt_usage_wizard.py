from odoo import api, fields, models
from odoo.exceptions import UserError


class PublicAdminFeeReceiptUsageWizard(models.TransientModel):
    """The report on the use of receipts the tax office asks for: per series and period."""

    _name = "public_admin.fee.receipt.usage.wizard"
    _description = "Use of fee receipts"

    series_id = fields.Many2one("public_admin.fee.receipt.series", required=True)
    date_from = fields.Date(required=True, default=lambda self: fields.Date.today().replace(day=1))
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    count_used = fields.Integer(string="Numbers used", compute="_compute_usage")
    count_cancelled = fields.Integer(string="Cancelled", compute="_compute_usage")
    number_first = fields.Char(string="From number", compute="_compute_usage")
    number_last = fields.Char(string="To number", compute="_compute_usage")
    cancelled_numbers = fields.Char(string="Cancelled numbers", compute="_compute_usage")
    currency_id = fields.Many2one("res.currency", compute="_compute_usage")
    amount_collected = fields.Monetary(string="Amount of the issued receipts", compute="_compute_usage")

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise UserError(self.env._("The period ends before it starts."))

    def _receipts(self):
        self.ensure_one()
        start = fields.Datetime.to_datetime(self.date_from)
        end = fields.Datetime.to_datetime(fields.Date.add(self.date_to, days=1))
        return self.env["public_admin.fee.receipt"].search(
            [("series_id", "=", self.series_id.id), ("date", ">=", start), ("date", "<", end)], order="number"
        )

    @api.depends("series_id", "date_from", "date_to")
    def _compute_usage(self):
        for wizard in self:
            receipts = wizard._receipts() if wizard.series_id and wizard.date_from and wizard.date_to else []
            cancelled = receipts.filtered(lambda r: r.state == "cancelled") if receipts else []
            series = wizard.series_id
            wizard.count_used = len(receipts)
            wizard.count_cancelled = len(cancelled)
            wizard.number_first = series._format_number(receipts[0].number) if receipts else False
            wizard.number_last = series._format_number(receipts[-1].number) if receipts else False
            wizard.cancelled_numbers = (
                ", ".join(series._format_number(n) for n in cancelled.mapped("number")) if cancelled else False
            )
            wizard.currency_id = self.env.ref("base.VND")
            wizard.amount_collected = (
                sum(receipts.filtered(lambda r: r.state == "issued").mapped("amount")) if receipts else 0
            )

    def action_print(self):
        self.ensure_one()
        return self.env.ref("public_admin_fees.public_admin_fee_receipt_usage_report").report_action(self)
