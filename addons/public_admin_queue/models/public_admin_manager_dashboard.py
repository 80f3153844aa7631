from odoo import models

TICKET = "public_admin.queue.ticket"


class PublicAdminManagerDashboard(models.TransientModel):
    """The waiting room of today on the manager's day: tickets, no-shows, waiting times."""

    _inherit = "public_admin.manager.dashboard"

    def _dashboard_sections(self, period):
        sections = super()._dashboard_sections(period)
        # The queue belongs to the centre, not to an agency: an agency head's dashboard
        # (scoped to their agencies) has no waiting room.
        if self.agency_ids or not self.env[TICKET].has_access("read"):
            return sections
        figures = self.env[TICKET]._queue_figures(period.date_from, period.date_to)
        today = [("day", ">=", period.date_from), ("day", "<=", period.date_to)]
        minutes = self.env._("min")
        sections.append(
            {
                "key": "queue",
                "title": self.env._("Waiting room today"),
                "sequence": 60,
                "tiles": [
                    {
                        "label": self.env._("Tickets taken"),
                        "value": figures["tickets"],
                        "model": TICKET,
                        "domain": today,
                    },
                    {
                        "label": self.env._("Waiting now"),
                        "value": figures["waiting"],
                        "model": TICKET,
                        "domain": today + [("state", "=", "waiting")],
                    },
                    {
                        "label": self.env._("Served"),
                        "value": figures["served"],
                        "model": TICKET,
                        "domain": today + [("state", "=", "done")],
                    },
                    {
                        "label": self.env._("No-shows"),
                        "value": figures["no_show"],
                        "model": TICKET,
                        "domain": today + [("state", "=", "no_show")],
                    },
                    {
                        "label": self.env._("Mean waiting time"),
                        "value": round(figures["wait_minutes"]["mean"] or 0, 1),
                        "unit": minutes,
                    },
                    {
                        "label": self.env._("Waiting time, 90th percentile"),
                        "value": round(figures["wait_minutes"]["p90"] or 0, 1),
                        "unit": minutes,
                    },
                    {
                        "label": self.env._("Mean serving time"),
                        "value": round(figures["serve_minutes"]["mean"] or 0, 1),
                        "unit": minutes,
                    },
                ],
            }
        )
        return sections
