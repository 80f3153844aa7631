from odoo import api, fields, models


class PublicAdminProcedurePublication(models.Model):
    """Publication dates of a procedure, for the transparency indicators 1.1 and 1.2."""

    _inherit = "public_admin.procedure"

    date_decision = fields.Date(
        string="Decision date", help="Date of the decision that published the procedure (its number is above)."
    )
    date_published = fields.Date(
        string="Published on", help="Date the procedure was published on the national database of procedures."
    )
    date_published_on_time = fields.Boolean(
        string="Published on time",
        compute="_compute_publication",
        store=True,
        help="Published no later than the day it came into force.",
    )
    is_published_complete = fields.Boolean(
        string="Published complete",
        compute="_compute_publication",
        store=True,
        help="Published with its checklist of documents, its processing time and its result.",
    )

    @api.depends(
        "date_published",
        "date_effective_from",
        "is_published",
        "document_ids",
        "processing_time_legal",
        "processing_time_unit",
        "result_description",
    )
    def _compute_publication(self):
        for procedure in self:
            procedure.date_published_on_time = bool(
                procedure.date_published
                and procedure.date_effective_from
                and procedure.date_published <= procedure.date_effective_from
            )
            procedure.is_published_complete = bool(
                procedure.is_published
                and procedure.document_ids
                and (procedure.processing_time_legal or procedure.processing_time_unit == "same_day")
                and procedure.result_description
            )
