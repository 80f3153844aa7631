import base64

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import PublicAdminFeesCommon


@tagged("post_install", "-at_install")
class TestFeeReconciliation(PublicAdminFeesCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fees_data()
        cls.procedure.fee_payment_due = "reception"

    def statement_line(self, note, amount):
        """A line of the bank statement the accountant imports (auto-reconciled on creation)."""
        return (
            self.env["account.bank.statement.line"]
            .with_user(self.accountant)
            .with_context(_test_account_reconcile_oca=True)
            .create({"journal_id": self.bank_journal.id, "payment_ref": note, "amount": amount})
        )

    def unmatched_lines(self):
        """What the accountant's "Unmatched bank lines" shows."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "public_admin_fees.account_bank_statement_line_action_fees_unmatched"
        )
        return self.env["account.bank.statement.line"].with_user(self.accountant).search(safe_eval(action["domain"]))

    def test_a_transfer_with_a_mangled_dossier_code_is_matched_and_moves_the_dossier_on(self):
        dossier = self.fee_dossier()
        self.assertEqual(dossier.state, "financial")
        # what banks keep: cut into the sender's words, upper case, no dots or dashes
        mangled = dossier.name.replace(".", "").replace("-", " ").upper()
        line = self.statement_line(f"MBVCB.8812345.NGUYEN VAN AN CHUYEN TIEN {mangled}.CT TU 0123456789", 77000)
        self.assertTrue(line.is_reconciled)
        invoice = dossier.sudo().fee_invoice_ids
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        receipt = dossier.fee_receipt_ids
        self.assertEqual(receipt.statement_line_id, line)
        self.assertEqual(receipt.payment_method, "transfer")
        self.assertEqual(receipt.amount, 77000)
        self.assertEqual(dossier.state, "received")
        self.assertNotIn(line, self.unmatched_lines())

    def test_a_transfer_without_a_known_code_stays_in_the_unmatched_list(self):
        dossier = self.fee_dossier()
        line = self.statement_line("NGUYEN VAN BINH NOP TIEN", 55000)
        self.assertFalse(line.is_reconciled)
        self.assertEqual(dossier.fee_amount_due, 77000)
        self.assertIn(line, self.unmatched_lines())

    def test_a_refused_dossier_paid_by_transfer_is_refunded_by_the_bank(self):
        dossier = self.fee_dossier()
        self.statement_line(f"CK {dossier.name}", 77000)
        receipt = dossier.fee_receipt_ids
        dossier.with_user(self.front_desk).action_stop("Người dân không bổ sung hồ sơ")
        self.assertTrue(receipt.is_refunded)
        self.assertEqual(receipt.refund_payment_id.journal_id, self.bank_journal)

    @mute_logger("odoo.addons.account_statement_import_camt.models.account_statement_import")
    def test_a_statement_file_in_the_wrong_format_is_refused_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        wizard = (
            self.env["account.statement.import"]
            .with_user(self.accountant)
            .with_context(lang="vi_VN", journal_id=self.bank_journal.id)
            .create(
                {"statement_file": base64.b64encode(b"Ngay;So tien\nabc;def\n"), "statement_filename": "sao-ke.txt"}
            )
        )
        statements = self.env["account.bank.statement"].search_count([])
        with self.assertRaisesRegex(UserError, "Không có gì được nhập"):
            wizard.import_file_button()
        self.assertEqual(self.env["account.bank.statement"].search_count([]), statements)
