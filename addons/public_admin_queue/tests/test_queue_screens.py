import json

from odoo import Command
from odoo.tests import HttpCase, tagged

from .common import QueueCase, QueueCommon


def always_open_calendar(env):
    return env["resource.calendar"].create(
        {
            "name": "Ouvert 24/7 (test)",
            "tz": "Asia/Ho_Chi_Minh",
            "attendance_ids": [Command.clear()]
            + [
                Command.create({"name": f"Day {day}", "dayofweek": str(day), "hour_from": 0.0, "hour_to": 24.0})
                for day in range(7)
            ],
        }
    )


@tagged("post_install", "-at_install")
class TestQueueDisplayChannel(QueueCase):
    """A call reaches the displays of its centre on their own token's channel, and no other."""

    def bus_messages(self, device):
        self.env.cr.precommit.run()
        channel = device._bus_channel()
        records = self.env["bus.bus"].sudo().search([("channel", "like", channel)])
        return [json.loads(record.message) for record in records]

    def test_display_receives_the_call_with_its_announcement(self):
        with self.at(2026, 11, 23, 8, 0):
            for _i in range(2):
                self.issue(self.service_y)
            ticket = self.issue(self.service_y)
            self.front_desk.with_user(self.front_desk).public_admin_counter_id = self.counter_3
            self.call_next(), self.env["public_admin.queue.ticket"].browse()
        messages = self.bus_messages(self.display)
        called = [m["payload"] for m in messages if m["type"] == "public_admin_queue/called"]
        self.assertEqual(len(called), 1)
        self.assertEqual(called[0]["ticket"], "Y-001")
        self.assertEqual(called[0]["counter"], 3)
        self.assertEqual(called[0]["announcement"]["text"], "Mời công dân có số thứ tự một đến quầy số ba")
        self.assertFalse(self.bus_messages(self.other_display), "another centre's display hears nothing")
        self.assertFalse(self.bus_messages(self.kiosk))
        self.assertEqual(ticket.state, "waiting")

    def test_display_state_after_a_reconnection(self):
        with self.at(2026, 11, 23, 8, 0):
            self.issue()
            ticket = self.issue()
            self.call_next()
            self.call_next(self.front_desk_2)
            state = self.env["public_admin.queue.ticket"]._display_state(self.display)
        self.assertEqual([(c["number"], c["ticket"]) for c in state["counters"]], [(1, "B-001"), (2, "B-002"), (3, "")])
        self.assertEqual(state["last"][0]["ticket"], ticket.name)


@tagged("post_install", "-at_install")
class TestQueueScreens(QueueCommon, HttpCase):
    """The login-free screens: found by their device's token, 404 otherwise (wrong or revoked alike)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_queue_data()
        cls.centre.calendar_id = always_open_calendar(cls.env)
        cls.procedure.is_published = True

    def test_wrong_and_revoked_tokens_show_nothing_alike(self):
        kiosk_token = self.kiosk.sudo().access_token
        self.assertEqual(self.url_open(f"/xep-hang/kiosk/{kiosk_token}").status_code, 200)
        revoked = self.env["public_admin.device"].create(
            {"name": "Cũ", "kind": "queue_kiosk", "reception_centre_id": self.centre.id}
        )
        revoked_token = revoked.access_token
        revoked.active = False
        display_token = self.display.sudo().access_token
        answers = [
            self.url_open(url)
            for url in (
                "/xep-hang/kiosk/not-a-token",
                f"/xep-hang/kiosk/{revoked_token}",
                f"/xep-hang/kiosk/{display_token}",  # a display's token does not open a kiosk
                f"/xep-hang/man-hinh/{kiosk_token}",
                "/xep-hang/tra-cuu/not-a-token",
                "/xep-hang/ve/not-a-token",
            )
        ]
        self.assertEqual({answer.status_code for answer in answers}, {404})
        self.assertEqual(answers[0].text, answers[1].text, "a revoked kiosk looks like one that never existed")
        self.assertNotIn("Cũ", answers[1].text)

    def test_kiosk_issues_a_ticket_and_the_phone_follows_it(self):
        token = self.kiosk.sudo().access_token
        services = self.make_jsonrpc_request(f"/xep-hang/kiosk/{token}/services", {})
        self.assertEqual([s["prefix"] for s in services["services"]], ["B", "Y"])
        construction = services["services"][0]
        self.assertIn(self.procedure.name, [p["name"] for p in construction["procedures"]])
        documents = self.make_jsonrpc_request(
            f"/xep-hang/kiosk/{token}/documents", {"service_id": construction["id"], "procedure_id": self.procedure.id}
        )
        self.assertIn("Bản vẽ thiết kế xây dựng", [d["name"] for d in documents["documents"]])
        first = self.make_jsonrpc_request(f"/xep-hang/kiosk/{token}/ticket", {"service_id": construction["id"]})
        second = self.make_jsonrpc_request(
            f"/xep-hang/kiosk/{token}/ticket", {"service_id": construction["id"], "procedure_id": self.procedure.id}
        )
        self.assertEqual((first["ticket"]["name"], second["ticket"]["name"]), ("B-001", "B-002"))
        self.assertEqual((second["ticket"]["ahead"], second["ticket"]["procedure"]), (1, self.procedure.name))
        self.assertGreater(second["ticket"]["wait"], 0)
        refused = self.make_jsonrpc_request(f"/xep-hang/kiosk/{token}/ticket", {"service_id": 0})
        self.assertIn("error", refused)
        phone_url = second["ticket"]["url"].split("/xep-hang", 1)[1]
        self.assertEqual(self.url_open(f"/xep-hang{phone_url}").status_code, 200)
        state = self.make_jsonrpc_request(f"/xep-hang{phone_url}/state", {})
        self.assertEqual((state["name"], state["ahead"]), ("B-002", 1))
        slip = self.url_open(f"/xep-hang{phone_url}/in")
        self.assertIn("B-002", slip.text)
        refused = self.make_jsonrpc_request(f"/xep-hang{phone_url}/sms", {"phone": "123"})
        self.assertIn("error", refused)
        subscribed = self.make_jsonrpc_request(f"/xep-hang{phone_url}/sms", {"phone": "0912 345 678"})
        self.assertTrue(subscribed["ticket"]["has_sms"])

    def test_kiosk_queues_a_scanned_receipt_for_its_procedure(self):
        dossier = self.create_dossier()
        dossier.with_user(self.front_desk).action_receive()
        token = self.kiosk.sudo().access_token
        scanned = dossier._get_public_status_url()
        answer = self.make_jsonrpc_request(f"/xep-hang/kiosk/{token}/ticket", {"scanned": scanned})
        ticket = self.env["public_admin.queue.ticket"].search([("name", "=", answer["ticket"]["name"])])
        self.assertEqual((ticket.dossier_id, ticket.service_id), (dossier, self.service_b))
        unknown = self.make_jsonrpc_request(
            f"/xep-hang/kiosk/{token}/ticket", {"scanned": "https://x/tra-cuu-ho-so/abc"}
        )
        self.assertIn("error", unknown)

    def test_lookup_screen_tiles_and_procedure(self):
        lookup = self.env["public_admin.device"].create(
            {"name": "Tra cứu", "kind": "procedure_lookup", "reception_centre_id": self.centre.id}
        )
        token = lookup.access_token
        home = self.url_open(f"/xep-hang/tra-cuu/{token}")
        self.assertEqual(home.status_code, 200)
        self.assertIn(self.sector.name, home.text)
        sector = self.url_open(f"/xep-hang/tra-cuu/{token}?sector={self.sector.id}")
        self.assertIn(self.procedure.name, sector.text)
        self.assertIn(self.construction.name, home.text, "agencies have their tiles too")
        by_agency = self.url_open(f"/xep-hang/tra-cuu/{token}?agency={self.construction.id}")
        self.assertIn(self.procedure.name, by_agency.text)
        page = self.url_open(f"/xep-hang/tra-cuu/{token}/thu-tuc/{self.procedure.id}")
        self.assertIn("Bản vẽ thiết kế xây dựng", page.text)
        self.assertIn('src="data:image/png;base64,', page.text, "a QR code to open it on a phone")
