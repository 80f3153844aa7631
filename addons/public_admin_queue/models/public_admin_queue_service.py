from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PublicAdminQueueService(models.Model):
    """What a citizen queues for at the kiosk: an agency, or a group of its procedures.

    Each service has a letter (prefix) that opens its ticket numbers (``B-042``) and its own
    daily sequence; counters serve one or several services (``public_admin.counter``).
    """

    _name = "public_admin.queue.service"
    _description = "Waiting-room service"
    _order = "reception_centre_id, sequence, prefix, id"

    name = fields.Char(required=True, translate=True, help="As the kiosk shows it, e.g. “Hộ tịch, chứng thực”.")
    prefix = fields.Char(required=True, size=3, help="Opens the ticket numbers of this service: B gives B-042.")
    sequence = fields.Integer(default=10)
    reception_centre_id = fields.Many2one(
        "public_admin.agency",
        string="Reception centre",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_reception_centre", "=", True)],
    )
    agency_ids = fields.Many2many("public_admin.agency", string="Agencies", help="Agencies whose procedures it covers.")
    procedure_ids = fields.Many2many(
        "public_admin.procedure",
        string="Procedures",
        help="The procedures queued for under this service; empty: every procedure of its agencies.",
    )
    counter_ids = fields.Many2many(
        "public_admin.counter",
        "public_admin_counter_queue_service_rel",
        "service_id",
        "counter_id",
        string="Counters",
    )
    average_minutes = fields.Float(
        string="Usual serving time (minutes)",
        default=8.0,
        help="Used for the estimated wait until the day has served enough tickets to measure it.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "prefix_unique_per_centre",
            "UNIQUE(reception_centre_id, prefix)",
            "Each service of a centre has its own letter.",
        )
    ]

    @api.constrains("prefix")
    def _check_prefix(self):
        for service in self:
            if not (service.prefix or "").isalnum() or not service.prefix.isascii():
                raise ValidationError(self.env._("A service prefix is made of letters or digits, e.g. “B”."))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("prefix"):
                vals["prefix"] = vals["prefix"].strip().upper()
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("prefix"):
            vals["prefix"] = vals["prefix"].strip().upper()
        return super().write(vals)

    def _procedures(self):
        """The procedures in force offered under this service."""
        self.ensure_one()
        if self.procedure_ids:
            return self.procedure_ids.filtered("is_current")
        if not self.agency_ids:
            return self.env["public_admin.procedure"]
        return self.env["public_admin.procedure"].search(
            [("agency_id", "child_of", self.agency_ids.ids), ("is_current", "=", True)], order="name"
        )
