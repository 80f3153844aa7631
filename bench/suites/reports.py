"""Reports and national indicators against the bare-SQL aggregate floor.

Discovered by the benchmark command as ``bench/suites/reports.py``: ``run(env, options)`` with a
superuser ``env`` on a database already filled with dossiers, ``options["repeat"]`` runs of
each measure; returns one row per measure, its median time beside the median time PostgreSQL
takes for the bare aggregate query on the same rows (the floor), and their ratio. Issue 12
asks every report and indicator to stay within 3× its floor at one million dossiers.

The floors:
- the statistics report (form 06): the same conditional counts written by hand in one SQL
  statement, grouped by agency (what the ORM-built query must not be much slower than);
- the indicators and the manager's day: one ``count(*)`` with a ``FILTER`` over the dossiers
  of the period (the indicators on procedures count a catalogue of a thousand rows, and would
  be measured against nothing otherwise).
"""

import statistics
import time
from datetime import timedelta

from odoo import fields

from odoo.addons.public_admin_centre.tools.report_period import ReportPeriod

FORM_06_FLOOR = """
    SELECT d.agency_id,
           count(*) FILTER (WHERE d.date_received >= %(start)s),
           count(*) FILTER (WHERE d.date_received >= %(start)s AND d.channel = 'online'),
           count(*) FILTER (WHERE d.date_received < %(start)s
                            AND (d.date_finished IS NULL OR d.date_finished >= %(start)s)
                            AND (d.date_closed IS NULL OR d.date_closed >= %(start)s)),
           count(*) FILTER (WHERE d.date_finished >= %(start)s AND d.date_finished < %(end)s),
           count(*) FILTER (WHERE d.date_finished >= %(start)s AND d.date_finished < %(end)s
                            AND d.timeliness = 'late'),
           count(*) FILTER (WHERE (d.date_finished IS NULL OR d.date_finished >= %(end)s)
                            AND (d.date_closed IS NULL OR d.date_closed >= %(end)s)),
           count(*) FILTER (WHERE (d.date_finished IS NULL OR d.date_finished >= %(end)s)
                            AND (d.date_closed IS NULL OR d.date_closed >= %(end)s)
                            AND d.date_due < %(end)s),
           count(*) FILTER (WHERE d.state = 'refused' AND d.date_closed >= %(start)s AND d.date_closed < %(end)s)
      FROM public_admin_dossier d
     WHERE d.date_received IS NOT NULL AND d.date_received < %(end)s
  GROUP BY d.agency_id
"""
DOSSIER_FLOOR = """
    SELECT count(*), count(*) FILTER (WHERE channel = 'online')
      FROM public_admin_dossier
     WHERE date_received < %(end)s
       AND (date_received >= %(start)s OR date_finished IS NULL OR date_finished >= %(start)s)
"""


DOSSIER_FLOOR_NAME = "bare SQL: count of the period's dossiers"


def _median(function, repeat, env=None):
    times = []
    for _index in range(max(1, repeat)):
        if env is not None:
            env.invalidate_all()
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _row(measure, value, baseline, baseline_value):
    return {
        "measure": measure,
        "value": value,
        "unit": "s",
        "baseline": baseline,
        "baseline_value": baseline_value,
        "ratio": value / baseline_value if baseline_value else 0.0,
    }


def _period(env, options):
    """The last twelve months before the latest reception in the data (or before today)."""
    env.cr.execute("SELECT max(date_received) FROM public_admin_dossier")
    latest = env.cr.fetchone()[0]
    date_to = (latest or fields.Datetime.now()).date()
    days = int(options.get("period_days", 365))
    return ReportPeriod.from_dates(date_to - timedelta(days=days - 1), date_to, env["public_admin.agency"])


def run(env, options):
    repeat = int(options.get("repeat", 5))
    period = _period(env, options)
    params = {"start": period.start_utc, "end": period.end_utc}

    def sql(query):
        return lambda: (env.cr.execute(query, params), env.cr.fetchall())

    rows = []
    form_06_floor = _median(sql(FORM_06_FLOOR), repeat)
    dossier_floor = _median(sql(DOSSIER_FLOOR), repeat)

    Report = env["public_admin.statistics.report"]
    for group_by in ("agency", "sector", "procedure"):
        value = _median(lambda g=group_by: Report._compute_figures(period, g), repeat, env)
        rows.append(_row(f"form 06 by {group_by}", value, "bare SQL: form 06 counts by agency", form_06_floor))

    engine = env["public_admin.indicator.engine"]
    for indicator in env["public_admin.indicator"].search([]):
        if not engine._measure_method(indicator):
            continue
        value = _median(lambda i=indicator: engine._evaluate(i, period), repeat, env)
        rows.append(_row(f"indicator {indicator.code}", value, DOSSIER_FLOOR_NAME, dossier_floor))

    # The figures of the manager's day (a dozen counts), not the writing of its tiles.
    dashboard = env["public_admin.manager.dashboard"].create({})
    today = ReportPeriod.from_dates(period.date_to, period.date_to, period.agencies)
    value = _median(lambda: dashboard._dashboard_sections(today), repeat, env)
    rows.append(_row("manager's day", value, DOSSIER_FLOOR_NAME, dossier_floor))
    return rows
