from odoo import fields, models


class PublicAdminDossierApology(models.Model):
    """Apology letter of a late agency, with the new appointment (form 04)."""

    _name = "public_admin.dossier.apology"
    _description = "Apology and new appointment"
    _order = "dossier_id, create_date desc"

    dossier_id = fields.Many2one("public_admin.dossier", required=True, ondelete="cascade", index=True)
    agency_id = fields.Many2one("public_admin.agency", string="Late agency", required=True)
    reason = fields.Text(required=True)
    date_due_previous = fields.Datetime(string="Previous appointment")
    date_due_new = fields.Datetime(string="New appointment", required=True)
    user_id = fields.Many2one("res.users", string="Recorded by", default=lambda self: self.env.user)
