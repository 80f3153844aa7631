from datetime import date

from .report_common import PublicAdminReportCase


class TestDemoReports(PublicAdminReportCase):
    """The demo of the reports fills what a manager needs to see figures on the first visit."""

    def test_demo_digitises_reuses_publishes_and_locks_last_month(self):
        self.env["public_admin.demo.loader"]._generate_demo_reports()
        dossiers = self.env["public_admin.dossier"].search([("id", "in", [d.id for d in self.dossiers.values()])])
        self.assertTrue(dossiers.filtered("is_fully_digitised"))
        self.assertTrue(dossiers.filtered("has_electronic_result"))
        self.assertTrue(self.procedure.date_published)
        reports = self.env["public_admin.statistics.report"].search([], order="date_from")
        self.assertIn("locked", reports.mapped("state"))
        self.assertEqual(reports[-1].carry_over_status, "ok", "this month carries over last month's snapshot")
        score = (
            self.env["public_admin.self.score"]
            .with_user(self.manager)
            .create({"date_from": date(2025, 11, 1), "date_to": date(2025, 11, 30)})
        )
        score.action_compute()
        self.assertGreater(score.score_total, 0)
        digitised = score.line_ids.filtered(lambda line: line.code == "4.2")
        self.assertGreater(digitised.numerator, 0)
