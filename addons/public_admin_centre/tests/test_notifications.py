"""Emails and SMS to the applicant, the SMS going through a real HTTP gateway on loopback.

Odoo's test base class lets requests to 127.0.0.1 through (``BaseCase._request_handler``
blocks only external hosts), so the SMS gateway here is a plain ``ThreadingHTTPServer``
recording what it receives, exactly as a provider's relay would.
"""

import base64
import json
import socket
import threading
from contextlib import contextmanager
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from freezegun import freeze_time

from odoo import fields
from odoo.tests import new_test_user, tagged
from odoo.tools import html2plaintext

from odoo.addons.mail.tests.common import MockEmail

from .common import PublicAdminCase

PHONE_E164 = "+84912345678"


class _GatewayHandler(BaseHTTPRequestHandler):
    """Records every POST and answers with the status the test asked for."""

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        gateway = self.server
        status = gateway.status
        gateway.received.append(
            {
                "path": self.path,
                "headers": dict(self.headers),
                "json": json.loads(raw or b"{}"),
                "answered": status,
            }
        )
        body = json.dumps({"ok": 200 <= status < 300}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@tagged("post_install", "-at_install")
class TestDossierNotifications(PublicAdminCase, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gateway = ThreadingHTTPServer(("127.0.0.1", 0), _GatewayHandler)
        cls.gateway.received = []
        cls.gateway.status = 200
        threading.Thread(target=cls.gateway.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.gateway.server_close)
        cls.addClassCleanup(cls.gateway.shutdown)
        cls.gateway_url = f"http://127.0.0.1:{cls.gateway.server_port}/api/sms"

        set_param = cls.env["ir.config_parameter"].sudo().set_param
        set_param("sms_http_gateway.url", cls.gateway_url)
        set_param("sms_http_gateway.username", "trungtam")
        set_param("sms_http_gateway.api_key", "k3y-bi-mat")
        set_param("sms_http_gateway.sender", "TTHCC")
        set_param("sms_http_gateway.timeout", "5")
        set_param("sms_http_gateway.max_retries", "3")
        set_param("sms_http_gateway.retry_delay", "5")

        cls.centre.partner_id = cls.env["res.partner"].create(
            {
                "name": "Trung tâm Phục vụ hành chính công tỉnh",
                "street": "1 Trần Phú",
                "city": "Nha Trang",
            }
        )
        cls.mt_comment = cls.env.ref("mail.mt_comment")

    def setUp(self):
        super().setUp()
        self.gateway.status = 200
        self.gateway.received.clear()

    # ------------------------------------------------------------------ helpers
    @contextmanager
    def capture(self):
        """What the applicant receives during the block: emails and gateway requests."""
        # What earlier steps queued goes out first, so that only the block's messages are captured.
        self.env["mail.mail"].sudo().process_email_queue()
        self.env["sms.sms"].sudo()._process_queue()
        self.gateway.received.clear()
        self._last_message_id = max(self.env["mail.message"].sudo().search([], limit=1, order="id desc").ids or [0])
        with self.mock_mail_gateway():
            yield
            # Emails and SMS are queued and their crons woken up; run them as they would run.
            self.env["mail.mail"].sudo().process_email_queue()
            self.env["sms.sms"].sudo()._process_queue()

    def new_messages(self, dossier):
        return dossier.message_ids.filtered(lambda m: m.id > self._last_message_id)

    def emails_to_applicant(self, email="an.nguyen@example.vn"):
        return [mail for mail in self._mails if any(email in to for to in mail["email_to"])]

    def sms_of(self, message):
        return self.env["sms.sms"].sudo().search([("mail_message_id", "=", message.id)], order="id")

    def assertApplicantNotified(self, dossier, subject, email_texts, sms_texts):
        """One email and one SMS reached the applicant, and both are in the chatter."""
        emails = self.emails_to_applicant()
        self.assertEqual(len(emails), 1, "exactly one email to the applicant")
        self.assertIn(subject, emails[0]["subject"])
        email_text = html2plaintext(emails[0]["body"])
        for text in email_texts:
            self.assertIn(text, email_text)
        messages = self.new_messages(dossier)
        email_message = messages.filtered(lambda m: m.subtype_id == self.mt_comment and m.message_type != "sms")
        self.assertEqual(len(email_message), 1, "the email is posted in the chatter")
        self.assertIn(subject, email_message.subject)
        self.assertIn(self.applicant, email_message.partner_ids)

        self.assertEqual(len(self.gateway.received), 1, "exactly one SMS handed to the gateway")
        request = self.gateway.received[0]
        self.assertEqual(request["path"], "/api/sms")
        self.assertEqual(request["json"]["to"], PHONE_E164)
        self.assertEqual(request["json"]["sender"], "TTHCC")
        expected_auth = "Basic " + base64.b64encode(b"trungtam:k3y-bi-mat").decode()
        self.assertEqual(request["headers"]["Authorization"], expected_auth)
        for text in sms_texts:
            self.assertIn(text, request["json"]["message"])
        sms_message = messages.filtered(lambda m: m.message_type == "sms")
        self.assertEqual(len(sms_message), 1, "the SMS is posted in the chatter")
        self.assertEqual(self.sms_of(sms_message).body, request["json"]["message"])
        notification = sms_message.notification_ids
        self.assertEqual(notification.notification_type, "sms")
        self.assertEqual(notification.sms_number, PHONE_E164)
        self.assertEqual(notification.notification_status, "pending", "accepted by the gateway: sent")
        self.assertEqual(request["json"]["reference"], self.sms_of(sms_message).uuid)
        return emails[0], request

    def finish(self, dossier):
        while dossier.state != "done":
            dossier.with_user(self.manager).action_start_step()
            dossier.with_user(self.manager).action_finish_step()

    # ------------------------------------------------------------------ one test per event
    def test_online_registration_tells_applicant_it_awaits_reception(self):
        dossier = self.create_dossier(channel="online")
        with freeze_time(self.local(2026, 11, 22, 20, 15)), self.capture():
            dossier.with_user(self.front_desk).action_register_online()
        self.assertApplicantNotified(
            dossier,
            f"Online submission {dossier.online_reference}: Awaiting reception",
            email_texts=[self.procedure.name, "20:15 22/11/2026", "Nguyễn Văn An"],
            sms_texts=[dossier.online_reference, "Awaiting reception"],
        )

    def test_citizen_registering_online_is_notified_of_their_own_action(self):
        citizen = new_test_user(
            self.env,
            login="citizen_an_ntf",
            groups="base.group_portal",
            partner_id=self.applicant.id,
            email=self.applicant.email,
        )
        dossier = self.create_dossier(channel="online")
        with self.capture():
            # The portal acts as the citizen, with superuser rights on their own dossier.
            dossier.with_user(citizen).sudo().action_register_online()
        self.assertApplicantNotified(
            dossier,
            "Awaiting reception",
            email_texts=[self.procedure.name],
            sms_texts=["Awaiting reception"],
        )
        self.assertEqual(self.new_messages(dossier).author_id, self.applicant)

    def test_reception_sends_code_appointment_and_lookup_link(self):
        dossier = self.create_dossier()
        with freeze_time(self.local(2026, 11, 23, 9, 0)), self.capture():
            dossier.with_user(self.front_desk).action_receive()
        url = dossier._get_public_status_url()
        self.assertIn(dossier.lookup_token, url)
        email, request = self.assertApplicantNotified(
            dossier,
            f"Dossier {dossier.name}: Received, appointment 09:00 14/12/2026",
            email_texts=[
                dossier.name,
                self.procedure.name,
                "09:00 23/11/2026",
                "09:00 14/12/2026",
                url,
            ],
            sms_texts=[dossier.name, "09:00 14/12/2026", url],
        )
        self.assertIn(f'href="{url}"', email["body"], "the lookup link is clickable")

    def test_supplement_request_gives_the_reason(self):
        dossier = self.received_dossier()
        with self.capture():
            dossier.with_user(self.officer_construction).action_request_supplement("Thiếu bản vẽ mặt bằng tầng 1")
        self.assertApplicantNotified(
            dossier,
            f"Dossier {dossier.name}: Awaiting supplement",
            email_texts=[dossier.name, "Thiếu bản vẽ mặt bằng tầng 1", self.centre.name],
            sms_texts=[dossier.name, "Thiếu bản vẽ mặt bằng tầng 1"],
        )

    def test_completion_before_reception_says_what_is_missing(self):
        dossier = self.create_dossier(channel="online")
        dossier.with_user(self.front_desk).action_register_online()
        with self.capture():
            dossier.with_user(self.front_desk).action_request_supplement("Bản vẽ thiếu chữ ký của chủ đầu tư")
        self.assertApplicantNotified(
            dossier,
            f"Your online application for “{self.procedure.name}” must be completed",
            email_texts=["Bản vẽ thiếu chữ ký của chủ đầu tư", "from your account", self.centre.name],
            sms_texts=["completed before reception", "Bản vẽ thiếu chữ ký của chủ đầu tư"],
        )

    def test_refusal_gives_the_reason(self):
        dossier = self.received_dossier()
        with self.capture():
            dossier.with_user(self.officer_construction).action_refuse("Công trình không phù hợp quy hoạch")
        self.assertApplicantNotified(
            dossier,
            f"Dossier {dossier.name}: Refused",
            email_texts=[dossier.name, "Công trình không phù hợp quy hoạch"],
            sms_texts=[dossier.name, "Công trình không phù hợp quy hoạch"],
        )

    def test_refusal_before_reception_names_the_procedure(self):
        dossier = self.create_dossier()
        with self.capture():
            dossier.with_user(self.front_desk).action_refuse("Không thuộc thẩm quyền giải quyết")
        self.assertApplicantNotified(
            dossier,
            f"Dossier {self.procedure.name}: Refused",
            email_texts=[self.procedure.name, "Không thuộc thẩm quyền giải quyết"],
            sms_texts=[self.procedure.code, "Không thuộc thẩm quyền giải quyết"],
        )

    def test_apology_gives_reason_and_new_appointment(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier()
        with freeze_time(self.local(2026, 12, 14, 10, 0)), self.capture():
            dossier.with_user(self.officer_construction).action_apologize(
                "Cần kiểm tra thực địa",
                self.local(2026, 12, 21, 9, 0),
                agency=self.construction,
            )
        self.assertApplicantNotified(
            dossier,
            f"Dossier {dossier.name}: our apologies, new appointment 09:00 21/12/2026",
            email_texts=[
                self.construction.name,
                "Cần kiểm tra thực địa",
                "09:00 14/12/2026",
                "09:00 21/12/2026",
            ],
            sms_texts=[dossier.name, "apologise", "09:00 21/12/2026"],
        )

    def test_result_ready_says_where_to_collect_it(self):
        dossier = self.received_dossier(procedure_id=self.procedure_same_day.id)
        with self.capture():
            self.finish(dossier)
        self.assertApplicantNotified(
            dossier,
            f"Dossier {dossier.name}: Result ready",
            email_texts=[
                dossier.name,
                self.centre.name,
                "(1 Trần Phú, Nha Trang)",
                "receipt slip",
                "citizen identity card",
            ],
            sms_texts=[dossier.name, f"Collect it at {self.centre.name}"],
        )

    def test_result_posted_gives_tracking_number(self):
        dossier = self.received_dossier(procedure_id=self.procedure_same_day.id)
        self.finish(dossier)
        with freeze_time(self.local(2026, 12, 4, 10, 0)), self.capture():
            dossier.with_user(self.front_desk).action_return_result(method="post", tracking_number="EB123456789VN")
        self.assertApplicantNotified(
            dossier,
            f"Dossier {dossier.name}: Result returned",
            email_texts=[dossier.name, "by post", "10:00 04/12/2026", "EB123456789VN"],
            sms_texts=[dossier.name, "tracking number EB123456789VN"],
        )

    def test_result_returned_at_counter(self):
        dossier = self.received_dossier(procedure_id=self.procedure_same_day.id)
        self.finish(dossier)
        with self.capture():
            dossier.with_user(self.front_desk).action_return_at_counter()
        email, request = self.assertApplicantNotified(
            dossier,
            f"Dossier {dossier.name}: Result returned",
            email_texts=[dossier.name, "handed over at the counter"],
            sms_texts=[dossier.name, "Result returned"],
        )
        self.assertNotIn("tracking", request["json"]["message"])

    def test_stop_gives_the_reason(self):
        dossier = self.received_dossier()
        dossier.with_user(self.officer_construction).action_request_supplement("Thiếu giấy tờ đất")
        with self.capture():
            dossier.with_user(self.head_construction).action_stop("Quá hạn bổ sung 30 ngày")
        self.assertApplicantNotified(
            dossier,
            f"Dossier {dossier.name}: Processing stopped",
            email_texts=[dossier.name, "Quá hạn bổ sung 30 ngày"],
            sms_texts=[dossier.name, "Quá hạn bổ sung 30 ngày"],
        )

    def test_replayed_history_tells_the_applicant_nothing(self):
        # The demo player replays past events with this context key: nobody is told again.
        dossier = self.create_dossier().with_context(public_admin_no_notify=True)
        with self.capture():
            dossier.with_user(self.front_desk).action_receive()
            dossier.with_user(self.officer_construction).action_request_supplement("Thiếu bản vẽ")
        self.assertEqual(dossier.state, "supplement")
        self.assertEqual(self.emails_to_applicant(), [])
        self.assertEqual(self.gateway.received, [])
        self.assertFalse(self.new_messages(dossier).filtered(lambda m: m.message_type == "sms"))
        self.assertFalse(self.new_messages(dossier).filtered(lambda m: m.subtype_id == self.mt_comment))
        # Without the key, the same event is told.
        with self.capture():
            dossier.with_context(public_admin_no_notify=False).with_user(self.front_desk).action_resume()
            dossier.with_context(public_admin_no_notify=False).with_user(
                self.officer_construction
            ).action_request_supplement("Thiếu bản vẽ mặt cắt")
        self.assertEqual(len(self.emails_to_applicant()), 1)

    # ------------------------------------------------------------------ language
    def test_applicant_reading_vietnamese_gets_the_vietnamese_texts(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.applicant.lang = "vi_VN"
        self.env.ref("public_admin_centre.sms_template_dossier_received").update_field_translations(
            "body",
            {
                "vi_VN": "Hồ sơ {{ object.name }} đã được tiếp nhận. "
                "Hẹn trả: {{ object._format_local(object.date_due) }}.",
            },
        )
        self.env.ref("public_admin_centre.mail_template_dossier_received").update_field_translations(
            "subject",
            {
                "vi_VN": "Hồ sơ {{ object.name }} đã được tiếp nhận",
            },
        )
        with freeze_time(self.local(2026, 11, 23, 9, 0)), self.capture():
            dossier = self.received_dossier()
        self.assertEqual(self.emails_to_applicant()[0]["subject"], f"Hồ sơ {dossier.name} đã được tiếp nhận")
        self.assertEqual(
            self.gateway.received[0]["json"]["message"],
            f"Hồ sơ {dossier.name} đã được tiếp nhận. Hẹn trả: 09:00 14/12/2026.",
        )

    # ------------------------------------------------------------------ preferences and recipients
    def test_sms_preference_off_sends_nothing_to_the_gateway(self):
        self.applicant.public_admin_notify_sms = False
        with self.capture():
            dossier = self.received_dossier()
        self.assertEqual(self.gateway.received, [])
        self.assertFalse(self.new_messages(dossier).filtered(lambda m: m.message_type == "sms"))
        self.assertEqual(len(self.emails_to_applicant()), 1, "the email still goes")

    def test_email_preference_off_sends_no_email(self):
        self.applicant.public_admin_notify_email = False
        with self.capture():
            dossier = self.received_dossier()
        self.assertEqual(self.emails_to_applicant(), [])
        self.assertFalse(
            self.new_messages(dossier).filtered(lambda m: m.subtype_id == self.mt_comment and m.message_type != "sms")
        )
        self.assertEqual(len(self.gateway.received), 1, "the SMS still goes")

    def test_address_declared_on_dossier_receives_the_email(self):
        with self.capture():
            dossier = self.received_dossier(applicant_email="an.nguyen.moi@example.vn", applicant_phone="0987 654 321")
        self.assertEqual(self.emails_to_applicant(), [])
        self.assertEqual(len(self.emails_to_applicant("an.nguyen.moi@example.vn")), 1)
        self.assertEqual(self.gateway.received[0]["json"]["to"], "+84987654321")
        self.assertEqual(dossier.partner_id, self.applicant, "the dossier keeps its applicant")

    def test_numbers_are_read_as_vietnamese_and_unreadable_ones_not_sent(self):
        self.assertEqual(self.env["sms.sms"]._sms_http_gateway_format_number("0912.345.678"), PHONE_E164)
        with self.capture():
            sms = self.env["sms.sms"].sudo().create({"number": "12345", "body": "Hồ sơ đã được tiếp nhận."})
        self.assertEqual(self.gateway.received, [], "not handed to the gateway as given")
        self.assertEqual((sms.state, sms.failure_type), ("error", "sms_number_format"))

    # ------------------------------------------------------------------ failures
    def test_unreachable_gateway_fails_visibly_and_resend_from_the_message_delivers(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            closed_port = probe.getsockname()[1]
        set_param = self.env["ir.config_parameter"].sudo().set_param
        set_param("sms_http_gateway.url", f"http://127.0.0.1:{closed_port}/api/sms")
        start = fields.Datetime.now()
        with freeze_time(start), self.capture():
            dossier = self.received_dossier()
        sms_message = self.new_messages(dossier).filtered(lambda m: m.message_type == "sms")
        failed_sms = self.sms_of(sms_message)
        self.assertEqual((failed_sms.state, failed_sms.failure_type), ("error", "sms_server"))
        self.assertIn("could not be reached", failed_sms.sms_http_gateway_failure_reason)
        self.assertEqual(sms_message.notification_ids.notification_status, "exception")

        # The officer resends it from the failed message (Odoo's SMS resend wizard).
        set_param("sms_http_gateway.url", self.gateway_url)
        wizard = (
            self.env["sms.resend"]
            .with_user(self.front_desk)
            .with_context(default_mail_message_id=sms_message.id)
            .create({})
        )
        self.assertEqual(wizard.recipient_ids.partner_id, self.applicant)
        wizard.action_resend()
        self.assertEqual(len(self.gateway.received), 1)
        self.assertEqual(self.gateway.received[0]["json"]["to"], PHONE_E164)
        self.assertIn(dossier.name, self.gateway.received[0]["json"]["message"])
        self.assertEqual(sms_message.notification_ids.notification_status, "pending")

        # The replaced SMS is not sent a second time by the automatic retry.
        with freeze_time(start + timedelta(hours=1)):
            self.env["sms.sms"]._process_queue()
        self.assertEqual(len(self.gateway.received), 1)
        self.assertTrue(failed_sms.to_delete)
        self.assertEqual(sms_message.notification_ids.notification_status, "pending")
