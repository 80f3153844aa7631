from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    public_admin_evaluation_survey_id = fields.Many2one(
        "survey.survey",
        string="Evaluation questionnaire",
        config_parameter="public_admin_survey.survey_id",
        help="The questionnaire citizens answer about a dossier. Empty: the one shipped with the suite.",
    )
    public_admin_evaluation_validity_days = fields.Integer(
        string="Evaluation link valid for (days)",
        config_parameter="public_admin_survey.validity_days",
        default=30,
    )
    public_admin_unhappy_follow_up = fields.Selection(
        selection=[
            ("activity", "An activity for the centre's manager"),
            ("complaint", "A complaint record"),
        ],
        string="Follow-up of a “not satisfied” answer",
        config_parameter="public_admin_survey.unhappy_follow_up",
        default="activity",
    )
    public_admin_unhappy_follow_up_days = fields.Integer(
        string="Follow-up deadline (days)",
        config_parameter="public_admin_survey.unhappy_follow_up_days",
        default=3,
    )
