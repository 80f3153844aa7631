"""Complaint indices (received, answered on time, overdue, by class) and national indicators 5.2 and 5.3.

A complaint counts for the period by its reception (indices, 5.3) or by its answer deadline
(5.2); refused complaints (out of scope, anonymous, duplicates) count in neither indicator.
"""

from odoo import api, models

ANSWERED_ON_TIME_DOMAIN = [("is_answered_on_time", "=", True)]


# The complaint is split by concern on purpose, one file each (as the dossier is).
# pylint: disable=consider-merging-classes-inherited
class PublicAdminComplaint(models.Model):
    _inherit = "public_admin.complaint"

    @api.model
    def _agency_domain(self, agencies):
        return [("agency_id", "child_of", agencies.ids)] if agencies else []

    @api.model
    def _received_domain(self, start_utc, end_utc, agencies=None):
        return [
            ("date_received", ">=", start_utc),
            ("date_received", "<", end_utc),
        ] + self._agency_domain(agencies)

    @api.model
    def _complaint_indices(self, start_utc, end_utc, agencies=None):
        """Counts of the complaints received in ``[start_utc, end_utc)``: received, answered,
        answered on time, overdue (flagged, or answered after the deadline), refused, and
        received by class. One ``read_group`` each."""
        domain = self._received_domain(start_utc, end_utc, agencies)

        def count(extra):
            return self.search_count(domain + extra)

        by_class = {category: total for category, total in self._read_group(domain, ["category"], ["__count"])}
        return {
            "received": count([]),
            "answered": count([("date_answered", "!=", False)]),
            "answered_on_time": count(ANSWERED_ON_TIME_DOMAIN),
            "overdue": count(self._late_domain()),
            "refused": count([("state", "=", "refused")]),
            "by_class": {key: by_class.get(key, 0) for key, _label in self._fields["category"].selection},
        }

    @api.model
    def _late_domain(self):
        """Overdue now, or answered after the answer deadline."""
        return [
            "|",
            ("is_overdue", "=", True),
            "&",
            ("date_answered", "!=", False),
            ("is_answered_on_time", "=", False),
        ]

    @api.model
    def _indicator_5_2(self, period):
        """Complaints answered on time / complaints due in the period.

        Due in the period: answer deadline in ``[start_utc, end_utc)``, not refused. Answered on
        time: answered no later than that deadline (before or during the period).
        """
        agencies = getattr(period, "agencies", None) or self.env["public_admin.agency"]
        due = [
            ("date_due_answer", ">=", period.start_utc),
            ("date_due_answer", "<", period.end_utc),
            ("state", "!=", "refused"),
        ] + self._agency_domain(agencies)
        on_time = due + ANSWERED_ON_TIME_DOMAIN
        lost = due + [("is_answered_on_time", "=", False)]
        return {
            "numerator": self.sudo().search_count(on_time),
            "denominator": self.sudo().search_count(due),
            "numerator_action": (self._name, on_time),
            "lost_action": (self._name, lost),
        }

    @api.model
    def _indicator_5_3(self, period):
        """(Complaints − those not satisfied, repeated or overdue) / complaints received in the period.

        Repeated: re-opened after a not satisfied answer, or sent again by the same sender about
        the same dossier (or, without a dossier, the same subject) within 30 days
        (``public_admin_survey.complaint_repeat_days``): ``is_repeated``. Overdue: flagged
        overdue, or answered after the deadline. Refused complaints are not counted.
        """
        agencies = getattr(period, "agencies", None) or self.env["public_admin.agency"]
        received = self._received_domain(period.start_utc, period.end_utc, agencies) + [("state", "!=", "refused")]
        bad = ["|", "|", ("satisfaction", "=", "not_satisfied"), ("is_repeated", "=", True)] + self._late_domain()
        good = received + ["!"] + bad
        return {
            "numerator": self.sudo().search_count(good),
            "denominator": self.sudo().search_count(received),
            "numerator_action": (self._name, good),
            "lost_action": (self._name, received + bad),
        }
