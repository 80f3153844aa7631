import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from ..tools import (
    IdCardScanError,
    citizen_id_card,
    is_valid_citizen_id_number,
    normalize_person_name,
    normalize_vietnamese_phone,
    parse_citizen_id_qr,
)

# What may separate the digits of a phone or ID number typed in a search box.
_NUMBER_SEPARATORS_RE = re.compile(r"[\s.\-()/]")


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Personal data (Decree 13/2023): the identity number is for the front desk and the managers;
    # officers see it on a dossier they work on, and each such read is logged there.
    public_admin_id_number = fields.Char(
        string="Citizen ID number",
        index="btree_not_null",
        help="12-digit citizen identity number (CCCD).",
        groups="public_admin_centre.group_front_desk",
    )
    public_admin_birthdate = fields.Date(string="Date of birth", groups="public_admin_centre.group_front_desk")
    public_admin_gender = fields.Selection(
        [("male", "Male"), ("female", "Female")], string="Sex", groups="public_admin_centre.group_front_desk"
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

    # ------------------------------------------------------------------ search in pickers
    @api.model
    def _search_display_name(self, operator, value):
        """Also find a contact by the start of its citizen ID number or by its phone, however
        the digits are spaced (“0912 345 678”, “0912345678”, “+84 912 345 678”)."""
        domain = super()._search_display_name(operator, value)
        if operator not in ("ilike", "=ilike", "like", "=like", "=") or not isinstance(value, str):
            return domain
        compact = _NUMBER_SEPARATORS_RE.sub("", value)
        digits = compact.removeprefix("+")
        if len(digits) < 3 or not digits.isdigit():
            return domain
        extra = [[("public_admin_id_number", "=like", f"{digits}%")]]
        terms = {compact}
        if compact.startswith("+84"):
            terms.add("0" + compact[3:])
        elif compact.startswith("0"):
            terms.add("+84" + compact[1:])
        extra += [[("phone_mobile_search", "ilike", term)] for term in sorted(terms)]
        return expression.OR([domain, *extra])

    # ------------------------------------------------------------------ reception of a walk-in
    @api.model
    def _public_admin_parse_id_card(self, text):
        """The applicant's data from a scanned ID card QR code; a UserError in the user's
        language when the scan is not one (see tools/citizen_id_card.py)."""
        try:
            return parse_citizen_id_qr(text)
        except IdCardScanError as error:
            raise UserError(self._public_admin_id_card_error_message(error)) from None

    @api.model
    def _public_admin_id_card_error_message(self, error):
        _ = self.env._
        details = error.details
        messages = {
            citizen_id_card.EMPTY: lambda: _("Nothing was scanned: scan the QR code on the citizen ID card."),
            citizen_id_card.URL: lambda: _(
                "This is a web address, not a citizen ID card: scan the QR code printed on the ID card itself."
            ),
            citizen_id_card.PAYMENT: lambda: _(
                "This is a bank payment QR code (VietQR), not a citizen ID card: scan the QR code on the ID card."
            ),
            citizen_id_card.FOREIGN: lambda: _(
                "This code is not the QR code of a chip-based citizen ID card. Scan the QR code in the top "
                "right corner of the card, or type the applicant's data."
            ),
            citizen_id_card.TRUNCATED: lambda: _(
                "The scan is incomplete (%(count)s of 7 fields were read): hold the card still and scan it again.",
                count=details.get("count", 0),
            ),
            citizen_id_card.BAD_ID_NUMBER: lambda: _(
                "The scanned ID number “%(number)s” is not a valid 12-digit citizen ID number: scan the card again.",
                number=details.get("number", ""),
            ),
            citizen_id_card.BAD_DATE: lambda: _(
                "The scanned date “%(value)s” is not a valid date: scan the card again.",
                value=details.get("value", ""),
            ),
            citizen_id_card.NO_NAME: lambda: _("The scan holds no name: scan the card again."),
        }
        return messages.get(error.code, messages[citizen_id_card.FOREIGN])()

    @api.model
    def _public_admin_find_applicant(self, values):
        """The contact of the citizen described by ``values``, or an empty recordset.

        Found by exact citizen ID number, else by phone number (any spacing or prefix) when the
        contact's name matches the one given (accents and case aside) and its ID number, if any,
        does not contradict the one given: relatives often share one phone.

        Searched as superuser: applicants' personal data is hidden from most users by record
        rules, and the front desk must recognise a citizen it never served. Callers check first
        that the user receives dossiers (see :meth:`_public_admin_find_or_create_applicant`).
        """
        Partner = self.sudo().with_context(active_test=True)
        id_number = (values.get("id_number") or "").strip()
        if id_number:
            partner = Partner.search([("public_admin_id_number", "=", id_number)], order="id", limit=1)
            if partner:
                return partner
        phone = normalize_vietnamese_phone(values.get("phone"))
        name = normalize_person_name(values.get("name"))
        if not phone or not name:
            return Partner.browse()
        national = "0" + phone.removeprefix("+84") if phone.startswith("+84") else phone
        candidates = Partner.search(
            [
                ("is_company", "=", False),
                "|",
                ("phone_mobile_search", "ilike", national),
                ("phone_mobile_search", "ilike", phone),
            ],
            order="id",
        )
        for partner in candidates:
            numbers = {normalize_vietnamese_phone(partner.mobile), normalize_vietnamese_phone(partner.phone)}
            if phone not in numbers or normalize_person_name(partner.name) != name:
                continue
            if id_number and partner.public_admin_id_number and partner.public_admin_id_number != id_number:
                continue
            return partner
        return Partner.browse()

    @api.model
    def _public_admin_find_or_create_applicant(self, values):
        """The contact of a citizen handing in a dossier: found, or created by the current user.

        :param values: dict with ``name``, ``id_number``, ``phone``, ``email``, ``address``,
            ``birthdate``, ``gender`` as typed or scanned at the counter
        A contact found gets the data it lacks (never overwritten: it may be more recent than
        what was typed). Only people who receive dossiers may call this.
        """
        if not self.env.user.has_group("public_admin_centre.group_front_desk"):
            raise AccessError(self.env._("Only the front desk and the centre's managers register applicants."))
        name = " ".join((values.get("name") or "").split())
        if not name:
            raise UserError(self.env._("Give the applicant's name."))
        phone = normalize_vietnamese_phone(values.get("phone")) or False
        partner = self._public_admin_find_applicant(dict(values, name=name))
        if partner:
            missing = {
                "public_admin_id_number": values.get("id_number"),
                "mobile": phone if not (partner.mobile or partner.phone) else False,
                "email": values.get("email"),
                "street": values.get("address") if not (partner.street or partner.city) else False,
                "public_admin_birthdate": values.get("birthdate"),
                "public_admin_gender": values.get("gender"),
            }
            fill = {fname: value for fname, value in missing.items() if value and not partner[fname]}
            if fill:
                # The user receives dossiers (checked above): completing the contact of the
                # applicant in front of them is part of the reception.
                partner.sudo().write(fill)
            return partner.sudo(False)
        return self.create(
            {
                "name": name,
                "public_admin_id_number": values.get("id_number") or False,
                "mobile": phone,
                "email": values.get("email") or False,
                "street": values.get("address") or False,
                "country_id": self.env.ref("base.vn").id,
                "public_admin_birthdate": values.get("birthdate") or False,
                "public_admin_gender": values.get("gender") or False,
                "lang": self.env.lang if self.env.lang and self.env.lang.startswith("vi") else False,
            }
        )
