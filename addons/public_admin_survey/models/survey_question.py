from odoo import fields, models

# Points of each level, for the average score (3 = best).
LEVEL_POINTS = {"very_satisfied": 3, "satisfied": 2, "not_satisfied": 1}
LEVELS = [
    ("very_satisfied", "Very satisfied"),
    ("satisfied", "Satisfied"),
    ("not_satisfied", "Not satisfied"),
]


class SurveyQuestion(models.Model):
    """A question of the dossier evaluation says what it measures: the overall rating (one per
    questionnaire), one of the criteria, or the citizen's comment. A centre edits or replaces the
    questionnaire in Survey and sets this role on its questions; no code is needed."""

    _inherit = "survey.question"

    public_admin_role = fields.Selection(
        [("overall", "Overall rating"), ("criterion", "Criterion"), ("comment", "Comment")],
        string="Role in the dossier evaluation",
        help="Overall rating: the three-level answer the satisfaction indices count. "
        "Criterion: a detailed criterion, reported per criterion. Comment: free text.",
    )


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    public_admin_level = fields.Selection(
        LEVELS,
        string="Satisfaction level",
        help="The level this answer stands for in the satisfaction indices "
        "(a criterion's best answer is “very satisfied”, its worst “not satisfied”).",
    )
