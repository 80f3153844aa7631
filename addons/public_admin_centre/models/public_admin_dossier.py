import uuid

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import consteq, email_normalize, formataddr, single_email_re

from ..tools import is_valid_citizen_id_number, normalize_vietnamese_phone

STATES = [
    ("draft", "Draft"),
    ("registered", "Registered online"),
    ("received", "Received"),
    ("in_progress", "In process"),
    ("supplement", "Supplement requested"),
    ("financial", "Awaiting financial obligation"),
    ("done", "Processing finished"),
    ("returned", "Result returned"),
    ("refused", "Refused"),
    ("withdrawn", "Withdrawn"),
    ("stopped", "Stopped"),
]
# States where the dossier is with the administration and its clock may run.
OPEN_STATES = ("received", "in_progress", "supplement", "financial")
# States where the clock is stopped, waiting for the citizen.
PAUSED_STATES = ("supplement", "financial")
TIMELINESS = [("early", "Early"), ("on_time", "On time"), ("late", "Late")]


class PublicAdminDossier(models.Model):
    _name = "public_admin.dossier"
    _description = "Dossier"
    _inherit = ["portal.mixin", "mail.thread.phone", "mail.activity.mixin"]
    _order = "date_received desc, id desc"
    _rec_names_search = ["name", "applicant_name"]
    _check_company_auto = True
    _primary_email = "applicant_email"

    name = fields.Char(string="Dossier code", readonly=True, copy=False, index=True, tracking=True)
    procedure_id = fields.Many2one(
        "public_admin.procedure",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_current', '=', True)]",
    )
    sector_id = fields.Many2one(related="procedure_id.sector_id", store=True, string="Sector")
    agency_id = fields.Many2one(
        "public_admin.agency",
        string="Lead agency",
        compute="_compute_agency_id",
        store=True,
        readonly=False,
        index=True,
        check_company=True,
    )
    receiving_agency_id = fields.Many2one(
        "public_admin.agency",
        string="Receiving unit",
        default=lambda self: self._default_receiving_agency(),
        index=True,
        check_company=True,
        help="Its code opens the dossier code, its calendar counts the appointment.",
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)

    # Applicant, as declared when the dossier was handed in.
    partner_id = fields.Many2one("res.partner", string="Applicant", required=True, index=True, tracking=True)
    applicant_name = fields.Char(compute="_compute_applicant_name", store=True, readonly=False, string="Applicant name")
    applicant_phone = fields.Char(compute="_compute_applicant_phone", store=True, readonly=False, string="Phone")
    applicant_email = fields.Char(compute="_compute_applicant_email", store=True, readonly=False, string="Email")
    applicant_id_number = fields.Char(
        compute="_compute_applicant_id_number",
        store=True,
        readonly=False,
        string="Citizen ID number",
        help="12-digit citizen identity number (CCCD).",
    )
    applicant_address = fields.Char(compute="_compute_applicant_address", store=True, readonly=False, string="Address")
    representative_id = fields.Many2one(
        "res.partner",
        string="Authorised representative",
        help="Person handing in or collecting the dossier on behalf of the applicant.",
    )
    channel = fields.Selection(
        [("counter", "At the counter"), ("online", "Online"), ("postal", "By post")],
        required=True,
        default="counter",
        tracking=True,
    )
    summary = fields.Text(string="Request")
    set_count = fields.Integer(string="Sets", default=1)
    document_ids = fields.One2many("public_admin.dossier.document", "dossier_id", string="Documents")

    state = fields.Selection(
        STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        group_expand="_group_expand_states",
    )
    state_before_pause = fields.Selection(STATES, readonly=True, copy=False)
    date_registered = fields.Datetime(string="Registered on", readonly=True, copy=False)
    date_received = fields.Datetime(string="Received on", readonly=True, copy=False, index=True, tracking=True)
    date_due = fields.Datetime(
        string="Appointment",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Legal appointment: processing time from reception, moved by the time the clock was stopped.",
    )
    date_due_initial = fields.Datetime(string="Appointment at reception", readonly=True, copy=False)
    date_due_promised = fields.Datetime(
        string="New appointment",
        readonly=True,
        copy=False,
        tracking=True,
        help="Appointment promised in the latest apology letter.",
    )
    date_finished = fields.Datetime(string="Finished on", readonly=True, copy=False)
    date_returned = fields.Datetime(string="Result returned on", readonly=True, copy=False)
    date_closed = fields.Datetime(string="Closed on", readonly=True, copy=False)
    register_number = fields.Char(string="Register entry", readonly=True, copy=False)

    step_ids = fields.One2many("public_admin.dossier.step", "dossier_id", string="Steps", copy=False)
    current_step_id = fields.Many2one("public_admin.dossier.step", readonly=True, copy=False)
    current_step_accepted = fields.Boolean(compute="_compute_current_step_accepted")
    current_agency_id = fields.Many2one(
        "public_admin.agency", string="Current agency", readonly=True, copy=False, index=True
    )
    is_at_my_agency = fields.Boolean(
        compute="_compute_is_at_my_agency", search="_search_is_at_my_agency", string="At my agency"
    )
    agency_ids = fields.Many2many(
        "public_admin.agency",
        "public_admin_dossier_agency_rel",
        "dossier_id",
        "agency_id",
        string="Agencies involved",
        readonly=True,
        copy=False,
        help="Every agency the dossier is or was at; their people can read it.",
    )
    user_id = fields.Many2one("res.users", string="Holder", tracking=True, index=True, copy=False)
    receiving_user_id = fields.Many2one("res.users", string="Received by", readonly=True, copy=False)
    is_inter_agency = fields.Boolean(compute="_compute_is_inter_agency", store=True, string="Inter-agency")

    pause_ids = fields.One2many("public_admin.dossier.pause", "dossier_id", string="Clock stops", copy=False)
    supplement_count = fields.Integer(string="Supplement requests", readonly=True, copy=False)
    apology_ids = fields.One2many("public_admin.dossier.apology", "dossier_id", string="Apologies", copy=False)
    form_log_ids = fields.One2many("public_admin.dossier.form.log", "dossier_id", string="Issued forms", copy=False)

    timeliness = fields.Selection(
        TIMELINESS,
        compute="_compute_timeliness",
        store=True,
        index=True,
        help="Early, on time or late against the appointment, supplement time excluded. "
        "A dossier that needed more than one supplement request counts as late.",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        readonly=True,
        copy=False,
        index=True,
        help="Still being processed after its appointment. Updated on every move and by a scheduled job.",
    )

    refusal_reason = fields.Text(readonly=True, copy=False, tracking=True)
    stop_reason = fields.Text(readonly=True, copy=False, tracking=True)
    withdraw_reason = fields.Text(readonly=True, copy=False)
    return_method = fields.Selection(
        [("counter", "At the counter"), ("post", "By post"), ("online", "Online")],
        string="Way of return",
        readonly=True,
        copy=False,
    )
    postal_tracking_number = fields.Char(readonly=True, copy=False)
    lookup_token = fields.Char(
        string="Status lookup token",
        default=lambda self: uuid.uuid4().hex,
        copy=False,
        readonly=True,
        groups="base.group_user",
        help="Unguessable token of the public status page reached from the receipt's QR code.",
    )
    public_status_url = fields.Char(compute="_compute_public_status_url", groups="base.group_user")
    color = fields.Integer(compute="_compute_color")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "This dossier code is already used."),
        ("lookup_token_uniq", "unique(lookup_token)", "Status lookup tokens must be unique."),
    ]

    # ------------------------------------------------------------------ defaults / computes
    def _default_receiving_agency(self):
        agencies = self.env.user.public_admin_agency_ids
        return agencies.filtered("is_reception_centre")[:1] or agencies[:1]

    def _group_expand_states(self, states, domain):
        return ["registered", "received", "in_progress", "supplement", "financial", "done"]

    @api.depends("procedure_id")
    def _compute_agency_id(self):
        for dossier in self:
            if dossier.procedure_id and not dossier.agency_id:
                dossier.agency_id = dossier.procedure_id.agency_id

    # One compute per field: a value typed for one of them at creation must not stop the others
    # from being filled from the partner.
    @api.depends("partner_id")
    def _compute_applicant_name(self):
        for dossier in self.filtered("partner_id"):
            dossier.applicant_name = dossier.partner_id.name

    @api.depends("partner_id")
    def _compute_applicant_phone(self):
        for dossier in self.filtered("partner_id"):
            number = dossier.partner_id.mobile or dossier.partner_id.phone
            dossier.applicant_phone = normalize_vietnamese_phone(number) or number

    @api.depends("partner_id")
    def _compute_applicant_email(self):
        for dossier in self.filtered("partner_id"):
            dossier.applicant_email = dossier.partner_id.email

    @api.depends("partner_id")
    def _compute_applicant_id_number(self):
        for dossier in self.filtered("partner_id"):
            dossier.applicant_id_number = dossier.partner_id.public_admin_id_number

    @api.depends("partner_id")
    def _compute_applicant_address(self):
        for dossier in self.filtered("partner_id"):
            address = dossier.partner_id._display_address(without_company=True)
            dossier.applicant_address = ", ".join(line.strip() for line in address.splitlines() if line.strip())

    @api.depends_context("uid")
    @api.depends("current_agency_id")
    def _compute_is_at_my_agency(self):
        agencies = self._my_agencies()
        for dossier in self:
            dossier.is_at_my_agency = dossier.current_agency_id in agencies

    def _search_is_at_my_agency(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on “At my agency”."))
        positive = (operator == "=") == value
        return [("current_agency_id", "in" if positive else "not in", self._my_agencies().ids)]

    def _my_agencies(self):
        """The user's agencies and their units."""
        return (
            self.env["public_admin.agency"]
            .sudo()
            .search([("id", "child_of", self.env.user.public_admin_agency_ids.ids)])
        )

    @api.depends("current_step_id.date_accepted")
    def _compute_current_step_accepted(self):
        for dossier in self:
            dossier.current_step_accepted = bool(dossier.current_step_id.date_accepted)

    @api.depends("step_ids.agency_id")
    def _compute_is_inter_agency(self):
        # The centre's own reception step does not make a dossier inter-agency (liên thông):
        # two processing agencies do. Statistics count an inter-agency dossier once.
        for dossier in self:
            processing = dossier.step_ids.filtered(lambda s: s.role != "reception")
            dossier.is_inter_agency = len(processing.agency_id) > 1

    @api.depends("date_finished", "date_due", "supplement_count")
    def _compute_timeliness(self):
        for dossier in self:
            dossier.timeliness = dossier._classify_timeliness(dossier.date_finished, dossier.date_due)

    def _classify_timeliness(self, date_done, date_due, supplement_count=None):
        """Early: finished on a day before the appointment day; on time: by the appointment."""
        if not date_done or not date_due:
            return False
        if (self.supplement_count if supplement_count is None else supplement_count) > 1:
            return "late"
        if date_done > date_due:
            return "late"
        tz = self._local_tz()
        done_day = pytz.utc.localize(date_done).astimezone(tz).date()
        due_day = pytz.utc.localize(date_due).astimezone(tz).date()
        return "early" if done_day < due_day else "on_time"

    def _compute_public_status_url(self):
        for dossier in self:
            dossier.public_status_url = dossier._get_public_status_url()

    @api.depends("is_overdue", "timeliness", "state")
    def _compute_color(self):
        for dossier in self:
            if dossier.is_overdue or dossier.timeliness == "late":
                dossier.color = 1
            elif dossier.state in PAUSED_STATES:
                dossier.color = 3
            elif dossier.timeliness in ("early", "on_time"):
                dossier.color = 10
            else:
                dossier.color = 0

    def _compute_access_url(self):
        # Overrides portal.mixin's generic URL; nothing of the parent's result is kept.
        for dossier in self:
            dossier.access_url = f"/my/dossiers/{dossier.id}"

    @api.depends("name", "applicant_name")
    def _compute_display_name(self):
        for dossier in self:
            code = dossier.name or self.env._("New dossier")
            dossier.display_name = f"{code} - {dossier.applicant_name}" if dossier.applicant_name else code

    def _local_tz(self):
        calendar = self._calendar()
        return pytz.timezone(calendar.tz or "Asia/Ho_Chi_Minh")

    def _calendar(self):
        agency = self.receiving_agency_id or self.agency_id
        return (
            agency.calendar_id
            or self.env.ref("public_admin_centre.resource_calendar_public_admin", raise_if_not_found=False)
            or self.env.company.resource_calendar_id
        )

    # ------------------------------------------------------------------ validation
    @api.constrains("applicant_phone")
    def _check_applicant_phone(self):
        for dossier in self.filtered("applicant_phone"):
            if not normalize_vietnamese_phone(dossier.applicant_phone):
                raise ValidationError(
                    self.env._(
                        "The phone number “%(phone)s” is not a valid Vietnamese phone number.",
                        phone=dossier.applicant_phone,
                    )
                )

    @api.constrains("applicant_id_number")
    def _check_applicant_id_number(self):
        for dossier in self.filtered("applicant_id_number"):
            if not is_valid_citizen_id_number(dossier.applicant_id_number):
                raise ValidationError(
                    self.env._(
                        "The citizen ID number “%(number)s” is not valid: it has 12 digits and starts "
                        "with a province code.",
                        number=dossier.applicant_id_number,
                    )
                )

    @api.model
    def _normalize_vals(self, vals):
        if vals.get("applicant_phone"):
            vals["applicant_phone"] = normalize_vietnamese_phone(vals["applicant_phone"]) or vals["applicant_phone"]
        if vals.get("applicant_id_number"):
            vals["applicant_id_number"] = vals["applicant_id_number"].strip().replace(" ", "")
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._normalize_vals(dict(vals)) for vals in vals_list]
        dossiers = super().create(vals_list)
        for dossier in dossiers:
            if not dossier.document_ids and dossier.procedure_id:
                dossier._fill_checklist()
        return dossiers

    def write(self, vals):
        if "state" in vals and not self.env.context.get("public_admin_state_change"):
            raise UserError(self.env._("The state of a dossier changes only through its actions."))
        return super().write(self._normalize_vals(dict(vals)))

    def _phone_get_number_fields(self):
        return ["applicant_phone"]

    def _checklist_commands(self):
        """Commands creating the dossier's document lines from its procedure's checklist."""
        return [
            fields.Command.create(
                {
                    "procedure_document_id": line.id,
                    "name": line.name,
                    "copies": line.copies,
                    "copy_type": line.copy_type,
                    "is_required": line.is_required,
                }
            )
            for line in self.procedure_id.document_ids
        ]

    def _fill_checklist(self):
        self.ensure_one()
        self.document_ids = self._checklist_commands()

    @api.onchange("procedure_id")
    def _onchange_procedure_id(self):
        if self.procedure_id:
            self.agency_id = self.procedure_id.agency_id
            self.document_ids = [fields.Command.clear(), *self._checklist_commands()]

    # ------------------------------------------------------------------ helpers
    def _set_state(self, state, **vals):
        self.with_context(public_admin_state_change=True).write(dict(vals, state=state))

    def _check_state(self, allowed, action_label):
        """Guard of every transition: the user may change these dossiers, in this state.

        The transition itself then runs as superuser with the user's identity kept, because
        handing a dossier over moves it out of the officer's write rule half-way through.
        """
        self.check_access("write")
        for dossier in self:
            if dossier.state not in allowed:
                state_label = dict(self._fields["state"]._description_selection(self.env))[dossier.state]
                raise UserError(
                    self.env._(
                        "You cannot %(action)s dossier %(dossier)s while it is “%(state)s”.",
                        action=action_label,
                        dossier=dossier.display_name,
                        state=state_label,
                    )
                )

    def _check_applicant_complete(self):
        for dossier in self:
            missing = []
            if not dossier.applicant_name:
                missing.append(self.env._("name"))
            if not dossier.applicant_phone and not dossier.applicant_email:
                missing.append(self.env._("phone or email"))
            if missing:
                raise UserError(
                    self.env._(
                        "The applicant's %(fields)s must be filled before receiving the dossier.",
                        fields=", ".join(missing),
                    )
                )

    def _check_required_documents(self):
        for dossier in self:
            missing = dossier.document_ids.filtered(lambda d: d.is_required and not d.is_received)
            if missing:
                # No f-string inside _(): Odoo's term extractor evaluates every string of the call.
                documents = "\n".join("- " + name for name in missing.mapped("name"))
                raise UserError(
                    self.env._(
                        "Dossier %(dossier)s misses required documents:\n%(documents)s\n"
                        "Request them from the applicant or mark them received.",
                        dossier=dossier.display_name,
                        documents=documents,
                    )
                )

    def _closed_pauses(self):
        return [(p.date_start, p.date_end) for p in self.pause_ids if p.date_end]

    def _compute_appointment(self, received_at=None):
        """The appointment from reception, moved by every closed clock stop."""
        self.ensure_one()
        procedure = self.procedure_id
        return self.env["public_admin.deadline"].compute_appointment(
            self._calendar(),
            received_at or self.date_received,
            procedure.processing_time,
            procedure.processing_time_unit,
            cutoff=procedure.same_day_cutoff,
            pauses=self._closed_pauses(),
        )

    def _recompute_deadlines(self):
        """Appointment and open step deadlines after a clock stop ended."""
        engine = self.env["public_admin.deadline"]
        for dossier in self.filtered("date_received"):
            date_due = dossier._compute_appointment()
            dossier.with_context(public_admin_state_change=True).write({"date_due": date_due})
            pauses = dossier._closed_pauses()
            for step in dossier.step_ids.filtered(lambda s: not s.date_done):
                deadline = engine.add_working_hours(
                    dossier._calendar(), dossier.date_received, step.planned_offset_hours, pauses=pauses
                )
                step.date_deadline = min(deadline, date_due)
        self._update_overdue()

    def _update_overdue(self):
        now = fields.Datetime.now()
        for dossier in self:
            overdue = bool(
                dossier.state in OPEN_STATES
                and dossier.date_due
                and dossier.date_due < now
                and dossier.state not in PAUSED_STATES
            )
            if dossier.is_overdue != overdue:
                dossier.is_overdue = overdue

    def _create_steps(self):
        """Step instances from the procedure's workflow, deadlines planned from reception."""
        engine = self.env["public_admin.deadline"]
        for dossier in self:
            offset = 0.0
            vals_list = []
            for template in dossier.procedure_id.step_ids:
                offset += template.duration_hours
                deadline = engine.add_working_hours(dossier._calendar(), dossier.date_received, offset)
                vals_list.append(
                    {
                        "dossier_id": dossier.id,
                        "sequence": template.sequence,
                        "name": template.name,
                        "role": template.role,
                        "agency_id": (template.agency_id or dossier.agency_id).id,
                        "planned_offset_hours": offset,
                        "date_deadline": min(deadline, dossier.date_due) if dossier.date_due else deadline,
                    }
                )
            if not vals_list:
                vals_list.append(
                    {
                        "dossier_id": dossier.id,
                        "sequence": 10,
                        "name": self.env._("Appraise and decide"),
                        "role": "officer",
                        "agency_id": dossier.agency_id.id,
                        "planned_offset_hours": 0.0,
                        "date_deadline": dossier.date_due,
                    }
                )
            self.env["public_admin.dossier.step"].create(vals_list)

    def _enter_step(self, step, handed_by=None):
        """Hand the dossier over to ``step``'s agency and tell its people."""
        self.ensure_one()
        now = fields.Datetime.now()
        step.write({"date_start": now, "handed_by_id": (handed_by or self.env.user).id})
        self.with_context(public_admin_state_change=True).write(
            {
                "current_step_id": step.id,
                "current_agency_id": step.agency_id.id,
                "agency_ids": [fields.Command.link(step.agency_id.id)],
                "user_id": step.user_id.id or False,
            }
        )
        self._schedule_next_activity(step)

    def _schedule_next_activity(self, step):
        self.ensure_one()
        agency = step.agency_id
        if step.role == "head":
            candidates = agency.head_user_ids
        else:
            candidates = (agency.user_ids - agency.head_user_ids) or agency.user_ids
        assignee = step.user_id or candidates.sorted("id")[:1] or agency.head_user_ids[:1]
        if not assignee:
            return
        deadline_date = (
            fields.Date.to_date(step.date_deadline) if step.date_deadline else fields.Date.context_today(self)
        )
        self.activity_schedule(
            "public_admin_centre.mail_activity_type_dossier_step",
            date_deadline=deadline_date,
            summary=step.name,
            user_id=assignee.id,
        )

    def _close_activities(self):
        self.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("public_admin_centre.mail_activity_type_dossier_step")
        ).action_feedback()

    def _open_pause(self, reason, note=None):
        self.env["public_admin.dossier.pause"].create(
            [
                {"dossier_id": dossier.id, "reason": reason, "date_start": fields.Datetime.now(), "note": note}
                for dossier in self
            ]
        )

    def _close_pause(self):
        now = fields.Datetime.now()
        self.pause_ids.filtered(lambda p: not p.date_end).write({"date_end": now})

    # ------------------------------------------------------------------ transitions
    def action_register_online(self):
        """The citizen submitted online: the dossier waits in the front desk's queue."""
        self._check_state(("draft",), self.env._("register online"))
        self._check_applicant_complete()
        self._check_required_documents()
        self._set_state("registered", date_registered=fields.Datetime.now(), channel="online")
        for dossier in self.sudo():
            dossier.message_post(body=self.env._("Dossier registered online, awaiting reception."))
            dossier._notify_applicant("registered")
        return True

    def action_receive(self):
        """Receive the dossier: give it its code, its appointment and its steps."""
        self._check_state(("draft", "registered"), self.env._("receive"))
        self._check_applicant_complete()
        self._check_required_documents()
        now = fields.Datetime.now()
        for dossier in self.sudo():
            agency = dossier.receiving_agency_id or dossier.agency_id
            if not agency:
                raise UserError(self.env._("Choose the receiving unit before receiving the dossier."))
            if not dossier.procedure_id.is_current:
                raise UserError(
                    self.env._(
                        "Procedure %(procedure)s is not in force today.", procedure=dossier.procedure_id.display_name
                    )
                )
            if (
                dossier.channel != "online"
                and not dossier.procedure_id.accepts_counter
                and dossier.channel == "counter"
            ):
                raise UserError(self.env._("This procedure is not accepted at the counter."))
            local_day = pytz.utc.localize(now).astimezone(dossier._local_tz()).date()
            number = self.env["public_admin.dossier.counter"]._next_number(agency, local_day)
            code = f"{agency.code}-{local_day.strftime('%y%m%d')}-{number:04d}"
            date_due = dossier._compute_appointment(received_at=now)
            dossier._set_state(
                "received",
                name=code,
                date_received=now,
                date_due=date_due,
                date_due_initial=date_due,
                receiving_user_id=self.env.user.id,
                receiving_agency_id=agency.id,
                register_number=self.env["ir.sequence"].next_by_code("public_admin.dossier.register"),
                agency_ids=[fields.Command.link(agency.id), fields.Command.link(dossier.agency_id.id)],
            )
            dossier.document_ids.filtered(lambda d: d.is_received and not d.date_received).write({"date_received": now})
            dossier._create_steps()
            first_step = dossier.step_ids.sorted()[:1]
            if first_step.role == "reception":
                first_step.write({"date_start": now, "user_id": self.env.user.id, "handed_by_id": self.env.user.id})
                first_step._mark_done()
                first_step = dossier.step_ids.sorted().filtered(lambda s: not s.date_done)[:1]
            if first_step:
                dossier._enter_step(first_step)
            dossier.message_post(
                body=self.env._(
                    "Dossier received with code %(code)s; appointment %(due)s.",
                    code=code,
                    due=dossier._format_local(date_due),
                )
            )
            dossier._notify_applicant("received")
        return True

    def action_start_step(self):
        """The officer of the current agency takes the dossier in hand."""
        self._check_state(("received", "in_progress"), self.env._("start processing"))
        for dossier in self.sudo():
            step = dossier.current_step_id
            if not step or step.date_done:
                raise UserError(
                    self.env._("Dossier %(dossier)s has no step waiting to be processed.", dossier=dossier.display_name)
                )
            dossier._check_user_at_agency(step.agency_id)
            step.write({"user_id": self.env.user.id, "date_accepted": fields.Datetime.now()})
            dossier._set_state("in_progress", user_id=self.env.user.id)
            dossier.message_post(
                body=self.env._("%(user)s started “%(step)s”.", user=self.env.user.name, step=step.name)
            )
        return True

    def action_finish_step(self, note=None):
        """Finish the current step; the next one's agency gets the dossier, or processing ends."""
        self._check_state(("in_progress",), self.env._("finish a step of"))
        for dossier in self.sudo():
            step = dossier.current_step_id
            if not step or not step.date_accepted:
                raise UserError(self.env._("Start the current step before finishing it."))
            dossier._check_user_at_agency(step.agency_id)
            if note:
                step.note = note
            step._mark_done()
            dossier._close_activities()
            next_step = dossier.step_ids.sorted().filtered(lambda s: not s.date_done)[:1]
            if next_step:
                dossier._enter_step(next_step, handed_by=self.env.user)
                dossier._set_state("in_progress")
                if next_step.agency_id == step.agency_id:
                    body = self.env._(
                        "Handed over within %(agency)s for “%(step)s”.",
                        agency=step.agency_id.display_name,
                        step=next_step.name,
                    )
                else:
                    body = self.env._(
                        "Handed over from %(from)s to %(to)s for “%(step)s”.",
                        **{
                            "from": step.agency_id.display_name,
                            "to": next_step.agency_id.display_name,
                            "step": next_step.name,
                        },
                    )
                dossier.message_post(body=body)
            else:
                dossier._finish_processing()
        return True

    def action_transfer(self, agency, hours=8.0, note=None, step_name=None):
        """Send the dossier to another agency for a step that the procedure does not plan."""
        self._check_state(("received", "in_progress"), self.env._("transfer"))
        if not agency:
            raise UserError(self.env._("Choose the agency to transfer the dossier to."))
        if hours < 0:
            raise UserError(self.env._("The time given to the other agency cannot be negative."))
        engine = self.env["public_admin.deadline"]
        for dossier in self.sudo():
            current = dossier.current_step_id
            if current and current.agency_id == agency:
                raise UserError(self.env._("The dossier is already at %(agency)s.", agency=agency.display_name))
            now = fields.Datetime.now()
            if current and not current.date_done:
                if not current.date_accepted:
                    current.write({"user_id": self.env.user.id, "date_accepted": now})
                current.note = note or current.note
                current._mark_done()
            dossier._close_activities()
            sequence = (current.sequence if current else 0) + 1
            deadline = engine.add_working_hours(dossier._calendar(), now, hours, pauses=())
            new_step = self.env["public_admin.dossier.step"].create(
                {
                    "dossier_id": dossier.id,
                    "sequence": sequence,
                    "name": step_name or self.env._("Process at %(agency)s", agency=agency.name),
                    "role": "officer",
                    "agency_id": agency.id,
                    "planned_offset_hours": engine.working_hours_between(
                        dossier._calendar(), dossier.date_received, deadline, pauses=dossier._closed_pauses()
                    ),
                    "date_deadline": min(deadline, dossier.date_due) if dossier.date_due else deadline,
                    "note": note,
                }
            )
            # Later planned steps keep their order after the inserted one.
            later_steps = (
                dossier.step_ids.filtered(lambda s, after=sequence: not s.date_done and s.sequence >= after) - new_step
            )
            for later in later_steps:
                later.sequence += 1
            dossier._enter_step(new_step, handed_by=self.env.user)
            dossier._set_state("in_progress")
            dossier.message_post(
                body=self.env._("Transferred to %(agency)s.", agency=agency.display_name) + (f" {note}" if note else "")
            )
        return True

    def action_request_supplement(self, reason, documents=None):
        """Ask the applicant for missing or corrected documents: the clock stops."""
        self._check_state(("received", "in_progress"), self.env._("request a supplement for"))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the supplement request."))
        for dossier in self.sudo():
            dossier._set_state(
                "supplement", state_before_pause=dossier.state, supplement_count=dossier.supplement_count + 1
            )
            dossier._open_pause("supplement", note=reason)
            dossier._update_overdue()
            body = self.env._("Supplement requested: %(reason)s", reason=reason)
            if documents:
                body += "\n" + documents
            dossier.message_post(body=body)
            dossier._notify_applicant("supplement")
        return True

    def action_resume(self):
        """The applicant supplied what was asked (or paid): the clock runs again."""
        self._check_state(PAUSED_STATES, self.env._("resume"))
        for dossier in self.sudo():
            dossier._close_pause()
            dossier._set_state(dossier.state_before_pause or "in_progress", state_before_pause=False)
            dossier._recompute_deadlines()
            dossier.message_post(
                body=self.env._(
                    "Processing resumed; appointment moved to %(due)s.", due=dossier._format_local(dossier.date_due)
                )
            )
        return True

    def action_await_financial(self):
        """Stop the clock while the applicant fulfils a financial obligation (tax, fee)."""
        self._check_state(("received", "in_progress"), self.env._("wait for the financial obligation of"))
        for dossier in self.sudo():
            dossier._set_state("financial", state_before_pause=dossier.state)
            dossier._open_pause("financial")
            dossier._update_overdue()
            dossier.message_post(body=self.env._("Waiting for the applicant's financial obligation."))
        return True

    def action_financial_done(self):
        self._check_state(("financial",), self.env._("confirm the financial obligation of"))
        return self.action_resume()

    def action_finish(self):
        """Finish processing; every planned step must be done."""
        self._check_state(("in_progress",), self.env._("finish processing"))
        for dossier in self.sudo():
            pending = dossier.step_ids.filtered(lambda s: not s.date_done)
            if pending:
                raise UserError(
                    self.env._("Steps are still pending: %(steps)s.", steps=", ".join(pending.mapped("name")))
                )
            dossier._finish_processing()
        return True

    def _finish_processing(self):
        now = fields.Datetime.now()
        for dossier in self.sudo():
            if dossier._financial_obligation_required():
                raise UserError(self.env._("The applicant's financial obligation is not fulfilled yet."))
            dossier._set_state("done", date_finished=now, current_step_id=False, is_overdue=False)
            dossier.message_post(body=self.env._("Processing finished; the result is ready to be returned."))
            dossier._notify_applicant("done")

    def action_return_result(self, method="counter", tracking_number=None):
        """Hand the result back, at the counter or by post."""
        self._check_state(("done",), self.env._("return the result of"))
        if method == "post" and not (tracking_number or "").strip():
            raise UserError(self.env._("Give the postal tracking number of the result."))
        now = fields.Datetime.now()
        for dossier in self.sudo():
            dossier._set_state(
                "returned",
                date_returned=now,
                date_closed=now,
                return_method=method,
                postal_tracking_number=tracking_number or False,
            )
            dossier.message_post(body=self.env._("Result returned."))
            dossier._notify_applicant("returned")
            dossier._on_result_returned()
        return True

    def action_refuse(self, reason):
        """Refuse the dossier (or refuse to receive it) with the reason the applicant will read."""
        self._check_state(("draft", "registered", "received", "in_progress", "supplement"), self.env._("refuse"))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the refusal."))
        now = fields.Datetime.now()
        for dossier in self.sudo():
            dossier._close_pause()
            dossier._set_state("refused", refusal_reason=reason, date_closed=now, is_overdue=False)
            dossier._close_activities()
            dossier.message_post(body=self.env._("Dossier refused: %(reason)s", reason=reason))
            dossier._notify_applicant("refused")
        return True

    def action_withdraw(self, reason=None):
        """The applicant withdraws a dossier that is not finished."""
        self._check_state(
            ("draft", "registered", "received", "in_progress", "supplement", "financial"), self.env._("withdraw")
        )
        now = fields.Datetime.now()
        for dossier in self.sudo():
            dossier._close_pause()
            dossier._set_state("withdrawn", withdraw_reason=reason, date_closed=now, is_overdue=False)
            dossier._close_activities()
            dossier.message_post(
                body=self.env._("Dossier withdrawn by the applicant.") + (f" {reason}" if reason else "")
            )
        return True

    def action_stop(self, reason):
        """Stop processing (e.g. the applicant did not supplement in time)."""
        self._check_state(OPEN_STATES, self.env._("stop"))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for stopping the processing."))
        now = fields.Datetime.now()
        for dossier in self.sudo():
            dossier._close_pause()
            dossier._set_state("stopped", stop_reason=reason, date_closed=now, is_overdue=False)
            dossier._close_activities()
            dossier.message_post(body=self.env._("Processing stopped: %(reason)s", reason=reason))
            dossier._notify_applicant("stopped")
        return True

    def action_apologize(self, reason, new_date, agency=None):
        """Record the apology of a late agency and the new appointment promised to the applicant."""
        self._check_state(OPEN_STATES + ("done",), self.env._("apologise for"))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the delay."))
        for dossier in self.sudo():
            reference = dossier.date_due_promised or dossier.date_due
            if not new_date or (reference and new_date <= reference):
                raise UserError(
                    self.env._("The new appointment must come after %(due)s.", due=dossier._format_local(reference))
                )
            late_agency = agency or dossier.current_agency_id or dossier.agency_id
            self.env["public_admin.dossier.apology"].create(
                {
                    "dossier_id": dossier.id,
                    "agency_id": late_agency.id,
                    "reason": reason,
                    "date_due_previous": reference,
                    "date_due_new": new_date,
                }
            )
            dossier.with_context(public_admin_state_change=True).write({"date_due_promised": new_date})
            dossier.message_post(
                body=self.env._(
                    "Apology issued by %(agency)s: %(reason)s. New appointment %(date)s.",
                    agency=late_agency.display_name,
                    reason=reason,
                    date=dossier._format_local(new_date),
                )
            )
            dossier._notify_applicant("apology")
        return True

    def action_open_reason_wizard(self):
        """Open the wizard asking the reason of the transition named in the context."""
        self.ensure_one()
        action = self.env.context.get("reason_action")
        titles = {
            "supplement": self.env._("Request a supplement"),
            "refuse": self.env._("Refuse the dossier"),
            "stop": self.env._("Stop processing"),
            "withdraw": self.env._("Withdraw the dossier"),
            "return_post": self.env._("Return the result by post"),
        }
        if action not in titles:
            raise UserError(self.env._("Unknown action."))
        return {
            "type": "ir.actions.act_window",
            "name": titles[action],
            "res_model": "public_admin.dossier.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id, "default_action": action},
        }

    def action_open_transfer_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Transfer to another agency"),
            "res_model": "public_admin.dossier.transfer.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id},
        }

    def action_open_apology_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Apology and new appointment"),
            "res_model": "public_admin.dossier.apology.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_dossier_id": self.id,
                "default_agency_id": (self.current_agency_id or self.agency_id).id,
            },
        }

    def action_print_receipt(self):
        self.ensure_one()
        if not self.name:
            raise UserError(self.env._("Receive the dossier before printing its receipt."))
        return self.env.ref("public_admin_centre.public_admin_dossier_report_receipt").report_action(self)

    def action_return_at_counter(self):
        return self.action_return_result(method="counter")

    def _check_user_at_agency(self, agency):
        """Only the agency's own people (or managers) move a dossier held by that agency."""
        user = self.env.user
        if user.has_group("public_admin_centre.group_centre_manager"):
            return
        if agency not in self._my_agencies():
            raise UserError(
                self.env._(
                    "Dossier %(dossier)s is at %(agency)s: only its officers can process it.",
                    dossier=self.display_name,
                    agency=agency.display_name,
                )
            )

    # ------------------------------------------------------------------ formatting
    def _format_local(self, value, with_time=True):
        if not value:
            return ""
        local = pytz.utc.localize(value).astimezone(self._local_tz())
        return local.strftime("%H:%M %d/%m/%Y" if with_time else "%d/%m/%Y")

    # ------------------------------------------------------------------ extension points
    def _financial_obligation_required(self):
        """True while a financial obligation blocks the end of processing (fees addon)."""
        return False

    def _on_result_returned(self):
        """Called once the result is handed back (the survey addon invites to rate)."""
        return True

    def _get_public_status_url(self):
        """The one URL of the public status page, printed as QR code on the receipt."""
        self.ensure_one()
        base_url = self.get_base_url()
        return f"{base_url}/tra-cuu-ho-so/{self.sudo().lookup_token}"

    def _notify_applicant(self, event):
        """Tell the applicant about ``event`` by email and by SMS, as their preferences allow.

        ``event`` names the templates: mail template ``mail_template_dossier_<event>`` and SMS
        template ``sms_template_dossier_<event>`` (registered, received, supplement, refused,
        apology, done, returned, stopped). Both are posted in the chatter, so the centre sees
        what was sent; a failed SMS shows there in error and is retried (models/sms_sms.py).
        """

        sms_queued = False
        for dossier in self.sudo():
            partner = dossier.partner_id
            # A citizen acting online is the author of the message: still notify them.
            dossier = dossier.with_context(mail_notify_author=self.env.user.partner_id == partner)
            mail_template = self.env.ref(f"public_admin_centre.mail_template_dossier_{event}", raise_if_not_found=False)
            if mail_template and dossier.applicant_email and partner.public_admin_notify_email:
                # The address declared on the dossier wins over the contact's own.
                recipient = partner
                if partner.email_normalized != email_normalize(dossier.applicant_email):
                    recipient = self.env["res.partner"].find_or_create(
                        formataddr((dossier.applicant_name or "", dossier.applicant_email))
                    )
                dossier.message_post_with_source(
                    mail_template,
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=recipient.ids,
                )
            # Results sent by post have their own SMS: each text is a whole translatable sentence.
            by_post = (event == "done" and dossier.channel == "postal") or (
                event == "returned" and dossier.return_method == "post"
            )
            sms_template = (
                by_post
                and self.env.ref(f"public_admin_centre.sms_template_dossier_{event}_post", raise_if_not_found=False)
            ) or self.env.ref(f"public_admin_centre.sms_template_dossier_{event}", raise_if_not_found=False)
            if sms_template and dossier.applicant_phone and partner.public_admin_notify_sms:
                # Queued, not sent inline: a slow gateway must not hold the counter's reception.
                dossier._message_sms_with_template(
                    template=sms_template,
                    partner_ids=partner.ids,
                    sms_pid_to_number={partner.id: dossier.applicant_phone},
                    put_in_queue=True,
                )
                sms_queued = True
        if sms_queued:
            self.env.ref("sms.ir_cron_sms_scheduler_action").sudo()._trigger()
        return True

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_update_overdue(self, batch_size=1000):
        now = fields.Datetime.now()
        to_flag = self.search(
            [("state", "in", ("received", "in_progress")), ("is_overdue", "=", False), ("date_due", "<", now)],
            limit=batch_size,
        )
        to_flag.write({"is_overdue": True})
        return to_flag

    @api.model
    def _cron_send_reminders(self, batch_size=200):
        """Remind the holders of dossiers due soon, and agency heads of overdue ones."""
        self._cron_update_overdue()
        hours = float(self.env["ir.config_parameter"].sudo().get_param("public_admin_centre.reminder_hours", 8))
        now = fields.Datetime.now()
        engine = self.env["public_admin.deadline"]
        calendar = (
            self.env.ref("public_admin_centre.resource_calendar_public_admin", raise_if_not_found=False)
            or self.env.company.resource_calendar_id
        )
        horizon = engine.add_working_hours(calendar, now, hours)
        reminder_type = self.env.ref("public_admin_centre.mail_activity_type_dossier_reminder")
        due_soon = self.search(
            [
                ("state", "in", ("received", "in_progress")),
                ("is_overdue", "=", False),
                ("date_due", ">=", now),
                ("date_due", "<=", horizon),
            ]
        )
        overdue = self.search([("state", "in", ("received", "in_progress")), ("is_overdue", "=", True)])
        todo = [(d, "due_soon") for d in due_soon] + [(d, "overdue") for d in overdue]
        already = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", [d.id for d, _k in todo]),
                ("activity_type_id", "=", reminder_type.id),
            ]
        )
        reminded = {(a.res_id, a.user_id.id) for a in already}
        done = 0
        for dossier, kind in todo[:batch_size]:
            if kind == "due_soon":
                users = dossier.user_id or dossier.current_agency_id.user_ids
                summary = self.env._("Due %(due)s", due=dossier._format_local(dossier.date_due))
            else:
                users = dossier.current_agency_id.head_user_ids or dossier.agency_id.head_user_ids
                summary = self.env._("Overdue since %(due)s", due=dossier._format_local(dossier.date_due))
            for user in users:
                if (dossier.id, user.id) in reminded:
                    continue
                dossier.activity_schedule(
                    activity_type_id=reminder_type.id,
                    summary=summary,
                    user_id=user.id,
                    date_deadline=fields.Date.context_today(self),
                )
                reminded.add((dossier.id, user.id))
            done += 1
        remaining = len(todo) - done
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    # ------------------------------------------------------------------ portal
    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Receipt %(code)s", code=self.name or self.id)

    def action_view_public_status(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": self._get_public_status_url(), "target": "new"}

    # Files citizens upload: the content decides the type, never the name or the browser.
    _portal_upload_types = {"application/pdf": ("pdf",), "image/jpeg": ("jpg", "jpeg"), "image/png": ("png",)}
    # An inner extension from this list ("x.pdf.exe", "x.exe.pdf") is a forged name.
    _portal_forged_extensions = frozenset(
        "exe com bat cmd scr pif msi msp cpl dll jar js jse mjs vbs vbe wsf wsh hta ps1 psm1 sh bash "
        "php phtml php5 py pl cgi asp aspx jsp html htm xhtml svg xml lnk reg apk app dmg iso".split()
    )
    _portal_max_files_per_line = 10

    @api.model
    def _portal_upload_max_bytes(self):
        value = self.env["ir.config_parameter"].sudo().get_param("public_admin_centre.upload_max_mb", "10")
        try:
            megabytes = float(value)
        except ValueError:
            megabytes = 10.0
        return int(max(megabytes, 0.1) * 1024 * 1024)

    @api.model
    def _portal_check_file(self, filename, data):
        """Check one uploaded file; return ``(clean name, mimetype)`` or raise UserError.

        PDF, JPEG and PNG only, recognised from their first bytes; the size limit comes from
        the ``public_admin_centre.upload_max_mb`` parameter; path parts are dropped from the
        name, whose extension must match the content, and a double extension hiding another
        type is refused.
        """
        import unicodedata

        from odoo.tools.mimetypes import guess_mimetype

        name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
        name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip().lstrip(".").strip()
        label = name or self.env._("(no name)")
        if not data:
            raise UserError(self.env._("The file “%(name)s” is empty.", name=label))
        max_bytes = self._portal_upload_max_bytes()
        if len(data) > max_bytes:
            size = "%g" % (max_bytes / 1024 / 1024)  # no f-string inside _(): the extractor evals them
            raise UserError(
                self.env._(
                    "The file “%(name)s” is too large: at most %(size)s MB is accepted.",
                    name=label,
                    size=size,
                )
            )
        mimetype = guess_mimetype(data, default="application/octet-stream")
        extensions = self._portal_upload_types.get(mimetype)
        if not extensions:
            raise UserError(
                self.env._(
                    "The file “%(name)s” is not a PDF, JPEG or PNG file: only these types are accepted.",
                    name=label,
                )
            )
        parts = name.split(".")
        if len(parts) < 2 or not parts[0].strip():
            name = f"{parts[0].strip() or self.env._('document')}.{extensions[0]}"
            parts = name.split(".")
        if parts[-1].lower() not in extensions:
            raise UserError(
                self.env._(
                    "The name of the file “%(name)s” does not match its content (%(type)s): rename it with "
                    "the extension .%(extension)s.",
                    name=label,
                    type=extensions[0].upper(),
                    extension=extensions[0],
                )
            )
        if any(part.lower().strip() in self._portal_forged_extensions for part in parts[1:-1]):
            raise UserError(
                self.env._(
                    "The name of the file “%(name)s” hides another type of file: rename it without the "
                    "double extension.",
                    name=label,
                )
            )
        stem = ".".join(parts[:-1])[:120].strip()
        return f"{stem}.{parts[-1].lower()}", mimetype

    @api.model
    def _portal_check_files(self, files, label, errors):
        """Check ``[(filename, data)]`` uploaded for ``label``; append problems to ``errors``."""
        if len(files) > self._portal_max_files_per_line:
            errors.append(
                self.env._(
                    "At most %(count)s files can be attached to “%(document)s”.",
                    count=self._portal_max_files_per_line,
                    document=label,
                )
            )
            return []
        checked = []
        for filename, data in files:
            try:
                clean_name, mimetype = self._portal_check_file(filename, data)
            except UserError as error:
                errors.append(error.args[0])
                continue
            checked.append((clean_name, mimetype, data))
        return checked

    def _portal_create_attachments(self, checked_files):
        """Store checked files on the dossier (as superuser: callers check access first)."""
        self.ensure_one()
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {"name": name, "raw": data, "mimetype": mimetype, "res_model": self._name, "res_id": self.id}
                    for name, mimetype, data in checked_files
                ]
            )
        )

    @api.model
    def _portal_submit(self, procedure, applicant, files_by_line):
        """Register online, for the current user, a dossier of ``procedure``.

        :param applicant: dict with ``name``, ``phone``, ``email``, ``id_number``, ``address``
            and ``summary`` as typed in the form
        :param files_by_line: ``{procedure document id: [(filename, data), ...]}``
        Every check runs before anything is written and the writing happens in a savepoint: on
        UserError or ValidationError no dossier and no file is left behind.
        """
        procedure = procedure.sudo()
        if not (
            procedure.exists()
            and procedure.active
            and procedure.is_published
            and procedure.is_current
            and procedure.accepts_online
        ):
            raise UserError(self.env._("This procedure cannot be submitted online."))
        errors = []
        name = (applicant.get("name") or "").strip()
        phone = (applicant.get("phone") or "").strip()
        email = (applicant.get("email") or "").strip()
        if not name:
            errors.append(self.env._("Give the applicant's name."))
        if not phone:
            errors.append(
                self.env._("Give a phone number: the centre calls it and its last digits let you follow the dossier.")
            )
        if email and not single_email_re.match(email):
            errors.append(self.env._("The email address “%(email)s” is not valid.", email=email))
        checked_by_line = {}
        for line in procedure.document_ids:
            files = files_by_line.get(line.id) or []
            if line.is_required and not files:
                errors.append(self.env._("Attach “%(document)s”: it is required.", document=line.name))
            checked = self._portal_check_files(files, line.name, errors)
            if checked:
                checked_by_line[line.id] = checked
        if errors:
            raise UserError("\n".join(errors))

        user = self.env.user
        reception = (
            self.env["public_admin.agency"]
            .sudo()
            .search(
                [("is_reception_centre", "=", True), ("company_id", "=", procedure.company_id.id)],
                limit=1,
            )
        )
        with self.env.cr.savepoint():
            dossier = self.sudo().create(
                {
                    "procedure_id": procedure.id,
                    "company_id": procedure.company_id.id,
                    "receiving_agency_id": reception.id or False,
                    "partner_id": user.partner_id.id,
                    "channel": "online",
                    "applicant_name": name,
                    "applicant_phone": phone,
                    "applicant_email": email or False,
                    "applicant_id_number": (applicant.get("id_number") or "").strip() or False,
                    "applicant_address": (applicant.get("address") or "").strip() or False,
                    "summary": (applicant.get("summary") or "").strip() or False,
                }
            )
            for document in dossier.document_ids:
                checked = checked_by_line.get(document.procedure_document_id.id)
                if checked:
                    attachments = dossier._portal_create_attachments(checked)
                    document.write(
                        {
                            "attachment_ids": [fields.Command.link(a.id) for a in attachments],
                            "is_received": True,
                        }
                    )
            dossier.action_register_online()
        return dossier

    def _portal_add_supplement_files(self, files_by_document, general_files=(), message=None):
        """The applicant answers a supplement request from the portal.

        :param files_by_document: ``{dossier document id: [(filename, data), ...]}``
        :param general_files: ``[(filename, data)]`` not tied to a checklist line
        The files are checked first, then stored on the lines, announced in the chatter, and the
        officer who asked for the supplement gets an activity: they check the files and resume
        the dossier themselves ("Supplement received"); the clock does not restart on its own.
        """
        from markupsafe import Markup, escape

        self.ensure_one()
        dossier = self.sudo()
        if dossier.state != "supplement":
            raise UserError(
                self.env._(
                    "Dossier %(dossier)s is not waiting for a supplement.", dossier=dossier.name or dossier.display_name
                )
            )
        errors = []
        checked_by_document = {}
        for document in dossier.document_ids:
            checked = self._portal_check_files(files_by_document.get(document.id) or [], document.name, errors)
            if checked:
                checked_by_document[document] = checked
        checked_general = self._portal_check_files(list(general_files), self.env._("Other documents"), errors)
        message = (message or "").strip()
        if not errors and not checked_by_document and not checked_general and not message:
            errors.append(self.env._("Attach at least one file or write a message to the centre."))
        if errors:
            raise UserError("\n".join(errors))

        with self.env.cr.savepoint():
            all_attachments = self.env["ir.attachment"]
            lines = []
            for document, checked in checked_by_document.items():
                attachments = dossier._portal_create_attachments(checked)
                document.write({"attachment_ids": [fields.Command.link(a.id) for a in attachments]})
                all_attachments |= attachments
                lines.append(Markup("<li>%s: %s</li>") % (document.name, ", ".join(attachments.mapped("name"))))
            if checked_general:
                attachments = dossier._portal_create_attachments(checked_general)
                all_attachments |= attachments
                lines.append(
                    Markup("<li>%s: %s</li>") % (self.env._("Other documents"), ", ".join(attachments.mapped("name")))
                )
            body = Markup("<p>%s</p>") % self.env._("Supplement sent online by the applicant.")
            if message:
                body += Markup("<p>%s</p>") % Markup("<br/>").join(escape(line) for line in message.splitlines())
            if lines:
                body += Markup("<ul>%s</ul>") % Markup().join(lines)
            # The files stay on the checklist lines only: attached to the applicant's own message,
            # the portal would let its author delete what they handed in.
            dossier.message_post(
                body=body,
                author_id=self.env.user.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            pause = dossier.pause_ids.filtered(lambda p: p.reason == "supplement" and not p.date_end)[:1]
            officer = next(
                (
                    u
                    for u in (pause.create_uid, dossier.user_id, dossier.receiving_user_id)
                    if u and u.active and not u.share
                ),
                None,
            )
            if officer:
                dossier.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Supplement received online: check it and resume"),
                    user_id=officer.id,
                )
        return all_attachments

    def _portal_can_withdraw(self):
        self.ensure_one()
        return self.state in ("registered", "received", "in_progress", "supplement", "financial")

    def _portal_appointment(self):
        """The appointment the applicant holds: the one promised by an apology, if any."""
        self.ensure_one()
        return self.date_due_promised or self.date_due

    def _portal_next_step(self):
        """What the applicant must do next, for the portal and the public status page.

        Returns a dict: ``title``, ``text``, ``level`` (a Bootstrap colour) and ``missing``
        (``[(document, what is wrong)]`` of a supplement request).
        """
        self.ensure_one()
        dossier = self.sudo()
        _ = self.env._
        missing = []
        place = dossier.receiving_agency_id or dossier.agency_id
        place_text = place.name or _("the centre")
        if place.partner_id:
            address = ", ".join(
                line.strip()
                for line in place.partner_id._display_address(without_company=True).splitlines()
                if line.strip()
            )
            if address:
                place_text = f"{place_text} ({address})"
        if dossier.state == "registered":
            title, level = _("Awaiting reception"), "info"
            text = _(
                "Your dossier was submitted online. The front desk checks it, then gives it a code and "
                "an appointment, or tells you what is missing."
            )
        elif dossier.state in ("received", "in_progress"):
            title, level = _("Being processed"), "info"
            text = _("Nothing to do for now: you will be told when the result is ready.")
        elif dossier.state == "supplement":
            title, level = _("Supplement needed"), "warning"
            pause = dossier.pause_ids.filtered(lambda p: p.reason == "supplement" and not p.date_end)[:1]
            if pause.note:
                text = _(
                    "The centre needs more documents before going on: %(reason)s Send them from your "
                    "account or bring them to %(place)s.",
                    reason=pause.note,
                    place=place_text,
                )
            else:
                text = _(
                    "The centre needs more documents before going on. Send them from your account or "
                    "bring them to %(place)s.",
                    place=place_text,
                )
            missing = [(d.name, d.note) for d in dossier.document_ids if d.note]
        elif dossier.state == "financial":
            title, level = _("Payment needed"), "warning"
            text = _(
                "Fulfil the financial obligation (fees, charges or taxes) you were told about: "
                "processing resumes once it is done."
            )
        elif dossier.state == "done":
            title, level = _("Result ready"), "success"
            text = _(
                "Come to collect the result at %(place)s with your receipt and your identity card.", place=place_text
            )
        elif dossier.state == "returned":
            title, level = _("Result returned"), "success"
            if dossier.return_method == "post":
                text = _(
                    "The result was sent by post (tracking number %(number)s).",
                    number=dossier.postal_tracking_number or "",
                )
            else:
                text = _(
                    "The result was handed over on %(date)s.",
                    date=dossier._format_local(dossier.date_returned, with_time=False),
                )
        elif dossier.state == "refused":
            title, level = _("Refused"), "danger"
            text = _("Reason: %(reason)s", reason=dossier.refusal_reason or "")
        elif dossier.state == "withdrawn":
            title, level = _("Withdrawn"), "secondary"
            text = _("The dossier was withdrawn at the applicant's request.")
        elif dossier.state == "stopped":
            title, level = _("Processing stopped"), "danger"
            text = _("Reason: %(reason)s", reason=dossier.stop_reason or "")
        else:
            title, level = _("Being entered"), "secondary"
            text = _("The dossier is being entered at the counter.")
        return {"title": title, "text": text, "level": level, "missing": missing}

    def _portal_timeline(self):
        """What happened so far, oldest first, then the step in progress.

        Each event: ``label``, ``agency`` (a name, never an officer), ``date`` (local text) and
        ``done``.
        """
        self.ensure_one()
        dossier = self.sudo()
        _ = self.env._
        dated = []  # (utc datetime, event)

        def add(when, label, agency="", done=True):
            dated.append(
                (when, {"label": label, "agency": agency or "", "date": dossier._format_local(when), "done": done})
            )

        if dossier.date_registered:
            add(dossier.date_registered, _("Submitted online"))
        if dossier.date_received:
            add(dossier.date_received, _("Received"), (dossier.receiving_agency_id or dossier.agency_id).name)
        for step in dossier.step_ids.filtered(lambda s: s.date_done and s.role != "reception"):
            add(step.date_done, step.name, step.agency_id.name)
        for pause in dossier.pause_ids:
            add(
                pause.date_start,
                _("Supplement requested") if pause.reason == "supplement" else _("Awaiting financial obligation"),
                done=bool(pause.date_end),
            )
            if pause.date_end:
                add(pause.date_end, _("Processing resumed"))
        for apology in dossier.apology_ids:
            add(apology.create_date, _("Apology and new appointment"), apology.agency_id.name)
        closing = {
            "done": (dossier.date_finished, _("Processing finished")),
            "returned": (dossier.date_returned, _("Result returned")),
            "refused": (dossier.date_closed, _("Refused")),
            "withdrawn": (dossier.date_closed, _("Withdrawn")),
            "stopped": (dossier.date_closed, _("Processing stopped")),
        }
        if dossier.date_finished and dossier.state == "returned":
            add(dossier.date_finished, _("Processing finished"))
        when, label = closing.get(dossier.state, (None, None))
        if when:
            add(when, label)
        events = [event for _when, event in sorted(dated, key=lambda item: item[0])]
        current = dossier.current_step_id
        if current and not current.date_done and dossier.state in ("received", "in_progress"):
            events.append({"label": current.name, "agency": current.agency_id.name or "", "date": "", "done": False})
        return events

    @api.model
    def _public_find_by_code(self, code, phone_digits):
        """The dossier with this code whose applicant's phone ends with ``phone_digits``.

        Both factors must match; the caller cannot tell which one did not.
        """
        code = (code or "").strip()
        digits = "".join(c for c in phone_digits or "" if c.isdigit())
        if not code or len(digits) != 4 or len(code) > 64:
            return self.browse()
        candidates = self.sudo().search(
            [("name", "in", list({code, code.upper()})), ("state", "!=", "draft")],
            limit=5,
        )
        found = self.browse()
        for dossier in candidates:
            stored = "".join(c for c in dossier.applicant_phone or "" if c.isdigit())
            if len(stored) >= 4 and consteq(stored[-4:], digits):
                found = dossier
        return found

    @api.model
    def _public_find_by_token(self, token):
        """The dossier whose status lookup token is ``token`` (as printed in the receipt's QR code)."""
        token = (token or "").strip()
        if not token or len(token) > 64 or not token.isalnum():
            return self.browse()
        dossier = self.sudo().search([("lookup_token", "=", token), ("state", "!=", "draft")], limit=1)
        if dossier and consteq(dossier.lookup_token, token):
            return dossier
        return self.browse()
