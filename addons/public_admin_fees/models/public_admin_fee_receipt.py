from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.l10n_vn_amount_to_text.tools import amount_to_words_vnd

PAYMENT_METHODS = [("cash", "Cash"), ("card", "Card"), ("transfer", "Bank transfer"), ("online", "Online")]


class PublicAdminFeeReceipt(models.Model):
    """A receipt of fees and charges (biên lai thu phí, lệ phí), one per collection.

    Numbered without gaps per series, never deleted: a mistaken or refunded receipt is cancelled
    with its reason and kept, and its number is not used again.
    """

    _name = "public_admin.fee.receipt"
    _description = "Fee receipt"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Receipt", compute="_compute_name", store=True, index=True)
    series_id = fields.Many2one(
        "public_admin.fee.receipt.series", required=True, readonly=True, index=True, check_company=True
    )
    form_symbol = fields.Char(string="Form symbol", readonly=True)
    symbol = fields.Char(string="Series symbol", readonly=True)
    number = fields.Integer(readonly=True, aggregator=False)
    date = fields.Datetime(readonly=True, required=True, index=True)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    dossier_id = fields.Many2one(
        "public_admin.dossier", required=True, readonly=True, index=True, ondelete="restrict", check_company=True
    )
    dossier_code = fields.Char(readonly=True)
    procedure_name = fields.Char(string="Procedure", readonly=True)
    agency_id = fields.Many2one("public_admin.agency", readonly=True, index=True)
    payer_name = fields.Char(string="Payer", readonly=True)
    payer_address = fields.Char(string="Address", readonly=True)
    payment_id = fields.Many2one("account.payment", readonly=True, index=True, ondelete="restrict")
    statement_line_id = fields.Many2one(
        "account.bank.statement.line",
        string="Bank statement line",
        readonly=True,
        index="btree_not_null",
        ondelete="restrict",
        help="The transfer, when the accountant matched it on the bank statement.",
    )
    journal_id = fields.Many2one("account.journal", readonly=True, help="Where the money came in.")
    date_payment = fields.Date(string="Payment date", readonly=True, index=True)
    payment_method = fields.Selection(PAYMENT_METHODS, readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True, required=True)
    amount = fields.Monetary(readonly=True)
    amount_words = fields.Char(string="Amount in words", readonly=True)
    line_ids = fields.One2many("public_admin.fee.receipt.line", "receipt_id", string="Lines", readonly=True)
    collector_id = fields.Many2one("res.users", string="Collected by", readonly=True)
    state = fields.Selection(
        [("issued", "Issued"), ("cancelled", "Cancelled")], default="issued", readonly=True, tracking=True, index=True
    )
    cancel_reason = fields.Text(readonly=True, tracking=True)
    date_cancelled = fields.Datetime(readonly=True)
    cancelled_by_id = fields.Many2one("res.users", readonly=True)
    is_refunded = fields.Boolean(string="Refunded", readonly=True, help="Cancelled because the fees were refunded.")
    refund_payment_id = fields.Many2one("account.payment", readonly=True)
    date_refunded = fields.Date(readonly=True)

    _sql_constraints = [
        ("number_unique", "UNIQUE(series_id, number)", "A receipt number is used once in its series."),
    ]

    @api.depends("symbol", "number", "series_id.number_padding")
    def _compute_name(self):
        for receipt in self:
            receipt.name = (
                f"{receipt.symbol}/{receipt.series_id._format_number(receipt.number)}" if receipt.number else False
            )

    @api.model
    def _issue(self, dossier, payment=None, payer_name=None, statement_line=None):
        """Issue the receipt of ``payment`` (or of the bank ``statement_line``) on ``dossier``
        (as superuser: callers check). Its lines are the dossier's charged fee lines."""
        company = dossier.company_id
        series = company._public_admin_fee_series()
        lines = dossier.fee_line_ids.filtered(lambda line: line.is_charged and line.amount)
        source = payment or statement_line
        paid = abs(payment.amount if payment else statement_line.amount)
        if round(sum(lines.mapped("amount"))) != round(paid):
            raise UserError(
                self.env._(
                    "The payment of %(amount)s does not match the fees of dossier %(dossier)s.",
                    amount=paid,
                    dossier=dossier.display_name,
                )
            )
        method = source.journal_id.public_admin_fee_method or "transfer"
        if payment and payment.payment_transaction_id:
            method = "online"
        partner = dossier.partner_id
        amount = int(round(paid))
        receipt = self.sudo().create(
            {
                "series_id": series.id,
                "form_symbol": series.form_symbol,
                "symbol": series.symbol,
                "number": series._take_number(),
                "date": dossier._now(),
                "company_id": company.id,
                "dossier_id": dossier.id,
                "dossier_code": dossier.name,
                "procedure_name": dossier.procedure_id.name,
                "agency_id": (dossier.agency_id or dossier.procedure_id.agency_id).id,
                "payer_name": payer_name or dossier.applicant_name or partner.name,
                "payer_address": dossier.applicant_address or partner.contact_address_inline,
                "payment_id": payment.id if payment else False,
                "statement_line_id": statement_line.id if statement_line else False,
                "journal_id": source.journal_id.id,
                "date_payment": source.date,
                "payment_method": method,
                "currency_id": company.currency_id.id,
                "amount": amount,
                "amount_words": amount_to_words_vnd(amount),
                "collector_id": self.env.user.id if method in ("cash", "card") else False,
                "line_ids": [
                    fields.Command.create(
                        {
                            "dossier_fee_id": line.id,
                            "name": line.name,
                            "fee_type": line.fee_type,
                            "quantity": line.quantity,
                            "amount": line.amount,
                            "amount_retained": line.amount_retained,
                            "budget_chapter": line.budget_chapter,
                            "budget_subitem": line.budget_subitem,
                            "treasury_account": line.treasury_account,
                        }
                    )
                    for line in lines
                ],
            }
        )
        dossier.message_post(
            body=self.env._(
                "Fees of %(amount)s collected, receipt %(receipt)s.",
                amount=dossier._fee_format(amount),
                receipt=receipt.name,
            )
        )
        return receipt

    def write(self, vals):
        self.check_access("write")
        if not self.env.context.get("public_admin_fee_receipt_change") and set(vals) - {"message_main_attachment_id"}:
            raise UserError(self.env._("A receipt cannot be changed; cancel it with a reason."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A receipt is never deleted; cancel it with a reason, its number stays used."))

    def _cancel(self, reason, refund_payment=None):
        """Cancel the receipts with ``reason``; with ``refund_payment`` they were refunded."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for cancelling the receipt."))
        for receipt in self:
            if receipt.state == "cancelled":
                raise UserError(self.env._("Receipt %(receipt)s is already cancelled.", receipt=receipt.name))
            values = {
                "state": "cancelled",
                "cancel_reason": reason.strip(),
                "date_cancelled": fields.Datetime.now(),
                "cancelled_by_id": self.env.user.id,
            }
            if refund_payment:
                values.update(
                    {"is_refunded": True, "refund_payment_id": refund_payment.id, "date_refunded": refund_payment.date}
                )
            receipt.with_context(public_admin_fee_receipt_change=True).write(values)
            receipt.message_post(body=self.env._("Receipt cancelled: %(reason)s", reason=reason.strip()))

    def action_cancel(self, reason):
        """The accountant cancels a receipt issued by mistake; a new one is issued for the same payment."""
        self.check_access("write")
        if not self.env.user.has_group("public_admin_fees.group_fee_accountant"):
            raise UserError(self.env._("Only accountants cancel receipts."))
        self.sudo()._cancel(reason)  # accountant and write access checked above
        for receipt in self.sudo():
            if receipt.payment_id.state not in ("canceled", "rejected") and not receipt.is_refunded:
                self._issue(
                    receipt.dossier_id,
                    receipt.payment_id,
                    payer_name=receipt.payer_name,
                    statement_line=receipt.statement_line_id,
                )
        return True

    def action_open_cancel_wizard(self):
        self.ensure_one()
        self.check_access("write")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Cancel the receipt"),
            "res_model": "public_admin.fee.receipt.cancel.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_receipt_id": self.id},
        }

    def action_print(self):
        self.check_access("read")
        return self.env.ref("public_admin_fees.public_admin_fee_receipt_report").report_action(self)


class PublicAdminFeeReceiptLine(models.Model):
    _name = "public_admin.fee.receipt.line"
    _description = "Line of a fee receipt"
    _order = "receipt_id, id"

    receipt_id = fields.Many2one("public_admin.fee.receipt", required=True, ondelete="cascade", index=True)
    dossier_fee_id = fields.Many2one("public_admin.dossier.fee", readonly=True, ondelete="restrict")
    currency_id = fields.Many2one(related="receipt_id.currency_id")
    name = fields.Char(readonly=True)
    fee_type = fields.Selection([("fee", "Fee (phí)"), ("charge", "Charge (lệ phí)")], readonly=True)
    quantity = fields.Integer(readonly=True)
    amount = fields.Monetary(readonly=True)
    amount_retained = fields.Monetary(string="Retained", readonly=True)
    budget_chapter = fields.Char(readonly=True)
    budget_subitem = fields.Char(readonly=True)
    treasury_account = fields.Char(readonly=True)
