import json
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.public_admin_centre.tests.test_portal import PublicAdminPortalCase

from .common import PublicAdminSurveyCommon

# The complaint pages of this addon have their own matrix (test_complaint_access.py).
EVALUATION_CONTROLLERS = {f"odoo.addons.public_admin_survey.controllers.{name}" for name in ("evaluation", "kiosk")}
MODULE = "public_admin_survey"


class PublicAdminSurveyHttpCase(PublicAdminSurveyCommon, PublicAdminPortalCase):
    # The citizens' pages in their default language.
    page_lang = "vi_VN"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_survey_data_after_portal()

    @classmethod
    def setup_survey_data_after_portal(cls):
        Counter = cls.env["public_admin.counter"].with_user(cls.manager)
        cls.counter = Counter.create(
            {"reception_centre_id": cls.centre.id, "number": 3, "name": "Quầy 3 – Trả kết quả"}
        )
        cls.front_desk.with_user(cls.front_desk).write({"public_admin_counter_id": cls.counter.id})
        cls.kiosk = (
            cls.env["public_admin.device"]
            .with_user(cls.manager)
            .create(
                {
                    "name": "Máy tính bảng quầy 3",
                    "kind": "satisfaction_kiosk",
                    "reception_centre_id": cls.centre.id,
                    "counter_id": cls.counter.id,
                }
            )
        )
        cls.kiosk_token = cls.kiosk.sudo().access_token
        cls.survey = cls.env.ref("public_admin_survey.survey_dossier_evaluation")
        cls.q_overall = cls.env.ref("public_admin_survey.survey_question_overall")
        cls.q_attitude = cls.env.ref("public_admin_survey.survey_question_attitude")
        cls.q_comment = cls.env.ref("public_admin_survey.survey_question_comment")

    def post_answers(self, token, answers):
        data = {f"q_{question_id}": value for question_id, value in answers.items()}
        data["csrf_token"] = self.csrf()
        return self.url_open(f"/danh-gia/{token}", data=data, allow_redirects=False)


@tagged("post_install", "-at_install")
class TestEvaluationPage(PublicAdminSurveyHttpCase):
    """The citizen's own link: answer once, with messages in Vietnamese."""

    def setUp(self):
        super().setUp()
        self.dossier = self.returned_dossier()
        self.evaluation = self.evaluation_of(self.dossier)
        self.token = self.evaluation.access_token
        self.authenticate(None, None)

    def test_citizen_answers_once_by_the_link(self):
        page = self.url_open(f"/danh-gia/{self.token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Rất hài lòng", page.text)
        self.assertIn("Thái độ", page.text)
        self.assertIn(self.dossier.name, page.text)
        self.assertNotIn(self.applicant.mobile, page.text)
        overall = self.answer(self.q_overall, "very_satisfied")
        response = self.post_answers(self.token, {self.q_overall.id: overall.id, self.q_comment.id: "Cán bộ tận tình"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Cảm ơn", response.text)
        self.evaluation.invalidate_recordset()
        self.assertEqual(self.evaluation.state, "done")
        self.assertEqual(self.evaluation.public_admin_channel, "link")
        self.assertIn("Cán bộ tận tình", self.evaluation.user_input_line_ids.filtered("value_text_box").value_text_box)
        # Replayed: refused with a message, nothing changes.
        lines = self.evaluation.user_input_line_ids
        again = self.post_answers(self.token, {self.q_overall.id: self.answer(self.q_overall, "not_satisfied").id})
        self.assertEqual(again.status_code, 400)
        self.assertIn("đã được đánh giá", again.text)
        self.evaluation.invalidate_recordset()
        self.assertEqual(self.evaluation.user_input_line_ids, lines)
        self.assertEqual(self.url_open(f"/danh-gia/{self.token}").status_code, 400)

    def test_missing_mandatory_answer_is_explained_and_stores_nothing(self):
        attitude = self.answer(self.q_attitude, "satisfied")
        response = self.post_answers(self.token, {self.q_attitude.id: attitude.id})
        self.assertEqual(response.status_code, 400)
        self.assertIn("Vui lòng trả lời", response.text)
        self.evaluation.invalidate_recordset()
        self.assertEqual(self.evaluation.state, "new")
        self.assertFalse(self.evaluation.user_input_line_ids)

    def test_wrong_and_expired_links_are_refused(self):
        wrong = self.url_open(f"/danh-gia/{self.token[:-2]}zz")
        self.assertEqual(wrong.status_code, 404)
        self.assertIn("không hợp lệ", wrong.text)
        self.assertNotIn(self.dossier.name, wrong.text)
        self.evaluation.sudo().deadline = fields.Datetime.now() - timedelta(days=1)
        expired = self.url_open(f"/danh-gia/{self.token}")
        self.assertEqual(expired.status_code, 400)
        self.assertIn("đã hết hạn", expired.text)
        response = self.post_answers(self.token, {self.q_overall.id: self.answer(self.q_overall, "satisfied").id})
        self.assertEqual(response.status_code, 400)
        self.evaluation.invalidate_recordset()
        self.assertFalse(self.evaluation.user_input_line_ids)

    def test_portal_page_offers_the_evaluation_to_the_applicant(self):
        self.authenticate("citizen_an", "citizen_an")
        page = self.url_open(f"/my/dossiers/{self.dossier.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(f"/danh-gia/{self.token}", page.text)


@tagged("post_install", "-at_install")
class TestSurveyAccessMatrix(PublicAdminSurveyHttpCase):
    """Every route of this addon × every role: the tokens are the only credentials; a wrong or
    revoked kiosk token shows nothing."""

    ROUTES = {
        "/danh-gia/<string:token>",
        "/kiosk/danh-gia/<string:token>",
        "/kiosk/danh-gia/<string:token>/pending",
        "/kiosk/danh-gia/<string:token>/submit",
        "/kiosk/danh-gia/<string:token>/dismiss",
    }

    def our_routes(self):
        routes = set()
        for rule in self.env["ir.http"].routing_map().iter_rules():
            func = getattr(rule.endpoint, "func", None)
            owner = getattr(func, "__self__", None)
            if owner is None:
                continue
            if any(
                func.__name__ in vars(klass) and klass.__module__ in EVALUATION_CONTROLLERS
                for klass in type(owner).__mro__
            ):
                routes.add(rule.rule)
        return routes

    def json(self, url, **params):
        response = self.url_open(
            url,
            data=json.dumps({"jsonrpc": "2.0", "method": "call", "params": params}),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200)
        return response.json()["result"]

    def test_every_route_by_role(self):
        self.assertEqual(self.our_routes(), self.ROUTES, "new routes need rows in this matrix")
        dossier = self.returned_dossier()
        evaluation = self.evaluation_of(dossier)
        dossier.with_user(self.front_desk).action_invite_evaluation()
        roles = {
            "anonymous": None,
            "applicant": self.citizen,
            "other_portal": self.other_citizen,
            "front_desk": self.front_desk,
            "officer": self.officer_construction,
            "manager": self.manager,
        }
        revoked = (
            self.env["public_admin.device"]
            .sudo()
            .create(
                {
                    "name": "Máy cũ",
                    "kind": "satisfaction_kiosk",
                    "reception_centre_id": self.centre.id,
                    "counter_id": self.counter.id,
                    "active": False,
                }
            )
        )
        revoked_token = revoked.access_token
        for role, user in roles.items():
            with self.subTest(role=role):
                if user:
                    self.authenticate(user.login, user.login)
                else:
                    self.authenticate(None, None)
                # The citizen's link: public by design, by its token only.
                self.assertEqual(self.url_open(f"/danh-gia/{evaluation.access_token}").status_code, 200)
                self.assertEqual(self.url_open("/danh-gia/not-a-token").status_code, 404)
                # The kiosk: its page and its calls answer for its token only.
                page = self.url_open(f"/kiosk/danh-gia/{self.kiosk_token}")
                self.assertEqual(page.status_code, 200)
                self.assertIn("o_pa_kiosk", page.text)
                pending = self.json(f"/kiosk/danh-gia/{self.kiosk_token}/pending")
                self.assertEqual(pending["evaluation"]["id"], evaluation.id)
                self.assertNotIn(evaluation.access_token, str(pending))
                self.assertNotIn(self.applicant.name, str(pending))
                for token in ("wrong-token", revoked_token, evaluation.access_token):
                    response = self.url_open(f"/kiosk/danh-gia/{token}")
                    self.assertEqual(response.status_code, 404)
                    self.assertNotIn(dossier.name, response.text)
                    for call in ("pending", "submit", "dismiss"):
                        result = self.json(f"/kiosk/danh-gia/{token}/{call}", evaluation_id=evaluation.id)
                        self.assertEqual(result, {"error": "not_found"})
        # Nobody's visit changed the evaluation.
        evaluation.invalidate_recordset()
        self.assertEqual(evaluation.state, "new")
        self.assertEqual(evaluation.public_admin_kiosk_id, self.kiosk)

    def test_kiosk_answers_only_the_evaluation_it_was_invited_to_show(self):
        first = self.returned_dossier()
        second = self.returned_dossier()
        first.with_user(self.front_desk).action_invite_evaluation()
        self.authenticate(None, None)
        overall = self.answer(self.q_overall, "satisfied")
        other = self.json(
            f"/kiosk/danh-gia/{self.kiosk_token}/submit",
            evaluation_id=self.evaluation_of(second).id,
            answers={str(self.q_overall.id): overall.id},
        )
        self.assertIn("error", other)
        self.assertEqual(self.evaluation_of(second).state, "new")
        missing = self.json(
            f"/kiosk/danh-gia/{self.kiosk_token}/submit", evaluation_id=self.evaluation_of(first).id, answers={}
        )
        self.assertIn("error", missing)
        done = self.json(
            f"/kiosk/danh-gia/{self.kiosk_token}/submit",
            evaluation_id=self.evaluation_of(first).id,
            answers={str(self.q_overall.id): overall.id},
        )
        self.assertEqual(done, {"done": True})
        evaluation = self.evaluation_of(first)
        self.assertEqual(evaluation.public_admin_device_id, self.kiosk)
        replay = self.json(
            f"/kiosk/danh-gia/{self.kiosk_token}/submit",
            evaluation_id=evaluation.id,
            answers={str(self.q_overall.id): overall.id},
        )
        self.assertIn("error", replay)
        self.assertFalse(self.json(f"/kiosk/danh-gia/{self.kiosk_token}/pending")["evaluation"])

    def test_kiosk_left_idle_withdraws_the_invitation_but_not_the_link(self):
        dossier = self.returned_dossier()
        dossier.with_user(self.front_desk).action_invite_evaluation()
        evaluation = self.evaluation_of(dossier)
        self.authenticate(None, None)
        # The kiosk's inactivity timer: the citizen walked away without answering.
        self.assertEqual(
            self.json(f"/kiosk/danh-gia/{self.kiosk_token}/dismiss", evaluation_id=evaluation.id), {"done": True}
        )
        self.assertFalse(self.json(f"/kiosk/danh-gia/{self.kiosk_token}/pending")["evaluation"])
        evaluation.invalidate_recordset()
        self.assertFalse(evaluation.public_admin_kiosk_id)
        # The next person at the kiosk cannot answer it; the applicant still can by the link.
        overall = self.answer(self.q_overall, "satisfied")
        refused = self.json(
            f"/kiosk/danh-gia/{self.kiosk_token}/submit",
            evaluation_id=evaluation.id,
            answers={str(self.q_overall.id): overall.id},
        )
        self.assertIn("error", refused)
        self.assertEqual(self.url_open(f"/danh-gia/{evaluation.access_token}").status_code, 200)


@tagged("post_install", "-at_install")
class TestKioskTour(PublicAdminSurveyHttpCase):
    """In a real browser: the front desk invites from the dossier, the citizen answers on the
    kiosk, the kiosk resets and the next visitor sees nothing of the answer."""

    def test_front_desk_invites_and_citizen_answers_on_the_kiosk(self):
        dossier = self.returned_dossier()
        self.start_tour(
            f"/odoo/action-public_admin_centre.public_admin_dossier_action/{dossier.id}",
            "public_admin_survey_invite_tour",
            login="pa_front_desk",
        )
        evaluation = self.evaluation_of(dossier)
        self.assertEqual(evaluation.public_admin_kiosk_id, self.kiosk)
        self.start_tour(f"/kiosk/danh-gia/{self.kiosk_token}", "public_admin_survey_kiosk_tour", login=None)
        evaluation.invalidate_recordset()
        self.assertEqual(evaluation.state, "done")
        self.assertEqual(evaluation.public_admin_device_id, self.kiosk)
        self.assertEqual(evaluation.public_admin_rating, "very_satisfied")
        self.assertEqual(dossier.public_admin_rating, "very_satisfied")
        # The next visitor: the kiosk is idle and has nothing to show.
        self.start_tour(f"/kiosk/danh-gia/{self.kiosk_token}", "public_admin_survey_kiosk_idle_tour", login=None)
