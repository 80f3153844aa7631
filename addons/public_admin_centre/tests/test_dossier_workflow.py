from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import PublicAdminCase


@tagged("post_install", "-at_install")
class TestDossierWorkflow(PublicAdminCase):
    # ------------------------------------------------------------------ reception
    def test_reception_gives_code_appointment_and_planned_steps(self):
        # Monday 23/11/2026 09:00; the local time (15 working days) applies, not the legal 20.
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier()
        self.assertEqual(dossier.state, "received")
        self.assertEqual(dossier.name, "000.00.00.H56-261123-0001")
        self.assertEqual(dossier.date_received, self.local(2026, 11, 23, 9, 0))
        # 15 working days = 120 working hours: three weeks later, Monday 14/12 09:00.
        self.assertEqual(dossier.date_due, self.local(2026, 12, 14, 9, 0))
        self.assertEqual(dossier.date_due_initial, dossier.date_due)
        self.assertEqual(dossier.receiving_user_id, self.front_desk)
        self.assertTrue(dossier.register_number)
        steps = dossier.step_ids.sorted()
        self.assertEqual(steps.mapped("agency_id"), self.centre | self.construction | self.environment)
        # The front desk's own step is done at reception; the department has the dossier now.
        self.assertTrue(steps[0].date_done)
        self.assertEqual(dossier.current_step_id, steps[1])
        self.assertEqual(dossier.current_agency_id, self.construction)
        # Appraisal: 56 working hours = 7 working days after reception.
        self.assertEqual(steps[1].date_deadline, self.local(2026, 12, 2, 9, 0))
        self.assertEqual(steps[2].date_deadline, self.local(2026, 12, 9, 9, 0))
        # Planned steps never promise beyond the appointment.
        self.assertLessEqual(steps[-1].date_deadline, dossier.date_due)
        self.assertIn(self.centre, dossier.agency_ids)
        self.assertIn(self.construction, dossier.agency_ids)
        activity = dossier.activity_ids.filtered(lambda a: a.user_id == self.officer_construction)
        self.assertTrue(activity, "the department's officer is asked to act next")

    def test_transitions_read_the_time_of_the_clock_in_their_context(self):
        # The demo player replays past events by giving the dossier its own clock; everyone
        # else keeps reading the real time.
        moment = self.local(2026, 11, 23, 9, 0)
        dossier = self.create_dossier().with_context(public_admin_clock=lambda: moment)
        dossier.with_user(self.front_desk).action_receive()
        self.assertEqual(dossier.date_received, moment)
        self.assertEqual(dossier.name, "000.00.00.H56-261123-0001")
        self.assertEqual(dossier.date_due, self.local(2026, 12, 14, 9, 0))
        self.assertEqual(dossier.step_ids.sorted()[0].date_done, moment)
        self.assertEqual(dossier.step_ids.sorted()[1].date_start, moment)
        self.assertNotEqual(self.env["public_admin.dossier"]._now(), moment)

    def test_reception_refused_when_required_documents_missing(self):
        dossier = self.create_dossier()
        dossier.document_ids.filtered(lambda d: d.name == "Bản vẽ thiết kế xây dựng").is_received = False
        with self.assertRaisesRegex(UserError, "Bản vẽ thiết kế xây dựng"):
            dossier.with_user(self.front_desk).action_receive()
        self.assertEqual(dossier.state, "draft")
        self.assertFalse(dossier.name)
        self.assertFalse(dossier.date_due)

    def test_optional_document_not_needed_for_reception(self):
        dossier = self.create_dossier()
        self.assertFalse(dossier.document_ids.filtered(lambda d: d.name == "Ảnh hiện trạng").is_received)
        dossier.with_user(self.front_desk).action_receive()
        self.assertEqual(dossier.state, "received")

    def test_checklist_copied_from_procedure(self):
        dossier = self.create_dossier()
        self.assertEqual(dossier.document_ids.mapped("name"), self.procedure.document_ids.mapped("name"))
        drawing = dossier.document_ids.filtered(lambda d: d.name == "Bản vẽ thiết kế xây dựng")
        self.assertEqual((drawing.copies, drawing.copy_type), (2, "photocopy"))

    def test_applicant_phone_normalised_to_international_form(self):
        dossier = self.create_dossier()
        self.assertEqual(dossier.applicant_phone, "+84912345678")
        dossier.applicant_phone = "098 765 4321"
        self.assertEqual(dossier.applicant_phone, "+84987654321")

    def test_invalid_phone_number_refused(self):
        with self.assertRaisesRegex(ValidationError, "not a valid Vietnamese phone number"):
            self.create_dossier(applicant_phone="0123")

    def test_invalid_citizen_id_number_refused(self):
        for number in ("12345678901", "999090001234", "05609000123A"):
            with self.subTest(number=number), self.assertRaisesRegex(ValidationError, "citizen ID number"):
                self.create_dossier(applicant_id_number=number)
        with self.assertRaises(ValidationError):
            self.applicant.public_admin_id_number = "000000000000"

    def test_counter_form_fills_applicant_and_checklist(self):
        form = Form(self.env["public_admin.dossier"].with_user(self.front_desk))
        form.procedure_id = self.procedure
        form.partner_id = self.applicant
        self.assertEqual(form.applicant_name, "Nguyễn Văn An")
        self.assertEqual(form.applicant_id_number, "056090001234", "the citizen ID comes from the partner")
        self.assertEqual(form.agency_id, self.construction)
        self.assertEqual(len(form.document_ids), 4)
        dossier = form.save()
        self.assertEqual(dossier.receiving_agency_id, self.centre)

    def test_state_cannot_be_written_directly(self):
        dossier = self.create_dossier()
        with self.assertRaisesRegex(UserError, "only through its actions"):
            dossier.write({"state": "done"})
        self.assertEqual(dossier.state, "draft")

    # ------------------------------------------------------------------ inter-agency processing
    def test_inter_agency_dossier_moves_through_two_agencies_and_is_returned(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier()
        with freeze_time(self.local(2026, 11, 24, 8, 0)):
            dossier.with_user(self.officer_construction).action_start_step()
            self.assertEqual(dossier.state, "in_progress")
            self.assertEqual(dossier.user_id, self.officer_construction)
        with freeze_time(self.local(2026, 11, 26, 10, 0)):
            dossier.with_user(self.officer_construction).action_finish_step()
        self.assertEqual(dossier.current_agency_id, self.environment)
        # The department that handed it over can no longer move it.
        with self.assertRaises(UserError):
            dossier.with_user(self.officer_construction).action_start_step()
        with freeze_time(self.local(2026, 11, 27, 8, 0)):
            dossier.with_user(self.officer_environment).action_start_step()
        with freeze_time(self.local(2026, 12, 1, 16, 0)):
            dossier.with_user(self.officer_environment).action_finish_step()
        self.assertEqual(dossier.current_agency_id, self.construction)
        with freeze_time(self.local(2026, 12, 2, 8, 0)):
            dossier.with_user(self.head_construction).action_start_step()
        with freeze_time(self.local(2026, 12, 3, 9, 0)):
            dossier.with_user(self.head_construction).action_finish_step()
        self.assertEqual(dossier.state, "done")
        self.assertEqual(dossier.date_finished, self.local(2026, 12, 3, 9, 0))
        self.assertEqual(dossier.timeliness, "early")
        self.assertTrue(dossier.is_inter_agency)
        steps = dossier.step_ids.sorted()
        self.assertEqual(steps[2].handed_by_id, self.officer_construction)
        self.assertEqual(steps[2].user_id, self.officer_environment)
        self.assertEqual(steps[2].date_start, self.local(2026, 11, 26, 10, 0))
        self.assertEqual(steps.mapped("timeliness"), ["on_time", "early", "early", "early"])
        with freeze_time(self.local(2026, 12, 4, 10, 0)):
            dossier.with_user(self.front_desk).action_return_at_counter()
        self.assertEqual(dossier.state, "returned")
        self.assertEqual(dossier.return_method, "counter")
        self.assertEqual(dossier.date_returned, self.local(2026, 12, 4, 10, 0))

    def test_single_agency_dossier_is_not_inter_agency(self):
        dossier = self.received_dossier(procedure_id=self.procedure_same_day.id)
        self._finish_all_steps(dossier)
        self.assertFalse(dossier.is_inter_agency, "the centre's reception does not make a dossier inter-agency")

    def test_step_finished_after_its_deadline_is_late_but_dossier_on_time(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier()
            dossier.with_user(self.officer_construction).action_start_step()
        with freeze_time(self.local(2026, 12, 3, 9, 0)):  # appraisal was due 02/12 09:00
            dossier.with_user(self.officer_construction).action_finish_step()
        self.assertEqual(dossier.step_ids.sorted()[1].timeliness, "late")
        self.assertFalse(dossier.timeliness, "only a finished dossier is classified")

    def test_transfer_to_an_agency_the_procedure_does_not_plan(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier()
            dossier.with_user(self.officer_construction).action_start_step()
        with freeze_time(self.local(2026, 11, 24, 9, 0)):
            wizard = (
                self.env["public_admin.dossier.transfer.wizard"]
                .with_user(self.officer_construction)
                .create(
                    {
                        "dossier_id": dossier.id,
                        "agency_id": self.health.id,
                        "hours": 16,
                        "note": "Xin ý kiến PCCC",
                    }
                )
            )
            wizard.action_confirm()
        self.assertEqual(dossier.current_agency_id, self.health)
        new_step = dossier.current_step_id
        self.assertEqual(new_step.agency_id, self.health)
        self.assertEqual(new_step.date_deadline, self.local(2026, 11, 26, 9, 0))
        self.assertEqual(new_step.handed_by_id, self.officer_construction)
        self.assertIn(self.health, dossier.agency_ids)
        # The transferred step comes before the steps still planned.
        pending = dossier.step_ids.sorted().filtered(lambda s: not s.date_done)
        self.assertEqual(pending[0], new_step)
        with self.assertRaisesRegex(UserError, "already at"):
            dossier.with_user(self.manager).action_transfer(self.health)

    def test_finish_refused_while_steps_pending(self):
        dossier = self.received_dossier()
        dossier.with_user(self.officer_construction).action_start_step()
        with self.assertRaisesRegex(UserError, "Steps are still pending"):
            dossier.with_user(self.manager).action_finish()
        self.assertEqual(dossier.state, "in_progress")

    def test_finish_step_requires_start(self):
        dossier = self.received_dossier()
        dossier.with_user(self.manager)._set_state("in_progress")
        with self.assertRaisesRegex(UserError, "Start the current step"):
            dossier.with_user(self.officer_construction).action_finish_step()

    # ------------------------------------------------------------------ clock stops
    def test_supplement_stops_the_clock_and_moves_the_appointment(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier()
        due = dossier.date_due
        with freeze_time(self.local(2026, 11, 24, 9, 0)):
            dossier.with_user(self.officer_construction).action_request_supplement("Thiếu bản vẽ mặt cắt")
        self.assertEqual(dossier.state, "supplement")
        self.assertEqual(dossier.supplement_count, 1)
        self.assertTrue(dossier.pause_ids.filtered(lambda p: not p.date_end))
        with freeze_time(self.local(2026, 11, 26, 9, 0)):
            dossier.with_user(self.front_desk).action_resume()
        self.assertEqual(dossier.state, "received")
        # Two working days (16 h) stopped: the appointment moves by two working days.
        self.assertEqual(dossier.date_due, self.local(2026, 12, 16, 9, 0))
        self.assertNotEqual(dossier.date_due, due)
        self.assertEqual(dossier.date_due_initial, due)
        self.assertEqual(dossier.pause_ids.duration_hours, 16.0)
        self.assertEqual(
            dossier.step_ids.sorted()[1].date_deadline,
            self.local(2026, 12, 4, 9, 0),
            "open steps move with the clock stop",
        )

    def test_supplement_requires_a_reason(self):
        dossier = self.received_dossier()
        with self.assertRaisesRegex(UserError, "reason"):
            dossier.with_user(self.officer_construction).action_request_supplement("  ")
        self.assertEqual(dossier.state, "received")

    def test_second_supplement_warns_and_counts_late(self):
        dossier = self.received_dossier()
        dossier.with_user(self.officer_construction).action_request_supplement("Thiếu bản vẽ")
        dossier.with_user(self.front_desk).action_resume()
        wizard = (
            self.env["public_admin.dossier.reason.wizard"]
            .with_user(self.officer_construction)
            .create(
                {
                    "dossier_id": dossier.id,
                    "action": "supplement",
                    "reason": "Bản vẽ sai tỷ lệ",
                }
            )
        )
        self.assertTrue(wizard.is_second_supplement)
        with self.assertRaisesRegex(UserError, "count as late"):
            wizard.action_confirm()
        self.assertEqual(dossier.state, "received")
        self.assertEqual(dossier.supplement_count, 1)
        wizard.confirm_counts_late = True
        wizard.action_confirm()
        self.assertEqual(dossier.state, "supplement")
        self.assertEqual(dossier.supplement_count, 2)
        dossier.with_user(self.front_desk).action_resume()
        self._finish_all_steps(dossier)
        self.assertEqual(dossier.state, "done")
        self.assertEqual(dossier.timeliness, "late", "two supplement requests make the dossier late")

    def test_financial_obligation_stops_the_clock(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier()
            dossier.with_user(self.officer_construction).action_start_step()
            dossier.with_user(self.officer_construction).action_await_financial()
        self.assertEqual(dossier.state, "financial")
        with freeze_time(self.local(2026, 11, 24, 9, 0)):
            dossier.with_user(self.front_desk).action_financial_done()
        self.assertEqual(dossier.state, "in_progress")
        self.assertEqual(dossier.date_due, self.local(2026, 12, 15, 9, 0))
        self.assertEqual(dossier.pause_ids.reason, "financial")

    # ------------------------------------------------------------------ timeliness
    def test_dossier_finished_after_appointment_is_late_and_overdue_before(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier(procedure_id=self.procedure_same_day.id)
        self.assertEqual(dossier.date_due, self.local(2026, 11, 23, 17, 0))
        with freeze_time(self.local(2026, 11, 24, 9, 0)):
            self.env["public_admin.dossier"]._cron_update_overdue()
            self.assertTrue(dossier.is_overdue)
            self._finish_all_steps(dossier)
        self.assertEqual(dossier.timeliness, "late")
        self.assertFalse(dossier.is_overdue)

    def test_dossier_finished_on_appointment_day_is_on_time(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier(procedure_id=self.procedure_same_day.id)
        with freeze_time(self.local(2026, 11, 23, 16, 30)):
            self._finish_all_steps(dossier)
        self.assertEqual(dossier.timeliness, "on_time")

    def test_same_day_procedure_received_after_cutoff_due_next_working_day(self):
        with freeze_time(self.local(2026, 11, 27, 15, 30)):  # Friday after 15:00
            dossier = self.received_dossier(procedure_id=self.procedure_same_day.id)
        self.assertEqual(dossier.date_due, self.local(2026, 11, 30, 17, 0))

    def test_apology_records_new_appointment(self):
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            dossier = self.received_dossier(procedure_id=self.procedure_same_day.id)
        with freeze_time(self.local(2026, 11, 24, 9, 0)):
            with self.assertRaisesRegex(UserError, "must come after"):
                dossier.with_user(self.officer_construction).action_apologize(
                    "Quá tải", self.local(2026, 11, 23, 10, 0)
                )
            wizard = (
                self.env["public_admin.dossier.apology.wizard"]
                .with_user(self.officer_construction)
                .create(
                    {
                        "dossier_id": dossier.id,
                        "agency_id": self.construction.id,
                        "reason": "Cán bộ thẩm định nghỉ ốm",
                        "date_due_new": self.local(2026, 11, 25, 17, 0),
                    }
                )
            )
            wizard.action_confirm()
        self.assertEqual(dossier.date_due_promised, self.local(2026, 11, 25, 17, 0))
        self.assertEqual(dossier.apology_ids.date_due_previous, self.local(2026, 11, 23, 17, 0))
        self.assertEqual(dossier.apology_ids.agency_id, self.construction)
        # The apology does not make a late dossier on time.
        with freeze_time(self.local(2026, 11, 25, 9, 0)):
            self._finish_all_steps(dossier)
        self.assertEqual(dossier.timeliness, "late")

    # ------------------------------------------------------------------ side exits
    def test_refusal_requires_reason_and_closes(self):
        dossier = self.received_dossier()
        with self.assertRaisesRegex(UserError, "reason"):
            dossier.with_user(self.officer_construction).action_refuse("")
        wizard = (
            self.env["public_admin.dossier.reason.wizard"]
            .with_user(self.officer_construction)
            .create(
                {
                    "dossier_id": dossier.id,
                    "action": "refuse",
                    "reason": "Công trình không phù hợp quy hoạch",
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(dossier.state, "refused")
        self.assertEqual(dossier.refusal_reason, "Công trình không phù hợp quy hoạch")
        self.assertTrue(dossier.date_closed)
        self.assertFalse(
            dossier.activity_ids.filtered(lambda a: a.activity_type_id.res_model == "public_admin.dossier")
        )

    def test_refusal_at_reception_needs_no_code(self):
        dossier = self.create_dossier()
        dossier.with_user(self.front_desk).action_refuse("Không thuộc thẩm quyền giải quyết")
        self.assertEqual(dossier.state, "refused")
        self.assertFalse(dossier.name)

    def test_withdraw_and_stop(self):
        dossier = self.received_dossier()
        dossier.with_user(self.front_desk).action_withdraw("Công dân rút hồ sơ")
        self.assertEqual(dossier.state, "withdrawn")
        other = self.received_dossier()
        other.with_user(self.officer_construction).action_request_supplement("Thiếu giấy tờ đất")
        with self.assertRaisesRegex(UserError, "reason"):
            other.with_user(self.head_construction).action_stop(" ")
        other.with_user(self.head_construction).action_stop("Quá hạn bổ sung 30 ngày")
        self.assertEqual(other.state, "stopped")
        self.assertTrue(other.pause_ids.date_end, "stopping closes the clock stop")

    def test_return_by_post_requires_tracking_number(self):
        dossier = self.received_dossier(procedure_id=self.procedure_same_day.id)
        self._finish_all_steps(dossier)
        with self.assertRaisesRegex(UserError, "tracking number"):
            dossier.with_user(self.front_desk).action_return_result(method="post")
        self.assertEqual(dossier.state, "done")
        dossier.with_user(self.front_desk).action_return_result(method="post", tracking_number="EB123456789VN")
        self.assertEqual((dossier.state, dossier.postal_tracking_number), ("returned", "EB123456789VN"))

    def test_transitions_from_wrong_state_refused_and_change_nothing(self):
        draft = self.create_dossier()
        received = self.received_dossier()
        done = self.received_dossier(procedure_id=self.procedure_same_day.id)
        self._finish_all_steps(done)
        refused = self.create_dossier()
        refused.action_refuse("Sai thẩm quyền")
        cases = [
            (draft, lambda d: d.action_start_step()),
            (draft, lambda d: d.action_finish_step()),
            (draft, lambda d: d.action_request_supplement("x")),
            (draft, lambda d: d.action_return_result()),
            (draft, lambda d: d.action_stop("x")),
            (received, lambda d: d.action_receive()),
            (received, lambda d: d.action_resume()),
            (received, lambda d: d.action_financial_done()),
            (received, lambda d: d.action_return_result()),
            (done, lambda d: d.action_receive()),
            (done, lambda d: d.action_withdraw()),
            (done, lambda d: d.action_refuse("x")),
            (done, lambda d: d.action_request_supplement("x")),
            (refused, lambda d: d.action_receive()),
            (refused, lambda d: d.action_withdraw()),
            (refused, lambda d: d.action_apologize("x", self.local(2030, 1, 1, 9, 0))),
        ]
        for dossier, action in cases:
            before = (dossier.state, dossier.name, dossier.date_due)
            with self.subTest(state=dossier.state), self.assertRaisesRegex(UserError, "You cannot"):
                action(dossier.with_user(self.manager))
            self.assertEqual((dossier.state, dossier.name, dossier.date_due), before)

    # ------------------------------------------------------------------ procedure versions
    def test_dossier_keeps_procedure_version_in_force_at_reception(self):
        with freeze_time("2026-11-23 02:00:00"):
            dossier = self.received_dossier()
            action = self.procedure.action_new_version()
        new_version = self.env["public_admin.procedure"].browse(action["res_id"])
        new_version.processing_time_local = 10
        self.assertEqual(dossier.procedure_id, self.procedure)
        self.assertEqual(new_version.version, 2)
        self.assertEqual(str(self.procedure.date_effective_to), "2026-11-24")
        with freeze_time("2026-11-25 02:00:00"):
            self.assertEqual(self.env["public_admin.procedure"]._version_in_force("1.009972"), new_version)
            self.assertFalse(self.procedure.is_current)
            later = self.create_dossier(procedure=new_version)
            later.with_user(self.front_desk).action_receive()
        self.assertEqual(later.date_due, self.local(2026, 12, 9, 9, 0))

    def test_overlapping_versions_refused(self):
        with self.assertRaisesRegex(ValidationError, "overlap"):
            self.procedure.copy({"date_effective_from": "2024-01-01"})

    def test_published_processing_time_read_from_text(self):
        procedure = self.env["public_admin.procedure"].create(
            {
                "code": "1.000100",
                "name": "Thủ tục thử",
                "processing_time_text": "10 ngày làm việc kể từ ngày nhận đủ hồ sơ",
            }
        )
        self.assertEqual((procedure.processing_time_legal, procedure.processing_time_unit), (10.0, "working_day"))

    # ------------------------------------------------------------------ reminders
    def test_reminders_for_holder_due_soon_and_heads_when_overdue(self):
        self.env["ir.config_parameter"].sudo().set_param("public_admin_centre.reminder_hours", 8)
        with freeze_time(self.local(2026, 11, 23, 9, 0)):
            due_soon = self.received_dossier(procedure_id=self.procedure_same_day.id)
            due_soon.with_user(self.officer_construction).action_start_step()
            later = self.received_dossier()  # due in three weeks: no reminder
            overdue = self.received_dossier(procedure_id=self.procedure_same_day.id)
        reminder = self.env.ref("public_admin_centre.mail_activity_type_dossier_reminder")
        with freeze_time(self.local(2026, 11, 23, 10, 0)):
            self.env["public_admin.dossier"]._cron_send_reminders()
        reminders = self.env["mail.activity"].search([("activity_type_id", "=", reminder.id)])
        self.assertEqual(set(reminders.mapped("res_id")), {due_soon.id, overdue.id})
        self.assertNotIn(later.id, reminders.mapped("res_id"))
        self.assertEqual(
            reminders.filtered(lambda a: a.res_id == due_soon.id).user_id,
            self.officer_construction,
            "the holder of a dossier is reminded, not the whole agency",
        )
        with freeze_time(self.local(2026, 11, 24, 9, 0)):
            self.env["public_admin.dossier"]._cron_send_reminders()
            self.env["public_admin.dossier"]._cron_send_reminders()  # runs again: no duplicates
        head_reminders = self.env["mail.activity"].search(
            [("activity_type_id", "=", reminder.id), ("user_id", "=", self.head_construction.id)]
        )
        self.assertEqual(sorted(head_reminders.mapped("res_id")), sorted([due_soon.id, overdue.id]))
        self.assertTrue(overdue.is_overdue)
        # Each reminder reaches its user by email too.
        notifications = self.env["mail.message"].search(
            [
                ("model", "=", "public_admin.dossier"),
                ("res_id", "=", overdue.id),
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", self.head_construction.partner_id.ids),
            ]
        )
        self.assertTrue(notifications)
        self.assertTrue(
            notifications.notification_ids.filtered(lambda n: n.notification_type == "email"),
            "the head is notified by email",
        )

    # ------------------------------------------------------------------ helpers
    def _finish_all_steps(self, dossier):
        while dossier.state in ("received", "in_progress"):
            dossier.with_user(self.manager).action_start_step()
            dossier.with_user(self.manager).action_finish_step()
