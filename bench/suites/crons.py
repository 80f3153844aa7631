"""The scheduled jobs over the whole database: the overdue update and the reminders.

Before timing, every running dossier is unflagged, so that the overdue update has the work of
a day when the job did not run (at a million dossiers: tens of thousands to flag). Each job is
called as ir.cron calls it, batch after batch, until it says nothing remains. Peak memory is
the process's resident set (VmHWM, reset before each job); a job that loaded every record
would show here. Baseline: a bare SQL ``UPDATE`` flagging the same dossiers, the floor.
"""

import time
from pathlib import Path


def _reset_peak():
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def _peak_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _unflag(cr):
    cr.execute(
        "UPDATE public_admin_dossier SET is_overdue = false WHERE is_overdue AND state IN ('received', 'in_progress')"
    )
    return cr.rowcount


def _as_committed(env):
    """What ir.cron's commit between two calls does to the process, without committing: the
    pending tracking and hooks run or are dropped, the cache is emptied. Without it, a
    rolled-back run would pile up every batch's hooks in memory."""
    env.flush_all()
    env.cr.precommit.run()
    env.cr.postcommit.clear()  # emails sent after commit: not part of the job's cost here
    env.invalidate_all()


def run(env, options):
    cr = env.cr
    Dossier = env["public_admin.dossier"].with_context(tracking_disable=False)
    env.flush_all()
    rows = []

    # Floor: one UPDATE doing the same.
    flagged = _unflag(cr)
    start = time.perf_counter()
    cr.execute(
        """UPDATE public_admin_dossier SET is_overdue = true
            WHERE state IN ('received', 'in_progress') AND NOT is_overdue AND date_due < now() AT TIME ZONE 'UTC'"""
    )
    floor = time.perf_counter() - start
    expected = cr.rowcount

    _unflag(cr)
    env.invalidate_all()
    _reset_peak()
    base_rss = _rss_mb()
    start = time.perf_counter()
    batches = done = 0
    while True:
        batch = Dossier._cron_update_overdue()
        _as_committed(env)
        batches += 1
        done += len(batch)
        if not batch or batches > 100000:
            break
    elapsed = time.perf_counter() - start
    peak = _peak_mb() - base_rss
    rows.append(
        {
            "measure": f"overdue update cron: {done} dossiers in {batches} batches",
            "value": elapsed,
            "unit": "s",
            "baseline": f"one SQL UPDATE of {expected} rows (before: {flagged} flagged)",
            "baseline_value": floor,
            "ratio": elapsed / floor if floor else 0.0,
        }
    )
    rows.append(
        {
            "measure": "overdue update cron: peak memory above start",
            "value": max(peak, 0.0),
            "unit": "MB",
            "baseline": "",
            "baseline_value": 0.0,
            "ratio": 0.0,
        }
    )

    env.invalidate_all()
    _reset_peak()
    base_rss = _rss_mb()
    start = time.perf_counter()
    batches = reminded = 0
    # Called once per batch as ir.cron does while the job reports work remaining.
    from odoo.addons.base.models.ir_cron import ir_cron  # noqa: PLC0415

    progress = {}

    def notify(self, *, done, remaining, deactivate=False):
        progress.update(done=done, remaining=remaining)

    original = ir_cron._notify_progress
    ir_cron._notify_progress = notify
    try:
        while batches < int(options.get("reminder_batches", 20)):
            progress.clear()
            reminded += Dossier._cron_send_reminders() or 0
            _as_committed(env)
            batches += 1
            if not progress.get("remaining"):
                break
    finally:
        ir_cron._notify_progress = original
    elapsed = time.perf_counter() - start
    peak = _peak_mb() - base_rss
    rows.append(
        {
            "measure": f"reminders cron: {reminded} dossiers in {batches} batches",
            "value": elapsed,
            "unit": "s",
            "baseline": "",
            "baseline_value": 0.0,
            "ratio": 0.0,
        }
    )
    rows.append(
        {
            "measure": "reminders cron: peak memory above start",
            "value": max(peak, 0.0),
            "unit": "MB",
            "baseline": "",
            "baseline_value": 0.0,
            "ratio": 0.0,
        }
    )
    return rows
