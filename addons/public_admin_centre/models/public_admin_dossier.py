import uuid

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import is_valid_citizen_id_number, mask_id_number, normalize_vietnamese_phone

# One name per state, everywhere (backend, portal, public lookup, notifications): the words of
# the national public service portal, through the Vietnamese translation of these labels. Other
# places read the label from the field (``_state_label``), never a text of their own.
STATES = [
    ("draft", "Draft"),
    ("registered", "Awaiting reception"),
    ("received", "Received"),
    ("in_progress", "In process"),
    ("supplement", "Awaiting supplement"),
    ("financial", "Awaiting financial obligation"),
    ("done", "Result ready"),
    ("returned", "Result returned"),
    ("refused", "Refused"),
    ("withdrawn", "Withdrawn"),
    ("stopped", "Processing stopped"),
]
# States where the dossier's clock runs: received and being processed.
RUNNING_STATES = ("received", "in_progress")
# States where the dossier is with the administration and its clock may run.
OPEN_STATES = RUNNING_STATES + ("supplement", "financial")
# States before reception: entered at the counter, or submitted online.
BEFORE_RECEPTION_STATES = ("draft", "registered")
# States where the clock is stopped, waiting for the citizen.
PAUSED_STATES = ("supplement", "financial")
TIMELINESS = [("early", "Early"), ("on_time", "On time"), ("late", "Late")]
# The applicant as declared on the dossier: key of res.partner._public_admin_find_or_create_applicant -> field.
APPLICANT_FIELDS = {
    "name": "applicant_name",
    "id_number": "applicant_id_number",
    "phone": "applicant_phone",
    "email": "applicant_email",
    "address": "applicant_address",
    "birthdate": "applicant_birthdate",
    "gender": "applicant_gender",
}


class PublicAdminDossier(models.Model):
    _name = "public_admin.dossier"
    _description = "Dossier"
    _inherit = ["portal.mixin", "mail.thread.phone", "mail.activity.mixin"]
    _order = "date_received desc, id desc"
    _rec_names_search = ["name", "applicant_name"]
    _check_company_auto = True
    _primary_email = "applicant_email"

    name = fields.Char(string="Dossier code", readonly=True, copy=False, index=True, tracking=True)
    online_reference = fields.Char(
        string="Online submission reference",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Given at once to a dossier submitted online, for the applicant to quote until the front desk "
        "receives it; the dossier code given at reception is the official one.",
    )
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
    # Not required: at the counter the applicant's data is typed or scanned, and the contact is
    # found or created from it when the dossier is saved (_public_admin_link_applicant).
    partner_id = fields.Many2one("res.partner", string="Applicant", index=True, tracking=True)
    id_card_scan = fields.Char(
        string="Scan the ID card",
        store=False,
        help="Scan the QR code of the applicant's chip-based citizen ID card here: the applicant's "
        "name, ID number, address, date of birth and sex are filled in, and a citizen already known "
        "is found.",
    )
    applicant_name = fields.Char(compute="_compute_applicant_name", store=True, readonly=False, string="Applicant name")
    applicant_phone = fields.Char(compute="_compute_applicant_phone", store=True, readonly=False, string="Phone")
    applicant_email = fields.Char(compute="_compute_applicant_email", store=True, readonly=False, string="Email")
    applicant_id_number = fields.Char(
        compute="_compute_applicant_id_number",
        store=True,
        readonly=False,
        string="Citizen ID number",
        help="12-digit citizen identity number (CCCD).",
        groups="public_admin_centre.group_front_desk",
    )
    applicant_id_number_masked = fields.Char(
        string="Citizen ID number (hidden)",
        compute="_compute_applicant_id_number_masked",
        compute_sudo=True,
        help="The first and last digits only; “Show” reveals the whole number and logs who read it.",
    )
    applicant_address = fields.Char(compute="_compute_applicant_address", store=True, readonly=False, string="Address")
    applicant_birthdate = fields.Date(
        compute="_compute_applicant_birthdate", store=True, readonly=False, string="Date of birth"
    )
    applicant_gender = fields.Selection(
        [("male", "Male"), ("female", "Female")],
        compute="_compute_applicant_gender",
        store=True,
        readonly=False,
        string="Sex",
    )
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
    current_step_name = fields.Char(related="current_step_id.name", string="Current step")
    current_step_deadline = fields.Datetime(related="current_step_id.date_deadline", string="Step deadline")
    current_step_time_left = fields.Char(
        compute="_compute_current_step_time_left",
        string="Time left",
        help="Working time left until the current step's deadline.",
    )
    is_current_step_late = fields.Boolean(compute="_compute_current_step_time_left")
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
    reception_counter_id = fields.Many2one(
        "public_admin.counter", string="Received at counter", readonly=True, copy=False, index="btree_not_null"
    )
    return_counter_id = fields.Many2one(
        "public_admin.counter", string="Returned at counter", readonly=True, copy=False, index="btree_not_null"
    )
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
        # A board may name its columns in its action's context (the counter's board does).
        return self.env.context.get("public_admin_board_states") or [
            "registered",
            "received",
            "in_progress",
            "supplement",
            "financial",
            "done",
        ]

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

    @api.depends("applicant_id_number")
    def _compute_applicant_id_number_masked(self):
        for dossier in self:
            dossier.applicant_id_number_masked = mask_id_number(dossier.applicant_id_number)

    @api.depends("partner_id")
    def _compute_applicant_address(self):
        for dossier in self.filtered("partner_id"):
            dossier.applicant_address = dossier.partner_id._public_admin_one_line_address()

    @api.depends("partner_id")
    def _compute_applicant_birthdate(self):
        for dossier in self.filtered("partner_id"):
            dossier.applicant_birthdate = dossier.partner_id.public_admin_birthdate

    @api.depends("partner_id")
    def _compute_applicant_gender(self):
        for dossier in self.filtered("partner_id"):
            dossier.applicant_gender = dossier.partner_id.public_admin_gender

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
            .sudo()  # the agency tree is configuration; only the user's own agencies are searched
            .search([("id", "child_of", self.env.user.public_admin_agency_ids.ids)])
        )

    @api.depends("current_step_id.date_accepted")
    def _compute_current_step_accepted(self):
        for dossier in self:
            dossier.current_step_accepted = bool(dossier.current_step_id.date_accepted)

    @api.depends("current_step_id.date_deadline", "current_step_id.date_done", "state")
    def _compute_current_step_time_left(self):
        engine = self.env["public_admin.deadline"]
        now = self._now()
        decimal_point = self.env["res.lang"]._get_data(code=self.env.lang or "en_US").decimal_point or "."
        for dossier in self:
            step = dossier.current_step_id
            dossier.is_current_step_late = False
            if not step.date_deadline or step.date_done or dossier.state not in OPEN_STATES:
                dossier.current_step_time_left = False
            elif dossier.state in PAUSED_STATES:
                dossier.current_step_time_left = self.env._("Clock stopped: waiting for the applicant")
            else:
                hours = engine.working_hours_between(dossier._calendar(), now, step.date_deadline)
                amount = f"{round(abs(hours), 1):g}".replace(".", decimal_point)
                if hours >= 0:
                    dossier.current_step_time_left = self.env._("%(hours)s working hours left", hours=amount)
                else:
                    dossier.is_current_step_late = True
                    dossier.current_step_time_left = self.env._("Late by %(hours)s working hours", hours=amount)

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

    @api.depends("name", "online_reference", "applicant_name")
    def _compute_display_name(self):
        for dossier in self:
            code = dossier.name or dossier.online_reference or self.env._("New dossier")
            dossier.display_name = f"{code} - {dossier.applicant_name}" if dossier.applicant_name else code

    def _state_label(self, state=None):
        """The name of ``state`` (the dossier's own by default) in the user's language."""
        return dict(self._fields["state"]._description_selection(self.env)).get(state or self.state, "")

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

    def _now(self):
        """The current time as the dossier sees it (naive UTC).

        Every transition reads the time here, so that the demo player can replay a dossier's
        history at past dates by passing its own clock in the context
        (``public_admin_clock``: a callable returning a naive UTC datetime), without touching
        the server's clock for anyone else.
        """
        clock = self.env.context.get("public_admin_clock")
        return clock() if clock else fields.Datetime.now()

    def action_show_id_number(self):
        """Show the applicant's identity number to someone working on the dossier, and log it.

        Officers see a masked number on the form; this shows the whole number once, as a
        notification, and records who read it, when and on which dossier.
        """
        self.ensure_one()
        self.check_access("read")
        # sudo: the user may read this dossier (checked above); the number itself is kept from the
        # ORM's readers, and the log is written for the data-protection officer, not by the user
        dossier = self.sudo()
        if not dossier.applicant_id_number:
            raise UserError(self.env._("No citizen ID number was given for this dossier."))
        self.env["public_admin.personal.data.log"].sudo().create(
            {
                "user_id": self.env.user.id,
                "dossier_id": dossier.id,
                "partner_id": dossier.partner_id.id,
                "data_kind": "id_number",
            }
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Citizen ID number of %(name)s", name=dossier.applicant_name or ""),
                "message": dossier.applicant_id_number,
                "type": "info",
                "sticky": True,
            },
        }

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
        dossiers._public_admin_link_applicant()
        return dossiers

    def write(self, vals):
        if "state" in vals and not self.env.context.get("public_admin_state_change"):
            raise UserError(self.env._("The state of a dossier changes only through its actions."))
        result = super().write(self._normalize_vals(dict(vals)))
        if not vals.get("partner_id") and set(vals) & set(APPLICANT_FIELDS.values()):
            self._public_admin_link_applicant()
        return result

    def _public_admin_applicant_values(self):
        """The applicant as declared on the dossier, for res.partner._public_admin_find_or_create_applicant."""
        self.ensure_one()
        return {key: self[fname] for key, fname in APPLICANT_FIELDS.items()}

    def _public_admin_link_applicant(self):
        """Link the dossiers entered at the counter without a contact to their applicant's
        contact: the citizen already known (same citizen ID number, or same phone and name), or a
        new contact created from what was typed or scanned. Nothing to do without a name and a
        way to tell the citizen apart (ID number, phone or email)."""
        to_link = self.filtered(
            lambda d: (
                not d.partner_id
                and d.state in BEFORE_RECEPTION_STATES
                and d.applicant_name
                and (d.applicant_id_number or d.applicant_phone or d.applicant_email)
            )
        )
        if not to_link or not self.env.user.has_group("public_admin_centre.group_front_desk"):
            return
        Partner = self.env["res.partner"]
        for dossier in to_link:
            values = dossier._public_admin_applicant_values()
            partner = Partner._public_admin_find_or_create_applicant(values)
            # Written with the declared values: the dossier keeps what the applicant declared
            # today, even where the contact holds older data.
            dossier.write({"partner_id": partner.id, **{APPLICANT_FIELDS[key]: value for key, value in values.items()}})

    @api.onchange("id_card_scan")
    def _onchange_id_card_scan(self):
        """A scanned ID card fills the applicant and finds the citizen if already known."""
        if not self.id_card_scan:
            return None
        scan, self.id_card_scan = self.id_card_scan, False
        try:
            card = self.env["res.partner"]._public_admin_parse_id_card(scan)
        except UserError as error:
            return {"warning": {"title": self.env._("Not a citizen ID card"), "message": error.args[0]}}
        partner = self.env["res.partner"]
        if self.env.user.has_group("public_admin_centre.group_front_desk"):
            # The user receives dossiers: _public_admin_find_applicant may search every contact.
            partner = partner._public_admin_find_applicant({"id_number": card["id_number"]}).sudo(False)
        if partner and partner != self.partner_id:
            self.partner_id = partner
            # Read now: the phone and email come from the contact, the rest from the card below.
            self.mapped("applicant_phone")
        elif not partner and self.partner_id.public_admin_id_number != card["id_number"]:
            # Another citizen than the one chosen before: start from the card alone.
            self.partner_id = False
            self.applicant_phone = self.applicant_email = False
        self.applicant_name = card["name"]
        self.applicant_id_number = card["id_number"]
        self.applicant_address = card["address"] or self.applicant_address
        self.applicant_birthdate = card["birthdate"]
        self.applicant_gender = card["gender"]
        return None

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
                    "is_conditional": line.is_conditional,
                    "condition": line.condition,
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
        # sudo: the token is hidden from the ORM's readers; every caller (the computed field of a
        # record the user reads, the receipt, action_view_public_status) checked read access.
        return f"{base_url}/tra-cuu-ho-so/{self.sudo().lookup_token}"
