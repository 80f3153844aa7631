"""Demo of the fees: a bank account with VietQR, the demo payment provider, exemptions, the fee
schedules read from the demo catalogue, and dossiers paid at the counter, by transfer, online,
refunded and still due, each through the real transitions."""

import logging

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class PublicAdminFeesDemoLoader(models.AbstractModel):
    _name = "public_admin.fees.demo.loader"
    _description = "Demo data of the fees"

    @api.model
    def _load_demo_fees(self):
        env = self.env(context=dict(self.env.context, public_admin_no_notify=True))
        company = env.company
        company.partner_id.write({"city": company.partner_id.city or "Thanh Hóa", "country_id": env.ref("base.vn").id})
        company._public_admin_fee_setup()
        transfer_journal = env["account.journal"].search(
            [("public_admin_fee_method", "=", "transfer"), ("company_id", "=", company.id)], limit=1
        )
        bank = env["res.bank"].search([("bic", "=", "970418")], limit=1) or env["res.bank"].create(
            {"name": "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam", "bic": "970418"}
        )
        account = env["res.partner.bank"].create(
            {
                "acc_number": "5110000123456",
                "bank_id": bank.id,
                "partner_id": company.partner_id.id,
                "proxy_type": "bank_acc",
                "proxy_value": "5110000123456",
                "include_reference": True,
                "allow_out_payment": True,
            }
        )
        transfer_journal.bank_account_id = account
        provider = env.ref("payment.payment_provider_demo", raise_if_not_found=False)
        if provider:
            provider.write({"state": "test", "is_published": True, "journal_id": transfer_journal.id})

        Exemption = env["public_admin.fee.exemption"]
        poor = Exemption.create(
            {
                "name": "Hộ nghèo, hộ cận nghèo",
                "reduction_percent": 100,
                "legal_basis": "Luật Phí và lệ phí 2015, Điều 10; văn bản quy định phí của từng thủ tục",
            }
        )
        Exemption.create(
            {
                "name": "Người có công với cách mạng",
                "reduction_percent": 100,
                "legal_basis": "Pháp lệnh Ưu đãi người có công với cách mạng 2020",
            }
        )
        Exemption.create(
            {
                "name": "Người khuyết tật",
                "reduction_percent": 50,
                "legal_basis": "Luật Người khuyết tật 2010, Điều 13",
            }
        )

        procedures = env["public_admin.procedure"].search([("fee_ids", "=", False)])
        procedures.action_read_fee_text()
        charged = env["public_admin.procedure"].search([("fee_ids", "!=", False), ("is_current", "=", True)])
        for procedure in charged:
            procedure.fee_ids.write(
                {"budget_chapter": "418", "budget_subitem": "2662", "treasury_account": "7111 - KBNN Thanh Hóa"}
            )
        if not charged:
            _logger.warning("No demo procedure with a readable fee: no demo dossier with fees.")
            return
        first = charged[0]
        first.write({"fee_payment_due": "reception"})
        env["public_admin.procedure.fee"].create(
            {
                "procedure_id": first.id,
                "sequence": 20,
                "name": "Phí thẩm định hồ sơ",
                "fee_type": "fee",
                "amount_type": "tier",
                "quantity_basis": "set",
                "quantity_unit": "bộ",
                "amount_max": 200000,
                "retained_percent": 30,
                "exemption_ids": [fields.Command.set(poor.ids)],
                "tier_ids": [
                    fields.Command.create({"quantity_from": 1, "amount": 50000}),
                    fields.Command.create({"quantity_from": 3, "amount": 20000}),
                ],
                "budget_chapter": "418",
                "budget_subitem": "2201",
                "treasury_account": "3511 - KBNN Thanh Hóa",
            }
        )
        self._demo_fee_dossiers(env, charged, transfer_journal)

    @api.model
    def _demo_fee_dossiers(self, env, procedures, transfer_journal):
        front_desk = env.ref("public_admin_centre.user_tiepnhan_demo")
        centre = env.ref("public_admin_centre.agency_centre_demo")
        citizen = env.ref("public_admin_centre.partner_congdan_demo")
        business = env.ref("public_admin_centre.partner_doanhnghiep_demo")
        Partner = env["res.partner"]
        people = [
            citizen,
            business,
            Partner.create({"name": "Lê Thị Hoa", "mobile": "0915 222 333", "city": "Thanh Hóa"}),
            Partner.create({"name": "Trần Văn Bình", "mobile": "0983 444 555", "city": "Sầm Sơn"}),
            Partner.create({"name": "Phạm Minh Tuấn", "mobile": "0868 666 777", "city": "Bỉm Sơn"}),
        ]
        cash = env["account.journal"].search(
            [("public_admin_fee_method", "=", "cash"), ("company_id", "=", env.company.id)], limit=1
        )

        def receive(partner, procedure, **vals):
            dossier = (
                env["public_admin.dossier"]
                .with_user(front_desk)
                .create(
                    {
                        "procedure_id": procedure.id,
                        "partner_id": partner.id,
                        "receiving_agency_id": centre.id,
                        "summary": procedure.name,
                        **vals,
                    }
                )
            )
            dossier.document_ids.filtered("is_required").write({"is_received": True})
            dossier.action_receive()
            return dossier.sudo()

        procedure = procedures[0]
        # paid at the counter, in cash, with two sets (tiers)
        counter = receive(people[1], procedure, set_count=2)
        counter._fee_collect(cash)
        # paid by bank transfer with the VietQR code: the statement line carries the code as banks keep it
        transfer = receive(people[2], procedure)
        env["account.bank.statement.line"].create(
            {
                "journal_id": transfer_journal.id,
                "payment_ref": f"IBFT LE THI HOA CHUYEN TIEN {transfer._fee_transfer_note()} FT25",
                "amount": transfer.fee_amount_due,
            }
        )
        # paid online with the demo provider
        online = receive(people[3], procedure)
        provider = env.ref("payment.payment_provider_demo", raise_if_not_found=False)
        if provider and provider.state != "disabled":
            invoice = online.fee_invoice_ids[:1]
            tx = env["payment.transaction"].create(
                {
                    "provider_id": provider.id,
                    "payment_method_id": env.ref("payment_demo.payment_method_demo").id,
                    "amount": invoice.amount_residual,
                    "currency_id": invoice.currency_id.id,
                    "partner_id": online.partner_id.id,
                    "reference": env["payment.transaction"]._compute_reference("demo", prefix=online.name),
                    "invoice_ids": [fields.Command.set(invoice.ids)],
                    "operation": "online_direct",
                }
            )
            tx._handle_notification_data("demo", {"reference": tx.reference, "simulated_state": "done"})
            tx._post_process()
        # paid, then refused: refunded, its receipt cancelled
        refunded = receive(people[4], procedure)
        refunded._fee_collect(cash)
        refunded.action_refuse("Hồ sơ không thuộc thẩm quyền giải quyết của tỉnh")
        # still due: the citizen pays from the portal (login congdan)
        receive(citizen, procedures[-1] if len(procedures) > 1 else procedure)
