from odoo import fields, models

from .public_admin_procedure import PROCESSING_TIME_UNITS

CHANNELS = [("counter", "At the counter"), ("online", "Online"), ("postal", "By post")]


class PublicAdminProcedureChannelTime(models.Model):
    """The processing time the national database publishes for one channel of a procedure
    ("Trực tuyến: 5 Ngày làm việc; Trực tiếp: 20 Ngày làm việc")."""

    _name = "public_admin.procedure.channel.time"
    _description = "Processing time of a procedure by channel"
    _order = "procedure_id, sequence, id"

    procedure_id = fields.Many2one("public_admin.procedure", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    channel = fields.Selection(CHANNELS, required=True)
    text = fields.Char(string="As published")
    amount = fields.Float(string="Time")
    unit = fields.Selection(
        PROCESSING_TIME_UNITS,
        string="Time unit",
        help="Empty when the published text gives no usable time: the dossiers of this channel then "
        "count the procedure's time.",
    )

    _sql_constraints = [("amount_positive", "CHECK(amount >= 0)", "A processing time cannot be negative.")]

    def _is_usable(self):
        self.ensure_one()
        return bool(self.unit) and (self.amount > 0 or self.unit == "same_day")
