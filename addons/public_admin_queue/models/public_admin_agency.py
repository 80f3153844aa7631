from odoo import fields, models


class PublicAdminAgency(models.Model):
    _inherit = "public_admin.agency"

    queue_priority_policy = fields.Selection(
        [("strict", "Priority tickets first"), ("weighted", "Priority weighed against waiting time")],
        string="Priority order",
        default="strict",
        required=True,
        help="Strict: a priority ticket (elderly, disabled, pregnant, with an infant) is called before "
        "every other one. Weighed: it counts as if it had waited the bonus minutes longer, so that "
        "people who have waited long are not passed over forever.",
    )
    queue_priority_bonus = fields.Integer(
        string="Priority bonus (minutes)",
        default=20,
        help="With the weighed order, how many minutes of waiting a priority ticket is worth.",
    )
    queue_sms_ahead = fields.Integer(
        string="SMS when people ahead",
        default=3,
        help="A citizen who leaves a phone number at the kiosk gets an SMS when this many people "
        "are ahead of them (0: no SMS).",
    )
