from odoo import api, fields, models


# pylint: disable=consider-merging-classes-inherited
class PublicAdminDossierDigitisation(models.Model):
    """What the digitisation indicators (Decision 766, group 4) need to know of a dossier:
    whether its result was issued as an electronic document, whether its documents were
    digitised at reception, and whether one of them was reused from the applicant's earlier
    dossiers instead of being asked for on paper again."""

    _inherit = "public_admin.dossier"

    result_attachment_id = fields.Many2one(
        "ir.attachment",
        string="Electronic result",
        copy=False,
        help="The signed electronic document of the result (e.g. the signed PDF of the licence).",
    )
    has_electronic_result = fields.Boolean(
        string="Result issued electronically",
        compute="_compute_has_electronic_result",
        store=True,
        index=True,
    )
    is_fully_digitised = fields.Boolean(
        string="Documents all digitised",
        compute="_compute_digitisation",
        store=True,
        index=True,
        help="Every document handed in was scanned at reception or reused from an earlier dossier.",
    )
    has_reused_document = fields.Boolean(
        string="Reuses documents already held",
        compute="_compute_digitisation",
        store=True,
        index=True,
    )

    @api.depends("result_attachment_id")
    def _compute_has_electronic_result(self):
        for dossier in self:
            dossier.has_electronic_result = bool(dossier.result_attachment_id)

    @api.depends("document_ids.is_received", "document_ids.is_digitised", "document_ids.reused_from_id")
    def _compute_digitisation(self):
        for dossier in self:
            handed_in = dossier.document_ids.filtered("is_received")
            dossier.is_fully_digitised = bool(handed_in) and all(
                document.is_digitised or document.reused_from_id for document in handed_in
            )
            dossier.has_reused_document = any(dossier.document_ids.mapped("reused_from_id"))


class PublicAdminDossierDocumentDigitisation(models.Model):
    _inherit = "public_admin.dossier.document"

    is_digitised = fields.Boolean(
        string="Digitised",
        help="Scanned at reception: the electronic copy is attached to the dossier.",
    )
    reused_from_id = fields.Many2one(
        "public_admin.dossier.document",
        string="Reused from",
        copy=False,
        help="The same document, already held in one of the applicant's earlier dossiers: the applicant "
        "does not bring it again.",
    )
    applicant_id = fields.Many2one(related="dossier_id.partner_id", string="Applicant of the dossier")

    @api.onchange("reused_from_id")
    def _onchange_reused_from_id(self):
        if self.reused_from_id:
            self.attachment_ids = self.reused_from_id.attachment_ids
            self.is_received = True
            self.is_digitised = True

    @api.onchange("attachment_ids")
    def _onchange_attachment_ids_digitised(self):
        if self.attachment_ids:
            self.is_digitised = True
