"""The dossier's fees: charging, collection, receipts, waiver, refunds, and the centre's hooks."""

import logging

from odoo import fields, models
from odoo.exceptions import UserError

from odoo.addons.public_admin_centre.models.public_admin_dossier_workflow import (
    PublicAdminDossier as CentreDossierWorkflow,
)

_logger = logging.getLogger(__name__)

CLOSED_STATES = ("refused", "withdrawn", "stopped")


# pylint: disable=consider-merging-classes-inherited
class PublicAdminDossier(models.Model):
    _inherit = "public_admin.dossier"

    # The centre's roles per action, and the fee actions' (same groups as their form buttons).
    _action_groups = {
        **CentreDossierWorkflow._action_groups,
        "action_fee_charge": ("public_admin_centre.group_front_desk",),
        "action_fee_open_payment_wizard": ("public_admin_centre.group_front_desk",),
        "action_fee_waive": ("public_admin_centre.group_centre_manager",),
        "action_fee_open_waiver_wizard": ("public_admin_centre.group_centre_manager",),
    }

    # ------------------------------------------------------------------ the centre's hooks
    def _financial_obligation_required(self):
        """Fees to pay at reception hold the dossier until they are paid (or waived)."""
        return super()._financial_obligation_required() or (self.fee_payment_due == "reception" and self._fee_blocks())

    def _fee_blocks(self):
        self.ensure_one()
        return bool(self.sudo().fee_amount_due) and not self.fee_waiver_reason

    def action_receive(self):
        result = super().action_receive()
        # Rights checked by action_receive (front desk, write access) above. A dossier without
        # fees costs no query here (fee_state is stored): reception is a hot path.
        for dossier in self.sudo().filtered(lambda d: d.fee_state != "none"):
            dossier._fee_charge()
            if dossier.fee_payment_due == "reception" and dossier._fee_blocks() and dossier.state == "received":
                # the centre's clock stop, as the front desk's receive is what put it there
                dossier.action_await_financial()
        return result

    def action_financial_done(self):
        for dossier in self:
            if dossier._financial_obligation_required():
                raise UserError(
                    self.env._(
                        "Dossier %(dossier)s still has %(amount)s of fees due.",
                        dossier=dossier.display_name,
                        amount=dossier._fee_format(dossier.fee_amount_due),
                    )
                )
        return super().action_financial_done()

    def action_return_result(self, method="counter", tracking_number=None):
        for dossier in self:
            if dossier._fee_blocks():
                raise UserError(
                    self.env._(
                        "The result of dossier %(dossier)s cannot be returned: %(amount)s of fees are due. "
                        "Collect them, or ask a manager to waive them with a reason.",
                        dossier=dossier.display_name,
                        amount=dossier._fee_format(dossier.fee_amount_due),
                    )
                )
        return super().action_return_result(method=method, tracking_number=tracking_number)

    def _close(self, state, message, event=None, **vals):
        """A dossier that ends without a result cancels what is due and refunds what was paid."""
        result = super()._close(state, message, event=event, **vals)
        reason = vals.get("refusal_reason") or vals.get("stop_reason") or vals.get("withdraw_reason") or message
        for dossier in self.filtered(lambda d: d.fee_state not in ("none", "free", "to_charge")):
            dossier._fee_cancel_and_refund(reason)
        never_charged = self.filtered(lambda d: d.fee_state == "to_charge")
        if never_charged:
            self.env.add_to_compute(self._fields["fee_state"], never_charged)
        return result

    # ------------------------------------------------------------------ helpers
    def _fee_format(self, amount):
        return self.env["ir.qweb.field.monetary"].value_to_html(amount, {"display_currency": self.env.ref("base.VND")})

    def _fee_check_company(self):
        self.ensure_one()
        company = self.company_id
        if company.currency_id != self.env.ref("base.VND"):
            raise UserError(
                self.env._("Fees are collected in đồng: the currency of %(company)s must be VND.", company=company.name)
            )
        return company

    # ------------------------------------------------------------------ charging
    def _fee_charge(self):
        """Post the applicant's invoice for the fee lines not charged yet (as superuser: callers check)."""
        for dossier in self:
            lines = dossier.fee_line_ids.filtered(lambda line: not line.is_charged)
            if not lines or not sum(lines.mapped("amount")):
                continue
            company = dossier._fee_check_company()
            journal = company._public_admin_fee_sale_journal()
            invoice = (
                self.env["account.move"]
                .sudo()
                .with_company(company)
                .create(
                    {
                        "move_type": "out_invoice",
                        "partner_id": dossier.partner_id.id,
                        "currency_id": company.currency_id.id,
                        "journal_id": journal.id,
                        "invoice_date": fields.Date.context_today(dossier, dossier._now()),
                        "payment_reference": dossier.name,
                        "invoice_origin": dossier.name,
                        "ref": dossier.procedure_id.name,
                        "public_admin_dossier_id": dossier.id,
                        "invoice_line_ids": [
                            fields.Command.create(line._invoice_line_values()) for line in lines.filtered("amount")
                        ],
                    }
                )
            )
            invoice.action_post()
            lines.write({"is_charged": True})
            dossier._fee_notify_due()
            dossier.message_post(
                body=self.env._(
                    "Fees and charges of %(amount)s charged (invoice %(invoice)s).",
                    amount=dossier._fee_format(invoice.amount_total),
                    invoice=invoice.name,
                )
            )

    def action_fee_charge(self):
        """Charge fees entered after reception (button of the front desk)."""
        self.check_access("write")
        self._check_action_groups("action_fee_charge")
        for dossier in self:
            if dossier.state in ("draft", "registered") + CLOSED_STATES:
                raise UserError(self.env._("Fees are charged once the dossier is received, while it is open."))
        self.sudo()._fee_charge()  # rights checked above
        return True

    # ------------------------------------------------------------------ collection
    def _fee_check_payable(self):
        for dossier in self:
            if dossier.state in CLOSED_STATES:
                raise UserError(
                    self.env._(
                        "Dossier %(dossier)s is closed: nothing can be paid on it.", dossier=dossier.display_name
                    )
                )
            if not dossier.sudo().fee_amount_due:
                raise UserError(self.env._("Nothing is due on dossier %(dossier)s.", dossier=dossier.display_name))

    def _fee_collect(self, journal, payer_name=None):
        """Collect everything due on the dossier in ``journal`` (as superuser: callers check).

        Registers the payment on the invoice, issues the receipt and lets the dossier go on.
        """
        self.ensure_one()
        self._fee_check_payable()
        invoices = self.fee_invoice_ids.filtered(lambda m: m.state == "posted" and m.amount_residual)
        register = (
            self.env["account.payment.register"]
            .with_company(self.company_id)
            .with_context(active_model="account.move", active_ids=invoices.ids)
            .create(
                {
                    "journal_id": journal.id,
                    "payment_date": fields.Date.context_today(self, self._now()),
                    "communication": self.name,
                    "group_payment": True,
                }
            )
        )
        payment = register._create_payments()
        return self._fee_after_payment(payment, payer_name=payer_name)

    def _fee_after_payment(self, payment, payer_name=None):
        """Issue the receipt of ``payment`` and move the dossier on (once per payment)."""
        self.ensure_one()
        receipt = self.env["public_admin.fee.receipt"].search([("payment_id", "=", payment.id)], limit=1)
        if not receipt:
            receipt = self.env["public_admin.fee.receipt"]._issue(self, payment, payer_name=payer_name)
        if self.state == "financial" and not self._financial_obligation_required():
            self.action_financial_done()
        return receipt

    def _fee_after_statement_line(self, statement_line):
        """The transfer on ``statement_line`` paid the dossier: its receipt, and the dossier goes on."""
        self.ensure_one()
        receipt = self.env["public_admin.fee.receipt"]._issue(self, statement_line=statement_line)
        if self.state == "financial" and not self._financial_obligation_required():
            self.action_financial_done()
        return receipt

    def action_fee_open_payment_wizard(self):
        self.ensure_one()
        self.check_access("write")
        self._check_action_groups("action_fee_open_payment_wizard")
        self._fee_check_payable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Collect fees"),
            "res_model": "public_admin.fee.payment.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id},
        }

    def action_fee_view_receipts(self):
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fee receipts"),
            "res_model": "public_admin.fee.receipt",
            "view_mode": "list,form",
            "domain": [("dossier_id", "=", self.id)],
            "context": {"create": False},
        }

    # ------------------------------------------------------------------ waiver
    def action_fee_waive(self, reason):
        """A manager lets the result be returned while fees are due; the reason is kept."""
        self.check_access("write")
        self._check_action_groups("action_fee_waive")
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for waiving the fees."))
        for dossier in self.sudo():  # rights checked above
            if not dossier.fee_amount_due:
                raise UserError(self.env._("Nothing is due on dossier %(dossier)s.", dossier=dossier.display_name))
            dossier.with_context(public_admin_state_change=True).write(
                {
                    "fee_waiver_reason": reason.strip(),
                    "fee_waived_by_id": self.env.user.id,
                    "date_fee_waived": dossier._now(),
                }
            )
            dossier.message_post(
                body=self.env._(
                    "Fees of %(amount)s waived for the return of the result by %(user)s: %(reason)s",
                    amount=dossier._fee_format(dossier.fee_amount_due),
                    user=self.env.user.name,
                    reason=reason.strip(),
                )
            )
            if dossier.state == "financial":
                dossier.action_financial_done()
        return True

    def action_fee_open_waiver_wizard(self):
        self.ensure_one()
        self.check_access("write")
        self._check_action_groups("action_fee_waive")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Waive the fees due"),
            "res_model": "public_admin.fee.waiver.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id},
        }

    # ------------------------------------------------------------------ refunds
    def _fee_cancel_and_refund(self, reason):
        """Cancel what is due and refund what was paid, with ``reason`` (as superuser: callers check)."""
        self.ensure_one()
        invoices = self.fee_invoice_ids.filtered(lambda m: m.state == "posted" and m.move_type == "out_invoice")
        today = fields.Date.context_today(self, self._now())
        for invoice in invoices:
            reversal_values = [
                {
                    "ref": self.env._("Refund of %(dossier)s: %(reason)s", dossier=self.name, reason=reason),
                    "date": today,
                    "invoice_date": today,
                }
            ]
            receipts = self.fee_receipt_ids.filtered(lambda r: r.state == "issued")
            if not receipts:
                # nothing was collected: the credit note cancels what is due
                invoice._reverse_moves(reversal_values, cancel=True)
                continue
            credit_note = invoice._reverse_moves(reversal_values)
            credit_note.action_post()
            # The refund goes back the way the money came (cash at the counter, the bank otherwise).
            for receipt in receipts:
                journal = receipt.journal_id
                if journal.type not in ("bank", "cash"):
                    journal = self.env["account.journal"].search(
                        [("public_admin_fee_method", "=", "transfer"), ("company_id", "=", self.company_id.id)],
                        limit=1,
                    )
                register = (
                    self.env["account.payment.register"]
                    .with_company(self.company_id)
                    .with_context(active_model="account.move", active_ids=credit_note.ids)
                    .create(
                        {
                            "journal_id": journal.id,
                            "payment_date": today,
                            "amount": receipt.amount,
                            "communication": self.env._("Refund %(dossier)s", dossier=self.name),
                        }
                    )
                )
                refund = register._create_payments()
                receipt._cancel(reason, refund_payment=refund)
            self.message_post(
                body=self.env._(
                    "Fees of %(amount)s refunded (credit note %(note)s): %(reason)s",
                    amount=self._fee_format(credit_note.amount_total),
                    note=credit_note.name,
                    reason=reason,
                )
            )
