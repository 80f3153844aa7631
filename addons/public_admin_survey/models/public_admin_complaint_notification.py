"""What the complaint tells people: the sender's email and SMS, the handlers' reminders, the crons."""

from odoo import api, fields, models

from .public_admin_complaint import OPEN_STATES


# The complaint is split by concern on purpose, one file each (as the dossier is).
# pylint: disable=consider-merging-classes-inherited
class PublicAdminComplaint(models.Model):
    _inherit = "public_admin.complaint"

    def _notify_sender(self, event):
        """Tell the sender about ``event`` (received, supplement, answered, refused) by email and SMS.

        Templates ``mail_template_complaint_<event>`` and ``sms_template_complaint_<event>``; the
        email goes to the address the sender gave (no contact is created for a sender without
        account), the SMS to their phone; both are logged in the chatter. The context key
        ``public_admin_no_notify`` (demo) sends nothing.
        """
        if self.env.context.get("public_admin_no_notify"):
            return True
        sms_queued = False
        # sudo: called by transitions and submissions after their checks; the contacts are the sender's
        for complaint in self.sudo():
            mail_template = self.env.ref(
                f"public_admin_survey.mail_template_complaint_{event}", raise_if_not_found=False
            )
            email = complaint.sender_email or complaint.partner_id.email
            if mail_template and email:
                mail_template.send_mail(complaint.id, email_values={"email_to": email, "recipient_ids": []})
                complaint.message_post(
                    body=self.env._("Email sent to the sender: %(subject)s", subject=mail_template.name),
                    subtype_xmlid="mail.mt_note",
                )
            sms_template = self.env.ref(f"public_admin_survey.sms_template_complaint_{event}", raise_if_not_found=False)
            phone = complaint.sender_phone or complaint.partner_id.mobile or complaint.partner_id.phone
            if sms_template and phone:
                complaint._message_sms_with_template(template=sms_template, sms_numbers=[phone], put_in_queue=True)
                sms_queued = True
        if sms_queued:
            self.env.ref("sms.ir_cron_sms_scheduler_action").sudo()._trigger()
        return True

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_update_overdue(self, batch_size=1000):
        """Flag, in batches, the complaints not answered by their answer deadline (``is_overdue``)
        and the answers not published by their publication deadline (``is_publication_overdue``)."""
        now = self._now()
        late_answers = self.search(
            [("is_overdue", "=", False), ("state", "in", OPEN_STATES), ("date_due_answer", "<", now)],
            limit=batch_size,
        )
        late_answers.sudo().write({"is_overdue": True})
        late_publications = self.search(
            [
                ("is_publication_overdue", "=", False),
                ("state", "=", "answered"),
                ("is_public", "=", True),
                ("date_due_publication", "<", now),
            ],
            limit=batch_size,
        )
        late_publications.sudo().write({"is_publication_overdue": True})
        if batch_size in (len(late_answers), len(late_publications)):
            self.env.ref("public_admin_survey.ir_cron_complaint_reminders")._trigger()
        return late_answers | late_publications

    @api.model
    def _cron_send_reminders(self, batch_size=200):
        """One activity per deadline coming within ``public_admin_survey.complaint_reminder_days``
        (1) working day: refusal, supplement and answer for the assigned agency's officers (or
        the managers while it is unassigned), publication for the managers."""
        self._cron_update_overdue()
        days = float(self.env["ir.config_parameter"].sudo().get_param("public_admin_survey.complaint_reminder_days", 1))
        now = self._now()
        engine = self.env["public_admin.deadline"]
        # Candidates within a wide calendar window, then each on its own centre's calendar.
        horizon = fields.Datetime.add(now, days=int(days * 7) + 14)
        reminder_type = self.env.ref("public_admin_survey.mail_activity_type_complaint_reminder")
        managers = self.env.ref("public_admin_centre.group_centre_manager").users.filtered(lambda u: not u.share)
        kinds = [
            (
                "refusal",
                [("state", "=", "received"), ("date_due_refusal", ">=", now), ("date_due_refusal", "<=", horizon)],
            ),
            (
                "supplement",
                [
                    ("state", "in", ("received", "in_progress")),
                    ("date_due_supplement", ">=", now),
                    ("date_due_supplement", "<=", horizon),
                ],
            ),
            (
                "answer",
                [("state", "in", OPEN_STATES), ("date_due_answer", ">=", now), ("date_due_answer", "<=", horizon)],
            ),
            (
                "publication",
                [
                    ("state", "=", "answered"),
                    ("is_public", "=", True),
                    ("date_due_publication", ">=", now),
                    ("date_due_publication", "<=", horizon),
                ],
            ),
        ]
        labels = {
            "refusal": self.env._("Refuse by"),
            "supplement": self.env._("Ask for a supplement by"),
            "answer": self.env._("Answer by"),
            "publication": self.env._("Publish by"),
        }
        todo = []
        for kind, domain in kinds:
            for complaint in self.search(domain, limit=batch_size):
                calendar = complaint._calendar()
                due = complaint[f"date_due_{kind}"]
                if engine.working_hours_between(calendar, now, due) <= days * (calendar.hours_per_day or 8.0):
                    todo.append((complaint, kind))
        already = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", [c.id for c, _k in todo]),
                ("activity_type_id", "=", reminder_type.id),
            ]
        )
        reminded = {(a.res_id, a.user_id.id, a.summary) for a in already}
        created = self.env["mail.activity"]
        for complaint, kind in todo[:batch_size]:
            due = complaint[f"date_due_{kind}"]
            summary = f"{labels[kind]} {complaint._format_local(due)}"
            if kind == "publication" or not complaint.agency_id:
                users = managers
            else:
                users = complaint.user_id or complaint.agency_id.user_ids
            for user in users:
                if (complaint.id, user.id, summary) in reminded:
                    continue
                created |= complaint.activity_schedule(
                    activity_type_id=reminder_type.id,
                    summary=summary,
                    date_deadline=complaint._local_date(due),
                    user_id=user.id,
                )
        return created
