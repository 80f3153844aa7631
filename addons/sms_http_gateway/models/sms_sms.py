"""SMS through an HTTP gateway of your own instead of Odoo's paid IAP service.

When ``sms_http_gateway.url`` is set, every ``sms.sms`` Odoo sends (chatter SMS, templates,
the queue cron, resends) is POSTed to that URL, one request per SMS; the contract is written in
readme/CONFIGURE.md. A failure leaves the SMS in ``error`` with its message's notification in
exception (the red SMS icon in the chatter, resend wizard included), and schedules an automatic
retry through Odoo's own SMS queue cron (``sms.ir_cron_sms_scheduler_action``) until the
configured number of retries is spent.

The number is handed over as ``_sms_http_gateway_format_number`` returns it: E.164 when it can
be read, as given otherwise. Override that method to follow a country's or a provider's rules.
"""

import logging
from datetime import timedelta

import requests

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

# Failure types (of sms.sms) that a later attempt may cure by itself.
RETRYABLE_FAILURES = ("sms_server",)


class SmsHttpGatewayConfig:
    """The gateway settings, read once per batch from the system parameters."""

    def __init__(self, env):
        get_param = env["ir.config_parameter"].sudo().get_param
        self.url = (get_param("sms_http_gateway.url") or "").strip()
        self.username = (get_param("sms_http_gateway.username") or "").strip()
        self.api_key = (get_param("sms_http_gateway.api_key") or "").strip()
        self.sender = (get_param("sms_http_gateway.sender") or "").strip()
        self.timeout = self._positive_int(get_param("sms_http_gateway.timeout"), 10)
        self.max_retries = self._positive_int(get_param("sms_http_gateway.max_retries"), 3, minimum=0)
        self.retry_delay = self._positive_int(get_param("sms_http_gateway.retry_delay"), 5)

    @staticmethod
    def _positive_int(value, default, minimum=1):
        try:
            return max(int(value), minimum)
        except (TypeError, ValueError):
            return default

    def __bool__(self):
        return bool(self.url)

    def request_kwargs(self):
        """Credentials: HTTP Basic with a username, else the API key as bearer token."""
        headers = {"Accept": "application/json"}
        kwargs = {"headers": headers}
        if self.username:
            kwargs["auth"] = (self.username, self.api_key)
        elif self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        return kwargs


class SmsSms(models.Model):
    _inherit = "sms.sms"

    sms_http_gateway_attempt_count = fields.Integer(
        string="Gateway attempts",
        readonly=True,
        copy=False,
        help="How many times this SMS was handed to the SMS gateway.",
    )
    sms_http_gateway_retry_at = fields.Datetime(
        string="Next automatic retry",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    sms_http_gateway_failure_reason = fields.Char(
        string="Gateway error",
        readonly=True,
        copy=False,
        help="What the SMS gateway answered at the last attempt.",
    )

    # ------------------------------------------------------------------ sending
    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):
        gateway = SmsHttpGatewayConfig(self.env)
        if not gateway:
            return super()._send(
                unlink_failed=unlink_failed,
                unlink_sent=unlink_sent,
                raise_exception=raise_exception,
            )

        results = [(sms, *sms._sms_http_gateway_post(gateway)) for sms in self]
        if raise_exception and all(failure for _sms, failure, _reason in results):
            # Same promise as Odoo's IAP path: nothing is written when asked to raise.
            raise UserError(results[0][2])

        now = fields.Datetime.now()
        retry_dates = []
        for sms, failure_type, reason in results:
            sms_sudo = sms.sudo().with_context(sms_skip_msg_notification=True)
            attempts = sms_sudo.sms_http_gateway_attempt_count + 1
            if not failure_type:
                # Accepted by the gateway: "Sent" (no delivery report comes back from it).
                sms_sudo.sms_tracker_id._action_update_from_sms_state("pending")
                sms_sudo.write(
                    {
                        "state": "pending",
                        "failure_type": False,
                        "sms_http_gateway_attempt_count": attempts,
                        "sms_http_gateway_retry_at": False,
                        "sms_http_gateway_failure_reason": False,
                        **({"to_delete": True} if unlink_sent else {}),
                    }
                )
                _logger.info("SMS %s accepted by the SMS gateway (attempt %s)", sms.id, attempts)
                continue
            retry_at = False
            if failure_type in RETRYABLE_FAILURES and attempts <= gateway.max_retries:
                retry_at = now + timedelta(minutes=gateway.retry_delay * attempts)
                retry_dates.append(retry_at)
            # Failed SMS are never marked for deletion: they wait for a retry or a resend.
            sms_sudo.sms_tracker_id._action_update_from_sms_state(
                "error", failure_type=failure_type, failure_reason=reason
            )
            sms_sudo.write(
                {
                    "state": "error",
                    "failure_type": failure_type,
                    "sms_http_gateway_attempt_count": attempts,
                    "sms_http_gateway_retry_at": retry_at,
                    "sms_http_gateway_failure_reason": reason,
                }
            )
            _logger.warning("SMS %s not taken by the SMS gateway (attempt %s): %s", sms.id, attempts, reason)

        self.sudo().mail_message_id._notify_message_notification_update()
        if retry_dates:
            self._sms_http_gateway_queue_cron()._trigger(min(retry_dates))
        return True

    def _sms_http_gateway_format_number(self, number):
        """Return ``number`` as the gateway wants it, or a falsy value when it cannot be sent.

        ``self`` is the SMS being sent. By default: E.164 (``+32456001122``) when the number
        can be read, with the country of the SMS's contact or else of the company for numbers
        written without their country code; as given otherwise, for the gateway to judge.
        Override it for a country's or a provider's own rules.
        """
        number = (number or "").strip()
        if not number:
            return False
        return self._phone_format(number=number, force_format="E164") or number

    def _sms_http_gateway_post(self, gateway):
        """POST this SMS to the gateway; return (failure_type or False, reason)."""
        self.ensure_one()
        number = self._sms_http_gateway_format_number(self.number)
        if not number:
            return "sms_number_format", self.env._(
                "“%(number)s” is not a valid phone number.", number=self.number or ""
            )
        payload = {
            "to": number,
            "message": self.body or "",
            "sender": gateway.sender,
            "reference": self.uuid,
        }
        try:
            response = requests.post(gateway.url, json=payload, timeout=gateway.timeout, **gateway.request_kwargs())
        except requests.Timeout:
            return "sms_server", self.env._(
                "The SMS gateway did not answer within %(seconds)s seconds.",
                seconds=gateway.timeout,
            )
        except requests.RequestException as error:
            return "sms_server", self.env._("The SMS gateway could not be reached: %(error)s", error=str(error)[:200])
        if 200 <= response.status_code < 300:
            return False, False
        detail = (response.text or "").strip()[:200]
        reason = self.env._(
            "The SMS gateway answered HTTP %(status)s: %(detail)s",
            status=response.status_code,
            detail=detail or response.reason or "",
        )
        if response.status_code in (401, 403):
            # Wrong credentials: retrying is pointless until the settings are fixed.
            return "sms_acc", reason
        return "sms_server", reason

    # ------------------------------------------------------------------ retries
    @api.model
    def _sms_http_gateway_queue_cron(self):
        return self.env.ref("sms.ir_cron_sms_scheduler_action").sudo()

    @api.model
    def _process_queue(self, ids=None):
        """Odoo's SMS queue cron also puts back in the queue the failed SMS due for a retry."""
        self._sms_http_gateway_requeue_due_retries()
        return super()._process_queue(ids=ids)

    @api.model
    def _sms_http_gateway_requeue_due_retries(self):
        due = self.sudo().search(
            [
                ("state", "=", "error"),
                ("failure_type", "in", RETRYABLE_FAILURES),
                ("to_delete", "=", False),
                ("sms_http_gateway_retry_at", "<=", fields.Datetime.now()),
            ]
        )
        # A failed SMS resent from its message (resend wizard) was replaced by a new SMS:
        # the notification points to the new one and the old one must not go out again.
        superseded = due.filtered(
            lambda sms: any(
                notification.sms_id_int and notification.sms_id_int != sms.id
                for notification in sms.sms_tracker_id.mail_notification_id
            )
        )
        superseded.write({"sms_http_gateway_retry_at": False, "to_delete": True})
        to_retry = due - superseded
        to_retry.write({"sms_http_gateway_retry_at": False})
        to_retry._update_sms_state_and_trackers("outgoing")
        to_retry.mail_message_id._notify_message_notification_update()
        return to_retry

    def action_set_outgoing(self):
        """Manual retry ("Retry" button): queue it and wake the queue cron up now."""
        res = super().action_set_outgoing()
        self.write({"sms_http_gateway_retry_at": False})
        self._sms_http_gateway_queue_cron()._trigger()
        return res
