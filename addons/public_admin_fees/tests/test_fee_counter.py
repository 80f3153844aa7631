from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import PublicAdminFeesCommon


@tagged("post_install", "-at_install")
class TestFeeCounter(PublicAdminFeesCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fees_data()

    def test_reception_posts_the_applicants_invoice_in_dong(self):
        dossier = self.fee_dossier(set_count=3)
        invoice = dossier.sudo().fee_invoice_ids
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.applicant)
        self.assertEqual(invoice.currency_id, self.vnd)
        self.assertEqual(invoice.payment_reference, dossier.name)
        self.assertEqual(invoice.amount_total, 81000)
        self.assertFalse(invoice.line_ids.tax_ids)
        self.assertEqual(dossier.fee_amount_due, 81000)
        self.assertEqual(dossier.fee_state, "due")
        self.assertTrue(dossier.fee_line_ids.mapped("is_charged"))

    def test_counter_payment_issues_the_receipt_and_lets_the_result_go(self):
        dossier = self.fee_dossier()
        self.finish(dossier)
        with self.assertRaisesRegex(UserError, "cannot be returned"):
            dossier.with_user(self.front_desk).action_return_at_counter()
        receipt = self.collect(dossier)
        self.assertEqual(receipt.number, 1)
        self.assertEqual(receipt.amount, 77000)
        self.assertEqual(receipt.amount_words, "Bảy mươi bảy nghìn đồng")
        self.assertEqual(receipt.payer_name, "Nguyễn Văn An")
        self.assertEqual(receipt.dossier_code, dossier.name)
        self.assertEqual(receipt.collector_id, self.front_desk)
        self.assertEqual(receipt.payment_method, "cash")
        self.assertEqual(receipt.line_ids.mapped("amount"), [75000, 2000])
        self.assertEqual(receipt.line_ids.mapped("amount_retained"), [0, 600])
        invoice = dossier.sudo().fee_invoice_ids
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(dossier.fee_amount_due, 0)
        self.assertEqual(dossier.fee_amount_paid, 77000)
        self.assertEqual(dossier.fee_state, "paid")
        dossier.with_user(self.front_desk).action_return_at_counter()
        self.assertEqual(dossier.state, "returned")
        pdf, __ = self.env["ir.actions.report"]._render_qweb_html(
            "public_admin_fees.public_admin_fee_receipt_report", receipt.ids
        )
        self.assertIn("BIÊN LAI THU PHÍ, LỆ PHÍ", pdf.decode())
        self.assertIn("Bảy mươi bảy nghìn đồng", pdf.decode())

    def test_payment_at_reception_stops_the_clock_until_paid(self):
        self.procedure.fee_payment_due = "reception"
        dossier = self.fee_dossier()
        self.assertEqual(dossier.state, "financial")
        self.assertTrue(dossier.pause_ids.filtered(lambda p: p.reason == "financial" and not p.date_end))
        with self.assertRaises(UserError):
            dossier.with_user(self.manager).action_financial_done()
        self.collect(dossier, journal=self.card_journal)
        self.assertEqual(dossier.state, "received")
        self.assertFalse(dossier.pause_ids.filtered(lambda p: not p.date_end))
        self.assertEqual(dossier.fee_receipt_ids.payment_method, "card")

    def test_manager_waives_with_a_reason_that_is_kept(self):
        dossier = self.fee_dossier()
        self.finish(dossier)
        with self.assertRaises(AccessError):
            dossier.with_user(self.front_desk).action_fee_waive("Người dân quên ví")
        with self.assertRaises(UserError):
            dossier.with_user(self.manager).action_fee_waive("  ")
        dossier.with_user(self.manager).action_fee_waive("Thu sau theo Quyết định 12/QĐ")
        self.assertEqual(dossier.fee_state, "waived")
        self.assertEqual(dossier.fee_waived_by_id, self.manager)
        dossier.with_user(self.front_desk).action_return_at_counter()
        self.assertEqual(dossier.state, "returned")
        self.assertEqual(dossier.fee_amount_due, 77000, "the fees stay due for the accountants")
        self.assertIn("Thu sau theo Quyết định 12/QĐ", dossier.fee_waiver_reason)

    def test_paying_twice_or_a_closed_dossier_is_refused_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        dossier = self.fee_dossier()
        self.collect(dossier)
        with self.assertRaisesRegex(UserError, "Không còn khoản nào phải nộp"):
            dossier.with_user(self.front_desk).with_context(lang="vi_VN").action_fee_open_payment_wizard()
        other = self.fee_dossier()
        other.with_user(self.front_desk).action_stop("Người dân không bổ sung")
        with self.assertRaises(UserError):
            other.with_user(self.front_desk).action_fee_open_payment_wizard()
        self.assertEqual(len(self.env["public_admin.fee.receipt"].search([("series_id", "=", self.series.id)])), 1)

    def test_free_dossier_is_not_charged(self):
        dossier = self.fee_dossier(fee_exemption_id=self.poor_household.id, fee_exemption_reason="Sổ hộ nghèo")
        self.assertEqual(dossier.fee_amount_due, 75000)
        self.permit_charge.amount = 0
        free = self.fee_dossier(fee_exemption_id=self.poor_household.id, fee_exemption_reason="Sổ hộ nghèo")
        self.assertFalse(free.sudo().fee_invoice_ids)
        self.assertEqual(free.fee_state, "free")
        self.finish(free)
        free.with_user(self.front_desk).action_return_at_counter()
        self.assertEqual(free.state, "returned")
