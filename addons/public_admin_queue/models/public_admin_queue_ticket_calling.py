import pytz

from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..tools.announcement import announcement_clips, announcement_text

# pylint: disable=consider-merging-classes-inherited


class PublicAdminQueueTicket(models.Model):
    """The ticket's life: issued at the kiosk, called, served, done (or no-show, transferred)."""

    _inherit = "public_admin.queue.ticket"

    # ------------------------------------------------------------------ issuing (kiosk)
    @api.model
    def _issue(self, service, device=None, procedure=None, dossier=None, phone=None):
        """Take a ticket of ``service``: its number is the next of the service's local day.

        Called by the kiosk, which has no user: the caller checked the kiosk's token and that the
        service is one the kiosk offers; the ticket is created as superuser.
        """
        service = service.sudo()
        if not service.active:
            raise UserError(self.env._("This service no longer takes tickets."))
        now = self._now()
        centre = service.reception_centre_id
        if centre.calendar_id and not self.env["public_admin.deadline"].is_working_time(centre.calendar_id, now):
            raise UserError(self.env._("The centre is closed now: tickets are given during opening hours."))
        day = self._local_day(now, centre)
        number = self.env["public_admin.queue.ticket.counter"].sudo()._next_number(service, day)
        procedure = procedure or (dossier and dossier.procedure_id) or self.env["public_admin.procedure"]
        ticket = (
            self.sudo()
            .with_context(public_admin_queue_action=True)
            .create(
                {
                    "name": f"{service.prefix}-{number:03d}",
                    "number": number,
                    "service_id": service.id,
                    "day": day,
                    "date_issued": now,
                    "date_queued": now,
                    "device_id": device.id if device else False,
                    "procedure_id": procedure.id,
                    "dossier_id": dossier.id if dossier else False,
                    "phone": phone or False,
                }
            )
        )
        ticket._log("issue")
        return self.browse(ticket.id)

    @api.model
    def _local_day(self, now, centre):
        """The centre's local date of ``now`` (naive UTC): 23:30 UTC is already tomorrow in Hà Nội."""
        tz = pytz.timezone((centre.calendar_id and centre.calendar_id.tz) or "Asia/Ho_Chi_Minh")
        return pytz.utc.localize(now).astimezone(tz).date()

    # ------------------------------------------------------------------ checks
    def _check_front_desk(self):
        if not self.env.user.has_group("public_admin_centre.group_front_desk"):
            raise AccessError(self.env._("Only the front desk calls and serves tickets."))

    @api.model
    def _my_counter(self):
        """The counter the current user sits at now (their preference, else today's rota)."""
        self._check_front_desk()
        user = self.env.user
        counter = user.public_admin_counter_id
        if not counter:
            rota = self.env["public_admin.queue.rota"].sudo().search([("user_id", "=", user.id)])
            rota = rota.filtered(lambda line: line.weekday == str(line.counter_id._queue_local_now().weekday()))
            counter = rota[:1].counter_id.sudo(False)
        if not counter:
            raise UserError(self.env._("Choose the counter you sit at (your preferences) before calling tickets."))
        return counter

    def _check_at_my_counter(self, states):
        self._check_front_desk()
        counter = self._my_counter()
        for ticket in self:
            if ticket.counter_id != counter:
                raise UserError(
                    self.env._("Ticket %(ticket)s is not at your counter.", ticket=ticket.name),
                )
            if ticket.state not in states:
                raise UserError(
                    self.env._(
                        "Ticket %(ticket)s is %(state)s: this action is not possible now.",
                        ticket=ticket.name,
                        state=ticket._state_label(),
                    )
                )
        return counter

    # ------------------------------------------------------------------ calling
    @api.model
    def _order_sql(self, centre):
        """The queue's order under the centre's priority policy."""
        if centre.queue_priority_policy == "weighted":
            return SQL(
                "date_queued - (CASE WHEN is_priority THEN %s ELSE 0 END) * interval '1 minute', id",
                max(0, centre.queue_priority_bonus),
            )
        return SQL("COALESCE(is_priority, FALSE) DESC, date_queued, id")

    @api.model
    def _waiting_domain_sql(self, counter, day):
        services = counter._queue_services_today()
        return SQL(
            """state = 'waiting' AND day = %(day)s AND reception_centre_id = %(centre)s
               AND ((target_counter_id IS NULL AND service_id = ANY(%(services)s))
                    OR target_counter_id = %(counter)s)""",
            day=day,
            centre=counter.reception_centre_id.id,
            services=services.ids or [0],
            counter=counter.id,
        )

    @api.model
    def action_call_next(self):
        """Call the next ticket to the current user's counter.

        The next ticket is chosen here, never by the officer (no cherry-picking). Two counters
        calling at once never get the same one: the row is locked with ``FOR UPDATE SKIP
        LOCKED``, so the second counter takes the following ticket instead of waiting.
        """
        counter = self._my_counter()
        current = self.search([("counter_id", "=", counter.id), ("state", "in", ("called", "serving"))], limit=1)
        if current:
            raise UserError(
                self.env._(
                    "Ticket %(ticket)s is still at your counter: finish it or mark it as a no-show first.",
                    ticket=current.name,
                )
            )
        now = self._now()
        centre = counter.reception_centre_id.sudo()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id FROM public_admin_queue_ticket WHERE %s ORDER BY %s LIMIT 1 FOR UPDATE SKIP LOCKED",
                self._waiting_domain_sql(counter, self._local_day(now, centre)),
                self._order_sql(centre),
            )
        )
        row = self.env.cr.fetchone()
        if not row:
            raise UserError(self.env._("Nobody is waiting for your counter."))
        ticket = self.browse(row[0])
        ticket._write_action(
            {
                "state": "called",
                "counter_id": counter.id,
                "user_id": self.env.user.id,
                "target_counter_id": False,
                "date_called": now,
                "date_first_called": ticket.date_first_called or now,
                "call_count": ticket.call_count + 1,
            }
        )
        ticket._log("call", counter=counter)
        ticket._announce()
        return ticket

    def action_recall(self):
        """Call the same ticket again (the citizen did not hear)."""
        self._check_at_my_counter(("called",))
        for ticket in self:
            ticket._write_action({"date_called": self._now(), "call_count": ticket.call_count + 1})
        self._log("recall")
        self._announce()
        return True

    def action_no_show(self):
        """The citizen did not come: the counter is free for the next ticket."""
        self._check_at_my_counter(("called",))
        self._write_action({"state": "no_show"})
        self._log("skip")
        self._notify_displays()
        return True

    def action_reactivate(self):
        """A no-show came back the same day: back in the queue, at the place it had."""
        self._check_front_desk()
        today = self._local_day(self._now(), self.reception_centre_id[:1])
        for ticket in self:
            if ticket.state != "no_show":
                raise UserError(self.env._("Only a no-show ticket can be reactivated."))
            if ticket.day != today:
                raise UserError(self.env._("A ticket of another day cannot be reactivated: take a new ticket."))
        self._log("reactivate")
        self._write_action({"state": "waiting", "counter_id": False, "user_id": False})
        self._notify_displays()
        return True

    def action_start(self):
        """The citizen is at the desk: serving starts."""
        self._check_at_my_counter(("called",))
        self._write_action({"state": "serving", "date_serving": self._now()})
        self._log("start")
        self._notify_displays()
        return True

    def action_done(self):
        self._check_at_my_counter(("serving",))
        self._write_action({"state": "done", "date_done": self._now()})
        self._log("done")
        self._notify_displays()
        return True

    def action_transfer(self, service=None, counter=None, note=None):
        """Send the ticket to another service or counter, keeping its place in the queue."""
        my_counter = self._check_at_my_counter(("called", "serving"))
        if not service and not counter:
            raise UserError(self.env._("Choose the service or the counter to transfer the ticket to."))
        if counter and counter == my_counter:
            raise UserError(self.env._("The ticket is already at this counter."))
        centre = my_counter.reception_centre_id
        if (service and service.reception_centre_id != centre) or (counter and counter.reception_centre_id != centre):
            raise UserError(self.env._("A ticket is transferred within its own centre."))
        vals = {
            "state": "waiting",
            "counter_id": False,
            "user_id": False,
            "target_counter_id": counter.id if counter else False,
        }
        if service:
            vals["service_id"] = service.id
        if note:
            vals["note"] = note
        self._log("transfer", note=" – ".join(filter(None, [(service or counter).display_name, note])))
        self._write_action(vals)
        self._notify_displays()
        return True

    def action_mark_priority(self, group="elderly"):
        """Staff mark a ticket as priority (legal priority groups); who marked it is kept."""
        self._check_front_desk()
        for ticket in self:
            if ticket.state != "waiting":
                raise UserError(self.env._("Only a waiting ticket can be given priority."))
        self._write_action({"is_priority": True, "priority_group": group, "priority_user_id": self.env.user.id})
        self._log("priority", note=dict(self._fields["priority_group"]._description_selection(self.env)).get(group))
        return True

    # ------------------------------------------------------------------ serving → dossier
    def action_open_reception(self):
        """Serve the ticket: its citizen's online dossier, or the reception of a new dossier."""
        self.ensure_one()
        counter = self._check_at_my_counter(("called", "serving"))
        if self.state == "called":
            self.action_start()
        action = {
            "type": "ir.actions.act_window",
            "res_model": "public_admin.dossier",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
        if self.dossier_id:
            return dict(action, res_id=self.dossier_id.id)
        context = {
            "default_receiving_agency_id": counter.reception_centre_id.id,
            "default_channel": "counter",
            "public_admin_queue_ticket_id": self.id,
        }
        if self.procedure_id:
            context["default_procedure_id"] = self.procedure_id.id
        return dict(action, context=context)

    def _link_dossier(self, dossier):
        self._write_action({"dossier_id": dossier.id})

    # ------------------------------------------------------------------ live updates
    def _announcement(self):
        self.ensure_one()
        counter_number = self.counter_id.number
        return {
            "text": announcement_text(self.number, counter_number),
            "clips": announcement_clips(self.number, counter_number),
        }

    def _display_payload(self):
        self.ensure_one()
        return {
            "ticket": self.name,
            "number": self.number,
            "counter": self.counter_id.number,
            "counter_name": self.counter_id.name,
            "state": self.state,
        }

    def _announce(self):
        for ticket in self.sudo():  # the caller checked the officer's action
            payload = dict(ticket._display_payload(), announcement=ticket._announcement(), call_id=ticket.call_count)
            for device in ticket._displays():
                self.env["bus.bus"]._sendone(device._bus_channel(), "public_admin_queue/called", payload)
        self._notify_waiting()

    def _notify_displays(self):
        for ticket in self.sudo():
            for device in ticket._displays():
                self.env["bus.bus"]._sendone(device._bus_channel(), "public_admin_queue/changed", {})
        self._notify_waiting()

    def _displays(self):
        self.ensure_one()
        return (
            self.env["public_admin.device"]
            .sudo()
            .search([("kind", "=", "queue_display"), ("reception_centre_id", "=", self.reception_centre_id.id)])
        )

    def _notify_waiting(self):
        """Tell the phones following the tickets still waiting that the queue moved."""
        centres = self.sudo().reception_centre_id
        if not centres:
            return
        waiting = self.sudo().search(
            [("state", "=", "waiting"), ("reception_centre_id", "in", centres.ids), ("day", "in", self.mapped("day"))]
        )
        for ticket in waiting:
            self.env["bus.bus"]._sendone(ticket._bus_channel(), "public_admin_queue/moved", {})
        waiting._send_sms_when_near()

    def _bus_channel(self):
        self.ensure_one()
        return f"public_admin_queue_ticket_{self.sudo().access_token}"

    # ------------------------------------------------------------------ queue position
    def _ahead_count(self):
        """How many waiting tickets will be called before this one (same services, same order)."""
        self.ensure_one()
        if self.state != "waiting":
            return 0
        ticket = self.sudo()
        centre = ticket.reception_centre_id
        ticket.flush_recordset()
        self.env.cr.execute(
            SQL(
                """SELECT id FROM public_admin_queue_ticket
                   WHERE state = 'waiting' AND day = %(day)s AND service_id = %(service)s
                   ORDER BY %(order)s""",
                day=ticket.day,
                service=ticket.service_id.id,
                order=self._order_sql(centre),
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        return ids.index(ticket.id) if ticket.id in ids else 0

    def _estimated_wait(self):
        """Minutes until the call: people ahead × the service's serving time ÷ its open counters."""
        self.ensure_one()
        ticket = self.sudo()
        service = ticket.service_id
        served = self.search(
            [("service_id", "=", service.id), ("day", "=", ticket.day), ("state", "=", "done")],
            limit=20,
            order="date_done desc",
        )
        minutes = (
            sum(served.mapped("serve_minutes")) / len(served) if len(served) >= 5 else service.average_minutes
        ) or service.average_minutes
        counters = max(1, len(service.counter_ids.filtered(lambda c: c.user_ids)) or len(service.counter_ids) or 1)
        return round((ticket._ahead_count() + 0.5) * minutes / counters)

    def _send_sms_when_near(self):
        # The citizen reads the SMS in Vietnamese, whoever's action moved the queue.
        lang = "vi_VN" if self.env["res.lang"]._lang_get("vi_VN") else self.env.lang
        for ticket in self.sudo().with_context(lang=lang).filtered(lambda t: t.phone and not t.is_sms_sent):
            limit = ticket.reception_centre_id.queue_sms_ahead
            if not limit or ticket._ahead_count() > limit:
                continue
            body = ticket.env._(
                "Your ticket %(ticket)s: %(ahead)s people ahead of you. Please come back to the waiting room.",
                ticket=ticket.name,
                ahead=ticket._ahead_count(),
            )
            self.env["sms.sms"].sudo().create({"number": ticket.phone, "body": body})
            ticket._write_action({"is_sms_sent": True})

    @api.model
    def _waiting_count(self, counter):
        day = self._local_day(self._now(), counter.reception_centre_id)
        self.env.flush_all()
        self.env.cr.execute(
            SQL("SELECT count(*) FROM public_admin_queue_ticket WHERE %s", self._waiting_domain_sql(counter, day))
        )
        return self.env.cr.fetchone()[0]

    def action_open_wizard(self, mode="transfer"):
        self.ensure_one()
        self._check_front_desk()
        return {
            "type": "ir.actions.act_window",
            "res_model": "public_admin.queue.ticket.wizard",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_ticket_id": self.id, "default_mode": mode},
        }

    def action_open_priority_wizard(self):
        return self.action_open_wizard("priority")
