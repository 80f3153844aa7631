import io
import zipfile

from odoo import fields
from odoo.tests import TransactionCase, tagged

from .common import PublicAdminFeesCommon


@tagged("post_install", "-at_install")
class TestFeeReport(PublicAdminFeesCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fees_data()

    def setUp(self):
        super().setUp()
        # paid in cash; paid by card, exempt from the fee; paid then refused; still due
        self.cash = self.fee_dossier()
        self.collect(self.cash)
        self.card = self.fee_dossier(fee_exemption_id=self.poor_household.id, fee_exemption_reason="Sổ hộ nghèo")
        self.collect(self.card, journal=self.card_journal)
        self.refused = self.fee_dossier(set_count=2)
        self.collect(self.refused)
        self.refused.with_user(self.manager).action_refuse("Không đủ điều kiện")
        self.due = self.fee_dossier()
        self.wizard = (
            self.env["public_admin.fee.report.wizard"]
            .with_user(self.accountant)
            .create({"date_from": fields.Date.today(), "date_to": fields.Date.today()})
        )

    def journal_items(self):
        dossiers = self.cash | self.card | self.refused | self.due
        return self.env["account.move.line"].search(
            [("move_id.public_admin_dossier_id", "in", dossiers.ids), ("move_id.state", "=", "posted")]
        )

    def test_totals_tie_to_the_journal_items_to_the_dong(self):
        rows, totals = self.wizard._rows()
        self.assertEqual(totals["amount_collected"], 77000 + 75000 + 79000)
        self.assertEqual(totals["amount_refunded"], 79000)
        self.assertEqual(totals["amount_net"], 152000)
        self.assertEqual(totals["amount_retained"], 600)
        self.assertEqual(totals["amount_to_remit"], 151400)
        # Collected, less refunded: the fee income of the invoices that were paid, and what the
        # payments brought to the cash and bank accounts.
        items = self.journal_items()
        paid_dossiers = self.cash | self.card | self.refused
        income = items.filtered(
            lambda line: line.public_admin_dossier_fee_id and line.move_id.public_admin_dossier_id in paid_dossiers
        )
        self.assertEqual(-sum(income.mapped("balance")), totals["amount_net"])
        for fee_type in ("fee", "charge"):
            self.assertEqual(
                -sum(
                    income.filtered(lambda line, t=fee_type: line.public_admin_dossier_fee_id.fee_type == t).mapped(
                        "balance"
                    )
                ),
                sum(row["amount_net"] for row in rows if row["fee_type"] == fee_type),
            )
        receipts = self.env["public_admin.fee.receipt"].search([("dossier_id", "in", paid_dossiers.ids)])
        payments = receipts.payment_id | receipts.refund_payment_id
        liquidity = payments.move_id.line_ids.filtered(
            lambda line: line.account_id != line.move_id.partner_id.property_account_receivable_id
        )
        self.assertEqual(sum(liquidity.mapped("balance")), totals["amount_net"])
        # still due: charged, not collected
        self.assertEqual(self.due.fee_amount_due, 77000)

    def test_report_by_agency_procedure_and_treasury_account(self):
        rows, __ = self.wizard._rows()
        by_account = {row["treasury_account"]: row for row in rows}
        self.assertEqual(set(by_account), {"7111", "3511"})
        self.assertEqual(by_account["7111"]["amount_to_remit"], 75000 * 2)
        self.assertEqual(by_account["3511"]["amount_retained"], 600)
        self.assertEqual(by_account["3511"]["agency"], self.construction)
        self.assertEqual(by_account["3511"]["procedure"], self.procedure)

    def test_pivot_pdf_and_excel(self):
        action = self.wizard.action_open_pivot()
        self.assertEqual(action["res_model"], "public_admin.fee.report")
        lines = self.env["public_admin.fee.report"].with_user(self.accountant).search(action["domain"])
        self.assertEqual(sum(lines.mapped("amount_net")), 152000)
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "public_admin_fees.public_admin_fee_report_pdf", self.wizard.ids
        )
        self.assertIn("151.400", html.decode())
        xlsx, content_type = self.env["ir.actions.report"]._render(
            "public_admin_fees.public_admin_fee_report_xlsx", self.wizard.ids
        )
        self.assertEqual(content_type, "xlsx")
        with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
            sheet = book.read("xl/worksheets/sheet1.xml").decode()
        self.assertIn("<v>151400</v>", sheet)
