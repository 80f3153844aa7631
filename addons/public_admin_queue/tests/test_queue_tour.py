from unittest.mock import patch

from odoo.tests import HttpCase, tagged

from odoo.addons.bus.websocket import WebsocketConnectionHandler

from .common import QueueCommon
from .test_queue_screens import always_open_calendar


@tagged("post_install", "-at_install")
class TestQueueTour(QueueCommon, HttpCase):
    """Kiosk → display → counter → reception, in a real browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Odoo closes the bus's websocket in tests; the display's live update needs it (as bus's tests).
        cls.startClassPatcher(patch.object(WebsocketConnectionHandler, "websocket_allowed", return_value=True))
        cls.setup_queue_data()
        cls.centre.calendar_id = always_open_calendar(cls.env)
        cls.procedure.is_published = True

    def test_ticket_from_kiosk_to_reception(self):
        kiosk, display = self.kiosk.sudo().access_token, self.display.sudo().access_token
        self.start_tour(
            f"/xep-hang/kiosk/{kiosk}?display={display}", "public_admin_queue_waiting_room_tour", login="pa_front_desk"
        )
        ticket = self.env["public_admin.queue.ticket"].search([("service_id", "=", self.service_b.id)])
        self.assertEqual((ticket.name, ticket.state, ticket.counter_id), ("B-001", "serving", self.counter_1))
        self.assertEqual(ticket.procedure_id, self.procedure)
