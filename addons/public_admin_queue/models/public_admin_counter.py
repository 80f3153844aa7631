import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError


class PublicAdminCounter(models.Model):
    _inherit = "public_admin.counter"

    queue_service_ids = fields.Many2many(
        "public_admin.queue.service",
        "public_admin_counter_queue_service_rel",
        "counter_id",
        "service_id",
        string="Services",
        help="The services whose tickets this counter calls (every day, unless the rota says otherwise).",
    )
    queue_rota_ids = fields.One2many("public_admin.queue.rota", "counter_id", string="Rota")
    queue_ticket_id = fields.Many2one(
        "public_admin.queue.ticket",
        string="Current ticket",
        compute="_compute_queue_ticket_id",
        help="The ticket called or being served at this counter.",
    )

    queue_ticket_state = fields.Selection(
        [("called", "Called"), ("serving", "Being served")], string="Ticket status", compute="_compute_queue_ticket_id"
    )
    queue_ticket_procedure_id = fields.Many2one(
        "public_admin.procedure", string="Procedure", compute="_compute_queue_ticket_id"
    )
    queue_waiting_count = fields.Integer(string="Waiting", compute="_compute_queue_ticket_id")

    def _compute_queue_ticket_id(self):
        Ticket = self.env["public_admin.queue.ticket"]
        for counter in self:
            counter.queue_ticket_id = Ticket.search(
                [("counter_id", "=", counter.id), ("state", "in", ("called", "serving"))],
                order="date_called desc",
                limit=1,
            )
            counter.queue_ticket_state = counter.queue_ticket_id.state
            counter.queue_ticket_procedure_id = counter.queue_ticket_id.procedure_id
            counter.queue_waiting_count = Ticket._waiting_count(counter)

    def _queue_local_now(self):
        self.ensure_one()
        tz = pytz.timezone(self.reception_centre_id.calendar_id.tz or "Asia/Ho_Chi_Minh")
        return pytz.utc.localize(self.env["public_admin.queue.ticket"]._now()).astimezone(tz)

    def _queue_rota_today(self):
        self.ensure_one()
        weekday = str(self._queue_local_now().weekday())
        return self.queue_rota_ids.filtered(lambda line: line.weekday == weekday)

    def _queue_services_today(self):
        """The services whose tickets this counter calls today: the rota's, else its own."""
        self.ensure_one()
        rota = self._queue_rota_today()
        return rota.service_ids if rota else self.queue_service_ids

    # ------------------------------------------------------------------ the officer's screen
    def _check_my_counter(self):
        self.ensure_one()
        if self.env["public_admin.queue.ticket"]._my_counter() != self:
            raise UserError(self.env._("You do not sit at %(counter)s.", counter=self.display_name))

    def _reload(self):
        return {"type": "ir.actions.client", "tag": "soft_reload"}

    def action_queue_call_next(self):
        self._check_my_counter()
        self.env["public_admin.queue.ticket"].action_call_next()
        return self._reload()

    def _queue_current(self):
        self._check_my_counter()
        if not self.queue_ticket_id:
            raise UserError(self.env._("No ticket is at your counter: call the next one."))
        return self.queue_ticket_id

    def action_queue_recall(self):
        self._queue_current().action_recall()
        return self._reload()

    def action_queue_no_show(self):
        self._queue_current().action_no_show()
        return self._reload()

    def action_queue_done(self):
        self._queue_current().action_done()
        return self._reload()

    def action_queue_serve(self):
        return self._queue_current().action_open_reception()

    def action_queue_transfer(self):
        ticket = self._queue_current()
        return ticket.action_open_wizard("transfer")

    @api.model
    def action_open_my_counter(self):
        """The officer's counter screen: the ticket at the desk and the calling buttons."""
        counter = self.env["public_admin.queue.ticket"]._my_counter()
        return {
            "type": "ir.actions.act_window",
            "name": counter.display_name,
            "res_model": "public_admin.counter",
            "res_id": counter.id,
            "view_mode": "form",
            "views": [(self.env.ref("public_admin_queue.public_admin_counter_view_form_queue").id, "form")],
            "target": "current",
        }
