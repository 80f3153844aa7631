from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    public_admin_agency_ids = fields.Many2many(
        "public_admin.agency",
        "public_admin_agency_users_rel",
        "user_id",
        "agency_id",
        string="Agencies",
        help="Agencies this officer works for; they decide which dossiers the officer sees.",
    )
