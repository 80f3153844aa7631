from odoo import fields, models


class PublicAdminDossierRegisterWizard(models.TransientModel):
    _name = "public_admin.dossier.register.wizard"
    _description = "Print the dossier register for a period"

    date_from = fields.Date(required=True, default=lambda self: fields.Date.context_today(self).replace(day=1))
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    agency_id = fields.Many2one("public_admin.agency", string="Receiving unit")
