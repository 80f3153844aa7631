from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class PublicAdminFeeReceiptSeries(models.Model):
    """A series of fee receipts: form symbol (ký hiệu mẫu) and series (ký hiệu), numbered without gaps.

    The next number is taken by an UPDATE of the series' row: a second counter collecting at the
    same moment waits for the first one's transaction, and a transaction that rolls back gives its
    number back, so numbers are neither skipped nor repeated.
    """

    _name = "public_admin.fee.receipt.series"
    _description = "Fee receipt series"
    _order = "company_id, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    form_symbol = fields.Char(string="Form symbol (ký hiệu mẫu)", required=True, help="E.g. 01BLP0-001.")
    symbol = fields.Char(string="Series (ký hiệu)", required=True, help="E.g. AA-25P.")
    number_padding = fields.Integer(default=7)
    number_next = fields.Integer(string="Next number", default=1, readonly=True, copy=False)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    active = fields.Boolean(default=True)
    receipt_ids = fields.One2many("public_admin.fee.receipt", "series_id", string="Receipts")

    _sql_constraints = [
        ("symbol_unique", "UNIQUE(company_id, form_symbol, symbol)", "This form symbol and series already exist."),
    ]

    @api.depends("form_symbol", "symbol")
    def _compute_display_name(self):
        for series in self:
            series.display_name = f"{series.form_symbol} / {series.symbol}"

    def write(self, vals):
        if {"form_symbol", "symbol", "number_padding"} & set(vals) and self.receipt_ids:
            raise UserError(self.env._("A series that has issued receipts keeps its symbols: create a new series."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unused(self):
        if self.receipt_ids:
            raise UserError(self.env._("A series that has issued receipts cannot be deleted; archive it."))

    def _take_number(self):
        """The next number of the series, for a receipt created in this transaction."""
        self.ensure_one()
        self.flush_recordset(["number_next"])
        self.env.cr.execute(
            SQL(
                "UPDATE %s SET number_next = number_next + 1 WHERE id = %s RETURNING number_next - 1",
                SQL.identifier(self._table),
                self.id,
            )
        )
        number = self.env.cr.fetchone()[0]
        self.invalidate_recordset(["number_next"])
        return number

    def _format_number(self, number):
        self.ensure_one()
        return str(number).zfill(self.number_padding)
