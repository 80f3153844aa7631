"""Odoo's SMS through the HTTP gateway: what it receives, failures, retries, resends."""

import base64
from datetime import timedelta
from unittest.mock import patch

import requests
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.modules.module import get_module_path
from odoo.tests import tagged

from odoo.addons.sms.tools.sms_api import SmsApi

from ..models.sms_sms import SmsSms as GatewaySmsSms
from .common import SmsHttpGatewayCase, closed_port_url


@tagged("post_install", "-at_install")
class TestSmsHttpGateway(SmsHttpGatewayCase):
    def queue_sms(self, number, partner=None, body="Your appointment is tomorrow at 10:00."):
        """An SMS queued the way templates and automated actions queue them."""
        return (
            self.env["sms.sms"]
            .sudo()
            .create({"number": number, "body": body, "partner_id": partner.id if partner else False})
        )

    def default_number_format(self):
        """This addon's own formatting, whatever other installed modules override."""
        return patch.object(
            self.registry["sms.sms"],
            "_sms_http_gateway_format_number",
            GatewaySmsSms._sms_http_gateway_format_number,
        )

    def last_queue_trigger(self):
        return (
            self.env["ir.cron.trigger"]
            .sudo()
            .search(
                [("cron_id", "=", self.env.ref("sms.ir_cron_sms_scheduler_action").id)],
                order="id desc",
                limit=1,
            )
        )

    # ------------------------------------------------------------------ sending
    def test_chatter_sms_reaches_the_gateway_with_credentials_and_reference(self):
        message = self.post_sms("Your order S00042 has shipped.")
        sms = self.sms_of(message)
        self.assertEqual(len(self.gateway.received), 1, "one request per SMS, sent at once")
        request = self.gateway.received[0]
        self.assertEqual(request["path"], "/api/sms")
        self.assertEqual(
            request["json"],
            {
                "to": self.customer_e164,
                "message": "Your order S00042 has shipped.",
                "sender": "MYSHOP",
                "reference": sms.uuid,
            },
        )
        self.assertEqual(request["headers"]["Content-Type"], "application/json")
        expected_auth = "Basic " + base64.b64encode(b"shop:s3cr3t-k3y").decode()
        self.assertEqual(request["headers"]["Authorization"], expected_auth)
        self.assertEqual((sms.state, sms.failure_type, sms.sms_http_gateway_attempt_count), ("pending", False, 1))
        self.assertTrue(sms.to_delete, "a sent SMS is cleaned up as after IAP")
        notification = message.notification_ids
        self.assertEqual(notification.notification_type, "sms")
        self.assertEqual(notification.res_partner_id, self.customer)
        self.assertEqual(notification.sms_number, self.customer_e164)
        self.assertEqual(notification.notification_status, "pending", "accepted by the gateway: sent")

    def test_queued_sms_leaves_when_the_queue_cron_runs(self):
        sms = self.queue_sms(self.customer_e164)
        self.assertEqual(self.gateway.received, [], "queued, not sent yet")
        self.run_sms_queue()
        self.assertEqual(len(self.gateway.received), 1)
        self.assertEqual(self.gateway.received[0]["json"]["reference"], sms.uuid)
        self.assertEqual(sms.state, "pending")

    def test_number_without_country_code_is_read_with_the_contact_country(self):
        self.env.company.country_id = self.env.ref("base.fr")
        self.queue_sms("0456 00 11 22", partner=self.customer)
        with self.default_number_format():
            self.run_sms_queue()
        self.assertEqual(self.gateway.received[0]["json"]["to"], self.customer_e164)

    def test_number_without_country_code_nor_contact_is_read_with_the_company_country(self):
        self.env.company.country_id = self.belgium
        self.queue_sms("0456 00 11 22")
        with self.default_number_format():
            self.run_sms_queue()
        self.assertEqual(self.gateway.received[0]["json"]["to"], self.customer_e164)

    def test_number_that_cannot_be_read_is_sent_as_given(self):
        self.env.company.country_id = self.belgium
        sms = self.queue_sms(" 8x55 ")
        with self.default_number_format():
            self.run_sms_queue()
        self.assertEqual(self.gateway.received[0]["json"]["to"], "8x55", "the gateway judges it")
        self.assertEqual(sms.state, "pending")

    def test_sms_without_number_fails_with_wrong_number_format(self):
        sms = self.queue_sms(False)
        self.run_sms_queue()
        self.assertEqual(self.gateway.received, [])
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_number_format"))
        self.assertFalse(sms.sms_http_gateway_retry_at, "a missing number does not come back by itself")

    def test_a_module_formats_numbers_its_own_way_by_overriding_one_method(self):
        def international_prefix(sms, number):
            return number.replace("+", "00") if number.startswith("+32") else False

        SmsSms = self.registry["sms.sms"]
        with patch.object(SmsSms, "_sms_http_gateway_format_number", international_prefix):
            belgian = self.queue_sms(self.customer_e164)
            dutch = self.queue_sms("+31612345678")
            self.run_sms_queue()
        self.assertEqual([r["json"]["to"] for r in self.gateway.received], ["0032456001122"])
        self.assertEqual(belgian.state, "pending")
        self.assertEqual((dutch.state, dutch.failure_type), ("error", "sms_number_format"))
        self.assertIn("+31612345678", dutch.sms_http_gateway_failure_reason)

    def test_gateway_without_username_gets_a_bearer_token(self):
        self.set_param("sms_http_gateway.username", False)
        self.post_sms()
        self.assertEqual(self.gateway.received[0]["headers"]["Authorization"], "Bearer s3cr3t-k3y")

    def test_gateway_without_credentials_gets_no_authorization(self):
        self.set_param("sms_http_gateway.username", False)
        self.set_param("sms_http_gateway.api_key", False)
        self.post_sms()
        self.assertNotIn("Authorization", self.gateway.received[0]["headers"])

    def test_without_url_sms_go_through_odoo_iap_as_before(self):
        self.set_param("sms_http_gateway.url", False)

        def iap_accepts_all(messages, delivery_reports_url=None):
            return [{"uuid": number["uuid"], "state": "success"} for m in messages for number in m["numbers"]]

        with patch.object(SmsApi, "_send_sms_batch", side_effect=iap_accepts_all) as iap:
            message = self.post_sms()
        self.assertEqual(iap.call_count, 1)
        self.assertEqual(self.gateway.received, [])
        sms = self.sms_of(message)
        self.assertEqual((sms.state, sms.sms_http_gateway_attempt_count), ("pending", 0))

    def test_send_asked_to_raise_raises_and_changes_nothing(self):
        self.gateway.status = 500
        sms = self.queue_sms(self.customer_e164)
        with self.assertRaisesRegex(UserError, "HTTP 500"):
            sms.send(raise_exception=True)
        self.assertEqual((sms.state, sms.sms_http_gateway_attempt_count), ("outgoing", 0))

    # ------------------------------------------------------------------ failures and retries
    def test_gateway_error_leaves_sms_failed_and_retries_until_accepted(self):
        self.gateway.status = 500
        start = fields.Datetime.now()
        with freeze_time(start):
            message = self.post_sms()
        sms = self.sms_of(message)
        self.assertEqual(len(self.gateway.received), 1)
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_server"))
        self.assertEqual(sms.sms_http_gateway_attempt_count, 1)
        self.assertIn("HTTP 500", sms.sms_http_gateway_failure_reason)
        self.assertEqual(sms.sms_http_gateway_retry_at, start + timedelta(minutes=5))
        self.assertFalse(sms.to_delete, "a failed SMS is kept")
        notification = message.notification_ids
        self.assertEqual(
            (notification.notification_status, notification.failure_type),
            ("exception", "sms_server"),
        )
        self.assertIn("HTTP 500", notification.failure_reason, "the chatter shows why it failed")
        self.assertEqual(
            self.last_queue_trigger().call_at, start + timedelta(minutes=5), "Odoo's SMS queue cron is woken up"
        )

        # Before the retry delay the queue leaves it alone.
        with freeze_time(start + timedelta(minutes=2)):
            self.run_sms_queue()
        self.assertEqual(len(self.gateway.received), 1)
        self.assertEqual(sms.state, "error")

        # The gateway is back; the queue cron retries the same SMS.
        self.gateway.status = 200
        with freeze_time(start + timedelta(minutes=6)):
            self.run_sms_queue()
        self.assertEqual(len(self.gateway.received), 2)
        first, retry = self.gateway.received
        self.assertEqual(retry["json"], first["json"], "the same SMS, with the same reference, is sent again")
        self.assertEqual(sms.state, "pending")
        self.assertEqual(sms.sms_http_gateway_attempt_count, 2)
        self.assertFalse(sms.sms_http_gateway_failure_reason)
        self.assertEqual((notification.notification_status, notification.failure_type), ("pending", False))

    def test_each_retry_waits_one_more_delay(self):
        self.set_param("sms_http_gateway.retry_delay", "10")
        self.gateway.status = 502
        start = fields.Datetime.now()
        with freeze_time(start):
            sms = self.sms_of(self.post_sms())
        self.assertEqual(sms.sms_http_gateway_retry_at, start + timedelta(minutes=10))
        with freeze_time(start + timedelta(minutes=11)):
            self.run_sms_queue()
        self.assertEqual(sms.sms_http_gateway_attempt_count, 2)
        self.assertEqual(sms.sms_http_gateway_retry_at, start + timedelta(minutes=11 + 20))

    def test_retries_stop_at_the_configured_maximum_and_manual_retry_still_works(self):
        self.set_param("sms_http_gateway.max_retries", "2")
        self.gateway.status = 503
        start = fields.Datetime.now()
        with freeze_time(start):
            message = self.post_sms()
        sms = self.sms_of(message)
        for hours in (1, 2, 3, 4):
            with freeze_time(start + timedelta(hours=hours)):
                self.run_sms_queue()
        self.assertEqual(len(self.gateway.received), 3, "first attempt and two automatic retries, then no more")
        self.assertEqual((sms.state, sms.sms_http_gateway_attempt_count), ("error", 3))
        self.assertFalse(sms.sms_http_gateway_retry_at)
        self.assertEqual(message.notification_ids.notification_status, "exception", "still visible, not lost")

        # The "Retry" button of the SMS puts it back in the queue and wakes the cron up.
        self.gateway.status = 200
        before = fields.Datetime.now()
        sms.action_set_outgoing()
        self.assertEqual(sms.state, "outgoing")
        self.assertGreaterEqual(self.last_queue_trigger().call_at, before.replace(microsecond=0))
        self.run_sms_queue()
        self.assertEqual(len(self.gateway.received), 4)
        self.assertEqual(self.gateway.received[-1]["json"]["to"], self.customer_e164)
        self.assertEqual(sms.state, "pending")
        self.assertEqual(message.notification_ids.notification_status, "pending")

    def test_unreachable_gateway_fails_visibly_and_resend_from_the_message_delivers(self):
        self.set_param("sms_http_gateway.url", closed_port_url())
        start = fields.Datetime.now()
        with freeze_time(start):
            message = self.post_sms()
        failed_sms = self.sms_of(message)
        self.assertEqual((failed_sms.state, failed_sms.failure_type), ("error", "sms_server"))
        self.assertIn("could not be reached", failed_sms.sms_http_gateway_failure_reason)
        self.assertEqual(message.notification_ids.notification_status, "exception")

        # The employee resends it from the failed message (Odoo's SMS resend wizard).
        self.set_param("sms_http_gateway.url", self.gateway.url)
        wizard = (
            self.env["sms.resend"].with_user(self.employee).with_context(default_mail_message_id=message.id).create({})
        )
        self.assertEqual(wizard.recipient_ids.partner_id, self.customer)
        wizard.action_resend()
        self.assertEqual(len(self.gateway.received), 1)
        self.assertEqual(self.gateway.received[0]["json"]["to"], self.customer_e164)
        self.assertEqual(message.notification_ids.notification_status, "pending")

        # The replaced SMS is not sent a second time by the automatic retry.
        with freeze_time(start + timedelta(hours=1)):
            self.run_sms_queue()
        self.assertEqual(len(self.gateway.received), 1)
        self.assertTrue(failed_sms.to_delete)
        self.assertEqual(message.notification_ids.notification_status, "pending")

    def test_gateway_answering_too_late_fails_and_is_retried(self):
        # Odoo's tests raise every request timeout to 10 seconds: the timeout is simulated.
        self.set_param("sms_http_gateway.timeout", "3")
        with patch.object(requests, "post", side_effect=requests.ReadTimeout("read timed out")) as post:
            sms = self.sms_of(self.post_sms())
        self.assertEqual(post.call_args.kwargs["timeout"], 3)
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_server"))
        self.assertIn("did not answer within 3 seconds", sms.sms_http_gateway_failure_reason)
        self.assertTrue(sms.sms_http_gateway_retry_at)

    def test_gateway_refusing_credentials_waits_for_manual_retry(self):
        self.gateway.status = 401
        message = self.post_sms()
        sms = self.sms_of(message)
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_acc"))
        self.assertFalse(sms.sms_http_gateway_retry_at, "wrong credentials are not retried blindly")
        self.assertEqual(message.notification_ids.failure_type, "sms_acc")
        with freeze_time(fields.Datetime.now() + timedelta(days=1)):
            self.run_sms_queue()
        self.assertEqual(len(self.gateway.received), 1)

    # ------------------------------------------------------------------ a generic addon
    def test_needs_nothing_but_odoo_sms(self):
        """Any Odoo 18 database can install it: no addon of this repository is required."""
        module = self.env["ir.module.module"].search([("name", "=", "sms_http_gateway")])
        self.assertEqual(module.dependencies_id.mapped("name"), ["sms"])
        upstream = module.upstream_dependencies(exclude_states=("uninstallable",))
        self.assertIn("sms", upstream.mapped("name"))
        here = get_module_path("sms_http_gateway").rsplit("/", 1)[0]
        self.assertFalse(
            [name for name in upstream.mapped("name") if get_module_path(name).rsplit("/", 1)[0] == here],
            "no dependency lives beside the gateway in this repository",
        )
