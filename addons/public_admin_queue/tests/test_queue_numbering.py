from datetime import date

from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import QueueCase


@tagged("post_install", "-at_install")
class TestQueueNumbering(QueueCase):
    """Ticket numbers: the service's letter and a daily sequence per service, on the local day."""

    def test_number_is_prefix_and_daily_sequence_per_service(self):
        with self.at(2026, 11, 23, 8, 0):
            first, second = self.issue(), self.issue()
            health = self.issue(self.service_y)
        self.assertEqual((first.name, second.name, health.name), ("B-001", "B-002", "Y-001"))
        self.assertEqual(first.day, date(2026, 11, 23))
        with self.at(2026, 11, 24, 7, 30):
            self.assertEqual(self.issue().name, "B-001", "the sequence restarts every day")

    def test_sequence_restarts_at_local_midnight_not_utc(self):
        always_open = self.env["resource.calendar"].create(
            {
                "name": "Trung tâm 24/7",
                "tz": "Asia/Ho_Chi_Minh",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create({"name": f"Day {day}", "dayofweek": str(day), "hour_from": 0.0, "hour_to": 24.0})
                    for day in range(7)
                ],
            }
        )
        self.centre.calendar_id = always_open
        with self.at(2026, 11, 23, 23, 50):  # 16:50 UTC on the 23rd
            late = self.issue()
        with self.at(2026, 11, 24, 0, 10):  # 17:10 UTC, still the 23rd in UTC
            after_midnight = self.issue()
        self.assertEqual((late.day, late.name), (date(2026, 11, 23), "B-001"))
        self.assertEqual((after_midnight.day, after_midnight.name), (date(2026, 11, 24), "B-001"))

    def test_no_ticket_outside_opening_hours_or_on_days_off(self):
        for moment in ((2026, 11, 23, 12, 15), (2026, 11, 23, 18, 0), (2026, 11, 28, 9, 0)):  # lunch, evening, Saturday
            with self.subTest(moment=moment), self.at(*moment), self.assertRaisesRegex(UserError, "closed"):
                self.issue()

    def test_prefix_is_upper_case_and_unique_per_centre(self):
        self.assertEqual(self.service_b.prefix, "B")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["public_admin.queue.service"].create(
                {"name": "Khác", "prefix": "B", "reception_centre_id": self.centre.id}
            )
            self.env.flush_all()
