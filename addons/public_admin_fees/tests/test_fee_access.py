from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import PublicAdminFeesCommon


@tagged("post_install", "-at_install")
class TestFeeAccess(PublicAdminFeesCommon, TransactionCase):
    """Who collects, who reconciles, who sees what: the fees' access matrix."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fees_data()
        cls.setup_portal_users()

    def setUp(self):
        super().setUp()
        self.dossier = self.fee_dossier()
        self.receipt = self.collect(self.dossier)
        self.invoice = self.dossier.sudo().fee_invoice_ids

    def test_front_desk_collects_but_cannot_touch_posted_entries_or_receipts(self):
        with self.assertRaises(AccessError):
            self.invoice.with_user(self.front_desk).write({"ref": "sửa"})
        with self.assertRaises(AccessError):
            self.invoice.with_user(self.front_desk).button_draft()
        with self.assertRaises(AccessError):
            self.receipt.payment_id.with_user(self.front_desk).action_draft()
        with self.assertRaises(AccessError):
            self.receipt.with_user(self.front_desk).unlink()
        with self.assertRaises(AccessError):
            self.receipt.with_user(self.front_desk).action_cancel("Sai")
        with self.assertRaises(AccessError):
            self.env["public_admin.fee.report"].with_user(self.front_desk).search([])
        # what the front desk reads: its centre's receipts and fee lines
        self.assertEqual(self.env["public_admin.fee.receipt"].with_user(self.front_desk).search([]), self.receipt)
        self.assertTrue(self.dossier.with_user(self.front_desk).fee_line_ids)

    def test_accountant_reads_all_cancels_receipts_but_does_not_collect(self):
        Receipt = self.env["public_admin.fee.receipt"].with_user(self.accountant)
        self.assertEqual(Receipt.search([]), self.receipt)
        self.assertTrue(self.env["public_admin.fee.report"].with_user(self.accountant).search([]))
        self.assertEqual(self.invoice.with_user(self.accountant).payment_reference, self.dossier.name)
        self.assertEqual(self.invoice.with_user(self.accountant).partner_id.name, "Nguyễn Văn An")
        other = self.fee_dossier()
        with self.assertRaises(AccessError):
            other.with_user(self.accountant).action_fee_open_payment_wizard()
        self.receipt.with_user(self.accountant).action_cancel("In nhầm")
        self.assertEqual(self.receipt.state, "cancelled")

    def test_agency_officers_see_the_fees_of_their_dossiers_only(self):
        Receipt = self.env["public_admin.fee.receipt"]
        Line = self.env["public_admin.dossier.fee"]
        self.assertEqual(Receipt.with_user(self.officer_construction).search([]), self.receipt)
        self.assertEqual(Line.with_user(self.officer_construction).search([]), self.dossier.fee_line_ids)
        self.assertFalse(Receipt.with_user(self.officer_health).search([]))
        self.assertFalse(Line.with_user(self.officer_health).search([]))
        with self.assertRaises(AccessError):
            self.receipt.with_user(self.officer_health).read(["amount"])
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.officer_construction).action_fee_open_payment_wizard()
        with self.assertRaises(AccessError):
            self.env["account.move"].with_user(self.officer_construction).search([])

    def test_portal_users_reach_fees_through_their_dossier_page_only(self):
        with self.assertRaises(AccessError):
            self.env["public_admin.fee.receipt"].with_user(self.citizen).search([])
        with self.assertRaises(AccessError):
            self.env["public_admin.dossier.fee"].with_user(self.citizen).search([])
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.citizen).action_fee_waive("Tôi xin miễn")

    def test_only_managers_waive(self):
        other = self.fee_dossier()
        for user in (self.front_desk, self.officer_construction, self.accountant):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                other.with_user(user).action_fee_waive("Lý do")
        other.with_user(self.manager).action_fee_waive("Lý do")
        with self.assertRaises(UserError):
            self.dossier.with_user(self.manager).action_fee_waive("Không còn nợ")


@tagged("post_install", "-at_install")
class TestFeeSetup(TransactionCase):
    def test_a_vietnamese_company_gets_the_vietnamese_chart_journals_and_a_series(self):
        company = self.env["res.company"].create(
            {"name": "Trung tâm PVHCC tỉnh", "country_id": self.env.ref("base.vn").id}
        )
        company._public_admin_fee_setup()
        self.assertEqual(company.chart_template, "vn")
        self.assertEqual(company.currency_id, self.env.ref("base.VND"))
        journals = self.env["account.journal"].search(
            [("company_id", "=", company.id), ("public_admin_fee_method", "!=", False)]
        )
        self.assertEqual(sorted(journals.mapped("public_admin_fee_method")), ["card", "cash", "transfer"])
        self.assertEqual(company.public_admin_fee_journal_id.type, "sale")
        self.assertTrue(company.public_admin_fee_series_id)
        company._public_admin_fee_setup()
        self.assertEqual(
            len(
                self.env["account.journal"].search(
                    [("company_id", "=", company.id), ("public_admin_fee_method", "!=", False)]
                )
            ),
            3,
        )

    def test_a_foreign_company_without_a_chart_is_left_alone(self):
        company = self.env["res.company"].create({"name": "Other", "country_id": self.env.ref("base.fr").id})
        company._public_admin_fee_setup()
        self.assertFalse(company.chart_template)
        self.assertFalse(company.public_admin_fee_series_id)
