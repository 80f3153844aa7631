from odoo import fields, models
from odoo.tools import SQL


class PublicAdminQueueTicketCounter(models.Model):
    """Last ticket number of a service on a local day, bumped by an atomic upsert.

    As the dossier code counter (``public_admin.dossier.counter``): two kiosks issuing at once
    never get the same number; the second waits for the first's row lock and, under repeatable
    read, fails to serialize and is retried by Odoo with the next number.
    """

    _name = "public_admin.queue.ticket.counter"
    _description = "Daily ticket counter of a service"
    _log_access = False

    service_id = fields.Many2one("public_admin.queue.service", required=True, ondelete="cascade", index=True)
    day = fields.Date(required=True)
    last_number = fields.Integer(required=True, default=0)

    _sql_constraints = [("service_day_uniq", "unique(service_id, day)", "One counter per service and day.")]

    def _next_number(self, service, day):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO public_admin_queue_ticket_counter (service_id, day, last_number)
                VALUES (%(service)s, %(day)s, 1)
                ON CONFLICT (service_id, day)
                DO UPDATE SET last_number = public_admin_queue_ticket_counter.last_number + 1
                RETURNING last_number
                """,
                service=service.id,
                day=day,
            )
        )
        return self.env.cr.fetchone()[0]
