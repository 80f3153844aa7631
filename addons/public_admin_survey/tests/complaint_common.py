from datetime import date, timedelta

from odoo import Command

from odoo.addons.public_admin_centre.tests.common import PublicAdminCommon


def local_day_off(name, first_day, last_day=None):
    """A global time off covering whole local days (Asia/Ho_Chi_Minh is UTC+7)."""
    last_day = last_day or first_day
    return {
        "name": name,
        "resource_id": False,
        "date_from": PublicAdminCommon.local(first_day.year, first_day.month, first_day.day),
        "date_to": PublicAdminCommon.local(last_day.year, last_day.month, last_day.day)
        + timedelta(hours=23, minutes=59),
    }


class ComplaintCommon(PublicAdminCommon):
    """The suite's agencies and users, on a calendar built here: Monday-Friday 07:00-11:30 and
    13:30-17:00, with the National Day break of 2026 (31/08 swapped, 01/09 and 02/09 off)."""

    @classmethod
    def setup_complaint_data(cls):
        cls.setup_public_admin_data()
        periods = [
            ("Morning", 7.0, 11.5, "morning"),
            ("Lunch", 11.5, 13.5, "lunch"),
            ("Afternoon", 13.5, 17.0, "afternoon"),
        ]
        cls.complaint_calendar = cls.env["resource.calendar"].create(
            {
                "name": "Office hours (complaint tests)",
                "tz": "Asia/Ho_Chi_Minh",
                "attendance_ids": [Command.clear()]
                + [
                    Command.create(
                        {"name": name, "dayofweek": day, "hour_from": start, "hour_to": end, "day_period": period}
                    )
                    for day in "01234"
                    for name, start, end, period in periods
                ],
                "global_leave_ids": [
                    Command.clear(),
                    Command.create(local_day_off("Quốc khánh 2026", date(2026, 8, 31), date(2026, 9, 2))),
                ],
            }
        )
        (cls.centre | cls.construction | cls.environment | cls.health).calendar_id = cls.complaint_calendar
        cls.Complaint = cls.env["public_admin.complaint"]

    def as_user(self, user, when=None):
        """The complaint model as ``user``, at local time ``when`` (a tuple) if given."""
        context = {"public_admin_no_notify": False}
        if when:
            moment = self.local(*when)
            context["public_admin_clock"] = lambda: moment
        return self.env(user=user, context=dict(self.env.context, **context))["public_admin.complaint"]

    def phone_complaint(self, when=(2026, 8, 28, 9, 0), **vals):
        """A complaint the front desk enters from a phone call."""
        return self.as_user(self.front_desk, when).create(
            {
                "sender_name": "Trần Thị Bình",
                "sender_phone": "0987 654 321",
                "subject": "Chậm trả kết quả",
                "content": "Hồ sơ của tôi đã quá hẹn mà chưa có kết quả.",
                **vals,
            }
        )

    def act(self, complaint, user, when, method, *args, **context):
        env = self.as_user(user, when).with_context(**context).env
        return getattr(complaint.with_env(env), method)(*args)
