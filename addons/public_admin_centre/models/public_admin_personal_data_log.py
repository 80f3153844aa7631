from odoo import fields, models


class PublicAdminPersonalDataLog(models.Model):
    """Who read an applicant's identity number, when, and on which dossier.

    Written by ``public_admin.dossier.action_show_id_number`` only; read by the centre's
    managers (the data-protection officer's register under Decree 13/2023). Never changed.
    """

    _name = "public_admin.personal.data.log"
    _description = "Read of personal data"
    _order = "date desc, id desc"

    date = fields.Datetime(string="Read on", required=True, readonly=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="Read by", required=True, readonly=True, index=True)
    dossier_id = fields.Many2one("public_admin.dossier", required=True, readonly=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one("res.partner", string="Applicant", readonly=True, index=True)
    data_kind = fields.Selection(
        [("id_number", "Citizen ID number")], string="Data read", required=True, readonly=True, default="id_number"
    )
    company_id = fields.Many2one(related="dossier_id.company_id", store=True)
