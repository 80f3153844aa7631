from odoo.addons.public_admin_centre.tests.common import PublicAdminCommon


class PublicAdminSurveyCommon(PublicAdminCommon):
    """A counter with its satisfaction kiosk, the front desk seated there, and helpers that take
    a dossier to its returned result the way the officers do."""

    @classmethod
    def setup_survey_data(cls):
        cls.setup_public_admin_data()
        cls.counter = (
            cls.env["public_admin.counter"]
            .with_user(cls.manager)
            .create({"reception_centre_id": cls.centre.id, "number": 3, "name": "Quầy 3 – Trả kết quả"})
        )
        cls.other_counter = (
            cls.env["public_admin.counter"]
            .with_user(cls.manager)
            .create({"reception_centre_id": cls.centre.id, "number": 4, "name": "Quầy 4"})
        )
        # The officer picks the counter from their own preferences.
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

    @classmethod
    def answer(cls, question, level):
        return question.suggested_answer_ids.filtered(lambda a: a.public_admin_level == level)

    def finished_dossier(self, procedure=None):
        dossier = self.received_dossier(**({"procedure_id": procedure.id} if procedure else {}))
        while dossier.state != "done":
            dossier.with_user(self.manager).action_start_step()
            dossier.with_user(self.manager).action_finish_step()
        return dossier

    def returned_dossier(self, procedure=None):
        dossier = self.finished_dossier(procedure)
        dossier.with_user(self.front_desk).action_return_result()
        return dossier

    def evaluation_of(self, dossier):
        return self.env["survey.user_input"].sudo().search([("public_admin_dossier_id", "=", dossier.id)])

    def rate(self, dossier, level, attitude=None, device=None):
        answers = {self.q_overall.id: self.answer(self.q_overall, level).id}
        if attitude:
            answers[self.q_attitude.id] = self.answer(self.q_attitude, attitude).id
        evaluation = self.evaluation_of(dossier)
        evaluation._public_admin_submit(answers, device=device)
        return evaluation
