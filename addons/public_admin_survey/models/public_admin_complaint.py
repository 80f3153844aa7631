"""Complaints and suggestions (phản ánh, kiến nghị — PAKN): the record, its code and deadlines.

The workflow is in ``public_admin_complaint_workflow.py``, what senders reach (public form,
portal, lookup, published answers) in ``public_admin_complaint_public.py``, notifications and
crons in ``public_admin_complaint_notification.py``, indices and national indicators in
``public_admin_complaint_indicator.py``.
"""

import re

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

STATES = [
    ("received", "Received"),
    ("in_progress", "In progress"),
    ("supplement", "Waiting for the sender"),
    ("answered", "Answered"),
    ("published", "Published"),
    ("refused", "Refused"),
]
# States in which the complaint waits for an answer (the answer clock runs, or is stopped).
OPEN_STATES = ("received", "in_progress", "supplement")
ANSWERED_STATES = ("answered", "published")
CATEGORIES = [
    ("regulation", "About a regulation"),
    ("conduct", "About an officer's conduct"),
    ("other", "Other"),
]

# Deadlines in working days, system parameters ``public_admin_survey.complaint_days_<key>``.
DEFAULT_DEADLINE_DAYS = {"refusal": 2, "supplement": 5, "answer": 15, "publication": 2}

# Written by the transitions only (as superuser, after their checks), never directly by a user.
WORKFLOW_FIELDS = frozenset(
    {
        "name",
        "channel",
        "state",
        "agency_id",
        "agency_ids",
        "partner_id",
        "user_input_id",
        "client_address",
        "date_received",
        "date_clock_start",
        "date_supplement_requested",
        "date_answered",
        "date_published",
        "date_refused",
        "date_due_refusal",
        "date_due_supplement",
        "date_due_answer",
        "date_due_publication",
        "is_overdue",
        "is_publication_overdue",
        "is_repeated",
        "reopen_count",
        "refusal_reason",
        "supplement_request",
        "supplement_reply",
        "answer",
        "satisfaction",
        "satisfaction_comment",
    }
)
CONTENT_MAX_LENGTH = 5000
SHORT_MAX_LENGTH = 128

# What the public text never shows: e-mail addresses, phone numbers and ID numbers.
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# 9 to 12 digits, maybe grouped by spaces, dots or dashes (phones, ID numbers, former ID numbers).
NUMBER_RE = re.compile(r"(?<!\w)\+?\d(?:[\s.\-]?\d){8,11}(?!\w)")


class PublicAdminComplaint(models.Model):
    _name = "public_admin.complaint"
    _description = "Complaint or suggestion"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_received desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Reference", readonly=True, copy=False, index=True, default="/")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    channel = fields.Selection(
        [
            ("portal", "Portal"),
            ("public", "Public form"),
            ("staff", "Entered by staff"),
            ("rating", "Not satisfied rating"),
        ],
        required=True,
        default="staff",
        readonly=True,
    )
    category = fields.Selection(
        CATEGORIES,
        required=True,
        default="other",
        tracking=True,
    )
    subject = fields.Char(required=True, tracking=True)
    content = fields.Text(required=True, help="What the sender wrote, as they wrote it.")
    # The sender: a portal user's contact, or only the name and contacts they typed.
    partner_id = fields.Many2one("res.partner", string="Sender's contact", index=True, readonly=True)
    sender_name = fields.Char(string="Sender", required=True)
    sender_phone = fields.Char(string="Sender's phone")
    sender_email = fields.Char(string="Sender's email")
    sender_address = fields.Char(string="Sender's address")
    client_address = fields.Char(readonly=True, groups="public_admin_centre.group_centre_manager")
    dossier_id = fields.Many2one(
        "public_admin.dossier", index=True, check_company=True, tracking=True, ondelete="set null"
    )
    user_input_id = fields.Many2one("survey.user_input", string="Rating", readonly=True, ondelete="set null")

    receiving_agency_id = fields.Many2one(
        "public_admin.agency",
        string="Received by",
        required=True,
        index=True,
        check_company=True,
        default=lambda self: self._default_receiving_agency(),
    )
    agency_id = fields.Many2one(
        "public_admin.agency", string="Assigned agency", index=True, tracking=True, check_company=True, readonly=True
    )
    agency_ids = fields.Many2many(
        "public_admin.agency",
        "public_admin_complaint_agency_rel",
        "complaint_id",
        "agency_id",
        string="Agencies involved",
        readonly=True,
        help="Every agency the complaint was assigned or transferred to.",
    )
    user_id = fields.Many2one("res.users", string="Handled by", tracking=True, index=True)

    state = fields.Selection(STATES, required=True, default="received", readonly=True, tracking=True, index=True)
    date_received = fields.Datetime(string="Received on", readonly=True, index=True, copy=False)
    date_clock_start = fields.Datetime(
        string="Answer clock from", readonly=True, copy=False, help="Receipt, the last transfer or the re-opening."
    )
    date_supplement_requested = fields.Datetime(readonly=True, copy=False)
    date_answered = fields.Datetime(string="Answered on", readonly=True, index=True, copy=False)
    date_published = fields.Datetime(string="Published on", readonly=True, copy=False)
    date_refused = fields.Datetime(string="Refused on", readonly=True, copy=False)
    date_due_refusal = fields.Datetime(string="Refuse by", readonly=True, copy=False)
    date_due_supplement = fields.Datetime(string="Ask for a supplement by", readonly=True, copy=False)
    date_due_answer = fields.Datetime(string="Answer by", readonly=True, index=True, copy=False)
    date_due_publication = fields.Datetime(string="Publish by", readonly=True, copy=False)
    date_deadline = fields.Datetime(
        string="Next deadline", compute="_compute_date_deadline", store=True, index=True, help="Of the current state."
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        readonly=True,
        index=True,
        copy=False,
        help="Not answered by the answer deadline (set by a scheduled job).",
    )
    is_publication_overdue = fields.Boolean(
        string="Publication overdue", readonly=True, copy=False, help="Answered, not published by the deadline."
    )
    is_answered_on_time = fields.Boolean(
        string="Answered on time", compute="_compute_is_answered_on_time", store=True, index=True
    )
    is_repeated = fields.Boolean(
        string="Repeated",
        readonly=True,
        copy=False,
        help="Re-opened after a not satisfied answer, or sent again by the same sender about the same "
        "dossier (or subject) within the repeat window.",
    )
    reopen_count = fields.Integer(string="Re-opened", readonly=True, copy=False)
    refusal_reason = fields.Text(readonly=True, copy=False, tracking=True)
    supplement_request = fields.Text(string="Supplement asked", readonly=True, copy=False)
    supplement_reply = fields.Text(string="Sender's supplement", readonly=True, copy=False)
    answer = fields.Text(readonly=True, copy=False)
    satisfaction = fields.Selection(
        [("satisfied", "Satisfied"), ("not_satisfied", "Not satisfied")],
        string="Sender's satisfaction",
        readonly=True,
        copy=False,
        tracking=True,
    )
    satisfaction_comment = fields.Text(readonly=True, copy=False)
    # What the public page shows, without personal data (see _strip_personal_data).
    public_question = fields.Text(copy=False)
    public_answer = fields.Text(copy=False)
    is_public = fields.Boolean(
        string="To publish", default=True, help="Untick for a complaint whose answer must not be published."
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)

    _sql_constraints = [("name_company_uniq", "unique(name, company_id)", "The complaint reference must be unique.")]

    @api.model
    def _default_receiving_agency(self):
        user_centres = self.env.user.public_admin_agency_ids.filtered("is_reception_centre")
        return user_centres[:1] or self.env["public_admin.agency"]._main_reception_centre(self.env.company)

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(STATES)}
        for complaint in self:
            complaint.state_sequence = order.get(complaint.state, 0)

    @api.depends("state", "date_due_refusal", "date_due_answer", "date_due_publication", "is_public")
    def _compute_date_deadline(self):
        for complaint in self:
            if complaint.state in OPEN_STATES:
                complaint.date_deadline = complaint.date_due_answer
            elif complaint.state == "answered" and complaint.is_public:
                complaint.date_deadline = complaint.date_due_publication
            else:
                complaint.date_deadline = False

    @api.depends("date_answered", "date_due_answer")
    def _compute_is_answered_on_time(self):
        for complaint in self:
            complaint.is_answered_on_time = bool(
                complaint.date_answered
                and complaint.date_due_answer
                and complaint.date_answered <= complaint.date_due_answer
            )

    @api.constrains("content", "sender_name", "sender_phone", "sender_email", "partner_id")
    def _check_content_and_contact(self):
        for complaint in self:
            complaint._validate_submission(
                {
                    "content": complaint.content,
                    "sender_name": complaint.sender_name,
                    "sender_phone": complaint.sender_phone,
                    "sender_email": complaint.sender_email,
                },
                has_partner=bool(complaint.partner_id),
            )

    @api.model
    def _validate_submission(self, vals, has_partner=False):
        """Raise a ``ValidationError`` (in the user's language) for a complaint that cannot be kept."""
        _ = self.env._
        content = (vals.get("content") or "").strip()
        if not content:
            raise ValidationError(_("Please write the content of your complaint or suggestion."))
        if len(content) > CONTENT_MAX_LENGTH:
            raise ValidationError(_("The content is too long: at most %(max)s characters.", max=CONTENT_MAX_LENGTH))
        if not (vals.get("sender_name") or "").strip():
            raise ValidationError(_("Please give the sender's name."))
        for key in ("sender_name", "sender_phone", "sender_email", "subject"):
            if len(vals.get(key) or "") > SHORT_MAX_LENGTH:
                raise ValidationError(_("A field is too long: at most %(max)s characters.", max=SHORT_MAX_LENGTH))
        phone = (vals.get("sender_phone") or "").strip()
        email = (vals.get("sender_email") or "").strip()
        if not (phone or email or has_partner):
            raise ValidationError(
                _("Please give a phone number or an email address, so that we can send you the answer.")
            )
        if phone and not 9 <= len(re.sub(r"\D", "", phone)) <= 12:
            raise ValidationError(_("The phone number is not valid."))
        if email and not EMAIL_RE.fullmatch(email):
            raise ValidationError(_("The email address is not valid."))

    # ------------------------------------------------------------------ creation
    @api.model_create_multi
    def create(self, vals_list):
        now = self._now()
        for vals in vals_list:
            self._check_workflow_fields(vals)
            self._validate_submission(vals, has_partner=bool(vals.get("partner_id")))
            vals.setdefault("date_received", now)
            vals.setdefault("date_clock_start", vals["date_received"])
            lines = (vals.get("content") or "").strip().splitlines()
            if not vals.get("subject") and lines:
                vals["subject"] = lines[0][:80]
            received = fields.Datetime.to_datetime(vals["date_received"])
            vals["name"] = self._next_code(self._local_date(received))
        complaints = super().create(vals_list)
        for complaint in complaints:
            # sudo: the deadlines are computed here, not given by the user
            complaint.sudo().write(complaint._deadlines_from_receipt())
            complaint._set_repeated()
        return complaints

    def write(self, vals):
        self._check_workflow_fields(vals)
        return super().write(vals)

    @api.model
    def _check_workflow_fields(self, vals):
        """The state, the deadlines and what the transitions record change through them only."""
        if self.env.su or self.env.context.get("install_mode"):
            return
        forbidden = WORKFLOW_FIELDS & set(vals)
        if forbidden:
            raise UserError(
                self.env._(
                    "These fields change through the complaint's actions only: %(fields)s.",
                    fields=", ".join(sorted(self._fields[name].string for name in forbidden)),
                )
            )

    @api.model
    def _next_code(self, day):
        """``PAKN-<yyMMdd>-<number>``, the number restarting every (local) day: the sequence keeps
        one date range per day."""
        # sudo: the code comes from the centre's sequence, whoever created the complaint
        sequence = self.env.ref("public_admin_survey.seq_public_admin_complaint").sudo()
        if not sequence.date_range_ids.filtered(lambda r: r.date_from <= day <= r.date_to):
            self.env["ir.sequence.date_range"].sudo().create(
                {"sequence_id": sequence.id, "date_from": day, "date_to": day, "number_next_actual": 1}
            )
        return sequence._next(sequence_date=day)

    @api.depends("name", "subject")
    def _compute_display_name(self):
        for complaint in self:
            complaint.display_name = f"{complaint.name} - {complaint.subject}" if complaint.subject else complaint.name

    # ------------------------------------------------------------------ time and deadlines
    def _now(self):
        """The current time (naive UTC); the ``public_admin_clock`` context gives another, as for dossiers."""
        clock = self.env.context.get("public_admin_clock")
        return clock() if clock else fields.Datetime.now()

    def _calendar(self):
        # sudo: working calendars are the centre's configuration, read for every deadline
        agency = self[:1].sudo().receiving_agency_id
        return (
            agency.calendar_id
            or self.env.ref("public_admin_centre.resource_calendar_public_admin", raise_if_not_found=False)
            or self.env.company.resource_calendar_id
        )

    def _local_date(self, moment):
        tz = pytz.timezone(self._calendar().tz or "Asia/Ho_Chi_Minh")
        return pytz.utc.localize(moment).astimezone(tz).date()

    def _format_local(self, moment):
        if not moment:
            return ""
        tz = pytz.timezone(self._calendar().tz or "Asia/Ho_Chi_Minh")
        return pytz.utc.localize(moment).astimezone(tz).strftime("%H:%M %d/%m/%Y")

    @api.model
    def _deadline_days(self, key):
        param = self.env["ir.config_parameter"].sudo().get_param(f"public_admin_survey.complaint_days_{key}")
        try:
            days = float(param) if param else DEFAULT_DEADLINE_DAYS[key]
        except ValueError:
            days = DEFAULT_DEADLINE_DAYS[key]
        return max(days, 0.0)

    def _add_working_days(self, start, key):
        return self.env["public_admin.deadline"].compute_appointment(
            self._calendar(), start, self._deadline_days(key), "working_day"
        )

    def _deadlines_from_receipt(self):
        self.ensure_one()
        return {
            "date_due_refusal": self._add_working_days(self.date_received, "refusal"),
            "date_due_supplement": self._add_working_days(self.date_received, "supplement"),
            "date_due_answer": self._add_working_days(self.date_clock_start or self.date_received, "answer"),
        }

    def _set_repeated(self):
        """Flag a complaint sent again by the same sender about the same dossier (or, without one,
        the same subject) within ``public_admin_survey.complaint_repeat_days`` (30) days."""
        days = int(self.env["ir.config_parameter"].sudo().get_param("public_admin_survey.complaint_repeat_days", 30))
        for complaint in self:
            sender = []
            if complaint.partner_id:
                sender.append([("partner_id", "=", complaint.partner_id.id)])
            if complaint.sender_phone:
                sender.append([("sender_phone", "=", complaint.sender_phone)])
            if complaint.sender_email:
                sender.append([("sender_email", "=ilike", complaint.sender_email)])
            if not sender:
                continue
            about = (
                [("dossier_id", "=", complaint.dossier_id.id)]
                if complaint.dossier_id
                else [("subject", "=ilike", complaint.subject)]
            )
            since = fields.Datetime.subtract(complaint.date_received, days=days)
            # sudo: counts the sender's earlier complaints whoever enters this one
            earlier = (
                self.sudo()
                .with_context(active_test=False)
                .search_count(
                    [
                        ("id", "!=", complaint.id),
                        ("company_id", "=", complaint.company_id.id),
                        ("date_received", ">=", since),
                        ("date_received", "<=", complaint.date_received),
                        ("state", "!=", "refused"),
                    ]
                    + about
                    + ["|"] * (len(sender) - 1)
                    + [leaf for leaves in sender for leaf in leaves],
                    limit=1,
                )
            )
            if earlier:
                complaint.sudo().is_repeated = True

    def _state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    # ------------------------------------------------------------------ personal data
    def _strip_personal_data(self, text):
        """``text`` without the sender's name and contacts, e-mail addresses, phone and ID numbers."""
        self.ensure_one()
        if not text:
            return ""
        hidden = "***"
        for value in (
            self.sender_name,
            self.sender_address,
            self.sender_email,
            self.partner_id.name,
            self.partner_id.street,
        ):
            value = (value or "").strip()
            if len(value) >= 3:
                text = re.sub(re.escape(value), hidden, text, flags=re.IGNORECASE)
        text = EMAIL_RE.sub(hidden, text)
        return NUMBER_RE.sub(hidden, text)
