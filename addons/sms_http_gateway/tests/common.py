"""A real HTTP gateway on loopback, and a base class that points Odoo's SMS to it.

Odoo's test base class lets requests to 127.0.0.1 through (``BaseCase._request_handler``
blocks only external hosts), so the SMS gateway here is a plain ``ThreadingHTTPServer``
recording what it receives, exactly as a provider's relay would. Only core records are used
(``res.partner`` and its chatter): the addon is tested as any Odoo database would use it.
"""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from odoo.tests import TransactionCase, new_test_user


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


class LoopbackSmsGateway(ThreadingHTTPServer):
    """An SMS gateway on 127.0.0.1: ``received`` holds the requests, ``status`` the answer."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _GatewayHandler)
        self.received = []
        self.status = 200
        self.url = f"http://127.0.0.1:{self.server_port}/api/sms"

    def reset(self):
        self.received.clear()
        self.status = 200


def closed_port_url():
    """A loopback URL nobody listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/sms"


class SmsHttpGatewayCase(TransactionCase):
    """The gateway configured with credentials, a contact with a mobile, an employee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gateway = LoopbackSmsGateway()
        threading.Thread(target=cls.gateway.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.gateway.server_close)
        cls.addClassCleanup(cls.gateway.shutdown)

        cls.set_param("sms_http_gateway.url", cls.gateway.url)
        cls.set_param("sms_http_gateway.username", "shop")
        cls.set_param("sms_http_gateway.api_key", "s3cr3t-k3y")
        cls.set_param("sms_http_gateway.sender", "MYSHOP")
        cls.set_param("sms_http_gateway.timeout", "5")
        cls.set_param("sms_http_gateway.max_retries", "3")
        cls.set_param("sms_http_gateway.retry_delay", "5")

        cls.belgium = cls.env.ref("base.be")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Amélie Peeters", "mobile": "0456 00 11 22", "country_id": cls.belgium.id}
        )
        # Odoo's chatter writes the contact's number in E.164, which modules overriding
        # _sms_http_gateway_format_number keep: these tests hold in their databases too.
        cls.customer_e164 = "+32456001122"
        # An employee who may edit contacts, hence post on their chatter.
        cls.employee = new_test_user(
            cls.env,
            login="sms_gateway_employee",
            groups="base.group_user,base.group_partner_manager",
            name="Bart Janssens",
        )
        # SMS already queued in the database (demo data) do not reach the tests' gateway.
        cls.env["sms.sms"].sudo().search([("state", "=", "outgoing")]).write({"to_delete": True})

    @classmethod
    def set_param(cls, key, value):
        cls.env["ir.config_parameter"].sudo().set_param(key, value)

    def setUp(self):
        super().setUp()
        self.gateway.reset()

    def post_sms(self, body="Your order S00042 has shipped.", partner=None, user=None):
        """An SMS from a contact's chatter to that contact, as the employee sends it."""
        partner = (partner or self.customer).with_user(user or self.employee)
        return partner._message_sms(body, partner_ids=partner.ids).sudo()

    def sms_of(self, message):
        return self.env["sms.sms"].sudo().search([("mail_message_id", "=", message.id)], order="id")

    def run_sms_queue(self):
        """What Odoo's SMS queue cron does when it runs."""
        self.env["sms.sms"].sudo()._process_queue()
