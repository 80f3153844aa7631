"""The dossier's workflow: guards, steps, clock stops and every transition (``action_*``)."""

import itertools

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .public_admin_dossier import BEFORE_RECEPTION_STATES, OPEN_STATES, PAUSED_STATES, RUNNING_STATES

# The actions of the dossier form; each has a ``can_<action>`` field telling whether the current
# user may take it now (the buttons show on that alone).
USER_ACTIONS = (
    "receive",
    "start_step",
    "finish_step",
    "transfer",
    "request_supplement",
    "resume",
    "await_financial",
    "financial_done",
    "return_result",
    "apologize",
    "refuse",
    "stop",
    "withdraw",
)
# An agency that will miss the appointment apologises no later than one day before it
# (Decree 61/2018/ND-CP, art. 19): the apology is offered from one working day before the
# appointment on, and on late dossiers.
APOLOGY_WINDOW_HOURS = 8.0


# The dossier is split by concern on purpose, one file each (as survey and account do).
# pylint: disable=consider-merging-classes-inherited
class PublicAdminDossier(models.Model):
    _inherit = "public_admin.dossier"

    # Transitions check the user's rights, then run as superuser keeping the user's identity.

    # ------------------------------------------------------------------ what the user may do now
    can_receive = fields.Boolean(compute="_compute_user_actions")
    can_start_step = fields.Boolean(compute="_compute_user_actions")
    can_finish_step = fields.Boolean(compute="_compute_user_actions")
    can_transfer = fields.Boolean(compute="_compute_user_actions")
    can_request_supplement = fields.Boolean(compute="_compute_user_actions")
    can_resume = fields.Boolean(compute="_compute_user_actions")
    can_await_financial = fields.Boolean(compute="_compute_user_actions")
    can_financial_done = fields.Boolean(compute="_compute_user_actions")
    can_return_result = fields.Boolean(compute="_compute_user_actions")
    can_apologize = fields.Boolean(compute="_compute_user_actions")
    can_refuse = fields.Boolean(compute="_compute_user_actions")
    can_stop = fields.Boolean(compute="_compute_user_actions")
    can_withdraw = fields.Boolean(compute="_compute_user_actions")
    action_block_reason = fields.Char(
        compute="_compute_user_actions", help="Why the current user can take no action on the dossier now."
    )

    @api.depends_context("uid")
    @api.depends(
        "state",
        "state_before_pause",
        "current_agency_id",
        "current_step_id.date_accepted",
        "date_received",
        "date_due",
        "is_overdue",
        "timeliness",
    )
    def _compute_user_actions(self):
        user = self.env.user
        roles = {
            "front_desk": user.has_group("public_admin_centre.group_front_desk"),
            "officer": user.has_group("public_admin_centre.group_agency_officer"),
            "head": user.has_group("public_admin_centre.group_agency_head"),
            "manager": user.has_group("public_admin_centre.group_centre_manager"),
        }
        # Rules are checked on the stored dossiers (a form being edited holds a copy of them).
        writable_ids = set(self._origin._filtered_access("write").ids)
        may_create = self.browse().has_access("create")
        my_agencies = self._my_agencies()
        for dossier in self:
            origin = dossier._origin
            writable = origin.id in writable_ids if origin.id else may_create
            actions = dossier._user_actions(roles, my_agencies) if writable else set()
            for action in USER_ACTIONS:
                dossier[f"can_{action}"] = action in actions
            dossier.action_block_reason = False
            if not actions and dossier.state in OPEN_STATES and dossier.current_agency_id not in my_agencies:
                dossier.action_block_reason = self.env._(
                    "The dossier is at %(agency)s: only the officers of that agency can process it now.",
                    agency=dossier.current_agency_id.display_name,
                )

    def _user_actions(self, roles, my_agencies):
        """The actions the current user, who may change the dossier, may take on it in its state.

        Mirrors the guards of the transitions: an agency's steps belong to that agency's people
        (and the managers); the front desk receives, takes supplements and payments in, returns
        results and records what applicants ask at the counter.
        """
        self.ensure_one()
        state = self.state
        at_agency = roles["manager"] or self.current_agency_id in my_agencies
        front = roles["front_desk"]
        received = bool(self.date_received)
        step_waiting = bool(self.current_step_id) and not self.current_step_id.date_accepted
        conditions = {
            "receive": front and state in BEFORE_RECEPTION_STATES,
            "start_step": at_agency and state in RUNNING_STATES and step_waiting,
            "finish_step": at_agency and state == "in_progress" and bool(self.current_step_id.date_accepted),
            "transfer": at_agency and state in RUNNING_STATES,
            "request_supplement": (at_agency and state in RUNNING_STATES) or (front and state == "registered"),
            "resume": (front or at_agency) and state == "supplement",
            "await_financial": at_agency and roles["officer"] and state in RUNNING_STATES,
            "financial_done": (front or at_agency) and state == "financial",
            "return_result": front and state == "done",
            "apologize": at_agency and roles["officer"] and self._is_apology_due(),
            "refuse": (front and state in BEFORE_RECEPTION_STATES + ("supplement",))
            or ((front or at_agency) and state in RUNNING_STATES + ("supplement",) and received),
            "stop": received and state in OPEN_STATES and (roles["manager"] or front or (roles["head"] and at_agency)),
            "withdraw": (front or at_agency) and state in BEFORE_RECEPTION_STATES + OPEN_STATES,
        }
        return {action for action, allowed in conditions.items() if allowed}

    def _is_apology_due(self):
        """Late (overdue, or finished after the appointment), or due within a working day."""
        self.ensure_one()
        if self.state not in OPEN_STATES + ("done",):
            return False
        if self.is_overdue or self.timeliness == "late":
            return True
        if self.state == "done" or not self.date_due:
            return False
        now = self._now()
        if self.date_due <= now:
            return True
        hours_left = self.env["public_admin.deadline"].working_hours_between(self._calendar(), now, self.date_due)
        return hours_left <= APOLOGY_WINDOW_HOURS

    # ------------------------------------------------------------------ helpers
    def _set_state(self, state, **vals):
        self.with_context(public_admin_state_change=True).write(dict(vals, state=state))

    # Who may take each action beyond the write access every transition needs: the same groups
    # as the form's buttons (a button's ``groups=`` only hides it; the method decides).
    # tests/test_access_matrix.py checks that every button with groups is listed here.
    _action_groups = {
        "action_receive": ("public_admin_centre.group_front_desk",),
        "action_print_receipt": ("public_admin_centre.group_front_desk",),
        "action_start_step": ("public_admin_centre.group_agency_officer",),
        "action_finish_step": ("public_admin_centre.group_agency_officer",),
        "action_transfer": ("public_admin_centre.group_agency_officer", "public_admin_centre.group_front_desk"),
        "action_await_financial": ("public_admin_centre.group_agency_officer",),
        "action_return_result": ("public_admin_centre.group_front_desk",),
        "action_apologize": ("public_admin_centre.group_agency_officer",),
        "action_stop": ("public_admin_centre.group_agency_head", "public_admin_centre.group_front_desk"),
    }

    def _check_action_groups(self, action):
        """The user belongs to one of the groups allowed to take ``action`` (AccessError otherwise)."""
        groups = self._action_groups.get(action)
        if not groups or self.env.su or any(self.env.user.has_group(group) for group in groups):
            return
        names = ", ".join(self.env.ref(group).sudo().name for group in groups)
        raise AccessError(
            self.env._(
                "Only these roles may take this action on a dossier: %(groups)s.",
                groups=names,
            )
        )

    def _check_state(self, allowed, action_label, action=None):
        """Guard of every transition: the user may change these dossiers, in this state.

        The transition itself then runs as superuser with the user's identity kept, because
        handing a dossier over moves it out of the officer's write rule half-way through.
        """
        self.check_access("write")
        if action:
            self._check_action_groups(action)
        for dossier in self:
            if dossier.state not in allowed:
                state_label = dossier._state_label()
                raise UserError(
                    self.env._(
                        "You cannot %(action)s dossier %(dossier)s while it is “%(state)s”.",
                        action=action_label,
                        dossier=dossier.display_name,
                        state=state_label,
                    )
                )

    def _check_applicant_complete(self):
        for dossier in self:
            missing = []
            if not dossier.applicant_name:
                missing.append(self.env._("name"))
            if not dossier.applicant_phone and not dossier.applicant_email:
                missing.append(self.env._("phone or email"))
            if missing:
                raise UserError(
                    self.env._(
                        "The applicant's %(fields)s must be filled before receiving the dossier.",
                        fields=", ".join(missing),
                    )
                )

    def _check_required_documents(self):
        for dossier in self:
            missing = dossier.document_ids.filtered(lambda d: d._is_enforced() and not d.is_received)
            if missing:
                # No f-string inside _(): Odoo's term extractor evaluates every string of the call.
                documents = "\n".join("- " + name for name in missing.mapped("name"))
                raise UserError(
                    self.env._(
                        "Dossier %(dossier)s misses required documents:\n%(documents)s\n"
                        "Request them from the applicant or mark them received.",
                        dossier=dossier.display_name,
                        documents=documents,
                    )
                )

    def _closed_pauses(self):
        return [(p.date_start, p.date_end) for p in self.pause_ids if p.date_end]

    def _compute_appointment(self, received_at=None):
        """The appointment from reception, moved by every closed clock stop."""
        self.ensure_one()
        procedure = self.procedure_id
        amount, unit = procedure._processing_time_for(self.channel)
        return self.env["public_admin.deadline"].compute_appointment(
            self._calendar(),
            received_at or self.date_received,
            amount,
            unit,
            cutoff=procedure.same_day_cutoff,
            pauses=self._closed_pauses(),
        )

    def _recompute_deadlines(self):
        """Appointment and open step deadlines after a clock stop ended."""
        engine = self.env["public_admin.deadline"]
        for dossier in self.filtered("date_received"):
            date_due = dossier._compute_appointment()
            dossier.with_context(public_admin_state_change=True).write({"date_due": date_due})
            steps = dossier.step_ids.filtered(lambda s: not s.date_done)
            if not steps:
                continue
            deadlines = engine.add_working_hours_many(
                dossier._calendar(),
                dossier.date_received,
                steps.mapped("planned_offset_hours"),
                pauses=dossier._closed_pauses(),
            )
            for step, deadline in zip(steps, deadlines, strict=True):
                step.date_deadline = min(deadline, date_due)
        self._update_overdue()

    def _update_overdue(self):
        now = self._now()
        for dossier in self:
            overdue = bool(
                dossier.state in OPEN_STATES
                and dossier.date_due
                and dossier.date_due < now
                and dossier.state not in PAUSED_STATES
            )
            if dossier.is_overdue != overdue:
                dossier.is_overdue = overdue

    def _create_steps(self):
        """Step instances from the procedure's workflow, deadlines planned from reception."""
        engine = self.env["public_admin.deadline"]
        for dossier in self:
            templates = dossier.procedure_id.step_ids
            offsets = list(itertools.accumulate(templates.mapped("duration_hours"), initial=0.0))[1:]
            # One walk over the working time for every step's deadline.
            deadlines = (
                engine.add_working_hours_many(dossier._calendar(), dossier.date_received, offsets) if offsets else []
            )
            vals_list = []
            for template, offset, deadline in zip(templates, offsets, deadlines, strict=True):
                vals_list.append(
                    {
                        "dossier_id": dossier.id,
                        "sequence": template.sequence,
                        "name": template.name,
                        "role": template.role,
                        "agency_id": (template.agency_id or dossier.agency_id).id,
                        "planned_offset_hours": offset,
                        "date_deadline": min(deadline, dossier.date_due) if dossier.date_due else deadline,
                    }
                )
            if not vals_list:
                vals_list.append(
                    {
                        "dossier_id": dossier.id,
                        "sequence": 10,
                        "name": self.env._("Appraise and decide"),
                        "role": "officer",
                        "agency_id": dossier.agency_id.id,
                        "planned_offset_hours": 0.0,
                        "date_deadline": dossier.date_due,
                    }
                )
            self.env["public_admin.dossier.step"].create(vals_list)

    def _enter_step(self, step, handed_by=None):
        """Hand the dossier over to ``step``'s agency and tell its people."""
        self.ensure_one()
        now = self._now()
        step.write({"date_start": now, "handed_by_id": (handed_by or self.env.user).id})
        self.with_context(public_admin_state_change=True).write(
            {
                "current_step_id": step.id,
                "current_agency_id": step.agency_id.id,
                "agency_ids": [fields.Command.link(step.agency_id.id)],
                "user_id": step.user_id.id or False,
            }
        )
        self._schedule_next_activity(step)

    def _schedule_next_activity(self, step):
        self.ensure_one()
        agency = step.agency_id
        if step.role == "head":
            candidates = agency.head_user_ids
        else:
            candidates = (agency.user_ids - agency.head_user_ids) or agency.user_ids
        assignee = step.user_id or candidates.sorted("id")[:1] or agency.head_user_ids[:1]
        if not assignee:
            return
        deadline_date = (
            fields.Date.to_date(step.date_deadline) if step.date_deadline else fields.Date.context_today(self)
        )
        self.activity_schedule(
            "public_admin_centre.mail_activity_type_dossier_step",
            date_deadline=deadline_date,
            summary=step.name,
            user_id=assignee.id,
        )

    def _close_activities(self):
        self.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("public_admin_centre.mail_activity_type_dossier_step")
        ).action_feedback()

    def _open_pause(self, reason, note=None):
        self.env["public_admin.dossier.pause"].create(
            [{"dossier_id": dossier.id, "reason": reason, "date_start": self._now(), "note": note} for dossier in self]
        )

    def _close_pause(self):
        now = self._now()
        self.pause_ids.filtered(lambda p: not p.date_end).write({"date_end": now})

    # ------------------------------------------------------------------ transitions
    def action_register_online(self):
        """The citizen submitted online: the dossier waits in the front desk's queue."""
        self._check_state(("draft",), self.env._("register online"))
        self._check_applicant_complete()
        self._check_required_documents()
        self.procedure_id._check_processing_time_set()
        self._set_state("registered", date_registered=self._now(), channel="online")
        for dossier in self.sudo():  # rights checked by _check_state above
            # A reference to quote at once; the dossier code is given at reception. The sequence is
            # read as superuser: citizens submitting online may not read sequences.
            local_day = pytz.utc.localize(dossier.date_registered).astimezone(dossier._local_tz()).date()
            sequence = dossier.env["ir.sequence"].with_context(ir_sequence_date=local_day)
            dossier.online_reference = sequence.next_by_code("public_admin.dossier.online")
            dossier.message_post(body=self.env._("Dossier registered online, awaiting reception."))
            dossier._notify_applicant("registered")
        return True

    def action_receive(self):
        """Receive the dossier: give it its code, its appointment and its steps."""
        self._check_state(("draft", "registered"), self.env._("receive"), "action_receive")
        self._public_admin_link_applicant()
        self._check_applicant_complete()
        for dossier in self.filtered(lambda d: not d.partner_id):
            raise UserError(
                self.env._(
                    "Give the citizen ID number or the phone of the applicant of dossier %(dossier)s: "
                    "the citizen is found or registered from them.",
                    dossier=dossier.display_name,
                )
            )
        self._check_required_documents()
        now = self._now()
        for dossier in self.sudo():  # rights checked by _check_state above
            agency = dossier.receiving_agency_id or dossier.agency_id
            if not agency:
                raise UserError(self.env._("Choose the receiving unit before receiving the dossier."))
            if not agency.code:
                raise UserError(
                    self.env._(
                        "%(agency)s has no agency code yet, and a dossier code opens with it: an "
                        "administrator must complete it (Configuration › Agencies) before it receives "
                        "dossiers.",
                        agency=agency.display_name,
                    )
                )
            dossier.procedure_id._check_processing_time_set()
            if not dossier.procedure_id.is_current:
                raise UserError(
                    self.env._(
                        "Procedure %(procedure)s is not in force today.", procedure=dossier.procedure_id.display_name
                    )
                )
            if (
                dossier.channel != "online"
                and not dossier.procedure_id.accepts_counter
                and dossier.channel == "counter"
            ):
                raise UserError(self.env._("This procedure is not accepted at the counter."))
            local_day = pytz.utc.localize(now).astimezone(dossier._local_tz()).date()
            number = self.env["public_admin.dossier.counter"]._next_number(agency, local_day)
            code = f"{agency.code}-{local_day.strftime('%y%m%d')}-{number:04d}"
            date_due = dossier._compute_appointment(received_at=now)
            dossier._set_state(
                "received",
                name=code,
                date_received=now,
                date_due=date_due,
                date_due_initial=date_due,
                receiving_user_id=self.env.user.id,
                receiving_agency_id=agency.id,
                reception_counter_id=self.env.user._public_admin_counter_at(agency).id,
                register_number=self.env["ir.sequence"].next_by_code("public_admin.dossier.register"),
                agency_ids=[fields.Command.link(agency.id), fields.Command.link(dossier.agency_id.id)],
            )
            dossier.document_ids.filtered(lambda d: d.is_received and not d.date_received).write({"date_received": now})
            dossier._create_steps()
            first_step = dossier.step_ids.sorted()[:1]
            if first_step.role == "reception":
                first_step.write({"date_start": now, "user_id": self.env.user.id, "handed_by_id": self.env.user.id})
                first_step._mark_done()
                first_step = dossier.step_ids.sorted().filtered(lambda s: not s.date_done)[:1]
            if first_step:
                dossier._enter_step(first_step)
            dossier.message_post(
                body=self.env._(
                    "Dossier received with code %(code)s; appointment %(due)s.",
                    code=code,
                    due=dossier._format_local(date_due),
                )
            )
            dossier._notify_applicant("received")
        return True

    def action_start_step(self):
        """The officer of the current agency takes the dossier in hand."""
        self._check_state(RUNNING_STATES, self.env._("start processing"), "action_start_step")
        for dossier in self.sudo():  # rights checked by _check_state above
            step = dossier.current_step_id
            if not step or step.date_done:
                raise UserError(
                    self.env._("Dossier %(dossier)s has no step waiting to be processed.", dossier=dossier.display_name)
                )
            dossier._check_user_at_agency(step.agency_id)
            step.write({"user_id": self.env.user.id, "date_accepted": self._now()})
            dossier._set_state("in_progress", user_id=self.env.user.id)
            dossier.message_post(
                body=self.env._("%(user)s started “%(step)s”.", user=self.env.user.name, step=step.name)
            )
        return True

    def action_finish_step(self, note=None):
        """Finish the current step; the next one's agency gets the dossier, or processing ends."""
        self._check_state(("in_progress",), self.env._("finish a step of"), "action_finish_step")
        for dossier in self.sudo():  # rights checked by _check_state above
            step = dossier.current_step_id
            if not step or not step.date_accepted:
                raise UserError(self.env._("Start the current step before finishing it."))
            dossier._check_user_at_agency(step.agency_id)
            if note:
                step.note = note
            step._mark_done()
            dossier._close_activities()
            next_step = dossier.step_ids.sorted().filtered(lambda s: not s.date_done)[:1]
            if next_step:
                dossier._enter_step(next_step, handed_by=self.env.user)
                dossier._set_state("in_progress")
                if next_step.agency_id == step.agency_id:
                    body = self.env._(
                        "Handed over within %(agency)s for “%(step)s”.",
                        agency=step.agency_id.display_name,
                        step=next_step.name,
                    )
                else:
                    body = self.env._(
                        "Handed over from %(from)s to %(to)s for “%(step)s”.",
                        **{
                            "from": step.agency_id.display_name,
                            "to": next_step.agency_id.display_name,
                            "step": next_step.name,
                        },
                    )
                dossier.message_post(body=body)
            else:
                dossier._finish_processing()
        return True

    def action_transfer(self, agency, hours=8.0, note=None, step_name=None):
        """Send the dossier to another agency for a step that the procedure does not plan."""
        self._check_state(RUNNING_STATES, self.env._("transfer"), "action_transfer")
        for dossier in self:
            dossier._check_user_at_agency(dossier.current_agency_id)
        if not agency:
            raise UserError(self.env._("Choose the agency to transfer the dossier to."))
        if hours < 0:
            raise UserError(self.env._("The time given to the other agency cannot be negative."))
        engine = self.env["public_admin.deadline"]
        for dossier in self.sudo():  # rights checked by _check_state above
            current = dossier.current_step_id
            if current and current.agency_id == agency:
                raise UserError(self.env._("The dossier is already at %(agency)s.", agency=agency.display_name))
            now = self._now()
            if current and not current.date_done:
                if not current.date_accepted:
                    current.write({"user_id": self.env.user.id, "date_accepted": now})
                current.note = note or current.note
                current._mark_done()
            dossier._close_activities()
            sequence = (current.sequence if current else 0) + 1
            deadline = engine.add_working_hours(dossier._calendar(), now, hours, pauses=())
            new_step = self.env["public_admin.dossier.step"].create(
                {
                    "dossier_id": dossier.id,
                    "sequence": sequence,
                    "name": step_name or self.env._("Process at %(agency)s", agency=agency.name),
                    "role": "officer",
                    "agency_id": agency.id,
                    "planned_offset_hours": engine.working_hours_between(
                        dossier._calendar(), dossier.date_received, deadline, pauses=dossier._closed_pauses()
                    ),
                    "date_deadline": min(deadline, dossier.date_due) if dossier.date_due else deadline,
                    "note": note,
                }
            )
            # Later planned steps keep their order after the inserted one.
            later_steps = (
                dossier.step_ids.filtered(lambda s, after=sequence: not s.date_done and s.sequence >= after) - new_step
            )
            for later in later_steps:
                later.sequence += 1
            dossier._enter_step(new_step, handed_by=self.env.user)
            dossier._set_state("in_progress")
            dossier.message_post(
                body=self.env._("Transferred to %(agency)s.", agency=agency.display_name) + (f" {note}" if note else "")
            )
        return True

    def action_request_supplement(self, reason, documents=None):
        """Ask the applicant for missing or corrected documents (form 02).

        Being processed, the dossier's clock stops. Submitted online and not received yet, the
        front desk sends it back for completion before reception: there is no clock to stop,
        the request does not count among the supplement requests of the processing, and the
        dossier comes back to the reception queue when the applicant completes it.
        """
        self._check_state(RUNNING_STATES + ("registered",), self.env._("request a supplement for"))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the supplement request."))
        if "registered" in self.mapped("state") and not self.env.user.has_group("public_admin_centre.group_front_desk"):
            raise UserError(self.env._("Only the front desk asks for the completion of a dossier before receiving it."))
        for dossier in self.sudo():  # rights checked by _check_state above
            before_reception = dossier.state == "registered"
            dossier._set_state(
                "supplement",
                state_before_pause=dossier.state,
                supplement_count=dossier.supplement_count + (0 if before_reception else 1),
            )
            # Before reception the stop is the record of the request (form 02, the portal's
            # notice); it lies before the reception and so moves no deadline.
            dossier._open_pause("supplement", note=reason)
            dossier._update_overdue()
            if before_reception:
                body = self.env._("Completion requested before reception: %(reason)s", reason=reason)
            else:
                body = self.env._("Supplement requested: %(reason)s", reason=reason)
            if documents:
                body += "\n" + documents
            dossier.message_post(body=body)
            dossier._notify_applicant("completion" if before_reception else "supplement")
        return True

    def action_resume(self):
        """The applicant supplied what was asked (or paid): the clock runs again, or the dossier
        not received yet goes back to the reception queue."""
        self._check_state(PAUSED_STATES, self.env._("resume"))
        for dossier in self.sudo():  # rights checked by _check_state above
            if dossier.state_before_pause == "registered":
                dossier._return_to_reception_queue()
                continue
            dossier._close_pause()
            dossier._set_state(dossier.state_before_pause or "in_progress", state_before_pause=False)
            dossier._recompute_deadlines()
            dossier.message_post(
                body=self.env._(
                    "Processing resumed; appointment moved to %(due)s.", due=dossier._format_local(dossier.date_due)
                )
            )
        return True

    def _return_to_reception_queue(self):
        """A dossier completed before reception waits again for the front desk (as superuser:
        callers check the user's rights, or act for the applicant on their own dossier)."""
        for dossier in self:
            dossier._close_pause()
            dossier._set_state("registered", state_before_pause=False)
            dossier.message_post(
                body=self.env._("The applicant completed the dossier: it is back in the reception queue.")
            )

    def action_await_financial(self):
        """Stop the clock while the applicant fulfils a financial obligation (tax, fee)."""
        self._check_state(RUNNING_STATES, self.env._("wait for the financial obligation of"), "action_await_financial")
        for dossier in self:
            dossier._check_user_at_agency(dossier.current_agency_id)
        for dossier in self.sudo():  # rights checked by _check_state above
            dossier._set_state("financial", state_before_pause=dossier.state)
            dossier._open_pause("financial")
            dossier._update_overdue()
            dossier.message_post(body=self.env._("Waiting for the applicant's financial obligation."))
        return True

    def action_financial_done(self):
        self._check_state(("financial",), self.env._("confirm the financial obligation of"))
        return self.action_resume()

    def action_finish(self):
        """Finish processing; every planned step must be done."""
        self._check_state(("in_progress",), self.env._("finish processing"))
        for dossier in self.sudo():  # rights checked by _check_state above
            pending = dossier.step_ids.filtered(lambda s: not s.date_done)
            if pending:
                raise UserError(
                    self.env._("Steps are still pending: %(steps)s.", steps=", ".join(pending.mapped("name")))
                )
            dossier._finish_processing()
        return True

    def _finish_processing(self):
        now = self._now()
        for dossier in self.sudo():  # rights checked by _check_state above
            if dossier._financial_obligation_required():
                raise UserError(self.env._("The applicant's financial obligation is not fulfilled yet."))
            dossier._set_state("done", date_finished=now, current_step_id=False, is_overdue=False)
            dossier.message_post(body=self.env._("Processing finished; the result is ready to be returned."))
            dossier._notify_applicant("done")

    def action_return_result(self, method="counter", tracking_number=None):
        """Hand the result back, at the counter or by post."""
        self._check_state(("done",), self.env._("return the result of"), "action_return_result")
        if method == "post" and not (tracking_number or "").strip():
            raise UserError(self.env._("Give the postal tracking number of the result."))
        now = self._now()
        for dossier in self.sudo():  # rights checked by _check_state above
            dossier._set_state(
                "returned",
                date_returned=now,
                date_closed=now,
                return_method=method,
                postal_tracking_number=tracking_number or False,
                return_counter_id=method == "counter"
                and self.env.user._public_admin_counter_at(dossier.receiving_agency_id).id,
            )
            dossier.message_post(body=self.env._("Result returned."))
            dossier._notify_applicant("returned")
            dossier._on_result_returned()
        return True

    def _close(self, state, message, event=None, **vals):
        """End the dossier without a result (refused, withdrawn, stopped).

        Ends a running clock stop, closes the pending step activities, says why in the chatter
        and tells the applicant (``event`` names the notification; none for their own withdrawal).
        Called as superuser by the actions, after their guard.
        """
        now = self._now()
        for dossier in self:
            dossier._close_pause()
            dossier._set_state(state, date_closed=now, is_overdue=False, **vals)
            dossier._close_activities()
            dossier.message_post(body=message)
            if event:
                dossier._notify_applicant(event)

    def action_refuse(self, reason):
        """Refuse the dossier (or refuse to receive it) with the reason the applicant will read."""
        self._check_state(BEFORE_RECEPTION_STATES + RUNNING_STATES + ("supplement",), self.env._("refuse"))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the refusal."))
        self.sudo()._close(  # rights checked by _check_state above
            "refused", self.env._("Dossier refused: %(reason)s", reason=reason), "refused", refusal_reason=reason
        )
        return True

    def action_withdraw(self, reason=None):
        """The applicant withdraws a dossier that is not finished."""
        self._check_state(BEFORE_RECEPTION_STATES + OPEN_STATES, self.env._("withdraw"))
        message = self.env._("Dossier withdrawn by the applicant.") + (f" {reason}" if reason else "")
        self.sudo()._close(  # rights checked by _check_state above
            "withdrawn", message, withdraw_reason=reason
        )
        return True

    def action_stop(self, reason):
        """Stop processing (e.g. the applicant did not supplement in time)."""
        self._check_state(OPEN_STATES, self.env._("stop"), "action_stop")
        if not all(self.mapped("date_received")):
            raise UserError(self.env._("A dossier not received yet is refused, not stopped."))
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for stopping the processing."))
        self.sudo()._close(  # rights checked by _check_state above
            "stopped", self.env._("Processing stopped: %(reason)s", reason=reason), "stopped", stop_reason=reason
        )
        return True

    def action_apologize(self, reason, new_date, agency=None):
        """Record the apology of a late agency and the new appointment promised to the applicant."""
        self._check_state(OPEN_STATES + ("done",), self.env._("apologise for"), "action_apologize")
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the delay."))
        for dossier in self.sudo():  # rights checked by _check_state above
            reference = dossier.date_due_promised or dossier.date_due
            if not new_date or (reference and new_date <= reference):
                raise UserError(
                    self.env._("The new appointment must come after %(due)s.", due=dossier._format_local(reference))
                )
            late_agency = agency or dossier.current_agency_id or dossier.agency_id
            self.env["public_admin.dossier.apology"].create(
                {
                    "dossier_id": dossier.id,
                    "agency_id": late_agency.id,
                    "reason": reason,
                    "date_due_previous": reference,
                    "date_due_new": new_date,
                }
            )
            dossier.with_context(public_admin_state_change=True).write({"date_due_promised": new_date})
            dossier.message_post(
                body=self.env._(
                    "Apology issued by %(agency)s: %(reason)s. New appointment %(date)s.",
                    agency=late_agency.display_name,
                    reason=reason,
                    date=dossier._format_local(new_date),
                )
            )
            dossier._notify_applicant("apology")
        return True

    # The transition each reason of the reason wizard leads to.
    _reason_wizard_actions = {
        "supplement": "action_request_supplement",
        "refuse": "action_refuse",
        "stop": "action_stop",
        "withdraw": "action_withdraw",
        "return_post": "action_return_result",
    }

    def action_open_reason_wizard(self):
        """Open the wizard asking the reason of the transition named in the context."""
        self.ensure_one()
        action = self.env.context.get("reason_action")
        titles = {
            "supplement": self.env._("Request a supplement"),
            "refuse": self.env._("Refuse the dossier"),
            "stop": self.env._("Stop processing"),
            "withdraw": self.env._("Withdraw the dossier"),
            "return_post": self.env._("Return the result by post"),
        }
        if action not in titles:
            raise UserError(self.env._("Unknown action."))
        # The wizard leads to this transition: the same rights, checked before anything is asked.
        self.check_access("write")
        self._check_action_groups(self._reason_wizard_actions[action])
        return {
            "type": "ir.actions.act_window",
            "name": titles[action],
            "res_model": "public_admin.dossier.reason.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id, "default_action": action},
        }

    def action_open_transfer_wizard(self):
        self.ensure_one()
        self.check_access("write")
        self._check_action_groups("action_transfer")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Transfer to another agency"),
            "res_model": "public_admin.dossier.transfer.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_dossier_id": self.id},
        }

    def action_open_apology_wizard(self):
        self.ensure_one()
        self.check_access("write")
        self._check_action_groups("action_apologize")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Apology and new appointment"),
            "res_model": "public_admin.dossier.apology.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_dossier_id": self.id,
                "default_agency_id": (self.current_agency_id or self.agency_id).id,
            },
        }

    def action_print_receipt(self):
        self.ensure_one()
        self.check_access("read")
        self._check_action_groups("action_print_receipt")
        if not self.name:
            raise UserError(self.env._("Receive the dossier before printing its receipt."))
        return self.env.ref("public_admin_centre.public_admin_dossier_report_receipt").report_action(self)

    def action_receive_and_print(self):
        """Receive, then open the browser's print dialog on the receipt and appointment slip
        (static/src/js/actions/print_receipt_action.js; controllers/receipt.py serves the PDF)."""
        self.ensure_one()
        self.action_receive()
        return {
            "type": "ir.actions.client",
            "tag": "public_admin_print_receipt",
            "params": {"url": f"/public_admin/dossier/{self.id}/receipt"},
        }

    def action_mark_required_documents_received(self):
        """The applicant handed in every required document of the checklist: tick them at once."""
        self._check_state(BEFORE_RECEPTION_STATES + ("supplement",), self.env._("check the documents of"))
        self.document_ids.filtered(lambda d: d.is_required and not d.is_received).write({"is_received": True})
        return True

    def action_return_at_counter(self):
        return self.action_return_result(method="counter")

    def _check_user_at_agency(self, agency):
        """Only the agency's own people (or managers) move a dossier held by that agency.

        In superuser mode the suite acts after its own checks (the fees put a dossier received by
        the front desk in the financial pause): no agency check then.
        """
        user = self.env.user
        if self.env.su or user.has_group("public_admin_centre.group_centre_manager"):
            return
        if agency not in self._my_agencies():
            raise UserError(
                self.env._(
                    "Dossier %(dossier)s is at %(agency)s: only its officers can process it.",
                    dossier=self.display_name,
                    agency=agency.display_name,
                )
            )
