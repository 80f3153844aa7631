import logging

from odoo import api, models

from ..tools.report_period import ReportPeriod

_logger = logging.getLogger(__name__)


class PublicAdminIndicatorEngine(models.AbstractModel):
    """Scores the national indicators for a period.

    For an indicator of code ``"5.2"`` the engine calls ``self._measure_5_2(period)`` when such a
    method exists: the centre defines its own (public_admin_indicator_measures.py), other addons
    add theirs by ``_inherit = "public_admin.indicator.engine"``. ``period`` is a
    :class:`~odoo.addons.public_admin_centre.tools.report_period.ReportPeriod`: ``date_from`` and
    ``date_to`` (local ``datetime.date``, inclusive, Asia/Ho_Chi_Minh), ``start_utc`` and
    ``end_utc`` (naive UTC, half-open) and ``agencies`` (``public_admin.agency``, empty = the whole
    centre). A measure returns ``None`` (not measured) or a dict::

        {"numerator": number, "denominator": number,
         "numerator_action": (model_name, domain),   # the records behind the numerator
         "lost_action": (model_name, domain)}        # the records that cost points

    The engine applies the scoring rule in force at the end of the period, and its cap.
    Measures run as the current user: record rules limit what they count.
    """

    _name = "public_admin.indicator.engine"
    _description = "National indicator engine"

    @api.model
    def _measure_method(self, indicator):
        method = getattr(self, "_measure_" + indicator.code.replace(".", "_").lower(), None)
        return method if callable(method) else None

    @api.model
    def _make_period(self, date_from, date_to, agencies=None):
        return ReportPeriod.from_dates(date_from, date_to, agencies or self.env["public_admin.agency"])

    @api.model
    def _evaluate(self, indicator, period):
        """The figures and score of one indicator: a dict (see the class docstring for the keys
        coming from the measure) with ``measured``, ``score``, ``points_lost``, ``ratio``,
        ``formula`` and ``reason`` added."""
        result = {
            "indicator": indicator,
            "measured": False,
            "numerator": 0,
            "denominator": 0,
            "ratio": None,
            "score": None,
            "points_lost": None,
            "numerator_action": None,
            "lost_action": None,
            "reason": indicator.not_measured_reason or "",
        }
        rule = indicator._rule_at(period.date_to)
        result["formula"] = rule._formula() if rule else ""
        method = self._measure_method(indicator)
        if not method or not rule:
            if method and not rule:
                result["reason"] = self.env._("No scoring rule is in force for this period.")
            return result
        measure = method(period)
        if measure is None:
            return result
        result.update(measure, measured=True, reason="")
        numerator, denominator = measure["numerator"], measure["denominator"]
        result["ratio"] = numerator / denominator if denominator else None
        score = rule._score(numerator, denominator)
        if score is None:
            result["reason"] = self.env._("Nothing to measure in this period.")
        else:
            result["score"] = score
            result["points_lost"] = max(0.0, indicator.max_points - score)
        return result

    @api.model
    def _evaluate_all(self, period, indicators=None):
        indicators = indicators or self.env["public_admin.indicator"].search([])
        return [self._evaluate(indicator, period) for indicator in indicators]
