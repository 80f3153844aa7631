import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression

PROCESSING_TIME_UNITS = [
    ("working_day", "Working days"),
    ("working_hour", "Working hours"),
    ("calendar_day", "Calendar days"),
    ("same_day", "Same day"),
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

    code = fields.Char(required=True, tracking=True, help="National code, e.g. 1.008929 or 3.000181.000.00.00.H22.")
    name = fields.Char(required=True, tracking=True, translate=True)
    sector_id = fields.Many2one("public_admin.sector", index=True, tracking=True)
    agency_id = fields.Many2one(
        "public_admin.agency",
        string="Deciding agency",
        index=True,
        tracking=True,
        check_company=True,
        help="Agency competent to decide; it leads the dossiers of this procedure.",
    )
    level = fields.Selection(
        [("central", "Central"), ("province", "Province"), ("district", "District"), ("commune", "Commune")],
        string="Level of government",
        default="province",
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
        """Published, in force and taking online submissions."""
        return self._is_public() and self.accepts_online

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
        if vals.get("processing_time_text") and not vals.get("processing_time_legal"):
            amount, unit = parse_processing_time(vals["processing_time_text"])
            if unit:
                vals["processing_time_legal"] = amount
                # an empty unit (an empty cell of an imported file) is read from the text too
                if not vals.get("processing_time_unit"):
                    vals["processing_time_unit"] = unit
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._apply_published_time(dict(vals)) for vals in vals_list])

    def write(self, vals):
        if vals.get("processing_time_text") and "processing_time_legal" not in vals:
            vals = self._apply_published_time(dict(vals))
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
        """Fee lines shown on the public procedure page as (label, amount text).

        The centre only knows the published text; the fees addon returns its fee schedule.
        """
        self.ensure_one()
        return [(self.env._("Fees and charges"), self.fee_text)] if self.fee_text else []

    def _get_public_url(self):
        self.ensure_one()
        return f"/dich-vu-cong/thu-tuc/{self.id}"
