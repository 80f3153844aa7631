from odoo import fields, models
from odoo.tools import SQL

from ..tools import transfer_key

# Shortest key searched for: a dossier code is 20 letters and digits (agency, date, number).
MIN_KEY_LENGTH = 12


class AccountReconcileModel(models.Model):
    _inherit = "account.reconcile.model"

    public_admin_match_dossier_code = fields.Boolean(
        string="Match the dossier code in the transfer note",
        help="Finds the fee invoice whose dossier code appears in the bank's transfer note, whatever the "
        "bank did to it (cut around it, upper-cased, punctuation and spaces removed or added).",
    )

    def _get_invoice_matching_rules_map(self):
        rules_map = super()._get_invoice_matching_rules_map()
        if self.public_admin_match_dossier_code:
            rules_map[5].append(self._public_admin_match_dossier_code)
        return rules_map

    def _public_admin_statement_key(self, st_line):
        texts = [st_line.payment_ref, st_line.ref, st_line.narration and str(st_line.narration)]
        return transfer_key(" ".join(text for text in texts if text))

    def _public_admin_match_dossier_code(self, st_line, partner):
        """The open receivable lines of the fee invoices whose dossier code is in the note."""
        key = self._public_admin_statement_key(st_line)
        if len(key) < MIN_KEY_LENGTH:
            return None
        self.env["account.move.line"].flush_model()
        self.env["account.move"].flush_model(["public_admin_transfer_key", "state", "company_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT line.id
                  FROM account_move_line line
                  JOIN account_move move ON move.id = line.move_id
                 WHERE move.public_admin_transfer_key IS NOT NULL
                   AND length(move.public_admin_transfer_key) >= %(min)s
                   AND strpos(%(key)s, move.public_admin_transfer_key) > 0
                   AND move.state = 'posted'
                   AND move.company_id = %(company)s
                   AND line.display_type = 'payment_term'
                   AND NOT line.reconciled
                """,
                min=MIN_KEY_LENGTH,
                key=key,
                company=st_line.company_id.id,
            )
        )
        amls = self.env["account.move.line"].browse(row[0] for row in self.env.cr.fetchall())
        if not amls:
            return None
        return {"amls": amls, "allow_auto_reconcile": True}
