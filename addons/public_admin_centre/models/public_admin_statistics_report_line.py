from odoo import fields, models

from .public_admin_statistics_report import GROUP_FIELDS, column_domains


class PublicAdminStatisticsReportLine(models.Model):
    """One line of the statistics report: an agency, a sector or a procedure, or the total."""

    _name = "public_admin.statistics.report.line"
    _description = "Line of the statistics report"
    _order = "report_id, sequence, id"

    report_id = fields.Many2one("public_admin.statistics.report", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    is_total = fields.Boolean()
    agency_id = fields.Many2one("public_admin.agency")
    sector_id = fields.Many2one("public_admin.sector")
    procedure_id = fields.Many2one("public_admin.procedure")
    name = fields.Char(compute="_compute_name", string="Line")

    received_total = fields.Integer(string="Received")
    received_online = fields.Integer(string="Received online")
    received_counter = fields.Integer(string="Received at the counter")
    received_postal = fields.Integer(string="Received by post")
    carried_over = fields.Integer()
    resolved_total = fields.Integer(string="Resolved")
    resolved_early = fields.Integer(string="Resolved early")
    resolved_on_time = fields.Integer(string="Resolved on time")
    resolved_late = fields.Integer(string="Resolved late")
    in_progress_total = fields.Integer(string="In progress")
    in_progress_within = fields.Integer(string="In progress within the deadline")
    in_progress_overdue = fields.Integer(string="In progress overdue")
    refused = fields.Integer()
    withdrawn = fields.Integer()
    stopped = fields.Integer()
    waiting_supplement = fields.Integer(string="Waiting for a supplement")
    waiting_financial = fields.Integer(string="Waiting for a financial obligation")

    def _compute_name(self):
        for line in self:
            if line.is_total:
                line.name = self.env._("Total")
            else:
                record = line.agency_id or line.sector_id or line.procedure_id
                line.name = record.display_name or self.env._("Not set")

    def _dossier_domain(self, column):
        self.ensure_one()
        report = self.report_id
        period = report._period()
        domain = period.agency_domain() + [("date_received", "!=", False)]
        domain += column_domains(period.start_utc, period.end_utc)[column]
        if not self.is_total:
            group_field = GROUP_FIELDS[report.group_by]
            domain.append((group_field, "=", self[group_field].id))
        return domain

    def action_open_dossiers(self):
        """The dossiers behind one figure of the line (the column comes in the context)."""
        self.ensure_one()
        column = self.env.context.get("statistics_column")
        if column not in self._fields or not isinstance(self._fields[column], fields.Integer):
            raise ValueError(column)
        return {
            "type": "ir.actions.act_window",
            "name": f"{self.name}: {self._fields[column].get_description(self.env)['string']}",
            "res_model": "public_admin.dossier",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": self._dossier_domain(column),
            "context": {"create": False},
        }
