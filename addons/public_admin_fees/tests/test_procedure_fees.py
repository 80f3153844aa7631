from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestProcedureFees(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vnd = cls.env.ref("base.VND")
        cls.vnd.active = True
        cls.procedure = cls.env["public_admin.procedure"].create(
            {
                "code": "1.009972",
                "name": "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                "fee_text": "Lệ phí: 75.000 đồng/giấy phép",
            }
        )

    def test_public_page_shows_published_text_without_a_schedule(self):
        self.assertEqual(self.procedure._public_fee_lines(), [("", "Lệ phí: 75.000 đồng/giấy phép", "")])

    def test_public_page_shows_the_fee_schedule(self):
        self.procedure.fee_ids = [
            (0, 0, {"name": "Lệ phí cấp giấy phép", "fee_type": "charge", "amount": 75000, "currency_id": self.vnd.id}),
            (
                0,
                0,
                {
                    "name": "Phí thẩm định",
                    "fee_type": "fee",
                    "amount": 0,
                    "currency_id": self.vnd.id,
                    "note": "miễn cho hộ nghèo",
                },
            ),
        ]
        lines = self.procedure._public_fee_lines()
        self.assertEqual(lines[0][0], "Lệ phí cấp giấy phép")
        self.assertIn("75,000", lines[0][1].replace(".", ","))
        self.assertEqual(lines[1], ("Phí thẩm định", "Free of charge", "miễn cho hộ nghèo"))

    def test_new_version_copies_the_fee_schedule(self):
        self.procedure.fee_ids = [(0, 0, {"name": "Lệ phí", "amount": 50000, "currency_id": self.vnd.id})]
        action = self.procedure.action_new_version()
        new_version = self.env["public_admin.procedure"].browse(action["res_id"])
        self.assertEqual(new_version.fee_ids.mapped("amount"), [50000])
        self.assertNotEqual(new_version.fee_ids, self.procedure.fee_ids)

    def test_negative_fee_refused(self):
        for vals in ({"amount": -1}, {"amount": 1000, "fee_type": "fee", "retained_percent": 120}):
            with self.subTest(**vals), self.assertRaises(ValidationError), self.cr.savepoint():
                self.env["public_admin.procedure.fee"].create(
                    {
                        "procedure_id": self.procedure.id,
                        "name": "Sai",
                        "currency_id": self.vnd.id,
                        **vals,
                    }
                )
                self.env.flush_all()
        self.assertFalse(self.procedure.fee_ids)
