from odoo import api, fields, models


# pylint: disable=consider-merging-classes-inherited
class PublicAdminDossierReportFields(models.Model):
    """Stored measures of a dossier for the manager's pivot and graph views: processing time in
    working hours (clock stops excluded) against the procedure's time, and the on-time rate."""

    _inherit = "public_admin.dossier"

    # The reports count by these dates (finished, closed without result in the period).
    date_finished = fields.Datetime(index=True)
    date_closed = fields.Datetime(index=True)
    processing_hours = fields.Float(
        string="Processing time (working hours)",
        compute="_compute_processing_hours",
        store=True,
        aggregator="avg",
        help="Working hours from reception to the end of processing, clock stops excluded.",
    )
    allowed_hours = fields.Float(
        string="Time allowed (working hours)",
        compute="_compute_processing_hours",
        store=True,
        aggregator="avg",
        help="Working hours from reception to the appointment, clock stops excluded (of finished dossiers).",
    )
    on_time_rate = fields.Float(
        string="On-time rate (%)",
        compute="_compute_on_time_rate",
        store=True,
        aggregator="avg",
        help="100 for a dossier finished early or on time, 0 when late: its average is the on-time rate.",
    )

    # Computed once, when processing ends (the appointment is final then): reception, the hot
    # path of the counter, computes nothing more.
    @api.depends("date_finished")
    def _compute_processing_hours(self):
        engine = self.env["public_admin.deadline"]
        for dossier in self:
            if not dossier.date_received or not dossier.date_finished:
                dossier.processing_hours = dossier.allowed_hours = 0.0
                continue
            calendar = dossier._calendar()
            pauses = dossier._closed_pauses()
            dossier.processing_hours = engine.working_hours_between(
                calendar, dossier.date_received, dossier.date_finished, pauses=pauses
            )
            dossier.allowed_hours = (
                engine.working_hours_between(calendar, dossier.date_received, dossier.date_due, pauses=pauses)
                if dossier.date_due
                else 0.0
            )

    @api.depends("timeliness")
    def _compute_on_time_rate(self):
        for dossier in self:
            dossier.on_time_rate = 100.0 if dossier.timeliness in ("early", "on_time") else 0.0
