from odoo import fields, models
from odoo.tools import SQL


class PublicAdminDossierCounter(models.Model):
    """Daily counter of dossier codes per agency.

    ``ir.sequence`` date ranges are created lazily by whichever transaction asks first, so two
    counters receiving the first dossier of a day at the same time could both create a range and
    both issue 0001. One row per (agency, day), bumped with an atomic upsert, cannot: the second
    transaction waits for the first one's row lock, and under Odoo's repeatable-read isolation it
    then fails with a serialization error that Odoo retries, getting the next number.
    """

    _name = "public_admin.dossier.counter"
    _description = "Daily dossier code counter"
    _log_access = False

    agency_id = fields.Many2one("public_admin.agency", required=True, ondelete="cascade", index=True)
    day = fields.Date(required=True)
    last_number = fields.Integer(required=True, default=0)

    _sql_constraints = [("agency_day_uniq", "unique(agency_id, day)", "One counter per agency and day.")]

    def _next_number(self, agency, day):
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO public_admin_dossier_counter (agency_id, day, last_number)
                VALUES (%(agency)s, %(day)s, 1)
                ON CONFLICT (agency_id, day)
                DO UPDATE SET last_number = public_admin_dossier_counter.last_number + 1
                RETURNING last_number
                """,
                agency=agency.id,
                day=day,
            )
        )
        return self.env.cr.fetchone()[0]
