import unicodedata
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.public_admin_centre.tools import IdCardScanError, citizen_id_card, parse_citizen_id_qr

from .common import PublicAdminCase

ID_CARD_QR = "038095007788|172345678|Lê Văn Bình|15031995|Nam|Số 5 Trần Phú, Phường Hạc Thành, Thanh Hóa|10082021"


@tagged("post_install", "-at_install")
class TestIdCardScan(PublicAdminCase):
    """The QR code of the chip-based citizen ID card, as a counter scanner types it."""

    def refusal(self, text):
        with self.assertRaises(IdCardScanError) as caught:
            parse_citizen_id_qr(text)
        return caught.exception.code

    def message_vi(self, text):
        with self.assertRaises(UserError) as caught:
            self.env["res.partner"].with_context(lang="vi_VN")._public_admin_parse_id_card(text)
        return caught.exception.args[0]

    def test_scan_gives_every_field_of_the_card(self):
        card = parse_citizen_id_qr(ID_CARD_QR + "\n")
        self.assertEqual(
            card,
            {
                "id_number": "038095007788",
                "former_id_number": "172345678",
                "name": "Lê Văn Bình",
                "birthdate": date(1995, 3, 15),
                "gender": "male",
                "address": "Số 5 Trần Phú, Phường Hạc Thành, Thanh Hóa",
                "issue_date": date(2021, 8, 10),
            },
        )

    def test_scan_without_former_number_in_capitals_with_decomposed_accents(self):
        text = "001190012345||TRẦN THỊ HOA|01021990|Nữ|Thôn 3, xã Quảng Phú|05062022|extra"
        card = parse_citizen_id_qr(unicodedata.normalize("NFD", text))
        self.assertEqual(card["name"], "Trần Thị Hoa")
        self.assertEqual(card["former_id_number"], "")
        self.assertEqual(card["gender"], "female")
        self.assertEqual(card["address"], "Thôn 3, xã Quảng Phú")

    def test_truncated_scan_refused(self):
        self.assertEqual(self.refusal("038095007788|172345678|Lê Văn Bình|15031995|Nam"), citizen_id_card.TRUNCATED)
        self.assertEqual(self.refusal(ID_CARD_QR[:-4]), citizen_id_card.TRUNCATED, "issue date cut short")
        self.assertEqual(self.refusal(ID_CARD_QR.rsplit("|", 1)[0] + "|"), citizen_id_card.TRUNCATED)
        self.assertEqual(
            self.message_vi("038095007788|172345678|Lê Văn Bình|15031995|Nam"),
            "Mã quét chưa đầy đủ (mới đọc được 5/7 trường thông tin): giữ yên thẻ và quét lại.",
        )

    def test_foreign_codes_refused_with_a_clear_message(self):
        vietqr = "00020101021238570010A000000727012700069704220113VQRQ0001234560208QRIBFTTA53037045802VN6304ABCD"
        cases = {
            "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html": citizen_id_card.URL,
            "www.thanhhoa.gov.vn": citizen_id_card.URL,
            vietqr: citizen_id_card.PAYMENT,
            "8934563138165": citizen_id_card.FOREIGN,
            "ABC-123|x|y": citizen_id_card.FOREIGN,
            "   ": citizen_id_card.EMPTY,
        }
        for text, code in cases.items():
            with self.subTest(text=text):
                self.assertEqual(self.refusal(text), code)
        self.assertIn("không phải căn cước", self.message_vi("https://dichvucong.gov.vn"))
        self.assertIn("VietQR", self.message_vi(vietqr))
        self.assertIn("không phải mã QR của thẻ căn cước", self.message_vi("8934563138165"))

    def test_invalid_id_number_or_date_refused(self):
        self.assertEqual(
            self.refusal(ID_CARD_QR.replace("038095007788", "999095007788")), citizen_id_card.BAD_ID_NUMBER
        )
        self.assertEqual(self.refusal(ID_CARD_QR.replace("15031995", "31021995")), citizen_id_card.BAD_DATE)
        self.assertIn("999095007788", self.message_vi(ID_CARD_QR.replace("038095007788", "999095007788")))
