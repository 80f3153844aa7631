import base64

from odoo import fields
from odoo.tests import HttpCase, tagged

from .common import PublicAdminFeesCommon

CAMT = """<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>BIDV-{date}</MsgId><CreDtTm>{date}T17:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>SK-{date}</Id>
      <CreDtTm>{date}T17:00:00</CreDtTm>
      <Acct><Id><Othr><Id>0123456789</Id></Othr></Id><Ccy>VND</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">0</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{date}</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="VND">{amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{date}</Dt></Dt></Bal>
      <Ntry>
        <Amt Ccy="VND">{amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>{date}</Dt></BookgDt><ValDt><Dt>{date}</Dt></ValDt>
        <NtryDtls><TxDtls>
          <Refs><AcctSvcrRef>FT{date}001</AcctSvcrRef></Refs>
          <RmtInf><Ustrd>{note}</Ustrd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
"""


@tagged("post_install", "-at_install")
class TestFeesTour(PublicAdminFeesCommon, HttpCase):
    """The front desk receives, the citizen pays online, the accountant ties the day out."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fees_data()
        cls.setup_portal_users()
        cls.setup_bank_account()
        cls.procedure.fee_payment_due = "reception"
        provider = cls.env.ref("payment.payment_provider_demo")
        provider.write(
            {"state": "test", "is_published": True, "company_id": cls.company.id, "journal_id": cls.bank_journal.id}
        )

    def test_reception_online_payment_and_the_day_tied_out(self):
        # the front desk enters the walk-in's dossier (what its role can create) and receives it
        dossier = self.create_dossier(user=self.front_desk)
        self.start_tour(
            f"/odoo/action-public_admin_centre.public_admin_dossier_action/{dossier.id}",
            "public_admin_fees_reception_tour",
            login="pa_front_desk",
        )
        self.assertEqual(dossier.state, "financial")
        self.assertEqual(dossier.fee_amount_due, 77000)

        # the citizen pays online from the portal
        self.start_tour(f"/my/dossiers/{dossier.id}", "public_admin_fees_citizen_pay_tour", login="citizen_an")
        self.env["payment.transaction"].sudo().search(
            [("invoice_ids", "in", dossier.sudo().fee_invoice_ids.ids)]
        )._post_process()
        self.assertEqual(dossier.fee_state, "paid")
        self.assertEqual(dossier.fee_receipt_ids.payment_method, "online")
        self.assertEqual(dossier.state, "received")

        # another applicant paid by VietQR transfer; the accountant imports the bank's statement
        other = self.fee_dossier()
        today = fields.Date.to_string(fields.Date.context_today(other))
        camt = CAMT.format(date=today, amount=77000, note=f"IBFT NGUYEN VAN AN {other._fee_transfer_note()}")
        wizard = (
            self.env["account.statement.import"]
            .with_user(self.accountant)
            .with_context(_test_account_reconcile_oca=True)
            .create({"statement_file": base64.b64encode(camt.encode()), "statement_filename": "sao-ke.xml"})
        )
        wizard.import_file_button()
        self.assertEqual(other.fee_state, "paid")
        self.assertEqual(other.fee_receipt_ids.payment_method, "transfer")
        self.start_tour(
            "/odoo/action-public_admin_fees.account_bank_statement_line_action_fees_unmatched",
            "public_admin_fees_unmatched_tour",
            login="pa_accountant",
        )
        self.start_tour(
            "/odoo/action-public_admin_fees.public_admin_fee_report_action",
            "public_admin_fees_report_tour",
            login="pa_accountant",
        )
