import json
from datetime import date, datetime, timedelta

from odoo import api, fields, models

from ..tools.report_period import ReportPeriod

TREND_MONTHS = 6


def _jsonable(domain):
    """A domain with its dates as the strings the ORM reads back."""
    result = []
    for term in domain:
        if isinstance(term, (list, tuple)) and len(term) == 3:
            field, operator, value = term
            if isinstance(value, datetime):
                value = fields.Datetime.to_string(value)
            elif isinstance(value, date):
                value = fields.Date.to_string(value)
            elif isinstance(value, (list, tuple)) and value and isinstance(value[0], (list, tuple, str)):
                value = _jsonable(value) if operator in ("any", "not any") else list(value)
            elif isinstance(value, tuple):
                value = list(value)
            result.append([field, operator, value])
        else:
            result.append(term)
    return result


class PublicAdminSelfScore(models.TransientModel):
    """The centre's own score under Decision 766/QĐ-TTg for a period: every indicator its data
    supports, with the points lost and the dossiers behind them; the others “not measured here”."""

    _name = "public_admin.self.score"
    _description = "Self-score on the national indicators"
    _inherit = ["public_admin.report.scope.mixin"]

    date_from = fields.Date(
        string="From", required=True, default=lambda self: fields.Date.context_today(self).replace(day=1)
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    agency_ids = fields.Many2many(
        "public_admin.agency", string="Agencies", help="Empty: the whole centre (managers only)."
    )
    line_ids = fields.One2many("public_admin.self.score.line", "score_id", string="Indicators", readonly=True)
    trend_ids = fields.One2many("public_admin.self.score.trend", "score_id", readonly=True)
    score_total = fields.Float(string="Score", compute="_compute_totals", digits=(16, 2))
    points_measured = fields.Float(string="Out of (measured)", compute="_compute_totals", digits=(16, 2))
    points_lost = fields.Float(string="Points lost", compute="_compute_totals", digits=(16, 2))
    points_not_measured = fields.Float(string="Points not measured here", compute="_compute_totals", digits=(16, 2))
    what_if_overdue = fields.Integer(string="Dossiers overdue", readonly=True)
    what_if_points_overdue = fields.Float(string="Points lost to overdue dossiers", readonly=True, digits=(16, 2))
    what_if_at_stake = fields.Integer(string="Open dossiers still within their appointment", readonly=True)
    what_if_points_at_stake = fields.Float(string="Points at stake if they run late", readonly=True, digits=(16, 2))

    @api.depends("line_ids.score", "line_ids.points_lost", "line_ids.is_measured")
    def _compute_totals(self):
        for score in self:
            scored = score.line_ids.filtered(lambda line: line.is_measured and line.has_score)
            score.score_total = sum(scored.mapped("score"))
            score.points_measured = sum(scored.mapped("max_points"))
            score.points_lost = sum(scored.mapped("points_lost"))
            score.points_not_measured = sum((score.line_ids - scored).mapped("max_points"))

    def _period(self, date_from=None, date_to=None):
        self.ensure_one()
        return ReportPeriod.from_dates(date_from or self.date_from, date_to or self.date_to, self.agency_ids)

    def action_compute(self):
        self.ensure_one()
        self._check_scope()
        engine = self.env["public_admin.indicator.engine"]
        period = self._period()
        lines = [fields.Command.clear()]
        for result in engine._evaluate_all(period):
            lines.append(fields.Command.create(self.env["public_admin.self.score.line"]._values_from(result)))
        what_if = engine._what_if_overdue_finish_today(period)
        self.write(
            {
                "line_ids": lines,
                "trend_ids": [fields.Command.clear(), *self._trend_commands()],
                "what_if_overdue": what_if["overdue"],
                "what_if_points_overdue": what_if["points_overdue"],
                "what_if_at_stake": what_if["at_stake"],
                "what_if_points_at_stake": what_if["points_at_stake"],
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def _trend_commands(self):
        """One score per indicator and month, for the months up to the end of the period."""
        engine = self.env["public_admin.indicator.engine"]
        base = self._period()
        commands = []
        for month_start in base.previous_month_starts(TREND_MONTHS):
            month_end = (month_start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            period = self._period(month_start, min(month_end, self.date_to))
            for result in engine._evaluate_all(period):
                if result["score"] is None:
                    continue
                commands.append(
                    fields.Command.create(
                        {
                            "indicator_id": result["indicator"].id,
                            "month": month_start,
                            "score": result["score"],
                            "ratio": 100.0 * result["ratio"] if result["ratio"] is not None else 0.0,
                        }
                    )
                )
        return commands


class PublicAdminSelfScoreLine(models.TransientModel):
    _name = "public_admin.self.score.line"
    _description = "Indicator of the self-score"
    _order = "sequence, id"

    score_id = fields.Many2one("public_admin.self.score", string="Self-score", required=True, ondelete="cascade")
    indicator_id = fields.Many2one("public_admin.indicator", required=True, ondelete="cascade")
    sequence = fields.Integer(related="indicator_id.sequence")
    code = fields.Char(related="indicator_id.code")
    name = fields.Char(related="indicator_id.name")
    group = fields.Selection(related="indicator_id.group")
    formula_text = fields.Text(related="indicator_id.formula_text")
    numerator_label = fields.Char(related="indicator_id.numerator_label", string="What the numerator counts")
    denominator_label = fields.Char(related="indicator_id.denominator_label", string="What the denominator counts")
    max_points = fields.Float(related="indicator_id.max_points", string="Points")
    formula = fields.Char(string="Scoring")
    is_measured = fields.Boolean(string="Measured")
    has_score = fields.Boolean()
    numerator = fields.Float(digits=(16, 0))
    denominator = fields.Float(digits=(16, 0))
    ratio = fields.Float(string="R (%)", digits=(16, 1))
    score = fields.Float(string="Points earned", digits=(16, 2))
    points_lost = fields.Float(digits=(16, 2))
    reason = fields.Text(string="Note")
    numerator_model = fields.Char()
    numerator_domain = fields.Text()
    lost_model = fields.Char()
    lost_domain = fields.Text()

    @api.model
    def _values_from(self, result):
        values = {
            "indicator_id": result["indicator"].id,
            "formula": result.get("formula") or "",
            "is_measured": result["measured"],
            "has_score": result["score"] is not None,
            "numerator": result["numerator"],
            "denominator": result["denominator"],
            "ratio": 100.0 * result["ratio"] if result["ratio"] is not None else 0.0,
            "score": result["score"] or 0.0,
            "points_lost": result["points_lost"] or 0.0,
            "reason": result["reason"],
        }
        for key in ("numerator", "lost"):
            action = result.get(f"{key}_action")
            if action:
                values[f"{key}_model"] = action[0]
                values[f"{key}_domain"] = json.dumps(_jsonable(action[1]))
        return values

    def _open(self, model, domain, title):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": f"{self.code} {title}",
            "res_model": model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": json.loads(domain or "[]"),
            "context": {"create": False},
        }

    def action_open_numerator(self):
        return self._open(self.numerator_model, self.numerator_domain, self.env._("Counted"))

    def action_open_lost(self):
        return self._open(self.lost_model, self.lost_domain, self.env._("Points lost"))

    def action_open_trend(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("%(code)s by month", code=self.code),
            "res_model": "public_admin.self.score.trend",
            "view_mode": "graph,list",
            "domain": [("score_id", "=", self.score_id.id), ("indicator_id", "=", self.indicator_id.id)],
        }


class PublicAdminSelfScoreTrend(models.TransientModel):
    _name = "public_admin.self.score.trend"
    _description = "Monthly score of an indicator"
    _order = "indicator_id, month"

    score_id = fields.Many2one("public_admin.self.score", required=True, ondelete="cascade")
    indicator_id = fields.Many2one("public_admin.indicator", required=True, ondelete="cascade")
    month = fields.Date(required=True)
    score = fields.Float(string="Points earned", aggregator="sum", digits=(16, 2))
    ratio = fields.Float(string="R (%)", aggregator="avg", digits=(16, 1))
