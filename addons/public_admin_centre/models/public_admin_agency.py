from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PublicAdminAgency(models.Model):
    _name = "public_admin.agency"
    _description = "Agency"
    _parent_store = True
    _order = "complete_name"
    _rec_names_search = ["name", "code"]
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    complete_name = fields.Char(compute="_compute_complete_name", store=True, recursive=True)
    code = fields.Char(
        required=True,
        help="Agency identifier of the national electronic document system, e.g. 000.00.12.H56. "
        "It opens every dossier code received by this agency.",
    )
    parent_id = fields.Many2one(
        "public_admin.agency", string="Parent agency", index=True, ondelete="restrict", check_company=True
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("public_admin.agency", "parent_id", string="Units")
    level = fields.Selection(
        [("central", "Central"), ("province", "Province"), ("district", "District"), ("commune", "Commune")],
        default="province",
        required=True,
    )
    is_reception_centre = fields.Boolean(
        string="Reception centre",
        help="The one-stop shop itself: dossiers it receives carry its code.",
    )
    user_ids = fields.Many2many("res.users", "public_admin_agency_users_rel", "agency_id", "user_id", string="Officers")
    head_user_ids = fields.Many2many(
        "res.users",
        "public_admin_agency_heads_rel",
        "agency_id",
        "user_id",
        string="Heads",
        help="Receive the reminders about overdue dossiers and sign apology letters.",
    )
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working calendar",
        required=True,
        default=lambda self: (
            self.env.ref("public_admin_centre.resource_calendar_public_admin", raise_if_not_found=False)
            or self.env.company.resource_calendar_id
        ),
        check_company=True,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    partner_id = fields.Many2one("res.partner", string="Address", help="Where results are collected.")
    email = fields.Char()
    phone = fields.Char()
    active = fields.Boolean(default=True)

    @api.model
    def _main_reception_centre(self, company):
        """The reception centre of ``company`` that takes what no other is chosen for.

        A province runs its own centre and its ward centres: the highest level wins (province
        before district before commune), then the oldest.
        """
        rank = {key: index for index, (key, _label) in enumerate(self._fields["level"].selection)}
        # sudo: the reception centres are configuration, the same for every user
        centres = self.sudo().search([("is_reception_centre", "=", True), ("company_id", "=", company.id)])
        return centres.sorted(lambda centre: (rank.get(centre.level, len(rank)), centre.id))[:1]

    _sql_constraints = [
        ("code_company_uniq", "unique(code, company_id)", "The agency code must be unique."),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for agency in self:
            if agency.parent_id:
                agency.complete_name = f"{agency.parent_id.complete_name} / {agency.name}"
            else:
                agency.complete_name = agency.name

    @api.depends("complete_name", "code")
    def _compute_display_name(self):
        for agency in self:
            agency.display_name = agency.complete_name or agency.name

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("An agency cannot be its own parent unit."))

    @api.constrains("code")
    def _check_code(self):
        for agency in self:
            if agency.code and (" " in agency.code.strip() or len(agency.code.strip()) < 3):
                raise ValidationError(
                    self.env._(
                        "The agency code “%(code)s” is not valid: use the identifier such as 000.00.12.H56.",
                        code=agency.code,
                    )
                )
