from odoo import api, fields, models

from ..tools import transfer_key


class AccountMove(models.Model):
    _inherit = "account.move"

    public_admin_dossier_id = fields.Many2one(
        "public_admin.dossier", string="Dossier", index="btree_not_null", copy=False, readonly=True
    )

    public_admin_transfer_key = fields.Char(
        compute="_compute_public_admin_transfer_key",
        store=True,
        index="btree_not_null",
        help="The payment reference reduced to letters and digits, as found in bank transfer notes.",
    )

    @api.depends("payment_reference", "public_admin_dossier_id")
    def _compute_public_admin_transfer_key(self):
        for move in self:
            key = move.public_admin_dossier_id and transfer_key(move.payment_reference)
            move.public_admin_transfer_key = key or False

    def _reverse_moves(self, default_values_list=None, cancel=False):
        reverses = super()._reverse_moves(default_values_list=default_values_list, cancel=cancel)
        for move, reverse in zip(self, reverses, strict=False):
            if move.public_admin_dossier_id and not reverse.public_admin_dossier_id:
                reverse.public_admin_dossier_id = move.public_admin_dossier_id
        return reverses


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def reconcile(self):
        """A fee invoice paid by a bank statement line (a transfer the accountant matched)
        gets its receipt, and its dossier goes on, as a counter or online payment does."""
        result = super().reconcile()
        invoices = self.move_id.filtered(
            lambda move: move.public_admin_dossier_id and move.move_type == "out_invoice" and move.state == "posted"
        )
        for invoice in invoices.filtered(lambda move: move.currency_id.is_zero(move.amount_residual)):
            counterparts = invoice._get_reconciled_amls().move_id
            statement_lines = counterparts.statement_line_id.filtered(lambda line: not line.move_id.origin_payment_id)
            dossier = invoice.public_admin_dossier_id.sudo()  # the accountant's reconciliation, checked by Odoo
            for statement_line in statement_lines:
                if not dossier.fee_receipt_ids.filtered(lambda r, line=statement_line: r.statement_line_id == line):
                    dossier._fee_after_statement_line(statement_line)
        return result

    public_admin_dossier_fee_id = fields.Many2one(
        "public_admin.dossier.fee", string="Dossier fee", index="btree_not_null", copy=True, readonly=True
    )
