from odoo import api, fields, models


class PublicAdminDossierPause(models.Model):
    """A stop of a dossier's clock while waiting for the applicant."""

    _name = "public_admin.dossier.pause"
    _description = "Clock stop of a dossier"
    _order = "dossier_id, date_start"

    dossier_id = fields.Many2one("public_admin.dossier", required=True, ondelete="cascade", index=True)
    reason = fields.Selection(
        [("supplement", "Supplement requested"), ("financial", "Financial obligation")], required=True
    )
    date_start = fields.Datetime(required=True)
    date_end = fields.Datetime()
    note = fields.Text()
    duration_hours = fields.Float(string="Working hours stopped", compute="_compute_duration_hours")

    @api.depends("date_start", "date_end")
    def _compute_duration_hours(self):
        engine = self.env["public_admin.deadline"]
        for pause in self:
            end = pause.date_end or pause.dossier_id._now()
            pause.duration_hours = engine.working_hours_between(pause.dossier_id._calendar(), pause.date_start, end)
