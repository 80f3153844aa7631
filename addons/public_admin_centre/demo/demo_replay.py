"""The replay of the demo dossiers' histories through the dossier's own transitions.

Each event of a planned history is played by the user who would perform it (front desk, officer
or head of the agency holding the step), at the time the plan gives it: the replay works in its
own environment, whose context holds its clock (``public_admin_clock``, read by
``public_admin.dossier._now()``) and silences the applicant's notifications
(``public_admin_no_notify``). Nothing outside that environment sees the replayed time. What
the ORM dates by itself (messages, creation dates) is dated after the fact.
"""

import contextlib

from odoo.tools import SQL

SUPPLEMENT_REASONS = [
    (
        "Thiếu bản sao có chứng thực giấy tờ về quyền sử dụng đất.",
        "Bản sao có chứng thực Giấy chứng nhận quyền sử dụng đất (01 bản)",
    ),
    (
        "Đơn đề nghị chưa đúng mẫu quy định, thiếu chữ ký của người đại diện theo pháp luật.",
        "Đơn đề nghị theo mẫu, có chữ ký và đóng dấu (bản chính)",
    ),
    (
        "Bản vẽ, tài liệu kỹ thuật kèm theo chưa thể hiện đầy đủ nội dung theo quy định.",
        "Bộ tài liệu kỹ thuật bổ sung (02 bản)",
    ),
    (
        "Thông tin kê khai trong tờ khai không khớp với giấy tờ tùy thân.",
        "Tờ khai đã chỉnh sửa thông tin (bản chính)",
    ),
    ("Giấy khám sức khỏe đã hết thời hạn sử dụng.", "Giấy khám sức khỏe còn giá trị (bản chính)"),
]
REFUSAL_REASONS = [
    "Hồ sơ không thuộc thẩm quyền giải quyết của cơ quan; đề nghị nộp tại Ủy ban nhân dân cấp xã nơi cư trú.",
    "Tổ chức, cá nhân không đáp ứng điều kiện theo quy định của pháp luật chuyên ngành.",
    "Hồ sơ nộp trùng với hồ sơ đang được giải quyết.",
    "Kết quả thẩm định không đủ điều kiện cấp phép theo quy định hiện hành.",
]
WITHDRAW_REASONS = [
    "Công dân có đơn xin rút hồ sơ để hoàn thiện lại giấy tờ.",
    "Tổ chức thay đổi nhu cầu, đề nghị rút hồ sơ.",
    "Công dân đề nghị rút hồ sơ để nộp trực tuyến.",
]
STOP_REASONS = [
    "Quá thời hạn bổ sung hồ sơ theo thông báo nhưng tổ chức, cá nhân không bổ sung.",
    "Tổ chức, cá nhân không thực hiện nghĩa vụ tài chính trong thời hạn quy định.",
]
APOLOGY_REASONS = [
    "Hồ sơ phải lấy ý kiến của cơ quan liên quan, văn bản trả lời chậm so với thời hạn.",
    "Cần xác minh thực địa, thời tiết mưa bão kéo dài không thể tổ chức kiểm tra.",
    "Số lượng hồ sơ tăng đột biến trong kỳ, cán bộ thụ lý đi công tác.",
    "Hệ thống phần mềm chuyên ngành gián đoạn, không cập nhật được dữ liệu.",
]
TRANSFER_NOTES = [
    "Đề nghị cho ý kiến về nội dung liên quan thuộc lĩnh vực quản lý.",
    "Đề nghị xác minh, cung cấp thông tin phục vụ giải quyết hồ sơ.",
]


class DemoStop(Exception):
    """The next event of a dossier's history would happen after now: its history stops here."""


class DemoClock:
    """The time of the event being replayed (naive UTC)."""

    def __init__(self, value):
        self.value = value

    def now(self):
        return self.value


class DemoReplay:
    """Plays planned histories up to now, and dates afterwards what the ORM dated itself."""

    def __init__(self, history):
        self.history = history
        self.people = history.people
        self.rng = history.rng
        self.now = history.now
        self.clock = DemoClock(history.now)
        self.env = history.env(
            context=dict(history.env.context, public_admin_clock=self.clock.now, public_admin_no_notify=True)
        )
        # (table, record id, moment) of the records whose creation date is the replayed one
        self.created = []

    def at(self, moment):
        """Move the clock to ``moment``, unless it is later than now."""
        if moment > self.now:
            raise DemoStop()
        self.clock.value = moment.replace(microsecond=0)

    def play(self, plan):
        """Play the history of one dossier, up to now."""
        with contextlib.suppress(DemoStop):
            DossierStory(self, plan).tell()

    def date_messages(self, dossier):
        """Date by the clock the messages just posted on ``dossier`` (the ORM dates them by the
        time of generation, which is after the replay's now)."""
        self.env.cr.execute(
            SQL(
                "UPDATE mail_message SET date = %(date)s "
                "WHERE model = 'public_admin.dossier' AND res_id = %(id)s AND date >= %(floor)s",
                date=self.clock.value,
                id=dossier.id,
                floor=self.now,
            )
        )

    def date_creations(self):
        """Creation dates as the history tells them (the ORM sets the transaction's time)."""
        self.env.flush_all()
        for table in dict.fromkeys(table for table, _id, _moment in self.created):
            rows = [SQL("(%s, %s::timestamp)", id_, moment) for name, id_, moment in self.created if name == table]
            self.env.cr.execute(
                SQL(
                    "UPDATE %(table)s t SET create_date = v.created FROM (VALUES %(rows)s) AS v(id, created) "
                    "WHERE t.id = v.id",
                    table=SQL.identifier(table),
                    rows=SQL(", ").join(rows),
                )
            )
        self.env["public_admin.dossier"].invalidate_model(["create_date"])
        self.env["public_admin.dossier.apology"].invalidate_model(["create_date"])
        self.env["mail.message"].invalidate_model(["date"])


class DossierStory:
    """The history of one demo dossier, told through the transitions of the dossier."""

    def __init__(self, replay, plan):
        self.replay = replay
        self.history = replay.history
        self.people = replay.people
        self.rng = replay.rng
        self.plan = plan
        self.target = plan["target"]
        self.moment = plan["start"]
        self.front = self.rng.choice(self.people.front_desk)
        # who submits online: the applicant's portal account, or the national portal (system)
        self.system = self.people.portal_users.get(plan["partner"].id) or replay.env.ref("base.user_root")
        self.dossier = None
        self.pauses = iter(plan["pauses"])

    def wait(self, hours):
        """The next event happens ``hours`` working hours later (not after now)."""
        self.moment = self.history.after(self.moment, hours)
        self.replay.at(self.moment)

    def act(self, user, method, *args):
        """Call a transition as ``user`` (superuser rights, the user's identity) at the clock's
        time, then date the messages it posted by that time."""
        getattr(self.dossier.with_user(user).sudo(), method)(*args)
        self.replay.date_messages(self.dossier)

    def tell(self):
        self.replay.clock.value = self.moment.replace(microsecond=0)
        self._create()
        if self.target == "draft" or not self._receive() or self.target == "received":
            return
        self._process()
        if self.dossier.state == "done" and self.target != "done":
            self._return_result()

    def _create(self):
        plan = self.plan
        creator = self.system if plan["channel"] == "online" else self.front
        procedure = plan["procedure"]
        self.dossier = (
            self.replay.env["public_admin.dossier"]
            .with_user(creator)
            .sudo()
            .create(
                {
                    "procedure_id": procedure.id,
                    "partner_id": plan["partner"].id,
                    # as declared at the counter (also filled from the partner by the dossier)
                    "applicant_id_number": plan["partner"].public_admin_id_number or False,
                    "channel": plan["channel"],
                    "receiving_agency_id": self.history.centre.id,
                    "summary": procedure.name,
                    "set_count": 1,
                }
            )
        )
        plan["dossier"] = self.dossier
        self.replay.created.append(("public_admin_dossier", self.dossier.id, self.replay.clock.value))
        documents = self.dossier.document_ids
        if self.target == "draft":
            # still being entered at the counter: the last document is not checked yet
            documents[: max(len(documents) - 1, 0)].write({"is_received": True})
        else:
            documents.write({"is_received": True})

    def _receive(self):
        """Registered online (then received, or refused), or received at the counter or by post."""
        if self.plan["channel"] == "online":
            self.replay.at(self.moment)
            self.act(self.system, "action_register_online")
            if self.target == "registered":
                return False
            self.wait(self.rng.uniform(0.3, 6))
            if self.plan["refuse_before_reception"]:
                self.act(self.front, "action_refuse", self.rng.choice(REFUSAL_REASONS[:3]))
                return False
        elif not self.history.engine.is_working_time(self.history.calendar, self.moment):
            self.wait(0)
        self.replay.at(self.moment)
        self.act(self.front, "action_receive")
        return True

    def _share(self):
        """Working hours the current step takes: its share of the time left to the appointment."""
        dossier = self.dossier
        pending = dossier.step_ids.filtered(lambda s: not s.date_done).sorted()
        planned = []
        previous = max([s.planned_offset_hours for s in dossier.step_ids if s.date_done] or [0.0])
        for pending_step in pending:
            planned.append(max(pending_step.planned_offset_hours - previous, 1.0))
            previous = max(previous, pending_step.planned_offset_hours)
        share = planned[0] / sum(planned) if planned else 1.0
        left = self.history.hours_until(self.moment, dossier.date_due)
        return max(left * share * self.plan["speed"], 0.2)

    def _process(self):
        """Each step in turn: taken, maybe interrupted, finished (late if planned)."""
        dossier = self.dossier
        first = True
        financial_left = self.plan["financial"]
        while dossier.state in ("received", "in_progress") and dossier.current_step_id:
            step = dossier.current_step_id
            actor = self.people.actor(step)
            self.wait(self.rng.uniform(0.1, 1.5))
            self.act(actor, "action_start_step")
            if first and step.role != "head":
                first = False
                if not self._first_appraisal(step, actor):
                    return
                if dossier.current_step_id != step:
                    continue  # transferred to another agency
            is_last = len(dossier.step_ids.filtered(lambda s: not s.date_done)) == 1
            if financial_left and (is_last or step.role == "head"):
                financial_left = False
                if not self._financial_obligation(actor):
                    return
            if is_last and self.plan["late"]:
                self._late_finish()
            else:
                self.wait(self._share())
            self.act(actor, "action_finish_step")

    def _first_appraisal(self, step, actor):
        """The first appraisal: where dossiers are withdrawn, refused, sent back for a supplement
        or to another agency. False when the story of the dossier ends here."""
        rng, target, dossier = self.rng, self.target, self.dossier
        if target == "withdrawn":
            self.wait(rng.uniform(2, 16))
            self.act(self.front, "action_withdraw", rng.choice(WITHDRAW_REASONS))
            return False
        if target == "refused":
            left = self.history.hours_until(self.moment, dossier.date_due)
            self.wait(max(left * rng.uniform(0.2, 0.7), 0.5))
            self.act(actor, "action_refuse", rng.choice(REFUSAL_REASONS[1:]))
            return False
        for remaining in reversed(range(self.plan["supplements"])):
            self.wait(self.plan["request_after"])
            reason, documents = rng.choice(SUPPLEMENT_REASONS)
            self.act(actor, "action_request_supplement", reason, documents)
            if target == "supplement" and not remaining:
                return False
            if target == "stopped":
                self.wait(rng.uniform(100, 125))
                self.act(actor, "action_stop", STOP_REASONS[0])
                return False
            self.wait(next(self.pauses))
            self.act(self.front, "action_resume")
        if self.plan["transfer"]:
            history = self.history
            others = history.procedures.step_ids.agency_id | history.procedures.agency_id
            others = (others - step.agency_id - history.centre).filtered(lambda a: a.user_ids or a.head_user_ids)
            if others:
                other = rng.choice(others)
                self.wait(self._share())
                self.act(
                    actor,
                    "action_transfer",
                    other,
                    16.0,
                    rng.choice(TRANSFER_NOTES),
                    f"Lấy ý kiến {other.name}",
                )
        return True

    def _financial_obligation(self, actor):
        self.wait(self.plan["request_after"] / 2)
        self.act(actor, "action_await_financial")
        if self.target == "financial":
            return False
        self.wait(self.plan["pauses"][2])
        self.act(self.front, "action_financial_done")
        return True

    def _late_finish(self):
        """The last step ends after the appointment, maybe after an apology of its agency."""
        history, dossier, rng = self.history, self.dossier, self.rng
        if self.plan["apology"]:
            self.moment = max(self.moment, history.working_before(dossier.date_due, rng.uniform(0, 4)))
            self.replay.at(self.moment)
            late_agency = dossier.current_agency_id
            _officers, heads = self.people.staff_of(late_agency)
            new_date = history.after(dossier.date_due, rng.uniform(24, 48))
            self.act(
                rng.choice(heads),
                "action_apologize",
                rng.choice(APOLOGY_REASONS),
                new_date,
                late_agency,
            )
            apology = dossier.apology_ids.sorted("id")[-1:]
            self.replay.created.append(("public_admin_dossier_apology", apology.id, self.replay.clock.value))
        if self.target == "in_progress":
            raise DemoStop()  # still being processed, past its appointment
        self.moment = max(self.moment, history.after(dossier.date_due, rng.uniform(1, 24)))
        self.replay.at(self.moment)

    def _return_result(self):
        rng = self.rng
        self.wait(rng.uniform(0.5, 24))
        if self.plan["channel"] == "online" and self.plan["procedure"].online_level == "full":
            self.act(self.front, "action_return_result", "online")
        elif self.plan["channel"] == "postal" or rng.random() < 0.1:
            self.act(self.front, "action_return_result", "post", f"EB{rng.randrange(10**9):09d}VN")
        else:
            self.act(self.front, "action_return_result", "counter")
