from odoo import api, models


class PublicAdminIndicatorEngine(models.AbstractModel):
    """The satisfaction group of the national indicators (Decision 766/QĐ-TTg), measured from
    this addon's complaints and ratings."""

    _inherit = "public_admin.indicator.engine"

    @api.model
    def _measure_5_2(self, period):
        return self.env["public_admin.complaint"]._indicator_5_2(period)

    @api.model
    def _measure_5_3(self, period):
        return self.env["public_admin.complaint"]._indicator_5_3(period)

    @api.model
    def _measure_5_4(self, period):
        return self.env["public_admin.dossier"]._indicator_5_4(period)
