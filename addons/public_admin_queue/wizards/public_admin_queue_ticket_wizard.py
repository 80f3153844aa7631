from odoo import fields, models

from ..models.public_admin_queue_ticket import PRIORITY_GROUPS


class PublicAdminQueueTicketWizard(models.TransientModel):
    """Transfer a ticket to another service or counter, or mark it as priority."""

    _name = "public_admin.queue.ticket.wizard"
    _description = "Transfer or prioritise a ticket"

    mode = fields.Selection([("transfer", "Transfer"), ("priority", "Priority")], required=True, default="transfer")
    ticket_id = fields.Many2one("public_admin.queue.ticket", required=True, readonly=True)
    reception_centre_id = fields.Many2one(related="ticket_id.reception_centre_id")
    service_id = fields.Many2one(
        "public_admin.queue.service", string="To service", domain="[('reception_centre_id', '=', reception_centre_id)]"
    )
    counter_id = fields.Many2one(
        "public_admin.counter", string="To counter", domain="[('reception_centre_id', '=', reception_centre_id)]"
    )
    note = fields.Char()
    priority_group = fields.Selection(PRIORITY_GROUPS, default="elderly")

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "priority":
            self.ticket_id.action_mark_priority(self.priority_group)
        else:
            self.ticket_id.action_transfer(service=self.service_id, counter=self.counter_id, note=self.note)
        return {"type": "ir.actions.act_window_close"}
