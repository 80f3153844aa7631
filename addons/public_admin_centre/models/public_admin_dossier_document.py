from odoo import api, fields, models

from .public_admin_procedure_document import COPY_TYPES


class PublicAdminDossierDocument(models.Model):
    _name = "public_admin.dossier.document"
    _description = "Document of a dossier"
    _order = "dossier_id, sequence, id"

    dossier_id = fields.Many2one("public_admin.dossier", required=True, ondelete="cascade", index=True)
    procedure_document_id = fields.Many2one("public_admin.procedure.document", string="Checklist line")
    sequence = fields.Integer(related="procedure_document_id.sequence", store=True)
    name = fields.Char(required=True)
    copies = fields.Integer(default=1)
    copy_type = fields.Selection(
        COPY_TYPES,
        string="Kind of copy",
        default="original",
    )
    is_required = fields.Boolean(string="Required")
    is_conditional = fields.Boolean(string="Conditional", help="Needed only in some cases: never enforced.")
    condition = fields.Char(help="When the document is needed.")
    is_received = fields.Boolean(string="Handed in")
    date_received = fields.Datetime(readonly=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "public_admin_dossier_document_attachment_rel",
        "document_id",
        "attachment_id",
        string="Files",
    )
    attachment_count = fields.Integer(compute="_compute_attachment_count")
    note = fields.Char(help="What is missing or wrong, for a supplement request.")

    def _is_enforced(self):
        """Required of every applicant: reception checks that it was handed in."""
        self.ensure_one()
        return self.is_required and not self.is_conditional

    @api.depends("attachment_ids")
    def _compute_attachment_count(self):
        for document in self:
            document.attachment_count = len(document.attachment_ids)
