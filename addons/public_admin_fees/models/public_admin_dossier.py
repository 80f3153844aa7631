from odoo import api, fields, models
from odoo.exceptions import ValidationError

FEE_STATES = [
    ("none", "No fees"),
    ("free", "Nothing to pay"),
    ("to_charge", "To charge"),
    ("due", "Due"),
    ("waived", "Due, waived for the result"),
    ("paid", "Paid"),
    ("refunded", "Refunded"),
    ("cancelled", "Cancelled"),
]


# The dossier is split by concern on purpose, one file each (as the centre does).
# pylint: disable=consider-merging-classes-inherited
class PublicAdminDossier(models.Model):
    _inherit = "public_admin.dossier"

    fee_line_ids = fields.One2many("public_admin.dossier.fee", "dossier_id", string="Fees and charges", copy=False)
    fee_payment_due = fields.Selection(related="procedure_id.fee_payment_due", string="Fees are paid")
    fee_exemption_id = fields.Many2one(
        "public_admin.fee.exemption",
        string="Exemption or reduction",
        tracking=True,
        help="The applicant's category, if the fee schedule grants it an exemption or a reduction.",
    )
    fee_exemption_legal_basis = fields.Text(related="fee_exemption_id.legal_basis", string="Legal basis")
    fee_exemption_reason = fields.Char(
        string="Grounds for the exemption",
        tracking=True,
        help="What the applicant showed, e.g. the number of the poor household certificate.",
    )
    fee_invoice_ids = fields.One2many(
        "account.move", "public_admin_dossier_id", string="Invoices", groups="account.group_account_invoice"
    )
    fee_receipt_ids = fields.One2many("public_admin.fee.receipt", "dossier_id", string="Fee receipts", copy=False)
    fee_receipt_count = fields.Integer(compute="_compute_fee_receipt_count", string="Receipts")
    currency_vnd_id = fields.Many2one("res.currency", compute="_compute_currency_vnd_id")
    fee_amount_total = fields.Monetary(
        string="Total fees", compute="_compute_fee_amounts", store=True, currency_field="currency_vnd_id"
    )
    fee_amount_due = fields.Monetary(
        string="Due", compute="_compute_fee_amounts", store=True, currency_field="currency_vnd_id"
    )
    fee_amount_paid = fields.Monetary(
        string="Paid", compute="_compute_fee_amounts", store=True, currency_field="currency_vnd_id"
    )
    fee_amount_refunded = fields.Monetary(
        string="Refunded", compute="_compute_fee_amounts", store=True, currency_field="currency_vnd_id"
    )
    fee_state = fields.Selection(
        FEE_STATES, string="Fees", compute="_compute_fee_amounts", store=True, index=True, tracking=True
    )
    fee_waiver_reason = fields.Text(string="Reason of the waiver", readonly=True, copy=False, tracking=True)
    fee_waived_by_id = fields.Many2one("res.users", string="Waived by", readonly=True, copy=False)
    date_fee_waived = fields.Datetime(string="Waived on", readonly=True, copy=False)

    def _compute_currency_vnd_id(self):
        self.currency_vnd_id = self.env.ref("base.VND")

    def _compute_fee_receipt_count(self):
        for dossier in self:
            dossier.fee_receipt_count = len(dossier.fee_receipt_ids)

    @api.depends(
        "fee_line_ids.amount",
        "fee_line_ids.is_charged",
        "fee_invoice_ids.state",
        "fee_invoice_ids.amount_residual",
        "fee_receipt_ids.state",
        "fee_receipt_ids.is_refunded",
        "fee_waiver_reason",
    )
    def _compute_fee_amounts(self):
        for dossier in self:
            lines = dossier.fee_line_ids
            invoices = dossier.fee_invoice_ids.filtered(
                lambda move: move.state == "posted" and move.move_type == "out_invoice"
            )
            receipts = dossier.fee_receipt_ids.filtered(lambda r: r.state == "issued" or r.is_refunded)
            dossier.fee_amount_total = sum(lines.mapped("amount"))
            dossier.fee_amount_due = sum(invoices.mapped("amount_residual"))
            dossier.fee_amount_paid = sum(receipts.mapped("amount"))
            dossier.fee_amount_refunded = sum(receipts.filtered("is_refunded").mapped("amount"))
            if not lines:
                state = "none"
            elif dossier.fee_amount_due:
                state = "waived" if dossier.fee_waiver_reason else "due"
            elif dossier.fee_amount_refunded:
                state = "refunded"
            elif dossier.fee_amount_paid:
                state = "paid"
            elif not dossier.fee_amount_total:
                state = "free"
            elif invoices or dossier.state in ("refused", "withdrawn", "stopped"):
                # the state is read, not a dependency: _close() recomputes what it ends
                state = "cancelled"
            else:
                state = "to_charge"
            dossier.fee_state = state

    @api.constrains("fee_exemption_id", "fee_exemption_reason")
    def _check_fee_exemption_reason(self):
        for dossier in self:
            if dossier.fee_exemption_id and not (dossier.fee_exemption_reason or "").strip():
                raise ValidationError(
                    self.env._(
                        "Give the grounds for the exemption “%(exemption)s” (what the applicant showed).",
                        exemption=dossier.fee_exemption_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        dossiers = super().create(vals_list)
        for dossier in dossiers:
            if not dossier.fee_line_ids and dossier.procedure_id.fee_ids:
                dossier._fee_fill_lines()
        return dossiers

    def write(self, vals):
        result = super().write(vals)
        if "procedure_id" in vals:
            for dossier in self.filtered(lambda d: not d.fee_line_ids.filtered("is_charged")):
                dossier.fee_line_ids.unlink()
                dossier._fee_fill_lines()
        if "set_count" in vals:
            for line in self.fee_line_ids.filtered(
                lambda fee_line: not fee_line.is_charged and fee_line.procedure_fee_id.quantity_basis == "set"
            ):
                line.quantity = line.dossier_id.set_count
        if "fee_exemption_id" in vals:
            self.fee_line_ids._refresh_amounts()
        return result

    def _fee_fill_lines(self):
        """The dossier's fee lines from the schedule of its procedure version."""
        self.ensure_one()
        Line = self.env["public_admin.dossier.fee"]
        Line.create([Line._prepare_from_schedule(self, fee) for fee in self.procedure_id.fee_ids])

    @api.onchange("procedure_id")
    def _onchange_procedure_id_fees(self):
        if self.procedure_id and not self.fee_line_ids.filtered("is_charged"):
            Line = self.env["public_admin.dossier.fee"]
            commands = [fields.Command.clear()]
            for fee in self.procedure_id.fee_ids:
                values = Line._prepare_from_schedule(self, fee)
                values.pop("dossier_id")
                commands.append(fields.Command.create(values))
            self.fee_line_ids = commands
            for line in self.fee_line_ids:
                line.update(line._amount_values())
