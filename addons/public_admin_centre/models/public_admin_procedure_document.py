from odoo import api, fields, models

from ..tools import conditional_clause

COPY_TYPES = [
    ("original", "Original"),
    ("certified", "Certified copy"),
    ("photocopy", "Photocopy"),
    ("original_or_certified", "Original or certified copy"),
]


class PublicAdminProcedureDocument(models.Model):
    _name = "public_admin.procedure.document"
    _description = "Document required by a procedure"
    _order = "procedure_id, sequence, id"

    procedure_id = fields.Many2one("public_admin.procedure", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    copies = fields.Integer(default=1, help="Number of copies of this document in one set.")
    copy_type = fields.Selection(
        COPY_TYPES,
        string="Kind of copy",
        default="original",
        required=True,
    )
    is_required = fields.Boolean(string="Required", default=True)
    is_conditional = fields.Boolean(
        string="Conditional",
        help="Needed only for some applicants or cases: shown with its condition, never enforced, "
        "neither online nor at reception. Lines whose text reads as a condition (“trường hợp…”, "
        "“đối với…”, “nếu có”) are marked so when they are created.",
    )
    condition = fields.Char(
        translate=True,
        help="When the document is needed, as the applicant reads it, e.g. “đối với người nước ngoài”.",
    )
    template_file = fields.Binary(string="Template", attachment=True)
    template_filename = fields.Char()
    template_name = fields.Char(
        string="Form named",
        help="The form the national database names for this document, when its file is not attached.",
    )
    note = fields.Char()

    _sql_constraints = [("copies_positive", "CHECK(copies >= 0)", "The number of copies cannot be negative.")]

    @api.model
    def _apply_conditional_default(self, vals):
        """Mark the line conditional when its text reads so, unless the caller said otherwise."""
        clause = conditional_clause(vals.get("name"))
        if clause and "is_conditional" not in vals:
            vals["is_conditional"] = True
        if clause and vals.get("is_conditional") and not vals.get("condition"):
            vals["condition"] = clause
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._apply_conditional_default(dict(vals)) for vals in vals_list])

    @api.onchange("name")
    def _onchange_name_conditional(self):
        clause = conditional_clause(self.name)
        if clause and not self.is_conditional:
            self.is_conditional = True
        if clause and self.is_conditional and not self.condition:
            self.condition = clause

    def _is_enforced(self):
        """Required of every applicant: checked online and at reception."""
        self.ensure_one()
        return self.is_required and not self.is_conditional
