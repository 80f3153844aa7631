import logging

from odoo import models
from odoo.tools import float_compare

_logger = logging.getLogger(__name__)


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    def _public_admin_dossiers(self):
        return self.invoice_ids.public_admin_dossier_id

    def _public_admin_notification_amount(self, notification_data):
        """(amount, currency code) that the provider's notification says was paid, or None.

        Providers put them under their own keys; ``amount`` and ``currency`` are read here (the
        demo provider passes what it is given). A national payment platform's provider overrides
        this to read its own fields.
        """
        if "amount" in notification_data:
            return float(notification_data["amount"]), notification_data.get("currency")
        return None

    def _public_admin_refusal(self, notification_data):
        """Why a notification about a dossier's fees must be refused, or None."""
        self.ensure_one()
        paid = self._public_admin_notification_amount(notification_data)
        if paid is not None:
            amount, currency = paid
            if float_compare(amount, self.amount, precision_rounding=self.currency_id.rounding) or (
                currency and currency != self.currency_id.name
            ):
                return self.env._(
                    "The payment platform reported %(amount)s %(currency)s for transaction %(reference)s, "
                    "which asked for %(expected)s %(expected_currency)s.",
                    amount=amount,
                    currency=currency or "",
                    reference=self.reference,
                    expected=self.amount,
                    expected_currency=self.currency_id.name,
                )
        if self.state not in ("done", "cancel") and not self.payment_id:
            due = sum(self.invoice_ids.mapped("amount_residual"))
            if float_compare(self.amount, due, precision_rounding=self.currency_id.rounding):
                return self.env._(
                    "Transaction %(reference)s is for %(amount)s while %(due)s is due on the dossier.",
                    reference=self.reference,
                    amount=self.amount,
                    due=due,
                )
            if self.currency_id != self.invoice_ids.currency_id:
                return self.env._("Transaction %(reference)s is not in đồng.", reference=self.reference)
        return None

    def _process_notification_data(self, notification_data):
        """Refuse and log a notification about a dossier's fees that does not match what is due."""
        if self._public_admin_dossiers():
            refusal = self._public_admin_refusal(notification_data)
            if refusal:
                _logger.warning("Payment notification refused: %s", refusal)
                for dossier in self._public_admin_dossiers():
                    dossier.sudo().message_post(body=refusal)  # the platform's notification, logged on the dossier
                if self.state not in ("done", "cancel", "error"):
                    self._set_error(refusal)
                return
        return super()._process_notification_data(notification_data)

    def _post_process(self):
        """A paid transaction for a dossier's fees issues its receipt and lets the dossier go on."""
        result = super()._post_process()
        for tx in self.filtered(lambda t: t.state == "done" and t.payment_id and t._public_admin_dossiers()):
            for dossier in tx._public_admin_dossiers():
                dossier.sudo()._fee_after_payment(tx.payment_id)
        return result
