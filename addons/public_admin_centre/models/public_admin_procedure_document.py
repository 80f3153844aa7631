from odoo import fields, models

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
    template_file = fields.Binary(string="Template", attachment=True)
    template_filename = fields.Char()
    template_name = fields.Char(
        string="Form named",
        help="The form the national database names for this document, when its file is not attached.",
    )
    note = fields.Char()

    _sql_constraints = [("copies_positive", "CHECK(copies >= 0)", "The number of copies cannot be negative.")]
