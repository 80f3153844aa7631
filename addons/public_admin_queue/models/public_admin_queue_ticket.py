import secrets

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

PRIORITY_GROUPS = [
    ("elderly", "Elderly person"),
    ("disabled", "Person with a disability"),
    ("pregnant", "Pregnant woman"),
    ("infant", "Person with a young child"),
    ("other", "Other legal priority"),
]
# The fields only the queue's own actions write (call, recall, skip, transfer...).
ACTION_FIELDS = {
    "name",
    "number",
    "service_id",
    "day",
    "state",
    "counter_id",
    "user_id",
    "target_counter_id",
    "date_issued",
    "date_queued",
    "date_called",
    "date_first_called",
    "date_serving",
    "date_done",
    "call_count",
    "dossier_id",
    "is_priority",
    "priority_group",
    "priority_user_id",
    "access_token",
}


class PublicAdminQueueTicket(models.Model):
    """A ticket of the waiting room: a number of a service, taken at the kiosk.

    The ticket waits, is called to a counter (by "call next" only: no officer picks a ticket of
    their choice), is served (which opens the reception of a dossier) and is done; a citizen who
    does not come when called is a no-show, reactivated if they come back the same day.
    """

    _name = "public_admin.queue.ticket"
    _description = "Waiting-room ticket"
    _order = "day desc, date_issued desc, id desc"

    name = fields.Char(string="Ticket", required=True, readonly=True, index=True)
    number = fields.Integer(string="Number of the day", required=True, readonly=True)
    service_id = fields.Many2one(
        "public_admin.queue.service", required=True, readonly=True, index=True, ondelete="restrict"
    )
    reception_centre_id = fields.Many2one(related="service_id.reception_centre_id", store=True, index=True)
    day = fields.Date(required=True, readonly=True, index=True, help="The local day the ticket was taken.")
    state = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("called", "Called"),
            ("serving", "Being served"),
            ("done", "Done"),
            ("no_show", "No-show"),
        ],
        default="waiting",
        required=True,
        readonly=True,
        index=True,
    )
    counter_id = fields.Many2one("public_admin.counter", readonly=True, index=True)
    user_id = fields.Many2one("res.users", string="Officer", readonly=True, index=True)
    target_counter_id = fields.Many2one(
        "public_admin.counter", string="Transferred to counter", readonly=True, help="Only this counter calls it."
    )
    note = fields.Char(help="Left by the officer who transferred the ticket.")
    date_issued = fields.Datetime(string="Taken at", required=True, readonly=True)
    date_queued = fields.Datetime(
        string="Queued since",
        required=True,
        readonly=True,
        help="Its place in the queue: the time it was taken, kept through transfers and reactivation.",
    )
    date_called = fields.Datetime(string="Last called at", readonly=True)
    date_first_called = fields.Datetime(string="First called at", readonly=True)
    date_serving = fields.Datetime(string="Serving started at", readonly=True)
    date_done = fields.Datetime(string="Done at", readonly=True)
    call_count = fields.Integer(string="Calls", readonly=True)
    wait_minutes = fields.Float(string="Waiting time (min)", compute="_compute_durations", store=True, aggregator="avg")
    serve_minutes = fields.Float(
        string="Serving time (min)", compute="_compute_durations", store=True, aggregator="avg"
    )
    hour = fields.Integer(string="Hour taken", compute="_compute_hour", store=True, aggregator=None)
    procedure_id = fields.Many2one("public_admin.procedure", readonly=True)
    dossier_id = fields.Many2one("public_admin.dossier", readonly=True, index="btree_not_null")
    is_priority = fields.Boolean(string="Priority", readonly=True, default=False)
    priority_group = fields.Selection(PRIORITY_GROUPS, readonly=True)
    priority_user_id = fields.Many2one("res.users", string="Priority marked by", readonly=True)
    device_id = fields.Many2one("public_admin.device", string="Kiosk", readonly=True)
    access_token = fields.Char(
        copy=False, readonly=True, groups="base.group_user", default=lambda self: secrets.token_urlsafe(16)
    )
    phone = fields.Char(string="Phone for SMS", groups="public_admin_centre.group_front_desk")
    is_sms_sent = fields.Boolean(readonly=True)
    log_ids = fields.One2many("public_admin.queue.ticket.log", "ticket_id", string="History", readonly=True)

    _sql_constraints = [
        ("name_unique", "UNIQUE(reception_centre_id, day, name)", "A ticket number is issued once a day in a centre."),
        ("token_unique", "UNIQUE(access_token)", "Two tickets cannot share a token."),
    ]

    @api.depends("date_issued", "date_first_called", "date_serving", "date_done")
    def _compute_durations(self):
        for ticket in self:
            ticket.wait_minutes = (
                (ticket.date_first_called - ticket.date_issued).total_seconds() / 60
                if ticket.date_first_called and ticket.date_issued
                else 0.0
            )
            ticket.serve_minutes = (
                (ticket.date_done - ticket.date_serving).total_seconds() / 60
                if ticket.date_done and ticket.date_serving
                else 0.0
            )

    @api.depends("date_issued", "service_id")
    def _compute_hour(self):
        for ticket in self:
            ticket.hour = ticket._local(ticket.date_issued).hour if ticket.date_issued else 0

    def _tz(self):
        calendar = self.service_id.reception_centre_id.calendar_id if self else False
        return pytz.timezone((calendar and calendar.tz) or "Asia/Ho_Chi_Minh")

    def _local(self, value):
        return pytz.utc.localize(value).astimezone(self[:1]._tz())

    def _now(self):
        """Now (naive UTC); the demo player passes its own clock, as for dossiers."""
        clock = self.env.context.get("public_admin_clock")
        return clock() if clock else fields.Datetime.now()

    def write(self, vals):
        if ACTION_FIELDS & set(vals) and not self.env.context.get("public_admin_queue_action") and not self.env.su:
            raise UserError(self.env._("A ticket changes only through the counter's actions (call next, done…)."))
        return super().write(vals)

    def _write_action(self, vals):
        """Write what an action decided, after the action checked the user's rights."""
        return self.sudo().with_context(public_admin_queue_action=True).write(vals)

    def _log(self, action, note=None, counter=None):
        self.env["public_admin.queue.ticket.log"].sudo().create(
            [
                {
                    "ticket_id": ticket.id,
                    "action": action,
                    "date": self._now(),
                    "user_id": self.env.user.id,
                    "counter_id": (counter or ticket.counter_id).id,
                    "note": note,
                }
                for ticket in self
            ]
        )

    def _state_label(self):
        return dict(self._fields["state"]._description_selection(self.env)).get(self.state, "")
