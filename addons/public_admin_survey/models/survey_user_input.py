import logging
from datetime import timedelta

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, consteq

from .survey_question import LEVEL_POINTS, LEVELS

_logger = logging.getLogger(__name__)

# How long a kiosk keeps showing an invitation nobody answered (the citizen walked away).
KIOSK_INVITATION_MINUTES = 10
MAX_COMMENT = 2000


class SurveyUserInput(models.Model):
    """The evaluation of one dossier: a ``survey.user_input`` of the centre's questionnaire.

    It is created by the suite when the result is returned, with its own unguessable token (the
    survey's ``access_token``) and an expiry (``deadline``). Citizens answer it on the suite's own
    page (link, portal, QR of the slip) or on the counter's kiosk, never through Odoo's public
    survey flow: that flow lets anyone with the survey's link start new answers and reopens an
    answer on a shared device (odoo/odoo#169575). The database holds at most one evaluation per
    dossier, and an answer is taken once: the submission locks the row and refuses an evaluation
    that is already done.
    """

    _inherit = "survey.user_input"

    public_admin_dossier_id = fields.Many2one(
        "public_admin.dossier", string="Dossier", readonly=True, index="btree_not_null", ondelete="restrict"
    )
    public_admin_procedure_id = fields.Many2one(
        related="public_admin_dossier_id.procedure_id", store=True, string="Procedure"
    )
    public_admin_counter_id = fields.Many2one(
        "public_admin.counter", string="Counter", readonly=True, help="The counter that returned the result."
    )
    public_admin_agency_ids = fields.Many2many(
        "public_admin.agency",
        "public_admin_survey_input_agency_rel",
        "user_input_id",
        "agency_id",
        string="Agencies that handled the dossier",
        readonly=True,
    )
    public_admin_user_ids = fields.Many2many(
        "res.users",
        "public_admin_survey_input_user_rel",
        "user_input_id",
        "user_id",
        string="Officers who handled the dossier",
        readonly=True,
    )
    public_admin_channel = fields.Selection(
        [("link", "Link (email, SMS, portal, QR)"), ("kiosk", "Counter kiosk")],
        string="Answered through",
        readonly=True,
    )
    public_admin_device_id = fields.Many2one(
        "public_admin.device", string="Answered on kiosk", readonly=True, ondelete="set null"
    )
    public_admin_kiosk_id = fields.Many2one(
        "public_admin.device", string="Invited on kiosk", readonly=True, ondelete="set null", index="btree_not_null"
    )
    public_admin_kiosk_invited_at = fields.Datetime(string="Invited on kiosk at", readonly=True)
    public_admin_rating = fields.Selection(LEVELS, string="Overall rating", readonly=True, index=True)
    public_admin_score = fields.Float(string="Average score (1-3)", readonly=True, aggregator="avg")
    public_admin_date_answered = fields.Datetime(string="Answered on", readonly=True, index=True)
    public_admin_answered_rate = fields.Float(
        compute="_compute_public_admin_answered_rate",
        store=True,
        string="Response rate (%)",
        aggregator="avg",
        help="100 for an answered evaluation, 0 otherwise: its average is the response rate.",
    )
    public_admin_attribution_ids = fields.One2many(
        "public_admin.survey.attribution", "user_input_id", string="Attributions", readonly=True
    )

    _sql_constraints = [
        (
            "public_admin_dossier_unique",
            "UNIQUE(public_admin_dossier_id)",
            "A dossier has one evaluation only.",
        ),
    ]

    @api.depends("state", "public_admin_dossier_id")
    def _compute_public_admin_answered_rate(self):
        for user_input in self:
            user_input.public_admin_answered_rate = 100.0 if user_input.state == "done" else 0.0

    # ------------------------------------------------------------------ look-up
    @api.model
    def _public_admin_from_token(self, token):
        """The dossier evaluation with this token, or an empty recordset.

        The token is the citizen's only credential (login-free link): looked up as superuser,
        compared in constant time, and only among dossier evaluations.
        """
        if not token or not isinstance(token, str) or len(token) > 64:
            return self.browse()
        user_input = self.sudo().search(
            [("access_token", "=", token), ("public_admin_dossier_id", "!=", False)], limit=1
        )
        if not user_input or not consteq(user_input.access_token, token):
            return self.browse()
        return user_input

    def _public_admin_url(self):
        self.ensure_one()
        return f"{self.get_base_url()}/danh-gia/{self.sudo().access_token}"

    def _public_admin_is_expired(self):
        self.ensure_one()
        return bool(self.deadline and self.deadline < fields.Datetime.now())

    def _public_admin_refusal(self):
        """Why this evaluation cannot be answered now (a translated sentence), or None."""
        self.ensure_one()
        if self.state == "done":
            return self.env._("This dossier has already been evaluated. Thank you.")
        if self._public_admin_is_expired():
            return self.env._("This evaluation link has expired.")
        return None

    def _public_admin_questions(self):
        """The questions of the questionnaire the page shows, in order (pages are headings only)."""
        self.ensure_one()
        return self.survey_id.question_ids.filtered(
            lambda q: q.question_type in ("simple_choice", "char_box", "text_box")
        ).sorted(lambda q: (q.sequence, q.id))

    # ------------------------------------------------------------------ answer
    def _public_admin_lock(self):
        """Take this evaluation for the current transaction, or refuse it.

        ``FOR UPDATE NOWAIT``: a second submission of the same evaluation at the same moment
        (double tap, replay, two devices) fails at once instead of waiting, and one that comes
        after the first committed finds it done.
        """
        self.ensure_one()
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT state FROM survey_user_input WHERE id = %s FOR UPDATE NOWAIT",
                    self.id,
                )
            )
        except psycopg2.errors.LockNotAvailable as exc:
            raise UserError(self.env._("This evaluation is being answered already.")) from exc
        row = self.env.cr.fetchone()
        self.invalidate_recordset(["state"])
        if not row or row[0] == "done":
            raise UserError(self.env._("This dossier has already been evaluated. Thank you."))

    def _public_admin_parse_answers(self, answers):
        """Check ``answers`` ({question id: answer id or text}) against the questionnaire.

        Returns ``[(question, value)]``; raises UserError naming what is wrong, before anything
        is stored.
        """
        self.ensure_one()
        parsed = []
        missing = []
        for question in self._public_admin_questions():
            raw = answers.get(question.id, answers.get(str(question.id)))
            if question.question_type == "simple_choice":
                value = question.suggested_answer_ids.browse()
                if raw not in (None, "", False):
                    try:
                        answer_id = int(raw)
                    except (TypeError, ValueError):
                        answer_id = 0
                    value = question.suggested_answer_ids.filtered(lambda a, answer_id=answer_id: a.id == answer_id)
                    if not value:
                        raise UserError(
                            self.env._(
                                "The answer to “%(question)s” is not one of its choices.", question=question.title
                            )
                        )
            else:
                value = (raw if isinstance(raw, str) else "").strip()
                if len(value) > MAX_COMMENT:
                    raise UserError(
                        self.env._("Your comment is too long (at most %(max)s characters).", max=MAX_COMMENT)
                    )
            if question.constr_mandatory and not value:
                missing.append(question.title)
            parsed.append((question, value))
        if missing:
            raise UserError(self.env._("Please answer these questions: %(questions)s.", questions="; ".join(missing)))
        if not any(value for _question, value in parsed):
            raise UserError(self.env._("Please answer at least one question."))
        return parsed

    def _public_admin_submit(self, answers, device=None):
        """Save the citizen's answers and close the evaluation (called as superuser by the pages,
        after the token or kiosk check)."""
        self.ensure_one()
        refusal = self._public_admin_refusal()
        if refusal:
            raise UserError(refusal)
        parsed = self._public_admin_parse_answers(answers)
        self._public_admin_lock()
        for question, value in parsed:
            if question.question_type == "simple_choice":
                self._save_lines(question, value.id if value else False)
            else:
                self._save_lines(question, value or False)
        overall = self.user_input_line_ids.filtered(
            lambda line: line.question_id.public_admin_role == "overall" and line.public_admin_level
        )[:1]
        levels = self.user_input_line_ids.filtered("public_admin_level").mapped("public_admin_level")
        self.write(
            {
                "public_admin_channel": "kiosk" if device else "link",
                "public_admin_device_id": device.id if device else False,
                "public_admin_kiosk_id": False,
                "public_admin_rating": overall.public_admin_level or False,
                "public_admin_score": sum(LEVEL_POINTS[level] for level in levels) / len(levels) if levels else 0.0,
                "public_admin_date_answered": fields.Datetime.now(),
            }
        )
        self._mark_done()
        # The dossier keeps its rating (filters and the indicators' domains read it there).
        self.public_admin_dossier_id.sudo().write({"public_admin_rating": self.public_admin_rating})
        self.env["public_admin.survey.attribution"]._create_for(self)
        if self.public_admin_rating == "not_satisfied":
            self._public_admin_follow_up()
        return True

    # ------------------------------------------------------------------ follow-up
    def _public_admin_follow_up(self):
        """A “not satisfied” answer: the centre's manager follows it up before a deadline.

        Setting ``public_admin_survey.unhappy_follow_up``: ``activity`` (default) schedules an
        activity on the dossier for the managers; ``complaint`` opens a complaint record, when
        of this addon.
        """
        ICP = self.env["ir.config_parameter"].sudo()
        mode = ICP.get_param("public_admin_survey.unhappy_follow_up", "activity")
        if mode == "complaint":
            for user_input in self:
                # sudo: the rating was just saved through its own token; the complaint is the
                # centre's record of it, created whoever (anonymous kiosk) answered.
                self.env["public_admin.complaint"].sudo()._create_from_rating(user_input)
            return
        days = int(ICP.get_param("public_admin_survey.unhappy_follow_up_days", 3) or 3)
        managers = self.env.ref("public_admin_centre.group_centre_manager").sudo().users.filtered("active")
        for user_input in self:
            dossier = user_input.public_admin_dossier_id.sudo()
            for manager in managers[:1] or self.env.ref("base.user_admin"):
                dossier.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=fields.Date.context_today(self) + timedelta(days=days),
                    summary=self.env._("Citizen not satisfied: follow up"),
                    note=self.env._(
                        "The applicant answered “Not satisfied” to the evaluation of this dossier. "
                        "Contact them, find out why and record what was done."
                    ),
                    user_id=manager.id,
                )

    # ------------------------------------------------------------------ kiosk
    def _public_admin_invite_on(self, kiosk):
        """Show this evaluation on ``kiosk`` now: the kiosk is woken up on its bus channel and
        asks for its pending invitation (nothing of the dossier travels on the bus)."""
        self.ensure_one()
        # One invitation per kiosk at a time: the previous citizen's is withdrawn.
        self.sudo().search([("public_admin_kiosk_id", "=", kiosk.id), ("id", "!=", self.id)]).write(
            {"public_admin_kiosk_id": False}
        )
        self.sudo().write({"public_admin_kiosk_id": kiosk.id, "public_admin_kiosk_invited_at": fields.Datetime.now()})
        self.env["bus.bus"]._sendone(kiosk._bus_channel(), "public_admin_survey/invite", {})

    @api.model
    def _public_admin_kiosk_pending(self, kiosk):
        """The evaluation ``kiosk`` was asked to show, if it is still open and recent."""
        since = fields.Datetime.now() - timedelta(minutes=KIOSK_INVITATION_MINUTES)
        user_input = self.sudo().search(
            [
                ("public_admin_kiosk_id", "=", kiosk.id),
                ("public_admin_kiosk_invited_at", ">=", since),
                ("state", "!=", "done"),
            ],
            order="public_admin_kiosk_invited_at desc, id desc",
            limit=1,
        )
        if user_input and user_input._public_admin_is_expired():
            return self.browse()
        return user_input
