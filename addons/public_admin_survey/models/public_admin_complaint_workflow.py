"""The complaint's workflow: who may do what, in which state, and every transition (``action_*``).

Each transition checks, in this order: the record rules of the user on the complaint
(``check_access("write")``), the user's role for that action (``AccessError``), then the state
and the deadlines (``UserError``); it then writes as superuser, keeping the user's identity in
the chatter.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .public_admin_complaint import ANSWERED_STATES, OPEN_STATES

# Who may take each action, by role; ``at_agency`` is an officer or head of the assigned agency.
ACTION_ROLES = {
    "assign": ("front_desk", "manager"),
    "classify": ("front_desk", "manager"),
    "transfer": ("at_agency", "manager"),
    "request_supplement": ("front_desk", "at_agency", "manager"),
    "resume": ("front_desk", "at_agency", "manager"),
    "answer": ("at_agency", "manager"),
    "publish": ("manager",),
    "refuse": ("front_desk", "at_agency", "manager"),
    "record_satisfaction": ("front_desk", "manager"),
}
WIZARD_ACTIONS = ("assign", "transfer", "request_supplement", "resume", "answer", "refuse")


# The complaint is split by concern on purpose, one file each (as the dossier is).
# pylint: disable=consider-merging-classes-inherited
class PublicAdminComplaint(models.Model):
    _inherit = "public_admin.complaint"

    can_assign = fields.Boolean(compute="_compute_user_actions")
    can_transfer = fields.Boolean(compute="_compute_user_actions")
    can_request_supplement = fields.Boolean(compute="_compute_user_actions")
    can_resume = fields.Boolean(compute="_compute_user_actions")
    can_answer = fields.Boolean(compute="_compute_user_actions")
    can_publish = fields.Boolean(compute="_compute_user_actions")
    can_refuse = fields.Boolean(compute="_compute_user_actions")
    can_record_satisfaction = fields.Boolean(compute="_compute_user_actions")

    # ------------------------------------------------------------------ who and when
    def _user_roles(self):
        """The current user's roles on this complaint."""
        self.ensure_one()
        user = self.env.user
        roles = set()
        if user.has_group("public_admin_centre.group_centre_manager"):
            roles.add("manager")
        if user.has_group("public_admin_centre.group_front_desk"):
            roles.add("front_desk")
        if (
            user.has_group("public_admin_centre.group_agency_officer")
            and self.agency_id
            and self.agency_id
            in self.env["public_admin.agency"].sudo().search([("id", "child_of", user.public_admin_agency_ids.ids)])
        ):
            roles.add("at_agency")
        return roles

    def _state_allows(self, action):
        self.ensure_one()
        state = self.state
        return {
            "assign": state == "received",
            "classify": state in OPEN_STATES,
            "transfer": state == "in_progress",
            "request_supplement": state in ("received", "in_progress"),
            "resume": state == "supplement",
            "answer": state == "in_progress",
            "publish": state == "answered",
            "refuse": state in OPEN_STATES,
            "record_satisfaction": state in ANSWERED_STATES,
        }[action]

    @api.depends_context("uid")
    @api.depends("state", "agency_id")
    def _compute_user_actions(self):
        writable = set(self._origin._filtered_access("write").ids)
        for complaint in self:
            roles = complaint._user_roles() if complaint._origin.id in writable else set()
            for action in ACTION_ROLES:
                if action == "classify":
                    continue
                complaint[f"can_{action}"] = bool(roles & set(ACTION_ROLES[action]) and complaint._state_allows(action))

    def _check_action(self, action):
        """Rules, then role (``AccessError``), then state (``UserError``), for every complaint."""
        self.check_access("write")
        for complaint in self:
            if not complaint._user_roles() & set(ACTION_ROLES[action]):
                raise AccessError(
                    self.env._(
                        "You are not allowed to do this on complaint %(code)s.",
                        code=complaint.name,
                    )
                )
            if not complaint._state_allows(action):
                raise UserError(
                    self.env._(
                        "Complaint %(code)s is “%(state)s”: this cannot be done now.",
                        code=complaint.name,
                        state=complaint._state_label(),
                    )
                )

    @staticmethod
    def _require_text(text, message):
        text = (text or "").strip()
        if not text:
            raise UserError(message)
        return text

    def _log(self, body):
        for complaint in self:
            complaint.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------ transitions
    def action_assign(self, agency, category=None):
        """Classify (optionally) and assign a received complaint to the agency that must answer it."""
        self._check_action("assign")
        agency = self.env["public_admin.agency"].browse(getattr(agency, "id", agency)).exists()
        if not agency:
            raise UserError(self.env._("Choose the agency that must answer the complaint."))
        values = {"state": "in_progress", "agency_id": agency.id, "agency_ids": [fields.Command.link(agency.id)]}
        if category:
            values["category"] = category
        # sudo: rules, role and state checked above
        self.sudo().write(values)
        self._log(self.env._("Assigned to %(agency)s.", agency=agency.display_name))
        return True

    def action_classify(self, category):
        self._check_action("classify")
        if category not in dict(self._fields["category"].selection):
            raise UserError(self.env._("Unknown class of complaint."))
        # sudo: rules, role and state checked above
        self.sudo().write({"category": category})
        return True

    def action_transfer(self, agency, reason):
        """Send the complaint to another agency; the answer deadline counts again from now."""
        self._check_action("transfer")
        reason = self._require_text(reason, self.env._("Say why the complaint is transferred."))
        agency = self.env["public_admin.agency"].browse(getattr(agency, "id", agency)).exists()
        if not agency:
            raise UserError(self.env._("Choose the agency the complaint is transferred to."))
        now = self._now()
        for complaint in self:
            if agency == complaint.agency_id:
                raise UserError(self.env._("The complaint is already at %(agency)s.", agency=agency.display_name))
            # sudo: rules, role and state checked above
            complaint.sudo().write(
                {
                    "agency_id": agency.id,
                    "agency_ids": [fields.Command.link(agency.id)],
                    "date_clock_start": now,
                    "date_due_answer": complaint._add_working_days(now, "answer"),
                    "is_overdue": False,
                    "user_id": False,
                }
            )
            complaint._log(
                self.env._("Transferred to %(agency)s: %(reason)s", agency=agency.display_name, reason=reason)
            )
        return True

    def action_request_supplement(self, reason):
        """Ask the sender for more information, within the supplement deadline; the answer clock stops."""
        self._check_action("request_supplement")
        reason = self._require_text(reason, self.env._("Say what the sender must add."))
        now = self._now()
        for complaint in self:
            if complaint.date_due_supplement and now > complaint.date_due_supplement:
                raise UserError(
                    self.env._(
                        "A supplement could be asked until %(due)s only; answer the complaint instead.",
                        due=complaint._format_local(complaint.date_due_supplement),
                    )
                )
            # sudo: rules, role and state checked above
            complaint.sudo().write(
                {
                    "state": "supplement",
                    "supplement_request": reason,
                    "date_supplement_requested": now,
                    "supplement_reply": False,
                }
            )
            complaint._log(self.env._("Supplement asked of the sender: %(reason)s", reason=reason))
        self._notify_sender("supplement")
        return True

    def action_resume(self, reason):
        """The sender's supplement arrived: the answer deadline moves by the working time waited."""
        self._check_action("resume")
        self._resume(self._require_text(reason, self.env._("Write what the sender added.")))
        return True

    def _resume(self, reply):
        engine = self.env["public_admin.deadline"]
        now = self._now()
        for complaint in self.sudo():
            calendar = complaint._calendar()
            waited = engine.working_hours_between(calendar, complaint.date_supplement_requested or now, now)
            due = complaint.date_due_answer
            if due and waited > 0:
                due = engine.add_working_hours(calendar, due, waited)
            complaint.write(
                {
                    "state": "in_progress" if complaint.agency_id else "received",
                    "supplement_reply": reply,
                    "date_due_answer": due,
                    "is_overdue": bool(due and due < now),
                }
            )
            complaint.message_post(
                body=self.env._("Supplement received: %(reply)s", reply=reply), subtype_xmlid="mail.mt_note"
            )

    def action_answer(self, reason):
        """Answer the sender; the answer is prepared for publication without personal data."""
        self._check_action("answer")
        answer = self._require_text(reason, self.env._("Write the answer."))
        now = self._now()
        for complaint in self:
            # sudo: rules, role and state checked above
            complaint.sudo().write(
                {
                    "state": "answered",
                    "answer": answer,
                    "date_answered": now,
                    "date_due_publication": complaint._add_working_days(now, "publication"),
                    "public_question": complaint.public_question or complaint._strip_personal_data(complaint.content),
                    "public_answer": complaint._strip_personal_data(answer),
                    "satisfaction": False,
                    "is_overdue": False,
                    "user_id": complaint.user_id.id or self.env.user.id,
                }
            )
            complaint._log(self.env._("Answered: %(answer)s", answer=answer))
        self._notify_sender("answered")
        return True

    def action_publish(self):
        """Publish the question and the answer, which must hold no personal data."""
        self._check_action("publish")
        for complaint in self:
            if not complaint.is_public:
                raise UserError(self.env._("This complaint is marked as not to be published."))
            question = (complaint.public_question or "").strip()
            answer = (complaint.public_answer or "").strip()
            if not question or not answer:
                raise UserError(self.env._("Write the question and the answer to publish."))
            for text in (question, answer):
                if complaint._strip_personal_data(text) != text:
                    raise UserError(
                        self.env._(
                            "The text to publish still holds personal data (a name, an address, an email, "
                            "a phone or ID number): remove it first."
                        )
                    )
            # sudo: rules, role and state checked above
            complaint.sudo().write(
                {"state": "published", "date_published": self._now(), "is_publication_overdue": False}
            )
            complaint._log(self.env._("Answer published."))
        return True

    def action_refuse(self, reason):
        """Refuse to handle the complaint (anonymous, out of scope, already answered), within the
        refusal deadline; later it must be answered."""
        self._check_action("refuse")
        reason = self._require_text(reason, self.env._("Give the reason for the refusal."))
        now = self._now()
        for complaint in self:
            if complaint.date_due_refusal and now > complaint.date_due_refusal:
                raise UserError(
                    self.env._(
                        "A complaint can be refused until %(due)s only; answer it instead.",
                        due=complaint._format_local(complaint.date_due_refusal),
                    )
                )
            # sudo: rules, role and state checked above
            complaint.sudo().write(
                {"state": "refused", "refusal_reason": reason, "date_refused": now, "is_overdue": False}
            )
            complaint._log(self.env._("Refused: %(reason)s", reason=reason))
        self._notify_sender("refused")
        return True

    def action_record_satisfaction(self):
        """The front desk or a manager records what the sender said of the answer (by phone):
        ``complaint_satisfaction`` in the context, ``satisfied`` or ``not_satisfied``."""
        self._check_action("record_satisfaction")
        self._set_satisfaction(self.env.context.get("complaint_satisfaction"))
        return True

    def _set_satisfaction(self, satisfaction, comment=None):
        """Satisfied: kept. Not satisfied: the complaint is re-opened at its agency, counted as
        repeated, and the answer deadline counts again from now. Callers check who may do this."""
        if satisfaction not in ("satisfied", "not_satisfied"):
            raise UserError(self.env._("Say whether the sender is satisfied with the answer."))
        now = self._now()
        for complaint in self.sudo():
            if complaint.state not in ANSWERED_STATES:
                raise UserError(self.env._("Only an answered complaint can be rated."))
            values = {"satisfaction": satisfaction, "satisfaction_comment": (comment or "").strip()[:2000]}
            if satisfaction == "not_satisfied":
                values.update(
                    {
                        "state": "in_progress" if complaint.agency_id else "received",
                        "reopen_count": complaint.reopen_count + 1,
                        "is_repeated": True,
                        "date_clock_start": now,
                        "date_due_answer": complaint._add_working_days(now, "answer"),
                        "date_published": False,
                        "date_answered": False,
                        "is_overdue": False,
                    }
                )
            complaint.write(values)
            if satisfaction == "not_satisfied":
                complaint.message_post(
                    body=self.env._("The sender is not satisfied with the answer: complaint re-opened."),
                    subtype_xmlid="mail.mt_note",
                )
            else:
                complaint.message_post(
                    body=self.env._("The sender is satisfied with the answer."), subtype_xmlid="mail.mt_note"
                )

    def action_open_wizard(self):
        """The dialog asking the text (and the agency) of the action named in the context."""
        self.ensure_one()
        action = self.env.context.get("complaint_action")
        if action not in WIZARD_ACTIONS:
            raise UserError(self.env._("Unknown action."))
        self._check_action(action)
        return {
            "type": "ir.actions.act_window",
            "res_model": "public_admin.complaint.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_complaint_id": self.id, "default_action": action},
        }
