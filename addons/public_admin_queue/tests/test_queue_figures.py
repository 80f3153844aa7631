from datetime import date

from odoo.tests import tagged

from .common import QueueCase


@tagged("post_install", "-at_install")
class TestQueueFigures(QueueCase):
    """The figures of a day against values worked out by hand."""

    def serve(self, user, called, start, done):
        with self.at(*called):
            ticket = self.call_next(user)
        with self.at(*start):
            ticket.with_user(user).action_start()
        with self.at(*done):
            ticket.with_user(user).action_done()
        return ticket

    def test_figures_of_a_day(self):
        with self.at(2026, 11, 23, 8, 0):
            self.issue(), self.issue(), self.issue(), self.issue(self.service_y)
        with self.at(2026, 11, 23, 9, 10):
            self.issue()
        # B-001 waits 10, served 6 (counter 1); B-002 waits 20, served 10 (counter 2);
        # B-003 waits 30 and does not come (counter 1); B-004 waits 5, served 2 (counter 1).
        self.serve(self.front_desk, (2026, 11, 23, 8, 10), (2026, 11, 23, 8, 10), (2026, 11, 23, 8, 16))
        self.serve(self.front_desk_2, (2026, 11, 23, 8, 20), (2026, 11, 23, 8, 20), (2026, 11, 23, 8, 30))
        with self.at(2026, 11, 23, 8, 30):
            no_show = self.call_next()
            no_show.with_user(self.front_desk).action_no_show()
        self.serve(self.front_desk, (2026, 11, 23, 9, 15), (2026, 11, 23, 9, 15), (2026, 11, 23, 9, 17))
        figures = (
            self.env["public_admin.queue.ticket"]
            .with_user(self.manager)
            ._queue_figures(date(2026, 11, 23), date(2026, 11, 23), self.centre)
        )
        self.assertEqual((figures["tickets"], figures["served"], figures["no_show"], figures["waiting"]), (5, 3, 1, 1))
        self.assertEqual(figures["by_service"], {"Xây dựng": 4, "Y tế": 1})
        self.assertEqual(figures["by_hour"], {8: 4, 9: 1})
        # waits 10, 20, 30, 5 → mean 16.25 (16.2 rounded half to even), p90 = 30 (nearest rank 4 of 4)
        self.assertEqual(figures["wait_minutes"]["count"], 4)
        self.assertAlmostEqual(figures["wait_minutes"]["mean"], 16.2, delta=0.06)
        self.assertEqual(figures["wait_minutes"]["p90"], 30.0)
        # serving 6, 10, 2 → mean 6.0, p90 = 10
        self.assertEqual(figures["serve_minutes"], {"count": 3, "mean": 6.0, "p90": 10.0})
        by_counter = figures["by_counter"]
        self.assertEqual(by_counter[self.counter_1.display_name]["served"], 2)
        self.assertEqual(by_counter[self.counter_1.display_name]["no_show"], 1)
        self.assertEqual(by_counter[self.counter_1.display_name]["serve_minutes"]["mean"], 4.0)
        self.assertEqual(by_counter[self.counter_2.display_name]["served"], 1)
        self.assertEqual(figures["by_officer"][self.front_desk_2.display_name]["serve_minutes"]["p90"], 10.0)
        # The manager's day shows the waiting room of today, each count opening its tickets.
        with self.at(2026, 11, 23, 10, 0):
            dashboard = self.env["public_admin.manager.dashboard"].with_user(self.manager).create({})
            dashboard.action_refresh()
        tiles = {tile.label: tile for tile in dashboard.tile_ids if tile.section == "Waiting room today"}
        self.assertEqual(tiles["Tickets taken"].value, 5)
        self.assertEqual(tiles["No-shows"].value, 1)
        self.assertEqual(tiles["Waiting now"].value, 1)
        self.assertAlmostEqual(tiles["Mean waiting time"].value, 16.2, delta=0.06)
        self.assertEqual(tiles["Waiting time, 90th percentile"].value, 30.0)
        no_shows = self.env["public_admin.queue.ticket"].search(tiles["No-shows"].action_open()["domain"])
        self.assertEqual(no_shows, no_show)
        empty = self.env["public_admin.queue.ticket"]._queue_figures(date(2026, 11, 24), date(2026, 11, 30))
        self.assertEqual((empty["tickets"], empty["wait_minutes"]["mean"]), (0, 0.0))
