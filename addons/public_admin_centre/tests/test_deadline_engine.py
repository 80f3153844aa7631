from datetime import date, datetime, timedelta
from unittest.mock import patch

import pytz
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

# Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving since 1975): the
# expected values below are written in local time and shifted by hand.
UTC_OFFSET = timedelta(hours=7)


def local(value):
    """Naive UTC datetime of a local 'YYYY-MM-DD HH:MM' in Ho Chi Minh City."""
    return datetime.strptime(value, "%Y-%m-%d %H:%M") - UTC_OFFSET


def local_day_off(name, first_day, last_day=None):
    """Values of a global time off covering whole local days."""
    last_day = last_day or first_day
    return {
        "name": name,
        "resource_id": False,
        "date_from": local(f"{first_day} 00:00"),
        "date_to": local(f"{last_day} 00:00") + timedelta(hours=23, minutes=59, seconds=59),
    }


def office_hours(with_lunch=True):
    """Monday-Friday 07:00-11:30 and 13:30-17:00 (lunch rows as Odoo 18 makes them)."""
    periods = [("Morning", 7.0, 11.5, "morning"), ("Afternoon", 13.5, 17.0, "afternoon")]
    if with_lunch:
        periods.append(("Lunch", 11.5, 13.5, "lunch"))
    return [Command.clear()] + [
        Command.create(
            {
                "name": name,
                "dayofweek": weekday,
                "hour_from": hour_from,
                "hour_to": hour_to,
                "day_period": day_period,
            }
        )
        for weekday in "01234"
        for name, hour_from, hour_to, day_period in periods
    ]


@tagged("post_install", "-at_install")
class TestDeadlineEngine(TransactionCase):
    """The calendar is built here, with the real 2026 decisions typed in by
    hand, so that the expected appointments only depend on this file."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.engine = cls.env["public_admin.deadline"]
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Office hours (test)",
                "tz": "Asia/Ho_Chi_Minh",
                "attendance_ids": office_hours(),
                "global_leave_ids": [Command.clear()]
                + [
                    Command.create(vals)
                    for vals in (
                        local_day_off("Tết Dương lịch 2026", "2026-01-01"),
                        local_day_off("Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)", "2026-01-02"),
                        # entered as one block, weekends included, as offices do
                        local_day_off("Tết Nguyên đán Bính Ngọ", "2026-02-14", "2026-02-22"),
                        local_day_off("Nghỉ bù Giỗ Tổ Hùng Vương", "2026-04-27"),
                        local_day_off("30/4 và 1/5", "2026-04-30", "2026-05-01"),
                        local_day_off("Tết Dương lịch 2027", "2027-01-01"),
                    )
                ],
                "makeup_day_ids": [
                    Command.create({"date": date(2026, 1, 10), "name": "Làm bù cho ngày 02/01/2026"}),
                ],
            }
        )

    def appointment(self, received, amount, unit, **kwargs):
        return self.engine.compute_appointment(self.calendar, local(received), amount, unit, **kwargs)

    def assertAppointment(self, received, amount, unit, expected, **kwargs):
        """Received and expected given in local time."""
        self.assertEqual(self.appointment(received, amount, unit, **kwargs), local(expected))

    def add_hours(self, start, hours, pauses=()):
        return self.engine.add_working_hours(self.calendar, local(start), hours, pauses=pauses)

    def pauses(self, *pairs):
        return [(local(start), local(end) if end else None) for start, end in pairs]

    # ------------------------------------------------------------------
    # Working hours and days
    # ------------------------------------------------------------------

    def test_calendar_counts_eight_hours_per_day(self):
        self.assertEqual(self.calendar.hours_per_day, 8.0)

    def test_hours_within_a_morning_end_the_same_morning(self):
        self.assertEqual(self.add_hours("2026-03-02 08:00", 2), local("2026-03-02 10:00"))

    def test_lunch_break_is_skipped(self):
        # Monday 10:30: one hour until 11:30, the second one after 13:30
        self.assertEqual(self.add_hours("2026-03-02 10:30", 2), local("2026-03-02 14:30"))

    def test_many_amounts_in_one_walk_are_the_moments_of_each_amount(self):
        """The steps' deadlines at reception: one walk gives what each amount alone gives."""
        hours = [0, 2, 8, 3.5, 80, 10, 8]
        pauses = self.pauses(("2026-03-09 08:00", "2026-03-10 15:00"))
        for start in ("2026-03-02 10:30", "2026-03-06 16:00", "2026-03-07 09:00", "2026-03-03 17:00"):
            for stops in ((), pauses):
                expected = [self.add_hours(start, amount, pauses=stops) for amount in hours]
                many = self.engine.add_working_hours_many(self.calendar, local(start), hours, pauses=stops)
                self.assertEqual(many, expected, f"from {start}, pauses {stops}")
        self.assertEqual(self.engine.add_working_hours_many(self.calendar, local("2026-03-02 10:30"), []), [])

    def test_weekend_is_skipped(self):
        # Friday 16:00: one hour on Friday, one on Monday from 07:00
        self.assertEqual(self.add_hours("2026-03-06 16:00", 2), local("2026-03-09 08:00"))

    def test_three_working_days_from_monday_morning_end_thursday_same_time(self):
        self.assertAppointment("2026-03-02 09:00", 3, "working_day", "2026-03-05 09:00")

    def test_a_full_day_from_opening_ends_at_closing_not_next_morning(self):
        self.assertAppointment("2026-03-02 07:00", 1, "working_day", "2026-03-02 17:00")

    def test_working_hours_unit(self):
        # Wednesday 15:00 + 12 hours: 2 on Wednesday, 8 on Thursday, 2 on Friday
        self.assertAppointment("2026-03-04 15:00", 12, "working_hour", "2026-03-06 09:00")

    def test_received_after_end_of_day_counts_from_next_working_morning(self):
        self.assertAppointment("2026-03-03 17:30", 1, "working_day", "2026-03-04 17:00")
        self.assertAppointment("2026-03-03 21:00", 2, "working_hour", "2026-03-04 09:00")

    def test_received_during_lunch_counts_from_the_afternoon(self):
        self.assertAppointment("2026-03-02 12:00", 1, "working_hour", "2026-03-02 14:30")

    def test_received_on_sunday_counts_from_monday_morning(self):
        # Sunday: Monday 07:00 + 16 hours = Tuesday 17:00
        self.assertAppointment("2026-03-08 10:00", 2, "working_day", "2026-03-10 17:00")

    # ------------------------------------------------------------------
    # Public holidays and make-up days
    # ------------------------------------------------------------------

    def test_tet_2026_break_is_skipped(self):
        # Friday 13/02 09:00: 6 hours that Friday, Tết from 14/02 to 22/02,
        # then 8 on Monday 23/02 and 2 on Tuesday 24/02
        self.assertAppointment("2026-02-13 09:00", 2, "working_day", "2026-02-24 09:00")

    def test_reunification_and_labour_days_are_skipped(self):
        # Wednesday 29/04 14:00: 3 hours, Thursday 30/04 and Friday 01/05 off,
        # Monday 04/05: 4.5 in the morning, 0.5 after 13:30
        self.assertAppointment("2026-04-29 14:00", 1, "working_day", "2026-05-04 14:00")

    def test_compensatory_day_off_is_skipped(self):
        # Friday 24/04 16:00: 1 hour, Monday 27/04 off (Hùng Kings on a Sunday)
        self.assertAppointment("2026-04-24 16:00", 3, "working_hour", "2026-04-28 09:00")

    def test_new_year_holiday_and_swapped_day_off_are_skipped(self):
        # Wednesday 31/12/2025 09:00: 01/01 holiday, 02/01 swapped day off,
        # weekend; day 1 ends Monday 05/01 09:00, day 2 Tuesday 06/01 09:00
        self.assertAppointment("2025-12-31 09:00", 2, "working_day", "2026-01-06 09:00")

    def test_makeup_saturday_is_counted_as_a_working_day(self):
        # Friday 09/01 09:00: 6 hours, then Saturday 10/01 (make-up) from 07:00
        self.assertAppointment("2026-01-09 09:00", 1, "working_day", "2026-01-10 09:00")

    def test_makeup_day_is_worked_even_inside_a_time_off_block(self):
        # a break typed as one block over the weekend must not swallow the
        # declared make-up Saturday
        self.env["resource.calendar.leaves"].create(
            dict(
                local_day_off("Weekend block", "2026-01-10", "2026-01-11"),
                calendar_id=self.calendar.id,
            )
        )
        self.assertAppointment("2026-01-09 09:00", 1, "working_day", "2026-01-10 09:00")

    def test_ordinary_saturday_is_not_worked(self):
        self.assertAppointment("2026-01-16 09:00", 1, "working_day", "2026-01-19 09:00")

    def test_makeup_saturday_has_monday_hours_and_lunch_break(self):
        self.assertEqual(self.add_hours("2026-01-10 10:30", 2), local("2026-01-10 14:30"))
        self.assertEqual(self.add_hours("2026-01-10 16:00", 2), local("2026-01-12 08:00"))

    def test_year_boundary_skips_new_year_2027(self):
        # Wednesday 30/12/2026 09:00 + 5 days: Thursday 31/12 is day 1,
        # Friday 01/01/2027 is a holiday, Monday 04/01 to Thursday 07/01
        # are days 2 to 5
        self.assertAppointment("2026-12-30 09:00", 5, "working_day", "2027-01-07 09:00")

    def test_thirty_working_days_across_the_april_may_holidays(self):
        # From Monday 06/04: 15 working days until Wednesday 29/04 (27/04
        # off), 30/04 and 01/05 off, day 30 is Thursday 21/05
        self.assertAppointment("2026-04-06 09:00", 30, "working_day", "2026-05-21 09:00")

    def test_long_deadline_is_computed_in_one_window(self):
        Deadline = self.env.registry["public_admin.deadline"]
        original = Deadline._work_intervals
        windows = []

        def counting_work_intervals(model, calendar, start, stop, pauses=None):
            windows.append((start, stop))
            return original(model, calendar, start, stop, pauses)

        with patch.object(Deadline, "_work_intervals", counting_work_intervals):
            self.appointment("2026-04-06 09:00", 30, "working_day")
        self.assertEqual(len(windows), 1, "30 working days must not be computed day by day")

    def test_long_closure_widens_the_search_window(self):
        self.env["resource.calendar.leaves"].create(
            dict(
                local_day_off("Closed for renovation", "2026-06-01", "2026-07-31"),
                calendar_id=self.calendar.id,
            )
        )
        # Friday 29/05 16:00: 1 hour, then nothing before Monday 03/08
        self.assertAppointment("2026-05-29 16:00", 2, "working_hour", "2026-08-03 08:00")

    # ------------------------------------------------------------------
    # Same-day procedures
    # ------------------------------------------------------------------

    def test_same_day_received_before_cutoff_is_due_at_end_of_that_day(self):
        self.assertAppointment("2026-03-03 10:00", 0, "same_day", "2026-03-03 17:00")
        self.assertAppointment("2026-03-03 14:59", 0, "same_day", "2026-03-03 17:00")

    def test_same_day_received_after_cutoff_is_due_end_of_next_working_day(self):
        self.assertAppointment("2026-03-03 15:00", 0, "same_day", "2026-03-04 17:00")
        self.assertAppointment("2026-03-03 15:30", 0, "same_day", "2026-03-04 17:00")

    def test_same_day_received_friday_after_cutoff_is_due_monday(self):
        self.assertAppointment("2026-03-06 15:30", 0, "same_day", "2026-03-09 17:00")

    def test_same_day_received_on_sunday_is_due_end_of_monday(self):
        self.assertAppointment("2026-03-08 09:00", 0, "same_day", "2026-03-09 17:00")

    def test_same_day_received_before_opening_is_due_that_day(self):
        self.assertAppointment("2026-03-03 06:30", 0, "same_day", "2026-03-03 17:00")

    def test_same_day_received_before_tet_after_cutoff_is_due_after_tet(self):
        self.assertAppointment("2026-02-13 15:30", 0, "same_day", "2026-02-23 17:00")

    def test_same_day_on_a_makeup_saturday(self):
        self.assertAppointment("2026-01-10 09:00", 0, "same_day", "2026-01-10 17:00")

    def test_same_day_cutoff_is_configurable(self):
        self.assertAppointment("2026-03-03 15:30", 0, "same_day", "2026-03-03 17:00", cutoff=16.0)
        self.assertAppointment("2026-03-03 10:00", 0, "same_day", "2026-03-04 17:00", cutoff=9.5)
        # a cutoff after closing time cannot make a closed office due today
        self.assertAppointment("2026-03-03 17:30", 0, "same_day", "2026-03-04 17:00", cutoff=18.0)

    # ------------------------------------------------------------------
    # Calendar days
    # ------------------------------------------------------------------

    def test_calendar_days_landing_on_a_working_day_keep_the_time(self):
        self.assertAppointment("2026-03-02 09:00", 3, "calendar_day", "2026-03-05 09:00")

    def test_calendar_days_landing_on_a_weekend_move_to_end_of_next_working_day(self):
        self.assertAppointment("2026-03-02 09:00", 5, "calendar_day", "2026-03-09 17:00")

    def test_calendar_days_landing_on_a_holiday_move_after_it(self):
        # Friday 24/04 + 6 days = Thursday 30/04; 01/05 and the weekend are
        # off too: end of Monday 04/05
        self.assertAppointment("2026-04-24 10:00", 6, "calendar_day", "2026-05-04 17:00")

    def test_calendar_days_landing_on_a_makeup_saturday_stay(self):
        self.assertAppointment("2026-01-05 10:00", 5, "calendar_day", "2026-01-10 10:00")

    def test_calendar_days_received_on_sunday_count_from_monday_morning(self):
        self.assertAppointment("2026-03-08 10:00", 2, "calendar_day", "2026-03-11 07:00")

    def test_calendar_days_received_during_lunch_keep_the_reception_time(self):
        self.assertAppointment("2026-03-02 12:00", 3, "calendar_day", "2026-03-05 12:00")

    def test_calendar_days_received_after_hours_count_from_next_morning(self):
        self.assertAppointment("2026-03-02 18:00", 3, "calendar_day", "2026-03-06 07:00")

    def test_calendar_days_extended_by_paused_time(self):
        pauses = self.pauses(("2026-03-03 09:00", "2026-03-04 09:00"))
        self.assertAppointment("2026-03-02 09:00", 3, "calendar_day", "2026-03-06 09:00", pauses=pauses)

    def test_calendar_days_pause_after_the_due_moment_changes_nothing(self):
        pauses = self.pauses(("2026-03-06 09:00", "2026-03-09 09:00"))
        self.assertAppointment("2026-03-02 09:00", 3, "calendar_day", "2026-03-05 09:00", pauses=pauses)

    # ------------------------------------------------------------------
    # Clock stops
    # ------------------------------------------------------------------

    def test_one_pause_moves_the_appointment_by_the_working_time_lost(self):
        # Monday 09:00 + 1 day = Tuesday 09:00; 2 working hours paused
        pauses = self.pauses(("2026-03-02 14:00", "2026-03-02 16:00"))
        self.assertAppointment("2026-03-02 09:00", 1, "working_day", "2026-03-03 11:00", pauses=pauses)

    def test_several_pauses_add_up(self):
        # Monday: 2.5 + 0.5 + 1 = 4 hours; Tuesday 08:00-11:30 = 3.5; 0.5 after 13:30
        pauses = self.pauses(
            ("2026-03-02 14:00", "2026-03-02 16:00"),
            ("2026-03-03 07:00", "2026-03-03 08:00"),
        )
        self.assertAppointment("2026-03-02 09:00", 1, "working_day", "2026-03-03 14:00", pauses=pauses)

    def test_overlapping_pauses_count_once(self):
        # 14:00-16:30 lost once: 2.5 hours, Tuesday 09:00 -> 11:30
        pauses = self.pauses(
            ("2026-03-02 14:00", "2026-03-02 16:00"),
            ("2026-03-02 15:00", "2026-03-02 16:30"),
        )
        self.assertAppointment("2026-03-02 09:00", 1, "working_day", "2026-03-03 11:30", pauses=pauses)

    def test_pause_across_a_weekend_counts_only_working_time(self):
        # Thursday 09:00 + 2 days = Monday 09:00; pause Friday 16:00 to Monday
        # 08:00 loses 1 hour on Friday and 1 on Monday
        pauses = self.pauses(("2026-03-06 16:00", "2026-03-09 08:00"))
        self.assertAppointment("2026-03-05 09:00", 2, "working_day", "2026-03-09 11:00", pauses=pauses)

    def test_pause_outside_working_hours_changes_nothing(self):
        pauses = self.pauses(
            ("2026-03-02 11:30", "2026-03-02 13:30"),  # lunch
            ("2026-03-02 18:00", "2026-03-03 06:30"),  # night
            ("2026-03-07 08:00", "2026-03-08 17:00"),  # weekend
        )
        self.assertAppointment("2026-03-02 09:00", 1, "working_day", "2026-03-03 09:00", pauses=pauses)

    def test_pause_during_tet_changes_nothing(self):
        pauses = self.pauses(("2026-02-16 08:00", "2026-02-20 16:00"))
        self.assertAppointment("2026-02-13 09:00", 2, "working_day", "2026-02-24 09:00", pauses=pauses)

    def test_pause_after_the_appointment_changes_nothing(self):
        pauses = self.pauses(("2026-03-04 08:00", "2026-03-04 10:00"))
        self.assertAppointment("2026-03-02 09:00", 1, "working_day", "2026-03-03 09:00", pauses=pauses)

    @freeze_time("2026-03-03 02:00:00")  # Tuesday 09:00 local
    def test_open_pause_stops_the_clock_until_now(self):
        # Monday 14:00 -> now: 3 hours on Monday and 2 on Tuesday lost;
        # Tuesday 09:00 + 5 hours = 16:00
        pauses = self.pauses(("2026-03-02 14:00", None))
        self.assertAppointment("2026-03-02 09:00", 1, "working_day", "2026-03-03 16:00", pauses=pauses)

    def test_same_day_pause_moves_the_appointment_to_next_morning(self):
        pauses = self.pauses(("2026-03-03 13:30", "2026-03-03 15:00"))
        self.assertAppointment("2026-03-03 10:00", 0, "same_day", "2026-03-04 08:30", pauses=pauses)

    def test_pause_ending_before_it_starts_is_refused(self):
        with self.assertRaises(UserError):
            self.appointment(
                "2026-03-02 09:00",
                1,
                "working_day",
                pauses=self.pauses(("2026-03-02 14:00", "2026-03-02 13:00")),
            )

    # ------------------------------------------------------------------
    # Combinations
    # ------------------------------------------------------------------

    def test_after_hours_reception_before_tet_with_a_pause(self):
        # Thursday 12/02 18:00 counts from Friday 13/02 07:00: 8 hours;
        # Monday 23/02 07:00-09:00 paused: 6; Tuesday 24/02: 8; Wednesday 2
        pauses = self.pauses(("2026-02-23 07:00", "2026-02-23 09:00"))
        self.assertAppointment("2026-02-12 18:00", 3, "working_day", "2026-02-25 09:00", pauses=pauses)

    def test_calendar_days_pushed_by_a_pause_onto_a_holiday(self):
        # Friday 24/04 + 5 days = Wednesday 29/04 10:00; 24 hours paused ->
        # Thursday 30/04, a holiday -> end of Monday 04/05
        pauses = self.pauses(("2026-04-27 10:00", "2026-04-28 10:00"))
        self.assertAppointment("2026-04-24 10:00", 5, "calendar_day", "2026-05-04 17:00", pauses=pauses)

    # ------------------------------------------------------------------
    # Fractions
    # ------------------------------------------------------------------

    def test_half_a_working_day(self):
        # 4 hours from Monday 09:00: 2.5 in the morning, 1.5 after 13:30
        self.assertAppointment("2026-03-02 09:00", 0.5, "working_day", "2026-03-02 15:00")

    def test_one_and_a_half_working_days(self):
        self.assertAppointment("2026-03-02 07:00", 1.5, "working_day", "2026-03-03 11:00")

    def test_a_quarter_of_an_hour_over_lunch(self):
        self.assertAppointment("2026-03-02 11:20", 0.25, "working_hour", "2026-03-02 13:35")

    def test_one_and_a_half_calendar_days_landing_on_saturday(self):
        # Friday 08:00 + 36 hours = Saturday 20:00 -> end of Monday
        self.assertAppointment("2026-03-06 08:00", 1.5, "calendar_day", "2026-03-09 17:00")

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------

    def test_working_hours_between(self):
        hours_between = self.engine.working_hours_between
        self.assertEqual(hours_between(self.calendar, local("2026-03-02 09:00"), local("2026-03-03 09:00")), 8.0)
        # across Tết: 6 hours on Friday 13/02, 2 on Monday 23/02
        self.assertEqual(hours_between(self.calendar, local("2026-02-13 09:00"), local("2026-02-23 09:00")), 8.0)
        # across the new year 2027: Wednesday 6, Thursday 8, Monday 2
        self.assertEqual(hours_between(self.calendar, local("2026-12-30 09:00"), local("2027-01-04 09:00")), 16.0)
        self.assertEqual(hours_between(self.calendar, local("2026-03-03 09:00"), local("2026-03-02 09:00")), -8.0)
        self.assertEqual(hours_between(self.calendar, local("2026-03-02 09:00"), local("2026-03-02 09:00")), 0.0)
        pauses = self.pauses(("2026-03-02 14:00", "2026-03-02 16:00"))
        self.assertEqual(
            hours_between(self.calendar, local("2026-03-02 09:00"), local("2026-03-03 09:00"), pauses=pauses),
            6.0,
        )

    def test_is_working_time(self):
        is_working = self.engine.is_working_time
        self.assertTrue(is_working(self.calendar, local("2026-03-02 10:00")))
        self.assertFalse(is_working(self.calendar, local("2026-03-02 12:00")))
        self.assertFalse(is_working(self.calendar, local("2026-03-02 17:00")))
        self.assertFalse(is_working(self.calendar, local("2026-03-07 10:00")))
        self.assertFalse(is_working(self.calendar, local("2026-02-17 09:00")))
        self.assertTrue(is_working(self.calendar, local("2026-01-10 08:00")))

    def test_next_working_moment(self):
        next_moment = self.engine.next_working_moment
        self.assertEqual(next_moment(self.calendar, local("2026-03-02 10:00")), local("2026-03-02 10:00"))
        self.assertEqual(next_moment(self.calendar, local("2026-03-02 12:00")), local("2026-03-02 13:30"))
        self.assertEqual(next_moment(self.calendar, local("2026-02-13 17:00")), local("2026-02-23 07:00"))
        self.assertEqual(next_moment(self.calendar, local("2026-01-09 17:30")), local("2026-01-10 07:00"))

    def test_aware_datetimes_are_accepted(self):
        received = local("2026-03-02 09:00").replace(tzinfo=pytz.utc)
        self.assertEqual(
            self.engine.compute_appointment(self.calendar, received, 3, "working_day"),
            local("2026-03-05 09:00"),
        )

    def test_appointment_does_not_depend_on_who_computes_it(self):
        # The schedule is shared by every company, its holidays were entered
        # in the main company: an officer of another company must still see
        # Tết skipped (time off has a multi-company rule).
        shared = self.env["resource.calendar"].create(
            {
                "name": "Shared schedule",
                "tz": "Asia/Ho_Chi_Minh",
                "company_id": False,
                "attendance_ids": office_hours(),
                "global_leave_ids": [Command.clear()],
            }
        )
        self.env["resource.calendar.leaves"].create(
            dict(
                local_day_off("Tết Nguyên đán Bính Ngọ", "2026-02-14", "2026-02-22"),
                calendar_id=shared.id,
            )
        )
        ward = self.env["res.company"].create({"name": "Ward centre"})
        officer = new_test_user(
            self.env,
            login="ward_officer",
            groups="base.group_user",
            company_id=ward.id,
            company_ids=[ward.id],
        )
        for env in (self.env, self.env(user=officer)):
            self.assertEqual(
                env["public_admin.deadline"].compute_appointment(
                    shared.with_env(env), local("2026-02-13 09:00"), 2, "working_day"
                ),
                local("2026-02-24 09:00"),
            )

    # ------------------------------------------------------------------
    # Bad input
    # ------------------------------------------------------------------

    def test_negative_processing_time_is_refused(self):
        with self.assertRaises(UserError):
            self.appointment("2026-03-02 09:00", -1, "working_day")
        with self.assertRaises(UserError):
            self.add_hours("2026-03-02 09:00", -2)

    def test_unknown_unit_is_refused(self):
        with self.assertRaises(UserError):
            self.appointment("2026-03-02 09:00", 1, "fortnight")

    def test_cutoff_outside_the_day_is_refused(self):
        with self.assertRaises(UserError):
            self.appointment("2026-03-02 09:00", 0, "same_day", cutoff=25.0)

    def test_missing_reception_time_is_refused(self):
        with self.assertRaises(UserError):
            self.engine.compute_appointment(self.calendar, False, 1, "working_day")

    def test_calendar_without_attendances_is_refused(self):
        empty = self.env["resource.calendar"].create(
            {
                "name": "No hours",
                "tz": "Asia/Ho_Chi_Minh",
                "attendance_ids": [Command.clear()],
            }
        )
        lunch_only = self.env["resource.calendar"].create(
            {
                "name": "Lunch only",
                "tz": "Asia/Ho_Chi_Minh",
                "attendance_ids": [
                    Command.clear(),
                    Command.create(
                        {
                            "name": "Lunch",
                            "dayofweek": "0",
                            "hour_from": 11.5,
                            "hour_to": 13.5,
                            "day_period": "lunch",
                        }
                    ),
                ],
            }
        )
        for calendar in (empty, lunch_only, self.env["resource.calendar"]):
            with self.assertRaises(UserError):
                self.engine.compute_appointment(calendar, local("2026-03-02 09:00"), 1, "working_day")

    def test_calendar_fully_on_leave_is_refused_instead_of_looping(self):
        self.env["resource.calendar.leaves"].create(
            dict(
                local_day_off("Closed", "2026-01-01", "2040-12-31"),
                calendar_id=self.calendar.id,
            )
        )
        self.calendar.makeup_day_ids.unlink()
        with self.assertRaises(UserError):
            self.appointment("2026-03-02 09:00", 1, "working_day")


@tagged("post_install", "-at_install")
class TestHolidayCalendar(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Holiday loader (test)",
                "tz": "Asia/Ho_Chi_Minh",
                "attendance_ids": office_hours(with_lunch=False),
                "global_leave_ids": [Command.clear()],
            }
        )

    def test_holiday_table_loads_decided_days_off_and_makeup_days_once(self):
        rows = [
            {
                "date": "2026-02-17",
                "kind": "holiday",
                "status": "official",
                "name_vi": "Tết (mùng 1)",
            },
            {
                "date": "2026-01-02",
                "kind": "swapped_day_off",
                "status": "official",
                "name_vi": "Nghỉ hoán đổi",
            },
            {
                "date": "2026-04-26",
                "kind": "holiday_on_weekend",
                "status": "statutory",
                "name_vi": "Giỗ Tổ",
            },
            {
                "date": "2026-04-27",
                "kind": "compensatory_day_off",
                "status": "statutory",
                "name_vi": "Nghỉ bù",
            },
            {
                "date": "2027-09-02",
                "kind": "holiday",
                "status": "statutory (adjacent day tbd)",
                "name_vi": "2/9",
            },
            {
                "date": "2026-01-10",
                "kind": "makeup_workday",
                "status": "official",
                "name_vi": "Làm bù 02/01",
            },
            {
                "date": "2027-02-05",
                "kind": "tet_anchor",
                "status": "tbd",
                "name_vi": "Giao thừa 2027",
            },
            {
                "date": "2026-11-24",
                "kind": "pending_holiday",
                "status": "pending_law_amendment",
                "name_vi": "Ngày Văn hóa",
            },
        ]
        result = self.calendar._public_admin_load_holidays(rows)
        self.assertEqual(result, {"leaves": 5, "makeup_days": 1})
        tet = self.calendar.global_leave_ids.filtered(lambda leave: leave.name == "Tết (mùng 1)")
        # the whole local day 17/02 in UTC
        self.assertEqual(tet.date_from, datetime(2026, 2, 16, 17, 0, 0))
        self.assertEqual(tet.date_to, datetime(2026, 2, 17, 16, 59, 59))
        self.assertFalse(tet.resource_id)
        self.assertEqual(self.calendar.makeup_day_ids.date, date(2026, 1, 10))
        self.assertNotIn(
            date(2026, 11, 24),
            [(leave.date_from + UTC_OFFSET).date() for leave in self.calendar.global_leave_ids],
        )

        again = self.calendar._public_admin_load_holidays(rows)
        self.assertEqual(again, {"leaves": 0, "makeup_days": 0})
        self.assertEqual(len(self.calendar.global_leave_ids), 5)
        self.assertEqual(len(self.calendar.makeup_day_ids), 1)

    def test_holiday_table_skips_days_inside_an_existing_break(self):
        self.env["resource.calendar.leaves"].create(
            dict(
                local_day_off("Tết", "2026-02-14", "2026-02-22"),
                calendar_id=self.calendar.id,
            )
        )
        result = self.calendar._public_admin_load_holidays(
            [
                {
                    "date": "2026-02-17",
                    "kind": "holiday",
                    "status": "official",
                    "name_vi": "Tết (mùng 1)",
                },
            ]
        )
        self.assertEqual(result["leaves"], 0)

    def test_makeup_day_on_a_regular_working_day_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["public_admin.calendar.makeup.day"].create(
                {
                    "calendar_id": self.calendar.id,
                    "date": date(2026, 1, 2),  # a Friday
                }
            )

    @mute_logger("odoo.sql_db")
    def test_same_makeup_day_twice_is_refused(self):
        self.env["public_admin.calendar.makeup.day"].create(
            {"calendar_id": self.calendar.id, "date": date(2026, 1, 10)}
        )
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["public_admin.calendar.makeup.day"].create(
                {
                    "calendar_id": self.calendar.id,
                    "date": date(2026, 1, 10),
                }
            )

    def test_shipped_calendar_has_the_2026_holidays(self):
        calendar = self.env.ref("public_admin_centre.resource_calendar_public_admin")
        self.assertEqual(calendar.tz, "Asia/Ho_Chi_Minh")
        self.assertEqual(calendar.hours_per_day, 8.0)
        self.assertEqual(
            sorted((att.dayofweek, att.hour_from, att.hour_to) for att in calendar.attendance_ids),
            sorted((day, hours[0], hours[1]) for day in "01234" for hours in ((7.0, 11.5), (13.5, 17.0))),
        )
        days_off = {(leave.date_from + UTC_OFFSET).date() for leave in calendar.global_leave_ids}
        for day in (
            "2026-01-01",
            "2026-01-02",  # new year and its bridge
            "2026-02-16",
            "2026-02-17",
            "2026-02-18",
            "2026-02-19",
            "2026-02-20",  # Tết
            "2026-04-27",
            "2026-04-30",
            "2026-05-01",
            "2026-08-31",
            "2026-09-01",
            "2026-09-02",
        ):
            self.assertIn(date.fromisoformat(day), days_off, day)
        # not decided when the table was made
        self.assertNotIn(date(2026, 11, 24), days_off)
        self.assertNotIn(date(2027, 2, 5), days_off)
        self.assertLessEqual({date(2026, 1, 10), date(2026, 8, 22)}, set(calendar.makeup_day_ids.mapped("date")))

        engine = self.env["public_admin.deadline"]
        self.assertEqual(
            engine.compute_appointment(calendar, local("2026-02-13 09:00"), 2, "working_day"),
            local("2026-02-24 09:00"),
        )
        self.assertEqual(
            engine.compute_appointment(calendar, local("2026-08-21 09:00"), 1, "working_day"),
            local("2026-08-22 09:00"),
        )
        # 01/01/2027 (statutory) is loaded: 5 days from 30/12/2026 end on 07/01/2027
        self.assertEqual(
            engine.compute_appointment(calendar, local("2026-12-30 09:00"), 5, "working_day"),
            local("2027-01-07 09:00"),
        )

    def test_reloading_the_shipped_table_creates_nothing(self):
        result = self.env["resource.calendar"]._public_admin_load_holidays_from_file(
            "public_admin_centre.resource_calendar_public_admin"
        )
        self.assertEqual(result, {"leaves": 0, "makeup_days": 0})
