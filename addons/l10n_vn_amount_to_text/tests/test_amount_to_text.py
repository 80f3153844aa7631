from odoo.tests import TransactionCase, tagged

from ..tools import amount_to_words_vnd, read_number


@tagged("post_install", "-at_install")
class TestVietnameseReading(TransactionCase):
    def assertReads(self, cases, **kwargs):
        for number, words in cases:
            with self.subTest(number=number):
                self.assertEqual(read_number(number, **kwargs), words)

    def test_units_and_tens(self):
        self.assertReads(
            [
                (0, "không"),
                (1, "một"),
                (4, "bốn"),
                (5, "năm"),
                (10, "mười"),
                (11, "mười một"),
                (14, "mười bốn"),
                (15, "mười lăm"),
                (20, "hai mươi"),
                (21, "hai mươi mốt"),
                (24, "hai mươi tư"),
                (25, "hai mươi lăm"),
                (55, "năm mươi lăm"),
                (91, "chín mươi mốt"),
                (99, "chín mươi chín"),
            ]
        )

    def test_hundreds_with_a_zero_tens(self):
        self.assertReads(
            [
                (100, "một trăm"),
                (101, "một trăm linh một"),
                (104, "một trăm linh bốn"),
                (105, "một trăm linh năm"),
                (110, "một trăm mười"),
                (115, "một trăm mười lăm"),
                (121, "một trăm hai mươi mốt"),
                (999, "chín trăm chín mươi chín"),
            ]
        )
        self.assertEqual(read_number(105, zero_tens="lẻ"), "một trăm lẻ năm")

    def test_zeros_inside_groups_are_read(self):
        self.assertReads(
            [
                (1000, "một nghìn"),
                (1001, "một nghìn không trăm linh một"),
                (1010, "một nghìn không trăm mười"),
                (2015, "hai nghìn không trăm mười lăm"),
                (2105, "hai nghìn một trăm linh năm"),
                (10500, "mười nghìn năm trăm"),
                (50000, "năm mươi nghìn"),
                (75000, "bảy mươi lăm nghìn"),
                (105000, "một trăm linh năm nghìn"),
                (1015000, "một triệu không trăm mười lăm nghìn"),
                (1000015, "một triệu không trăm mười lăm"),
                (1200000, "một triệu hai trăm nghìn"),
                (21000024, "hai mươi mốt triệu không trăm hai mươi tư"),
            ]
        )

    def test_millions_and_billions(self):
        self.assertReads(
            [
                (1000000, "một triệu"),
                (1000000000, "một tỷ"),
                (2001000000, "hai tỷ không trăm linh một triệu"),
                (
                    93456789012,
                    "chín mươi ba tỷ bốn trăm năm mươi sáu triệu bảy trăm tám mươi chín nghìn không trăm mười hai",
                ),
                (1000000000000, "một nghìn tỷ"),
                (1000001000000, "một nghìn tỷ không trăm linh một triệu"),
                (5000000000000000, "năm triệu tỷ"),
            ]
        )

    def test_vnd_amount_is_written_in_sentence_case(self):
        self.assertEqual(amount_to_words_vnd(2015), "Hai nghìn không trăm mười lăm đồng")
        self.assertEqual(amount_to_words_vnd(50000.0), "Năm mươi nghìn đồng")
        self.assertEqual(amount_to_words_vnd(0), "Không đồng")

    def test_wrong_amounts_are_refused(self):
        for bad in (-1, 10.5):
            with self.subTest(amount=bad), self.assertRaises(ValueError):
                amount_to_words_vnd(bad)
        with self.assertRaises(ValueError):
            read_number("12")

    def test_currency_amount_to_text_in_vietnamese(self):
        vnd = self.env.ref("base.VND")
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["res.lang"]._activate_lang("en_US")
        self.assertEqual(
            vnd.with_context(lang="vi_VN").amount_to_text(1015000), "Một triệu không trăm mười lăm nghìn đồng"
        )
        # Other languages keep Odoo's reading.
        self.assertNotIn("đồng", vnd.with_context(lang="en_US").amount_to_text(1015000))
