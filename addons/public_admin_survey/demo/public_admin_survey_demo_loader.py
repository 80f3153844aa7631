"""Demo answers to the dossier evaluation, so that the satisfaction indices are not empty."""

import logging
import random
from datetime import timedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

# Mostly satisfied, a few not: the shares of a city centre that reports 99% satisfied or better
# would leave nothing to follow up in a demo; these leave a handful.
OVERALL_WEIGHTS = {"very_satisfied": 62, "satisfied": 33, "not_satisfied": 5}
ANSWERED_SHARE = 0.7


class PublicAdminSurveyDemoLoader(models.AbstractModel):
    _name = "public_admin.survey.demo.loader"
    _description = "Demo data of the satisfaction evaluation"

    @api.model
    def _load_demo_evaluations(self, seed=2025, share=ANSWERED_SHARE):
        """Answer the evaluations of a share of the returned demo dossiers, at the counter's
        kiosk or by the link, on the day the result was returned (each answered once: running
        it again leaves the answered ones alone)."""
        env = self.env(su=True)
        if env["res.lang"].search_count([("code", "=", "vi_VN")]):
            env = env(context=dict(env.context, lang="vi_VN"))
        env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True, public_admin_no_notify=True))
        rng = random.Random(seed)
        dossiers = env["public_admin.dossier"].search([("state", "=", "returned")], order="id")
        kiosks = env["public_admin.device"].search([("kind", "=", "satisfaction_kiosk")])
        kiosk_of = {kiosk.counter_id.id: kiosk for kiosk in kiosks}
        answered = 0
        for dossier in dossiers:
            evaluation = dossier._public_admin_ensure_evaluation()
            if not evaluation or evaluation.state == "done":
                continue
            returned = dossier.date_returned or fields.Datetime.now()
            # Offered when the result was returned, valid 30 days from then (set once answered:
            # the answer of a result returned long ago was given on the day, in time).
            deadline = returned + timedelta(days=30)
            when = min(returned + timedelta(minutes=rng.randint(1, 600)), fields.Datetime.now())
            if rng.random() > share:
                evaluation.write({"deadline": deadline})
                continue
            overall_level = rng.choices(list(OVERALL_WEIGHTS), weights=list(OVERALL_WEIGHTS.values()))[0]
            answers = {}
            for question in evaluation._public_admin_questions():
                if question.public_admin_role == "overall":
                    level = overall_level
                elif question.public_admin_role == "criterion":
                    if rng.random() < 0.3:
                        continue  # criteria are optional: many skip some
                    level = overall_level if rng.random() < 0.7 else rng.choice(list(OVERALL_WEIGHTS))
                else:
                    if overall_level == "not_satisfied":
                        answers[question.id] = "Phải đi lại nhiều lần, hẹn trả kết quả bị chậm."
                    continue
                answer = question.suggested_answer_ids.filtered(lambda a, level=level: a.public_admin_level == level)
                if answer:
                    answers[question.id] = answer[0].id
            kiosk = dossier.return_method == "counter" and kiosk_of.get(dossier.return_counter_id.id)
            device = kiosk if kiosk and rng.random() < 0.8 else None
            evaluation._public_admin_submit(answers, device=device)
            # Answered on the day, not at the loading time.
            evaluation.write({"public_admin_date_answered": when, "end_datetime": when, "deadline": deadline})
            evaluation.public_admin_attribution_ids.write({"date_answered": when})
            answered += 1
        _logger.info("Demo evaluations: %s answered of %s returned dossiers", answered, len(dossiers))
        return answered
