import uuid
import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

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
        compute="_compute_applicant", store=True, readonly=False, string="Citizen ID number",
        help="12-digit citizen identity number (CCCD).",
    )
    applicant_address = fields.Char(compute="_compute_applicant_address", store=True, readonly=False, string="Address")
    representative_id = fields.Many2one(
        "res.partner", string="Authorised representative",
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
        STATES, default="draft", required=True, readonly=True, copy=False, index=True, tracking=True,
        group_expand="_group_expand_states",
    )
    state_before_pause = fields.Selection(STATES, readonly=True, copy=False)
    date_registered = fields.Datetime(string="Registered on", readonly=True, copy=False)
    date_received = fields.Datetime(string="Received on", readonly=True, copy=False, index=True, tracking=True)
    date_due = fields.Datetime(
        string="Appointment", readonly=True, copy=False, index=True, tracking=True,
        help="Legal appointment: processing time from reception, moved by the time the clock was stopped.",
    )
    date_due_initial = fields.Datetime(string="Appointment at reception", readonly=True, copy=False)
    date_due_promised = fields.Datetime(
        string="New appointment", readonly=True, copy=False, tracking=True,
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
        TIMELINESS, compute="_compute_timeliness", store=True, index=True,
        help="Early, on time or late against the appointment, supplement time excluded. "
        "A dossier that needed more than one supplement request counts as late.",
    )
    is_overdue = fields.Boolean(
        string="Overdue", readonly=True, copy=False, index=True,
        help="Still being processed after its appointment. Updated on every move and by a scheduled job.",
    )

    refusal_reason = fields.Text(readonly=True, copy=False, tracking=True)
    stop_reason = fields.Text(readonly=True, copy=False, tracking=True)
    withdraw_reason = fields.Text(readonly=True, copy=False)
    return_method = fields.Selection(
        [("counter", "At the counter"), ("post", "By post"), ("online", "Online")],
        string="Result returned", readonly=True, copy=False,
    )
    postal_tracking_number = fields.Char(readonly=True, copy=False)
    lookup_token = fields.Char(
        string="Status lookup token", default=lambda self: uuid.uuid4().hex, copy=False, readonly=True,
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
        return self.env["public_admin.agency"].sudo().search(
            [("id", "child_of", self.env.user.public_admin_agency_ids.ids)]
        )

    @api.depends("current_step_id.date_accepted")
    def _compute_current_step_accepted(self):
        for dossier in self:
            dossier.current_step_accepted = bool(dossier.current_step_id.date_accepted)

    @api.depends("step_ids.agency_id")
    def _compute_is_inter_agency(self):
        for dossier in self:
            dossier.is_inter_agency = len(dossier.step_ids.agency_id) > 1

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
        super()._compute_access_url()
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
        return agency.calendar_id or self.env.ref(
            "public_admin_centre.resource_calendar_public_admin", raise_if_not_found=False
        ) or self.env.company.resource_calendar_id

    # ------------------------------------------------------------------ validation
    @api.constrains("applicant_phone")
    def _check_applicant_phone(self):
        for dossier in self.filtered("applicant_phone"):
            if not normalize_vietnamese_phone(dossier.applicant_phone):
                raise ValidationError(
                    self.env._("The phone number “%(phone)s” is not a valid Vietnamese phone number.",
                               phone=dossier.applicant_phone)
                )

    @api.constrains("applicant_id_number")
    def _check_applicant_id_number(self):
        for dossier in self.filtered("applicant_id_number"):
            if not is_valid_citizen_id_number(dossier.applicant_id_number):
                raise ValidationError(
                    self.env._(
                        "The citizen ID number “%(number)s” is not valid: it has 12 digits and starts "
                        "with a province code.", number=dossier.applicant_id_number,
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

    def _fill_checklist(self):
        self.ensure_one()
        self.document_ids = [
            fields.Command.create({
                "procedure_document_id": line.id,
                "name": line.name,
                "copies": line.copies,
                "copy_type": line.copy_type,
                "is_required": line.is_required,
            })
            for line in self.procedure_id.document_ids
        ]

    @api.onchange("procedure_id")
    def _onchange_procedure_id(self):
        if self.procedure_id:
            self.agency_id = self.procedure_id.agency_id
            self.document_ids = [fields.Command.clear()] + [
                fields.Command.create({
                    "procedure_document_id": line.id,
                    "name": line.name,
                    "copies": line.copies,
                    "copy_type": line.copy_type,
                    "is_required": line.is_required,
                })
                for line in self.procedure_id.document_ids
            ]

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
                        action=action_label, dossier=dossier.display_name, state=state_label,
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
                    self.env._("The applicant's %(fields)s must be filled before receiving the dossier.",
                               fields=", ".join(missing))
                )

    def _check_required_documents(self):
        for dossier in self:
            missing = dossier.document_ids.filtered(lambda d: d.is_required and not d.is_received)
            if missing:
                raise UserError(
                    self.env._(
                        "Dossier %(dossier)s misses required documents:\n%(documents)s\n"
                        "Request them from the applicant or mark them received.",
                        dossier=dossier.display_name,
                        documents="\n".join(f"- {name}" for name in missing.mapped("name")),
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
            overdue = bool(dossier.state in OPEN_STATES and dossier.date_due and dossier.date_due < now
                           and dossier.state not in PAUSED_STATES)
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
                vals_list.append({
                    "dossier_id": dossier.id,
                    "sequence": template.sequence,
                    "name": template.name,
                    "role": template.role,
                    "agency_id": (template.agency_id or dossier.agency_id).id,
                    "planned_offset_hours": offset,
                    "date_deadline": min(deadline, dossier.date_due) if dossier.date_due else deadline,
                })
            if not vals_list:
                vals_list.append({
                    "dossier_id": dossier.id,
                    "sequence": 10,
                    "name": self.env._("Appraise and decide"),
                    "role": "officer",
                    "agency_id": dossier.agency_id.id,
                    "planned_offset_hours": 0.0,
                    "date_deadline": dossier.date_due,
                })
            self.env["public_admin.dossier.step"].create(vals_list)

    def _enter_step(self, step, handed_by=None):
        """Hand the dossier over to ``step``'s agency and tell its people."""
        self.ensure_one()
        now = fields.Datetime.now()
        step.write({"date_start": now, "handed_by_id": (handed_by or self.env.user).id})
        self.with_context(public_admin_state_change=True).write({
            "current_step_id": step.id,
            "current_agency_id": step.agency_id.id,
            "agency_ids": [fields.Command.link(step.agency_id.id)],
            "user_id": step.user_id.id or False,
        })
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
        deadline_date = fields.Date.to_date(step.date_deadline) if step.date_deadline else fields.Date.context_today(self)
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
        self.env["public_admin.dossier.pause"].create([
            {"dossier_id": dossier.id, "reason": reason, "date_start": fields.Datetime.now(), "note": note}
            for dossier in self
        ])

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
                    self.env._("Procedure %(procedure)s is not in force today.", procedure=dossier.procedure_id.display_name)
                )
            if dossier.channel != "online" and not dossier.procedure_id.accepts_counter and dossier.channel == "counter":
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
            dossier.document_ids.filtered(lambda d: d.is_received and not d.date_received).write(
                {"date_received": now}
            )
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
                    code=code, due=dossier._format_local(date_due),
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
                raise UserError(self.env._("Dossier %(dossier)s has no step waiting to be processed.",
                                           dossier=dossier.display_name))
            dossier._check_user_at_agency(step.agency_id)
            step.write({"user_id": self.env.user.id, "date_accepted": fields.Datetime.now()})
            dossier._set_state("in_progress", user_id=self.env.user.id)
            dossier.message_post(body=self.env._("%(user)s started “%(step)s”.", user=self.env.user.name, step=step.name))
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
                dossier.message_post(
                    body=self.env._("Handed over from %(from)s to %(to)s for “%(step)s”.",
                                    **{"from": step.agency_id.display_name, "to": next_step.agency_id.display_name,
                                       "step": next_step.name})
                )
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
            new_step = self.env["public_admin.dossier.step"].create({
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
            })
            # Later planned steps keep their order after the inserted one.
            for later in dossier.step_ids.filtered(lambda s: not s.date_done and s != new_step and s.sequence >= sequence):
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
                body=self.env._("Processing resumed; appointment moved to %(due)s.",
                                due=dossier._format_local(dossier.date_due))
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
                "returned", date_returned=now, date_closed=now, return_method=method,
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
        self._check_state(("draft", "registered", "received", "in_progress", "supplement", "financial"),
                          self.env._("withdraw"))
        now = fields.Datetime.now()
        for dossier in self.sudo():
            dossier._close_pause()
            dossier._set_state("withdrawn", withdraw_reason=reason, date_closed=now, is_overdue=False)
            dossier._close_activities()
            dossier.message_post(body=self.env._("Dossier withdrawn by the applicant.") + (f" {reason}" if reason else ""))
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
            self.env["public_admin.dossier.apology"].create({
                "dossier_id": dossier.id,
                "agency_id": late_agency.id,
                "reason": reason,
                "date_due_previous": reference,
                "date_due_new": new_date,
            })
            dossier.with_context(public_admin_state_change=True).write({"date_due_promised": new_date})
            dossier.message_post(
                body=self.env._("Apology issued by %(agency)s: %(reason)s. New appointment %(date)s.",
                                agency=late_agency.display_name, reason=reason, date=dossier._format_local(new_date))
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
            "context": {"default_dossier_id": self.id, "default_agency_id": (self.current_agency_id or self.agency_id).id},
        }

    def action_return_at_counter(self):
        return self.action_return_result(method="counter")

    def _check_user_at_agency(self, agency):
        """Only the agency's own people (or managers) move a dossier held by that agency."""
        user = self.env.user
        if user.has_group("public_admin_centre.group_centre_manager"):
            return
        if agency not in self._my_agencies():
            raise UserError(
                self.env._("Dossier %(dossier)s is at %(agency)s: only its officers can process it.",
                           dossier=self.display_name, agency=agency.display_name)
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
        """Tell the applicant about ``event``; the notification layer fills this in."""
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
        calendar = self.env.ref("public_admin_centre.resource_calendar_public_admin", raise_if_not_found=False) \
            or self.env.company.resource_calendar_id
        horizon = engine.add_working_hours(calendar, now, hours)
        reminder_type = self.env.ref("public_admin_centre.mail_activity_type_dossier_reminder")
        due_soon = self.search([
            ("state", "in", ("received", "in_progress")), ("is_overdue", "=", False),
            ("date_due", ">=", now), ("date_due", "<=", horizon),
        ])
        overdue = self.search([("state", "in", ("received", "in_progress")), ("is_overdue", "=", True)])
        todo = [(d, "due_soon") for d in due_soon] + [(d, "overdue") for d in overdue]
        already = self.env["mail.activity"].search([
            ("res_model", "=", self._name), ("res_id", "in", [d.id for d, _k in todo]),
            ("activity_type_id", "=", reminder_type.id),
        ])
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
                    activity_type_id=reminder_type.id, summary=summary, user_id=user.id,
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
