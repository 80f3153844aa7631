from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import QueueCase


@tagged("post_install", "-at_install")
class TestQueueCalling(QueueCase):
    """The officer at a counter calls the next ticket, serves it, and the queue's refusals."""

    def test_call_next_takes_the_oldest_ticket_of_the_counters_services(self):
        with self.at(2026, 11, 23, 8, 0):
            health = self.issue(self.service_y)
            first, second = self.issue(), self.issue()
            called = self.call_next()
        self.assertEqual(called, first, "counter 1 serves construction, not health")
        self.assertEqual((called.state, called.counter_id, called.user_id), ("called", self.counter_1, self.front_desk))
        self.assertEqual(called.wait_minutes, 0.0)
        with self.at(2026, 11, 23, 8, 5):
            self.assertEqual(self.call_next(self.front_desk_2), second)
        self.assertEqual(health.state, "waiting")

    def test_one_ticket_at_a_time_and_nobody_waiting(self):
        with self.at(2026, 11, 23, 8, 0):
            self.issue()
            self.call_next()
            with self.assertRaisesRegex(UserError, "still at your counter"):
                self.call_next()
            with self.assertRaisesRegex(UserError, "Nobody is waiting"):
                self.call_next(self.front_desk_2)

    def test_serve_and_done_measure_waiting_and_serving_time(self):
        with self.at(2026, 11, 23, 8, 0):
            ticket = self.issue()
        with self.at(2026, 11, 23, 8, 12):
            self.call_next()
            with self.assertRaisesRegex(UserError, "not possible now"):
                ticket.with_user(self.front_desk).action_done()
        with self.at(2026, 11, 23, 8, 13):
            ticket.with_user(self.front_desk).action_start()
        with self.at(2026, 11, 23, 8, 21):
            ticket.with_user(self.front_desk).action_done()
        self.assertEqual(ticket.state, "done")
        self.assertEqual((ticket.wait_minutes, ticket.serve_minutes), (12.0, 8.0))
        self.assertEqual(ticket.log_ids.sorted("id").mapped("action"), ["issue", "call", "start", "done"])

    def test_recall_no_show_and_reactivation_the_same_day(self):
        with self.at(2026, 11, 23, 8, 0):
            ticket, later = self.issue(), self.issue()
            self.call_next()
            ticket.with_user(self.front_desk).action_recall()
            self.assertEqual(ticket.call_count, 2)
            ticket.with_user(self.front_desk).action_no_show()
            self.assertEqual(ticket.state, "no_show")
            with self.assertRaisesRegex(UserError, "not possible now"):
                ticket.with_user(self.front_desk).action_recall()
            ticket.with_user(self.front_desk_2).action_reactivate()
            self.assertEqual(ticket.state, "waiting")
            self.assertEqual(self.call_next(), ticket, "a reactivated ticket keeps its place")
        logs = ticket.log_ids
        self.assertEqual(logs.filtered(lambda log: log.action == "recall").user_id, self.front_desk)
        self.assertEqual(logs.filtered(lambda log: log.action == "skip").user_id, self.front_desk)
        self.assertEqual(logs.filtered(lambda log: log.action == "reactivate").user_id, self.front_desk_2)
        self.assertEqual(later.state, "waiting")

    def test_no_show_of_another_day_is_not_reactivated(self):
        with self.at(2026, 11, 23, 8, 0):
            ticket = self.issue()
            self.call_next()
            ticket.with_user(self.front_desk).action_no_show()
        with self.at(2026, 11, 24, 8, 0), self.assertRaisesRegex(UserError, "another day"):
            ticket.with_user(self.front_desk).action_reactivate()

    def test_transfer_to_another_service_keeps_the_place_and_the_note(self):
        with self.at(2026, 11, 23, 8, 0):
            ticket = self.issue()
        with self.at(2026, 11, 23, 8, 5):
            waiting_health = self.issue(self.service_y)
            self.call_next()
            ticket.with_user(self.front_desk).action_transfer(service=self.service_y, note="Hồ sơ y tế")
        self.assertEqual((ticket.state, ticket.service_id, ticket.note), ("waiting", self.service_y, "Hồ sơ y tế"))
        self.assertEqual(ticket.name, "B-001", "the citizen keeps the number printed on their slip")
        self.front_desk_2.with_user(self.front_desk_2).public_admin_counter_id = self.counter_3
        with self.at(2026, 11, 23, 8, 6):
            self.assertEqual(self.call_next(self.front_desk_2), ticket, "taken before the later health ticket")
        self.assertEqual(waiting_health.state, "waiting")

    def test_transfer_to_a_counter_is_called_only_there(self):
        with self.at(2026, 11, 23, 8, 0):
            ticket = self.issue()
            other = self.issue()
            self.call_next()
            with self.assertRaisesRegex(UserError, "already at this counter"):
                ticket.with_user(self.front_desk).action_transfer(counter=self.counter_1)
            with self.assertRaisesRegex(UserError, "Choose the service or the counter"):
                ticket.with_user(self.front_desk).action_transfer()
            ticket.with_user(self.front_desk).action_transfer(counter=self.counter_3, note="Quầy 3 xử lý")
            self.assertEqual(self.call_next(self.front_desk_2), other, "counter 2 does not get a ticket sent to 3")
            self.front_desk.with_user(self.front_desk).public_admin_counter_id = self.counter_3
            self.assertEqual(self.call_next(), ticket)

    def test_officer_acts_only_on_the_ticket_at_their_counter(self):
        with self.at(2026, 11, 23, 8, 0):
            ticket = self.issue()
            self.call_next()
            for action in ("action_recall", "action_no_show", "action_start"):
                with self.subTest(action=action), self.assertRaisesRegex(UserError, "not at your counter"):
                    getattr(ticket.with_user(self.front_desk_2), action)()

    def test_no_cherry_picking_state_changes_only_through_actions(self):
        with self.at(2026, 11, 23, 8, 0):
            self.issue()
            second = self.issue()
        for vals in ({"state": "called"}, {"counter_id": self.counter_1.id}, {"is_priority": True}):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "counter's actions"):
                second.with_user(self.front_desk).write(vals)

    def test_who_may_call(self):
        with self.at(2026, 11, 23, 8, 0):
            self.issue()
            for user in (self.officer_construction, self.head_construction):
                with self.subTest(user=user.login), self.assertRaises(AccessError):
                    self.call_next(user)
            self.manager.public_admin_counter_id = False
            with self.assertRaisesRegex(UserError, "Choose the counter"):
                self.call_next(self.manager)

    def test_rota_decides_todays_services_and_seat(self):
        rota_user = self.front_desk_2
        rota_user.with_user(rota_user).public_admin_counter_id = False
        self.env["public_admin.queue.rota"].with_user(self.manager).create(
            {
                "counter_id": self.counter_3.id,
                "weekday": "0",  # Monday
                "user_id": rota_user.id,
                "service_ids": [Command.set((self.service_y | self.service_b).ids)],
            }
        )
        with self.at(2026, 11, 23, 8, 0):  # a Monday: counter 3 also serves construction
            ticket = self.issue()
            called = self.call_next(rota_user)
        self.assertEqual((called, called.counter_id), (ticket, self.counter_3))
        with self.at(2026, 11, 24, 8, 0):  # Tuesday: no rota line, counter 3 serves health only
            self.issue()
            self.assertEqual(self.counter_3._queue_services_today(), self.service_y)

    def test_priority_is_marked_by_staff_and_kept(self):
        with self.at(2026, 11, 23, 8, 0):
            ticket = self.issue()
            ticket.with_user(self.front_desk_2).action_mark_priority("pregnant")
        self.assertTrue(ticket.is_priority)
        self.assertEqual((ticket.priority_group, ticket.priority_user_id), ("pregnant", self.front_desk_2))
        with self.assertRaises(AccessError):
            ticket.with_user(self.officer_construction).action_mark_priority("elderly")

    def test_strict_priority_goes_first(self):
        self.centre.queue_priority_policy = "strict"
        with self.at(2026, 11, 23, 8, 0):
            early = self.issue()
        with self.at(2026, 11, 23, 9, 0):
            elderly = self.issue()
            elderly.with_user(self.front_desk).action_mark_priority("elderly")
            self.assertEqual(elderly._ahead_count(), 0)
            self.assertEqual(self.call_next(), elderly)
            self.assertEqual(self.call_next(self.front_desk_2), early)

    def test_weighted_priority_against_waiting_time(self):
        self.centre.write({"queue_priority_policy": "weighted", "queue_priority_bonus": 20})
        with self.at(2026, 11, 23, 8, 0):
            long_waiting = self.issue()
        with self.at(2026, 11, 23, 8, 25):
            recent = self.issue()
        with self.at(2026, 11, 23, 8, 30):
            priority = self.issue()  # worth 08:10 with its 20 minutes
            priority.with_user(self.front_desk).action_mark_priority("disabled")
            self.assertEqual(self.call_next(), long_waiting, "waited 30 minutes: more than the bonus")
            self.assertEqual(self.call_next(self.front_desk_2), priority, "ahead of the one who came at 08:25")
        self.assertEqual(recent.state, "waiting")

    def test_serving_opens_the_reception_and_links_the_dossier(self):
        with self.at(2026, 11, 23, 8, 0):
            ticket = self.issue(procedure=self.procedure)
            self.call_next()
            action = self.counter_1.with_user(self.front_desk).action_queue_serve()
            self.assertEqual(ticket.state, "serving")
            self.assertEqual(action["res_model"], "public_admin.dossier")
            self.assertEqual(action["context"]["default_procedure_id"], self.procedure.id)
            dossier = (
                self.env["public_admin.dossier"]
                .with_user(self.front_desk)
                .with_context(**action["context"])
                .create({"partner_id": self.applicant.id, "summary": "Xây nhà"})
            )
        self.assertEqual(ticket.dossier_id, dossier)
        self.assertEqual(dossier.queue_ticket_ids, ticket)
        self.assertEqual(dossier.procedure_id, self.procedure)

    def test_ticket_of_an_online_dossier_opens_it(self):
        dossier = self.create_dossier()
        with self.at(2026, 11, 23, 8, 0):
            ticket = self.issue(dossier=dossier)
            self.call_next()
            action = ticket.with_user(self.front_desk).action_open_reception()
        self.assertEqual(action["res_id"], dossier.id)
        self.assertEqual(ticket.procedure_id, self.procedure)


@tagged("post_install", "-at_install")
class TestQueueSmsAndAccess(QueueCase):
    """The SMS when one's turn nears, and who reads the tickets."""

    def test_sms_when_few_people_are_ahead(self):
        self.centre.queue_sms_ahead = 1
        with self.at(2026, 11, 23, 8, 0):
            for _i in range(3):
                self.issue()
            mine = self.issue()
            with self.assertRaisesRegex(UserError, "valid Vietnamese mobile"):
                mine._subscribe_sms("12")
            mine._subscribe_sms("0912 345 678")
            self.assertEqual(mine.sudo().phone, "+84912345678")
            self.assertFalse(mine.is_sms_sent, "3 people ahead: not yet")
            self.call_next()
            self.assertFalse(mine.is_sms_sent, "2 people ahead: not yet")
            self.call_next(self.front_desk_2)
        self.assertTrue(mine.is_sms_sent)
        sms = self.env["sms.sms"].sudo().search([("number", "=", "+84912345678")])
        self.assertEqual(len(sms), 1)
        self.assertIn("B-004", sms.body)

    def test_who_reads_tickets(self):
        with self.at(2026, 11, 23, 8, 0):
            ticket = self.issue()
        self.assertEqual(ticket.with_user(self.front_desk).name, "B-001")
        self.assertEqual(ticket.with_user(self.manager).name, "B-001")
        ward_desk = self.env["res.users"].create(
            {
                "name": "Cán bộ phường",
                "login": "pa_ward_desk",
                "groups_id": [Command.set(self.env.ref("public_admin_centre.group_front_desk").ids)],
                "public_admin_agency_ids": [Command.set(self.ward.ids)],
            }
        )
        for user in (ward_desk, self.officer_construction):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                ticket.with_user(user).check_access("read")
        with self.assertRaises(AccessError):
            ticket.with_user(self.front_desk).unlink()
