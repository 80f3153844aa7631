from odoo import api, fields, models
from odoo.exceptions import UserError


class PublicAdminDossierReasonWizard(models.TransientModel):
    """Asks the reason of a transition the applicant must be told about."""

    _name = "public_admin.dossier.reason.wizard"
    _description = "Reason of a dossier transition"

    dossier_id = fields.Many2one("public_admin.dossier", required=True)
    action = fields.Selection(
        [
            ("supplement", "Request a supplement"),
            ("refuse", "Refuse"),
            ("stop", "Stop processing"),
            ("withdraw", "Withdraw"),
            ("return_post", "Return the result by post"),
        ],
        required=True,
    )
    reason = fields.Text()
    document_line_ids = fields.Many2many(
        "public_admin.dossier.document",
        "public_admin_reason_wizard_document_rel",
        "wizard_id",
        "document_id",
        string="Documents to add or fix",
        domain="[('dossier_id', '=', dossier_id)]",
    )
    supplement_count = fields.Integer(related="dossier_id.supplement_count")
    is_second_supplement = fields.Boolean(compute="_compute_is_second_supplement")
    confirm_counts_late = fields.Boolean(
        string="I understand that the dossier will count as late",
        help="Under the national indicator rules a dossier with more than one supplement request counts as late.",
    )
    tracking_number = fields.Char(string="Postal tracking number")

    @api.depends("action", "supplement_count")
    def _compute_is_second_supplement(self):
        for wizard in self:
            wizard.is_second_supplement = wizard.action == "supplement" and wizard.supplement_count >= 1

    def action_confirm(self):
        self.ensure_one()
        dossier = self.dossier_id
        if self.action == "supplement":
            if self.is_second_supplement and not self.confirm_counts_late:
                raise UserError(
                    self.env._(
                        "This is a second supplement request: the dossier will count as late. "
                        "Tick the confirmation to go on."
                    )
                )
            documents = "\n".join(
                f"- {line.name}" + (f": {line.note}" if line.note else "") for line in self.document_line_ids
            )
            dossier.action_request_supplement(self.reason, documents=documents or None)
        elif self.action == "refuse":
            dossier.action_refuse(self.reason)
        elif self.action == "stop":
            dossier.action_stop(self.reason)
        elif self.action == "withdraw":
            dossier.action_withdraw(self.reason)
        elif self.action == "return_post":
            dossier.action_return_result(method="post", tracking_number=self.tracking_number)
        return {"type": "ir.actions.act_window_close"}
