"""SMS to citizens leave through the HTTP gateway of ``sms_http_gateway`` (settings, retries,
failures: see that addon). What is the centre's own: the numbers, read as Vietnamese."""

from odoo import models

from ..tools import normalize_vietnamese_phone


class SmsSms(models.Model):
    _inherit = "sms.sms"

    def _sms_http_gateway_format_number(self, number):
        """Every number is read as Vietnamese (E.164, ``+84…``); one that cannot be read is
        not sent (*Wrong Number Format*) rather than handed over as given."""
        return normalize_vietnamese_phone(number)
