from odoo import fields, models


class PublicAdminProcedureStep(models.Model):
    _name = "public_admin.procedure.step"
    _description = "Workflow step of a procedure"
    _order = "procedure_id, sequence, id"

    procedure_id = fields.Many2one("public_admin.procedure", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    agency_id = fields.Many2one(
        "public_admin.agency",
        help="Agency that performs the step; empty means the deciding agency of the procedure.",
    )
    role = fields.Selection(
        [("reception", "Front desk"), ("officer", "Officer"), ("head", "Head of agency")],
        default="officer",
        required=True,
    )
    duration_hours = fields.Float(string="Working hours", default=8.0)

    _sql_constraints = [("duration_positive", "CHECK(duration_hours >= 0)", "A step cannot last a negative time.")]
