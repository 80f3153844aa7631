from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, tagged

from .complaint_common import ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintWorkflow(ComplaintCommon, TransactionCase):
    """Transitions by the role that takes them, refused cases, and every deadline worked out by
    hand on a calendar with the 2026 National Day break (Mon 31/08 to Wed 02/09 off)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.setup_complaint_data()

    def test_phone_complaint_gets_a_reference_and_its_deadlines_across_the_holiday(self):
        complaint = self.phone_complaint()  # Friday 28/08/2026 09:00
        self.assertRegex(complaint.name, r"^PAKN-260828-\d{4}$")
        self.assertEqual(complaint.state, "received")
        self.assertEqual(complaint.channel, "staff")
        self.assertEqual(complaint.receiving_agency_id, self.centre)
        # Friday 09:00-17:00 gives 6 working hours; 31/08-02/09 off; Thursday 03/09 is working
        # day 1 and Friday 04/09 09:00 ends day 2.
        self.assertEqual(complaint.date_due_refusal, self.local(2026, 9, 4, 9, 0))
        # 03, 04, 07, 08, 09/09: the fifth working day ends Wednesday 09/09 09:00.
        self.assertEqual(complaint.date_due_supplement, self.local(2026, 9, 9, 9, 0))
        # Fifteen working days: 03, 04, 07-11, 14-18, 21, 22, 23/09.
        self.assertEqual(complaint.date_due_answer, self.local(2026, 9, 23, 9, 0))
        second = self.phone_complaint(sender_phone="0905 000 111", subject="Khác")
        self.assertEqual(int(second.name[-4:]), int(complaint.name[-4:]) + 1)

    def test_front_desk_enters_a_phone_complaint_and_assigns_it_through_the_forms(self):
        Complaint = self.as_user(self.front_desk, (2026, 8, 28, 9, 0))
        with Form(Complaint) as form:
            form.sender_name = "Trần Thị Bình"
            form.sender_phone = "0987 654 321"
            form.subject = "Chậm trả kết quả"
            form.content = "Hồ sơ của tôi đã quá hẹn mà chưa có kết quả."
        complaint = form.record
        self.assertEqual(
            (complaint.state, complaint.channel, complaint.create_uid), ("received", "staff", self.front_desk)
        )
        self.assertTrue(complaint.can_assign)
        self.assertFalse(complaint.can_answer)
        action = complaint.with_context(complaint_action="assign").action_open_wizard()
        with Form(self.env[action["res_model"]].with_user(self.front_desk).with_context(**action["context"])) as wizard:
            wizard.category = "conduct"
            wizard.agency_id = self.construction
        wizard.record.with_context(public_admin_clock=lambda: self.local(2026, 8, 28, 10, 0)).action_confirm()
        self.assertEqual(
            (complaint.state, complaint.category, complaint.agency_id), ("in_progress", "conduct", self.construction)
        )
        complaint.invalidate_recordset()
        officer_view = complaint.with_user(self.officer_construction)
        self.assertTrue(officer_view.can_answer)
        self.assertFalse(officer_view.can_publish)

    def test_deadlines_follow_the_configured_working_days(self):
        self.env["ir.config_parameter"].set_param("public_admin_survey.complaint_days_answer", 10)
        complaint = self.phone_complaint()
        # Ten working days from Friday 28/08 09:00: 03, 04, 07-11, 14, 15, 16/09.
        self.assertEqual(complaint.date_due_answer, self.local(2026, 9, 16, 9, 0))

    def test_full_journey_assign_answer_publish(self):
        complaint = self.phone_complaint(category="other")
        self.act(complaint, self.manager, (2026, 8, 28, 10, 0), "action_assign", self.construction, "conduct")
        self.assertEqual(
            (complaint.state, complaint.category, complaint.agency_id), ("in_progress", "conduct", self.construction)
        )
        with self.assertRaises(UserError):  # the answer is needed
            self.act(complaint, self.officer_construction, (2026, 9, 21, 14, 0), "action_answer", " ")
        self.act(
            complaint, self.officer_construction, (2026, 9, 21, 14, 0), "action_answer", "Đã đôn đốc Sở trả kết quả."
        )
        self.assertEqual(complaint.state, "answered")
        self.assertTrue(complaint.is_answered_on_time)
        # Publication: two working days after Monday 21/09 14:00.
        self.assertEqual(complaint.date_due_publication, self.local(2026, 9, 23, 14, 0))
        with self.assertRaises(AccessError):
            self.act(complaint, self.officer_construction, (2026, 9, 22, 9, 0), "action_publish")
        self.act(complaint, self.manager, (2026, 9, 22, 9, 0), "action_publish")
        self.assertEqual(complaint.state, "published")
        with self.assertRaises(UserError):  # published once
            self.act(complaint, self.manager, (2026, 9, 22, 9, 0), "action_publish")

    def test_front_desk_assigns_but_cannot_answer_and_other_agency_cannot_touch(self):
        complaint = self.phone_complaint()
        with self.assertRaises(AccessError):
            self.act(complaint, self.officer_construction, (2026, 8, 28, 10, 0), "action_assign", self.construction)
        self.act(complaint, self.front_desk, (2026, 8, 28, 10, 0), "action_assign", self.construction)
        with self.assertRaises(AccessError):
            self.act(complaint, self.front_desk, (2026, 8, 28, 11, 0), "action_answer", "Trả lời")
        with self.assertRaises(AccessError):
            self.act(complaint, self.officer_health, (2026, 8, 28, 11, 0), "action_answer", "Trả lời")
        with self.assertRaises(UserError):  # already assigned: transfer it instead
            self.act(complaint, self.manager, (2026, 8, 28, 11, 0), "action_assign", self.health)

    def test_transfer_restarts_the_answer_clock(self):
        complaint = self.phone_complaint()
        self.act(complaint, self.manager, (2026, 8, 28, 10, 0), "action_assign", self.construction)
        with self.assertRaises(UserError):  # a reason is needed
            self.act(
                complaint, self.officer_construction, (2026, 9, 10, 10, 0), "action_transfer", self.environment, ""
            )
        with self.assertRaises(AccessError):
            self.act(complaint, self.officer_environment, (2026, 9, 10, 10, 0), "action_transfer", self.health, "Sai")
        self.act(
            complaint,
            self.officer_construction,
            (2026, 9, 10, 10, 0),
            "action_transfer",
            self.environment,
            "Thuộc lĩnh vực môi trường",
        )
        self.assertEqual(complaint.agency_id, self.environment)
        self.assertEqual(complaint.agency_ids, self.construction | self.environment)
        self.assertEqual(complaint.date_clock_start, self.local(2026, 9, 10, 10, 0))
        # Fifteen working days from Thursday 10/09 10:00: 11, 14-18, 21-25, 28, 29, 30/09, 01/10.
        self.assertEqual(complaint.date_due_answer, self.local(2026, 10, 1, 10, 0))
        # The first agency reads it still, but can no longer act on it.
        self.assertTrue(complaint.with_user(self.officer_construction).read(["name"]))
        with self.assertRaises(AccessError):
            self.act(complaint, self.officer_construction, (2026, 9, 11, 10, 0), "action_answer", "Trả lời")

    def test_supplement_stops_the_answer_clock_and_only_within_five_days(self):
        complaint = self.phone_complaint()
        self.act(complaint, self.manager, (2026, 8, 28, 10, 0), "action_assign", self.construction)
        self.act(
            complaint, self.officer_construction, (2026, 9, 3, 10, 0), "action_request_supplement", "Cho biết mã hồ sơ"
        )
        self.assertEqual(complaint.state, "supplement")
        with self.assertRaises(UserError):
            self.act(complaint, self.officer_construction, (2026, 9, 3, 11, 0), "action_answer", "Trả lời")
        # The sender replies on Friday 04/09 10:00: 8 working hours waited (Thu 10:00-17:00 = 5h,
        # Fri 07:00-10:00 = 3h): the answer moves from Wed 23/09 09:00 to Thu 24/09 09:00.
        self.act(complaint, self.front_desk, (2026, 9, 4, 10, 0), "action_resume", "Mã hồ sơ 000.00.12.H56-260801-0001")
        self.assertEqual(complaint.state, "in_progress")
        self.assertEqual(complaint.date_due_answer, self.local(2026, 9, 24, 9, 0))
        # Past Wednesday 09/09 09:00 no supplement can be asked any more.
        with self.assertRaises(UserError):
            self.act(complaint, self.officer_construction, (2026, 9, 9, 10, 0), "action_request_supplement", "Thêm nữa")

    def test_refusal_only_within_two_working_days(self):
        late = self.phone_complaint()
        with self.assertRaises(UserError):  # Friday 04/09 09:00 has passed
            self.act(late, self.manager, (2026, 9, 4, 10, 0), "action_refuse", "Không thuộc thẩm quyền")
        complaint = self.phone_complaint(sender_phone="0905 000 111", subject="Khác")
        with self.assertRaises(UserError):  # a reason is needed
            self.act(complaint, self.front_desk, (2026, 9, 3, 10, 0), "action_refuse", "")
        with self.assertRaises(AccessError):
            self.act(
                complaint, self.officer_construction, (2026, 9, 3, 10, 0), "action_refuse", "Không thuộc thẩm quyền"
            )
        self.act(complaint, self.front_desk, (2026, 9, 3, 10, 0), "action_refuse", "Không thuộc thẩm quyền")
        self.assertEqual((complaint.state, complaint.refusal_reason), ("refused", "Không thuộc thẩm quyền"))
        with self.assertRaises(UserError):
            self.act(complaint, self.manager, (2026, 9, 3, 11, 0), "action_assign", self.construction)

    def test_not_satisfied_reopens_and_counts_as_repeated(self):
        complaint = self.phone_complaint()
        self.act(complaint, self.manager, (2026, 8, 28, 10, 0), "action_assign", self.construction)
        with self.assertRaises(UserError):  # not answered yet
            self.act(
                complaint,
                self.front_desk,
                (2026, 9, 3, 9, 0),
                "action_record_satisfaction",
                complaint_satisfaction="satisfied",
            )
        self.act(complaint, self.officer_construction, (2026, 9, 3, 9, 0), "action_answer", "Đã xử lý")
        with self.assertRaises(AccessError):
            self.act(
                complaint,
                self.officer_construction,
                (2026, 9, 3, 10, 0),
                "action_record_satisfaction",
                complaint_satisfaction="satisfied",
            )
        self.act(
            complaint,
            self.front_desk,
            (2026, 9, 4, 9, 0),
            "action_record_satisfaction",
            complaint_satisfaction="not_satisfied",
        )
        self.assertEqual(complaint.state, "in_progress")
        self.assertEqual(
            (complaint.satisfaction, complaint.reopen_count, complaint.is_repeated), ("not_satisfied", 1, True)
        )
        self.assertFalse(complaint.date_answered)
        # Fifteen working days again from Friday 04/09 09:00: 07-11, 14-18, 21-25/09.
        self.assertEqual(complaint.date_due_answer, self.local(2026, 9, 25, 9, 0))

    def test_same_sender_about_the_same_dossier_again_is_repeated(self):
        dossier = self.received_dossier()
        first = self.phone_complaint(dossier_id=dossier.id)
        again = self.phone_complaint(when=(2026, 9, 10, 9, 0), dossier_id=dossier.id, subject="Lần hai")
        other = self.phone_complaint(when=(2026, 9, 10, 9, 0), sender_phone="0905 000 111")
        self.assertFalse(first.is_repeated)
        self.assertTrue(again.is_repeated)
        self.assertFalse(other.is_repeated)
        self.assertEqual(dossier.complaint_count, 2)
        self.assertEqual(dossier.complaint_ids, first | again)

    def test_publication_refuses_personal_data(self):
        complaint = self.phone_complaint(
            sender_email="binh.tran@example.vn",
            content=(
                "Tôi là Trần Thị Bình, SĐT 0987 654 321, email binh.tran@example.vn, CCCD 056090001234: hồ sơ bị chậm."
            ),
        )
        self.act(complaint, self.manager, (2026, 8, 28, 10, 0), "action_assign", self.construction)
        self.act(
            complaint,
            self.officer_construction,
            (2026, 9, 3, 9, 0),
            "action_answer",
            "Chị Trần Thị Bình sẽ nhận kết quả ngày 10/9.",
        )
        for secret in ("Trần Thị Bình", "0987", "binh.tran", "056090001234"):
            self.assertNotIn(secret, complaint.public_question)
            self.assertNotIn(secret, complaint.public_answer)
        self.assertIn("hồ sơ bị chậm", complaint.public_question)
        complaint.with_user(self.manager).public_answer = "Liên hệ 0987 654 321 để nhận kết quả."
        with self.assertRaises(UserError):
            self.act(complaint, self.manager, (2026, 9, 3, 10, 0), "action_publish")
        complaint.with_user(self.manager).public_answer = "Kết quả được trả ngày 10/9."
        self.act(complaint, self.manager, (2026, 9, 3, 10, 0), "action_publish")
        self.assertEqual(complaint.state, "published")

    def test_workflow_fields_change_through_the_actions_only(self):
        complaint = self.phone_complaint()
        for vals in ({"state": "published"}, {"date_due_answer": "2027-01-01 00:00:00"}, {"answer": "Tự ghi"}):
            with self.assertRaises(UserError):
                complaint.with_user(self.manager).write(vals)
        with self.assertRaises(UserError):
            self.as_user(self.front_desk).create(
                {"sender_name": "A", "sender_phone": "0987654321", "content": "x", "state": "answered"}
            )
        complaint.with_user(self.front_desk).write({"category": "regulation", "subject": "Chậm trả kết quả hồ sơ"})
        self.assertEqual(complaint.category, "regulation")

    def test_bad_input_stores_nothing(self):
        Complaint = self.as_user(self.front_desk, (2026, 8, 28, 9, 0))
        before = self.Complaint.search_count([])
        for values in (
            {"sender_name": "Bình", "sender_phone": "0987654321", "content": "  "},
            {"sender_name": "Bình", "content": "Chậm trả kết quả"},
            {"sender_name": "Bình", "sender_phone": "12", "content": "Chậm trả kết quả"},
        ):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                Complaint.create(values)
        with self.assertRaises(ValidationError):
            Complaint._public_submit(
                {"sender_name": "Bình", "sender_phone": "0987654321", "content": "Chậm", "dossier_code": "KHONG-CO"}
            )
        self.assertEqual(self.Complaint.search_count([]), before)

    def test_reminders_before_each_deadline_and_overdue_flag(self):
        complaint = self.phone_complaint()
        self.act(complaint, self.manager, (2026, 8, 28, 10, 0), "action_assign", self.construction)
        reminder = self.env.ref("public_admin_survey.mail_activity_type_complaint_reminder")
        # Thursday 03/09 10:00: refusal due Fri 04/09 09:00 (state in progress: not reminded),
        # supplement due Wed 09/09: not within a working day.
        self.as_user(self.env.user, (2026, 9, 3, 10, 0))._cron_send_reminders()
        self.assertFalse(complaint.activity_ids.filtered(lambda a: a.activity_type_id == reminder))
        # Tuesday 08/09 10:00: the supplement deadline (Wed 09/09 09:00) comes within a working day.
        self.as_user(self.env.user, (2026, 9, 8, 10, 0))._cron_send_reminders()
        activities = complaint.activity_ids.filtered(lambda a: a.activity_type_id == reminder)
        self.assertEqual(activities.user_id, self.construction.user_ids)
        self.assertTrue(all("09/09/2026" in a.summary for a in activities))
        # Tuesday 22/09 10:00: the answer (Wed 23/09 09:00) is due within a working day.
        self.as_user(self.env.user, (2026, 9, 22, 10, 0))._cron_send_reminders()
        activities = complaint.activity_ids.filtered(
            lambda a: a.activity_type_id == reminder and "23/09/2026" in a.summary
        )
        self.assertEqual(activities.user_id, self.construction.user_ids)
        self.as_user(self.env.user, (2026, 9, 22, 11, 0))._cron_send_reminders()  # no duplicate
        self.assertEqual(
            len(
                complaint.activity_ids.filtered(lambda a: a.activity_type_id == reminder and "23/09/2026" in a.summary)
            ),
            len(self.construction.user_ids),
        )
        self.assertFalse(complaint.is_overdue)
        self.as_user(self.env.user, (2026, 9, 23, 10, 0))._cron_update_overdue()
        self.assertTrue(complaint.is_overdue)
        # Answered late: not on time, no longer flagged as waiting.
        self.act(complaint, self.officer_construction, (2026, 9, 24, 9, 0), "action_answer", "Trả lời muộn")
        self.assertFalse(complaint.is_answered_on_time)
        # The publication reminder goes to the managers.
        self.as_user(self.env.user, (2026, 9, 25, 9, 0))._cron_send_reminders()
        self.assertIn(self.manager, complaint.activity_ids.filtered(lambda a: a.activity_type_id == reminder).user_id)

    def test_acknowledgement_by_email_and_sms_with_the_reference(self):
        complaint = self.as_user(self.front_desk, (2026, 8, 28, 9, 0))._public_submit(
            {
                "sender_name": "Trần Thị Bình",
                "sender_phone": "0987 654 321",
                "sender_email": "binh@example.vn",
                "content": "Chậm",
            }
        )
        mail = self.env["mail.mail"].search([("email_to", "=", "binh@example.vn")])
        self.assertEqual(len(mail), 1)
        self.assertIn(complaint.name, mail.subject)
        sms = self.env["sms.sms"].search([("number", "=", "0987 654 321")])
        self.assertTrue(sms)
        self.assertIn(complaint.name, sms[0].body)

    def test_complaint_from_a_not_satisfied_rating(self):
        dossier = self.received_dossier()
        survey = self.env["survey.survey"].create(
            {
                "title": "Đánh giá",
                "question_and_page_ids": [
                    (0, 0, {"title": "Góp ý", "question_type": "text_box"}),
                ],
            }
        )
        user_input = survey._create_answer(partner=self.applicant)
        user_input._save_lines(survey.question_ids, "Cán bộ hướng dẫn không rõ ràng")
        user_input.public_admin_dossier_id = dossier
        complaint = self.Complaint.with_context(
            public_admin_clock=lambda: self.local(2026, 8, 28, 9, 0)
        )._create_from_rating(user_input)
        self.assertEqual((complaint.channel, complaint.category, complaint.state), ("rating", "other", "received"))
        self.assertIn("Cán bộ hướng dẫn không rõ ràng", complaint.content)
        self.assertEqual(complaint.partner_id, self.applicant)
        self.assertEqual(complaint.sender_phone, dossier.applicant_phone, "the phone declared on the dossier")
