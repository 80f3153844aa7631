from odoo import fields, models

FORM_TYPES = [
    ("receipt", "Receipt and appointment slip"),
    ("supplement", "Supplement request"),
    ("refusal", "Refusal"),
    ("apology", "Apology and new appointment"),
    ("stop", "Notice of stopping processing"),
    ("control_sheet", "Process control sheet"),
]


class PublicAdminDossierFormLog(models.Model):
    """Every standard form issued for a dossier; reprints are marked as copies."""

    _name = "public_admin.dossier.form.log"
    _description = "Issued standard form"
    _order = "dossier_id, create_date"

    dossier_id = fields.Many2one("public_admin.dossier", required=True, ondelete="cascade", index=True)
    form_type = fields.Selection(FORM_TYPES, required=True)
    is_copy = fields.Boolean(string="Copy")
    user_id = fields.Many2one("res.users", string="Issued by", default=lambda self: self.env.user)
    date_issued = fields.Datetime(default=lambda self: self.env["public_admin.dossier"]._now(), required=True)
