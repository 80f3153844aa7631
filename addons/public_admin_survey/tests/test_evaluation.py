import base64
import io
import threading
import types
from datetime import datetime, timedelta

import openpyxl
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import PublicAdminSurveyCommon


class PublicAdminSurveyCase(PublicAdminSurveyCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.setup_survey_data()


@tagged("post_install", "-at_install")
class TestEvaluationPerDossier(PublicAdminSurveyCase):
    """One evaluation per dossier, created with the result, impossible to answer twice."""

    def test_returned_result_creates_the_dossiers_one_evaluation(self):
        dossier = self.returned_dossier()
        evaluation = self.evaluation_of(dossier)
        self.assertEqual(len(evaluation), 1)
        self.assertEqual(evaluation.survey_id, self.survey)
        self.assertEqual(evaluation.public_admin_procedure_id, self.procedure)
        self.assertEqual(evaluation.public_admin_counter_id, self.counter, "the counter that returned the result")
        self.assertGreaterEqual(len(evaluation.access_token), 32)
        expected_deadline = fields.Datetime.now() + timedelta(days=30)
        self.assertAlmostEqual(evaluation.deadline, expected_deadline, delta=timedelta(minutes=5))
        self.assertEqual(dossier.with_user(self.front_desk).public_admin_evaluation_state, "offered")
        # Returning again (or inviting on the kiosk) never makes a second one.
        dossier.sudo()._public_admin_ensure_evaluation()
        self.assertEqual(len(self.evaluation_of(dossier)), 1)

    def test_evaluation_is_about_every_agency_and_officer_who_handled_the_dossier(self):
        dossier = self.finished_dossier()
        # The steps were done by different officers of the agencies involved.
        steps = dossier.step_ids.sorted("sequence")
        steps[1].user_id = self.officer_construction
        steps[2].user_id = self.officer_environment
        steps[3].user_id = self.head_construction
        dossier.with_user(self.front_desk).action_return_result()
        evaluation = self.rate(dossier, "satisfied")
        self.assertEqual(evaluation.public_admin_agency_ids, self.centre | self.construction | self.environment)
        self.assertEqual(
            set(evaluation.public_admin_user_ids.ids),
            {
                self.front_desk.id,
                self.officer_construction.id,
                self.officer_environment.id,
                self.head_construction.id,
                steps[0].user_id.id,
            }
            - {False},
        )
        rows = evaluation.public_admin_attribution_ids
        self.assertEqual(rows.filtered(lambda r: r.kind == "agency").agency_id, evaluation.public_admin_agency_ids)
        self.assertEqual(rows.filtered(lambda r: r.kind == "officer").user_id, evaluation.public_admin_user_ids)
        self.assertEqual(rows.filtered(lambda r: r.kind == "counter").counter_id, self.counter)
        self.assertEqual(set(rows.mapped("rating")), {"satisfied"})
        self.assertEqual(dossier.public_admin_rating, "satisfied")
        # An officer reads the ratings about themselves only; the manager reads them all.
        Attribution = self.env["public_admin.survey.attribution"]
        self.assertEqual(Attribution.with_user(self.officer_environment).search([]).user_id, self.officer_environment)
        self.assertEqual(Attribution.with_user(self.manager).search_count([]), len(rows))

    def test_second_answer_and_replayed_token_are_refused(self):
        dossier = self.returned_dossier()
        evaluation = self.rate(dossier, "very_satisfied")
        self.assertEqual(evaluation.state, "done")
        lines = evaluation.user_input_line_ids
        with self.assertRaisesRegex(UserError, "already been evaluated"):
            self.rate(dossier, "not_satisfied")
        self.assertEqual(evaluation.user_input_line_ids, lines, "nothing changed")
        self.assertEqual(evaluation.public_admin_rating, "very_satisfied")

    def test_expired_evaluation_is_refused_and_stores_nothing(self):
        dossier = self.returned_dossier()
        evaluation = self.evaluation_of(dossier)
        evaluation.deadline = fields.Datetime.now() - timedelta(minutes=1)
        with self.assertRaisesRegex(UserError, "expired"):
            self.rate(dossier, "satisfied")
        self.assertFalse(evaluation.user_input_line_ids)
        dossier.invalidate_recordset()
        self.assertEqual(dossier.public_admin_evaluation_state, "expired")

    def test_missing_or_foreign_answers_are_refused_and_store_nothing(self):
        dossier = self.returned_dossier()
        evaluation = self.evaluation_of(dossier)
        attitude = self.answer(self.q_attitude, "satisfied")
        with self.assertRaisesRegex(UserError, "Please answer these questions"):
            evaluation._public_admin_submit({self.q_attitude.id: attitude.id})
        with self.assertRaisesRegex(UserError, "not one of its choices"):
            evaluation._public_admin_submit({self.q_overall.id: attitude.id})
        with self.assertRaisesRegex(UserError, "not one of its choices"):
            evaluation._public_admin_submit({self.q_overall.id: "abc"})
        self.assertFalse(evaluation.user_input_line_ids)
        self.assertEqual(evaluation.state, "new")

    def test_unknown_token_finds_nothing(self):
        dossier = self.returned_dossier()
        evaluation = self.evaluation_of(dossier)
        UserInput = self.env["survey.user_input"]
        self.assertEqual(UserInput._public_admin_from_token(evaluation.access_token), evaluation)
        for token in ("", None, evaluation.access_token[:-1] + "x", "x" * 500, 12):
            self.assertFalse(UserInput._public_admin_from_token(token))
        # A survey answer that is not a dossier's evaluation is not reachable by the suite's page.
        other = UserInput.sudo().create({"survey_id": self.survey.id})
        self.assertFalse(UserInput._public_admin_from_token(other.access_token))

    @mute_logger("odoo.sql_db")
    def test_database_refuses_two_evaluations_of_one_dossier(self):
        dossier = self.returned_dossier()
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["survey.user_input"].sudo().create(
                {"survey_id": self.survey.id, "public_admin_dossier_id": dossier.id}
            )
            self.env.flush_all()

    def test_result_ready_is_not_rated_before_it_is_returned_unless_invited(self):
        dossier = self.finished_dossier()
        self.assertFalse(self.evaluation_of(dossier), "created with the returned result")
        draft = self.create_dossier()
        self.assertFalse(draft.sudo()._public_admin_ensure_evaluation(), "no evaluation before a result")


@tagged("post_install", "-at_install")
class TestEvaluationConcurrency(TransactionCase):
    """Two submissions of one evaluation at the same moment: one wins, the other is refused."""

    @mute_logger("odoo.sql_db")
    def test_two_submissions_at_once_only_one_is_taken(self):
        registry = self.registry
        survey_id = self.env.ref("public_admin_survey.survey_dossier_evaluation").id
        with registry.cursor() as setup_cr:
            user_input = self.env(cr=setup_cr)["survey.user_input"].sudo().create({"survey_id": survey_id})
            input_id = user_input.id
            setup_cr.commit()
        try:
            cr1, cr2 = registry.cursor(), registry.cursor()
            try:
                first = self.env(cr=cr1, su=True)["survey.user_input"].browse(input_id)
                second = self.env(cr=cr2, su=True)["survey.user_input"].browse(input_id)
                first._public_admin_lock()
                outcome = {}

                def take():
                    try:
                        second._public_admin_lock()
                        outcome["taken"] = True
                    except UserError as error:
                        outcome["error"] = str(error)

                thread = threading.Thread(target=take)
                thread.start()
                thread.join(timeout=10)
                self.assertFalse(thread.is_alive(), "the second submission does not wait")
                self.assertIn("being answered", outcome.get("error", ""))
                first._mark_done()
                cr1.commit()
                cr2.rollback()
                with self.assertRaisesRegex(UserError, "already been evaluated"):
                    second._public_admin_lock()
            finally:
                cr1.close()
                cr2.close()
        finally:
            with registry.cursor() as cleanup_cr:
                cleanup_cr.execute("DELETE FROM survey_user_input WHERE id = %s", [input_id])
                cleanup_cr.commit()


@tagged("post_install", "-at_install")
class TestEvaluationNotifications(PublicAdminSurveyCase):
    def assertOneResultNotificationWithLink(self, dossier, sms_text):
        url = dossier.sudo().public_admin_evaluation_url
        self.assertIn("/danh-gia/", url)
        emails = dossier.message_ids.filtered(
            lambda m: m.message_type != "sms" and "Result returned" in (m.subject or "")
        )
        self.assertEqual(len(emails), 1, "one email: the result's, with the link")
        self.assertIn(url, emails.body)
        self.assertIn("Thank you for using our services", emails.body)
        sms = self.env["sms.sms"].sudo().search([("id", ">", self.last_sms)])
        self.assertEqual(len(sms), 1, "one SMS: the result's, with the link")
        self.assertIn(url, sms.body)
        self.assertIn(sms_text, sms.body)

    def test_link_goes_out_with_the_result_by_email_and_sms(self):
        dossier = self.finished_dossier()
        self.last_sms = max(self.env["sms.sms"].sudo().search([]).ids or [0])
        dossier.with_user(self.front_desk).action_return_result()
        self.assertOneResultNotificationWithLink(dossier, "Result returned")

    def test_link_goes_out_with_the_posted_result_too(self):
        dossier = self.finished_dossier()
        self.last_sms = max(self.env["sms.sms"].sudo().search([]).ids or [0])
        dossier.with_user(self.front_desk).action_return_result(method="post", tracking_number="EB123456789VN")
        self.assertOneResultNotificationWithLink(dossier, "tracking number EB123456789VN")

    def test_replayed_history_tells_nobody(self):
        dossier = self.finished_dossier()
        dossier.with_user(self.front_desk).with_context(public_admin_no_notify=True).action_return_result()
        self.assertTrue(self.evaluation_of(dossier), "the evaluation exists")
        url = self.evaluation_of(dossier)._public_admin_url()
        self.assertFalse(any(url in (body or "") for body in dossier.message_ids.mapped("body")))


@tagged("post_install", "-at_install")
class TestNotSatisfiedFollowUp(PublicAdminSurveyCase):
    def test_not_satisfied_opens_an_activity_for_the_manager_with_a_deadline(self):
        dossier = self.returned_dossier()
        self.rate(dossier, "not_satisfied")
        activity = dossier.sudo().activity_ids.filtered(lambda a: "not satisfied" in (a.summary or "").lower())
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group("public_admin_centre.group_centre_manager"))
        self.assertEqual(activity.date_deadline, fields.Date.context_today(dossier) + timedelta(days=3))

    def test_satisfied_opens_nothing(self):
        dossier = self.returned_dossier()
        activities = dossier.sudo().activity_ids
        self.rate(dossier, "satisfied")
        self.assertEqual(dossier.sudo().activity_ids, activities)

    def test_not_satisfied_opens_a_complaint_when_so_configured(self):
        self.env["ir.config_parameter"].sudo().set_param("public_admin_survey.unhappy_follow_up", "complaint")
        dossier = self.returned_dossier()
        activities = dossier.sudo().activity_ids
        self.rate(dossier, "not_satisfied")
        complaint = self.env["public_admin.complaint"].sudo().search([("dossier_id", "=", dossier.id)])
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.channel, "rating")
        self.assertEqual(complaint.category, "other")
        self.assertEqual(dossier.sudo().activity_ids, activities, "a complaint instead of an activity")
        self.assertIn(
            dossier, self.env["public_admin.dossier"].sudo().search(dossier._public_admin_unhappy_dossier_domain())
        )


@tagged("post_install", "-at_install")
class TestKioskInvitation(PublicAdminSurveyCase):
    def test_front_desk_sends_the_evaluation_to_its_counters_kiosk(self):
        dossier = self.returned_dossier()
        self.env["bus.bus"].sudo().search([]).unlink()
        action = dossier.with_user(self.front_desk).action_invite_evaluation()
        self.assertEqual(action["params"]["type"], "success")
        self.env.cr.precommit.run()  # the bus stores its notifications on commit
        evaluation = self.evaluation_of(dossier)
        self.assertEqual(evaluation.public_admin_kiosk_id, self.kiosk)
        notification = self.env["bus.bus"].sudo().search([])
        self.assertEqual(len(notification), 1)
        self.assertIn(self.kiosk_token, notification.channel, "on the kiosk's own channel")
        self.assertNotIn(evaluation.access_token, notification.message, "the evaluation's token stays home")
        self.assertEqual(self.env["survey.user_input"]._public_admin_kiosk_pending(self.kiosk), evaluation)
        # Answered on the kiosk: recorded with the device, and no longer pending.
        self.rate(dossier, "very_satisfied", device=self.kiosk)
        self.assertEqual(evaluation.public_admin_device_id, self.kiosk)
        self.assertEqual(evaluation.public_admin_channel, "kiosk")
        self.assertFalse(self.env["survey.user_input"]._public_admin_kiosk_pending(self.kiosk))

    def test_a_new_invitation_replaces_the_previous_one(self):
        first = self.returned_dossier()
        second = self.returned_dossier()
        first.with_user(self.front_desk).action_invite_evaluation()
        second.with_user(self.front_desk).action_invite_evaluation()
        self.assertEqual(
            self.env["survey.user_input"]._public_admin_kiosk_pending(self.kiosk), self.evaluation_of(second)
        )
        self.assertFalse(self.evaluation_of(first).public_admin_kiosk_id)

    def test_invitation_is_refused_clearly(self):
        dossier = self.returned_dossier()
        with self.assertRaises(AccessError):
            dossier.with_user(self.officer_construction).action_invite_evaluation()
        self.front_desk.sudo().public_admin_counter_id = self.other_counter
        with self.assertRaisesRegex(UserError, "has no satisfaction kiosk"):
            dossier.with_user(self.front_desk).action_invite_evaluation()
        self.front_desk.sudo().public_admin_counter_id = False
        with self.assertRaisesRegex(UserError, "not seated at a counter"):
            dossier.with_user(self.front_desk).action_invite_evaluation()
        self.front_desk.sudo().public_admin_counter_id = self.counter
        running = self.received_dossier()
        with self.assertRaisesRegex(UserError, "once its result is ready"):
            running.with_user(self.front_desk).action_invite_evaluation()
        self.rate(dossier, "satisfied")
        with self.assertRaisesRegex(UserError, "already been evaluated"):
            dossier.with_user(self.front_desk).action_invite_evaluation()

    def test_revoked_kiosk_shows_nothing(self):
        dossier = self.returned_dossier()
        dossier.with_user(self.front_desk).action_invite_evaluation()
        Device = self.env["public_admin.device"]
        self.assertEqual(Device._from_token(self.kiosk_token, "satisfaction_kiosk"), self.kiosk)
        self.kiosk.with_user(self.manager).active = False
        self.assertFalse(Device._from_token(self.kiosk_token, "satisfaction_kiosk"))


@tagged("post_install", "-at_install")
class TestSatisfactionIndices(PublicAdminSurveyCase):
    """The indices against figures worked out by hand.

    Four dossiers returned at counter 3 by the front desk; the officers' steps are all done by
    the manager in these fixtures, so the officer rows are the front desk's and the manager's.
    Ratings: very satisfied, satisfied, satisfied, not satisfied; a fifth evaluation is offered
    and not answered.
    - satisfaction rate = 3/4 = 75%; average score = (3 + 2 + 2 + 1) / 4 = 2.0
    - response rate = 4/5 = 80%
    - criterion “attitude” answered twice (very satisfied, not satisfied): 50%, score 2.0
    """

    def setUp(self):
        super().setUp()
        self.dossiers = [self.returned_dossier() for _i in range(5)]
        self.rate(self.dossiers[0], "very_satisfied", attitude="very_satisfied")
        self.rate(self.dossiers[1], "satisfied")
        self.rate(self.dossiers[2], "satisfied")
        self.rate(self.dossiers[3], "not_satisfied", attitude="not_satisfied")

    def test_satisfaction_rate_and_score_by_agency_officer_and_counter(self):
        Attribution = self.env["public_admin.survey.attribution"].with_user(self.manager)
        by_agency = Attribution._indices("agency", "agency_id", [("agency_id", "in", self.construction.ids)])
        self.assertEqual(by_agency[self.construction]["count"], 4)
        self.assertAlmostEqual(by_agency[self.construction]["satisfied_rate"], 75.0)
        self.assertAlmostEqual(by_agency[self.construction]["score"], 2.0)
        by_counter = Attribution._indices("counter", "counter_id", [("counter_id", "=", self.counter.id)])
        self.assertAlmostEqual(by_counter[self.counter]["satisfied_rate"], 75.0)
        by_officer = Attribution._indices("officer", "user_id", [("user_id", "=", self.front_desk.id)])
        self.assertEqual(by_officer[self.front_desk]["count"], 4)
        self.assertAlmostEqual(by_officer[self.front_desk]["score"], 2.0)
        by_procedure = Attribution._indices("agency", "procedure_id", [("procedure_id", "=", self.procedure.id)])
        # Three agencies handled each dossier: the rate per procedure is the same, counted per agency row.
        self.assertAlmostEqual(by_procedure[self.procedure]["satisfied_rate"], 75.0)

    def test_per_criterion_results_and_response_rate(self):
        Line = self.env["survey.user_input.line"].with_user(self.manager)
        domain = [("public_admin_dossier_id", "in", [d.id for d in self.dossiers]), ("public_admin_level", "!=", False)]
        groups = dict(
            (question, (count, rate, score))
            for question, count, rate, score in Line._read_group(
                domain, ["question_id"], ["__count", "public_admin_satisfied_rate:avg", "public_admin_score:avg"]
            )
        )
        self.assertEqual(groups[self.q_attitude], (2, 50.0, 2.0))
        self.assertEqual(groups[self.q_overall], (4, 75.0, 2.0))
        UserInput = self.env["survey.user_input"].with_user(self.manager)
        [(rate,)] = UserInput._read_group(
            [("public_admin_dossier_id", "in", [d.id for d in self.dossiers])], [], ["public_admin_answered_rate:avg"]
        )
        self.assertAlmostEqual(rate, 80.0)

    def test_indicator_5_4_adds_the_late_and_the_unhappy_shares(self):
        """Five dossiers finished today; dossier 3 is unhappy, dossiers 3 and 4 are late: the
        national formula adds the shares, 100% − 2/5 late − 1/5 unhappy → R = 2/5; the self-score
        gives min(6, 6 × 0.4 / 0.9) = 2.67 points."""
        for dossier in self.dossiers[3:]:
            dossier.sudo().write({"timeliness": "late"})
        self.env.flush_all()
        today = fields.Date.context_today(self.env.user)
        start = datetime.combine(today, datetime.min.time()) - timedelta(hours=7)
        period = types.SimpleNamespace(
            date_from=today,
            date_to=today,
            start_utc=start - timedelta(days=1),
            end_utc=start + timedelta(days=2),
            agencies=self.construction,
        )
        result = self.env["public_admin.dossier"].with_user(self.manager)._indicator_5_4(period)
        self.assertEqual((result["numerator"], result["denominator"]), (2, 5))
        model, lost_domain = result["lost_action"]
        self.assertEqual(model, "public_admin.dossier")
        lost = self.env["public_admin.dossier"].search(lost_domain)
        self.assertEqual(lost, self.dossiers[3] | self.dossiers[4])
        good = self.env["public_admin.dossier"].search(result["numerator_action"][1])
        self.assertEqual(good, self.dossiers[0] | self.dossiers[1] | self.dossiers[2])
        unhappy = self.env["public_admin.dossier"].search(
            self.env["public_admin.dossier"]._public_admin_unhappy_dossier_domain()
            + [("id", "in", [d.id for d in self.dossiers])]
        )
        self.assertEqual(unhappy, self.dossiers[3])
        # Nothing finished in the period: no figure.
        empty = types.SimpleNamespace(**dict(vars(period), agencies=self.health))
        self.assertIsNone(self.env["public_admin.dossier"]._indicator_5_4(empty))
        # The centre's engine scores it through this addon.
        engine = self.env["public_admin.indicator.engine"].with_user(self.manager)
        evaluated = engine._evaluate(self.env.ref("public_admin_centre.indicator_5_4"), period)
        self.assertTrue(evaluated["measured"])
        self.assertAlmostEqual(evaluated["score"], 6 * 0.4 / 0.9, places=4)
        self.assertAlmostEqual(evaluated["points_lost"], 6 - 6 * 0.4 / 0.9, places=4)
        no_complaints = engine._evaluate(self.env.ref("public_admin_centre.indicator_5_2"), empty)
        self.assertEqual((no_complaints["measured"], no_complaints["score"]), (True, 6), "none due: full points")


@tagged("post_install", "-at_install")
class TestDemoEvaluations(PublicAdminSurveyCase):
    def test_demo_answers_returned_dossiers_on_the_day_and_only_once(self):
        dossiers = [self.returned_dossier() for _i in range(4)]
        # A result returned 45 days ago: answered on the day, its link expired since.
        long_ago = fields.Datetime.now() - timedelta(days=45)
        dossiers[0].sudo().write({"date_returned": long_ago})
        Loader = self.env["public_admin.survey.demo.loader"]
        answered = Loader._load_demo_evaluations(share=1.0)
        self.assertGreaterEqual(answered, 4)
        for dossier in dossiers:
            evaluation = self.evaluation_of(dossier)
            self.assertEqual(evaluation.state, "done")
            self.assertTrue(evaluation.public_admin_rating)
            self.assertLessEqual(evaluation.public_admin_date_answered, fields.Datetime.now())
            self.assertTrue(evaluation.public_admin_attribution_ids)
        # Returned at counter 3, which has a kiosk: most answers were taken there.
        devices = {self.evaluation_of(d).public_admin_device_id for d in dossiers}
        self.assertIn(self.kiosk, devices)
        old = self.evaluation_of(dossiers[0])
        self.assertLess(old.public_admin_date_answered, long_ago + timedelta(days=1))
        self.assertLess(old.deadline, fields.Datetime.now())
        self.assertEqual(Loader._load_demo_evaluations(share=1.0), 0, "answered once")


@tagged("post_install", "-at_install")
class TestSatisfactionExcel(PublicAdminSurveyCase):
    def test_manager_exports_the_indices_to_excel(self):
        dossiers = [self.returned_dossier() for _i in range(4)]
        for dossier, level in zip(dossiers, ["very_satisfied", "satisfied", "satisfied", "not_satisfied"], strict=True):
            self.rate(dossier, level, attitude=level)
        rows = (
            self.env["public_admin.survey.attribution"]
            .with_user(self.manager)
            .search([("dossier_id", "in", [d.id for d in dossiers])])
        )
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            ._render_xlsx("public_admin_survey.public_admin_satisfaction_report_xlsx", rows.ids, {})
        )
        self.assertEqual(kind, "xlsx")
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        by_agency = {row[0]: row[1:] for row in workbook["Theo cơ quan"].iter_rows(min_row=2, values_only=True)}
        self.assertEqual(by_agency[self.construction.display_name], (4, 1, 2, 1, 75.0, 2.0))
        by_officer = {row[0]: row[1:] for row in workbook["Theo cán bộ"].iter_rows(min_row=2, values_only=True)}
        self.assertEqual(by_officer[self.front_desk.display_name][0], 4)
        criteria = {row[0]: row[1:] for row in workbook["Theo tiêu chí"].iter_rows(min_row=2, values_only=True)}
        self.assertEqual(criteria[self.q_attitude.title], (1, 2, 1, 75.0))


@tagged("post_install", "-at_install")
class TestEvaluationSlip(PublicAdminSurveyCase):
    def test_front_desk_prints_the_qr_of_the_evaluation_link(self):
        dossier = self.returned_dossier()
        Slip = self.env["report.public_admin_survey.report_evaluation_slip"].with_user(self.front_desk)
        values = Slip._get_report_values(dossier.ids)
        url = self.evaluation_of(dossier)._public_admin_url()
        self.assertEqual(values["slips"][0]["url"], url)
        self.assertTrue(base64.b64decode(values["slips"][0]["qr"]).startswith(b"\x89PNG"))
        html = self.env["ir.actions.report"]._render_qweb_html(
            "public_admin_survey.public_admin_dossier_report_evaluation_slip", dossier.ids
        )[0]
        self.assertIn(url.encode(), html)
        # An officer of an agency the dossier never reached cannot print it; a rated dossier has no slip.
        with self.assertRaises(AccessError):
            Slip.with_user(self.officer_health)._get_report_values(dossier.ids)
        self.rate(dossier, "satisfied")
        with self.assertRaisesRegex(UserError, "no evaluation open"):
            Slip._get_report_values(dossier.ids)
