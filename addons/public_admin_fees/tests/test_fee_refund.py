from odoo.tests import TransactionCase, tagged

from .common import PublicAdminFeesCommon


@tagged("post_install", "-at_install")
class TestFeeRefund(PublicAdminFeesCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fees_data()

    def test_paid_dossier_refused_is_refunded_and_its_receipt_cancelled(self):
        dossier = self.fee_dossier()
        receipt = self.collect(dossier)
        dossier.with_user(self.manager).action_refuse("Vị trí xây dựng nằm trong quy hoạch giao thông")
        self.assertEqual(dossier.state, "refused")
        moves = dossier.sudo().fee_invoice_ids
        credit_note = moves.filtered(lambda m: m.move_type == "out_refund")
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(credit_note.amount_total, 77000)
        self.assertIn("quy hoạch giao thông", credit_note.ref)
        self.assertIn(credit_note.payment_state, ("paid", "in_payment"))
        self.assertEqual(receipt.state, "cancelled")
        self.assertTrue(receipt.is_refunded)
        self.assertEqual(receipt.refund_payment_id.payment_type, "outbound")
        self.assertEqual(receipt.refund_payment_id.journal_id, self.cash_journal)
        self.assertEqual(receipt.refund_payment_id.amount, 77000)
        self.assertEqual(dossier.fee_amount_refunded, 77000)
        self.assertEqual(dossier.fee_state, "refunded")
        self.assertEqual(dossier.fee_amount_due, 0)

    def test_unpaid_dossier_withdrawn_cancels_what_is_due(self):
        dossier = self.fee_dossier()
        dossier.with_user(self.front_desk).action_withdraw("Người dân rút hồ sơ")
        self.assertEqual(dossier.fee_amount_due, 0)
        self.assertEqual(dossier.fee_amount_refunded, 0)
        self.assertEqual(dossier.fee_state, "cancelled")
        invoice = dossier.sudo().fee_invoice_ids.filtered(lambda m: m.move_type == "out_invoice")
        self.assertEqual(invoice.payment_state, "reversed")
        self.assertFalse(dossier.fee_receipt_ids)
