from odoo.tests import TransactionCase, tagged

from ..tools import transfer_key, transfer_note
from .common import PublicAdminFeesCommon


def emv_fields(payload):
    """Top-level EMV tags of a payload: {tag: value}."""
    fields, index = {}, 0
    while index < len(payload):
        tag, length = payload[index : index + 2], int(payload[index + 2 : index + 4])
        fields[tag] = payload[index + 4 : index + 4 + length]
        index += 4 + length
    return fields


@tagged("post_install", "-at_install")
class TestFeeVietQR(PublicAdminFeesCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fees_data()
        cls.setup_bank_account()

    def test_transfer_note_is_what_banks_keep(self):
        self.assertEqual(transfer_note("000.00.12.H56-251008-0975"), "000 00 12 H56 251008 0975")
        self.assertLessEqual(len(transfer_note("000.00.12.H56-251008-0975")), 25)
        self.assertEqual(transfer_key("ck hs 000 00 12 h56-2510080975 Nguyễn"), "CKHS0000012H562510080975NGUYEN")

    def test_vietqr_has_the_exact_amount_and_the_dossier_code(self):
        dossier = self.fee_dossier()
        vietqr = dossier._fee_vietqr()
        self.assertFalse(vietqr.get("error"))
        payload = vietqr["payload"]
        fields = emv_fields(payload)
        self.assertEqual(fields["00"], "01")
        self.assertEqual(fields["12" if "12" in fields else "01"], "12")
        self.assertEqual(fields["53"], "704", "VND")
        self.assertEqual(fields["54"], "77000")
        self.assertEqual(fields["58"], "VN")
        merchant = emv_fields(fields["38"])
        self.assertEqual(merchant["00"], "A000000727", "NAPAS")
        self.assertEqual(emv_fields(merchant["01"]), {"00": "970422", "01": "0123456789"})
        self.assertEqual(merchant["02"], "QRIBFTTA", "transfer to an account")
        self.assertEqual(emv_fields(fields["62"])["08"], transfer_note(dossier.name))
        # the checksum of the code, as banking apps verify it
        crc = self.bank_account._get_crc16(payload[:-4].encode())
        self.assertEqual(payload[-4:], format(crc, "04X"))
        self.assertTrue(vietqr["image"].startswith("data:image/png;base64,"))

    def test_no_code_when_nothing_is_due_or_no_bank_account(self):
        dossier = self.fee_dossier()
        self.collect(dossier)
        self.assertFalse(dossier._fee_vietqr()["payload"])
        other = self.fee_dossier()
        self.bank_journal.bank_account_id = False
        self.bank_account.partner_id = self.env["res.partner"].create({"name": "Other"})
        self.assertFalse(other._fee_vietqr()["payload"])
        self.assertTrue(other._fee_vietqr()["error"])

    def test_receipt_slip_and_notification_show_the_vietqr(self):
        dossier = self.fee_dossier()
        html, __ = self.env["ir.actions.report"]._render_qweb_html(
            "public_admin_centre.public_admin_dossier_report_receipt", dossier.ids
        )
        self.assertIn("Quét mã VietQR để nộp phí", html.decode())
        self.assertIn(transfer_note(dossier.name), html.decode())
        message = dossier.message_ids.filtered(lambda m: "VietQR" in (m.body or ""))
        self.assertTrue(message, "the applicant was emailed what to pay")
        self.assertIn(f"/my/dossiers/{dossier.id}/vietqr.png", message.body)
        self.assertIn("access_token", message.body)
