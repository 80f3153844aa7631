from urllib.parse import urlparse

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    public_admin_reminder_hours = fields.Float(
        string="Reminder horizon (working hours)",
        config_parameter="public_admin_centre.reminder_hours",
        default=8.0,
    )

    # SMS gateway: when its URL is set, SMS leave through it instead of Odoo's IAP service
    # (see models/sms_sms.py and readme/CONFIGURE.md for the HTTP contract).
    public_admin_sms_gateway_url = fields.Char(
        string="SMS gateway URL",
        config_parameter="public_admin_centre.sms_gateway_url",
        help="HTTP(S) endpoint receiving one POST per SMS. Leave empty to send SMS through Odoo's IAP service.",
    )
    public_admin_sms_gateway_username = fields.Char(
        string="SMS gateway username",
        config_parameter="public_admin_centre.sms_gateway_username",
        help="With a username, the gateway is called with HTTP Basic authentication "
        "(username and API key); without, the API key is sent as a bearer token.",
    )
    public_admin_sms_gateway_api_key = fields.Char(
        string="SMS gateway API key",
        config_parameter="public_admin_centre.sms_gateway_api_key",
    )
    public_admin_sms_sender = fields.Char(
        string="SMS sender name",
        config_parameter="public_admin_centre.sms_sender",
        help="Registered brandname shown to the citizen as the sender of the SMS.",
    )
    public_admin_sms_gateway_timeout = fields.Integer(
        string="SMS gateway timeout (seconds)",
        config_parameter="public_admin_centre.sms_gateway_timeout",
        default=10,
    )
    public_admin_sms_max_retries = fields.Integer(
        string="SMS automatic retries",
        config_parameter="public_admin_centre.sms_max_retries",
        default=3,
        help="How many times an SMS the gateway failed to take is tried again automatically.",
    )
    public_admin_sms_retry_delay = fields.Integer(
        string="SMS retry delay (minutes)",
        config_parameter="public_admin_centre.sms_retry_delay",
        default=5,
        help="Wait before the first automatic retry; each later retry waits one more such delay.",
    )

    @api.constrains("public_admin_sms_gateway_url")
    def _check_public_admin_sms_gateway_url(self):
        for settings in self.filtered("public_admin_sms_gateway_url"):
            url = urlparse(settings.public_admin_sms_gateway_url.strip())
            if url.scheme not in ("http", "https") or not url.netloc:
                raise ValidationError(
                    self.env._(
                        "The SMS gateway URL “%(url)s” must be an http:// or https:// address.",
                        url=settings.public_admin_sms_gateway_url,
                    )
                )

    @api.constrains(
        "public_admin_sms_gateway_timeout",
        "public_admin_sms_max_retries",
        "public_admin_sms_retry_delay",
    )
    def _check_public_admin_sms_numbers(self):
        for settings in self:
            if settings.public_admin_sms_gateway_timeout < 1:
                raise ValidationError(self.env._("The SMS gateway timeout must be at least one second."))
            # 0 cannot be stored: Odoo drops a zero integer parameter and falls back to the default.
            if settings.public_admin_sms_max_retries < 1:
                raise ValidationError(self.env._("The number of automatic SMS retries must be at least one."))
            if settings.public_admin_sms_retry_delay < 1:
                raise ValidationError(self.env._("The SMS retry delay must be at least one minute."))
