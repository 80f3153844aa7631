from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PublicAdminDevice(models.Model):
    """The satisfaction kiosk: a tablet facing the citizen at one counter."""

    _inherit = "public_admin.device"

    kind = fields.Selection(
        selection_add=[("satisfaction_kiosk", "Satisfaction kiosk")],
        ondelete={"satisfaction_kiosk": "cascade"},
    )
    public_admin_kiosk_url = fields.Char(
        string="Kiosk address",
        compute="_compute_public_admin_kiosk_url",
        groups="public_admin_centre.group_centre_manager",
        help="Open this address full-screen on the counter's tablet. Keep it secret.",
    )

    @api.depends("kind", "access_token")
    def _compute_public_admin_kiosk_url(self):
        for device in self:
            device.public_admin_kiosk_url = (
                f"{device.get_base_url()}/kiosk/danh-gia/{device.sudo().access_token}"
                if device.kind == "satisfaction_kiosk"
                else False
            )

    @api.constrains("kind", "counter_id")
    def _check_satisfaction_kiosk_counter(self):
        for device in self:
            if device.kind == "satisfaction_kiosk" and not device.counter_id:
                raise ValidationError(self.env._("A satisfaction kiosk stands at a counter: choose its counter."))
