import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

from ..tools.catalogue_parser import parse_published_time
from ..tools.fees import read_published_fees
from ..tools.unaccent import ensure_unaccent

PROCESSING_TIME_UNITS = [
    ("working_day", "Working days"),
    ("working_hour", "Working hours"),
    ("calendar_day", "Calendar days"),
    ("same_day", "Same day"),
]

# How far the processing time can be trusted: a time that "needs review" is not counted at all
# (no reception, no online submission) until a person sets it; one "to confirm" is counted and
# listed for a person to check (e.g. "30 Ngày": the portal does not say which days).
PROCESSING_TIME_STATUSES = [
    ("confirmed", "Confirmed"),
    ("to_confirm", "To confirm"),
    ("needs_review", "Needs review"),
]
# Why, in the codes of tools/catalogue_parser.py (TIME_PROBLEMS).
PROCESSING_TIME_ISSUES = [
    ("empty", "No time published"),
    ("not_regulated", "The text sets no time (e.g. “Không quy định”)"),
    ("no_unit", "A number without a unit"),
    ("range", "A range of times, not one time"),
    ("zero", "A time of zero"),
    ("unreadable", "A text that is not a time"),
    ("days_unspecified", "“Days”: working or calendar days not said (counted as working days)"),
    ("months", "Months, counted as 30 calendar days"),
    ("counter_missing", "No time for the counter: another channel's time is counted"),
    ("several_times", "Several times for one channel: the first is counted"),
    ("channel_unreadable", "The time of one channel is not readable"),
]

# Published texts say "15 ngày làm việc", "03 ngày", "24 giờ", "3 tháng", "Trong ngày".
_TIME_PATTERNS = [
    (re.compile(r"trong\s+ng[àa]y|ngay\s+trong\s+ng[àa]y", re.I), "same_day", None),
    (re.compile(r"(\d+(?:[.,]\d+)?)\s*ng[àa]y\s+l[àa]m\s+vi[ệe]c", re.I), "working_day", 1),
    (re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:gi[ờo]|h\b)", re.I), "working_hour", 1),
    (re.compile(r"(\d+(?:[.,]\d+)?)\s*th[áa]ng", re.I), "calendar_day", 30),
    (re.compile(r"(\d+(?:[.,]\d+)?)\s*tu[ầa]n", re.I), "calendar_day", 7),
    (re.compile(r"(\d+(?:[.,]\d+)?)\s*ng[àa]y", re.I), "working_day", 1),
]


# The portal lists one time per channel:
# "Trực tuyến: 15 Ngày; Dịch vụ bưu chính: 15 Ngày; Trực tiếp: 25 Ngày".
_COUNTER_CHANNEL = re.compile(r"^\s*tr[ựu]c\s+ti[ếe]p\s*:", re.I)


def _first_time_expression(text):
    """The time expression that comes first in ``text``; at one position the more precise
    pattern wins ("15 ngày làm việc" over "15 ngày")."""
    found = None
    for priority, (pattern, unit, factor) in enumerate(_TIME_PATTERNS):
        match = pattern.search(text)
        if match and (found is None or (match.start(), priority) < found[0]):
            found = ((match.start(), priority), match, unit, factor)
    if not found:
        return 0.0, False
    _key, match, unit, factor = found
    if factor is None:
        return 0.0, unit
    return float(match.group(1).replace(",", ".")) * factor, unit


def parse_processing_time(text):
    """Read a published processing time into (amount, unit), or (0, False) when unreadable.

    A bare "ngày" is read as working days: Decree 61/2018 counts procedure times in working
    days unless the text says otherwise. When the text gives a time per channel, the one of
    the counter ("Trực tiếp") is the legal time of the centre; otherwise the first time
    written is read, so that "05 ngày làm việc (... trả kết quả trong ngày)" is not same-day.
    """
    if not text:
        return 0.0, False
    for segment in text.split(";"):
        if _COUNTER_CHANNEL.match(segment):
            amount, unit = _first_time_expression(segment)
            if unit:
                return amount, unit
    return _first_time_expression(text)


class PublicAdminProcedure(models.Model):
    _name = "public_admin.procedure"
    _description = "Administrative procedure"
    _inherit = ["mail.thread"]
    _order = "sector_id, code, date_effective_from desc"
    _rec_names_search = ["name", "code"]
    _check_company_auto = True

    # Trigram indexes: searches by any part of the name or code, diacritics ignored (tools/unaccent.py).
    code = fields.Char(
        required=True,
        tracking=True,
        index="trigram",
        help="National code, e.g. 1.008929 or 3.000181.000.00.00.H22.",
    )
    name = fields.Char(required=True, tracking=True, translate=True, index="trigram")
    sector_id = fields.Many2one("public_admin.sector", index=True, tracking=True)
    agency_id = fields.Many2one(
        "public_admin.agency",
        string="Deciding agency",
        index=True,
        tracking=True,
        check_company=True,
        help="Agency competent to decide; it leads the dossiers of this procedure.",
    )
    participating_agency_ids = fields.Many2many(
        "public_admin.agency",
        "public_admin_procedure_participating_agency_rel",
        "procedure_id",
        "agency_id",
        string="Agencies taking part",
        check_company=True,
        help="Other agencies the national database names for this procedure.",
    )
    competent_authority = fields.Char(help="Authority competent to decide, as published.")
    level = fields.Selection(
        [
            ("central", "Central"),
            ("province", "Province"),
            ("district", "District"),
            ("commune", "Commune"),
            ("other", "Other agencies"),
        ],
        string="Level of government",
        default="province",
        help="The level at which this centre implements the procedure.",
    )
    published_levels = fields.Char(
        string="Levels as published", help="Every level the national database names, e.g. “Cấp bộ, Cấp tỉnh”."
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    active = fields.Boolean(default=True)
    is_published = fields.Boolean(string="Published", default=True, help="Shown in the public catalogue.")

    # Versions: one record per version, a dossier keeps the one in force when received.
    version = fields.Integer(default=1, readonly=True, copy=False)
    date_effective_from = fields.Date(
        string="Effective from", required=True, default=fields.Date.context_today, tracking=True
    )
    date_effective_to = fields.Date(string="Effective until", tracking=True, copy=False)
    previous_version_id = fields.Many2one("public_admin.procedure", readonly=True, copy=False)
    is_current = fields.Boolean(string="In force", compute="_compute_is_current", search="_search_is_current")

    processing_time_text = fields.Char(
        string="Published processing time",
        help="As published, e.g. “15 ngày làm việc”. "
        "Imported text fills the legal time and its unit when they are empty.",
    )
    processing_time_legal = fields.Float(string="Legal processing time", tracking=True)
    processing_time_local = fields.Float(
        string="Local processing time",
        tracking=True,
        help="Shortened time committed locally; appointments use it when set.",
    )
    processing_time_unit = fields.Selection(
        PROCESSING_TIME_UNITS, string="Time unit", default="working_day", required=True, tracking=True
    )
    same_day_cutoff = fields.Float(
        string="Same-day cutoff",
        default=15.0,
        help="Same-day dossiers received after this hour are due the next working day.",
    )
    processing_time = fields.Float(compute="_compute_processing_time", string="Processing time applied")
    processing_time_status = fields.Selection(
        PROCESSING_TIME_STATUSES,
        string="Processing time check",
        default="confirmed",
        required=True,
        index=True,
        tracking=True,
        help="Needs review: the published text gives no usable time; the procedure takes no dossier "
        "until a person sets its time. To confirm: the time is counted but a person should check it.",
    )
    processing_time_issue = fields.Selection(PROCESSING_TIME_ISSUES, string="Why to check")
    channel_time_ids = fields.One2many(
        "public_admin.procedure.channel.time",
        "procedure_id",
        string="Times per channel",
        copy=True,
        help="When the national database gives one time per channel, each dossier counts the time of its channel.",
    )

    online_level = fields.Selection(
        [("full", "Fully online"), ("partial", "Partly online"), ("none", "Not online")],
        default="none",
        required=True,
        tracking=True,
    )
    accepts_counter = fields.Boolean(string="At the counter", default=True)
    accepts_online = fields.Boolean(string="Online", compute="_compute_accepts_online", store=True, readonly=False)
    accepts_postal = fields.Boolean(string="By post", default=True)

    description = fields.Html(string="Steps to follow", translate=True)
    requirements = fields.Text(string="Conditions", translate=True)
    legal_basis = fields.Text(string="Legal basis")
    result_description = fields.Char(string="Result", translate=True, help="E.g. licence, certificate, decision.")
    fee_text = fields.Char(string="Fees as published")
    source_url = fields.Char(string="Source on the national portal")
    issuing_ministry = fields.Char(help="Ministry or central agency that published the procedure.")
    decision_number = fields.Char(string="Publishing decision", help="E.g. 1637/QĐ-BNNMT.")
    checklist_note = fields.Text(
        string="Notes on the documents",
        help="Lines of the published checklist that are not documents: number of sets, headings, instructions.",
    )
    import_fingerprint = fields.Char(
        readonly=True,
        copy=False,
        help="What the catalogue import last read for this procedure, to tell a changed procedure "
        "from an unchanged one.",
    )
    applicant_type = fields.Selection(
        [("person", "Citizens"), ("organisation", "Organisations"), ("both", "Citizens and organisations")],
        default="both",
    )

    document_ids = fields.One2many("public_admin.procedure.document", "procedure_id", string="Documents", copy=True)
    step_ids = fields.One2many("public_admin.procedure.step", "procedure_id", string="Workflow steps", copy=True)
    document_count = fields.Integer(compute="_compute_document_count")
    dossier_count = fields.Integer(compute="_compute_dossier_count")

    _sql_constraints = [
        (
            "code_version_uniq",
            "unique(code, date_effective_from, company_id)",
            "Two versions of a procedure cannot take effect on the same day.",
        ),
        (
            "processing_time_positive",
            "CHECK(processing_time_legal >= 0 AND processing_time_local >= 0)",
            "Processing times cannot be negative.",
        ),
    ]

    @api.private
    def init(self):
        # Before the indexes of this installation are created: they are built with unaccent().
        result = super().init()
        ensure_unaccent(self.env)
        return result

    @api.depends("online_level")
    def _compute_accepts_online(self):
        for procedure in self:
            procedure.accepts_online = procedure.online_level != "none"

    @api.depends("processing_time_legal", "processing_time_local")
    def _compute_processing_time(self):
        for procedure in self:
            procedure.processing_time = procedure.processing_time_local or procedure.processing_time_legal

    @api.depends("document_ids")
    def _compute_document_count(self):
        for procedure in self:
            procedure.document_count = len(procedure.document_ids)

    def _compute_dossier_count(self):
        counts = dict(
            self.env["public_admin.dossier"]._read_group(
                [("procedure_id", "in", self.ids)], ["procedure_id"], ["__count"]
            )
        )
        for procedure in self:
            procedure.dossier_count = counts.get(procedure, 0)

    def _is_public(self):
        """Published in the public catalogue and in force: anyone may read it."""
        self.ensure_one()
        return bool(self.exists() and self.active and self.is_published and self.is_current)

    def _is_open_online(self):
        """Published, in force, taking online submissions, with a processing time to count."""
        return self._is_public() and self.accepts_online and self.processing_time_status != "needs_review"

    def _check_processing_time_set(self):
        """Refuse a dossier of a procedure whose processing time nobody has set yet."""
        for procedure in self.filtered(lambda p: p.processing_time_status == "needs_review"):
            raise UserError(
                self.env._(
                    "Procedure %(procedure)s has no processing time yet: its published time "
                    "(“%(text)s”) could not be read. An administrator must set it (Configuration › "
                    "Processing times to review) before dossiers are received.",
                    procedure=procedure.display_name,
                    text=procedure.processing_time_text or "",
                )
            )

    def _processing_time_for(self, channel=None):
        """``(amount, unit)`` counted for a dossier coming through ``channel``.

        The locally committed time wins; otherwise the channel's own published time when the
        national database gives one, else the legal time.
        """
        self.ensure_one()
        if self.processing_time_local:
            return self.processing_time_local, self.processing_time_unit
        for line in self.channel_time_ids:
            if line.channel == channel and line._is_usable():
                return line.amount, line.unit
        return self.processing_time_legal, self.processing_time_unit

    def action_confirm_processing_time(self):
        """A person has checked the processing time: it is counted as it is set now."""
        self.check_access("write")
        for procedure in self:
            if procedure.processing_time_unit != "same_day" and procedure.processing_time <= 0:
                raise UserError(
                    self.env._(
                        "Set the processing time of %(procedure)s and its unit before confirming it.",
                        procedure=procedure.display_name,
                    )
                )
        self.write({"processing_time_status": "confirmed", "processing_time_issue": False})
        return True

    @api.depends("date_effective_from", "date_effective_to")
    def _compute_is_current(self):
        today = fields.Date.context_today(self)
        for procedure in self:
            procedure.is_current = procedure.date_effective_from <= today and (
                not procedure.date_effective_to or procedure.date_effective_to > today
            )

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the “In force” field."))
        today = fields.Date.context_today(self)
        domain = [
            ("date_effective_from", "<=", today),
            "|",
            ("date_effective_to", "=", False),
            ("date_effective_to", ">", today),
        ]
        if (operator == "=") != value:
            domain = ["!", *expression.normalize_domain(domain)]
        return domain

    @api.depends("code", "name", "version")
    def _compute_display_name(self):
        for procedure in self:
            name = f"[{procedure.code}] {procedure.name}" if procedure.code else procedure.name
            if procedure.version > 1:
                name = self.env._("%(name)s (version %(version)s)", name=name, version=procedure.version)
            procedure.display_name = name

    @api.constrains("code", "date_effective_from", "date_effective_to")
    def _check_versions_do_not_overlap(self):
        for procedure in self:
            if procedure.date_effective_to and procedure.date_effective_to <= procedure.date_effective_from:
                raise ValidationError(
                    self.env._("A version must end after it takes effect (%(code)s).", code=procedure.code)
                )
            others = self.with_context(active_test=False).search(
                [
                    ("code", "=", procedure.code),
                    ("id", "!=", procedure.id),
                    ("company_id", "=", procedure.company_id.id),
                ]
            )
            for other in others:
                start_a, end_a = procedure.date_effective_from, procedure.date_effective_to
                start_b, end_b = other.date_effective_from, other.date_effective_to
                if (not end_b or start_a < end_b) and (not end_a or start_b < end_a):
                    raise ValidationError(
                        self.env._(
                            "Versions of procedure %(code)s overlap: close the version in force "
                            "(set its end date) before adding a new one.",
                            code=procedure.code,
                        )
                    )

    @api.model
    def _apply_published_time(self, vals):
        """Fill the legal time from the published text when it is not given, and say how far
        it can be trusted: an unreadable text leaves the procedure "needs review", never 0 days.
        The catalogue import gives every value itself (``processing_time_status``)."""
        if "processing_time_status" in vals:
            return vals
        if vals.get("processing_time_text") and not vals.get("processing_time_legal"):
            published = parse_published_time(vals["processing_time_text"])
            amount, unit = parse_processing_time(vals["processing_time_text"])
            unit_given = bool(vals.get("processing_time_unit"))
            if unit:
                vals["processing_time_legal"] = amount
                # an empty unit (an empty cell of an imported file) is read from the text too
                if not vals.get("processing_time_unit"):
                    vals["processing_time_unit"] = unit
            if not unit or published.status == "needs_review":
                vals["processing_time_status"] = "needs_review"
                vals["processing_time_issue"] = published.problem or "unreadable"
            elif published.problem == "days_unspecified" and not unit_given:
                vals["processing_time_status"] = "to_confirm"
                vals["processing_time_issue"] = "days_unspecified"
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._apply_published_time(dict(vals)) for vals in vals_list])

    def write(self, vals):
        if vals.get("processing_time_text") and "processing_time_legal" not in vals:
            vals = self._apply_published_time(dict(vals))
        elif "processing_time_status" not in vals and {
            "processing_time_legal",
            "processing_time_local",
            "processing_time_unit",
        } & set(vals):
            # A person sets the time of a procedure whose published time could not be read.
            to_set = self.filtered(lambda p: p.processing_time_status == "needs_review")
            result = super().write(vals)
            ready = to_set.filtered(lambda p: p.processing_time > 0 or p.processing_time_unit == "same_day")
            if ready:
                ready.write({"processing_time_status": "confirmed", "processing_time_issue": False})
            return result
        return super().write(vals)

    @api.model
    def _version_in_force(self, code, date=None):
        """The version of the procedure ``code`` in force on ``date`` (today by default)."""
        date = date or fields.Date.context_today(self)
        return self.search(
            [
                ("code", "=", code),
                ("date_effective_from", "<=", date),
                "|",
                ("date_effective_to", "=", False),
                ("date_effective_to", ">", date),
            ],
            limit=1,
        )

    def action_new_version(self):
        """Close this version tomorrow and open an editable copy in force from then on."""
        self.ensure_one()
        self.check_access("write")
        if self.date_effective_to:
            raise UserError(self.env._("This version is already closed; edit the latest version instead."))
        start = fields.Date.add(fields.Date.context_today(self), days=1)
        if start <= self.date_effective_from:
            start = fields.Date.add(self.date_effective_from, days=1)
        self.date_effective_to = start
        new_version = self.copy(
            {"date_effective_from": start, "version": self.version + 1, "previous_version_id": self.id}
        )
        self.message_post(
            body=self.env._(
                "New version %(version)s takes effect on %(date)s.", version=new_version.version, date=start
            )
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new_version.id,
            "view_mode": "form",
        }

    def action_view_dossiers(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("public_admin_centre.public_admin_dossier_action")
        action["domain"] = [("procedure_id", "=", self.id)]
        action["context"] = {"default_procedure_id": self.id}
        return action

    @api.model
    def get_import_templates(self):
        """Offered on Odoo's import screen: real procedures with their checklists and steps."""
        return [
            {
                "label": self.env._("Import template for procedures"),
                "template": "/public_admin_centre/static/import/procedure_import_sample.csv",
            }
        ]

    # Extension points -------------------------------------------------------------------
    def _public_fee_lines(self):
        """Fee lines shown on the public procedure page as ``(label, amount text, note)``.

        ``label`` may be empty (the section is titled already). The centre only knows the
        published text, read so that it does not contradict itself (tools/fees.py); the fees
        addon returns its fee schedule.
        """
        self.ensure_one()
        return read_published_fees(self.fee_text)

    def _get_public_url(self):
        self.ensure_one()
        return f"/dich-vu-cong/thu-tuc/{self.id}"
