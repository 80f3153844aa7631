import logging

from odoo import fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)


class ResCompany(models.Model):
    _inherit = "res.company"

    public_admin_fee_journal_id = fields.Many2one(
        "account.journal",
        string="Fee invoices journal",
        domain="[('type', '=', 'sale'), ('company_id', '=', id)]",
        help="Sales journal of the applicants' fee invoices.",
    )
    public_admin_fee_series_id = fields.Many2one(
        "public_admin.fee.receipt.series",
        string="Fee receipt series",
        domain="[('company_id', '=', id)]",
        help="Series of the receipts (biên lai) issued at the counter and online.",
    )

    def _public_admin_fee_sale_journal(self):
        self.ensure_one()
        journal = self.sudo().public_admin_fee_journal_id or self.env["account.journal"].sudo().search(
            [("type", "=", "sale"), ("company_id", "=", self.id)], limit=1
        )
        if not journal:
            raise UserError(
                self.env._(
                    "%(company)s has no sales journal for the fee invoices: install a chart of accounts.",
                    company=self.name,
                )
            )
        return journal

    def _public_admin_fee_series(self):
        self.ensure_one()
        series = self.sudo().public_admin_fee_series_id or self.env["public_admin.fee.receipt.series"].sudo().search(
            [("company_id", "=", self.id)], limit=1
        )
        if not series:
            raise UserError(
                self.env._(
                    "%(company)s has no receipt series: create one under Fees › Configuration.", company=self.name
                )
            )
        return series

    def _public_admin_fee_setup(self):
        """What the centre needs to collect fees, for each company without it.

        A Vietnamese company without a chart of accounts gets the Vietnamese chart (l10n_vn);
        every company with a chart gets the counter's cash, card and transfer journals marked,
        and a receipt series.
        """
        vnd = self.env.ref("base.VND")
        for company in self:
            if not company.chart_template and company.country_id.code == "VN":
                vnd.active = True
                if company.currency_id != vnd:
                    company.currency_id = vnd
                self.env["account.chart.template"].try_loading("vn", company, install_demo=False)
            if not company.chart_template:
                _logger.info("No chart of accounts for %s: fee journals not set up.", company.name)
                continue
            Journal = self.env["account.journal"].with_company(company)
            company_domain = [("company_id", "=", company.id)]
            for method, journal_type, code, name in (
                ("cash", "cash", "PCASH", self.env._("Fees in cash")),
                ("card", "bank", "PCARD", self.env._("Fees by card")),
                ("transfer", "bank", "PBANK", self.env._("Fees by bank transfer")),
            ):
                if Journal.search(company_domain + [("public_admin_fee_method", "=", method)], limit=1):
                    continue
                Journal.create(
                    {
                        "name": name,
                        "type": journal_type,
                        "code": code,
                        "company_id": company.id,
                        "public_admin_fee_method": method,
                    }
                )
            if not company.public_admin_fee_journal_id:
                company.public_admin_fee_journal_id = Journal.search(company_domain + [("type", "=", "sale")], limit=1)
            ReconcileModel = self.env["account.reconcile.model"]
            if not ReconcileModel.search(company_domain + [("public_admin_match_dossier_code", "=", True)], limit=1):
                ReconcileModel.create(
                    {
                        "name": self.env._("Fees: dossier code in the transfer note"),
                        "rule_type": "invoice_matching",
                        "company_id": company.id,
                        "sequence": 1,
                        "auto_reconcile": True,
                        "public_admin_match_dossier_code": True,
                        "match_partner": False,
                    }
                )
            if not company.public_admin_fee_series_id:
                Series = self.env["public_admin.fee.receipt.series"]
                company.public_admin_fee_series_id = Series.search(company_domain, limit=1) or Series.create(
                    {
                        "name": self.env._("Fee receipts"),
                        "form_symbol": "01BLP0-001",
                        "symbol": f"AA-{fields.Date.today():%y}",
                        "company_id": company.id,
                    }
                )
