from odoo.tests import new_test_user

from odoo.addons.public_admin_centre.tests.common import PublicAdminCommon


class PublicAdminFeesCommon(PublicAdminCommon):
    """The suite's agencies, procedures and users, in a Vietnamese company paid in đồng, with a
    fee schedule on the construction permit and an accountant."""

    @classmethod
    def setup_fees_data(cls):
        cls.vnd = cls.env.ref("base.VND")
        cls.vnd.active = True
        cls.company = cls.env.company
        cls.company.write({"country_id": cls.env.ref("base.vn").id, "currency_id": cls.vnd.id})
        cls.company._public_admin_fee_setup()
        cls.setup_public_admin_data()
        Journal = cls.env["account.journal"]
        cls.cash_journal = Journal.search(
            [("public_admin_fee_method", "=", "cash"), ("company_id", "=", cls.company.id)]
        )
        cls.card_journal = Journal.search(
            [("public_admin_fee_method", "=", "card"), ("company_id", "=", cls.company.id)]
        )
        cls.bank_journal = Journal.search(
            [("public_admin_fee_method", "=", "transfer"), ("company_id", "=", cls.company.id)]
        )
        cls.series = cls.company.public_admin_fee_series_id
        cls.accountant = new_test_user(
            cls.env, login="pa_accountant", groups="public_admin_fees.group_fee_accountant", name="Ngô Thị Kế Toán"
        )
        cls.poor_household = cls.env["public_admin.fee.exemption"].create(
            {
                "name": "Hộ nghèo",
                "reduction_percent": 100,
                "legal_basis": "Khoản 2 Điều 5 Thông tư 85/2019/TT-BTC",
            }
        )
        cls.half = cls.env["public_admin.fee.exemption"].create(
            {"name": "Người cao tuổi", "reduction_percent": 50, "legal_basis": "Nghị định 06/2011/NĐ-CP"}
        )
        # Construction permit: a charge of 75 000 đ and an appraisal fee of 2 000 đ a set, of
        # which the agency keeps 30 %; the poor are exempt from the fee.
        cls.permit_charge, cls.appraisal_fee = cls.env["public_admin.procedure.fee"].create(
            [
                {
                    "procedure_id": cls.procedure.id,
                    "sequence": 1,
                    "name": "Lệ phí cấp giấy phép xây dựng",
                    "fee_type": "charge",
                    "amount_type": "fixed",
                    "amount": 75000,
                    "budget_chapter": "418",
                    "budget_subitem": "2662",
                    "treasury_account": "7111",
                },
                {
                    "procedure_id": cls.procedure.id,
                    "sequence": 2,
                    "name": "Phí thẩm định",
                    "fee_type": "fee",
                    "amount_type": "quantity",
                    "quantity_basis": "set",
                    "quantity_unit": "bộ",
                    "amount": 2000,
                    "retained_percent": 30,
                    "exemption_ids": [(6, 0, cls.poor_household.ids)],
                    "budget_chapter": "418",
                    "budget_subitem": "2201",
                    "treasury_account": "3511",
                },
            ]
        )
        cls.procedure.fee_payment_due = "result"

    def fee_dossier(self, **vals):
        """A dossier of the construction permit received by the front desk: 75 000 + 2 000 × sets."""
        return self.received_dossier(**vals)

    def collect(self, dossier, journal=None, user=None):
        """The front desk collects what is due at the counter; returns the receipt."""
        user = user or self.front_desk
        wizard = (
            self.env["public_admin.fee.payment.wizard"]
            .with_user(user)
            .with_context(default_dossier_id=dossier.id)
            .create({"journal_id": (journal or self.cash_journal).id})
        )
        wizard.action_collect()
        return dossier.fee_receipt_ids.filtered(lambda r: r.state == "issued")[:1]

    def finish(self, dossier):
        """The agencies do their steps: the dossier is ready for its result."""
        while dossier.state in ("received", "in_progress"):
            dossier.with_user(self.manager).action_start_step()
            dossier.with_user(self.manager).action_finish_step()

    @classmethod
    def setup_bank_account(cls):
        """The centre's bank account for transfers, as CONFIGURE.md says: bank with its BIC,
        proxy type "Bank Account", the account number as proxy value, reference included."""
        cls.company.partner_id.write({"city": "Nha Trang", "country_id": cls.env.ref("base.vn").id})
        bank = cls.env["res.bank"].create({"name": "Ngân hàng TMCP Quân đội", "bic": "970422"})
        cls.bank_account = cls.env["res.partner.bank"].create(
            {
                "acc_number": "0123456789",
                "bank_id": bank.id,
                "partner_id": cls.company.partner_id.id,
                "proxy_type": "bank_acc",
                "proxy_value": "0123456789",
                "include_reference": True,
            }
        )
        cls.bank_journal.bank_account_id = cls.bank_account
