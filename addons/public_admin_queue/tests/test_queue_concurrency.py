import threading
from datetime import date, datetime

from psycopg2 import errors as pg_errors

from odoo import Command
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

# Monday 23 November 2026, 09:00 in Hà Nội (naive UTC)
NOW = datetime(2026, 11, 23, 2, 0)


@tagged("post_install", "-at_install")
class TestQueueConcurrency(TransactionCase):
    """Two counters calling at once, two kiosks issuing at once: in real, separate transactions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        registry = cls.registry
        with registry.cursor() as setup_cr:
            env = cls.env(cr=setup_cr, context={"public_admin_clock": lambda: NOW})
            calendar = env.ref("public_admin_centre.resource_calendar_public_admin")
            centre = env["public_admin.agency"].create(
                {
                    "name": "Concurrency centre",
                    "code": "999.99.99.Q01",
                    "is_reception_centre": True,
                    "calendar_id": calendar.id,
                }
            )
            counters = env["public_admin.counter"].create(
                [{"reception_centre_id": centre.id, "number": n, "name": f"Q{n}"} for n in (1, 2)]
            )
            service = env["public_admin.queue.service"].create(
                {
                    "name": "Q",
                    "prefix": "Q",
                    "reception_centre_id": centre.id,
                    "counter_ids": [Command.set(counters.ids)],
                }
            )
            users = env["res.users"]
            for counter in counters:
                user = new_test_user(
                    env, login=f"pa_queue_race_{counter.number}", groups="public_admin_centre.group_front_desk"
                )
                user.write(
                    {"public_admin_counter_id": counter.id, "public_admin_agency_ids": [Command.set(centre.ids)]}
                )
                users |= user
            Ticket = env["public_admin.queue.ticket"]
            tickets = Ticket._issue(service) | Ticket._issue(service)
            cls.ids = {
                "centre": centre.id,
                "counters": counters.ids,
                "service": service.id,
                "users": users.ids,
                "tickets": tickets.ids,
            }
            setup_cr.commit()

    @classmethod
    def tearDownClass(cls):
        with cls.registry.cursor() as cleanup_cr:
            ids = cls.ids
            cleanup_cr.execute("DELETE FROM public_admin_queue_ticket WHERE service_id = %s", [ids["service"]])
            cleanup_cr.execute("DELETE FROM public_admin_queue_ticket_counter WHERE service_id = %s", [ids["service"]])
            cleanup_cr.execute("DELETE FROM public_admin_queue_service WHERE id = %s", [ids["service"]])
            env = cls.env(cr=cleanup_cr)
            partners = env["res.users"].browse(ids["users"]).partner_id
            env["res.users"].browse(ids["users"]).unlink()
            partners.unlink()
            cleanup_cr.execute("DELETE FROM public_admin_counter WHERE id = ANY(%s)", [ids["counters"]])
            cleanup_cr.execute("DELETE FROM public_admin_agency WHERE id = %s", [ids["centre"]])
            cleanup_cr.commit()
        super().tearDownClass()

    def test_two_counters_calling_next_at_once_get_different_tickets(self):
        cr1, cr2 = self.registry.cursor(), self.registry.cursor()
        try:
            user1, user2 = self.ids["users"]
            env1 = self.env(cr=cr1, user=user1, context={"public_admin_clock": lambda: NOW})
            env2 = self.env(cr=cr2, user=user2, context={"public_admin_clock": lambda: NOW})
            cr1.execute("SELECT 1")
            cr2.execute("SELECT 1")
            first = env1["public_admin.queue.ticket"].action_call_next()
            outcome = {}

            def second_counter():
                # While the first transaction still holds its row, the second one skips it.
                outcome["ticket"] = env2["public_admin.queue.ticket"].action_call_next().id

            thread = threading.Thread(target=second_counter)
            thread.start()
            thread.join(timeout=10)
            self.assertFalse(thread.is_alive(), "the second counter does not wait for the first one")
            self.assertEqual(sorted([first.id, outcome["ticket"]]), sorted(self.ids["tickets"]))
            cr1.commit()
            cr2.commit()
        finally:
            cr1.close()
            cr2.close()
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT counter_id FROM public_admin_queue_ticket WHERE id = ANY(%s) ORDER BY id", [self.ids["tickets"]]
            )
            self.assertEqual(sorted(row[0] for row in cr.fetchall()), sorted(self.ids["counters"]))

    @mute_logger("odoo.sql_db")
    def test_two_kiosks_never_issue_the_same_number(self):
        cr1, cr2 = self.registry.cursor(), self.registry.cursor()
        day = date(2031, 1, 2)
        try:
            env1, env2 = self.env(cr=cr1), self.env(cr=cr2)
            cr1.execute("SELECT 1")
            cr2.execute("SELECT 1")
            service1 = env1["public_admin.queue.service"].browse(self.ids["service"])
            first = env1["public_admin.queue.ticket.counter"]._next_number(service1, day)
            outcome = {}

            def second_kiosk():
                try:
                    outcome["number"] = env2["public_admin.queue.ticket.counter"]._next_number(
                        env2["public_admin.queue.service"].browse(self.ids["service"]), day
                    )
                except pg_errors.SerializationFailure as error:
                    outcome["error"] = error

            thread = threading.Thread(target=second_kiosk)
            thread.start()
            thread.join(timeout=1.0)
            self.assertTrue(thread.is_alive(), "the second kiosk waits for the first one")
            cr1.commit()
            thread.join(timeout=10)
            self.assertIn("error", outcome, "Odoo retries the second kiosk's request")
            cr2.rollback()
            retried = env2["public_admin.queue.ticket.counter"]._next_number(
                env2["public_admin.queue.service"].browse(self.ids["service"]), day
            )
            cr2.commit()
            self.assertEqual((first, retried), (1, 2))
        finally:
            cr1.close()
            cr2.close()
