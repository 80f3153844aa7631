from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .survey_question import LEVELS

EVALUATED_STATES = ("done", "returned")


class PublicAdminDossier(models.Model):
    """The dossier's evaluation by its applicant (created when the result is returned, sent with
    the result's notification, shown on the portal and offered on the counter's kiosk) and the
    complaints about it; both count in the satisfaction indicator 5.4."""

    _inherit = "public_admin.dossier"

    public_admin_rating = fields.Selection(
        LEVELS,
        string="Citizen's rating",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The overall rating the applicant gave in the dossier's evaluation.",
    )
    public_admin_evaluation_state = fields.Selection(
        [("offered", "Offered"), ("answered", "Answered"), ("expired", "Expired")],
        string="Evaluation",
        compute="_compute_public_admin_evaluation",
        help="Whether the applicant was invited to rate the service and answered.",
    )
    public_admin_evaluation_url = fields.Char(
        string="Evaluation link",
        compute="_compute_public_admin_evaluation",
        groups="base.group_user",
        help="The applicant's own link to rate the service; it works once and expires.",
    )

    def _public_admin_evaluation(self):
        """The evaluation of this dossier (as superuser: the callers checked read access)."""
        self.ensure_one()
        return self.env["survey.user_input"].sudo().search([("public_admin_dossier_id", "=", self.id)], limit=1)

    @api.depends("state")
    def _compute_public_admin_evaluation(self):
        inputs = self.env["survey.user_input"].sudo().search([("public_admin_dossier_id", "in", self.ids)])
        by_dossier = {user_input.public_admin_dossier_id.id: user_input for user_input in inputs}
        for dossier in self:
            user_input = by_dossier.get(dossier.id)
            if not user_input:
                dossier.public_admin_evaluation_state = False
                dossier.public_admin_evaluation_url = False
            elif user_input.state == "done":
                dossier.public_admin_evaluation_state = "answered"
                dossier.public_admin_evaluation_url = False
            elif user_input._public_admin_is_expired():
                dossier.public_admin_evaluation_state = "expired"
                dossier.public_admin_evaluation_url = False
            else:
                dossier.public_admin_evaluation_state = "offered"
                dossier.public_admin_evaluation_url = user_input._public_admin_url()

    # ------------------------------------------------------------------ creation
    @api.model
    def _public_admin_evaluation_survey(self):
        """The questionnaire of the centre: the one chosen in the settings, else the shipped one."""
        ICP = self.env["ir.config_parameter"].sudo()
        survey = self.env["survey.survey"].sudo().browse(int(ICP.get_param("public_admin_survey.survey_id", 0) or 0))
        if not survey.exists() or not survey.active:
            survey = self.env.ref("public_admin_survey.survey_dossier_evaluation", raise_if_not_found=False)
        return survey and survey.sudo()

    def _public_admin_ensure_evaluation(self):
        """The dossier's one evaluation, created on first need (result returned, kiosk
        invitation), with its expiry and who it is about. Called as superuser after the caller's
        checks."""
        self.ensure_one()
        existing = self._public_admin_evaluation()
        if existing or self.state not in EVALUATED_STATES:
            return existing
        survey = self._public_admin_evaluation_survey()
        if not survey:
            return existing
        days = int(self.env["ir.config_parameter"].sudo().get_param("public_admin_survey.validity_days", 30) or 30)
        dossier = self.sudo()
        users = dossier.step_ids.user_id | dossier.receiving_user_id
        user = self.env.user
        if not self.env.su and not user.share and user.has_group("public_admin_centre.group_front_desk"):
            users |= user  # the front desk returning the result
        return (
            self.env["survey.user_input"]
            .sudo()
            .create(
                {
                    "survey_id": survey.id,
                    "partner_id": dossier.partner_id.id,
                    "public_admin_dossier_id": dossier.id,
                    "deadline": fields.Datetime.now() + timedelta(days=days),
                    "public_admin_counter_id": (dossier.return_counter_id or dossier.reception_counter_id).id,
                    "public_admin_agency_ids": [
                        fields.Command.set((dossier.agency_ids | dossier.receiving_agency_id | dossier.agency_id).ids)
                    ],
                    "public_admin_user_ids": [fields.Command.set(users.filtered(lambda u: not u.share).ids)],
                }
            )
        )

    def _on_result_returned(self):
        result = super()._on_result_returned()
        for dossier in self:
            dossier._public_admin_ensure_evaluation()
        return result

    def _notify_applicant(self, event):
        # The evaluation exists before the result's notification, which carries its link.
        if event == "returned":
            for dossier in self.sudo():  # called by the transition after its checks
                dossier._public_admin_ensure_evaluation()
        return super()._notify_applicant(event)

    def _notification_templates(self, event):
        """While the evaluation is open, the result's email and SMS are the centre's own with
        the evaluation link added."""
        mail_template, sms_template = super()._notification_templates(event)
        if event == "returned" and self._public_admin_open_evaluation():
            suffix = "_post" if self.return_method == "post" else ""
            mail_template = (
                self.env.ref("public_admin_survey.mail_template_dossier_returned_evaluation", raise_if_not_found=False)
                or mail_template
            )
            sms_template = (
                self.env.ref(
                    f"public_admin_survey.sms_template_dossier_returned{suffix}_evaluation", raise_if_not_found=False
                )
                or sms_template
            )
        return mail_template, sms_template

    def _public_admin_open_evaluation(self):
        """The dossier's evaluation if it can still be answered (as superuser, see above)."""
        user_input = self._public_admin_evaluation()
        return user_input if user_input and not user_input._public_admin_refusal() else user_input.browse()

    # ------------------------------------------------------------------ kiosk
    def action_invite_evaluation(self):
        """“Mời đánh giá”: show this dossier's evaluation on the kiosk of the user's counter."""
        self.ensure_one()
        self.check_access("write")
        user = self.env.user
        if not self.env.su and not user.has_group("public_admin_centre.group_front_desk"):
            raise AccessError(self.env._("Only the front desk invites citizens to rate the service."))
        if self.state not in EVALUATED_STATES:
            raise UserError(self.env._("A dossier is rated once its result is ready or returned."))
        counter = user.public_admin_counter_id
        if not counter:
            raise UserError(self.env._("You are not seated at a counter: choose your counter first."))
        kiosk = (
            self.env["public_admin.device"]
            .sudo()
            .search([("kind", "=", "satisfaction_kiosk"), ("counter_id", "=", counter.id)], limit=1)
        )
        if not kiosk:
            raise UserError(self.env._("Counter %(counter)s has no satisfaction kiosk.", counter=counter.display_name))
        # sudo: write access to the dossier and the front-desk role were checked above
        user_input = self.sudo()._public_admin_ensure_evaluation()
        refusal = user_input and user_input._public_admin_refusal()
        if not user_input or refusal:
            raise UserError(refusal or self.env._("No evaluation questionnaire is configured."))
        user_input._public_admin_invite_on(kiosk)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("The evaluation is shown on the kiosk of %(counter)s.", counter=counter.name),
                "sticky": False,
            },
        }

    # ------------------------------------------------------------------ indicators
    @api.model
    def _public_admin_unhappy_dossier_domain(self):
        """Dossiers the applicant was not satisfied with, or that got a complaint (one
        expression: indicator 5.4 negates it)."""
        return ["|", ("public_admin_rating", "=", "not_satisfied"), ("complaint_ids", "!=", False)]

    @api.model
    def _indicator_5_4_domain(self, period):
        """Dossiers of indicator 5.4: those whose processing finished in ``period``, counted once
        at the agency responsible for the procedure."""
        domain = [
            ("state", "in", EVALUATED_STATES),
            ("date_finished", ">=", period.start_utc),
            ("date_finished", "<", period.end_utc),
        ]
        if period.agencies:
            domain.append(("agency_id", "in", period.agencies.ids))
        return domain

    @api.model
    def _indicator_5_4(self, period):
        """Indicator 5.4 (Decision 766/QĐ-TTg): satisfaction = 100% − share of dossiers late −
        share of dossiers with a complaint or a “not satisfied” rating.

        The two shares are added as the national formula does: a dossier both late and unhappy
        costs twice (R never goes below 0); the score is min(6, 6·R/0.9). Measured as the current
        user, like every indicator of the engine: record rules limit what a head counts. Returns
        the counts and the actions that list them, or None when nothing finished in the period.
        """
        base = self._indicator_5_4_domain(period)
        denominator = self.search_count(base)
        if not denominator:
            return None
        late = [("timeliness", "=", "late")]
        unhappy = self._public_admin_unhappy_dossier_domain()
        lost_count = self.search_count(base + late) + self.search_count(base + unhappy)
        lost = ["|", *late, *unhappy]
        good = base + [("timeliness", "!=", "late"), "!", *unhappy]
        return {
            "numerator": max(0, denominator - lost_count),
            "denominator": denominator,
            "numerator_action": ("public_admin.dossier", good),
            "lost_action": ("public_admin.dossier", base + lost),
        }

    # ------------------------------------------------------------------ complaints
    complaint_ids = fields.One2many("public_admin.complaint", "dossier_id", string="Complaints")
    complaint_count = fields.Integer(compute="_compute_complaint_count", string="Number of complaints")

    @api.depends("complaint_ids")
    def _compute_complaint_count(self):
        # sudo: a count only, shown to those who read the dossier
        counts = dict(
            self.env["public_admin.complaint"]
            .sudo()
            ._read_group([("dossier_id", "in", self.ids)], ["dossier_id"], ["__count"])
        )
        for dossier in self:
            dossier.complaint_count = counts.get(dossier._origin, 0)

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("public_admin_survey.public_admin_complaint_action")
        action["domain"] = [("dossier_id", "=", self.id)]
        action["context"] = {"default_dossier_id": self.id}
        return action
