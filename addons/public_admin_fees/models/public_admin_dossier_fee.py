from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import round_vnd


class PublicAdminDossierFee(models.Model):
    """A fee or charge of a dossier, computed from the schedule of the procedure version it was
    received under. Once charged (on the invoice) the line keeps its amounts whatever the schedule
    becomes."""

    _name = "public_admin.dossier.fee"
    _description = "Fee or charge of a dossier"
    _order = "dossier_id, sequence, id"
    _check_company_auto = True

    dossier_id = fields.Many2one("public_admin.dossier", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="dossier_id.company_id", store=True)
    procedure_fee_id = fields.Many2one("public_admin.procedure.fee", string="Schedule line", ondelete="restrict")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    fee_type = fields.Selection([("fee", "Fee (phí)"), ("charge", "Charge (lệ phí)")], required=True, default="charge")
    quantity = fields.Integer(default=1)
    quantity_unit = fields.Char(string="Per")
    currency_id = fields.Many2one("res.currency", related="procedure_fee_id.currency_id")
    amount_gross = fields.Monetary(string="Amount before exemption", readonly=True, currency_field="currency_id")
    reduction_percent = fields.Float(string="Reduction (%)", readonly=True)
    amount = fields.Monetary(readonly=True, currency_field="currency_id")
    retained_percent = fields.Float(string="Retained (%)")
    amount_retained = fields.Monetary(
        string="Retained", compute="_compute_amount_retained", store=True, currency_field="currency_id"
    )
    product_id = fields.Many2one("product.product")
    account_id = fields.Many2one("account.account", string="Income account")
    budget_chapter = fields.Char(string="Budget chapter")
    budget_subitem = fields.Char(string="Budget sub-item")
    treasury_account = fields.Char()
    is_charged = fields.Boolean(string="Charged", readonly=True, copy=False, help="On the applicant's invoice.")

    def _amount_values(self):
        """Amounts of the line from its schedule line, its quantity and the dossier's exemption."""
        self.ensure_one()
        exemption = self.dossier_id.fee_exemption_id
        reduction = exemption.reduction_percent if exemption in self.procedure_fee_id.exemption_ids else 0.0
        gross, net = self.procedure_fee_id._compute_net(self.quantity, reduction)
        return {"amount_gross": gross, "amount": net, "reduction_percent": reduction}

    def _refresh_amounts(self):
        """Recompute the lines not charged yet (a charged line keeps what was invoiced)."""
        for line in self.filtered(lambda fee_line: not fee_line.is_charged and fee_line.procedure_fee_id):
            values = line._amount_values()
            if any(line[name] != value for name, value in values.items()):
                super(PublicAdminDossierFee, line).write(values)
        return True

    @api.onchange("quantity")
    def _onchange_quantity(self):
        if self.procedure_fee_id and not self.is_charged:
            self.update(self._amount_values())

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._refresh_amounts()
        return lines

    @api.depends("amount", "retained_percent", "fee_type")
    def _compute_amount_retained(self):
        for line in self:
            share = line.retained_percent if line.fee_type == "fee" else 0.0
            line.amount_retained = round_vnd(line.amount * share / 100)

    @api.constrains("quantity")
    def _check_quantity(self):
        for line in self:
            if line.quantity < 0:
                raise ValidationError(self.env._("A quantity cannot be negative."))

    def write(self, vals):
        if self.filtered("is_charged") and set(vals) - {"sequence", "is_charged"}:
            raise UserError(self.env._("A charged fee line cannot be changed: the invoice is posted."))
        result = super().write(vals)
        if "quantity" in vals or "procedure_fee_id" in vals:
            self._refresh_amounts()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_if_not_charged(self):
        if self.filtered("is_charged"):
            raise UserError(self.env._("A charged fee line cannot be deleted: the invoice is posted."))

    @api.model
    def _prepare_from_schedule(self, dossier, procedure_fee):
        quantity = dossier.set_count if procedure_fee.quantity_basis == "set" else 1
        return {
            "dossier_id": dossier.id,
            "procedure_fee_id": procedure_fee.id,
            "sequence": procedure_fee.sequence,
            "name": procedure_fee.name,
            "fee_type": procedure_fee.fee_type,
            "quantity": quantity if procedure_fee.amount_type != "fixed" else 1,
            "quantity_unit": procedure_fee.quantity_unit,
            "retained_percent": procedure_fee.retained_percent if procedure_fee.fee_type == "fee" else 0.0,
            "product_id": procedure_fee.product_id.id,
            "account_id": procedure_fee.account_id.id,
            "budget_chapter": procedure_fee.budget_chapter,
            "budget_subitem": procedure_fee.budget_subitem,
            "treasury_account": procedure_fee.treasury_account,
        }

    def _invoice_line_values(self):
        """The invoice line of this fee line: one line, its net amount, no tax (fees bear no VAT)."""
        self.ensure_one()
        name = self.name
        if self.quantity_unit and self.quantity != 1:
            name = f"{name} ({self.quantity} {self.quantity_unit})"
        if self.reduction_percent:
            name = f"{name} − {self.dossier_id.fee_exemption_id.name} ({self.reduction_percent:g}%)"
        values = {
            "name": name,
            "quantity": 1,
            "price_unit": self.amount,
            "tax_ids": [fields.Command.clear()],
            "public_admin_dossier_fee_id": self.id,
        }
        if self.product_id:
            values["product_id"] = self.product_id.id
        if self.account_id:
            values["account_id"] = self.account_id.id
        return values
