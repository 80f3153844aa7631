from odoo import api, fields, models
from odoo.exceptions import ValidationError

INDICATOR_GROUPS = [
    ("transparency", "Transparency"),
    ("progress", "Progress"),
    ("online", "Online service"),
    ("payment", "Online payment"),
    ("digitisation", "Digitisation"),
    ("satisfaction", "Satisfaction"),
]


class PublicAdminIndicator(models.Model):
    """An indicator of the national public service ranking (Decision 766/QĐ-TTg).

    The formula is data with effective dates (``rule_ids``), so that a past score is computed
    again under the rules of its time. The figure itself comes from the indicator engine's
    ``_measure_<code>`` method, which the centre or another addon defines; without one, the
    indicator is shown as not measured here, for ``not_measured_reason``.
    """

    _name = "public_admin.indicator"
    _description = "National service indicator"
    _order = "sequence, code"

    code = fields.Char(required=True, help="As in Decision 766, e.g. 2.1; P2 and P3 for online payment.")
    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    group = fields.Selection(INDICATOR_GROUPS, required=True)
    max_points = fields.Float(string="Points", required=True)
    formula_text = fields.Text(string="Formula in words", translate=True)
    numerator_label = fields.Char(string="Numerator", translate=True)
    denominator_label = fields.Char(string="Denominator", translate=True)
    not_measured_reason = fields.Text(
        string="Why not measured here",
        translate=True,
        help="Shown when no installed module measures the indicator.",
    )
    active = fields.Boolean(default=True)
    rule_ids = fields.One2many("public_admin.indicator.rule", "indicator_id", string="Scoring rules")

    _sql_constraints = [("code_uniq", "unique(code)", "An indicator code is used once.")]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for indicator in self:
            indicator.display_name = f"{indicator.code} {indicator.name}"

    def _rule_at(self, day):
        """The scoring rule in force on ``day`` (the latest one effective by then)."""
        self.ensure_one()
        rules = self.rule_ids.filtered(lambda rule: rule.date_from <= day).sorted("date_from", reverse=True)
        return rules[:1]


class PublicAdminIndicatorRule(models.Model):
    """How an indicator turns a ratio R = numerator / denominator into points, from a date on:
    score = min(cap, points × R / target); when the denominator is zero, the full points or
    nothing (no score) as ``empty_policy`` says."""

    _name = "public_admin.indicator.rule"
    _description = "Scoring rule of an indicator"
    _order = "indicator_id, date_from desc"

    indicator_id = fields.Many2one("public_admin.indicator", required=True, ondelete="cascade", index=True)
    date_from = fields.Date(string="Effective from", required=True)
    points = fields.Float(required=True, help="Points for R = target.")
    target = fields.Float(default=1.0, required=True, help="The ratio that earns the points (e.g. 0.8).")
    cap = fields.Float(required=True, help="The score never exceeds it.")
    empty_policy = fields.Selection(
        [("full", "Full points"), ("none", "No score")],
        string="Nothing to measure",
        default="none",
        required=True,
        help="The score when the denominator is zero.",
    )
    legal_basis = fields.Char()

    @api.constrains("target")
    def _check_target(self):
        for rule in self:
            if rule.target <= 0:
                raise ValidationError(self.env._("The target ratio must be positive."))

    def _score(self, numerator, denominator):
        """Points for the figures, or None when nothing can be scored."""
        self.ensure_one()
        if not denominator:
            return self.cap if self.empty_policy == "full" else None
        return min(self.cap, self.points * (numerator / denominator) / self.target)

    def _formula(self):
        self.ensure_one()
        if self.target == 1.0 and self.points == self.cap:
            return f"{self.points:g}·R"
        expression = f"{self.points:g}·R" if self.target == 1.0 else f"{self.points:g}·R/{self.target:g}"
        return f"min({self.cap:g}, {expression})"
