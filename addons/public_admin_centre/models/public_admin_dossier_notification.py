"""What the dossier tells people: the applicant's email and SMS, officers' reminders, the crons."""

from odoo import api, fields, models
from odoo.tools import email_normalize, formataddr
from odoo.tools.sql import create_index

from .public_admin_dossier import RUNNING_STATES


# The dossier is split by concern on purpose, one file each (as survey and account do).
# pylint: disable=consider-merging-classes-inherited
class PublicAdminDossier(models.Model):
    _inherit = "public_admin.dossier"

    # Notifications of the applicant and scheduled jobs.

    @api.private
    def init(self):
        result = super().init()
        # The overdue job's candidates (running, not flagged yet) in the job's order: at a
        # million dossiers, and once the day's are flagged, its search reads these few
        # thousand rows instead of scanning the table (465 -> 44 ms, README "Benchmarks").
        create_index(
            self.env.cr,
            "public_admin_dossier_overdue_candidates_index",
            self._table,
            ["date_received DESC", "id DESC"],
            where="(is_overdue IS NULL OR NOT is_overdue) AND state IN ('received', 'in_progress')",
        )
        return result

    def _notify_applicant(self, event):
        """Tell the applicant about ``event`` by email and by SMS, as their preferences allow.

        ``event`` names the templates: mail template ``mail_template_dossier_<event>`` and SMS
        template ``sms_template_dossier_<event>`` (registered, received, supplement, refused,
        apology, done, returned, stopped). Both are posted in the chatter, so the centre sees
        what was sent; a failed SMS shows there in error and is retried (models/sms_sms.py).

        Nothing is sent when the context holds ``public_admin_no_notify``: the demo player
        replays past histories whose applicants must not be told again.
        """
        if self.env.context.get("public_admin_no_notify"):
            return True
        sms_queued = mail_queued = False
        # sudo: called by transitions after their checks; the applicant's data is the dossier's
        for dossier in self.sudo():
            partner = dossier.partner_id
            # A citizen acting online is the author of the message: still notify them. The email
            # is queued, not sent after the commit of the request: a slow mail server must not
            # hold the counter's reception (the mail cron is woken up below).
            dossier = dossier.with_context(
                mail_notify_author=self.env.user.partner_id == partner, mail_notify_force_send=False
            )
            mail_template, sms_template = dossier._notification_templates(event)
            if mail_template and dossier.applicant_email and partner.public_admin_notify_email:
                # The address declared on the dossier wins over the contact's own.
                recipient = partner
                if partner.email_normalized != email_normalize(dossier.applicant_email):
                    recipient = self.env["res.partner"].find_or_create(
                        formataddr((dossier.applicant_name or "", dossier.applicant_email))
                    )
                dossier.message_post_with_source(
                    mail_template,
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=recipient.ids,
                )
                mail_queued = True
            if sms_template and dossier.applicant_phone and partner.public_admin_notify_sms:
                # Queued, not sent inline: a slow gateway must not hold the counter's reception.
                dossier._message_sms_with_template(
                    template=sms_template,
                    partner_ids=partner.ids,
                    sms_pid_to_number={partner.id: dossier.applicant_phone},
                    put_in_queue=True,
                )
                sms_queued = True
        if sms_queued:
            self.env.ref("sms.ir_cron_sms_scheduler_action").sudo()._trigger()
        if mail_queued:
            self.env.ref("mail.ir_cron_mail_scheduler_action").sudo()._trigger()
        return True

    def _notification_templates(self, event):
        """The mail and SMS templates (either may be empty) that tell this dossier's applicant
        about ``event``. A hook: an addon returns its own version of a notification here (the
        survey addon adds the evaluation link to the result's)."""
        self.ensure_one()
        mail_template = self.env.ref(f"public_admin_centre.mail_template_dossier_{event}", raise_if_not_found=False)
        # Results sent by post have their own SMS: each text is a whole translatable sentence.
        by_post = (event == "done" and self.channel == "postal") or (
            event == "returned" and self.return_method == "post"
        )
        sms_template = (
            by_post and self.env.ref(f"public_admin_centre.sms_template_dossier_{event}_post", raise_if_not_found=False)
        ) or self.env.ref(f"public_admin_centre.sms_template_dossier_{event}", raise_if_not_found=False)
        return mail_template, sms_template

    # ------------------------------------------------------------------ cron
    @api.model
    def _cron_update_overdue(self, batch_size=1000):
        now = self._now()
        to_flag = self.search(
            [("state", "in", RUNNING_STATES), ("is_overdue", "=", False), ("date_due", "<", now)],
            limit=batch_size,
        )
        to_flag.write({"is_overdue": True})
        return to_flag

    @api.model
    def _cron_send_reminders(self, batch_size=200, page_size=1000):
        """Remind the holders of dossiers due soon, and agency heads of overdue ones.

        The candidates are read page by page (ids only, ``page_size`` at a time), never all at
        once: at a million dossiers tens of thousands may be overdue, most already reminded.
        It stops after ``batch_size`` dossiers got a reminder and tells ir.cron that work
        remains, so the next call goes on with the dossiers not reminded yet.
        """
        self._cron_update_overdue()
        hours = float(self.env["ir.config_parameter"].sudo().get_param("public_admin_centre.reminder_hours", 8))
        now = self._now()
        engine = self.env["public_admin.deadline"]
        calendar = (
            self.env.ref("public_admin_centre.resource_calendar_public_admin", raise_if_not_found=False)
            or self.env.company.resource_calendar_id
        )
        horizon = engine.add_working_hours(calendar, now, hours)
        reminder_type = self.env.ref("public_admin_centre.mail_activity_type_dossier_reminder")
        kinds = [
            (
                "due_soon",
                [
                    ("state", "in", RUNNING_STATES),
                    ("is_overdue", "=", False),
                    ("date_due", ">=", now),
                    ("date_due", "<=", horizon),
                ],
            ),
            ("overdue", [("state", "in", RUNNING_STATES), ("is_overdue", "=", True)]),
        ]
        done = 0
        for kind, domain in kinds:
            last_id = 0
            while done < batch_size:
                page = self.search(domain + [("id", ">", last_id)], order="id", limit=page_size)
                if not page:
                    break
                last_id = page[-1].id
                done += page._send_reminders_page(kind, reminder_type, batch_size - done)
        remaining = 1 if done >= batch_size else 0  # more may be left: ir.cron calls again
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done

    def _send_reminders_page(self, kind, reminder_type, limit):
        """Reminders of ``kind`` for these dossiers not reminded yet; how many dossiers got one."""
        already = self.env["mail.activity"].search(
            [
                ("res_model", "=", self._name),
                ("res_id", "in", self.ids),
                ("activity_type_id", "=", reminder_type.id),
            ]
        )
        reminded = {(a.res_id, a.user_id.id) for a in already}
        done = 0
        for dossier in self:
            if done >= limit:
                break
            if kind == "due_soon":
                users = dossier.user_id or dossier.current_agency_id.user_ids
                summary = self.env._("Due %(due)s", due=dossier._format_local(dossier.date_due))
            else:
                users = dossier.current_agency_id.head_user_ids or dossier.agency_id.head_user_ids
                summary = self.env._("Overdue since %(due)s", due=dossier._format_local(dossier.date_due))
            users = users.filtered(lambda user, dossier=dossier: (dossier.id, user.id) not in reminded)
            for user in users:
                dossier.activity_schedule(
                    activity_type_id=reminder_type.id,
                    summary=summary,
                    user_id=user.id,
                    date_deadline=fields.Date.context_today(self),
                )
            done += bool(users)
        return done
