from urllib.parse import urlparse

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # When the URL is set, SMS leave through the gateway instead of Odoo's IAP service
    # (see models/sms_sms.py and readme/CONFIGURE.md for the HTTP contract).
    sms_http_gateway_url = fields.Char(
        string="SMS gateway URL",
        config_parameter="sms_http_gateway.url",
        help="HTTP(S) endpoint receiving one POST per SMS. Leave empty to send SMS through Odoo's IAP service.",
    )
    sms_http_gateway_username = fields.Char(
        string="SMS gateway username",
        config_parameter="sms_http_gateway.username",
        help="With a username, the gateway is called with HTTP Basic authentication "
        "(username and API key); without, the API key is sent as a bearer token.",
    )
    sms_http_gateway_api_key = fields.Char(
        string="SMS gateway API key",
        config_parameter="sms_http_gateway.api_key",
    )
    sms_http_gateway_sender = fields.Char(
        string="SMS sender name",
        config_parameter="sms_http_gateway.sender",
        help="Registered sender name (brandname) shown to the recipient of the SMS.",
    )
    sms_http_gateway_timeout = fields.Integer(
        string="SMS gateway timeout (seconds)",
        config_parameter="sms_http_gateway.timeout",
        default=10,
    )
    sms_http_gateway_max_retries = fields.Integer(
        string="SMS automatic retries",
        config_parameter="sms_http_gateway.max_retries",
        default=3,
        help="How many times an SMS the gateway failed to take is tried again automatically.",
    )
    sms_http_gateway_retry_delay = fields.Integer(
        string="SMS retry delay (minutes)",
        config_parameter="sms_http_gateway.retry_delay",
        default=5,
        help="Wait before the first automatic retry; each later retry waits one more such delay.",
    )

    @api.constrains("sms_http_gateway_url")
    def _check_sms_http_gateway_url(self):
        for settings in self.filtered("sms_http_gateway_url"):
            url = urlparse(settings.sms_http_gateway_url.strip())
            if url.scheme not in ("http", "https") or not url.netloc:
                raise ValidationError(
                    self.env._(
                        "The SMS gateway URL “%(url)s” must be an http:// or https:// address.",
                        url=settings.sms_http_gateway_url,
                    )
                )

    @api.constrains(
        "sms_http_gateway_timeout",
        "sms_http_gateway_max_retries",
        "sms_http_gateway_retry_delay",
    )
    def _check_sms_http_gateway_numbers(self):
        for settings in self:
            if settings.sms_http_gateway_timeout < 1:
                raise ValidationError(self.env._("The SMS gateway timeout must be at least one second."))
            # 0 cannot be stored: Odoo drops a zero integer parameter and falls back to the default.
            if settings.sms_http_gateway_max_retries < 1:
                raise ValidationError(self.env._("The number of automatic SMS retries must be at least one."))
            if settings.sms_http_gateway_retry_delay < 1:
                raise ValidationError(self.env._("The SMS retry delay must be at least one minute."))
