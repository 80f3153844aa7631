import csv
import logging
from datetime import datetime, time

from pytz import timezone, utc

from odoo import api, fields, models
from odoo.tools import file_open

_logger = logging.getLogger(__name__)

# Holiday table shipped with the addon (public data: days off and make-up
# working days of civil servants), columns: year, date, weekday, kind,
# name_vi, break_period, status, applies_to, source.
HOLIDAY_FILE = "public_admin_centre/data/vn_holidays.csv"


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    makeup_day_ids = fields.One2many(
        "public_admin.calendar.makeup.day",
        "calendar_id",
        string="Make-up Working Days",
        copy=True,
    )

    # ------------------------------------------------------------------
    # Holiday table: what each row means. Small methods so that a province
    # (or a later table format) can adapt them by inheritance.
    # ------------------------------------------------------------------

    @api.model
    def _public_admin_holiday_day_off_kinds(self):
        """Row kinds that make the date a day off for the centre.

        Other kinds are not loaded: ``tet_anchor`` only marks the lunar new
        year until the break is announced, ``pending_holiday`` is not law.
        """
        # holiday_on_weekend is already off, loading it just documents the
        # holiday in the schedule; the weekday it is carried over to comes as
        # its own compensatory_day_off row.
        return {"holiday", "swapped_day_off", "compensatory_day_off", "holiday_on_weekend"}

    @api.model
    def _public_admin_holiday_workday_kinds(self):
        """Row kinds that make a weekend date a worked (make-up) day."""
        return {"makeup_workday"}

    @api.model
    def _public_admin_holiday_row_is_decided(self, row):
        """Whether a row is law or an announced decision, hence loaded.

        The table's status starts with ``official`` or ``statutory``, possibly
        followed by a remark ("statutory (swaps not announced)"). ``tbd`` rows
        (e.g. 2027 Tết anchors, whose exact days are not announced yet) and
        ``pending_law_amendment`` rows (24/11, only if the Labour Code is
        amended) are skipped: a day off that does not happen would push
        appointments past the legal date. Add them by hand, or in a new
        table, once decided.
        """
        status = (row.get("status") or "").strip().lower()
        return status.split(" ", 1)[0].split("(", 1)[0] in {"official", "statutory"}

    # ------------------------------------------------------------------
    # Loading
    # ------------------------------------------------------------------

    def _public_admin_worked_weekdays(self):
        """Weekdays ('0' = Monday, as ``dayofweek``) with regular hours."""
        self.ensure_one()
        return set(
            self.attendance_ids.filtered(
                lambda att: att.day_period != "lunch" and not att.display_type and not att.resource_id
            ).mapped("dayofweek")
        )

    def _public_admin_local_day_bounds(self, day):
        """Whole local ``day`` of this calendar as naive UTC (from, to), the way
        Odoo stores a full-day global time off (00:00:00 to 23:59:59 local)."""
        self.ensure_one()
        tz = timezone(self.tz or "UTC")
        date_from = tz.localize(datetime.combine(day, time.min))
        date_to = tz.localize(datetime.combine(day, time(23, 59, 59)))
        return (
            date_from.astimezone(utc).replace(tzinfo=None),
            date_to.astimezone(utc).replace(tzinfo=None),
        )

    def _public_admin_load_holidays(self, rows):
        """Create the days off and make-up days described by ``rows`` on each
        calendar of ``self``.

        :param rows: iterable of dicts with at least ``date`` (ISO string or
            date), ``kind``, ``status`` and ``name_vi`` (the columns of
            ``data/vn_holidays.csv``)
        :return: dict with the number of created ``leaves`` and ``makeup_days``

        Idempotent: a day already off (a global time off covers the whole
        local day, alone or inside a longer break) or already a make-up day
        is left alone, so the table can be re-applied after an update.
        Kinds and statuses are interpreted by the ``_public_admin_holiday_*``
        methods above.
        """
        day_off_kinds = self._public_admin_holiday_day_off_kinds()
        workday_kinds = self._public_admin_holiday_workday_kinds()
        days_off, workdays = {}, {}
        for row in rows:
            kind = (row.get("kind") or "").strip()
            if not self._public_admin_holiday_row_is_decided(row):
                continue
            day = fields.Date.to_date(row.get("date"))
            name = (row.get("name_vi") or "").strip() or kind
            if kind in day_off_kinds:
                days_off.setdefault(day, name)
            elif kind in workday_kinds:
                workdays.setdefault(day, name)
            else:
                _logger.info("Holiday table: kind %r of %s not loaded", kind, day)

        leave_vals, makeup_vals = [], []
        for calendar in self:
            # Periods already off, possibly entered by hand as one multi-day
            # time off (e.g. the whole Tết break).
            existing_leaves = [
                (leave.date_from, leave.date_to) for leave in calendar.global_leave_ids if leave.time_type == "leave"
            ]
            for day, name in sorted(days_off.items()):
                date_from, date_to = calendar._public_admin_local_day_bounds(day)
                if any(start <= date_from and date_to <= stop for start, stop in existing_leaves):
                    continue
                leave_vals.append(
                    {
                        "name": name,
                        "calendar_id": calendar.id,
                        "resource_id": False,
                        "time_type": "leave",
                        "date_from": date_from,
                        "date_to": date_to,
                    }
                )
            existing_makeups = set(calendar.makeup_day_ids.mapped("date"))
            worked_weekdays = calendar._public_admin_worked_weekdays()
            for day, name in sorted(workdays.items()):
                # A schedule that already works that weekday (e.g. a six-day
                # week) has nothing to make up.
                if day in existing_makeups or str(day.weekday()) in worked_weekdays:
                    continue
                makeup_vals.append({"calendar_id": calendar.id, "date": day, "name": name})

        self.env["resource.calendar.leaves"].create(leave_vals)
        self.env["public_admin.calendar.makeup.day"].create(makeup_vals)
        return {"leaves": len(leave_vals), "makeup_days": len(makeup_vals)}

    @api.model
    def _public_admin_load_holidays_from_file(self, calendar_xmlid, file_name=HOLIDAY_FILE):
        """Apply the holiday table ``file_name`` (CSV, UTF-8, read through the
        addons path) to the calendar ``calendar_xmlid``; called from data XML.

        A missing calendar (deleted by an administrator) is not an error: there
        is just nothing to load the table into.
        """
        calendar = self.env.ref(calendar_xmlid, raise_if_not_found=False)
        if not calendar:
            _logger.info("Holiday table not loaded: no calendar %s", calendar_xmlid)
            return {"leaves": 0, "makeup_days": 0}
        with file_open(file_name, "r") as csv_file:
            rows = list(csv.DictReader(csv_file))
        result = calendar._public_admin_load_holidays(rows)
        _logger.info(
            "Holiday table %s applied to %s: %s days off and %s make-up days created",
            file_name,
            calendar.display_name,
            result["leaves"],
            result["makeup_days"],
        )
        return result
