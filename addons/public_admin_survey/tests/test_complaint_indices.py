import types
from datetime import datetime

from odoo.tests import TransactionCase, tagged

from .complaint_common import ComplaintCommon


def period(year, month, last_day, agencies):
    """October 2026 (say) as the indicator engine gives it: local dates, UTC bounds half-open."""
    return types.SimpleNamespace(
        date_from=datetime(year, month, 1).date(),
        date_to=datetime(year, month, last_day).date(),
        start_utc=ComplaintCommon.local(year, month, 1),
        end_utc=ComplaintCommon.local(year, month + 1, 1),
        agencies=agencies,
    )


@tagged("post_install", "-at_install")
class TestComplaintIndices(ComplaintCommon, TransactionCase):
    """Indices and indicators 5.2 / 5.3 against figures worked out by hand.

    October 2026 (no holiday), every complaint received at 09:00 local:

    - A 01/10 regulation, Sở Xây dựng, answered 05/10 (due 22/10): on time;
    - B 02/10 conduct, Sở Xây dựng, never answered (due 23/10): overdue on 26/10;
    - C 05/10 other, refused the same day;
    - D 06/10 regulation, Sở Nông nghiệp và Môi trường, answered 07/10, sender not satisfied on
      09/10 10:00: re-opened, repeated, due again 30/10 10:00;
    - E 07/10 other, same sender and subject as A: repeated; Sở Xây dựng, answered 08/10 (due 28/10);
    - F 03/11 regulation: outside the period.

    Indices of October: received 5, answered 2 (A, E), on time 2, overdue 1 (B), refused 1,
    by class regulation 2 / conduct 1 / other 2. Sở Xây dựng alone: received 3 (A, B, E).
    5.2: due in October A, B, D, E (C refused, F due in November) → 2 on time / 4.
    5.3: received and not refused A, B, D, E; B overdue, D not satisfied and repeated, E
    repeated → 1 / 4. Sở Xây dựng: 5.2 → 2 / 3, 5.3 → 1 / 3.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, mail_notrack=True))
        cls.setup_complaint_data()

    def setUp(self):
        super().setUp()
        phone_a = {"sender_phone": "0987 654 321", "subject": "Thái độ tiếp dân"}
        self.a = self.phone_complaint((2026, 10, 1, 9, 0), category="regulation", **phone_a)
        self.b = self.phone_complaint((2026, 10, 2, 9, 0), category="conduct", sender_phone="0905 000 002", subject="B")
        self.c = self.phone_complaint((2026, 10, 5, 9, 0), sender_phone="0905 000 003", subject="C")
        self.d = self.phone_complaint(
            (2026, 10, 6, 9, 0), category="regulation", sender_phone="0905 000 004", subject="D"
        )
        self.e = self.phone_complaint((2026, 10, 7, 9, 0), **phone_a)
        self.f = self.phone_complaint(
            (2026, 11, 3, 9, 0), category="regulation", sender_phone="0905 000 006", subject="F"
        )
        for complaint, agency in (
            (self.a, self.construction),
            (self.b, self.construction),
            (self.e, self.construction),
            (self.d, self.environment),
        ):
            self.act(complaint, self.manager, (2026, 10, 7, 10, 0), "action_assign", agency)
        self.act(self.a, self.officer_construction, (2026, 10, 5, 9, 0), "action_answer", "Trả lời A")
        self.act(self.c, self.front_desk, (2026, 10, 5, 10, 0), "action_refuse", "Không thuộc thẩm quyền")
        self.act(self.d, self.officer_environment, (2026, 10, 7, 11, 0), "action_answer", "Trả lời D")
        self.act(self.d, self.manager, (2026, 10, 8, 9, 0), "action_publish")
        self.act(
            self.d,
            self.front_desk,
            (2026, 10, 9, 10, 0),
            "action_record_satisfaction",
            complaint_satisfaction="not_satisfied",
        )
        self.act(self.e, self.officer_construction, (2026, 10, 8, 9, 0), "action_answer", "Trả lời E")
        self.act(
            self.e,
            self.front_desk,
            (2026, 10, 8, 10, 0),
            "action_record_satisfaction",
            complaint_satisfaction="satisfied",
        )
        self.as_user(self.env.user, (2026, 10, 26, 10, 0))._cron_update_overdue()

    def test_the_hand_worked_figures_hold_record_by_record(self):
        self.assertEqual(self.a.date_due_answer, self.local(2026, 10, 22, 9, 0))
        self.assertEqual(self.b.date_due_answer, self.local(2026, 10, 23, 9, 0))
        self.assertEqual(self.d.date_due_answer, self.local(2026, 10, 30, 10, 0))
        self.assertEqual(self.e.date_due_answer, self.local(2026, 10, 28, 9, 0))
        self.assertEqual((self.b | self.d).mapped("is_overdue"), [True, False])
        self.assertEqual((self.a | self.b | self.d | self.e).mapped("is_repeated"), [False, False, True, True])

    def test_indices_of_the_month(self):
        Complaint = self.env["public_admin.complaint"].with_user(self.manager)
        indices = Complaint._complaint_indices(self.local(2026, 10, 1), self.local(2026, 11, 1))
        self.assertEqual(
            indices,
            {
                "received": 5,
                "answered": 2,
                "answered_on_time": 2,
                "overdue": 1,
                "refused": 1,
                "by_class": {"regulation": 2, "conduct": 1, "other": 2},
            },
        )
        construction = Complaint._complaint_indices(self.local(2026, 10, 1), self.local(2026, 11, 1), self.construction)
        self.assertEqual(construction["received"], 3)
        self.assertEqual(construction["by_class"], {"regulation": 1, "conduct": 1, "other": 1})

    def test_indicator_5_2_answered_on_time_among_due(self):
        Complaint = self.env["public_admin.complaint"]
        result = Complaint._indicator_5_2(period(2026, 10, 31, self.env["public_admin.agency"]))
        self.assertEqual((result["numerator"], result["denominator"]), (2, 4))
        model, domain = result["numerator_action"]
        self.assertEqual(model, "public_admin.complaint")
        self.assertEqual(Complaint.search(domain), self.a | self.e)
        self.assertEqual(Complaint.search(result["lost_action"][1]), self.b | self.d)
        result = Complaint._indicator_5_2(period(2026, 10, 31, self.construction))
        self.assertEqual((result["numerator"], result["denominator"]), (2, 3))

    def test_indicator_5_3_without_not_satisfied_repeated_or_overdue(self):
        Complaint = self.env["public_admin.complaint"]
        result = Complaint._indicator_5_3(period(2026, 10, 31, self.env["public_admin.agency"]))
        self.assertEqual((result["numerator"], result["denominator"]), (1, 4))
        self.assertEqual(Complaint.search(result["numerator_action"][1]), self.a)
        self.assertEqual(Complaint.search(result["lost_action"][1]), self.b | self.d | self.e)
        result = Complaint._indicator_5_3(period(2026, 10, 31, self.construction))
        self.assertEqual((result["numerator"], result["denominator"]), (1, 3))

    def test_indicators_are_empty_without_complaints(self):
        Complaint = self.env["public_admin.complaint"]
        empty = period(2025, 3, 31, self.env["public_admin.agency"])
        for method in (Complaint._indicator_5_2, Complaint._indicator_5_3):
            result = method(empty)
            self.assertEqual((result["numerator"], result["denominator"]), (0, 0))

    def test_excel_export_of_the_complaints(self):
        report = self.env.ref("public_admin_survey.public_admin_complaint_report_xlsx")
        content, report_type = (
            self.env["ir.actions.report"].with_user(self.manager)._render(report.report_name, (self.a | self.b).ids)
        )
        self.assertEqual(report_type, "xlsx")
        self.assertTrue(content.startswith(b"PK"))
