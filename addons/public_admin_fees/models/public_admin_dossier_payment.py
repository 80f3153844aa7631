"""What the applicant needs to pay: the VietQR code of a bank transfer and the online payment link."""

from werkzeug.urls import url_encode

from odoo import models

from odoo.addons.public_admin_centre.report.public_admin_dossier_forms import qr_code_png

from ..tools import transfer_note


# pylint: disable=consider-merging-classes-inherited
class PublicAdminDossier(models.Model):
    _inherit = "public_admin.dossier"

    def _fee_transfer_note(self):
        """The transfer note: the dossier code as banks keep it (letters, digits, spaces, 25 characters)."""
        self.ensure_one()
        return transfer_note(self.name or "")

    def _fee_bank_account(self):
        """The account citizens transfer to: the bank journal collecting fees, else the company's."""
        self.ensure_one()
        journal = (
            self.env["account.journal"]
            .sudo()
            .search([("public_admin_fee_method", "=", "transfer"), ("company_id", "=", self.company_id.id)], limit=1)
        )
        return journal.bank_account_id or self.company_id.sudo().partner_id.bank_ids[:1]

    def _fee_vietqr(self):
        """The VietQR (NAPAS EMV) of what is due, built by l10n_vn from the bank account.

        Returns a dict: ``payload`` (the EMV string), ``image`` (data URI), ``note``, ``amount``,
        ``bank`` (account) and ``error`` (why there is no code, for the staff). Callers checked
        that the user may see the dossier's fees; bank data is public by design.
        """
        self.ensure_one()
        dossier = self.sudo()
        amount = dossier.fee_amount_due
        result = {"payload": False, "image": False, "note": dossier._fee_transfer_note(), "amount": amount}
        bank = dossier._fee_bank_account()
        result["bank"] = bank
        if not amount or not dossier.name:
            result["error"] = self.env._("Nothing is due.")
            return result
        if not bank:
            result["error"] = self.env._("No bank account is set on the fee transfer journal.")
            return result
        currency = self.env.ref("base.VND")
        error = bank._get_error_messages_for_qr(
            "emv_qr", dossier.partner_id, currency
        ) or bank._check_for_qr_code_errors("emv_qr", amount, currency, dossier.partner_id, result["note"], None)
        if error:
            result["error"] = error
            return result
        if not bank.include_reference:
            result["error"] = self.env._("The bank account must include the reference in its QR code.")
            return result
        args = ("emv_qr", float(amount), currency, dossier.partner_id, result["note"], None)
        result["payload"] = bank._get_qr_vals(*args)
        # drawn as the centre draws its status QR code (Odoo's barcode route needs reportlab's renderer)
        result["image"] = "data:image/png;base64," + qr_code_png(result["payload"])
        return result

    def _fee_vietqr_url(self):
        """Absolute URL of the VietQR image (for emails, which drop inline images)."""
        self.ensure_one()
        if not self._fee_vietqr()["payload"]:
            return False
        # sudo: the token of the dossier's link, sent to its applicant only
        token = self.sudo()._portal_ensure_token()
        return f"{self.get_base_url()}/my/dossiers/{self.id}/vietqr.png?{url_encode({'access_token': token})}"

    def _fee_notify_due(self):
        """Email the applicant what to pay, with the link to pay online and the VietQR code."""
        if self.env.context.get("public_admin_no_notify"):
            return
        template = self.env.ref("public_admin_fees.mail_template_dossier_fee_due")
        # sudo: called after charging, whose caller checked the rights; the applicant's own data
        for dossier in self.sudo():
            partner = dossier.partner_id
            if dossier.fee_amount_due and dossier.applicant_email and partner.public_admin_notify_email:
                dossier.message_post_with_source(template, subtype_xmlid="mail.mt_comment", partner_ids=partner.ids)

    def _fee_payment_url(self):
        """The link to pay online: the invoice's portal page, with its token (for the notification)."""
        self.ensure_one()
        invoice = self.sudo().fee_invoice_ids.filtered(
            lambda move: move.move_type == "out_invoice" and move.state == "posted" and move.amount_residual
        )[:1]
        if not invoice:
            return False
        return invoice.get_base_url() + invoice._get_share_url(redirect=True)
