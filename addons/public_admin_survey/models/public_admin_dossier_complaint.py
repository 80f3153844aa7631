from odoo import api, fields, models


class PublicAdminDossier(models.Model):
    """The complaints about a dossier (counted by the satisfaction indicator 5.4)."""

    _inherit = "public_admin.dossier"

    complaint_ids = fields.One2many("public_admin.complaint", "dossier_id", string="Complaints")
    complaint_count = fields.Integer(compute="_compute_complaint_count", string="Number of complaints")

    @api.depends("complaint_ids")
    def _compute_complaint_count(self):
        # sudo: a count only, shown to those who read the dossier
        counts = dict(
            self.env["public_admin.complaint"]
            .sudo()
            ._read_group([("dossier_id", "in", self.ids)], ["dossier_id"], ["__count"])
        )
        for dossier in self:
            dossier.complaint_count = counts.get(dossier._origin, 0)

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("public_admin_survey.public_admin_complaint_action")
        action["domain"] = [("dossier_id", "=", self.id)]
        action["context"] = {"default_dossier_id": self.id}
        return action

    @api.model
    def _public_admin_unhappy_dossier_domain(self):
        """A dossier that got a complaint counts as unhappy for indicator 5.4, as one rated "not
        satisfied" does (one expression: the satisfaction indicator negates it)."""
        return ["|", *super()._public_admin_unhappy_dossier_domain(), ("complaint_ids", "!=", False)]
