from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import PublicAdminCase


@tagged("post_install", "-at_install")
class TestActionsOfTheUser(PublicAdminCase):
    """The dossier form shows each user only what they may do now, and says why when nothing."""

    def actions(self, dossier, user):
        dossier.invalidate_recordset()  # computed for the time of the call
        dossier = dossier.with_user(user)
        return {name for name in dossier._fields if name.startswith("can_") and dossier[name]}

    def test_after_handover_the_sending_agency_has_no_action_left(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier()
        self.assertEqual(
            self.actions(dossier, self.officer_construction),
            {
                "can_start_step",
                "can_transfer",
                "can_request_supplement",
                "can_await_financial",
                "can_refuse",
                "can_withdraw",
            },
        )
        with freeze_time(self.local(2026, 11, 23, 10, 0)):
            dossier.with_user(self.officer_construction).action_start_step()
            self.assertIn("can_finish_step", self.actions(dossier, self.officer_construction))
            dossier.with_user(self.officer_construction).action_finish_step()
        self.assertEqual(dossier.current_agency_id, self.environment)
        with freeze_time(self.local(2026, 11, 23, 11, 0)):
            self.assertEqual(self.actions(dossier, self.officer_construction), set())
            reason = dossier.with_user(self.officer_construction).action_block_reason
            self.assertIn("Sở Nông nghiệp và Môi trường", reason)
            self.assertIn("can_start_step", self.actions(dossier, self.officer_environment))
            self.assertFalse(dossier.with_user(self.officer_environment).action_block_reason)
            front_desk = self.actions(dossier, self.front_desk)
            self.assertNotIn("can_transfer", front_desk, "processing belongs to the agency")
            self.assertNotIn("can_start_step", front_desk)
            self.assertIn("can_withdraw", front_desk, "the applicant may withdraw at the counter")
            self.assertIn("can_transfer", self.actions(dossier, self.manager))
        with self.assertRaisesRegex(UserError, "only its officers"):
            dossier.with_user(self.front_desk).action_transfer(self.health)

    def test_apology_offered_only_when_late(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier()
            self.assertNotIn("can_apologize", self.actions(dossier, self.officer_construction))
        due = dossier.date_due  # 09:00 14/12/2026
        with freeze_time(due - timedelta(days=4)):
            self.assertNotIn("can_apologize", self.actions(dossier, self.officer_construction))
        with freeze_time(due - timedelta(hours=2)):
            # Decree 61/2018, art. 19: the apology is sent no later than a day before the appointment.
            self.assertIn("can_apologize", self.actions(dossier, self.officer_construction))
            self.assertNotIn("can_apologize", self.actions(dossier, self.officer_environment), "not their dossier")
        with freeze_time(due + timedelta(days=1)):
            dossier._update_overdue()
            self.assertTrue(dossier.is_overdue)
            self.assertIn("can_apologize", self.actions(dossier, self.officer_construction))
            self.assertNotIn("can_apologize", self.actions(dossier, self.front_desk))

    def test_apology_not_offered_on_a_dossier_finished_on_time(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier(procedure_id=self.procedure_same_day.id)
            dossier.with_user(self.manager).action_start_step()
            dossier.with_user(self.manager).action_finish_step()
        self.assertEqual(dossier.state, "done")
        self.assertNotIn("can_apologize", self.actions(dossier, self.manager))
        self.assertIn("can_return_result", self.actions(dossier, self.front_desk))

    def test_current_step_and_time_left_at_the_top(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier()
        with freeze_time(self.local(2026, 11, 23, 15, 0)):
            dossier.invalidate_recordset(["current_step_time_left"])
            self.assertEqual(dossier.current_step_name, "Thẩm định hồ sơ")
            self.assertEqual(dossier.current_step_time_left, "52 working hours left")
            self.assertFalse(dossier.is_current_step_late)
        with freeze_time(dossier.current_step_deadline + timedelta(hours=26)):
            dossier.invalidate_recordset(["current_step_time_left", "is_current_step_late"])
            self.assertEqual(dossier.current_step_time_left, "Late by 10 working hours")
            self.assertTrue(dossier.is_current_step_late)

    def test_transfer_gives_whole_working_hours(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier()
        wizard = (
            self.env["public_admin.dossier.transfer.wizard"]
            .with_user(self.officer_construction)
            .create({"dossier_id": dossier.id, "agency_id": self.health.id})
        )
        self.assertEqual(wizard.hours, 8, "one working day")
        with freeze_time(self.local(2026, 11, 23, 10, 0)):
            wizard.action_confirm()
        self.assertEqual(dossier.current_agency_id, self.health)
        self.assertEqual(dossier.current_step_id.date_deadline, self.local(2026, 11, 24, 10, 0))
