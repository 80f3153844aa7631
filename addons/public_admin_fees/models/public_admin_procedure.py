from odoo import api, fields, models
from odoo.tools import format_amount

from ..tools import parse_fee_text


class PublicAdminProcedure(models.Model):
    _inherit = "public_admin.procedure"

    fee_ids = fields.One2many("public_admin.procedure.fee", "procedure_id", string="Fee schedule", copy=True)
    fee_payment_due = fields.Selection(
        [("reception", "At reception"), ("result", "Before the result is returned")],
        string="Fees are paid",
        default="result",
        help="At reception: the dossier waits for the payment with its clock stopped. Before the result "
        "is returned: the result is handed over once everything is paid.",
    )
    fee_text_state = fields.Selection(
        [
            ("free", "Free of charge"),
            ("parsed", "Read into the schedule"),
            ("unknown", "No information"),
            ("review", "To review"),
        ],
        string="Published fee text",
        copy=False,
        help="What reading the published fee text gave; “To review” and “No information” need a person.",
    )
    is_fee_review_needed = fields.Boolean(
        string="Fee schedule to review",
        compute="_compute_is_fee_review_needed",
        store=True,
        help="The published fee text could not be read into a schedule.",
    )

    @api.depends("fee_text_state", "fee_ids")
    def _compute_is_fee_review_needed(self):
        for procedure in self:
            procedure.is_fee_review_needed = procedure.fee_text_state in ("review", "unknown") and not procedure.fee_ids

    def _public_fee_lines(self):
        """The fee schedule replaces the published text when the procedure has one."""
        self.ensure_one()
        if not self.fee_ids:
            if self.fee_text_state == "free":
                return [(self.env._("Fees and charges"), self.env._("Free of charge"))]
            return super()._public_fee_lines()
        lines = []
        for fee in self.fee_ids:
            if fee.amount_type == "tier":
                tiers = fee.tier_ids.sorted("quantity_from")
                amount = "; ".join(
                    self.env._(
                        "%(amount)s from %(quantity)s",
                        amount=format_amount(self.env, t.amount, fee.currency_id),
                        quantity=t.quantity_from,
                    )
                    for t in tiers
                )
            elif fee.amount:
                amount = format_amount(self.env, fee.amount, fee.currency_id)
                if fee.quantity_unit:
                    amount = f"{amount}/{fee.quantity_unit}"
            else:
                amount = self.env._("Free of charge")
            lines.append((fee.name, amount, fee.note or ""))
        return lines

    def action_read_fee_text(self):
        """Read the published fee text into schedule lines where it can be read.

        Procedures that already have a schedule keep it; the others get the lines read from their
        text, or are flagged for review.
        """
        self.check_access("write")
        for procedure in self:
            state, lines = parse_fee_text(procedure.fee_text)
            values = {"fee_text_state": state}
            if state == "parsed" and not procedure.fee_ids:
                values["fee_ids"] = [fields.Command.create(line) for line in lines]
            procedure.write(values)
        return True
