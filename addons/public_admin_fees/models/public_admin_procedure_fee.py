from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import check_vnd_amount, round_vnd


class PublicAdminProcedureFee(models.Model):
    """A fee (phí) or charge (lệ phí) of a procedure, effective with the procedure's version."""

    _name = "public_admin.procedure.fee"
    _description = "Fee or charge of a procedure"
    _order = "procedure_id, sequence, id"
    _check_company_auto = True

    procedure_id = fields.Many2one("public_admin.procedure", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="procedure_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True, help="E.g. Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ.")
    fee_type = fields.Selection(
        [("fee", "Fee (phí)"), ("charge", "Charge (lệ phí)")],
        required=True,
        default="charge",
        help="A fee may be partly kept by the collecting agency; a charge goes entirely to the state budget.",
    )
    amount_type = fields.Selection(
        [("fixed", "Fixed"), ("quantity", "Per quantity"), ("tier", "By tiers")],
        string="Computation",
        required=True,
        default="fixed",
        help="Fixed: one amount per dossier. Per quantity: the amount times the quantity (copies, sets, "
        "pages). By tiers: each tier's unit amount for the quantities from its threshold on.",
    )
    quantity_basis = fields.Selection(
        [("set", "Sets of the dossier"), ("entered", "Entered at reception")],
        default="entered",
        help="Where the quantity comes from: the number of sets of the dossier, or typed by the front desk.",
    )
    quantity_unit = fields.Char(string="Per", translate=True, help="E.g. bản, trang, bộ hồ sơ.")
    amount = fields.Monetary(
        currency_field="currency_id", help="The amount (fixed) or the unit amount (per quantity), in đồng."
    )
    amount_max = fields.Monetary(
        string="Maximum", currency_field="currency_id", help="Cap on the line's amount (0: none)."
    )
    tier_ids = fields.One2many("public_admin.procedure.fee.tier", "fee_id", string="Tiers", copy=True)
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self.env.ref("base.VND", raise_if_not_found=False) or self.env.company.currency_id,
    )
    retained_percent = fields.Float(
        string="Retained by the agency (%)",
        help="Share of a fee the collecting agency keeps; the rest is remitted to the state budget.",
    )
    exemption_ids = fields.Many2many(
        "public_admin.fee.exemption",
        string="Exemptions and reductions",
        help="The exemption and reduction categories that apply to this line.",
    )
    product_id = fields.Many2one("product.product", domain="[('type', '=', 'service')]", check_company=True)
    account_id = fields.Many2one(
        "account.account",
        string="Income account",
        check_company=True,
        help="Credited with what is collected (for a charge collected for the state, typically 3339).",
    )
    budget_chapter = fields.Char(string="Budget chapter (mã chương)", help="E.g. 418.")
    budget_subitem = fields.Char(string="Budget sub-item (tiểu mục)", help="E.g. 2662.")
    treasury_account = fields.Char(
        string="Treasury account", help="The state treasury account the amount is remitted to."
    )
    note = fields.Char(help="Who is exempt, or how the amount varies.")

    def _check_amount_values(self, vals):
        """Refuse a negative or fractional amount as typed: a đồng field would round it silently."""
        for name in ("amount", "amount_max"):
            if name in vals and not check_vnd_amount(vals[name] or 0):
                raise ValidationError(
                    self.env._(
                        "The amount of “%(fee)s” must be a whole, non-negative number of đồng, not %(amount)s.",
                        fee=vals.get("name") or self[:1].name or "",
                        amount=vals[name],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_amount_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_amount_values(vals)
        return super().write(vals)

    @api.constrains("amount", "amount_max", "currency_id")
    def _check_amount(self):
        for fee in self:
            for value in (fee.amount, fee.amount_max):
                if fee.currency_id.name == "VND" and not check_vnd_amount(value):
                    raise ValidationError(
                        self.env._(
                            "The amount of “%(fee)s” must be a whole, non-negative number of đồng, not %(amount)s.",
                            fee=fee.name,
                            amount=value,
                        )
                    )
                if value < 0:
                    raise ValidationError(self.env._("A fee cannot be negative."))

    @api.constrains("retained_percent", "fee_type")
    def _check_retained_percent(self):
        for fee in self:
            if not 0 <= fee.retained_percent <= 100:
                raise ValidationError(self.env._("The retained share is a percentage between 0 and 100."))
            if fee.fee_type == "charge" and fee.retained_percent:
                raise ValidationError(
                    self.env._(
                        "A charge (lệ phí) is remitted in full: “%(fee)s” cannot have a retained share.", fee=fee.name
                    )
                )

    @api.constrains("amount_type", "tier_ids")
    def _check_tiers(self):
        for fee in self.filtered(lambda f: f.amount_type == "tier"):
            thresholds = fee.tier_ids.mapped("quantity_from")
            if not fee.tier_ids or min(thresholds) != 1 or len(set(thresholds)) != len(thresholds):
                raise ValidationError(
                    self.env._(
                        "The tiers of “%(fee)s” must start at quantity 1, each at its own threshold.", fee=fee.name
                    )
                )

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id and not self.account_id:
            self.account_id = (
                self.product_id.property_account_income_id or self.product_id.categ_id.property_account_income_categ_id
            )

    def _compute_gross(self, quantity):
        """The amount of the line for ``quantity`` before any exemption, in whole đồng."""
        self.ensure_one()
        quantity = max(quantity, 0)
        if self.amount_type == "fixed":
            gross = self.amount
        elif self.amount_type == "quantity":
            gross = self.amount * quantity
        else:
            gross = 0
            tiers = self.tier_ids.sorted("quantity_from")
            for tier, next_tier in zip(tiers, list(tiers[1:]) + [None], strict=True):
                upper = next_tier.quantity_from - 1 if next_tier else quantity
                units = max(0, min(quantity, upper) - tier.quantity_from + 1)
                gross += units * tier.amount
        if self.amount_max:
            gross = min(gross, self.amount_max)
        return round_vnd(gross)

    def _compute_net(self, quantity, reduction_percent=0.0):
        """(gross, net) for ``quantity`` with a reduction of ``reduction_percent`` (100 = exempt)."""
        gross = self._compute_gross(quantity)
        return gross, round_vnd(gross * (100 - reduction_percent) / 100)
