from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    public_admin_reminder_hours = fields.Float(
        string="Reminder horizon (working hours)",
        config_parameter="public_admin_centre.reminder_hours",
        default=8.0,
    )
