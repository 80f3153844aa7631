from odoo import api, fields, models

from .survey_question import LEVEL_POINTS, LEVELS


class SurveyUserInputLine(models.Model):
    """An answer of a dossier evaluation, with the level and points of the chosen answer stored,
    so that the per-criterion results are grouped and averaged by the database."""

    _inherit = "survey.user_input.line"

    public_admin_dossier_id = fields.Many2one(
        related="user_input_id.public_admin_dossier_id", store=True, index="btree_not_null", string="Dossier"
    )
    public_admin_role = fields.Selection(related="question_id.public_admin_role", store=True, string="Role")
    public_admin_level = fields.Selection(
        LEVELS, compute="_compute_public_admin_level", store=True, string="Satisfaction level"
    )
    public_admin_score = fields.Float(
        compute="_compute_public_admin_level", store=True, string="Score (1-3)", aggregator="avg"
    )
    public_admin_satisfied_rate = fields.Float(
        compute="_compute_public_admin_level",
        store=True,
        string="Satisfied (%)",
        aggregator="avg",
        help="100 for a very satisfied or satisfied answer, 0 otherwise: its average is the satisfaction rate.",
    )

    @api.depends("suggested_answer_id.public_admin_level")
    def _compute_public_admin_level(self):
        for line in self:
            level = line.suggested_answer_id.public_admin_level
            line.public_admin_level = level or False
            line.public_admin_score = LEVEL_POINTS.get(level, 0.0)
            line.public_admin_satisfied_rate = 100.0 if level in ("very_satisfied", "satisfied") else 0.0
