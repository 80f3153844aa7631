from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEEKDAYS = [
    ("0", "Monday"),
    ("1", "Tuesday"),
    ("2", "Wednesday"),
    ("3", "Thursday"),
    ("4", "Friday"),
    ("5", "Saturday"),
    ("6", "Sunday"),
]


class PublicAdminQueueRota(models.Model):
    """Who sits at a counter on a given weekday, and which services it serves that day.

    Departments with few procedures share a counter on given days: a counter with rota lines for
    today serves the services of those lines; without, it serves its own services every day.
    """

    _name = "public_admin.queue.rota"
    _description = "Counter rota"
    _order = "counter_id, weekday, id"

    counter_id = fields.Many2one("public_admin.counter", required=True, ondelete="cascade", index=True)
    reception_centre_id = fields.Many2one(related="counter_id.reception_centre_id", store=True)
    weekday = fields.Selection(WEEKDAYS, required=True)
    user_id = fields.Many2one("res.users", string="Officer", help="Who sits at the counter that day.")
    service_ids = fields.Many2many("public_admin.queue.service", string="Services", required=True)

    @api.constrains("service_ids", "counter_id")
    def _check_services_of_centre(self):
        for line in self:
            if line.service_ids.reception_centre_id - line.counter_id.reception_centre_id:
                raise ValidationError(self.env._("A counter serves only the services of its own centre."))
