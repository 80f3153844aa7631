import pytz

from odoo import api, fields, models


class PublicAdminDossierStep(models.Model):
    """A step of a dossier at one agency; its rows make the process control sheet."""

    _name = "public_admin.dossier.step"
    _description = "Step of a dossier"
    _order = "dossier_id, sequence, id"

    dossier_id = fields.Many2one("public_admin.dossier", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    role = fields.Selection(
        [("reception", "Front desk"), ("officer", "Officer"), ("head", "Head of agency")], default="officer"
    )
    agency_id = fields.Many2one("public_admin.agency", required=True, index=True)
    user_id = fields.Many2one("res.users", string="Processed by")
    handed_by_id = fields.Many2one("res.users", string="Handed over by")
    planned_offset_hours = fields.Float(
        help="Working hours from reception by which this step must be done, as planned by the procedure."
    )
    date_start = fields.Datetime(string="Handed over on")
    date_accepted = fields.Datetime(string="Taken on")
    date_deadline = fields.Datetime(string="Step deadline")
    date_done = fields.Datetime(string="Done on")
    timeliness = fields.Selection(
        [("early", "Early"), ("on_time", "On time"), ("late", "Late")], compute="_compute_timeliness", store=True
    )
    note = fields.Char()
    state = fields.Selection(
        [("waiting", "Waiting"), ("current", "Current"), ("done", "Done")], compute="_compute_state"
    )

    @api.depends("date_done", "date_deadline")
    def _compute_timeliness(self):
        for step in self:
            if not step.date_done or not step.date_deadline:
                step.timeliness = False
            elif step.date_done > step.date_deadline:
                step.timeliness = "late"
            else:
                tz = step.dossier_id._local_tz()
                done_day = pytz.utc.localize(step.date_done).astimezone(tz).date()
                due_day = pytz.utc.localize(step.date_deadline).astimezone(tz).date()
                step.timeliness = "early" if done_day < due_day else "on_time"

    @api.depends("date_done", "dossier_id.current_step_id")
    def _compute_state(self):
        for step in self:
            if step.date_done:
                step.state = "done"
            elif step.dossier_id.current_step_id == step:
                step.state = "current"
            else:
                step.state = "waiting"

    def _mark_done(self):
        for step in self:
            step.date_done = step.dossier_id._now()
