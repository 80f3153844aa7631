from datetime import date

from odoo.exceptions import AccessError, UserError

from .report_common import PublicAdminReportCase

NOVEMBER_WORKS = {
    "received_total": 8,  # C D O E F G H N (not J: December locally; not M: never received)
    "received_online": 1,  # D
    "received_counter": 6,
    "received_postal": 1,  # E
    "carried_over": 3,  # A B S (not Z: refused; not R: finished before local midnight)
    "resolved_total": 5,  # A S C D O
    "resolved_early": 3,  # A S O (O: the supplement time moves its appointment)
    "resolved_on_time": 0,
    "resolved_late": 2,  # C (after the appointment), D (two supplement requests)
    "in_progress_total": 3,  # B H N
    "in_progress_within": 2,  # H (clock stopped), N
    "in_progress_overdue": 1,  # B
    "refused": 1,  # E
    "withdrawn": 1,  # F
    "stopped": 1,  # G
    "waiting_supplement": 1,  # H
    "waiting_financial": 0,
}
NOVEMBER_HEALTH = {
    "received_total": 4,  # K (01/11 00:30 locally) I L T
    "received_online": 0,
    "received_counter": 4,
    "received_postal": 0,
    "carried_over": 0,
    "resolved_total": 2,  # L T
    "resolved_early": 1,  # L
    "resolved_on_time": 1,  # T
    "resolved_late": 0,
    "in_progress_total": 2,  # K I
    "in_progress_within": 1,  # I (clock stopped)
    "in_progress_overdue": 1,  # K
    "refused": 0,
    "withdrawn": 0,
    "stopped": 0,
    "waiting_supplement": 0,
    "waiting_financial": 1,  # I
}


class TestStatisticsReport(PublicAdminReportCase):
    def new_report(self, user, date_from, date_to, **vals):
        Report = self.env["public_admin.statistics.report"].with_user(user)
        report = Report.create({"date_from": date_from, "date_to": date_to, **vals})
        report.action_compute()
        return report

    def figures(self, line):
        return {column: line[column] for column in NOVEMBER_WORKS}

    def test_november_by_agency_counts_every_dossier_once(self):
        report = self.new_report(self.manager, date(2025, 11, 1), date(2025, 11, 30))
        lines = report.line_ids
        works = lines.filtered(lambda line: line.agency_id == self.construction)
        health = lines.filtered(lambda line: line.agency_id == self.health)
        self.assertEqual(self.figures(works), NOVEMBER_WORKS)
        self.assertEqual(self.figures(health), NOVEMBER_HEALTH)
        # The works dossiers are inter-agency (environment gives its opinion): they count once,
        # under the agency that leads them, and environment has no line of its own.
        self.assertTrue(self.dossiers["C"].is_inter_agency)
        self.assertEqual((lines - report.total_line_id).agency_id, self.construction | self.health)
        total = report.total_line_id
        for column, value in NOVEMBER_WORKS.items():
            self.assertEqual(total[column], value + NOVEMBER_HEALTH[column], column)
        # Every dossier accounted for exactly once.
        self.assertEqual(
            total.carried_over + total.received_total,
            total.resolved_total + total.refused + total.withdrawn + total.stopped + total.in_progress_total,
        )

    def test_timeliness_of_the_hand_worked_dossiers(self):
        d = self.dossiers
        self.assertEqual(d["O"].supplement_count, 1)
        self.assertEqual(d["O"].timeliness, "early", "supplement time is excluded")
        self.assertEqual(d["D"].timeliness, "late", "two supplement requests count as late")
        self.assertEqual(d["T"].timeliness, "on_time")
        self.assertEqual(d["C"].timeliness, "late")

    def test_period_boundaries_are_local_midnights(self):
        report = self.new_report(self.manager, date(2025, 11, 1), date(2025, 11, 30))
        received = report.total_line_id.with_context(statistics_column="received_total").action_open_dossiers()
        dossiers = self.env["public_admin.dossier"].search(received["domain"])
        self.assertEqual(self.names(dossiers), sorted("CDOEFGHNKILT"))
        december = self.new_report(self.manager, date(2025, 12, 1), date(2025, 12, 31))
        self.assertEqual(december.total_line_id.received_total, 1, "J, received at 06:30 on 1 December")
        self.assertEqual(december.total_line_id.carried_over, 5, "B H N K I, in progress at the end of November")

    def test_drill_down_lists_exactly_the_dossiers_of_a_figure(self):
        report = self.new_report(self.manager, date(2025, 11, 1), date(2025, 11, 30))
        expected = {
            "carried_over": "ABS",
            "resolved_late": "CD",
            "in_progress_overdue": "BK",
            "waiting_supplement": "H",
            "waiting_financial": "I",
            "refused": "E",
        }
        Dossier = self.env["public_admin.dossier"].with_user(self.manager)
        for column, names in expected.items():
            action = report.total_line_id.with_context(statistics_column=column).action_open_dossiers()
            self.assertEqual(self.names(Dossier.search(action["domain"])), sorted(names), column)
        works = report.line_ids.filtered(lambda line: line.agency_id == self.health)
        action = works.with_context(statistics_column="in_progress_total").action_open_dossiers()
        self.assertEqual(self.names(Dossier.search(action["domain"])), ["I", "K"])

    def test_by_sector_and_by_procedure(self):
        by_procedure = self.new_report(self.manager, date(2025, 11, 1), date(2025, 11, 30), group_by="procedure")
        line = by_procedure.line_ids.filtered(lambda line: line.procedure_id == self.procedure_health)
        self.assertEqual(self.figures(line), NOVEMBER_HEALTH)
        by_sector = self.new_report(self.manager, date(2025, 11, 1), date(2025, 11, 30), group_by="sector")
        self.assertEqual(len(by_sector.line_ids), 2, "one sector and the total")
        self.assertEqual(by_sector.total_line_id.received_total, 12)

    def test_locked_period_carries_over_into_the_next_and_a_change_shows(self):
        october = self.new_report(self.manager, date(2025, 10, 1), date(2025, 10, 31))
        total = october.total_line_id
        self.assertEqual((total.received_total, total.resolved_total, total.refused), (5, 1, 1))
        self.assertEqual(total.in_progress_total, 3, "A B S")
        october.action_lock()
        self.assertEqual(october.state, "locked")
        with self.assertRaises(UserError):
            october.action_compute()
        with self.assertRaises(UserError):
            october.date_to = date(2025, 10, 30)
        november = self.new_report(self.manager, date(2025, 11, 1), date(2025, 11, 30))
        self.assertEqual(november.carry_over_status, "ok")
        # A correction after the lock: S is recorded as finished on 31 October.
        self.dossiers["S"].with_context(public_admin_state_change=True).write(
            {"date_finished": self.local(2025, 10, 31, 16, 0)}
        )
        november.action_compute()
        self.assertEqual(november.total_line_id.carried_over, 2)
        self.assertEqual(november.carry_over_status, "mismatch")
        self.assertIn("3", november.carry_over_message)
        self.assertEqual(october.total_line_id.in_progress_total, 3, "the snapshot does not move")

    def test_agency_head_reads_only_the_figures_of_their_agency(self):
        report = self.new_report(self.head_construction, date(2025, 11, 1), date(2025, 11, 30))
        self.assertEqual(report.agency_ids, self.construction)
        self.assertEqual((report.line_ids - report.total_line_id).agency_id, self.construction)
        self.assertEqual(self.figures(report.total_line_id), NOVEMBER_WORKS)
        with self.assertRaises(AccessError):
            self.new_report(self.head_construction, date(2025, 11, 1), date(2025, 11, 30), agency_ids=self.health.ids)
        managers = self.new_report(self.manager, date(2025, 11, 1), date(2025, 11, 30))
        Report = self.env["public_admin.statistics.report"].with_user(self.head_construction)
        self.assertFalse(
            Report.search([("id", "=", managers.id)]),
            "a head does not read the centre's report",
        )
        with self.assertRaises(AccessError):
            self.new_report(self.officer_construction, date(2025, 11, 1), date(2025, 11, 30))

    def test_printed_as_the_official_form_and_exported_to_excel(self):
        report = self.new_report(self.manager, date(2025, 11, 1), date(2025, 11, 30))
        Reports = self.env["ir.actions.report"].with_user(self.manager)
        html, _kind = Reports._render_qweb_html("public_admin_centre.public_admin_statistics_report_pdf", report.ids)
        html = html.decode()
        self.assertIn("Biểu số 06/VPCP/KSTT", html)
        self.assertIn("Số kỳ trước chuyển qua", html)
        self.assertIn(self.construction.name, html)
        content, kind = Reports._render("public_admin_centre.public_admin_statistics_report_xlsx", report.ids)
        self.assertEqual(kind, "xlsx")
        self.assertTrue(content.startswith(b"PK"), "an xlsx workbook")
