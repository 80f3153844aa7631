"""What citizens reach: online submission, supplement upload, timeline, public status lookup."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import consteq, single_email_re

from ..tools.uploads import check_uploaded_files, upload_max_bytes
from .public_admin_dossier import OPEN_STATES, RUNNING_STATES


# The dossier is split by concern on purpose, one file each (as survey and account do).
# pylint: disable=consider-merging-classes-inherited
class PublicAdminDossier(models.Model):
    _inherit = "public_admin.dossier"

    # Portal and public pages.

    # ------------------------------------------------------------------ portal
    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Receipt %(code)s", code=self.name or self.id)

    def _portal_is_applicant(self):
        """The current user is the applicant, or a portal user of the applicant's organisation.

        Only they act on the dossier from the portal (withdraw, answer a supplement request):
        an officer who may read the dossier is not its applicant.
        """
        self.ensure_one()
        user = self.env.user
        return bool(
            user.share
            and not user._is_public()
            and self.partner_id
            and self.partner_id.commercial_partner_id == user.commercial_partner_id
        )

    def action_view_public_status(self):
        """Open the public status page, whose link holds the dossier's secret lookup token.

        Only for those who may read the dossier: the token opens its status to anyone.
        """
        self.ensure_one()
        self.check_access("read")
        return {"type": "ir.actions.act_url", "url": self._get_public_status_url(), "target": "new"}

    @api.model
    def _portal_upload_max_bytes(self):
        return upload_max_bytes(self.env)

    @api.model
    def _portal_check_files(self, files, label, errors):
        """Check ``[(filename, data)]`` uploaded for ``label``; append problems to ``errors``."""
        return check_uploaded_files(self.env, files, label, errors)

    def _portal_create_attachments(self, checked_files):
        """Store checked files on the dossier (as superuser: callers check access first)."""
        self.ensure_one()
        return (
            self.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {"name": name, "raw": data, "mimetype": mimetype, "res_model": self._name, "res_id": self.id}
                    for name, mimetype, data in checked_files
                ]
            )
        )

    @api.model
    def _portal_submit(self, procedure, applicant, files_by_line):
        """Register online, for the current user, a dossier of ``procedure``.

        :param applicant: dict with ``name``, ``phone``, ``email``, ``id_number``, ``address``
            and ``summary`` as typed in the form
        :param files_by_line: ``{procedure document id: [(filename, data), ...]}``
        Every check runs before anything is written and the writing happens in a savepoint: on
        UserError or ValidationError no dossier and no file is left behind.
        """
        procedure = procedure.sudo()  # published procedures are public; the predicate checks it
        if not procedure._is_open_online():
            raise UserError(self.env._("This procedure cannot be submitted online."))
        errors = []
        name = (applicant.get("name") or "").strip()
        phone = (applicant.get("phone") or "").strip()
        email = (applicant.get("email") or "").strip()
        if not name:
            errors.append(self.env._("Give the applicant's name."))
        if not phone:
            errors.append(
                self.env._("Give a phone number: the centre calls it and its last digits let you follow the dossier.")
            )
        if email and not single_email_re.match(email):
            errors.append(self.env._("The email address “%(email)s” is not valid.", email=email))
        checked_by_line = {}
        for line in procedure.document_ids:
            files = files_by_line.get(line.id) or []
            if line.is_required and not files:
                errors.append(self.env._("Attach “%(document)s”: it is required.", document=line.name))
            checked = self._portal_check_files(files, line.name, errors)
            if checked:
                checked_by_line[line.id] = checked
        if errors:
            raise UserError("\n".join(errors))

        user = self.env.user
        reception = self.env["public_admin.agency"]._main_reception_centre(procedure.company_id)
        with self.env.cr.savepoint():
            # sudo: citizens cannot create dossiers through the ORM; this one is theirs (their own
            # partner), for a procedure open online (checked above), with checked files
            dossier = self.sudo().create(
                {
                    "procedure_id": procedure.id,
                    "company_id": procedure.company_id.id,
                    "receiving_agency_id": reception.id or False,
                    "partner_id": user.partner_id.id,
                    "channel": "online",
                    "applicant_name": name,
                    "applicant_phone": phone,
                    "applicant_email": email or False,
                    "applicant_id_number": (applicant.get("id_number") or "").strip() or False,
                    "applicant_address": (applicant.get("address") or "").strip() or False,
                    "summary": (applicant.get("summary") or "").strip() or False,
                }
            )
            for document in dossier.document_ids:
                checked = checked_by_line.get(document.procedure_document_id.id)
                if checked:
                    attachments = dossier._portal_create_attachments(checked)
                    document.write(
                        {
                            "attachment_ids": [fields.Command.link(a.id) for a in attachments],
                            "is_received": True,
                        }
                    )
            dossier.action_register_online()
        return dossier

    def _portal_add_supplement_files(self, files_by_document, general_files=(), message=None):
        """The applicant answers a supplement request from the portal.

        :param files_by_document: ``{dossier document id: [(filename, data), ...]}``
        :param general_files: ``[(filename, data)]`` not tied to a checklist line
        The files are checked first, then stored on the lines, announced in the chatter, and the
        officer who asked for the supplement gets an activity: they check the files and resume
        the dossier themselves ("Supplement received"); the clock does not restart on its own.
        """
        from markupsafe import Markup, escape

        self.ensure_one()
        if not self._portal_is_applicant():
            raise AccessError(self.env._("Only the applicant can send a supplement from the portal."))
        dossier = self.sudo()  # the applicant only reads the dossier; checked just above
        if dossier.state != "supplement":
            raise UserError(
                self.env._(
                    "Dossier %(dossier)s is not waiting for a supplement.", dossier=dossier.name or dossier.display_name
                )
            )
        errors = []
        checked_by_document = {}
        for document in dossier.document_ids:
            checked = self._portal_check_files(files_by_document.get(document.id) or [], document.name, errors)
            if checked:
                checked_by_document[document] = checked
        checked_general = self._portal_check_files(list(general_files), self.env._("Other documents"), errors)
        message = (message or "").strip()
        if not errors and not checked_by_document and not checked_general and not message:
            errors.append(self.env._("Attach at least one file or write a message to the centre."))
        if errors:
            raise UserError("\n".join(errors))

        with self.env.cr.savepoint():
            all_attachments = self.env["ir.attachment"]
            lines = []
            for document, checked in checked_by_document.items():
                attachments = dossier._portal_create_attachments(checked)
                document.write({"attachment_ids": [fields.Command.link(a.id) for a in attachments]})
                all_attachments |= attachments
                lines.append(Markup("<li>%s: %s</li>") % (document.name, ", ".join(attachments.mapped("name"))))
            if checked_general:
                attachments = dossier._portal_create_attachments(checked_general)
                all_attachments |= attachments
                lines.append(
                    Markup("<li>%s: %s</li>") % (self.env._("Other documents"), ", ".join(attachments.mapped("name")))
                )
            body = Markup("<p>%s</p>") % self.env._("Supplement sent online by the applicant.")
            if message:
                body += Markup("<p>%s</p>") % Markup("<br/>").join(escape(line) for line in message.splitlines())
            if lines:
                body += Markup("<ul>%s</ul>") % Markup().join(lines)
            # The files stay on the checklist lines only: attached to the applicant's own message,
            # the portal would let its author delete what they handed in.
            dossier.message_post(
                body=body,
                author_id=self.env.user.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            pause = dossier.pause_ids.filtered(lambda p: p.reason == "supplement" and not p.date_end)[:1]
            officer = next(
                (
                    u
                    for u in (pause.create_uid, dossier.user_id, dossier.receiving_user_id)
                    if u and u.active and not u.share
                ),
                None,
            )
            if officer:
                dossier.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Supplement received online: check it and resume"),
                    user_id=officer.id,
                )
        return all_attachments

    def _portal_can_withdraw(self):
        self.ensure_one()
        return self.state in ("registered",) + OPEN_STATES

    def _portal_appointment(self):
        """The appointment the applicant holds: the one promised by an apology, if any."""
        self.ensure_one()
        return self.date_due_promised or self.date_due

    def _portal_next_step(self):
        """What the applicant must do next, for the portal and the public status page.

        Returns a dict: ``title``, ``text``, ``level`` (a Bootstrap colour) and ``missing``
        (``[(document, what is wrong)]`` of a supplement request).
        """
        self.ensure_one()
        dossier = self.sudo()  # callers checked access (portal) or the lookup's second factor
        _ = self.env._
        missing = []
        place = dossier.receiving_agency_id or dossier.agency_id
        place_text = place.name or _("the centre")
        if place.partner_id:
            address = place.partner_id._public_admin_one_line_address()
            if address:
                place_text = f"{place_text} ({address})"
        if dossier.state == "registered":
            title, level = _("Awaiting reception"), "info"
            text = _(
                "Your dossier was submitted online. The front desk checks it, then gives it a code and "
                "an appointment, or tells you what is missing."
            )
        elif dossier.state in RUNNING_STATES:
            title, level = _("Being processed"), "info"
            text = _("Nothing to do for now: you will be told when the result is ready.")
        elif dossier.state == "supplement":
            title, level = _("Supplement needed"), "warning"
            pause = dossier.pause_ids.filtered(lambda p: p.reason == "supplement" and not p.date_end)[:1]
            if pause.note:
                text = _(
                    "The centre needs more documents before going on: %(reason)s Send them from your "
                    "account or bring them to %(place)s.",
                    reason=pause.note,
                    place=place_text,
                )
            else:
                text = _(
                    "The centre needs more documents before going on. Send them from your account or "
                    "bring them to %(place)s.",
                    place=place_text,
                )
            missing = [(d.name, d.note) for d in dossier.document_ids if d.note]
        elif dossier.state == "financial":
            title, level = _("Payment needed"), "warning"
            text = _(
                "Fulfil the financial obligation (fees, charges or taxes) you were told about: "
                "processing resumes once it is done."
            )
        elif dossier.state == "done":
            title, level = _("Result ready"), "success"
            text = _(
                "Come to collect the result at %(place)s with your receipt and your identity card.", place=place_text
            )
        elif dossier.state == "returned":
            title, level = _("Result returned"), "success"
            if dossier.return_method == "post":
                text = _(
                    "The result was sent by post (tracking number %(number)s).",
                    number=dossier.postal_tracking_number or "",
                )
            else:
                text = _(
                    "The result was handed over on %(date)s.",
                    date=dossier._format_local(dossier.date_returned, with_time=False),
                )
        elif dossier.state == "refused":
            title, level = _("Refused"), "danger"
            text = _("Reason: %(reason)s", reason=dossier.refusal_reason or "")
        elif dossier.state == "withdrawn":
            title, level = _("Withdrawn"), "secondary"
            text = _("The dossier was withdrawn at the applicant's request.")
        elif dossier.state == "stopped":
            title, level = _("Processing stopped"), "danger"
            text = _("Reason: %(reason)s", reason=dossier.stop_reason or "")
        else:
            title, level = _("Being entered"), "secondary"
            text = _("The dossier is being entered at the counter.")
        return {"title": title, "text": text, "level": level, "missing": missing}

    def _portal_timeline(self):
        """What happened so far, oldest first, then the step in progress.

        Each event: ``label``, ``agency`` (a name, never an officer), ``date`` (local text) and
        ``done``.
        """
        self.ensure_one()
        dossier = self.sudo()  # callers checked access (portal) or the lookup's second factor
        _ = self.env._
        dated = []  # (utc datetime, event)

        def add(when, label, agency="", done=True):
            dated.append(
                (when, {"label": label, "agency": agency or "", "date": dossier._format_local(when), "done": done})
            )

        if dossier.date_registered:
            add(dossier.date_registered, _("Submitted online"))
        if dossier.date_received:
            add(dossier.date_received, _("Received"), (dossier.receiving_agency_id or dossier.agency_id).name)
        for step in dossier.step_ids.filtered(lambda s: s.date_done and s.role != "reception"):
            add(step.date_done, step.name, step.agency_id.name)
        for pause in dossier.pause_ids:
            add(
                pause.date_start,
                _("Supplement requested") if pause.reason == "supplement" else _("Awaiting financial obligation"),
                done=bool(pause.date_end),
            )
            if pause.date_end:
                add(pause.date_end, _("Processing resumed"))
        for apology in dossier.apology_ids:
            add(apology.create_date, _("Apology and new appointment"), apology.agency_id.name)
        closing = {
            "done": (dossier.date_finished, _("Processing finished")),
            "returned": (dossier.date_returned, _("Result returned")),
            "refused": (dossier.date_closed, _("Refused")),
            "withdrawn": (dossier.date_closed, _("Withdrawn")),
            "stopped": (dossier.date_closed, _("Processing stopped")),
        }
        if dossier.date_finished and dossier.state == "returned":
            add(dossier.date_finished, _("Processing finished"))
        when, label = closing.get(dossier.state, (None, None))
        if when:
            add(when, label)
        events = [event for _when, event in sorted(dated, key=lambda item: item[0])]
        current = dossier.current_step_id
        if current and not current.date_done and dossier.state in RUNNING_STATES:
            events.append({"label": current.name, "agency": current.agency_id.name or "", "date": "", "done": False})
        return events

    @api.model
    def _public_find_by_code(self, code, phone_digits):
        """The dossier with this code whose applicant's phone ends with ``phone_digits``.

        Both factors must match; the caller cannot tell which one did not.
        """
        code = (code or "").strip()
        digits = "".join(c for c in phone_digits or "" if c.isdigit())
        if not code or len(digits) != 4 or len(code) > 64:
            return self.browse()
        # sudo: public by design, the visitor gives the code and the second factor
        candidates = self.sudo().search(
            [("name", "in", list({code, code.upper()})), ("state", "!=", "draft")],
            limit=5,
        )
        found = self.browse()
        for dossier in candidates:
            stored = "".join(c for c in dossier.applicant_phone or "" if c.isdigit())
            if len(stored) >= 4 and consteq(stored[-4:], digits):
                found = dossier
        return found

    @api.model
    def _public_find_by_token(self, token):
        """The dossier whose status lookup token is ``token`` (as printed in the receipt's QR code)."""
        token = (token or "").strip()
        if not token or len(token) > 64 or not token.isalnum():
            return self.browse()
        # sudo: public by design, the unguessable token is the proof
        dossier = self.sudo().search([("lookup_token", "=", token), ("state", "!=", "draft")], limit=1)
        if dossier and consteq(dossier.lookup_token, token):
            return dossier
        return self.browse()
