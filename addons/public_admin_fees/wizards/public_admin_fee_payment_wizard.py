from odoo import api, fields, models
from odoo.exceptions import UserError


class PublicAdminFeePaymentWizard(models.TransientModel):
    """Collect the fees of a dossier at the counter: cash, card or bank transfer."""

    _name = "public_admin.fee.payment.wizard"
    _description = "Collect fees at the counter"

    dossier_id = fields.Many2one("public_admin.dossier", required=True, readonly=True)
    company_id = fields.Many2one(related="dossier_id.company_id")
    currency_id = fields.Many2one(related="dossier_id.currency_vnd_id")
    amount = fields.Monetary(related="dossier_id.fee_amount_due", string="Amount due")
    journal_id = fields.Many2one(
        "account.journal",
        string="Paid by",
        required=True,
        domain="[('public_admin_fee_method', '!=', False), ('company_id', '=', company_id)]",
        default=lambda self: self._default_journal(),
    )
    payer_name = fields.Char(string="Payer", help="Who pays, if not the applicant (e.g. the representative).")

    @api.model
    def _default_journal(self):
        dossier = self.env["public_admin.dossier"].browse(self.env.context.get("default_dossier_id"))
        company = dossier.company_id or self.env.company
        return (
            self.env["account.journal"]
            .sudo()
            .search([("public_admin_fee_method", "=", "cash"), ("company_id", "=", company.id)], limit=1)
        )

    def action_collect(self):
        self.ensure_one()
        dossier = self.dossier_id
        dossier.check_access("write")
        dossier._check_action_groups("action_fee_open_payment_wizard")
        journal = self.journal_id.sudo()
        if not journal.public_admin_fee_method or journal.company_id != dossier.company_id:
            raise UserError(self.env._("Choose one of the counter's journals."))
        # front desk of this dossier, checked above: the accounting runs as superuser
        receipt = dossier.sudo()._fee_collect(journal, payer_name=self.payer_name)
        return receipt.action_print()
