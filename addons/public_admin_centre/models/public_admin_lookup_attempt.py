from datetime import timedelta

from odoo import api, fields, models


class PublicAdminLookupAttempt(models.Model):
    """A failed public status lookup, counted per client to slow down guessing.

    Kept in the database because the HTTP workers are separate processes; old rows are
    removed by the daily autovacuum.
    """

    _name = "public_admin.lookup.attempt"
    _description = "Failed public status lookup"
    _order = "date_attempt desc, id desc"

    ip_address = fields.Char(string="Client address", required=True, index=True, readonly=True)
    date_attempt = fields.Datetime(
        string="Attempted on",
        required=True,
        index=True,
        readonly=True,
        default=fields.Datetime.now,
    )

    @api.model
    def _settings(self):
        """(failures allowed, window in minutes), from system parameters, 5 in 15 by default."""
        params = self.env["ir.config_parameter"].sudo()
        try:
            max_failures = int(params.get_param("public_admin_centre.lookup_max_failures", 5))
            window = int(params.get_param("public_admin_centre.lookup_window_minutes", 15))
        except ValueError:
            max_failures, window = 5, 15
        return max(max_failures, 1), max(window, 1)

    @api.model
    def _is_blocked(self, ip_address):
        """True once the client failed too often within the window; it lasts until the oldest
        failure of the window ages out."""
        max_failures, window = self._settings()
        since = fields.Datetime.now() - timedelta(minutes=window)
        count = self.sudo().search_count(
            [("ip_address", "=", ip_address or ""), ("date_attempt", ">=", since)],
            limit=max_failures,
        )
        return count >= max_failures

    @api.model
    def _record_failure(self, ip_address):
        return self.sudo().create({"ip_address": ip_address or ""})

    @api.autovacuum
    def _gc_lookup_attempts(self):
        """Forget failures older than a day."""
        self.sudo().search([("date_attempt", "<", fields.Datetime.now() - timedelta(days=1))]).unlink()
