"""The period every report and indicator of the suite is computed for."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import pytz

DEFAULT_TZ = "Asia/Ho_Chi_Minh"


@dataclass(frozen=True)
class ReportPeriod:
    """A period of local days and the agencies it covers.

    - ``date_from``, ``date_to``: the first and the last local day (``datetime.date``, both
      included), in the centre's time zone (Asia/Ho_Chi_Minh);
    - ``start_utc``, ``end_utc``: the naive UTC datetimes bounding the period, half-open
      (``start_utc <= moment < end_utc``), the way Odoo stores datetimes: local midnight of
      ``date_from`` and local midnight of the day after ``date_to``;
    - ``agencies``: a ``public_admin.agency`` recordset; empty means the whole centre. A dossier
      belongs to the agencies that lead it (``agency_id child_of agencies``);
    - ``tz``: the time zone name.
    """

    date_from: date
    date_to: date
    start_utc: datetime
    end_utc: datetime
    agencies: object = field(compare=False)
    tz: str = DEFAULT_TZ

    @classmethod
    def from_dates(cls, date_from, date_to, agencies, tz_name=DEFAULT_TZ):
        tz = pytz.timezone(tz_name or DEFAULT_TZ)

        def utc(day):
            return tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

        return cls(date_from, date_to, utc(date_from), utc(date_to + timedelta(days=1)), agencies, tz_name)

    @classmethod
    def month(cls, year, month, agencies, tz_name=DEFAULT_TZ):
        first = date(year, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return cls.from_dates(first, last, agencies, tz_name)

    def agency_domain(self, field_name="agency_id"):
        """The ORM domain restricting a model's records to the period's agencies."""
        return [(field_name, "child_of", self.agencies.ids)] if self.agencies else []

    def previous_month_starts(self, count):
        """The first days of the ``count`` months ending with the month of ``date_to``, oldest first."""
        months = []
        year, month = self.date_to.year, self.date_to.month
        for _index in range(count):
            months.append(date(year, month, 1))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return list(reversed(months))
