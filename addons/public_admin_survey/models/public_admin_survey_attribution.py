from odoo import api, fields, models

from .survey_question import LEVEL_POINTS, LEVELS


class PublicAdminSurveyAttribution(models.Model):
    """Who an answered evaluation is about: one row per agency, officer and counter that handled
    the dossier, with the rating. The indices group these rows (by agency, officer, counter,
    procedure, date), so a rating counts for everyone who worked on the dossier, not only for
    the counter that returned it.

    ``kind`` tells what the row stands for; an index by officer groups the ``officer`` rows, an
    index by agency the ``agency`` rows (one dossier counts once per agency and per officer).
    """

    _name = "public_admin.survey.attribution"
    _description = "Satisfaction rating attributed to an agency, officer or counter"
    _order = "date_answered desc, id desc"

    user_input_id = fields.Many2one(
        "survey.user_input", string="Evaluation", required=True, ondelete="cascade", index=True
    )
    dossier_id = fields.Many2one("public_admin.dossier", required=True, ondelete="cascade", index=True)
    procedure_id = fields.Many2one("public_admin.procedure", index=True)
    kind = fields.Selection(
        [("agency", "Agency"), ("officer", "Officer"), ("counter", "Counter")], required=True, index=True
    )
    agency_id = fields.Many2one("public_admin.agency", index=True)
    user_id = fields.Many2one("res.users", string="Officer", index=True)
    counter_id = fields.Many2one("public_admin.counter", index=True)
    reception_centre_id = fields.Many2one("public_admin.agency", string="Reception centre", index=True)
    date_answered = fields.Datetime(string="Answered on", index=True)
    rating = fields.Selection(LEVELS, string="Overall rating", index=True)
    score = fields.Float(string="Score (1-3)", aggregator="avg", help="Points of the overall rating: 3, 2 or 1.")
    satisfied_rate = fields.Float(
        string="Satisfied (%)",
        aggregator="avg",
        help="100 when very satisfied or satisfied, 0 otherwise: its average is the satisfaction rate.",
    )
    very_satisfied_count = fields.Integer(string="Very satisfied")
    satisfied_count = fields.Integer(string="Satisfied")
    not_satisfied_count = fields.Integer(string="Not satisfied")

    @api.model
    def _create_for(self, user_inputs):
        """The rows of answered evaluations (as superuser: written by the answer itself)."""
        vals_list = []
        for user_input in user_inputs.sudo():
            dossier = user_input.public_admin_dossier_id
            rating = user_input.public_admin_rating
            common = {
                "user_input_id": user_input.id,
                "dossier_id": dossier.id,
                "procedure_id": dossier.procedure_id.id,
                "reception_centre_id": dossier.receiving_agency_id.id,
                "date_answered": user_input.public_admin_date_answered,
                "rating": rating or False,
                "score": LEVEL_POINTS.get(rating, 0.0),
                "satisfied_rate": 100.0 if rating in ("very_satisfied", "satisfied") else 0.0,
                "very_satisfied_count": int(rating == "very_satisfied"),
                "satisfied_count": int(rating == "satisfied"),
                "not_satisfied_count": int(rating == "not_satisfied"),
            }
            for agency in user_input.public_admin_agency_ids:
                vals_list.append(dict(common, kind="agency", agency_id=agency.id))
            for user in user_input.public_admin_user_ids:
                vals_list.append(dict(common, kind="officer", user_id=user.id))
            if user_input.public_admin_counter_id:
                vals_list.append(dict(common, kind="counter", counter_id=user_input.public_admin_counter_id.id))
        return self.sudo().create(vals_list)

    @api.model
    def _indices(self, kind, group_by, domain=None):
        """Satisfaction rate and average score of ``kind`` rows grouped by ``group_by``:
        ``{group key: {"count", "satisfied_rate", "score"}}``, computed by the database."""
        groups = self._read_group(
            [("kind", "=", kind), ("rating", "!=", False)] + (domain or []),
            [group_by],
            ["__count", "satisfied_rate:avg", "score:avg"],
        )
        return {key: {"count": count, "satisfied_rate": rate, "score": score} for key, count, rate, score in groups}
