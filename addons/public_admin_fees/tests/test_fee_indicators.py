from odoo import fields
from odoo.tests import TransactionCase, tagged

from .test_fee_online import OnlinePaymentCommon


@tagged("post_install", "-at_install")
class TestFeeIndicators(OnlinePaymentCommon, TransactionCase):
    """P2 and P3 of Decision 766, measured by this addon through the centre's indicator engine."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_online()

    def score(self):
        today = fields.Date.context_today(self.env["public_admin.dossier"])
        score = (
            self.env["public_admin.self.score"]
            .with_user(self.manager)
            .create({"date_from": today, "date_to": today, "agency_ids": self.construction.ids})
        )
        score.action_compute()
        return {line.code: line for line in score.line_ids}

    def test_online_payment_indicators(self):
        lines = self.score()
        self.assertFalse(lines["P3"].has_score, "no dossier with fees yet: nothing to score")
        paid_online = self.fee_dossier()
        self.notify(self.transaction(paid_online))
        at_counter = self.fee_dossier()
        self.collect(at_counter)
        self.assertEqual(at_counter.fee_receipt_ids.payment_method, "cash")
        lines = self.score()
        self.assertEqual((lines["P3"].numerator, lines["P3"].denominator), (1, 2))
        self.assertEqual(lines["P3"].score, 3)
        self.assertEqual(lines["P3"].points_lost, 3)
        lost = self.env["public_admin.dossier"].search(lines["P3"].action_open_lost()["domain"])
        self.assertEqual(lost, at_counter)
        # The one fee-bearing procedure had an online payment: 2.5 points, capped at 2.
        self.assertEqual((lines["P2"].numerator, lines["P2"].denominator), (1, 1))
        self.assertEqual(lines["P2"].score, 2)
