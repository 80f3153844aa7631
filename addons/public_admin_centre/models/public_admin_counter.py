from odoo import fields, models


class PublicAdminCounter(models.Model):
    """A service desk (quầy) of a reception centre.

    The counter is where a citizen is served: the front desk receives dossiers and returns
    results there. The suite records which counter received and returned each dossier, so that
    figures per counter, the satisfaction kiosk of a counter and the waiting room's calls all
    speak of the same desk.
    """

    _name = "public_admin.counter"
    _description = "Counter of a reception centre"
    _order = "reception_centre_id, number, id"

    name = fields.Char(required=True, help="As shown above the desk, e.g. “Quầy 3 – Tư pháp, Hộ tịch”.")
    number = fields.Integer(required=True, help="The number citizens are called to.")
    reception_centre_id = fields.Many2one(
        "public_admin.agency",
        string="Reception centre",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("is_reception_centre", "=", True)],
    )
    agency_ids = fields.Many2many(
        "public_admin.agency",
        "public_admin_counter_agency_rel",
        "counter_id",
        "agency_id",
        string="Agencies served",
        help="Agencies whose procedures are received at this counter; empty for a general counter.",
    )
    user_ids = fields.One2many("res.users", "public_admin_counter_id", string="Seated here now")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "number_unique_per_centre",
            "UNIQUE(reception_centre_id, number)",
            "Two counters of one reception centre cannot have the same number.",
        ),
        ("number_positive", "CHECK(number > 0)", "A counter number is a positive number."),
    ]
