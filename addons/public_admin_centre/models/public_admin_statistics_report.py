from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from ..tools.report_period import ReportPeriod

# The columns of the report, in the order of the official form (Biểu số 06/VPCP/KSTT, Circular
# 01/2020/TT-VPCP) then the ones it folds away. Every received dossier of the period (and every
# one carried over) falls in exactly one of: resolved, refused, withdrawn, stopped, in progress:
#   carried_over + received = resolved + refused + withdrawn + stopped + in_progress.
# Waiting for a supplement or for a financial obligation are part of "in progress" (the clock is
# stopped, the dossier is still open): shown beside it, never added to it.
REPORT_COLUMNS = [
    "received_total",
    "received_online",
    "received_counter",
    "received_postal",
    "carried_over",
    "resolved_total",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "in_progress_total",
    "in_progress_within",
    "in_progress_overdue",
    "refused",
    "withdrawn",
    "stopped",
    "waiting_supplement",
    "waiting_financial",
]
GROUP_FIELDS = {"agency": "agency_id", "sector": "sector_id", "procedure": "procedure_id"}


def open_at(moment):
    """Received before ``moment`` and neither finished nor closed by then."""
    return [
        ("date_received", "<", moment),
        "|",
        ("date_finished", "=", False),
        ("date_finished", ">=", moment),
        "|",
        ("date_closed", "=", False),
        ("date_closed", ">=", moment),
    ]


def paused_at(moment, reason):
    return [
        (
            "pause_ids",
            "any",
            [
                ("reason", "=", reason),
                ("date_start", "<", moment),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", moment),
            ],
        )
    ]


def column_domains(start, end):
    """The ORM domain of each column for the period [start, end) (naive UTC).

    The same domains count (one SQL query, one FILTER per column) and drill down to the
    dossiers behind a figure, so a figure and its list cannot disagree.
    """
    received = [("date_received", ">=", start), ("date_received", "<", end)]
    finished = [("date_finished", ">=", start), ("date_finished", "<", end)]
    closed = [("date_finished", "=", False), ("date_closed", ">=", start), ("date_closed", "<", end)]
    open_end = open_at(end)
    not_paused = [
        ("pause_ids", "not any", [("date_start", "<", end), "|", ("date_end", "=", False), ("date_end", ">=", end)])
    ]
    overdue = open_end + not_paused + [("date_due", "<", end)]
    late_now = ["&", "&", *not_paused, ("date_due", "!=", False), ("date_due", "<", end)]
    return {
        "received_total": received,
        "received_online": received + [("channel", "=", "online")],
        "received_counter": received + [("channel", "=", "counter")],
        "received_postal": received + [("channel", "=", "postal")],
        "carried_over": open_at(start),
        "resolved_total": finished,
        "resolved_early": finished + [("timeliness", "=", "early")],
        "resolved_on_time": finished + [("timeliness", "=", "on_time")],
        "resolved_late": finished + [("timeliness", "=", "late")],
        "in_progress_total": open_end,
        "in_progress_within": open_end + ["!", *late_now],
        "in_progress_overdue": overdue,
        "refused": closed + [("state", "=", "refused")],
        "withdrawn": closed + [("state", "=", "withdrawn")],
        "stopped": closed + [("state", "=", "stopped")],
        "waiting_supplement": open_end + paused_at(end, "supplement"),
        "waiting_financial": open_end + paused_at(end, "financial"),
    }


class PublicAdminStatisticsReport(models.Model):
    """The periodic statistics report (Biểu số 06/VPCP/KSTT): results of handling procedures.

    Computed in one SQL query over the dossiers' stored dates (received, finished, closed,
    appointment, timeliness) and clock stops, grouped by lead agency, sector or procedure: an
    inter-agency dossier counts once, under the agency that leads it. A closed period is locked
    as a snapshot; the next period's “carried over” is checked against its “in progress”.
    """

    _name = "public_admin.statistics.report"
    _description = "Statistics report on the handling of procedures"
    _inherit = ["mail.thread", "public_admin.report.scope.mixin"]
    _order = "date_from desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    date_from = fields.Date(
        string="From", required=True, default=lambda self: fields.Date.context_today(self).replace(day=1)
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    group_by = fields.Selection(
        [("agency", "Agency"), ("sector", "Sector"), ("procedure", "Procedure")],
        string="One line per",
        required=True,
        default="agency",
    )
    agency_ids = fields.Many2many(
        "public_admin.agency",
        string="Agencies",
        help="The dossiers led by these agencies and their units. Empty: the whole centre (managers only).",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("locked", "Locked")], default="draft", required=True, readonly=True, tracking=True
    )
    date_computed = fields.Datetime(string="Computed on", readonly=True)
    date_locked = fields.Datetime(string="Locked on", readonly=True)
    locked_by_id = fields.Many2one("res.users", string="Locked by", readonly=True)
    line_ids = fields.One2many("public_admin.statistics.report.line", "report_id", string="Lines", readonly=True)
    total_line_id = fields.Many2one(
        "public_admin.statistics.report.line", compute="_compute_total_line_id", string="Total"
    )
    carry_over_status = fields.Selection(
        [("none", "No locked previous period"), ("ok", "Matches"), ("mismatch", "Does not match")],
        string="Carried over",
        readonly=True,
        default="none",
    )
    carry_over_message = fields.Text(readonly=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for report in self:
            if report.date_from > report.date_to:
                raise ValidationError(self.env._("The period must start before it ends."))

    @api.depends("date_from", "date_to")
    def _compute_name(self):
        for report in self:
            report.name = self.env._(
                "Statistics %(date_from)s - %(date_to)s",
                date_from=report.date_from and report.date_from.strftime("%d/%m/%Y"),
                date_to=report.date_to and report.date_to.strftime("%d/%m/%Y"),
            )

    @api.depends("line_ids.is_total")
    def _compute_total_line_id(self):
        for report in self:
            report.total_line_id = report.line_ids.filtered("is_total")[:1]

    def write(self, vals):
        frozen = {"date_from", "date_to", "agency_ids", "group_by"}
        if self.filtered(lambda r: r.state == "locked") and set(vals) & frozen:
            raise UserError(self.env._("A locked report cannot change: it is the snapshot sent for its period."))
        return super().write(vals)

    def unlink(self):
        if self.filtered(lambda r: r.state == "locked"):
            raise UserError(self.env._("A locked report cannot be deleted."))
        return super().unlink()

    # ------------------------------------------------------------------ period
    def _period(self):
        self.ensure_one()
        return ReportPeriod.from_dates(self.date_from, self.date_to, self.agency_ids)

    # ------------------------------------------------------------------ computation
    @api.model
    def _compute_figures(self, period, group_by="agency"):
        """{group id or False: {column: count}} for the period, in one SQL query.

        Reads the dossiers as the current user (record rules apply), limited to the period's
        agencies; nothing is loaded into Python but the counts.
        """
        Dossier = self.env["public_admin.dossier"]
        Dossier.flush_model()
        self.env["public_admin.dossier.pause"].flush_model()
        base = period.agency_domain() + [("date_received", "!=", False), ("date_received", "<", period.end_utc)]
        query = Dossier._search(base)
        group_column = SQL.identifier(query.table, GROUP_FIELDS[group_by])
        filters = []
        for column, domain in column_domains(period.start_utc, period.end_utc).items():
            where = Dossier._where_calc(domain).where_clause
            filters.append(SQL("COUNT(*) FILTER (WHERE %s) AS %s", where, SQL.identifier(column)))
        query.groupby = group_column
        self.env.cr.execute(query.select(group_column, *filters))
        return {row[0]: dict(zip(REPORT_COLUMNS, row[1:], strict=True)) for row in self.env.cr.fetchall()}

    def action_compute(self):
        self.check_access("write")  # the lines below are replaced as superuser
        self._check_scope()
        for report in self:
            if report.state == "locked":
                raise UserError(self.env._("A locked report is not computed again."))
            figures = self._compute_figures(report._period(), report.group_by)
            group_field = GROUP_FIELDS[report.group_by]
            lines = [
                fields.Command.create(dict(values, **{group_field: key or False, "sequence": 10}))
                for key, values in figures.items()
                if any(values.values())
            ]
            total = {column: sum(values[column] for values in figures.values()) for column in REPORT_COLUMNS}
            lines.append(fields.Command.create(dict(total, is_total=True, sequence=1000)))
            # sudo: the lines are the report's own; write access and scope checked above
            report.sudo().line_ids.unlink()
            report.write({"line_ids": lines, "date_computed": fields.Datetime.now()})
            report._check_carry_over()
        return True

    def action_lock(self):
        for report in self:
            if not report.line_ids:
                report.action_compute()
            if report.date_to >= fields.Date.context_today(self):
                raise UserError(self.env._("Only a period that has ended can be locked."))
        self.write({"state": "locked", "date_locked": fields.Datetime.now(), "locked_by_id": self.env.user.id})
        for report in self:
            report.message_post(body=self.env._("Report locked as the snapshot of its period."))
        return True

    def action_unlock(self):
        if not self.env.user.has_group("public_admin_centre.group_centre_manager"):
            raise AccessError(self.env._("Only a centre manager may unlock a report."))
        self.write({"state": "draft", "date_locked": False, "locked_by_id": False})
        for report in self:
            report.message_post(body=self.env._("Report unlocked."))
        return True

    def _previous_locked(self):
        self.ensure_one()
        candidates = self.search(
            [
                ("state", "=", "locked"),
                ("date_to", "=", self.date_from - timedelta(days=1)),
                ("company_id", "=", self.company_id.id),
                ("id", "!=", self.id),
            ],
            order="date_locked desc",
        )
        return candidates.filtered(lambda r: r.agency_ids == self.agency_ids)[:1]

    def _check_carry_over(self):
        """The carried over of this period against the in progress of the locked period before."""
        for report in self:
            previous = report._previous_locked()
            if not previous:
                report.write({"carry_over_status": "none", "carry_over_message": False})
                continue
            expected = previous.total_line_id.in_progress_total
            found = report.total_line_id.carried_over
            if expected == found:
                report.write(
                    {
                        "carry_over_status": "ok",
                        "carry_over_message": self.env._(
                            "Carried over (%(found)s) equals the dossiers in progress at the end of the locked "
                            "report %(report)s.",
                            found=found,
                            report=previous.name,
                        ),
                    }
                )
            else:
                report.write(
                    {
                        "carry_over_status": "mismatch",
                        "carry_over_message": self.env._(
                            "Carried over (%(found)s) differs from the %(expected)s dossiers in progress in the "
                            "locked report %(report)s: dossiers of that period were changed after it was locked.",
                            found=found,
                            expected=expected,
                            report=previous.name,
                        ),
                    }
                )

    # ------------------------------------------------------------------ printing
    def action_print(self):
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        return self.env.ref("public_admin_centre.public_admin_statistics_report_pdf").report_action(self)

    def action_export_xlsx(self):
        self.ensure_one()
        if not self.line_ids:
            self.action_compute()
        return self.env.ref("public_admin_centre.public_admin_statistics_report_xlsx").report_action(self)

    def _unit_name(self):
        self.ensure_one()
        return ", ".join(self.agency_ids.mapped("name")) or self.company_id.name
