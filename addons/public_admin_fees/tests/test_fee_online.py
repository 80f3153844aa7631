from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger

from .common import PublicAdminFeesCommon


class OnlinePaymentCommon(PublicAdminFeesCommon):
    @classmethod
    def setup_online(cls):
        cls.setup_fees_data()
        cls.setup_portal_users()
        cls.provider = cls.env.ref("payment.payment_provider_demo")
        cls.provider.write({"state": "test", "is_published": True, "company_id": cls.company.id})
        if not cls.provider.journal_id:
            cls.provider.journal_id = cls.bank_journal
        cls.procedure.fee_payment_due = "reception"

    def transaction(self, dossier, amount=None):
        """The transaction the invoice's payment page creates for the citizen."""
        invoice = dossier.sudo().fee_invoice_ids
        return (
            self.env["payment.transaction"]
            .sudo()
            .create(
                {
                    "provider_id": self.provider.id,
                    "payment_method_id": self.env.ref("payment_demo.payment_method_demo").id,
                    "amount": amount if amount is not None else invoice.amount_residual,
                    "currency_id": self.vnd.id,
                    "partner_id": dossier.partner_id.id,
                    "reference": self.env["payment.transaction"]._compute_reference("demo", prefix=dossier.name),
                    "invoice_ids": [(6, 0, invoice.ids)],
                    "operation": "online_direct",
                }
            )
        )

    def notify(self, tx, **extra):
        """The provider calls back; the payment status poll post-processes."""
        tx._handle_notification_data("demo", {"reference": tx.reference, "simulated_state": "done", **extra})
        tx._post_process()


@tagged("post_install", "-at_install")
class TestFeeOnlinePayment(OnlinePaymentCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_online()

    def test_paid_transaction_posts_reconciles_issues_the_receipt_and_moves_on(self):
        dossier = self.fee_dossier()
        self.assertEqual(dossier.state, "financial")
        tx = self.transaction(dossier)
        self.notify(tx)
        self.assertEqual(tx.state, "done")
        self.assertTrue(tx.payment_id)
        self.assertIn(dossier.sudo().fee_invoice_ids.payment_state, ("paid", "in_payment"))
        receipt = dossier.fee_receipt_ids
        self.assertEqual(len(receipt), 1)
        self.assertEqual(receipt.payment_method, "online")
        self.assertEqual(receipt.amount, 77000)
        self.assertEqual(dossier.state, "received", "the clock runs again")
        self.assertEqual(dossier.fee_state, "paid")

    def test_a_repeated_callback_pays_once(self):
        dossier = self.fee_dossier()
        tx = self.transaction(dossier)
        self.notify(tx)
        self.notify(tx)
        tx._handle_notification_data("demo", {"reference": tx.reference, "simulated_state": "done"})
        tx._post_process()
        self.assertEqual(len(self.env["account.payment"].search([("payment_transaction_id", "=", tx.id)])), 1)
        self.assertEqual(len(dossier.fee_receipt_ids), 1)
        self.assertEqual(dossier.fee_amount_paid, 77000)

    @mute_logger("odoo.addons.public_admin_fees.models.payment_transaction")
    def test_a_callback_with_another_amount_is_refused_and_logged(self):
        dossier = self.fee_dossier()
        tx = self.transaction(dossier)
        self.notify(tx, amount=70000, currency="VND")
        self.assertEqual(tx.state, "error")
        self.assertFalse(tx.payment_id)
        self.assertFalse(dossier.fee_receipt_ids)
        self.assertEqual(dossier.fee_amount_due, 77000)
        self.assertEqual(dossier.state, "financial")
        self.assertTrue(dossier.message_ids.filtered(lambda m: "70000" in (m.body or "")))

    @mute_logger("odoo.addons.public_admin_fees.models.payment_transaction")
    def test_a_transaction_for_another_amount_or_currency_is_refused(self):
        dossier = self.fee_dossier()
        tx = self.transaction(dossier, amount=1000)
        self.notify(tx)
        self.assertEqual(tx.state, "error")
        self.assertFalse(dossier.fee_receipt_ids)
        other = self.fee_dossier()
        tx = self.transaction(other)
        self.notify(tx, amount=77000, currency="USD")
        self.assertEqual(tx.state, "error")

    @mute_logger("odoo.addons.public_admin_fees.models.payment_transaction")
    def test_paying_online_a_dossier_paid_at_the_counter_is_refused(self):
        dossier = self.fee_dossier()
        tx = self.transaction(dossier)
        self.collect(dossier)
        self.notify(tx)
        self.assertEqual(tx.state, "error")
        self.assertEqual(len(dossier.fee_receipt_ids), 1)


@tagged("post_install", "-at_install")
class TestFeePortal(OnlinePaymentCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_online()
        cls.setup_bank_account()

    def test_portal_dossier_page_offers_pay_now_and_vietqr_to_its_applicant_only(self):
        dossier = self.fee_dossier()
        self.authenticate("citizen_an", "citizen_an")
        page = self.url_open(f"/my/dossiers/{dossier.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_public_admin_pay_now", page.text)
        self.assertIn("o_public_admin_vietqr", page.text)
        pay_url = dossier._fee_payment_url()
        invoice_page = self.url_open(pay_url.replace(dossier.get_base_url(), ""))
        self.assertEqual(invoice_page.status_code, 200)
        self.assertIn(dossier.sudo().fee_invoice_ids.name, invoice_page.text)
        qr_url = dossier._fee_vietqr_url().replace(dossier.get_base_url(), "")
        self.authenticate(None, None)
        image = self.url_open(qr_url)
        self.assertEqual(image.headers["Content-Type"], "image/png")
        self.assertEqual(self.url_open(f"/my/dossiers/{dossier.id}/vietqr.png").status_code, 404)
        self.authenticate("citizen_binh", "citizen_binh")
        page = self.url_open(f"/my/dossiers/{dossier.id}")
        self.assertNotIn("o_public_admin_vietqr", page.text)
        self.assertEqual(self.url_open(f"/my/dossiers/{dossier.id}/vietqr.png").status_code, 404)
