from odoo import api, models
from odoo.osv import expression

from .public_admin_statistics_report import column_domains

DOSSIER = "public_admin.dossier"
PROCEDURE = "public_admin.procedure"


class PublicAdminIndicatorMeasures(models.AbstractModel):
    """The indicators the centre's own data supports: 1.1, 1.2 (catalogue), 2.1 (progress),
    3.1-3.3 (online service), 4.1-4.3 (digitisation). Each counts with ``search_count`` on
    stored, indexed fields, as the current user."""

    _inherit = "public_admin.indicator.engine"

    # ------------------------------------------------------------------ helpers
    @api.model
    def _ratio_of(self, model, base, numerator):
        """A measure from a base domain and the numerator's extra condition."""
        Model = self.env[model]
        numerator_domain = expression.AND([base, numerator])
        lost_domain = expression.AND([base, ["!", *expression.normalize_domain(numerator)]])
        return {
            "numerator": Model.search_count(numerator_domain),
            "denominator": Model.search_count(base),
            "numerator_action": (model, numerator_domain),
            "lost_action": (model, lost_domain),
        }

    @api.model
    def _dossier_scope(self, period):
        return period.agency_domain() + [("date_received", "!=", False)]

    @api.model
    def _received(self, period):
        return self._dossier_scope(period) + column_domains(period.start_utc, period.end_utc)["received_total"]

    @api.model
    def _procedure_scope(self, period):
        """The procedures in the centre's remit that were in force at the end of the period."""
        return period.agency_domain() + [
            ("date_effective_from", "<=", period.date_to),
            "|",
            ("date_effective_to", "=", False),
            ("date_effective_to", ">=", period.date_to),
        ]

    # ------------------------------------------------------------------ 1. transparency
    @api.model
    def _measure_1_1(self, period):
        """Procedures published on the national database no later than they came into force."""
        base = self._procedure_scope(period) + [("date_decision", "!=", False)]
        return self._ratio_of(
            PROCEDURE,
            base,
            [("date_published", "!=", False), ("date_published_on_time", "=", True)],
        )

    @api.model
    def _measure_1_2(self, period):
        """Procedures published complete: checklist, processing time and result."""
        return self._ratio_of(PROCEDURE, self._procedure_scope(period), [("is_published_complete", "=", True)])

    # ------------------------------------------------------------------ 2. progress
    @api.model
    def _measure_2_1(self, period):
        """Finished on or before the appointment, plus open ones still within it, over the dossiers
        handled in the period (finished in it, or still open at its end). Supplement time is
        excluded (the appointment moves); more than one supplement request is late (timeliness)."""
        columns = column_domains(period.start_utc, period.end_utc)
        handled = expression.OR([columns["resolved_total"], columns["in_progress_total"]])
        good = expression.OR(
            [
                columns["resolved_total"] + [("timeliness", "in", ("early", "on_time"))],
                columns["in_progress_within"],
            ]
        )
        lost = expression.OR([columns["resolved_late"], columns["in_progress_overdue"]])
        scope = self._dossier_scope(period)
        Dossier = self.env[DOSSIER]
        return {
            "numerator": Dossier.search_count(scope + good),
            "denominator": Dossier.search_count(scope + handled),
            "numerator_action": (DOSSIER, scope + good),
            "lost_action": (DOSSIER, scope + lost),
        }

    # ------------------------------------------------------------------ 3. online service
    @api.model
    def _measure_3_1(self, period):
        return self._ratio_of(PROCEDURE, self._procedure_scope(period), [("online_level", "in", ("full", "partial"))])

    @api.model
    def _measure_3_2(self, period):
        online = self._procedure_scope(period) + [("online_level", "in", ("full", "partial"))]
        used = self.env[DOSSIER]._read_group(
            self._received(period) + [("channel", "=", "online")], ["procedure_id"], []
        )
        return self._ratio_of(PROCEDURE, online, [("id", "in", [procedure.id for (procedure,) in used])])

    @api.model
    def _measure_3_3(self, period):
        return self._ratio_of(DOSSIER, self._received(period), [("channel", "=", "online")])

    # ------------------------------------------------------------------ 4. digitisation
    @api.model
    def _measure_4_1(self, period):
        finished = self._dossier_scope(period) + [
            ("date_finished", ">=", period.start_utc),
            ("date_finished", "<", period.end_utc),
        ]
        return self._ratio_of(DOSSIER, finished, [("has_electronic_result", "=", True)])

    @api.model
    def _measure_4_2(self, period):
        return self._ratio_of(DOSSIER, self._received(period), [("is_fully_digitised", "=", True)])

    @api.model
    def _measure_4_3(self, period):
        return self._ratio_of(DOSSIER, self._received(period), [("has_reused_document", "=", True)])

    # ------------------------------------------------------------------ what if
    @api.model
    def _what_if_overdue_finish_today(self, period):
        """Points of 2.1 if the dossiers now overdue were finished today, and each on time.

        Dossiers overdue stay late whatever happens now; what a manager can still win is the
        dossiers due soon. The view shows both: the points lost to overdue dossiers (that nothing
        can win back in this period) and the points at stake in the open dossiers still within
        their appointment (lost if they run late)."""
        columns = column_domains(period.start_utc, period.end_utc)
        scope = self._dossier_scope(period)
        Dossier = self.env[DOSSIER]
        handled = Dossier.search_count(scope + expression.OR([columns["resolved_total"], columns["in_progress_total"]]))
        if not handled:
            return {"overdue": 0, "at_stake": 0, "points_overdue": 0.0, "points_at_stake": 0.0}
        indicator = self.env["public_admin.indicator"].search([("code", "=", "2.1")], limit=1)
        rule = indicator._rule_at(period.date_to)
        per_dossier = (rule.points / rule.target / handled) if rule else 0.0
        overdue = Dossier.search_count(scope + columns["in_progress_overdue"])
        at_stake = Dossier.search_count(scope + columns["in_progress_within"])
        return {
            "overdue": overdue,
            "at_stake": at_stake,
            "points_overdue": overdue * per_dossier,
            "points_at_stake": at_stake * per_dossier,
        }
