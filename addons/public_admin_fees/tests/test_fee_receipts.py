import threading

from psycopg2.errors import SerializationFailure

from odoo import api, sql_db
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import PublicAdminFeesCommon


@tagged("post_install", "-at_install")
class TestFeeReceipts(PublicAdminFeesCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fees_data()

    def test_receipts_are_numbered_without_gaps_and_never_deleted(self):
        receipts = [self.collect(self.fee_dossier()) for __ in range(3)]
        self.assertEqual([r.number for r in receipts], [1, 2, 3])
        self.assertEqual(receipts[0].name, f"{self.series.symbol}/0000001")
        with self.assertRaises(UserError):
            receipts[1].sudo().unlink()
        with self.assertRaises(UserError):
            receipts[1].sudo().amount = 1
        with self.assertRaises(AccessError):
            receipts[1].with_user(self.front_desk).write({"payer_name": "Người khác"})
        with self.assertRaises(AccessError):
            receipts[1].with_user(self.front_desk).action_cancel("Sai tên")

    def test_cancelled_receipt_keeps_its_number_and_a_new_one_is_issued(self):
        receipt = self.collect(self.fee_dossier())
        with self.assertRaises(UserError):
            receipt.with_user(self.accountant).action_cancel(" ")
        receipt.with_user(self.accountant).action_cancel("Ghi sai tên người nộp")
        self.assertEqual(receipt.state, "cancelled")
        self.assertEqual(receipt.cancel_reason, "Ghi sai tên người nộp")
        replacement = receipt.dossier_id.fee_receipt_ids.filtered(lambda r: r.state == "issued")
        self.assertEqual(replacement.number, 2)
        self.assertEqual(replacement.payment_id, receipt.payment_id)
        self.assertEqual(receipt.dossier_id.fee_amount_paid, 77000, "the payment is counted once")
        next_receipt = self.collect(self.fee_dossier())
        self.assertEqual(next_receipt.number, 3)

    def test_usage_report_per_series_and_period(self):
        first = self.collect(self.fee_dossier())
        self.collect(self.fee_dossier())
        first.with_user(self.accountant).action_cancel("In hỏng")
        wizard = (
            self.env["public_admin.fee.receipt.usage.wizard"]
            .with_user(self.accountant)
            .create({"series_id": self.series.id, "date_from": "2000-01-01", "date_to": "2999-12-31"})
        )
        self.assertEqual(wizard.count_used, 3)
        self.assertEqual(wizard.count_cancelled, 1)
        self.assertEqual(wizard.number_first, "0000001")
        self.assertEqual(wizard.number_last, "0000003")
        self.assertEqual(wizard.cancelled_numbers, "0000001")
        self.assertEqual(wizard.amount_collected, 154000)
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "public_admin_fees.public_admin_fee_receipt_usage_report", wizard.ids
        )
        self.assertIn("BÁO CÁO TÌNH HÌNH SỬ DỤNG BIÊN LAI", html.decode())


@tagged("post_install", "-at_install")
class TestReceiptNumberConcurrency(TransactionCase):
    """Two counters take a number at the same moment, each in its own transaction.

    The test's own cursor is a shared test cursor: these tests open real connections and clean up
    what they committed.
    """

    def cursor(self):
        cr = sql_db.db_connect(self.env.cr.dbname).cursor()
        # the registry is at hand: looking it up by name would wait for the test run's lock
        cr.transaction = api.Transaction(self.registry)
        return cr

    def setUp(self):
        super().setUp()
        with self.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            series = env["public_admin.fee.receipt.series"].create(
                {"name": "Concurrency", "form_symbol": "01BLP0-999", "symbol": "ZZ-99P", "company_id": env.company.id}
            )
            self.series_id = series.id
        self.addCleanup(self._drop_series)

    def _drop_series(self):
        with self.cursor() as cr:
            api.Environment(cr, api.SUPERUSER_ID, {})["public_admin.fee.receipt.series"].browse(self.series_id).unlink()

    def test_two_counters_at_once_get_two_numbers_in_a_row(self):
        numbers, conflicts = [], []
        first_took_its_number = threading.Event()
        second_started = threading.Event()

        def counter_a():
            with self.cursor() as cr:
                env = api.Environment(cr, api.SUPERUSER_ID, {})
                numbers.append(env["public_admin.fee.receipt.series"].browse(self.series_id)._take_number())
                first_took_its_number.set()
                # hold the transaction open while the other counter asks for its number
                second_started.wait(timeout=10)
                cr.execute("SELECT pg_sleep(0.5)")

        def counter_b():
            first_took_its_number.wait(timeout=10)
            with self.cursor() as cr:
                env = api.Environment(cr, api.SUPERUSER_ID, {})
                second_started.set()

                # A request meeting a concurrent update is replayed, as Odoo's HTTP layer does
                # (odoo.service.model.retrying): here by hand, the registry being busy with the tests.
                for __ in range(5):
                    try:
                        numbers.append(env["public_admin.fee.receipt.series"].browse(self.series_id)._take_number())
                        break
                    except SerializationFailure:
                        conflicts.append(True)
                        cr.rollback()
                        env.invalidate_all()

        threads = [threading.Thread(target=counter_a), threading.Thread(target=counter_b)]
        with mute_logger("odoo.sql_db"):  # the conflict is expected
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=30)
        self.assertEqual(numbers, [1, 2])
        self.assertTrue(conflicts, "the second counter waited for the first one's transaction")
        with self.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            self.assertEqual(env["public_admin.fee.receipt.series"].browse(self.series_id).number_next, 3)

    def test_a_transaction_rolled_back_gives_its_number_back(self):
        with self.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            self.assertEqual(env["public_admin.fee.receipt.series"].browse(self.series_id)._take_number(), 1)
            cr.rollback()
        with self.cursor() as cr:
            env = api.Environment(cr, api.SUPERUSER_ID, {})
            self.assertEqual(env["public_admin.fee.receipt.series"].browse(self.series_id)._take_number(), 1)
