from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PublicAdminCalendarMakeupDay(models.Model):
    """A weekend day on which civil servants work to make up for a bridged
    day off (e.g. Saturday 10/01/2026 worked for Friday 02/01/2026).

    Holidays themselves are ordinary global ``resource.calendar.leaves``;
    Odoo has no notion of "extra working day", hence this model. The deadline
    engine (``public_admin.deadline``) counts such a day with the hours of the
    calendar's Monday, the template of a normal weekday.
    """

    _name = "public_admin.calendar.makeup.day"
    _description = "Make-up Working Day"
    _order = "date desc, id desc"

    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Schedule",
        required=True,
        ondelete="cascade",
        index=True,
    )
    date = fields.Date(required=True)
    name = fields.Char(
        string="Reason",
        help="Why this day is worked, e.g. 'Làm bù cho ngày 02/01/2025'.",
    )
    company_id = fields.Many2one(related="calendar_id.company_id", store=True)

    _sql_constraints = [
        (
            "calendar_date_uniq",
            "unique(calendar_id, date)",
            "A working schedule cannot have the same make-up day twice.",
        ),
    ]

    @api.constrains("calendar_id", "date")
    def _check_date_is_not_a_regular_working_day(self):
        # Catches the classic data-entry slip of typing the bridged weekday
        # (the day off) instead of the Saturday that is worked.
        for day in self:
            if str(day.date.weekday()) in day.calendar_id._public_admin_worked_weekdays():
                raise ValidationError(
                    self.env._(
                        "%(date)s is already a working day of %(calendar)s: a make-up "
                        "day must fall on a day the schedule does not normally work "
                        "(usually a Saturday).",
                        date=day.date,
                        calendar=day.calendar_id.display_name,
                    )
                )
