from odoo import api, fields, models
from odoo.exceptions import UserError

GROUPS = ("agency_id", "procedure_id", "treasury_account", "fee_type")
MEASURES = ("amount_collected", "amount_refunded", "amount_net", "amount_retained", "amount_to_remit")


class PublicAdminFeeReportWizard(models.TransientModel):
    """A period of collections, on screen (pivot), as PDF or as Excel."""

    _name = "public_admin.fee.report.wizard"
    _description = "Fees and charges report"

    date_from = fields.Date(required=True, default=lambda self: fields.Date.today().replace(day=1))
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    currency_id = fields.Many2one("res.currency", default=lambda self: self.env.ref("base.VND"))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise UserError(self.env._("The period ends before it starts."))

    def _domain(self):
        self.ensure_one()
        return [("date", ">=", self.date_from), ("date", "<=", self.date_to), ("company_id", "=", self.company_id.id)]

    def _rows(self):
        """One row per agency, procedure, treasury account and kind, with the measures; and the totals."""
        self.ensure_one()
        groups = self.env["public_admin.fee.report"]._read_group(
            self._domain(),
            list(GROUPS),
            [f"{m}:sum" for m in MEASURES],
            order="agency_id, procedure_id, treasury_account",
        )
        rows = []
        totals = dict.fromkeys(MEASURES, 0)
        for agency, procedure, treasury, fee_type, *sums in groups:
            row = {"agency": agency, "procedure": procedure, "treasury_account": treasury or "", "fee_type": fee_type}
            for measure, value in zip(MEASURES, sums, strict=True):
                row[measure] = value or 0
                totals[measure] += value or 0
            rows.append(row)
        return rows, totals

    def _fee_type_label(self, fee_type):
        return dict(self.env["public_admin.fee.report"]._fields["fee_type"]._description_selection(self.env)).get(
            fee_type, ""
        )

    def action_open_pivot(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fees and charges collected"),
            "res_model": "public_admin.fee.report",
            "view_mode": "pivot,list",
            "domain": self._domain(),
            "context": {"search_default_group_agency": 1},
        }

    def action_print_pdf(self):
        self.ensure_one()
        return self.env.ref("public_admin_fees.public_admin_fee_report_pdf").report_action(self)

    def action_print_xlsx(self):
        self.ensure_one()
        return self.env.ref("public_admin_fees.public_admin_fee_report_xlsx").report_action(self)
