from odoo import fields, models, tools
from odoo.tools import SQL


class PublicAdminFeeReport(models.Model):
    """Collections and refunds of fees and charges, line by line, for the accountants.

    One row per line of an issued receipt (collected on the receipt's date) and one per line of a
    refunded receipt (refunded on the refund's date, negative). Retained: the agency's share of a
    fee; to remit: the rest, that is charges in full and fees less the share. A receipt cancelled
    for a mistake counts through the receipt issued in its place.
    """

    _name = "public_admin.fee.report"
    _description = "Fees and charges collected"
    _auto = False
    _order = "date desc"

    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    agency_id = fields.Many2one("public_admin.agency", readonly=True)
    procedure_id = fields.Many2one("public_admin.procedure", readonly=True)
    dossier_id = fields.Many2one("public_admin.dossier", readonly=True)
    receipt_id = fields.Many2one("public_admin.fee.receipt", readonly=True)
    payment_method = fields.Selection(
        [("cash", "Cash"), ("card", "Card"), ("transfer", "Bank transfer"), ("online", "Online")], readonly=True
    )
    fee_type = fields.Selection([("fee", "Fee (phí)"), ("charge", "Charge (lệ phí)")], readonly=True)
    name = fields.Char(string="Fee or charge", readonly=True)
    treasury_account = fields.Char(readonly=True)
    budget_chapter = fields.Char(readonly=True)
    budget_subitem = fields.Char(readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    amount_collected = fields.Monetary(string="Collected", readonly=True)
    amount_refunded = fields.Monetary(string="Refunded", readonly=True)
    amount_net = fields.Monetary(string="Net collected", readonly=True)
    amount_retained = fields.Monetary(string="Retained", readonly=True)
    amount_to_remit = fields.Monetary(string="To remit to the budget", readonly=True)

    def _select(self, kind):
        sign = 1 if kind == "collected" else -1
        # the dates of the payment and of the refund: those of their journal entries
        date = SQL("r.date_payment") if kind == "collected" else SQL("r.date_refunded")
        return SQL(
            """
            SELECT l.id * 2 + %(offset)s AS id, %(date)s AS date, r.company_id, r.agency_id,
                   d.procedure_id, r.dossier_id, r.id AS receipt_id, r.payment_method,
                   l.fee_type, l.name, l.treasury_account, l.budget_chapter, l.budget_subitem,
                   r.currency_id,
                   %(collected)s AS amount_collected,
                   %(refunded)s AS amount_refunded,
                   %(sign)s * l.amount AS amount_net,
                   %(sign)s * COALESCE(l.amount_retained, 0) AS amount_retained,
                   %(sign)s * (l.amount - COALESCE(l.amount_retained, 0)) AS amount_to_remit
              FROM public_admin_fee_receipt_line l
              JOIN public_admin_fee_receipt r ON r.id = l.receipt_id
              JOIN public_admin_dossier d ON d.id = r.dossier_id
             WHERE %(where)s
            """,
            offset=0 if kind == "collected" else 1,
            date=date,
            collected=SQL("l.amount") if kind == "collected" else SQL("0"),
            refunded=SQL("0") if kind == "collected" else SQL("l.amount"),
            sign=sign,
            where=SQL("(r.state = 'issued' OR r.is_refunded)") if kind == "collected" else SQL("r.is_refunded"),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s UNION ALL %s)",
                SQL.identifier(self._table),
                self._select("collected"),
                self._select("refunded"),
            )
        )
