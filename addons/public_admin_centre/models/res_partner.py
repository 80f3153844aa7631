from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import is_valid_citizen_id_number


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Personal data (Decree 13/2023): the identity number is for the front desk and the managers;
    # officers see it on a dossier they work on, and each such read is logged there.
    public_admin_id_number = fields.Char(
        string="Citizen ID number",
        help="12-digit citizen identity number (CCCD).",
        groups="public_admin_centre.group_front_desk",
    )
    public_admin_dossier_ids = fields.One2many("public_admin.dossier", "partner_id", string="Dossiers")
    public_admin_is_applicant = fields.Boolean(
        string="Applicant",
        compute="_compute_public_admin_is_applicant",
        store=True,
        index=True,
        help="Has handed in a dossier: the record rules keep the contact to those who work on one "
        "of their dossiers, the front desk of the centre that received it, and the managers.",
    )
    public_admin_notify_email = fields.Boolean(
        string="Dossier news by email",
        default=True,
        help="Send the applicant an email at each step of their dossiers that concerns them "
        "(received, supplement requested, result ready...).",
    )
    public_admin_notify_sms = fields.Boolean(
        string="Dossier news by SMS",
        default=True,
        help="Send the applicant a short SMS at each step of their dossiers that concerns them.",
    )

    @api.depends("public_admin_dossier_ids")
    def _compute_public_admin_is_applicant(self):
        # sudo: the flag must count every dossier, also those the current user cannot read
        counts = dict(
            self.env["public_admin.dossier"]
            .sudo()
            .with_context(active_test=False)
            ._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
        )
        for partner in self:
            partner.public_admin_is_applicant = bool(counts.get(partner))

    def _public_admin_one_line_address(self):
        """The postal address on one line (“12 Lý Thường Kiệt, Hoàn Kiếm, Hà Nội”), name left out."""
        self.ensure_one()
        lines = self._display_address(without_company=True).splitlines()
        return ", ".join(line.strip() for line in lines if line.strip())

    @api.constrains("public_admin_id_number")
    def _check_public_admin_id_number(self):
        for partner in self.filtered("public_admin_id_number"):
            if not is_valid_citizen_id_number(partner.public_admin_id_number):
                raise ValidationError(
                    self.env._(
                        "The citizen ID number “%(number)s” is not valid: it has 12 digits "
                        "and starts with a province code.",
                        number=partner.public_admin_id_number,
                    )
                )
