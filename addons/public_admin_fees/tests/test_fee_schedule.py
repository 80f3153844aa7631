from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from ..tools import parse_fee_text
from .common import PublicAdminFeesCommon


@tagged("post_install", "-at_install")
class TestFeeSchedule(PublicAdminFeesCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_fees_data()
        cls.Fee = cls.env["public_admin.procedure.fee"]

    def fee(self, **vals):
        return self.Fee.create({"procedure_id": self.procedure_same_day.id, "name": "Phí chứng thực", **vals})

    def test_fixed_amount_ignores_quantity(self):
        fee = self.fee(amount_type="fixed", amount=50000)
        self.assertEqual(fee._compute_net(3), (50000, 50000))

    def test_per_quantity_amount(self):
        fee = self.fee(amount_type="quantity", amount=2000)
        self.assertEqual(fee._compute_net(7), (14000, 14000))

    def test_tiers_with_a_cap(self):
        # 2 000 đ a page for pages 1–2, 1 000 đ from the 3rd page, at most 200 000 đ a copy
        fee = self.fee(
            amount_type="tier",
            amount_max=200000,
            tier_ids=[(0, 0, {"quantity_from": 1, "amount": 2000}), (0, 0, {"quantity_from": 3, "amount": 1000})],
        )
        self.assertEqual(fee._compute_gross(1), 2000)
        self.assertEqual(fee._compute_gross(2), 4000)
        self.assertEqual(fee._compute_gross(10), 12000)
        self.assertEqual(fee._compute_gross(500), 200000)

    def test_tiers_must_start_at_one(self):
        with self.assertRaises(ValidationError):
            self.fee(amount_type="tier", tier_ids=[(0, 0, {"quantity_from": 2, "amount": 1000})])

    def test_exemption_and_reduction_round_to_the_dong_half_up(self):
        fee = self.fee(amount_type="fixed", amount=75001)
        self.assertEqual(fee._compute_net(1, 100), (75001, 0))
        # half of 75 001 is 37 500.5: 37 501 đ collected
        self.assertEqual(fee._compute_net(1, 50), (75001, 37501))

    def test_negative_or_fractional_amounts_are_refused_in_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        Fee = self.Fee.with_context(lang="vi_VN")
        for amount in (-1000, 1500.5):
            with self.subTest(amount=amount), self.assertRaises(ValidationError) as error:
                Fee.create({"procedure_id": self.procedure_same_day.id, "name": "Sai", "amount": amount})
            self.assertIn("số nguyên", str(error.exception))
        fee = self.fee(amount=1000)
        with self.assertRaises(ValidationError):
            fee.amount = 999.4
        self.assertEqual(fee.amount, 1000)
        self.assertEqual(self.procedure_same_day.fee_ids, fee)

    def test_a_charge_keeps_no_share(self):
        with self.assertRaises(ValidationError):
            self.fee(fee_type="charge", amount=1000, retained_percent=10)

    def test_published_fee_texts_are_read_or_flagged(self):
        Procedure = self.env["public_admin.procedure"]
        free, fixed, unknown, complex_text = Procedure.create(
            [
                {"code": f"9.00000{i}", "name": f"Thủ tục {i}", "fee_text": text, "date_effective_from": "2020-01-01"}
                for i, text in enumerate(
                    [
                        "Miễn phí",
                        "50.000 đồng/hồ sơ",
                        "Không có thông tin",
                        "Lệ phí: 100.000 đồng/lần cấp; trường hợp cấp lại 50.000 đồng",
                    ]
                )
            ]
        )
        (free | fixed | unknown | complex_text).action_read_fee_text()
        self.assertEqual(free.fee_text_state, "free")
        self.assertFalse(free.fee_ids)
        self.assertFalse(free.is_fee_review_needed)
        self.assertEqual(fixed.fee_text_state, "parsed")
        self.assertEqual(fixed.fee_ids.mapped("amount"), [50000])
        self.assertEqual(fixed.fee_ids.fee_type, "charge")
        self.assertEqual(fixed.fee_ids.amount_type, "fixed")
        self.assertTrue(unknown.is_fee_review_needed)
        self.assertTrue(complex_text.is_fee_review_needed)
        self.assertFalse(complex_text.fee_ids)
        self.assertIn(complex_text, Procedure.search([("is_fee_review_needed", "=", True)]))

    def test_texts_of_the_national_catalogue(self):
        cases = {
            "Miễn phí (Không có)": ("free", None),
            "Trực tiếp: Miễn phí; Trực tuyến: Không có thông tin": ("free", None),
            "1,000,000 Việt Nam Đồng": ("parsed", (1000000, "fixed", "")),
            "3,500,000 Việt Nam Đồng (/hồ sơ)": ("parsed", (3500000, "fixed", "hồ sơ")),
            "Phí thẩm định: 2.000 đồng/trang": ("parsed", (2000, "quantity", "trang")),
            "Miễn phí (Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần)": ("review", None),
            "10,000,000 Việt Nam Đồng ((Áp dụng mức phí: 5.000.000 đồng kể từ ngày 01/7/2025)": ("review", None),
        }
        for text, (state, line) in cases.items():
            with self.subTest(text=text):
                result, lines = parse_fee_text(text)
                self.assertEqual(result, state)
                if line:
                    self.assertEqual((lines[0]["amount"], lines[0]["amount_type"], lines[0]["quantity_unit"]), line)

    def test_public_page_shows_the_schedule(self):
        lines = self.procedure._public_fee_lines()
        self.assertEqual([line[0] for line in lines], ["Lệ phí cấp giấy phép xây dựng", "Phí thẩm định"])
        self.assertIn("75", lines[0][1])
        self.assertTrue(lines[1][1].endswith("/bộ"))

    def test_dossier_keeps_the_schedule_it_was_received_under(self):
        dossier = self.fee_dossier(set_count=2)
        self.assertEqual(dossier.fee_amount_total, 79000)
        # the fees change with a new version of the procedure, in force from today
        action = self.procedure.action_new_version()
        new_version = self.env["public_admin.procedure"].browse(action["res_id"])
        new_version.fee_ids.filtered(lambda f: f.fee_type == "charge").amount = 100000
        self.assertEqual(self.permit_charge.amount, 75000)
        dossier.invalidate_recordset()
        self.assertEqual(dossier.fee_line_ids.mapped("amount"), [75000, 4000])
        self.assertEqual(dossier.fee_amount_due, 79000)

    def test_exemption_needs_its_grounds(self):
        with self.assertRaises(ValidationError):
            self.create_dossier(fee_exemption_id=self.poor_household.id)
        dossier = self.create_dossier(
            fee_exemption_id=self.poor_household.id, fee_exemption_reason="Sổ hộ nghèo số 12/2025"
        )
        # the poor are exempt from the appraisal fee, not from the charge
        self.assertEqual(dossier.fee_line_ids.mapped("amount"), [75000, 0])
        self.assertEqual(dossier.fee_line_ids[1].amount_gross, 2000)
