import json
from datetime import date

from odoo.exceptions import AccessError

from .report_common import PublicAdminReportCase


class TestNationalIndicators(PublicAdminReportCase):
    """Decision 766 indicators on the hand-worked data of November 2025 (see report_common)."""

    def setUp(self):
        super().setUp()
        self.agencies = self.construction | self.health

    def score(self, user=None, date_from=date(2025, 11, 1), date_to=date(2025, 11, 30), agencies=None):
        agencies = self.agencies if agencies is None else agencies
        score = (
            self.env["public_admin.self.score"]
            .with_user(user or self.manager)
            .create({"date_from": date_from, "date_to": date_to, "agency_ids": agencies.ids})
        )
        score.action_compute()
        return score

    def line(self, score, code):
        return score.line_ids.filtered(lambda line: line.code == code)

    def dossiers_of(self, line, which="lost"):
        action = line.action_open_lost() if which == "lost" else line.action_open_numerator()
        return self.names(self.env["public_admin.dossier"].with_user(self.manager).search(action["domain"]))

    def test_2_1_on_time_share_with_supplements_and_open_dossiers(self):
        line = self.line(self.score(), "2.1")
        # Handled: finished in November A S C D O L T, open at its end B H N K I.
        # Good: finished early or on time A S O L T, open within the appointment H N I.
        self.assertEqual((line.numerator, line.denominator), (8, 12))
        self.assertAlmostEqual(line.score, 20 * 8 / 12, places=2)
        self.assertAlmostEqual(line.points_lost, 20 - 20 * 8 / 12, places=2)
        self.assertEqual(self.dossiers_of(line), ["B", "C", "D", "K"], "late (C; D: two supplements) and overdue")
        self.assertEqual(self.dossiers_of(line, "numerator"), sorted("ASOLTHNI"))

    def test_rules_are_effective_dated(self):
        indicator = self.env.ref("public_admin_centre.indicator_2_1")
        self.env["public_admin.indicator.rule"].create(
            {"indicator_id": indicator.id, "date_from": "2025-11-15", "points": 20, "target": 0.8, "cap": 20}
        )
        november = self.line(self.score(), "2.1")
        self.assertEqual(november.formula, "min(20, 20·R/0.8)")
        self.assertAlmostEqual(november.score, 20 * (8 / 12) / 0.8, places=2)
        october = self.line(self.score(date_from=date(2025, 10, 1), date_to=date(2025, 10, 31)), "2.1")
        # October: R finished early; A B S open within their appointment; old rule 20·R.
        self.assertEqual((october.numerator, october.denominator), (4, 4))
        self.assertEqual(october.formula, "20·R")
        self.assertEqual(october.score, 20)

    def test_3_x_online_service_with_cap_and_empty_period(self):
        score = self.score()
        line_3_1 = self.line(score, "3.1")
        self.assertEqual((line_3_1.numerator, line_3_1.denominator), (2, 3), "works and health online, not the copy")
        self.assertAlmostEqual(line_3_1.score, 2 * (2 / 3) / 0.8, places=2)
        line_3_2 = self.line(score, "3.2")
        self.assertEqual((line_3_2.numerator, line_3_2.denominator), (1, 2), "only works had an online dossier (D)")
        self.assertEqual(line_3_2.score, 2)
        line_3_3 = self.line(score, "3.3")
        self.assertEqual((line_3_3.numerator, line_3_3.denominator), (1, 12))
        self.assertAlmostEqual(line_3_3.score, 6 * (1 / 12) / 0.5, places=2)
        self.assertEqual(len(self.dossiers_of(line_3_3)), 11)
        # Cap: every procedure online gives R = 1, 2.5 points capped at 2.
        self.procedure_same_day.online_level = "partial"
        self.assertEqual(self.line(self.score(), "3.1").score, 2)
        # Empty: no dossier received in January 2025, nothing to score.
        january = self.line(self.score(date_from=date(2025, 1, 1), date_to=date(2025, 1, 31)), "3.3")
        self.assertTrue(january.is_measured)
        self.assertFalse(january.has_score)
        self.assertEqual(january.denominator, 0)

    def test_4_x_digitisation(self):
        d = self.dossiers
        attachment = self.env["ir.attachment"].create({"name": "giay-phep.pdf", "raw": b"%PDF-1.4 signed"})
        (d["A"] | d["L"]).write({"result_attachment_id": attachment.id})
        d["C"].document_ids.filtered("is_received").write({"is_digitised": True})
        earlier = d["A"].document_ids[:1]
        d["O"].document_ids.filtered(lambda doc: doc.name == earlier.name).write({"reused_from_id": earlier.id})
        self.assertTrue(d["C"].is_fully_digitised)
        self.assertTrue(d["O"].has_reused_document)
        score = self.score()
        self.assertEqual((self.line(score, "4.1").numerator, self.line(score, "4.1").denominator), (2, 7))
        self.assertAlmostEqual(self.line(score, "4.1").score, 6 * 2 / 7, places=2)
        self.assertEqual(self.dossiers_of(self.line(score, "4.1"), "numerator"), ["A", "L"])
        self.assertEqual((self.line(score, "4.2").numerator, self.line(score, "4.2").denominator), (1, 12))
        self.assertAlmostEqual(self.line(score, "4.2").score, 4 / 12, places=2)
        self.assertEqual(self.line(score, "4.3").numerator, 1)
        self.assertAlmostEqual(self.line(score, "4.3").score, 2 * (1 / 12) / 0.8, places=2)

    def test_1_x_publication_of_procedures(self):
        self.procedure.write(
            {"date_decision": "2019-12-01", "date_published": "2019-12-20", "result_description": "Giấy phép"}
        )
        self.procedure_health.write({"date_decision": "2020-01-10", "date_published": "2020-02-01"})
        score = self.score()
        line_1_1 = self.line(score, "1.1")
        self.assertEqual((line_1_1.numerator, line_1_1.denominator), (1, 2), "health: published late")
        self.assertEqual(line_1_1.score, 3)
        line_1_2 = self.line(score, "1.2")
        self.assertEqual((line_1_2.numerator, line_1_2.denominator), (1, 3), "works alone is complete")
        self.assertAlmostEqual(line_1_2.score, 2, places=2)

    def test_not_measured_here_says_why_and_scores_nothing(self):
        score = self.score()
        for code in ("1.3", "5.2", "5.3", "5.4"):
            line = self.line(score, code)
            if line.is_measured:  # the satisfaction addon measures 5.x when installed
                continue
            self.assertFalse(line.has_score, code)
            self.assertTrue(line.reason, code)
            self.assertEqual(line.score, 0)
        self.assertTrue(self.line(score, "1.3").reason)
        self.assertGreaterEqual(score.points_not_measured, 6)
        # The empty case of the complaint indicators gives the full points, by their rule.
        rule = self.env.ref("public_admin_centre.indicator_5_2")._rule_at(date(2025, 11, 30))
        self.assertEqual(rule._score(0, 0), 6)
        self.assertEqual(rule._score(3, 4), 4.5)
        capped = self.env.ref("public_admin_centre.indicator_5_4")._rule_at(date(2025, 11, 30))
        self.assertEqual(capped._score(95, 100), 6, "5.4 is capped at 6 from 90%")
        self.assertAlmostEqual(capped._score(81, 100), 5.4, places=2)

    def test_what_if_and_trend(self):
        score = self.score()
        self.assertEqual((score.what_if_overdue, score.what_if_at_stake), (2, 3))
        self.assertAlmostEqual(score.what_if_points_overdue, 2 * 20 / 12, places=2)
        self.assertAlmostEqual(score.what_if_points_at_stake, 3 * 20 / 12, places=2)
        trend = score.trend_ids.filtered(lambda t: t.indicator_id.code == "2.1")
        self.assertEqual(trend.sorted("month").mapped("month")[-2:], [date(2025, 10, 1), date(2025, 11, 1)])
        self.assertEqual(trend.filtered(lambda t: t.month == date(2025, 10, 1)).score, 20)
        action = self.line(score, "2.1").action_open_trend()
        self.assertEqual(self.env["public_admin.self.score.trend"].search_count(action["domain"]), len(trend))
        self.assertTrue(json.loads(self.line(score, "2.1").lost_domain))

    def test_agency_head_scores_their_agency_only(self):
        score = self.score(user=self.head_construction, agencies=self.env["public_admin.agency"])
        self.assertEqual(score.agency_ids, self.construction)
        line = self.line(score, "3.3")
        self.assertEqual((line.numerator, line.denominator), (1, 8), "the works dossiers received in November")
        with self.assertRaises(AccessError):
            self.score(user=self.head_construction, agencies=self.health)
