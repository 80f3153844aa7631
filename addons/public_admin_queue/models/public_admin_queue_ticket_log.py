from odoo import fields, models

ACTIONS = [
    ("issue", "Issued"),
    ("call", "Called"),
    ("recall", "Recalled"),
    ("skip", "No-show"),
    ("reactivate", "Reactivated"),
    ("transfer", "Transferred"),
    ("start", "Serving started"),
    ("done", "Done"),
    ("priority", "Marked as priority"),
]


class PublicAdminQueueTicketLog(models.Model):
    """What happened to a ticket, by whom and at which counter: recalls and skips per officer."""

    _name = "public_admin.queue.ticket.log"
    _description = "Waiting-room ticket event"
    _order = "date desc, id desc"

    ticket_id = fields.Many2one("public_admin.queue.ticket", required=True, ondelete="cascade", index=True)
    reception_centre_id = fields.Many2one(related="ticket_id.reception_centre_id", store=True)
    action = fields.Selection(ACTIONS, required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="Officer", default=lambda self: self.env.user, index=True)
    counter_id = fields.Many2one("public_admin.counter")
    note = fields.Char()
