import math
import numbers
from datetime import datetime, time, timedelta

from pytz import timezone, utc

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.resource.models.utils import Intervals, float_to_time

# Beyond this, a calendar is taken to have no working time at all rather than
# looping forever (e.g. every day covered by time off).
MAX_HORIZON = timedelta(days=3660)
# Margin added to the first window so that a long break (9 days of Tết) does
# not force a second round of queries for ordinary processing times.
WINDOW_MARGIN_DAYS = 14


class PublicAdminDeadline(models.AbstractModel):
    """The deadline engine: pure computation over a ``resource.calendar``.

    Working time = the calendar's attendances (lunch rows excluded), minus its
    global time off (``resource.calendar.leaves`` without resource, i.e.
    public holidays and bridged days), plus its make-up days
    (``public_admin.calendar.makeup.day``, worked with Monday's hours), minus
    the clock stops (``pauses``) of the dossier.

    Every datetime given or returned is naive UTC, as the ORM stores them;
    the calendar's ``tz`` decides what "07:00" or "the same day" means.
    Aware datetimes are accepted too and converted to UTC.

    Computations run on interval arithmetic over a window of days that is
    doubled until enough working time is found, never minute by minute: a
    30-working-day deadline costs one search of attendances and one of time
    off (make-up days are read once through the calendar and then cached).
    """

    _name = "public_admin.deadline"
    _description = "Deadline Engine"

    # ------------------------------------------------------------------
    # Public API
    # ------------------------------------------------------------------

    @api.model
    def compute_appointment(self, calendar, received_at, amount, unit, cutoff=15.0, pauses=()):
        """Return the appointment (naive UTC) of a dossier or step.

        :param calendar: ``resource.calendar`` record (one)
        :param received_at: reception moment (naive UTC)
        :param amount: processing time in ``unit``; fractions allowed (0.5 day)
        :param unit: one of :meth:`_get_appointment_units`:

            * ``working_day``: ``amount`` x the calendar's hours per day of
              working time (Monday 09:00 + 3 days = Thursday 09:00);
            * ``working_hour``: ``amount`` hours of working time;
            * ``calendar_day``: ``amount`` x 24 hours, lengthened by the paused
              time; a result on a day without working time (weekend, holiday)
              moves to the end of the next working day;
            * ``same_day``: received on a working day before ``cutoff``: end of
              that working day, otherwise end of the next one (``amount`` is
              not used).

            Reception after the end of the working day or on a day off counts
            from the next working morning (for working units, any reception
            outside working time counts from the next working moment).
        :param cutoff: local hour (15.0 = 15:00) of the ``same_day`` rule
        :param pauses: clock stops, ``[(start, end)]`` naive UTC; ``end`` None
            means the clock is still stopped: it is taken as stopped until now,
            so the appointment shown moves on for as long as the pause lasts.
            Working units move by the working time lost during the pauses.
        """
        calendar = self._check_calendar(calendar)
        units = self._get_appointment_units()
        if unit not in units:
            raise UserError(
                self.env._(
                    "Unknown processing time unit '%(unit)s'; expected one of: %(units)s.",
                    unit=unit,
                    units=", ".join(units),
                )
            )
        self._check_amount(amount)
        if cutoff is None or not 0.0 <= cutoff <= 24.0:
            raise UserError(
                self.env._(
                    "The same-day cutoff must be an hour between 0 and 24, not %s.",
                    cutoff,
                )
            )
        received = self._to_utc(received_at)
        pause_intervals = self._pause_intervals(pauses)
        appointment = units[unit](calendar, received, amount, cutoff, pause_intervals)
        return self._to_naive_utc(appointment)

    @api.model
    def add_working_hours(self, calendar, start, hours, pauses=()):
        """Return the moment (naive UTC) when ``hours`` working hours have
        elapsed after ``start``, the ``pauses`` not counting.

        Counting starts at the first working moment at or after ``start``; an
        amount that ends exactly with a working period returns the end of that
        period (17:00), not the start of the next one; 0 hours returns the
        next working moment.
        """
        calendar = self._check_calendar(calendar)
        self._check_amount(hours)
        return self._to_naive_utc(
            self._plan(
                calendar,
                self._to_utc(start),
                self._hours_to_delta(hours),
                self._pause_intervals(pauses),
            )
        )

    @api.model
    def add_working_hours_many(self, calendar, start, hours_list, pauses=()):
        """``add_working_hours`` for several amounts from the same ``start``, in one walk over
        the working time (a dossier's steps at reception): the same moments, a list in the
        order of ``hours_list``."""
        calendar = self._check_calendar(calendar)
        for hours in hours_list:
            self._check_amount(hours)
        order = sorted(range(len(hours_list)), key=lambda index: hours_list[index])
        moments = self._plan_many(
            calendar,
            self._to_utc(start),
            [self._hours_to_delta(hours_list[index]) for index in order],
            self._pause_intervals(pauses),
        )
        result = [None] * len(hours_list)
        for index, moment in zip(order, moments, strict=True):
            result[index] = self._to_naive_utc(moment)
        return result

    @api.model
    def working_hours_between(self, calendar, start, end, pauses=()):
        """Working hours (float) from ``start`` to ``end``, the ``pauses`` not
        counting; negative when ``end`` is before ``start`` (time overdue)."""
        calendar = self._check_calendar(calendar)
        start, end = self._to_utc(start), self._to_utc(end)
        if end < start:
            return -self.working_hours_between(calendar, end, start, pauses)
        if end == start:
            return 0.0
        intervals = self._work_intervals(calendar, start, end, self._pause_intervals(pauses))
        return sum((stop - begin).total_seconds() for begin, stop, _recs in intervals) / 3600

    @api.model
    def is_working_time(self, calendar, dt):
        """Whether ``dt`` (naive UTC) falls in the working time of ``calendar``
        (a period's end, 11:30 or 17:00, is not working time)."""
        calendar = self._check_calendar(calendar)
        moment = self._to_utc(dt)
        intervals = self._work_intervals(calendar, moment, moment + timedelta(seconds=1))
        return bool(intervals)

    @api.model
    def next_working_moment(self, calendar, dt):
        """``dt`` itself if it is working time, otherwise the start of the next
        working period (naive UTC)."""
        calendar = self._check_calendar(calendar)
        return self._to_naive_utc(self._plan(calendar, self._to_utc(dt), timedelta(0), Intervals()))

    # ------------------------------------------------------------------
    # Units (extension point: add a unit by overriding this method)
    # ------------------------------------------------------------------

    @api.model
    def _get_appointment_units(self):
        """Map each processing time unit to the method computing its
        appointment from ``(calendar, received, amount, cutoff, pauses)``,
        datetimes aware UTC and ``pauses`` an ``Intervals``."""
        return {
            "working_day": self._appointment_working_day,
            "working_hour": self._appointment_working_hour,
            "calendar_day": self._appointment_calendar_day,
            "same_day": self._appointment_same_day,
        }

    def _appointment_working_day(self, calendar, received, amount, cutoff, pauses):
        hours = amount * self._hours_per_day(calendar)
        return self._plan(calendar, received, self._hours_to_delta(hours), pauses)

    def _appointment_working_hour(self, calendar, received, amount, cutoff, pauses):
        return self._plan(calendar, received, self._hours_to_delta(amount), pauses)

    def _appointment_calendar_day(self, calendar, received, amount, cutoff, pauses):
        # Received after the end of the working day or on a day off: counts
        # from the next working morning. Within a working day (lunch break
        # included) the reception time itself is kept.
        local_day = received.astimezone(self._tz(calendar)).date()
        day_end = self._working_day_end(calendar, local_day)
        if day_end is not None and received < day_end:
            start = received
        else:
            start = self._plan(calendar, received, timedelta(0), Intervals())
        due = start + timedelta(seconds=round(amount * 86400))
        # Pauses are merged and sorted; one starting after the due moment it
        # would have extended does not count, the clock had already run out.
        for pause_start, pause_stop, _recs in pauses:
            pause_start = max(pause_start, start)
            if pause_start >= due:
                break
            if pause_start < pause_stop:
                due += pause_stop - pause_start
        due_day = due.astimezone(self._tz(calendar)).date()
        if self._working_day_end(calendar, due_day) is None:
            due = self._next_working_day_end(calendar, due_day)
        return due

    def _appointment_same_day(self, calendar, received, amount, cutoff, pauses):
        local = received.astimezone(self._tz(calendar))
        local_hour = local.hour + local.minute / 60 + local.second / 3600
        day_end = self._working_day_end(calendar, local.date())
        if day_end is not None and received < day_end and local_hour < cutoff:
            due = day_end
        else:
            due = self._next_working_day_end(calendar, local.date())
        if pauses:
            # Re-plan the same working time with the clock stops left out.
            hours_needed = self._sum(self._work_intervals(calendar, received, due))
            due = self._plan(calendar, received, hours_needed, pauses)
        return due

    # ------------------------------------------------------------------
    # Interval arithmetic
    # ------------------------------------------------------------------

    def _plan(self, calendar, start, remaining, pauses):
        """Aware UTC moment when ``remaining`` (timedelta) of working time,
        ``pauses`` excluded, has elapsed after ``start`` (aware UTC)."""
        window = self._initial_window(calendar, remaining)
        cursor = start
        horizon = start + MAX_HORIZON
        while cursor < horizon:
            stop = min(cursor + window, horizon)
            for begin, end, _recs in self._work_intervals(calendar, cursor, stop, pauses):
                duration = end - begin
                if remaining <= duration:
                    return begin + remaining
                remaining -= duration
            # Not enough working time in this window: go on from where it
            # stopped with a wider one (no recount of what was seen).
            cursor = stop
            window *= 2
        raise UserError(
            self.env._(
                "The working schedule %s has no working time left to reach this deadline; "
                "check its working hours and time off.",
                calendar.display_name,
            )
        )

    def _plan_many(self, calendar, start, amounts, pauses):
        """``_plan`` of each of ``amounts`` (sorted timedeltas) from ``start``, walking the
        working intervals once: the moment of each amount is where ``_plan`` would stop."""
        if not amounts:
            return []
        window = self._initial_window(calendar, amounts[-1])
        cursor, horizon = start, start + MAX_HORIZON
        elapsed, moments = timedelta(0), []
        while cursor < horizon:
            stop = min(cursor + window, horizon)
            for begin, end, _recs in self._work_intervals(calendar, cursor, stop, pauses):
                duration = end - begin
                while len(moments) < len(amounts) and amounts[len(moments)] - elapsed <= duration:
                    moments.append(begin + (amounts[len(moments)] - elapsed))
                if len(moments) == len(amounts):
                    return moments
                elapsed += duration
            cursor = stop
            window *= 2
        return moments + [self._plan(calendar, start, amount, pauses) for amount in amounts[len(moments) :]]

    def _initial_window(self, calendar, remaining):
        """A window of days likely to hold ``remaining`` working time."""
        hours_per_day = self._hours_per_day(calendar)
        working_days = remaining.total_seconds() / 3600 / hours_per_day
        days_per_week = len(calendar._public_admin_worked_weekdays())
        return timedelta(days=math.ceil(working_days * 7 / days_per_week) + WINDOW_MARGIN_DAYS)

    def _work_intervals(self, calendar, start, stop, pauses=None):
        """Working ``Intervals`` of ``calendar`` in [start, stop] (aware),
        as aware UTC datetimes, ``pauses`` (an ``Intervals``) taken out."""
        tz = self._tz(calendar)
        no_recs = calendar.env["resource.calendar.attendance"]
        # attendances minus global time off, as Odoo computes them
        work = calendar._work_intervals_batch(start, stop, tz=tz)[False]
        # A make-up day is worked whatever else the calendar says, hence added
        # after the time off is taken out (a Tết break entered as one leave
        # from Saturday to Sunday must not swallow a make-up Saturday).
        intervals = Intervals(
            [(begin.astimezone(utc), end.astimezone(utc), no_recs) for begin, end, _recs in work]
            + self._makeup_intervals(calendar, start, stop)
        )
        if pauses:
            intervals -= pauses
        return intervals

    def _makeup_intervals(self, calendar, start, stop):
        """Working periods of the make-up days in [start, stop], with the hours
        of the calendar's Monday (the template of a normal weekday)."""
        tz = self._tz(calendar)
        first_day, last_day = start.astimezone(tz).date(), stop.astimezone(tz).date()
        # Read through the one2many rather than searched: a calendar has a few
        # make-up days a year, and the cache then serves every later window.
        makeup_days = calendar.makeup_day_ids.filtered(lambda makeup: first_day <= makeup.date <= last_day)
        if not makeup_days:
            return []
        no_recs = calendar.env["resource.calendar.attendance"]
        mondays = calendar.attendance_ids.filtered(
            lambda att: (
                att.dayofweek == "0" and att.day_period != "lunch" and not att.display_type and not att.resource_id
            )
        )
        week_type_of = calendar.env["resource.calendar.attendance"].get_week_type
        result = []
        for day in makeup_days.mapped("date"):
            for att in mondays:
                if (att.date_from and day < att.date_from) or (att.date_to and day > att.date_to):
                    continue
                if calendar.two_weeks_calendar and att.week_type != str(week_type_of(day)):
                    continue
                begin = tz.localize(datetime.combine(day, float_to_time(att.hour_from)))
                end = tz.localize(datetime.combine(day, float_to_time(att.hour_to)))
                begin, end = max(begin, start), min(end, stop)
                if begin < end:
                    result.append((begin.astimezone(utc), end.astimezone(utc), no_recs))
        return result

    def _working_day_end(self, calendar, day):
        """End (aware UTC) of the last working period of the local date
        ``day``, or None if there is no working time that day."""
        tz = self._tz(calendar)
        day_start = tz.localize(datetime.combine(day, time.min))
        day_stop = tz.localize(datetime.combine(day + timedelta(days=1), time.min))
        intervals = list(self._work_intervals(calendar, day_start, day_stop))
        return intervals[-1][1] if intervals else None

    def _next_working_day_end(self, calendar, day):
        """End (aware UTC) of the first working day after the local date ``day``."""
        tz = self._tz(calendar)
        next_day_start = tz.localize(datetime.combine(day + timedelta(days=1), time.min))
        first_moment = self._plan(calendar, next_day_start, timedelta(0), Intervals())
        return self._working_day_end(calendar, first_moment.astimezone(tz).date())

    # ------------------------------------------------------------------
    # Input checks and conversions
    # ------------------------------------------------------------------

    def _check_calendar(self, calendar):
        """Return ``calendar`` ready for computing, or raise if it cannot be.

        The schedule is read as superuser: an appointment must not depend on
        who computes it. Otherwise the multi-company rule on time off would
        hide the holidays of a calendar shared by all companies from users of
        another company than the one that loaded them, and a portal user
        would not read the schedule at all. Only the schedule is read, and
        only a datetime comes out.
        """
        if len(calendar) != 1 or calendar._name != "resource.calendar":
            raise UserError(self.env._("A deadline is computed on exactly one working schedule."))
        if calendar.flexible_hours or not calendar._public_admin_worked_weekdays():
            raise UserError(
                self.env._(
                    "The working schedule %s has no working hours: deadlines cannot be computed on it.",
                    calendar.display_name,
                )
            )
        return calendar.sudo()  # working schedules are configuration, read by every computation

    def _check_amount(self, amount):
        if not isinstance(amount, numbers.Real) or isinstance(amount, bool) or amount < 0:
            raise UserError(
                self.env._(
                    "A processing time must be a number of zero or more, not %s.",
                    amount,
                )
            )

    def _hours_per_day(self, calendar):
        """Hours of one working day: the calendar's average (8 for 07:00-11:30
        and 13:30-17:00), recomputed if an administrator zeroed it."""
        return calendar.hours_per_day or calendar._get_hours_per_day(calendar._get_global_attendances()) or 8.0

    def _pause_intervals(self, pauses):
        """``Intervals`` (aware UTC) of the clock stops; an open pause (end
        None) lasts until now."""
        no_recs = self.env["resource.calendar.attendance"]
        now = self._to_utc(fields.Datetime.now())
        result = []
        for pause in pauses or ():
            pause_start, pause_end = pause
            if not pause_start:
                raise UserError(self.env._("A pause of the clock must have a start."))
            pause_start = self._to_utc(pause_start)
            pause_end = self._to_utc(pause_end) if pause_end else max(now, pause_start)
            if pause_end < pause_start:
                raise UserError(
                    self.env._(
                        "A pause of the clock cannot end (%(end)s) before it starts (%(start)s).",
                        start=self._to_naive_utc(pause_start),
                        end=self._to_naive_utc(pause_end),
                    )
                )
            result.append((pause_start, pause_end, no_recs))
        return Intervals(result)

    def _tz(self, calendar):
        return timezone(calendar.tz or "UTC")

    def _to_utc(self, value):
        """Aware UTC datetime from a naive UTC datetime (or its string), or
        from an aware datetime."""
        if not value:
            raise UserError(self.env._("A date and time is required to compute a deadline."))
        if isinstance(value, datetime) and value.tzinfo:
            return value.astimezone(utc)
        return utc.localize(fields.Datetime.to_datetime(value))

    def _to_naive_utc(self, value):
        return value.astimezone(utc).replace(tzinfo=None)

    def _hours_to_delta(self, hours):
        # Whole seconds: the ORM stores datetimes to the second, and this keeps
        # float noise (8 * 0.1 hours) away from the boundaries of periods.
        return timedelta(seconds=round(hours * 3600))

    def _sum(self, intervals):
        return sum((end - begin for begin, end, _recs in intervals), timedelta(0))
