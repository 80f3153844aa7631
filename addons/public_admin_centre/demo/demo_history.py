"""The plan of the demo dossiers' histories: what becomes of each dossier, and when it came in.

Working time is read from the centre's calendar, as the deadline engine reads it, so that the
planned moments fall in office hours and a dossier's final state is reached by now.
"""

import bisect
from datetime import timedelta

from pytz import utc

# Share of each final state among the generated dossiers.
TARGET_WEIGHTS = [
    ("returned", 110),
    ("done", 20),
    ("in_progress", 42),
    ("received", 14),
    ("registered", 12),
    ("draft", 6),
    ("supplement", 16),
    ("financial", 8),
    ("refused", 16),
    ("withdrawn", 9),
    ("stopped", 7),
]
# Final states of the dossiers of the demo portal accounts.
CITIZEN_TARGETS = ["returned", "in_progress", "supplement", "done", "registered", "returned"]
BUSINESS_TARGETS = ["returned", "in_progress", "financial", "returned", "received"]
# Dossiers that go through every step must fit in the window: no procedure longer than this.
MAX_CLOSED_HOURS = 26 * 8
# How often each procedure of the demo catalogue (demo/procedure_import_demo.csv) is asked for,
# by national code; a procedure not listed here weighs 2.
# fmt: off
PROCEDURE_WEIGHTS = {
    "1.000588": 2, "1.000614": 2, "1.002046": 1, "1.002218": 1, "1.002693": 4, "1.003211": 1,
    "1.003504": 1, "1.003524": 4, "1.003695": 1, "1.004022": 2, "1.006871": 3, "1.007916": 2,
    "1.008682": 1, "1.008709": 2, "1.008886": 1, "1.008891": 5, "1.008910": 1, "1.008929": 1,
    "1.009491": 1, "1.009736": 1, "1.009794": 3, "1.010060": 1, "1.010729": 3, "1.011518": 2,
    "1.012575": 8, "1.012900": 2, "1.012903": 3, "1.012994": 2, "1.012996": 6, "1.013211": 5,
    "1.013235": 5, "1.013818": 3, "1.013825": 4, "1.013849": 1, "1.014277": 1, "1.014566": 3,
    "1.014966": 1, "2.000005": 1, "2.000555": 2, "2.000587": 4, "2.000823": 1, "2.000840": 2,
    "2.001395": 2, "2.001410": 3, "2.001694": 1, "2.002728": 1, "2.002842": 1, "3.000161": 1,
    "3.000256": 1, "3.000334": 8, "3.000335": 3, "3.000348": 10, "3.000410": 1, "3.000492": 2,
    "3.000524": 1,
}
# fmt: on


class DemoHistory:
    """Plans the history of demo dossiers received over the last ``days`` days until ``now``."""

    def __init__(self, env, rng, now, days, centre, procedures, people):
        self.env = env
        self.rng = rng
        self.now = now
        self.centre = centre
        self.calendar = centre.calendar_id
        self.engine = env["public_admin.deadline"]
        self.procedures = procedures
        self.people = people
        self.window_start = now - timedelta(days=days)
        self.periods = self._working_periods(now - timedelta(days=days + 45), now)
        self.period_ends = [end for _begin, end in self.periods]

    # ---------------------------------------------------------------- working time
    def _working_periods(self, start, end):
        calendar = self.engine._check_calendar(self.calendar)
        intervals = self.engine._work_intervals(calendar, utc.localize(start), utc.localize(end))
        return [
            (b.astimezone(utc).replace(tzinfo=None), e.astimezone(utc).replace(tzinfo=None))
            for b, e, _recs in intervals
        ]

    def working_before(self, moment, hours):
        """The moment ``hours`` working hours before ``moment``."""
        remaining = timedelta(hours=hours)
        for begin, end in reversed(self.periods):
            if begin >= moment:
                continue
            end = min(end, moment)
            if remaining <= end - begin:
                return (end - remaining).replace(microsecond=0)
            remaining -= end - begin
        return self.periods[0][0]

    def working_moment_between(self, start, end):
        """A random working moment in [start, end] (the last one before ``end`` if none)."""
        spans = [(max(b, start), min(e, end)) for b, e in self.periods if e > start and b < end]
        spans = [(b, e) for b, e in spans if e > b]
        if not spans:
            return self.working_before(end, 0.5)
        total = sum((e - b).total_seconds() for b, e in spans)
        pick = self.rng.uniform(0, total)
        for b, e in spans:
            length = (e - b).total_seconds()
            if pick <= length:
                return (b + timedelta(seconds=pick)).replace(microsecond=0)
            pick -= length
        return spans[-1][0]

    def after(self, moment, hours):
        """``hours`` working hours after ``moment``.

        Read from the working periods up to now (the history never goes further); the
        deadline engine answers for later moments, such as a new appointment.
        """
        remaining = timedelta(seconds=round(max(hours, 0.05) * 3600))
        for begin, end in self.periods[bisect.bisect_right(self.period_ends, moment) :]:
            begin = max(begin, moment)
            if remaining <= end - begin:
                return (begin + remaining).replace(microsecond=0)
            remaining -= end - begin
        return self.engine.add_working_hours(self.calendar, moment, max(hours, 0.05)).replace(microsecond=0)

    def hours_until(self, start, end):
        """Working hours from ``start`` to ``end`` (negative when ``end`` is earlier)."""
        if max(start, end) > self.now:
            return self.engine.working_hours_between(self.calendar, start, end)
        low, high = min(start, end), max(start, end)
        seconds = sum(
            (min(e, high) - max(b, low)).total_seconds()
            for b, e in self.periods[bisect.bisect_right(self.period_ends, low) :]
            if b < high
        )
        return seconds / 3600 if end >= start else -seconds / 3600

    def applied_hours(self, procedure):
        amount = procedure.processing_time
        return {
            "working_day": amount * 8,
            "calendar_day": amount * 8 * 5 / 7,
            "working_hour": amount,
            "same_day": 6.0,
        }.get(procedure.processing_time_unit, amount * 8)

    def _weighted(self, pairs):
        values, weights = zip(*pairs, strict=True)
        return self.rng.choices(values, weights=weights)[0]

    # ---------------------------------------------------------------- planning
    def plan(self, count):
        """One plan per dossier, in order of reception."""
        targets = [target for target, _w in TARGET_WEIGHTS]
        self.rng.shuffle(targets)
        citizen, business = self.people.citizen, self.people.business
        plans = []
        for index in range(count):
            special = None
            simple = index < len(targets)
            target = targets[index] if simple else self._weighted(TARGET_WEIGHTS)
            # A few dossiers of the demo portal accounts, in telling states.
            if citizen and 11 <= index < 17:
                special = citizen
                target = CITIZEN_TARGETS[index - 11]
            elif business and 17 <= index < 22:
                special = business
                target = BUSINESS_TARGETS[index - 17]
            plans.append(self._plan_one(index + 1, target, special, simple))
        # The histories are told in order of reception, so that the daily counters number the
        # dossiers of a day in the order they came in.
        plans.sort(key=lambda plan: plan["start"])
        return plans

    def _pick_procedure(self, target, special):
        def closed(procedure):
            return self.applied_hours(procedure) <= MAX_CLOSED_HOURS

        filters = {
            "registered": lambda p: p.online_level != "none",
            "received": lambda p: self.applied_hours(p) >= 16,
            "in_progress": lambda p: self.applied_hours(p) >= 24,
            "supplement": lambda p: self.applied_hours(p) >= 16,
            "financial": lambda p: closed(p) and self.applied_hours(p) >= 16,
        }
        candidates = self.procedures.filtered(filters.get(target, closed)) or self.procedures
        if special:
            excluded = "person" if special.is_company else "organisation"
            candidates = candidates.filtered(lambda p: p.applicant_type != excluded) or candidates
        weights = [PROCEDURE_WEIGHTS.get(p.code, 2) for p in candidates]
        return self.rng.choices(candidates, weights=weights)[0]

    def _plan_one(self, number, target, special, simple):
        """What happens to one dossier, and when it came in.

        ``simple`` dossiers (the first of each state) take no detour, with wide margins, so
        that even a handful of dossiers shows every state.
        """
        rng = self.rng
        procedure = self._pick_procedure(target, special)
        plan = {
            "number": number,
            "target": target,
            "procedure": procedure,
            "partner": special or self.people.applicant(procedure),
            "simple": simple,
            "late": False,
            "supplements": 0,
            "financial": False,
            "transfer": False,
            "apology": False,
            "refuse_before_reception": False,
            "speed": rng.uniform(0.45, 0.9),
            # working hours from the start of a step to a supplement request or to the wait for
            # the financial obligation, and how long the applicant takes to answer
            "request_after": rng.uniform(1, 8),
            "pauses": [rng.uniform(4, 32) for _i in range(3)],
        }
        self._plan_channel(plan)
        self._plan_detours(plan)
        plan["start"] = self._plan_start(plan)
        return plan

    def _plan_channel(self, plan):
        """Online where the procedure allows it, some by post, the rest at the counter."""
        rng, procedure, target = self.rng, plan["procedure"], plan["target"]
        online_share = {"full": 0.8, "partial": 0.45}.get(procedure.online_level, 0.0)
        draw = rng.random()
        channel = "online" if draw < online_share else "postal" if draw > 0.93 else "counter"
        if target == "registered":
            channel = "online"
        elif target in ("received", "draft") or (plan["simple"] and channel == "online"):
            channel = "counter"
        elif target == "refused" and procedure.online_level != "none" and not plan["simple"]:
            # some online dossiers are refused before they are even received
            plan["refuse_before_reception"] = rng.random() < 0.4
            channel = "online" if plan["refuse_before_reception"] else channel
        plan["channel"] = channel

    def _plan_detours(self, plan):
        """Lateness, apologies, supplements, financial obligation, unplanned transfers."""
        rng, target = self.rng, plan["target"]
        if target in ("returned", "done") and not plan["simple"]:
            plan["late"] = rng.random() < 0.14
            plan["apology"] = plan["late"] and rng.random() < 0.75
            plan["supplements"] = 2 if rng.random() < 0.03 else 1 if rng.random() < 0.18 else 0
            plan["financial"] = rng.random() < 0.10
            plan["transfer"] = rng.random() < 0.08
        elif target == "in_progress" and not plan["simple"]:
            hours = self.applied_hours(plan["procedure"])
            plan["late"] = hours <= MAX_CLOSED_HOURS and rng.random() < 0.35
            plan["apology"] = plan["late"] and rng.random() < 0.5
            plan["transfer"] = rng.random() < 0.1
        elif target == "supplement":
            plan["supplements"] = 2 if not plan["simple"] and rng.random() < 0.15 else 1
        elif target == "stopped":
            plan["supplements"] = 1
        elif target == "financial":
            plan["financial"] = True

    def _plan_start(self, plan):
        """Reception moment from which the final state is reached by now."""
        rng, target = self.rng, plan["target"]
        hours = self.applied_hours(plan["procedure"])
        delay = 8 if plan["channel"] == "online" else 0
        late_or_speed = 1.3 if plan["late"] else plan["speed"]
        detours = (
            sum(plan["pauses"][: plan["supplements"]])
            + plan["request_after"] * plan["supplements"]
            + (plan["pauses"][2] + 4 if plan["financial"] else 0)
            + (24 if plan["transfer"] else 0)
        )
        if target == "registered":
            return self.now - timedelta(hours=rng.uniform(0.5, 40))
        # working hours from reception to now
        before_now = {
            "draft": lambda: rng.uniform(0.1, 12),
            "received": lambda: rng.uniform(0.1, 1.2),
            "in_progress": lambda: (
                hours * rng.uniform(1.08, 1.4) + 2 + delay
                if plan["late"]
                else hours * rng.uniform(0.08, 0.3) + 3 + delay
            ),
            "supplement": lambda: (
                plan["request_after"] * plan["supplements"]
                + sum(plan["pauses"][: plan["supplements"] - 1])
                + rng.uniform(2, 30)
                + 3
                + delay
            ),
            "financial": lambda: hours * 0.75 + plan["request_after"] + rng.uniform(2, 24) + 4 + delay,
            "done": lambda: (
                (hours * late_or_speed + detours + 6 + delay) * (1.3 if plan["simple"] else 1.1) + rng.uniform(1, 16)
            ),
        }
        if target in before_now:
            return self.working_before(self.now, before_now[target]())
        # Closed dossiers came in anywhere in the window, early enough to be closed by now.
        span = (
            {
                "returned": hours * late_or_speed + detours + 30,
                "refused": hours * 0.8,
                "withdrawn": 24,
                "stopped": plan["request_after"] + 130,
            }[target]
            + 6
            + delay
        )
        latest = self.working_before(self.now, span * (1.3 if plan["simple"] else 1.1) + 4)
        earliest = max(self.window_start, self.periods[0][0])
        return self.working_moment_between(min(earliest, latest), latest)
