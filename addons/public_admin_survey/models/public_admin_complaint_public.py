"""What senders reach: the public form and the portal, the lookup by code, ratings, published answers."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import consteq


# The complaint is split by concern on purpose, one file each (as the dossier is).
# pylint: disable=consider-merging-classes-inherited
class PublicAdminComplaint(models.Model):
    _inherit = "public_admin.complaint"

    def _compute_access_url(self):
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"

    # ------------------------------------------------------------------ submission
    @api.model
    def _submission_settings(self):
        """(submissions allowed per client address, window in minutes), 3 in 60 by default."""
        params = self.env["ir.config_parameter"].sudo()
        try:
            limit = int(params.get_param("public_admin_survey.complaint_max_per_window", 3))
            window = int(params.get_param("public_admin_survey.complaint_window_minutes", 60))
        except ValueError:
            limit, window = 3, 60
        return max(limit, 1), max(window, 1)

    @api.model
    def _is_submission_throttled(self, client_address):
        limit, window = self._submission_settings()
        since = fields.Datetime.now() - timedelta(minutes=window)
        # sudo: counts the submissions of a client address, no data read
        return (
            self.sudo().search_count(
                [("client_address", "=", client_address or ""), ("create_date", ">=", since)], limit=limit
            )
            >= limit
        )

    @api.model
    def _public_submit(self, values, client_address="", partner=None):
        """Create a complaint from the public form (``partner`` None) or the portal.

        ``values``: subject, content, sender_name, sender_phone, sender_email, sender_address,
        dossier_code. Raises ``ValidationError`` with a message for the sender when something is
        missing or wrong; nothing is stored then.
        """
        _ = self.env._
        clean = {
            key: (values.get(key) or "").strip()
            for key in ("subject", "content", "sender_name", "sender_phone", "sender_email", "sender_address")
        }
        if partner:
            clean["sender_name"] = clean["sender_name"] or partner.name or ""
            clean["sender_email"] = clean["sender_email"] or partner.email or ""
            clean["sender_phone"] = clean["sender_phone"] or partner.mobile or partner.phone or ""
        self._validate_submission(clean, has_partner=bool(partner))
        dossier = self.env["public_admin.dossier"]
        code = (values.get("dossier_code") or "").strip()[:64]
        if code:
            # sudo: the dossier is only linked, never shown; a portal sender must own it (below)
            dossier = dossier.sudo().search([("name", "=ilike", code), ("state", "!=", "draft")], limit=1)
            if partner and dossier and dossier.partner_id.commercial_partner_id != partner.commercial_partner_id:
                dossier = dossier.browse()
            if not dossier:
                raise ValidationError(
                    _("No dossier has the code %(code)s. Check the code on your receipt, or leave it empty.", code=code)
                )
        vals = {
            **{key: value or False for key, value in clean.items()},
            "channel": "portal" if partner else "public",
            "partner_id": partner.id if partner else False,
            "dossier_id": dossier.id or False,
            "client_address": client_address or "",
        }
        if dossier:
            vals["receiving_agency_id"] = (dossier.receiving_agency_id or dossier.agency_id).id
        # sudo: public by design (the form is open to everyone, throttled by the controller), or a
        # portal user filing their own complaint
        complaint = self.sudo().create(vals)
        complaint._portal_ensure_token()
        complaint._notify_sender("received")
        return complaint

    # ------------------------------------------------------------------ lookup
    @api.model
    def _public_find(self, code, contact):
        """The complaint with this reference whose sender gave this email, or a phone ending with
        these digits (4 at least). Both must match; the caller cannot tell which one did not."""
        code = (code or "").strip().upper()
        contact = (contact or "").strip()
        if not code or not contact or len(code) > 64 or len(contact) > 128:
            return self.browse()
        # sudo: public by design, the visitor gives the reference and a second factor
        complaint = self.sudo().search([("name", "=", code)], limit=1)
        if not complaint:
            return self.browse()
        if "@" in contact:
            email = (complaint.sender_email or "").strip().lower()
            return complaint if email and consteq(email, contact.lower()) else self.browse()
        digits = "".join(c for c in contact if c.isdigit())
        stored = "".join(c for c in complaint.sender_phone or "" if c.isdigit())
        if len(digits) >= 4 and len(stored) >= len(digits) and consteq(stored[-len(digits) :], digits):
            return complaint
        return self.browse()

    @api.model
    def _public_find_by_token(self, token):
        if not token or len(token) > 64:
            return self.browse()
        # sudo: public by design, the token is the secret of the sender's link
        complaint = self.sudo().search([("access_token", "=", token)], limit=1)
        return complaint if complaint and consteq(complaint.access_token, token) else self.browse()

    def _sender_rate_answer(self, satisfaction, comment=None):
        """The sender (proved by the caller: portal owner, or link token) rates the answer."""
        return self._set_satisfaction(satisfaction, comment)

    def _sender_add_supplement(self, reply):
        """The sender (proved by the caller) sends the supplement asked."""
        reply = (reply or "").strip()[:5000]
        if not reply:
            raise ValidationError(self.env._("Please write what you add to your complaint."))
        for complaint in self:
            if complaint.state != "supplement":
                raise ValidationError(self.env._("Your complaint is not waiting for a supplement."))
        self._resume(reply)
        return True

    # ------------------------------------------------------------------ published answers
    @api.model
    def _published_domain(self):
        return [("state", "=", "published"), ("is_public", "=", True)]

    # ------------------------------------------------------------------ from a rating
    @api.model
    def _create_from_rating(self, user_input):
        """A complaint received from a "not satisfied" rating (``survey.user_input``).

        The dossier is the rating's, the text its free-text answers. Classified
        "other" until a manager classifies it. Returns the complaint (or an empty recordset when
        the rating has no dossier and no contact to answer).
        """
        user_input = user_input.sudo()
        dossier = user_input.public_admin_dossier_id
        comments = [
            text.strip()
            for text in user_input.user_input_line_ids.mapped(lambda line: line.value_text_box or line.value_char_box)
            if text and text.strip()
        ]
        partner = user_input.partner_id
        content = "\n".join(comments) or self.env._("Not satisfied with the service (rating without comment).")
        dossier = dossier.sudo()
        values = {
            "channel": "rating",
            "category": "other",
            "subject": self.env._("Not satisfied: %(code)s", code=dossier.name)
            if dossier
            else self.env._("Not satisfied with the service"),
            "content": content[:5000],
            "dossier_id": dossier.id or False,
            "partner_id": partner.id or dossier.partner_id.id or False,
            "sender_name": dossier.applicant_name or partner.name or self.env._("Citizen"),
            "sender_phone": dossier.applicant_phone or partner.mobile or partner.phone or False,
            "sender_email": dossier.applicant_email or user_input.email or partner.email or False,
            "user_input_id": user_input.id,
        }
        if dossier.receiving_agency_id:
            values["receiving_agency_id"] = dossier.receiving_agency_id.id
        if not (values["sender_phone"] or values["sender_email"] or values["partner_id"]):
            return self.browse()
        # sudo: called by the rating flow, which has its own checks; the complaint is the centre's
        complaint = self.sudo().create(values)
        complaint._portal_ensure_token()
        return complaint
